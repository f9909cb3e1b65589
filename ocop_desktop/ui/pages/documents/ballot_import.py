"""A member's returned Excel ballots, checked before anything is saved: whose they are, which round and file, and
per product sheet the totals the app computes (or why it cannot save them). Saving is allowed only when the
service found no problem, so the secretary never saves what they have not seen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.messages import describe
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import name_buttons
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.widgets import table_rows

if TYPE_CHECKING:  # the service brings openpyxl and ReportLab: imported when it is used
    from ocop_desktop.services.ballot_workbooks import BallotWorkbookPreview, ProductLine

SHORT_SHA = 16  # as the command line prints it: enough to tell two files apart when reading it aloud


def choose_ballot_workbook(parent: QWidget) -> Path | None:
    return file_dialogs.open_file(parent, "ballots", tr("Chọn phiếu chấm Excel thành viên gửi lại"), "Excel (*.xlsx)")


def _sheet_of(problem_location: tuple[tuple[str, str], ...]) -> str | None:
    return dict(problem_location).get("sheet")


class BallotImportDialog(QDialog):
    """The preview of one workbook; its Save button ("Lưu và nộp phiếu") is enabled only when the preview is ok."""

    def __init__(self, parent: QWidget | None, preview: BallotWorkbookPreview) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nhập phiếu chấm Excel"))
        lang = current_lang()
        blank = {_sheet_of(n.location) for n in preview.notes if n.code == "ballots_xlsx.blank_sheet"}
        wrong = {_sheet_of(p.location) for p in preview.problems}
        filled = sum(1 for line in preview.lines if line.filled)

        head = QFormLayout()
        self.member = QLabel(preview.member or "—")
        self.round = QLabel(preview.round_name or "—")
        self.file = QLabel(preview.file)
        self.sha = QLabel(preview.sha256[:SHORT_SHA] or "—")
        self.sha.setToolTip(preview.sha256)
        for label, value in (
            (tr("Thành viên"), self.member),
            (tr("Đợt"), self.round),
            (tr("Tệp"), self.file),
            ("SHA-256", self.sha),
        ):
            head.addRow(label, value)
        if preview.problems:
            summary = tr(
                "Tệp có {count} lỗi; chưa lưu gì. Hãy sửa trong Excel rồi nhập lại.", count=len(preview.problems)
            )
        else:
            summary = tr("{count} phiếu hợp lệ, sẵn sàng lưu và nộp.").format(count=filled)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)

        self.table = QTableWidget(len(preview.lines), 3)
        self.table.setHorizontalHeaderLabels([tr("Trang tính (sản phẩm)"), tr("Tổng điểm"), tr("Điểm theo phần")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, line in enumerate(preview.lines):
            total, parts = self._cells(line, blank=line.sheet in blank, wrong=line.sheet in wrong)
            for column, text in enumerate((line.sheet, total, parts)):
                item = QTableWidgetItem(text)
                if line.filled:  # what will be saved stands out among the skipped sheets
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(bool(preview.lines))

        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        for problem in preview.problems:
            self.problems.addItem(f"• {describe(problem, lang)}")
        for note in preview.notes:
            if note.code != "ballots_xlsx.blank_sheet":  # a blank sheet is already said on its row
                self.problems.addItem(f"{tr('Ghi chú')}: {describe(note, lang)}")
        self.problems.setVisible(self.problems.count() > 0)
        self.problems.setStyleSheet("color: #b00020;" if preview.problems else "")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        self.save: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(tr("Lưu và nộp phiếu"))
        self.save.setEnabled(preview.ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        if preview.problems:
            layout.addWidget(QLabel(tr("Lỗi")))
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(900, 500)

    @staticmethod
    def _cells(line: ProductLine, *, blank: bool, wrong: bool) -> tuple[str, str]:
        """The total and part totals of a filled sheet; else why there are none."""
        if line.filled:
            parts = " · ".join(f"{tr('Phần')} {part}: {points}" for part, points in line.part_totals.items())
            return str(line.total), parts
        if wrong:
            return tr("có lỗi"), tr("xem danh sách lỗi bên dưới")
        if blank:
            return tr("để trống"), tr("bỏ qua, không lưu phiếu cho sản phẩm này")
        return "—", ""

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (sheet, total, parts)."""
        return [(sheet, total, parts) for sheet, total, parts in table_rows(self.table)]

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]
