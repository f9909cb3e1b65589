"""The one place that turns errors into dialogs, and the small dialogs every screen uses. Qt ships no
Vietnamese catalogue, so standard buttons get their words here. Every dialog with fields is a `Dialog`: it opens
with the cursor in its first field, never on OK (where Space would press it and the typing be lost)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dates import parse_vi_date
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.text import fold
from ocop_desktop.messages import describe
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.demo import demo_member_pins, demo_sign_in
from ocop_desktop.ui.crash import show_unexpected
from ocop_desktop.ui.i18n import current_lang, tr

log = logging.getLogger(__name__)
TYPE_AHEAD_MS = 1500  # letters typed into a name list within this time make one search (Qt's own: 400 ms)
FIELD_TYPES = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox, QRadioButton)


def _focus_chain(dialog: QDialog) -> list[QWidget]:
    """The dialog's widgets in Tab order that Tab can reach."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and len(chain) < 10_000:
        reachable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None
        if reachable and widget.isEnabled() and widget.isVisibleTo(dialog) and dialog.isAncestorOf(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _is_field(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.isReadOnly():
        return False
    return isinstance(widget, (*FIELD_TYPES, QAbstractItemView))


def settle_keyboard(dialog: QDialog) -> None:
    """The keyboard as a person expects it: the cursor in the first field (or the field already given the focus),
    Tab through the fields before the dialog's buttons (forms add their fields after the buttons were made), OK the
    button Enter presses from a one-line field, and no other button taking Enter by itself (Qt makes the first
    "auto-default" button the default when none is named). Space in a field types a space; Tab leaves a text box."""
    box_buttons = [button for box in dialog.findChildren(QDialogButtonBox) for button in box.buttons()]
    chain = _focus_chain(dialog)
    others = [w for w in chain if w not in box_buttons]
    if others:
        previous = others[-1]
        for button in (w for w in chain if w in box_buttons):
            QWidget.setTabOrder(previous, button)
            previous = button
    accept = next(
        (
            b
            for box in dialog.findChildren(QDialogButtonBox)
            for b in box.buttons()
            if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole and isinstance(b, QPushButton)
        ),
        None,
    )
    if accept is not None:
        accept.setDefault(True)
    else:
        for button in dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
    for editor in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        editor.setTabChangesFocus(True)
    focused = dialog.focusWidget()
    if focused is not None and focused is not dialog and not isinstance(focused, QAbstractButton):
        return
    first = next((w for w in others if _is_field(w)), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.TabFocusReason)


class Dialog(QDialog):
    """A dialog whose keyboard is settled (`settle_keyboard`) when it is first shown, once all its fields exist."""

    _settled = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._settled:
            self._settled = True
            settle_keyboard(self)
        super().showEvent(event)


def name_match(names: Sequence[str], typed: str) -> int | None:
    """The name `typed` points at, accents and case aside: the first name that starts with it, else the first with
    a word that starts with it ("an" finds "Nguyễn Văn An"), else the first that contains it."""
    key = " ".join(fold(typed).split())
    if not key:
        return None
    folded = [" ".join(fold(name).split()) for name in names]
    for test in (
        lambda n: n.startswith(key),
        lambda n: f" {key}" in f" {n}",
        lambda n: key in n,
    ):
        found = next((i for i, name in enumerate(folded) if test(name)), None)
        if found is not None:
            return found
    return None


class NameBox(QComboBox):
    """A list of people's names, picked by typing a few letters of the name, with or without its accents ("le d",
    "lê đ"): Qt's own search only matches the start of the whole name, accents included. Enter goes on to the next
    field, so that the name, then the PIN, then Enter is the whole way through."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = ""
        self._since = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        if self._since.isValid() and self._since.elapsed() > TYPE_AHEAD_MS:
            self.typed = ""
        if key == Qt.Key.Key_Backspace and self.typed:
            self._search(self.typed[:-1])
            return
        if plain and text and text.isprintable() and (text != " " or self.typed):
            self._search(self.typed + text)
            return
        super().keyPressEvent(event)

    def _search(self, typed: str) -> None:
        self._since.restart()
        found = name_match([self.itemText(i) for i in range(self.count())], typed)
        if found is None and typed:
            QApplication.beep()
            return
        self.typed = typed
        if found is not None:
            self.setCurrentIndex(found)


def name_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Vietnamese (or English) words on Qt's standard buttons."""
    words = {
        "Ok": tr("Đồng ý"),
        "Cancel": tr("Hủy"),
        "Yes": tr("Có"),
        "No": tr("Không"),
        "Save": tr("Lưu"),
        "Close": tr("Đóng"),
    }
    for name, text in words.items():
        if isinstance(box, QMessageBox):
            button = box.button(getattr(QMessageBox.StandardButton, name))
        else:
            button = box.button(getattr(QDialogButtonBox.StandardButton, name))
        if button is not None:
            button.setText(text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A person-sized message: the problems of a UserFacingError; anything else is logged with its traceback and
    said as the exception hook says it (crash.UnexpectedErrorBox: what happened, what was kept, where the log is)."""
    if not isinstance(exc, UserFacingError):
        show_unexpected(parent, exc)
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Không thực hiện được"))
    box.setText("\n".join(f"• {describe(p, current_lang())}" for p in exc.problems))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    name_buttons(box)
    box.exec()


def open_in_system(parent: QWidget | None, path: Path) -> bool:
    """A local file or folder in the system's own application (nothing goes on the network). When the system has
    none (no PDF viewer installed, no file manager) Qt only prints a line on standard error, which nobody sees in
    the installed program: here it is said, naming the file, and logged."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    log.warning("the system opened no application for %s", path)
    if not path.exists():
        problem = Problem("file.gone", {}, (("file", str(path)),))
    elif path.is_dir():
        problem = Problem("folder.not_opened", {}, (("folder", str(path)),))
    else:
        problem = Problem("file.not_opened", {}, (("file", str(path)),))
    show_error(parent, UserFacingError([problem]))
    return False


def tell_missing_catalogue(parent: QWidget | None, path: Path) -> None:
    """English was asked for and its catalogue is not there: said in both languages, since the window has just
    fallen back to Vietnamese and the person who asked for English may not read it."""
    problem = Problem("i18n.catalogue_missing", {"file": str(path)})
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Ngôn ngữ / Language"))
    box.setText(f"{describe(problem, 'vi')}\n\n{describe(problem, 'en')}")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    name_buttons(box)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    name_buttons(box)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """What was done, acknowledged with one button (the words of which Qt would give in English)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    name_buttons(box)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Something went wrong that the person must act on (not an error of the application)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    name_buttons(box)
    box.exec()


def ask_text(parent: QWidget | None, title: str, label: str, *, multiline: bool = False) -> str | None:
    """A short text from the user (a reason, a discussion); None when cancelled."""
    dialog = Dialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(label))
    editor: QLineEdit | QPlainTextEdit = QPlainTextEdit() if multiline else QLineEdit()
    layout.addWidget(editor)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    name_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()


class SignInDialog(Dialog):
    """Sign in to the open file; on a file without accounts, create the administrator first. On the demo file the
    demo secretary's account is filled in and the demo password shown, so that trying the application needs no
    manual; on the rehearsal file the members' PINs are listed too."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, after: str | None = None) -> None:
        """`after`: the account that typed a paper ballot the first time, when this sign-in is the second person's —
        never offered again, and said."""
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.first_run = not accounts.has_users(db)
        self.setWindowTitle(tr("Tạo tài khoản quản trị") if self.first_run else tr("Đăng nhập"))
        layout = QVBoxLayout(self)
        if self.first_run:
            layout.addWidget(QLabel(tr("Tệp dữ liệu mới: hãy tạo tài khoản quản trị đầu tiên.")))
        if after is not None:
            second = QLabel(
                tr("Lần nhập thứ nhất do tài khoản «{account}» gõ; lần thứ hai phải là một người khác.").format(
                    account=after
                )
            )
            second.setWordWrap(True)
            layout.addWidget(second)
        form = QFormLayout()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Tên đăng nhập"), self.username)
        if self.first_run:
            form.addRow(tr("Họ và tên"), self.full_name)
        form.addRow(tr("Mật khẩu"), self.password)
        layout.addLayout(form)
        demo = None if self.first_run else demo_sign_in(db, second_typist=after is not None)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(demo is not None)
        if demo is not None:
            username, password = demo
            self.username.setText("" if username == after else username)
            self.password.setPlaceholderText(password)
            (self.password if self.username.text() else self.username).setFocus()
            hint = tr("Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{password}».").format(password=password)
            pins = demo_member_pins(db)
            if pins:
                listed = ", ".join(f"{name} {pin}" for name, pin in pins)
                hint += "\n" + tr("Mã PIN của thành viên (Tệp → Đổi người chấm): {pins}.").format(pins=listed)
            self.demo_hint.setText(hint)
        layout.addWidget(self.demo_hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            if self.first_run:
                accounts.create_user(
                    self.db,
                    actor=None,
                    username=self.username.text(),
                    full_name=self.full_name.text() or self.username.text(),
                    password=self.password.text(),
                    roles=set(accounts.FIRST_ADMIN_ROLES),
                )
            self.actor = accounts.authenticate(self.db, username=self.username.text(), password=self.password.text())
        except UserFacingError as exc:
            self.message.setText("\n".join(describe(p, current_lang()) for p in exc.problems))
            return
        self.accept()


class MemberPinDialog(Dialog):
    """On the shared laptop: a member types the first letters of their name (no name is chosen beforehand, so that
    nobody types a PIN under someone else's), then their PIN, then Enter, to score under their own name."""

    def __init__(self, db: Database, members: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(tr("Đổi người chấm"))
        self.member = NameBox()
        for member_id, name in members:
            self.member.addItem(name, member_id)
        self.member.setPlaceholderText(tr("Gõ vài chữ của tên…"))
        self.member.setCurrentIndex(-1)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.rehearsal_pins = dict(demo_member_pins(db))  # empty but on the rehearsal file
        self.member.currentIndexChanged.connect(self._offer_rehearsal_pin)
        self._offer_rehearsal_pin()
        form = QFormLayout()
        form.addRow(tr("Thành viên"), self.member)
        form.addRow(tr("Mã PIN"), self.pin)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _offer_rehearsal_pin(self) -> None:
        """On the rehearsal file the chosen member's PIN shows greyed in the field, as the demo password does."""
        self.pin.setPlaceholderText(self.rehearsal_pins.get(self.member.currentText(), ""))

    def _accept(self) -> None:
        if self.member.currentIndex() < 0:
            self.message.setText(tr("Hãy chọn tên của mình: gõ vài chữ của tên, hoặc mở danh sách."))
            self.member.setFocus()
            return
        try:
            self.actor = accounts.sign_in_member(self.db, member_id=self.member.currentData(), pin=self.pin.text())
        except UserFacingError as exc:
            self.message.setText("\n".join(describe(p, current_lang()) for p in exc.problems))
            self.pin.clear()
            return
        self.accept()


class FormDialog(Dialog):
    """A form whose OK runs `submit(values)`; problems from the service stay on screen under the form."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020;")
        self.submit: Callable[[], Any] | None = None
        self.result_value: Any = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        if self.submit is None:
            self.accept()
            return
        try:
            self.result_value = self.submit()
        except UserFacingError as exc:
            self.errors.setText("\n".join(f"• {describe(p, current_lang())}" for p in exc.problems))
            return
        self.accept()


def date_field(text: str, field: str) -> dt.date:
    """A date typed as dd/mm/yyyy, or a problem naming the field."""
    try:
        return parse_vi_date(text)
    except ValueError:
        raise ValidationFailed(
            [Problem("catalogue.bad_date", {"field": field, "value": text}, (("field", field),))]
        ) from None
