"""Help → About: the version, the rule versions and criteria sheets bundled, the licences of the bundled fonts and
data (their full texts), and the versions and folders a technician asks for."""

from __future__ import annotations

import datetime as dt
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import __version__
from ocop_desktop.paths import install_root, user_data_dir
from ocop_desktop.services.about import BundledLicence, BundledVersion, bundled_licences, bundled_versions
from ocop_desktop.ui.dialogs import name_buttons
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.widgets import fit_to_screen


def vi_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def submissions_text(version: BundledVersion) -> str:
    if version.submissions_to is None:
        return tr("từ {start}").format(start=vi_date(version.submissions_from))
    return f"{vi_date(version.submissions_from)} – {vi_date(version.submissions_to)}"


def sheets_text(version: BundledVersion) -> str:
    if version.sheets == 0:
        return tr("chưa có phiếu chấm")
    if version.sheets_status == "complete":
        return tr("{n} phiếu, đầy đủ", n=version.sheets)
    return tr("{n} phiếu, chép lại từ nguồn thứ cấp, chỉ để tra cứu", n=version.sheets)


def criteria_licence(versions: list[BundledVersion]) -> BundledLicence:
    """The criteria's words are the decisions' own: legal texts, which copyright does not cover."""
    lines = [
        tr(
            "Tên tiêu chí, phương án và điểm số giữ nguyên lời văn của các quyết định của Thủ tướng Chính phủ. "
            "Văn bản quy phạm pháp luật không thuộc đối tượng bảo hộ quyền tác giả (Luật Sở hữu trí tuệ, Điều 15)."
        ),
        "",
    ]
    for version in versions:
        if version.source:
            lines.append(f"{version.decision_number}: {version.source}")
    text = "\n".join(lines)
    return BundledLicence("criteria", tr("Nội dung bộ tiêu chí"), tr("Văn bản quy phạm pháp luật"), "", text)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Giới thiệu OCOP Desktop"))
        self.versions = bundled_versions()
        self.licences = [*bundled_licences(), criteria_licence(self.versions)]

        title = QLabel(f"OCOP Desktop {__version__}")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        subtitle = QLabel(
            tr("Đánh giá, phân hạng sản phẩm OCOP — làm việc không cần mạng")
            + "\n"
            + tr("Mã nguồn mở, Giấy phép Apache 2.0; thư viện, phông chữ và dữ liệu kèm theo giữ giấy phép riêng.")
        )
        runtime = QLabel(
            f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__} · "
            f"{platform.system()} {platform.release()}"
        )
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._versions_tab(), tr("Bộ tiêu chí"))
        self.tabs.addTab(self._licences_tab(), tr("Giấy phép"))
        self.tabs.addTab(self._folders_tab(), tr("Thư mục"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, subtitle, runtime):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 560)

    def _versions_tab(self) -> QWidget:
        total = sum(v.sheets for v in self.versions)
        summary = QLabel(
            tr(
                "{sheets} phiếu chấm của {versions} phiên bản quy định có sẵn trong phần mềm.",
                sheets=total,
                versions=len(self.versions),
            )
        )
        self.versions_table = QTableWidget(len(self.versions), 5)
        self.versions_table.setHorizontalHeaderLabels(
            [tr("Phiên bản"), tr("Văn bản"), tr("Ngày ban hành"), tr("Hồ sơ nộp"), tr("Phiếu chấm")]
        )
        self.versions_table.verticalHeader().setVisible(False)
        self.versions_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, version in enumerate(reversed(self.versions)):
            cells = (
                version.id,
                version.title,
                vi_date(version.decision_date),
                submissions_text(version),
                sheets_text(version),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(version.source or text)
                self.versions_table.setItem(row, column, item)
        header = self.versions_table.horizontalHeader()
        for column in range(self.versions_table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the decision's title wraps
        self.versions_table.setWordWrap(True)
        self.versions_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(summary)
        layout.addWidget(self.versions_table, 1)
        return tab

    def _licences_tab(self) -> QWidget:
        kinds = {"font": tr("Phông chữ"), "data": tr("Dữ liệu đơn vị hành chính")}
        self.licence_list = QListWidget()
        for licence in self.licences:
            name = licence.subject.split(" (")[0]  # the files covered are in the text on the right
            text = f"{kinds[licence.kind]}: {name}" if licence.kind in kinds else name
            if licence.licence:
                text += f"\n    {licence.licence}"
            item = QListWidgetItem(text)
            item.setToolTip(licence.file or text)
            self.licence_list.addItem(item)
        self.licence_source = QLabel()
        self.licence_source.setWordWrap(True)
        self.licence_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_list.currentRowChanged.connect(self._show_licence)
        right = QVBoxLayout()
        right.addWidget(self.licence_source)
        right.addWidget(self.licence_text, 1)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addWidget(self.licence_list, 2)
        layout.addLayout(right, 3)
        self.licence_list.setCurrentRow(0)
        return tab

    def _show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.licences):
            return
        licence = self.licences[row]
        where = [tr("Tệp: {file}").format(file=f"resources/{licence.file}")] if licence.file else []
        if licence.source:
            where.append(tr("Nguồn: {source}").format(source=licence.source))
        self.licence_source.setText("\n".join(where))
        self.licence_source.setVisible(bool(where))
        self.licence_text.setPlainText(licence.text)

    def _folders_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        for label, value in (
            (tr("Thư mục phần mềm"), str(install_root())),
            (tr("Thư mục dữ liệu của người dùng (khóa ký, khóa tin cậy)"), str(user_data_dir())),
        ):
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        return tab
