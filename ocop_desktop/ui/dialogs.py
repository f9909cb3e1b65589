"""The one place that turns errors into dialogs, and the small dialogs every screen uses. Qt ships no
Vietnamese catalogue, so standard buttons get their words here."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.demo import demo_sign_in
from ocop_desktop.ui.i18n import current_lang, tr

log = logging.getLogger(__name__)


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
    """A person-sized message: the problems of a UserFacingError, or a short notice for anything else."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Không thực hiện được"))
    if isinstance(exc, UserFacingError):
        lines = [describe(p, current_lang()) for p in exc.problems]
        box.setText("\n".join(f"• {line}" for line in lines))
    else:
        log.error("unexpected error: %s", "".join(traceback.format_exception(exc)))
        box.setText(tr("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng."))
        box.setInformativeText(
            f"{type(exc).__name__}: {exc}"
        )  # no "Show Details..." button: Qt would word it in English
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


def ask_text(parent: QWidget | None, title: str, label: str, *, multiline: bool = False) -> str | None:
    """A short text from the user (a reason, a discussion); None when cancelled."""
    dialog = QDialog(parent)
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


class SignInDialog(QDialog):
    """Sign in to the open file; on a file without accounts, create the administrator first. On the demo file the
    demo secretary's account is filled in and the demo password shown, so that trying the application needs no
    manual."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.first_run = not accounts.has_users(db)
        self.setWindowTitle(tr("Tạo tài khoản quản trị") if self.first_run else tr("Đăng nhập"))
        layout = QVBoxLayout(self)
        if self.first_run:
            layout.addWidget(QLabel(tr("Tệp dữ liệu mới: hãy tạo tài khoản quản trị đầu tiên.")))
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
        demo = None if self.first_run else demo_sign_in(db)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(demo is not None)
        if demo is not None:
            username, password = demo
            self.username.setText(username)
            self.password.setPlaceholderText(password)
            self.password.setFocus()
            self.demo_hint.setText(
                tr("Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{password}».").format(password=password)
            )
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


class MemberPinDialog(QDialog):
    """On the shared laptop: a member picks their name and types their PIN to score under their own name."""

    def __init__(self, db: Database, members: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(tr("Đổi người chấm"))
        self.member = QComboBox()
        for member_id, name in members:
            self.member.addItem(name, member_id)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
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

    def _accept(self) -> None:
        try:
            self.actor = accounts.sign_in_member(self.db, member_id=self.member.currentData(), pin=self.pin.text())
        except UserFacingError as exc:
            self.message.setText("\n".join(describe(p, current_lang()) for p in exc.problems))
            self.pin.clear()
            return
        self.accept()
