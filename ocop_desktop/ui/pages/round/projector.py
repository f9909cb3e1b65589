"""The projector window for the meeting room: large type, who has submitted, and results once approved.
It never shows a member's choices or totals while anyone is still scoring."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries
from ocop_desktop.services.queries import RoundView
from ocop_desktop.ui.i18n import tr


class ProjectorWindow(QWidget):
    """Opens full screen on the screen it is on (the projector); Esc or F5 leaves it, F11 switches full screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("OCOP Desktop — Màn chiếu"))
        self.setStyleSheet("background: #0b2545; color: white;")
        self.resize(1280, 720)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.body = QLabel()
        self.body.setObjectName("projector_body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.body.setStyleSheet("font-size: 20pt;")
        self.hint = QLabel(tr("Esc hoặc F5: đóng màn chiếu · F11: toàn màn hình / cửa sổ"))
        self.hint.setStyleSheet("font-size: 10pt; color: #8d99ae;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.hint)

    def present(self) -> None:
        """Full screen, in front."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def show_round(self, view: RoundView, current: tuple[str, list[tuple[str, bool]]] | None = None) -> None:
        """The agenda with each product's state; for the product being scored, who has submitted (names only,
        never a choice or a total)."""
        self.title.setText(f"{view.council_name}\n{view.name}")
        rows = []
        for row in view.dossiers:
            if row.locked and row.status is not None:
                stars = "★" * row.stars if row.stars else tr("không xếp hạng")
                result = f"{(row.average or '').replace('.', ',')} — <span style='color:#ffd166'>{stars}</span>"
            elif row.submitted >= row.expected > 0:
                result = tr("đã chấm xong, chờ phê duyệt")
            elif row.submitted == 0:
                result = tr("chưa chấm")
            else:
                result = f"{tr('đang chấm')}: {row.submitted}/{row.expected} {tr('phiếu đã nộp')}"
            rows.append(
                f"<tr><td style='padding:6px 18px'>{row.agenda_order}</td>"
                f"<td style='padding:6px 18px'>{escape(row.product_name)}</td>"
                f"<td style='padding:6px 18px'>{result}</td></tr>"
            )
        progress = ""
        if current is not None:
            product, members = current
            marks = " &nbsp; ".join(
                f"<span style='color:{'#06d6a0' if done else '#8d99ae'}'>{'✔' if done else '…'} {escape(name)}</span>"
                for name, done in members
            )
            progress = f"<p style='font-size:18pt'>{tr('Đang chấm')}: <b>{escape(product)}</b><br>{marks}</p>"
        self.body.setText(f"{progress}<table>{''.join(rows)}</table>")


def scoring_progress(
    db: Database, view: RoundView, dossier_id: str | None
) -> tuple[str, list[tuple[str, bool]]] | None:
    """Who has submitted a ballot for the chosen dossier, while it is being scored (names only)."""
    row = next((r for r in view.dossiers if r.dossier_id == dossier_id), None)
    if row is None or row.locked or dossier_id is None:
        return None
    submitted = {
        b.member_id
        for b in queries.ballots_of_dossier(db, dossier_id)
        if b.scoring_round == row.scoring_round and b.status is BallotStatus.SUBMITTED
    }
    members = [m for m in view.members if m.role.scores and m.present is not False]
    return row.product_name, [(m.full_name, m.member_id in submitted) for m in members]
