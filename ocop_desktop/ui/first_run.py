"""The first-run assistant (Thiết lập hội đồng mới), for a secretary who installs the program alone on an office
laptop with no network: the language, where the data file lives, the administrator, the council's identity, its
signing key with the printed registration form, and what to open at the end.

Each page checks what it was given (through `services.first_run`) before the next one. Nothing is written before
Finish, where `first_run.set_up` makes the file, the account, the settings and the key all or nothing; a failure
stays on the last page with its message, in the language chosen on the first page."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.enums import CouncilLevel
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.persistence.keys import MIN_PASSPHRASE, StoredKey
from ocop_desktop.services import council_key, first_run
from ocop_desktop.services.accounts import MIN_PASSWORD_LENGTH
from ocop_desktop.services.first_run import Administrator, CouncilIdentity, KeyChoice, SetUpDone
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import tell_missing_catalogue
from ocop_desktop.ui.file.keys import KEY_ID_STYLE, documents_folder
from ocop_desktop.ui.i18n import LANGUAGE_KEY, LANGUAGES, catalogue, current_lang, install, tr
from ocop_desktop.ui.pages.setup.view import AddressPicker
from ocop_desktop.ui.words import above_authority_text, level_text

log = logging.getLogger(__name__)

FIRST_RUN_DONE_KEY = "first_run_done"
MESSAGE_STYLE = "color: #a00;"


@dataclass
class Outcome:
    """What the assistant ended with: the council set up (`done`), or a file that was already there to open."""

    done: SetUpDone | None = None
    open_existing: Path | None = None
    open_demo: bool = False
    open_form: bool = False


def needs_first_run(remembered: list[Path]) -> bool:
    """The assistant opens by itself only on a computer that has never been set up: no file to reopen and no
    assistant finished before."""
    return not remembered and not QSettings().value(FIRST_RUN_DONE_KEY, False, type=bool)


def _words(exc: UserFacingError) -> str:
    return "\n".join(f"• {describe(p, current_lang())}" for p in exc.problems)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _choose_folder(parent: QWidget, edit: QLineEdit, purpose: str) -> None:
    folder = file_dialogs.choose_folder(parent, purpose, tr("Chọn thư mục"), edit.text())
    if folder is not None:
        edit.setText(str(folder))


class _Page(QWizardPage):
    """A page with a line for what is wrong, and its words set again when the language changes."""

    def __init__(self) -> None:
        super().__init__()
        self.message = _wrapped()
        self.message.setObjectName("message")
        self.message.setStyleSheet(MESSAGE_STYLE)

    def retranslate(self) -> None:
        """Set every text in the current language; called once built and again when the language changes."""
        self.message.clear()

    def refuse(self, exc: UserFacingError) -> bool:
        self.message.setText(_words(exc))
        return False


class LanguagePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.intro = _wrapped()
        self.choices: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        for code, name in LANGUAGES:
            button = QRadioButton(name)
            button.setStyleSheet("font-size: 13pt;")
            button.setChecked(code == current_lang())
            button.toggled.connect(lambda on, c=code: wizard.set_language(c) if on else None)
            group.addButton(button)
            self.choices[code] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Chào mừng đến với OCOP Desktop"))
        self.setSubTitle(tr("Chọn ngôn ngữ / Choose the language"))
        self.intro.setText(
            tr(
                "Trợ lý này chuẩn bị máy tính cho hội đồng trong vài phút: nơi lưu tệp dữ liệu, tài khoản quản trị, "
                "thông tin hội đồng và khóa ký. Không cần mạng. Chưa có gì được ghi cho đến khi bấm «Hoàn tất»."
            )
        )


class LocationPage(_Page):
    """The data file: in the person's own data folder (the default) or a folder they choose."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.intro = _wrapped()
        self.default_choice = QRadioButton()
        self.default_choice.setChecked(True)
        self.default_folder = QLabel(str(first_run.default_data_file().parent))
        self.default_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.other_choice = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.default_choice)
        group.addButton(self.other_choice)
        self.folder = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(lambda: _choose_folder(self, self.folder, "data-file"))
        self.name = QLineEdit(first_run.DEFAULT_FILE_NAME)
        self.target = _wrapped()
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_existing)
        other_row = QHBoxLayout()
        other_row.setContentsMargins(24, 0, 0, 0)
        other_row.addWidget(self.folder, 1)
        other_row.addWidget(self.browse)
        self.name_label = QLabel()
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.default_choice)
        indented = QHBoxLayout()
        indented.setContentsMargins(24, 0, 0, 0)
        indented.addWidget(self.default_folder)
        layout.addLayout(indented)
        layout.addWidget(self.other_choice)
        layout.addLayout(other_row)
        layout.addSpacing(8)
        layout.addLayout(name_row)
        layout.addWidget(self.target)
        layout.addWidget(self.message)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        for signal in (self.folder.textChanged, self.name.textChanged, self.other_choice.toggled):
            signal.connect(self._update)
        self._update()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Nơi lưu tệp dữ liệu"))
        self.setSubTitle(tr("Mọi dữ liệu của hội đồng nằm trong một tệp; các bản sao lưu tự động nằm bên cạnh."))
        self.intro.setText(
            tr(
                "Hồ sơ, phiếu chấm, kết quả và nhật ký của hội đồng được ghi vào một tệp. Mỗi ngày và trước mỗi "
                "bước quan trọng, phần mềm tự sao lưu tệp vào thư mục «backups» bên cạnh nó."
            )
        )
        self.default_choice.setText(tr("Thư mục dữ liệu của tôi trên máy này (nên chọn):"))
        self.other_choice.setText(tr("Thư mục khác, ví dụ ổ D: hoặc thư mục được sao lưu định kỳ:"))
        self.folder.setPlaceholderText(tr("Thư mục"))
        self.browse.setText(tr("Chọn…"))
        self.name_label.setText(tr("Tên tệp"))
        self.open_button.setText(tr("Mở tệp đã có này"))
        self._update()

    def path(self) -> Path:
        folder = first_run.default_data_file().parent if self.default_choice.isChecked() else Path(self.folder.text())
        return first_run.normalised_path(str(folder / self.name.text().strip()))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and (self.default_choice.isChecked() or bool(self.folder.text().strip()))

    def _update(self) -> None:
        self.folder.setEnabled(self.other_choice.isChecked())
        self.browse.setEnabled(self.other_choice.isChecked())
        self.message.clear()
        path = self.path() if self.isComplete() else None
        self.target.setText(tr("Tệp sẽ được tạo: {path}").format(path=path) if path else "")
        existing = path is not None and path.is_file() and first_run.existing_data(path)
        self.open_button.setVisible(existing)
        if existing:
            self.message.setText(
                tr(
                    "Ở đây đã có tệp «{name}». Trợ lý không ghi đè lên tệp đã có: hãy chọn tên khác, hoặc mở tệp này."
                ).format(name=path.name if path else "")
            )
        self.completeChanged.emit()

    def _open_existing(self) -> None:
        self.wizard_.outcome.open_existing = self.path()
        self.wizard_.done(QWizard.DialogCode.Accepted)

    def validatePage(self) -> bool:
        try:
            first_run.check_location(self.path())
        except UserFacingError as exc:
            self.open_button.setVisible(self.path().is_file())
            return self.refuse(exc)
        return True


class AdministratorPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.intro = _wrapped()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = _password_field()
        self.again = _password_field()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.username, self.full_name, self.password, self.again), strict=True):
            self.form.addRow(label, field)
        self.rule = _wrapped()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.rule)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Tài khoản quản trị"))
        self.setSubTitle(
            tr("Người quản lý tệp dữ liệu: tạo tài khoản cho thư ký, thành viên và chuẩn bị đợt đánh giá.")
        )
        self.intro.setText(
            tr(
                "Mỗi lần mở tệp dữ liệu, phần mềm hỏi tên đăng nhập và mật khẩu này. "
                "Tài khoản này có quyền quản trị và thư ký."
            )
        )
        for label, text in zip(
            self.labels, (tr("Tên đăng nhập"), tr("Họ và tên"), tr("Mật khẩu"), tr("Nhập lại mật khẩu")), strict=True
        ):
            label.setText(text)
        self.username.setPlaceholderText(tr("ví dụ: thuky (không dấu, không khoảng trắng)"))
        self.rule.setText(
            tr("Mật khẩu cần ít nhất {minimum} ký tự. Hãy ghi nhớ: không ai khôi phục được mật khẩu đã quên.").format(
                minimum=MIN_PASSWORD_LENGTH
            )
        )

    def administrator(self) -> Administrator:
        return Administrator(self.username.text(), self.full_name.text(), self.password.text())

    def validatePage(self) -> bool:
        self.message.clear()
        try:
            first_run.check_administrator(self.administrator(), self.again.text())
        except UserFacingError as exc:
            return self.refuse(exc)
        return True


class IdentityPage(_Page):
    """Who the council is, as its documents print it. The names follow the place chosen until the person types
    their own."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = _wrapped()
        self.province_level = QRadioButton()
        self.commune_level = QRadioButton()
        self.province_level.setChecked(True)
        levels = QHBoxLayout()
        levels.addWidget(self.province_level)
        levels.addWidget(self.commune_level)
        levels.addStretch(1)
        self.address = AddressPicker(stacked=True)
        self.council_name = QLineEdit()
        self.issuing_body = QLineEdit()
        self.parent_body = QLineEdit()
        self.place_name = QLineEdit()
        self.above_authority = QComboBox()  # policy ABOVE_AUTHORITY of the councils this file creates
        for policy in ("refer_and_wait", "recognise_within_authority"):
            self.above_authority.addItem("", policy)
        self.typed: set[QLineEdit] = set()
        for field in (self.council_name, self.issuing_body, self.place_name):
            field.textEdited.connect(lambda _text, f=field: self.typed.add(f))
        self.labels = [QLabel() for _ in range(7)]
        form = QFormLayout()
        form.addRow(self.labels[0], levels)
        widgets = (
            self.address,
            self.council_name,
            self.issuing_body,
            self.parent_body,
            self.place_name,
            self.above_authority,
        )
        for label, widget in zip(self.labels[1:], widgets, strict=True):
            form.addRow(label, widget)
        self.note = _wrapped()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.province_level.toggled.connect(self._suggest)
        self.address.province.currentIndexChanged.connect(self._suggest)
        self.address.commune.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Thông tin hội đồng"))
        self.setSubTitle(tr("In trên biên bản, quyết định, giấy chứng nhận và phiếu đăng ký khóa."))
        self.intro.setText(tr("Chọn cấp và địa bàn của hội đồng (đơn vị hành chính từ 01/7/2025)."))
        self.province_level.setText(level_text(CouncilLevel.PROVINCE))
        self.commune_level.setText(level_text(CouncilLevel.COMMUNE))
        for label, text in zip(
            self.labels,
            (
                tr("Cấp hội đồng"),
                tr("Địa bàn"),
                tr("Tên hội đồng"),
                tr("Cơ quan ban hành"),
                tr("Cơ quan chủ quản"),
                tr("Địa danh (dòng ngày tháng)"),
                tr("Sản phẩm vượt thẩm quyền"),
            ),
            strict=True,
        ):
            label.setText(text)
        for index in range(self.above_authority.count()):
            self.above_authority.setItemText(index, above_authority_text(self.above_authority.itemData(index)))
        self.address.filter.setPlaceholderText(tr("Lọc xã, phường (không cần dấu)…"))
        self.parent_body.setPlaceholderText(tr("dòng trên tên cơ quan ban hành; để trống nếu không có"))
        self.note.setText(tr("Các tên được gợi ý theo địa bàn đã chọn; sửa lại nếu văn bản của hội đồng ghi khác."))

    def level(self) -> CouncilLevel:
        return CouncilLevel.COMMUNE if self.commune_level.isChecked() else CouncilLevel.PROVINCE

    def _suggest(self) -> None:
        commune = self.level() is CouncilLevel.COMMUNE
        self.address.filter.setEnabled(commune)
        self.address.commune.setEnabled(commune)
        province, commune_code = self.address.codes()
        suggestion = first_run.suggest(self.level(), province, commune_code)
        values = {
            self.council_name: suggestion.council_name if suggestion else "",
            self.issuing_body: suggestion.issuing_body if suggestion else "",
            self.place_name: suggestion.place_name if suggestion else "",
        }
        for field, value in values.items():
            if field not in self.typed:
                field.setText(value)

    def identity(self) -> CouncilIdentity:
        province, commune = self.address.codes()
        return CouncilIdentity(
            level=self.level(),
            province_code=province or "",
            commune_code=(commune or "") if self.level() is CouncilLevel.COMMUNE else "",
            council_name=self.council_name.text(),
            issuing_body=self.issuing_body.text(),
            parent_body=self.parent_body.text(),
            place_name=self.place_name.text(),
            above_authority=self.above_authority.currentData(),
        )

    def validatePage(self) -> bool:
        self.message.clear()
        try:
            first_run.check_identity(self.identity())
        except UserFacingError as exc:
            return self.refuse(exc)
        return True


class KeyPage(_Page):
    """The council's signing key: made now under a passphrase typed twice, or later; the key this computer already
    has is shown by its fingerprint instead. Its registration form goes to a folder the person chooses."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.stored: StoredKey | None = None
        self.intro = _wrapped()
        self.create_now = QRadioButton()
        self.later = QRadioButton()
        self.create_now.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create_now)
        group.addButton(self.later)
        self.passphrase = _password_field()
        self.again = _password_field()
        self.rule = _wrapped()
        self.rule.setContentsMargins(24, 0, 0, 0)
        self.pass_labels = [QLabel(), QLabel()]
        self.pass_form = QFormLayout()
        self.pass_form.setContentsMargins(24, 0, 0, 0)
        self.pass_form.addRow(self.pass_labels[0], self.passphrase)
        self.pass_form.addRow(self.pass_labels[1], self.again)
        self.key_id = QLabel()
        self.key_id.setStyleSheet(KEY_ID_STYLE)
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_about = _wrapped()
        self.save_form = QCheckBox()
        self.save_form.setChecked(True)
        self.form_folder = QLineEdit(str(documents_folder()))
        self.browse = QPushButton()
        self.browse.clicked.connect(lambda: _choose_folder(self, self.form_folder, "keys"))
        self.open_form = QCheckBox()
        self.open_form.setChecked(True)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(24, 0, 0, 0)
        folder_row.addWidget(self.form_folder, 1)
        folder_row.addWidget(self.browse)
        open_row = QHBoxLayout()
        open_row.setContentsMargins(24, 0, 0, 0)
        open_row.addWidget(self.open_form)
        self.new_key = QWidget()
        new_layout = QVBoxLayout(self.new_key)
        new_layout.setContentsMargins(0, 0, 0, 0)
        new_layout.addWidget(self.create_now)
        new_layout.addLayout(self.pass_form)
        new_layout.addWidget(self.rule)
        new_layout.addWidget(self.later)
        self.old_key = QWidget()
        old_layout = QVBoxLayout(self.old_key)
        old_layout.setContentsMargins(0, 0, 0, 0)
        old_layout.addWidget(self.key_id)
        old_layout.addWidget(self.key_about)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.new_key)
        layout.addWidget(self.old_key)
        layout.addSpacing(6)
        layout.addWidget(self.save_form)
        layout.addLayout(folder_row)
        layout.addLayout(open_row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for signal in (self.create_now.toggled, self.save_form.toggled):
            signal.connect(self._update)

    def initializePage(self) -> None:
        """Look again each time the page is shown: the key may have been made meanwhile (another window)."""
        try:
            self.stored = council_key.current(self.wizard_.key_folder)
        except UserFacingError as exc:  # a damaged key file: said; a new key cannot be made over it
            self.stored = None
            self.create_now.setEnabled(False)
            self.later.setChecked(True)
            self.message.setText(_words(exc))
        self.retranslate_state()
        self._update()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Khóa ký của hội đồng"))
        self.setSubTitle(tr("Ký mã QR trên giấy chứng nhận và tệp kết quả gửi tỉnh."))
        self.create_now.setText(tr("Tạo khóa ký ngay (nên làm)"))
        self.later.setText(tr("Để sau (tạo trong menu Khóa ký khi cần)"))
        self.pass_labels[0].setText(tr("Cụm mật khẩu"))
        self.pass_labels[1].setText(tr("Nhập lại cụm mật khẩu"))
        self.rule.setText(
            tr(
                "Cụm mật khẩu cần ít nhất {minimum} ký tự; nên dùng vài từ dễ nhớ, khó đoán, do Chủ tịch hội đồng "
                "chọn. Không ai khôi phục được cụm mật khẩu đã quên: khi đó phải tạo khóa mới và đăng ký lại."
            ).format(minimum=MIN_PASSPHRASE)
        )
        self.save_form.setText(tr("Lưu phiếu đăng ký khóa (PDF, để in, ký, đóng dấu, gửi tỉnh) vào thư mục:"))
        self.browse.setText(tr("Chọn…"))
        self.open_form.setText(tr("Mở phiếu bằng trình xem PDF của máy sau khi lưu"))
        self.retranslate_state()

    def retranslate_state(self) -> None:
        stored = self.stored
        self.new_key.setVisible(stored is None)
        self.old_key.setVisible(stored is not None)
        if stored is None:
            self.intro.setText(
                tr(
                    "Khóa ký dùng để ký mã QR trên giấy chứng nhận và tệp kết quả gửi tỉnh, để tỉnh biết chúng "
                    "đúng là của hội đồng. Chưa có khóa vẫn chấm điểm và in biên bản được, nhưng chưa cấp được "
                    "giấy chứng nhận và chưa gửi được kết quả cho tỉnh."
                )
            )
            return
        self.intro.setText(tr("Máy này đã có khóa ký của hội đồng; hội đồng mới dùng khóa này. Mã khóa:"))
        self.key_id.setText(stored.key_id)
        created = format_vi_date(stored.created) if stored.created else "—"
        self.key_about.setText(
            tr("Tên ghi trên khóa: {issuer}. Ngày tạo: {created}.").format(issuer=stored.issuer or "—", created=created)
        )

    def _update(self) -> None:
        key = self.stored is not None or self.create_now.isChecked()
        for field in (self.passphrase, self.again):
            field.setEnabled(self.create_now.isChecked())
        self.save_form.setEnabled(key)
        form = key and self.save_form.isChecked()
        for widget in (self.form_folder, self.browse, self.open_form):
            widget.setEnabled(form)

    def creating(self) -> bool:
        return self.stored is None and self.create_now.isChecked() and self.create_now.isEnabled()

    def choice(self) -> KeyChoice:
        saving = self.save_form.isEnabled() and self.save_form.isChecked()
        return KeyChoice(
            passphrase=self.passphrase.text() if self.creating() else None,
            form_folder=Path(self.form_folder.text()) if saving else None,
            folder=self.wizard_.key_folder,
        )

    def validatePage(self) -> bool:
        self.message.clear()
        choice = self.choice()
        try:
            if self.creating():
                council_key.check_new_passphrase(self.passphrase.text(), self.again.text())
            first_run.check_form_folder(choice.form_folder)
        except UserFacingError as exc:
            return self.refuse(exc)
        return True

    def forget_passphrase(self) -> None:
        self.passphrase.clear()
        self.again.clear()


class FinishPage(_Page):
    """What will be made, what to open next; Finish makes it."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.summary = _wrapped()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.open_new = QRadioButton()
        self.open_demo = QRadioButton()
        self.open_new.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.open_new)
        group.addButton(self.open_demo)
        self.then = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.then)
        layout.addWidget(self.open_new)
        layout.addWidget(self.open_demo)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setFinalPage(True)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(tr("Sẵn sàng"))
        self.setSubTitle(tr("Bấm «Hoàn tất» để tạo tệp dữ liệu, tài khoản và khóa ký."))
        self.then.setText(tr("Sau đó mở:"))
        self.open_new.setText(tr("Tệp dữ liệu mới của hội đồng (để chuẩn bị đợt đánh giá)"))
        self.open_demo.setText(tr("Đợt đánh giá mẫu để làm quen (tệp riêng, không lẫn với dữ liệu của hội đồng)"))
        if self.wizard_.currentPage() is self:
            self.initializePage()

    def initializePage(self) -> None:
        wizard = self.wizard_
        admin = wizard.admin_page.administrator()
        identity = wizard.identity_page.identity()
        key = wizard.key_page
        if key.stored is not None:
            key_text = tr("dùng khóa đã có trên máy, mã {key_id}").format(key_id=key.stored.key_id)
        elif key.creating():
            key_text = tr("tạo mới, bảo vệ bằng cụm mật khẩu")
        else:
            key_text = tr("để sau")
        choice = key.choice()
        rows = [
            (tr("Tệp dữ liệu"), str(wizard.location_page.path())),
            (tr("Tài khoản quản trị"), f"{admin.username} — {admin.full_name or admin.username}"),
            (tr("Hội đồng"), identity.council_name),
            (tr("Cơ quan ban hành"), identity.issuing_body),
            (tr("Khóa ký"), key_text),
            (tr("Phiếu đăng ký khóa"), str(choice.form_folder) if choice.form_folder else tr("không lưu lúc này")),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:12px'>{_html(name)}</td><td><b>{_html(value)}</b></td></tr>"
            for name, value in rows
        )
        self.summary.setText(f"<table>{cells}</table>")

    def validatePage(self) -> bool:
        """Make everything now; on failure nothing is left half-made and the page says why."""
        wizard = self.wizard_
        self.message.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = first_run.set_up(
                wizard.location_page.path(),
                admin=wizard.admin_page.administrator(),
                identity=wizard.identity_page.identity(),
                key=wizard.key_page.choice(),
            )
        except UserFacingError as exc:
            return self.refuse(exc)
        except OSError as exc:
            self.message.setText(tr("Không tạo được tệp dữ liệu: {detail}").format(detail=exc.strerror or exc))
            return False
        except Exception as exc:  # shown as words, never a traceback; the log keeps the detail
            log.exception("first-run set-up failed")
            self.message.setText(
                tr("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.") + f"\n{type(exc).__name__}"
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        wizard.key_page.forget_passphrase()
        wizard.outcome.done = done
        wizard.outcome.open_demo = self.open_demo.isChecked()
        wizard.outcome.open_form = done.form is not None and wizard.key_page.open_form.isChecked()
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FirstRunWizard(QWizard):
    """Thiết lập hội đồng mới. `key_folder` is where the council's key lives (the installation's data folder)."""

    def __init__(self, parent: QWidget | None = None, *, key_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.key_folder = key_folder
        self.outcome = Outcome()
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(820, 600)
        self.language_page = LanguagePage(self)
        self.location_page = LocationPage(self)
        self.admin_page = AdministratorPage()
        self.identity_page = IdentityPage()
        self.key_page = KeyPage(self)
        self.finish_page = FinishPage(self)
        self.pages_: list[_Page] = [
            self.language_page,
            self.location_page,
            self.admin_page,
            self.identity_page,
            self.key_page,
            self.finish_page,
        ]
        for page in self.pages_:
            self.addPage(page)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Thiết lập hội đồng mới"))
        words = {
            QWizard.WizardButton.BackButton: tr("< Quay lại"),
            QWizard.WizardButton.NextButton: tr("Tiếp tục >"),
            QWizard.WizardButton.FinishButton: tr("Hoàn tất"),
            QWizard.WizardButton.CancelButton: tr("Hủy"),
        }
        for button, text in words.items():
            self.setButtonText(button, text)
        for page in self.pages_:
            page.retranslate()

    def validateCurrentPage(self) -> bool:
        """Leaving to open the file that is already there needs no page complete (QWizard checks the current page
        before it closes)."""
        return self.outcome.open_existing is not None or super().validateCurrentPage()

    def set_language(self, code: str) -> None:
        """The language chosen applies at once, to this assistant and to the next start."""
        app = QApplication.instance()
        if app is None or code == current_lang():
            return
        if not install(app, code):
            tell_missing_catalogue(self, catalogue(f"ocop_{code}"))
            self.language_page.choices["vi"].setChecked(True)
            return
        QSettings().setValue(LANGUAGE_KEY, code)
        self.retranslate()


def run_first_run(parent: QWidget | None, *, key_folder: Path | None = None) -> Outcome | None:
    """Show the assistant; None when it was cancelled. A council set up marks the computer as set up."""
    wizard = FirstRunWizard(parent, key_folder=key_folder)
    if wizard.exec() != QWizard.DialogCode.Accepted:
        return None
    if wizard.outcome.done is not None:
        QSettings().setValue(FIRST_RUN_DONE_KEY, True)
    return wizard.outcome
