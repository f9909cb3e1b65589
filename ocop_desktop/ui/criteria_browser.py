"""The criteria browser: every bundled sheet, criterion by criterion, with points, star minimums and notes.

A council member uses it to read the official sheet and its guidance; the scoring screens build on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.text import fold
from ocop_desktop.scoring.catalogue import Criterion, Sheet
from ocop_desktop.scoring.engine import star_minimums_checked
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet, rule_versions
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.words import minimums_not_checked_text

STAR = "★"
ROLE_ITEM = Qt.ItemDataRole.UserRole


class CriteriaBrowser(QMainWindow):
    """Sheets on the left, the chosen sheet as a tree in the middle, details of the chosen row on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(tr("OCOP Desktop — Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP"))
        self.resize(1280, 800)
        self._sheet: Sheet | None = None

        self.version_box = QComboBox()
        for version in reversed(rule_versions()):
            self.version_box.addItem(version.title, version.id)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Tìm phiếu (không cần dấu)…"))
        self.sheet_list = QListWidget()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(tr("Phiên bản quy định")))
        left_layout.addWidget(self.version_box)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.sheet_list)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("Tiêu chí / phương án"), tr("Điểm"), tr("Tối thiểu")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.header)
        middle_layout.addWidget(self.tree)

        self.details = QTextBrowser()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 660, 320])
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

        self.version_box.currentIndexChanged.connect(self._fill_sheets)
        self.search.textChanged.connect(self._filter)
        self.sheet_list.currentItemChanged.connect(self._show_sheet)
        self.tree.currentItemChanged.connect(self._show_details)
        self._fill_sheets()

    def _fill_sheets(self) -> None:
        self.sheet_list.clear()
        version_id = self.version_box.currentData()
        sheets = list_sheets(version_id)
        if not sheets:
            self.tree.clear()
            self.header.setText(
                tr("Phiên bản này chưa có phiếu chấm trong phần mềm: hồ sơ cũ vẫn được ghi nhận đúng phiên bản.")
            )
            return
        for summary in sheets:
            number = f"{summary.sheet_no}. " if summary.sheet_no else ""
            item = QListWidgetItem(f"{number}{summary.title}")
            item.setData(ROLE_ITEM, (summary.version_id, summary.sheet_id))
            item.setToolTip(" / ".join(summary.group_path))
            self.sheet_list.addItem(item)
        self.sheet_list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        key = fold(text.strip())
        for row in range(self.sheet_list.count()):
            item = self.sheet_list.item(row)
            item.setHidden(bool(key) and key not in fold(item.text() + " " + item.toolTip()))

    def select_sheet(self, sheet_id: str) -> bool:
        for row in range(self.version_box.count()):
            version_id = self.version_box.itemData(row)
            if any(s.sheet_id == sheet_id for s in list_sheets(version_id)):
                self.version_box.setCurrentIndex(row)
                break
        for row in range(self.sheet_list.count()):
            if self.sheet_list.item(row).data(ROLE_ITEM)[1] == sheet_id:
                self.sheet_list.setCurrentRow(row)
                return True
        return False

    def _show_sheet(self, current: QListWidgetItem | None) -> None:
        self.tree.clear()
        if current is None:
            return
        version_id, sheet_id = current.data(ROLE_ITEM)
        sheet = load_sheet(version_id, sheet_id)
        self._sheet = sheet
        self.header.setText(
            f"<b>{sheet.sheet_id} — {sheet.title}</b><br>{' / '.join(sheet.group_path)}"
            + (f"<br>{tr('Cơ quan chủ trì')}: {sheet.managing_body}" if sheet.managing_body else "")
            + (
                ""
                if star_minimums_checked(sheet)
                else f"<br><span style='color:#b00020'>{minimums_not_checked_text()}</span>"
            )
        )
        bold = QFont()
        bold.setBold(True)
        for part in sheet.parts:
            part_row = QTreeWidgetItem([f"{tr('PHẦN')} {part.id}. {part.title}", str(part.max), ""])
            part_row.setFont(0, bold)
            self.tree.addTopLevelItem(part_row)
            for group in part.groups:
                group_row = QTreeWidgetItem([f"{group.id}. {group.title}", str(group.max), ""])
                group_row.setFont(0, bold)
                part_row.addChild(group_row)
                for crit in group.criteria:
                    parent = group_row
                    if not group.single_criterion or crit.sub_criteria:
                        parent = self._criterion_row(group_row, crit, same_as_group=False)
                    else:
                        group_row.setData(0, ROLE_ITEM, crit.id)
                        self._options(group_row, crit)
                    for sub in crit.sub_criteria:
                        self._criterion_row(parent, sub, same_as_group=False)
        self.tree.expandAll()
        self._show_sheet_notes(sheet)

    def _show_sheet_notes(self, sheet: Sheet) -> None:
        lines = [f"<h3>{sheet.title}</h3>"]
        if sheet.dossier_rejected_if:
            lines.append(f"<p><b>{tr('Hồ sơ bị loại')}</b></p>")
            lines.extend(f"<p>{text}</p>" for text in sheet.dossier_rejected_if)
        if star_minimums_checked(sheet):
            lines.append(
                f"<p>{tr('Dấu sao (★★★, ★★★★, ★★★★★) là mức tối thiểu phải đạt để được xếp hạng sao tương ứng.')}</p>"
            )
        else:
            lines.append(f"<p style='color:#b00020'><b>{minimums_not_checked_text()}</b></p>")
        if sheet.source_quality:
            lines.append(f"<p><i>{tr('Nguồn')}: {sheet.source_quality}</i></p>")
        self.details.setHtml("".join(lines))

    def _criterion_row(self, parent: QTreeWidgetItem, crit: Criterion, *, same_as_group: bool) -> QTreeWidgetItem:
        mandatory = crit.mandatory_from_star
        row = QTreeWidgetItem([f"{crit.id} {crit.text}", str(crit.max), STAR * mandatory if mandatory else ""])
        row.setData(0, ROLE_ITEM, crit.id)
        row.setToolTip(0, crit.text)
        parent.addChild(row)
        self._options(row, crit)
        return row

    def _options(self, row: QTreeWidgetItem, crit: Criterion) -> None:
        for option in crit.options:
            case = f" — {option.case}" if option.case else ""
            marker = STAR * option.star_minimum if option.star_minimum else ""
            child = QTreeWidgetItem([f"{option.number}) {option.condition}{case}", str(option.points), marker])
            child.setData(0, ROLE_ITEM, crit.id)
            child.setToolTip(0, option.condition)
            row.addChild(child)

    def _show_details(self, current: QTreeWidgetItem | None) -> None:
        if current is None or self._sheet is None:
            return
        crit_id = current.data(0, ROLE_ITEM)
        crit = self._sheet.criterion(crit_id) if crit_id else None
        if crit is None:
            self._show_sheet_notes(self._sheet)
            return
        lines = [f"<h3>{crit.id} {crit.text}</h3>", f"<p>{tr('Điểm tối đa')}: {crit.max}</p>"]
        minimums = crit.min_points_by_star
        if minimums:
            shown = ", ".join(f"{STAR * s}: {p}" for s, p in sorted(minimums.items()))
            lines.append(f"<p>{tr('Điểm tối thiểu theo hạng sao')}: {shown}</p>")
        if crit.guidance:
            lines.append(f"<p><b>{tr('Hướng dẫn')}:</b> {crit.guidance}</p>")
        if crit.applicable_if:
            lines.append(f"<p><b>{tr('Điều kiện áp dụng')}:</b> {crit.applicable_if}</p>")
        if crit.elimination_rule:
            lines.append(f"<p><b>{tr('Có quy định loại sản phẩm')}</b></p>")
        if crit.stop_rule:
            lines.append(f"<p><b>{tr('Có quy định dừng đánh giá')}</b> {crit.stop_rule_note or ''}</p>")
        lines.extend(f"<p>{note}</p>" for note in crit.notes)
        lines.extend(f"<p><i>{remark}</i></p>" for remark in crit.source_remarks)
        self.details.setHtml("".join(lines))
