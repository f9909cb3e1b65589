"""The projector window for the meeting room: large type, who has submitted, and results once approved.
It never shows a member's choices or totals while anyone is still scoring."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.services.queries import RoundView
from ocop_desktop.ui.i18n import tr


class ProjectorWindow(QWidget):
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
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.body.setStyleSheet("font-size: 20pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)

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
