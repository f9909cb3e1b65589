"""The round: its council with attendance and quorum, and the dossiers on the agenda with their progress.
The dossier list filters accent-insensitively (đ = d) and sorts in Vietnamese order inside its own model —
a QSortFilterProxyModel over 20,000 rows would take seconds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.text import fold, vi_sort_key
from ocop_desktop.services.queries import DossierRow, MemberRow, RoundView
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.sorted_model import Index as _Index
from ocop_desktop.ui.sorted_model import SortedFilteredModel
from ocop_desktop.ui.words import role_text


def _headers() -> tuple[str, ...]:
    return (
        tr("STT"),
        tr("Sản phẩm"),
        tr("Mã số"),
        tr("Chủ thể"),
        tr("Phiếu"),
        tr("Đã nộp"),
        tr("Điểm TB"),
        tr("Sao"),
        tr("Trạng thái"),
    )


class DossierModel(SortedFilteredModel):
    """Dossier rows with their own accent-insensitive filter and Vietnamese sort."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self._warm: list[int] = []

    def row_id(self, row: DossierRow) -> str:
        return row.dossier_id

    def filtering(self) -> bool:
        return bool(self.text)

    def keeps(self, row: DossierRow) -> bool:
        return self.text in row.search_key

    def sort_key(self, column: int) -> Callable[[DossierRow], Any]:
        makers: dict[int, Callable[[DossierRow], Any]] = {
            0: lambda r: r.agenda_order,
            1: lambda r: vi_sort_key(r.product_name),
            2: lambda r: r.product_code or "",
            3: lambda r: vi_sort_key(r.producer_name),
            4: lambda r: r.sheet_id,
            5: lambda r: r.submitted,
            6: lambda r: float(r.average or -1),
            7: lambda r: r.stars or 0,
            8: lambda r: (r.locked, r.status or ""),
        }
        return makers.get(column, makers[0])

    def set_rows(self, rows: Sequence[DossierRow]) -> None:
        super().set_rows(rows)
        self._warm = [1, 3]  # the Vietnamese name keys cost most: compute them once the window is up and idle
        # the model as context: a model closed (with its window) before the timer fires is not called
        QTimer.singleShot(300, self, self._warm_next)

    def _warm_next(self) -> None:
        if self._warm:
            self.keys(self._warm.pop(0))
            QTimer.singleShot(0, self, self._warm_next)

    def set_filter(self, text: str) -> None:
        self.text = fold(text.strip())
        self.refilter()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.visible[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.dossier_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        values = (
            row.agenda_order,
            row.product_name,
            row.product_code or "",
            row.producer_name,
            row.sheet_id.rsplit("-", 1)[-1],
            f"{row.submitted}/{row.expected}",
            (row.average or "").replace(".", ","),
            "★" * row.stars if row.stars else "",
            (tr("Đã phê duyệt") if row.locked else tr("Chênh lệch vượt ngưỡng") if row.spread_exceeds_limit else "")
            + (f" ({tr('chấm lại')})" if row.scoring_round > 1 else ""),
        )
        return values[column]

    def dossier_at(self, row: int) -> str | None:
        return self.visible[row].dossier_id if 0 <= row < len(self.visible) else None


class RoundPage(QWidget):
    """Council, attendance (the secretary ticks who is present) and the agenda."""

    dossier_activated = Signal(str)
    attendance_changed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.quorum = QLabel()
        self.quorum.setObjectName("quorum")
        self.members_box = QGroupBox(tr("Thành viên hội đồng và điểm danh"))
        self.members_grid = QGridLayout(self.members_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Tìm sản phẩm, mã số, chủ thể (không cần dấu)…"))
        self.model = DossierModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # measure 200 rows, not 20,000
        self.search.textChanged.connect(self.model.set_filter)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.quorum)
        layout.addWidget(self.members_box)
        self.documents_button = QPushButton(tr("Tài liệu của đợt (Alt+6)…"))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Hồ sơ trong đợt")))
        row.addWidget(self.search, 1)
        row.addWidget(self.documents_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def load(self, view: RoundView, *, can_edit_attendance: bool) -> None:
        self.title.setText(f"{view.council_name}\n{view.name} — {tr('bộ tiêu chí')} {view.rule_version_id}")
        chair = f" {tr('và có mặt chủ tịch')}" if view.quorum_requires_chair else ""
        state = tr("đủ túc số") if view.quorum_met else tr("chưa đủ túc số")
        date = view.session_date.strftime("%d/%m/%Y") if view.session_date else tr("chưa có phiên họp")
        present = f"{tr('có mặt')} {view.present}/{view.scoring_members} {tr('thành viên chấm điểm')}"
        need = f"{tr('cần')} {view.quorum[0]}/{view.quorum[1]}{chair}"
        if not view.attendance_taken:  # nobody ticked yet: no count and no verdict to read
            present, state = tr("chưa điểm danh"), tr("đánh dấu thành viên có mặt bên dưới")
        self.quorum.setText(f"{tr('Phiên họp')} {date}: {present} — {state} ({need})")
        while self.members_grid.count():
            child = self.members_grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, member in enumerate(view.members):
            self._member_row(index, member, can_edit_attendance and view.session_id is not None)
        self.model.set_rows(list(view.dossiers))
        for column in (0, 2, 4, 5, 6, 7):
            self.table.resizeColumnToContents(column)

    def _member_row(self, index: int, member: MemberRow, editable: bool) -> None:
        row, col = divmod(index, 2)
        box = QCheckBox(f"{member.full_name} — {role_text(member.role)}")
        box.setChecked(bool(member.present))
        box.setEnabled(editable)
        box.toggled.connect(
            lambda present, member_id=member.member_id: self.attendance_changed.emit(member_id, present)
        )
        self.members_grid.addWidget(box, row, col)

    def _activated(self, index: QModelIndex) -> None:
        dossier_id = self.model.dossier_at(index.row())
        if dossier_id is not None:
            self.dossier_activated.emit(dossier_id)
