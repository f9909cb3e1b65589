"""Setting up a round (secretary): the council and its members, a new round, meeting sessions, recusals, and the
dossiers — one by one in a form, or a whole list from Excel with a preview and every problem named by its cell
before anything is saved. Forms check through the services; a refusal is shown under the form, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain import values
from ocop_desktop.domain.admin_units import load_units_2025
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.enums import CommuneItem, CouncilLevel, Gender, LegalForm, MemberRole, RegistrationType
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.text import fold, vi_sort_key
from ocop_desktop.messages import describe
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.services.criteria_catalogue import list_sheets, rule_versions
from ocop_desktop.services.queries import CouncilView, DossierRow, DossierView, MemberRow, Preparation, ProducerView
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import Dialog, FormDialog, date_field, name_buttons
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.words import (
    above_authority_text,
    commune_item_text,
    gender_text,
    legal_form_text,
    level_text,
    registration_text,
    role_text,
)

if TYPE_CHECKING:  # the service brings openpyxl and ReportLab: imported when it is used
    from ocop_desktop.services.import_dossiers import ImportPreview


class AddressPicker(QWidget):
    """Province, then commune (2025 units), with an accent-insensitive filter for the commune list."""

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = False) -> None:
        """`stacked`: the province on a line of its own and the commune's filter and list below (a narrower form)."""
        super().__init__(parent)
        self.units = load_units_2025(admin_units_dir())
        self.province = QComboBox()
        self.province.addItem("—", None)
        for province in sorted(self.units, key=lambda p: vi_sort_key(p.short_name)):
            self.province.addItem(province.name, province.code)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Lọc xã, phường (không cần dấu)…"))
        self.commune = QComboBox()
        if stacked:
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.addWidget(self.province, 0, 0, 1, 2)
            grid.addWidget(self.filter, 1, 0)
            grid.addWidget(self.commune, 1, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 2)
        else:
            layout = QHBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.province, 2)
            layout.addWidget(self.filter, 1)
            layout.addWidget(self.commune, 2)
        self.province.currentIndexChanged.connect(self._fill)
        self.filter.textChanged.connect(self._fill)

    def _fill(self) -> None:
        code = self.province.currentData()
        key = fold(self.filter.text().strip())
        self.commune.clear()
        self.commune.addItem("—", None)
        province = next((p for p in self.units if p.code == code), None)
        if province is None:
            return
        for commune in sorted(province.communes, key=lambda c: vi_sort_key(c.short_name)):
            if not key or key in fold(commune.name):
                self.commune.addItem(commune.name, commune.code)
        if key and self.commune.count() == 2:
            self.commune.setCurrentIndex(1)

    def select(self, province_code: str | None, commune_code: str | None) -> None:
        self.province.setCurrentIndex(max(0, self.province.findData(province_code)))
        self.commune.setCurrentIndex(max(0, self.commune.findData(commune_code)))

    def codes(self) -> tuple[str | None, str | None]:
        return self.province.currentData(), self.commune.currentData()


class CouncilDialog(FormDialog):
    def suggest(self, name: str, level: str, issuing_body: str, above_authority: str = "refer_and_wait") -> None:
        """A new council starts from the file's own identity (set by the first-run assistant)."""
        self.name.setText(name)
        if level:
            self.level.setCurrentIndex(max(0, self.level.findData(CouncilLevel(level))))
        self.issuing_body.setText(issuing_body)
        self.above_authority.setCurrentIndex(max(0, self.above_authority.findData(above_authority)))

    def fill(self, view: CouncilView) -> None:
        self.name.setText(view.name)
        self.level.setCurrentIndex(max(0, self.level.findData(CouncilLevel(view.level))))
        self.issuing_body.setText(view.issuing_body)
        self.decision.setText(view.establishing_decision or "")
        self.numerator.setValue(view.quorum[0])
        self.denominator.setValue(view.quorum[1])
        self.chair.setChecked(view.quorum_requires_chair)
        self.above_authority.setCurrentIndex(max(0, self.above_authority.findData(view.above_authority)))

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Hội đồng đánh giá"))
        self.name = QLineEdit()
        self.level = QComboBox()
        for level in (CouncilLevel.PROVINCE, CouncilLevel.CENTRAL, CouncilLevel.DISTRICT, CouncilLevel.COMMUNE):
            self.level.addItem(level_text(level), level)
        self.issuing_body = QLineEdit()
        self.decision = QLineEdit()
        self.numerator = QSpinBox()
        self.numerator.setRange(1, 20)
        self.numerator.setValue(2)
        self.denominator = QSpinBox()
        self.denominator.setRange(1, 20)
        self.denominator.setValue(3)
        self.chair = QCheckBox(tr("Cần có mặt chủ tịch"))
        self.chair.setChecked(True)
        quorum = QHBoxLayout()
        quorum.addWidget(self.numerator)
        quorum.addWidget(QLabel("/"))
        quorum.addWidget(self.denominator)
        quorum.addWidget(self.chair)
        self.above_authority = QComboBox()  # policy ABOVE_AUTHORITY: a star above the council's authority
        for policy in ("refer_and_wait", "recognise_within_authority"):
            self.above_authority.addItem(above_authority_text(policy), policy)
        self.above_authority.setToolTip(
            tr(
                "Sản phẩm đạt hạng sao do cấp trên công nhận (5 sao ở cấp tỉnh): chỉ đề nghị cấp trên, hoặc công nhận "
                "ngay hạng sao cao nhất trong thẩm quyền của hội đồng và đề nghị cấp trên (QĐ 26/2026 Điều 7.4)"
            )
        )
        self.form.addRow(tr("Tên hội đồng"), self.name)
        self.form.addRow(tr("Cấp"), self.level)
        self.form.addRow(tr("Cơ quan ban hành"), self.issuing_body)
        self.form.addRow(tr("Quyết định thành lập"), self.decision)
        self.form.addRow(tr("Túc số (tỷ lệ thành viên có mặt)"), quorum)
        self.form.addRow(tr("Sản phẩm vượt thẩm quyền"), self.above_authority)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "level": self.level.currentData(),
            "issuing_body": self.issuing_body.text(),
            "establishing_decision": self.decision.text() or None,
            "quorum": (self.numerator.value(), self.denominator.value()),
            "quorum_requires_chair": self.chair.isChecked(),
            "above_authority": self.above_authority.currentData(),
        }


class MemberDialog(FormDialog):
    def __init__(self, parent: QWidget | None, title: str | None = None) -> None:
        super().__init__(parent, title or tr("Thêm thành viên hội đồng"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in MemberRole:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(self.role.findData(MemberRole.MEMBER))
        self.position = QLineEdit()
        self.organisation = QLineEdit()
        self.form.addRow(tr("Họ và tên"), self.full_name)
        self.form.addRow(tr("Vai trò"), self.role)
        self.form.addRow(tr("Chức vụ"), self.position)
        self.form.addRow(tr("Cơ quan"), self.organisation)

    def values(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name.text(),
            "role": self.role.currentData(),
            "position": self.position.text() or None,
            "organisation": self.organisation.text() or None,
        }


class RoundDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Tạo đợt đánh giá"))
        self.name = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(dt.date.today().year)
        self.version = QComboBox()
        for version in reversed(rule_versions()):
            self.version.addItem(version.title, version.id)
        self.spread = QLineEdit("10")
        self.place = QLineEdit()
        self.form.addRow(tr("Tên đợt"), self.name)
        self.form.addRow(tr("Năm"), self.year)
        self.form.addRow(tr("Bộ tiêu chí"), self.version)
        self.form.addRow(tr("Ngưỡng chênh lệch điểm"), self.spread)
        self.form.addRow(tr("Địa điểm"), self.place)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "year": self.year.value(),
            "rule_version_id": self.version.currentData(),
            "spread_limit": self.spread.text(),
            "place": self.place.text() or None,
        }


class SessionDialog(FormDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Thêm phiên họp"))
        self.date = QLineEdit(format_vi_date(dt.date.today()))
        self.date.setPlaceholderText("dd/mm/yyyy")
        self.place = QLineEdit()
        self.opened = QLineEdit("08:00")
        self.form.addRow(tr("Ngày họp (dd/mm/yyyy)"), self.date)
        self.form.addRow(tr("Địa điểm"), self.place)
        self.form.addRow(tr("Giờ bắt đầu"), self.opened)

    def values(self) -> dict[str, Any]:
        return {
            "date": date_field(self.date.text(), "date"),
            "place": self.place.text() or None,
            "opened_at": self.opened.text(),
        }


class ClosingDialog(FormDialog):
    """When the session ended: the minutes close with it ("Cuộc họp kết thúc vào hồi …")."""

    def __init__(self, parent: QWidget | None, session_date: dt.date | None) -> None:
        super().__init__(parent, tr("Giờ kết thúc phiên họp"))
        self.closed = QLineEdit(dt.datetime.now().strftime("%H:%M"))
        self.closed.setPlaceholderText("16:30")
        shown = format_vi_date(session_date) if session_date else ""
        self.form.addRow(tr("Phiên họp ngày"), QLabel(shown))
        self.form.addRow(tr("Giờ kết thúc (giờ:phút)"), self.closed)

    def values(self) -> dict[str, Any]:
        return {"closed_at": self.closed.text()}


class RecusalDialog(FormDialog):
    def __init__(self, parent: QWidget | None, members: list[MemberRow]) -> None:
        super().__init__(parent, tr("Thành viên không tham gia chấm hồ sơ này"))
        self.member = QComboBox()
        for member in members:
            if member.role.scores:
                self.member.addItem(member.full_name, member.member_id)
        self.reason = QLineEdit()
        self.form.addRow(tr("Thành viên"), self.member)
        self.form.addRow(tr("Lý do (xung đột lợi ích)"), self.reason)

    def values(self) -> dict[str, Any]:
        return {"member_id": self.member.currentData(), "reason": self.reason.text()}


class DossierDialog(FormDialog):
    """A new dossier: its producer, its product and the registration, in one form."""

    def __init__(self, parent: QWidget | None, rule_version_id: str) -> None:
        super().__init__(parent, tr("Thêm hồ sơ"))
        self.producer = QLineEdit()
        self.legal_form = QComboBox()
        for form in LegalForm:
            self.legal_form.addItem(legal_form_text(form), form)
        self.representative = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItem("—", None)
        self.gender.addItem(gender_text(Gender.FEMALE), Gender.FEMALE)
        self.gender.addItem(gender_text(Gender.MALE), Gender.MALE)
        self.ethnicity = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = AddressPicker()
        self.street = QLineEdit()
        self.product = QLineEdit()
        self.sheet = QComboBox()
        for summary in list_sheets(rule_version_id):
            self.sheet.addItem(f"{summary.sheet_no}. {summary.title}", summary.sheet_id)
        self.registration = QComboBox()
        for kind in RegistrationType:
            self.registration.addItem(registration_text(kind.value), kind)
        self.submitted = QLineEdit(format_vi_date(dt.date.today()))
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("để trống: phần mềm tự cấp mã"))
        for label, widget in (
            (tr("Tên chủ thể"), self.producer),
            (tr("Loại hình"), self.legal_form),
            (tr("Người đại diện"), self.representative),
            (tr("Giới tính"), self.gender),
            (tr("Dân tộc"), self.ethnicity),
            (tr("Điện thoại"), self.phone),
            (tr("Thư điện tử"), self.email),
            (tr("Tỉnh / xã"), self.address),
            (tr("Thôn, xóm, số nhà"), self.street),
            (tr("Tên sản phẩm"), self.product),
            (tr("Phiếu đánh giá"), self.sheet),
            (tr("Lần đăng ký"), self.registration),
            (tr("Ngày nộp hồ sơ (dd/mm/yyyy)"), self.submitted),
            (tr("Mã số sản phẩm (nếu đã có)"), self.code),
        ):
            self.form.addRow(label, widget)
        self.resize(820, 560)

    def producer_fields(self) -> dict[str, Any]:
        province, commune = self.address.codes()
        return {
            "representative_name": self.representative.text() or None,
            "representative_gender": self.gender.currentData(),
            "representative_ethnicity": self.ethnicity.text() or None,
            "phone": self.phone.text() or None,
            "email": self.email.text() or None,
            "province_code": province,
            "commune_code": commune,
            "street_address": self.street.text() or None,
        }


class ImportPreviewDialog(Dialog):
    """What an Excel list would add, or every problem with its cell; saving is allowed only without problems."""

    def __init__(self, parent: QWidget | None, preview: ImportPreview) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nhập danh sách hồ sơ từ Excel"))
        layout = QVBoxLayout(self)
        if preview.problems:
            summary = tr(
                "Tệp có {count} lỗi; chưa lưu gì. Hãy sửa trong Excel rồi nhập lại.", count=len(preview.problems)
            )
        else:
            summary = tr("{count} hồ sơ hợp lệ, sẵn sàng lưu.", count=len(preview.rows))
        self.summary = QLabel(summary)
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        if preview.problems:
            self.table.setColumnCount(1)
            self.table.setHorizontalHeaderLabels([tr("Lỗi")])
            self.table.setRowCount(len(preview.problems))
            for row, problem in enumerate(preview.problems):
                self.table.setItem(row, 0, QTableWidgetItem(describe(problem, current_lang())))
        else:
            self.table.setColumnCount(5)
            self.table.setHorizontalHeaderLabels(
                [tr("Dòng"), tr("Chủ thể"), tr("Sản phẩm"), tr("Phiếu"), tr("Ngày nộp hồ sơ")]
            )
            self.table.setRowCount(len(preview.rows))
            for row, item in enumerate(preview.rows):
                for column, value in enumerate(
                    (str(item.row), item.producer, item.product, item.sheet_id, format_vi_date(item.submission_date))
                ):
                    self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setEnabled(preview.ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 480)


class ProducerEditDialog(FormDialog):
    """Correct a producer's contact details and the product's name or historic code."""

    def __init__(self, parent: QWidget | None, view: ProducerView) -> None:
        super().__init__(parent, tr("Sửa thông tin chủ thể và sản phẩm"))
        self.view = view
        self.name = QLineEdit(view.name)
        self.representative = QLineEdit(view.representative_name or "")
        self.phone = QLineEdit(view.phone or "")
        self.email = QLineEdit(view.email or "")
        self.street = QLineEdit(view.street_address or "")
        self.product = QLineEdit(view.product_name)
        self.code = QLineEdit(view.product_code or "")
        for label, widget in (
            (tr("Tên chủ thể"), self.name),
            (tr("Người đại diện"), self.representative),
            (tr("Điện thoại"), self.phone),
            (tr("Thư điện tử"), self.email),
            (tr("Thôn, xóm, số nhà"), self.street),
            (tr("Tên sản phẩm"), self.product),
            (tr("Mã số sản phẩm"), self.code),
        ):
            self.form.addRow(label, widget)

    def producer_changes(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "representative_name": self.representative.text() or None,
            "phone": self.phone.text() or None,
            "email": self.email.text() or None,
            "street_address": self.street.text() or None,
        }


class SetupPage(QWidget):
    """The buttons of the secretary's preparation, grouped by what they set up, above what is set up so far: the
    members, the sittings, the dossiers in agenda order and the recusals, each in a tab that counts them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.council_label = QLabel()
        self.council_label.setWordWrap(True)
        self.members = _table((tr("Họ và tên"), tr("Vai trò"), tr("Chức vụ")))
        self.sessions = _table((tr("Ngày"), tr("Giờ họp"), tr("Địa điểm"), tr("Điểm danh")))
        self.dossiers = _table((tr("STT"), tr("Sản phẩm"), tr("Chủ thể"), tr("Bộ phiếu"), tr("Lần đăng ký")))
        self.recusals = _table((tr("STT"), tr("Sản phẩm"), tr("Thành viên"), tr("Lý do")))
        self.tabs = QTabWidget()
        members_tab = QWidget()
        members_layout = QVBoxLayout(members_tab)
        members_layout.addWidget(self.members)
        members_layout.addWidget(QLabel(tr("Nhấp đúp vào một thành viên để sửa.")))
        self.tabs.addTab(members_tab, "")
        for table in (self.sessions, self.dossiers, self.recusals):
            self.tabs.addTab(table, "")
        self.new_council = QPushButton(tr("Tạo hội đồng…"))
        self.edit_council = QPushButton(tr("Sửa thông tin hội đồng…"))
        self.add_member = QPushButton(tr("Thêm thành viên…"))
        self.new_round = QPushButton(tr("Tạo đợt đánh giá…"))
        self.add_session = QPushButton(tr("Thêm phiên họp…"))
        self.close_session = QPushButton(tr("Ghi giờ kết thúc phiên họp…"))
        self.add_recusal = QPushButton(tr("Ghi thành viên không tham gia chấm hồ sơ đang chọn…"))
        self.add_dossier = QPushButton(tr("Thêm hồ sơ…"))
        self.import_excel = QPushButton(tr("Nhập danh sách hồ sơ từ Excel…"))
        self.excel_template = QPushButton(tr("Lưu tệp Excel mẫu…"))
        groups = (
            (tr("Hội đồng"), (self.new_council, self.edit_council, self.add_member)),
            (tr("Đợt đánh giá và phiên họp"), (self.new_round, self.add_session, self.close_session, self.add_recusal)),
            (tr("Hồ sơ"), (self.add_dossier, self.import_excel, self.excel_template)),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.council_label)
        layout.addWidget(self.tabs, 1)
        for title, buttons in groups:
            box = QGroupBox(title)
            row = QHBoxLayout(box)
            for button in buttons:
                row.addWidget(button)
            layout.addWidget(box)
        self.member_rows: list[MemberRow] = []
        self.show_preparation(Preparation((), ()), ())

    def show_council(self, text: str, members: list[MemberRow]) -> None:
        self.council_label.setText(text)
        self.member_rows = list(members)
        _fill(self.members, [(m.full_name, role_text(m.role), m.position or "") for m in members])
        self.tabs.setTabText(0, tr("Thành viên ({n})", n=len(members)))

    def show_preparation(self, preparation: Preparation, dossiers: tuple[DossierRow, ...]) -> None:
        _fill(
            self.sessions,
            [
                (
                    format_vi_date(row.date),
                    f"{row.opened_at or '…'} – {row.closed_at or '…'}",
                    row.place or "",
                    tr("{present} có mặt, {absent} vắng", present=row.present, absent=row.absent)
                    if row.present or row.absent
                    else tr("chưa điểm danh"),
                )
                for row in preparation.sessions
            ],
        )
        _fill(
            self.dossiers,
            [
                (
                    str(d.agenda_order),
                    d.product_name,
                    d.producer_name,
                    d.sheet_id,
                    registration_text(d.registration_type),
                )
                for d in dossiers
            ],
        )
        _fill(
            self.recusals,
            [(str(r.agenda_order), r.product_name, r.member_name, r.reason) for r in preparation.recusals],
        )
        self.tabs.setTabText(1, tr("Phiên họp ({n})", n=len(preparation.sessions)))
        self.tabs.setTabText(2, tr("Hồ sơ ({n})", n=len(dossiers)))
        self.tabs.setTabText(3, tr("Không tham gia chấm ({n})", n=len(preparation.recusals)))


def _table(headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, value in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()


def choose_excel(parent: QWidget, *, save: bool) -> Path | None:
    """The Excel list of dossiers to import, or where to save its empty template."""
    if save:
        return file_dialogs.save_file(
            parent, "dossier-list", tr("Lưu tệp Excel mẫu"), "Excel (*.xlsx)", "danh-sach-ho-so.xlsx", suffix="xlsx"
        )
    return file_dialogs.open_file(parent, "dossier-list", tr("Chọn tệp Excel"), "Excel (*.xlsx)")


class AssessmentsDialog(FormDialog):
    """The commune's pre-assessment of the four contents (Mẫu số 03) and the advisory team's report."""

    def __init__(self, parent: QWidget | None, view: DossierView) -> None:
        super().__init__(parent, tr("Ý kiến của xã và báo cáo tổ tư vấn"))
        existing = {item: (finding, meets) for item, finding, meets in view.commune}
        self.items: dict[CommuneItem, tuple[QLineEdit, QCheckBox]] = {}
        for item in CommuneItem:
            finding, meets = existing.get(item.value, ("", None))
            text = QLineEdit(finding)
            check = QCheckBox(tr("đạt"))
            check.setChecked(bool(meets))
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(check)
            self.form.addRow(commune_item_text(item.value), row)
            self.items[item] = (text, check)
        self.report = QPlainTextEdit(view.advisory_report or "")
        self.form.addRow(tr("Báo cáo của Tổ tư vấn"), self.report)
        self.resize(760, 420)


class SelfAssessmentDialog(FormDialog):
    """The producer's self-assessment: the option number chosen for each criterion, as on their Mẫu số 02."""

    def __init__(self, parent: QWidget | None, view: DossierView) -> None:
        super().__init__(parent, tr("Phiếu tự đánh giá của chủ thể"))
        self.fields: dict[str, QLineEdit] = {}
        holder = QWidget()
        grid = QFormLayout(holder)
        for item in view.sheet.items:
            field = QLineEdit(str(view.self_assessment.get(item.id, "")))
            field.setMaximumWidth(60)
            self.fields[item.id] = field
            grid.addRow(f"{item.id} {item.text}", field)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.form.addRow(scroll)
        self.resize(720, 600)

    def choices(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for item_id, field in self.fields.items():
            text = field.text().strip()
            if text:
                if values.OPTION_NUMBER.problems(text, item_id):  # ASCII digits only: '²' passes isdigit()
                    raise ValidationFailed(
                        [Problem("ballot.bad_option_number", {"item": item_id, "value": text}, (("item", item_id),))]
                    )
                out[item_id] = values.parse_int(text, item_id)
        return out
