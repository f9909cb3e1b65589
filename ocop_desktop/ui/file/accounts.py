"""File → Accounts and PINs: the administrator's accounts and the council members' PINs, so a new file gets its
chair, second secretary and scoring members without anyone calling for help. Every change goes through
services.accounts, which checks who may and keeps the last administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.enums import Role
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, queries
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission, allowed
from ocop_desktop.ui.dialogs import Dialog, FormDialog, inform, name_buttons, show_error
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.words import account_role_duties, account_role_text, role_text


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _same_twice(first: QLineEdit, second: QLineEdit, code: str) -> None:
    if first.text() != second.text():
        raise ValidationFailed([Problem(code, {})])


class RolesBox(QWidget):
    """One tick box per role, with what the role may do in the tooltip."""

    def __init__(self, chosen: tuple[Role, ...] | frozenset[Role] = ()) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(f"{account_role_text(role)} — {account_role_duties(role)}")
            box.setChecked(role in chosen)
            self.boxes[role] = box
            layout.addWidget(box)

    def roles(self) -> set[Role]:
        return {role for role, box in self.boxes.items() if box.isChecked()}


class AccountDialog(FormDialog):
    """A new account: name, password typed twice, roles and, for a chair or member, the council member it is."""

    def __init__(self, parent: QWidget | None, members: list[tuple[str, str]]) -> None:
        super().__init__(parent, tr("Thêm tài khoản"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = _secret_field()
        self.password_again = _secret_field()
        self.roles = RolesBox()
        self.member = QComboBox()
        self.member.addItem(tr("(không gắn với thành viên nào)"), None)
        for member_id, name in members:
            self.member.addItem(name, member_id)
        self.form.addRow(tr("Tên đăng nhập"), self.username)
        self.form.addRow(tr("Họ và tên"), self.full_name)
        self.form.addRow(tr("Mật khẩu"), self.password)
        self.form.addRow(tr("Nhập lại mật khẩu"), self.password_again)
        self.form.addRow(tr("Vai trò"), self.roles)
        self.form.addRow(tr("Là thành viên hội đồng"), self.member)


class RolesDialog(FormDialog):
    def __init__(self, parent: QWidget | None, username: str, chosen: tuple[Role, ...]) -> None:
        super().__init__(parent, tr("Vai trò của {username}").format(username=username))
        self.roles = RolesBox(chosen)
        self.form.addRow(tr("Vai trò"), self.roles)


class SecretDialog(FormDialog):
    """A new password or PIN typed twice (and the current password when someone changes their own)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, *, current: bool = False) -> None:
        super().__init__(parent, title)
        self.current = _secret_field() if current else None
        self.first = _secret_field()
        self.second = _secret_field()
        if self.current is not None:
            self.form.addRow(tr("Mật khẩu hiện tại"), self.current)
        self.form.addRow(label, self.first)
        self.form.addRow(tr("Nhập lại"), self.second)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, key: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item


class AccountsDialog(Dialog):
    """Two tabs: the file's accounts (administrator) and the PINs of the current round's council members
    (secretary or administrator). A tab the signed-in person may not use is not shown."""

    def __init__(self, db: Database, actor: Actor, round_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.round_id = db, actor, round_id
        self.setWindowTitle(tr("Tài khoản và mã PIN"))
        self.resize(760, 460)
        self.tabs = QTabWidget()
        self.accounts_table = _table([tr("Tên đăng nhập"), tr("Họ và tên"), tr("Vai trò"), tr("Trạng thái")])
        self.add_button = QPushButton(tr("Thêm tài khoản…"))
        self.password_button = QPushButton(tr("Đặt lại mật khẩu…"))
        self.roles_button = QPushButton(tr("Vai trò…"))
        self.active_button = QPushButton(tr("Khóa / mở lại tài khoản"))
        self.pins_table = _table([tr("Thành viên"), tr("Vai trò trong hội đồng"), tr("Mã PIN")])
        self.pin_button = QPushButton(tr("Đặt mã PIN…"))
        self.pins_note = QLabel()
        self.pins_note.setWordWrap(True)
        if allowed(actor, Permission.MANAGE_USERS):
            self.tabs.addTab(self._accounts_tab(), tr("Tài khoản"))
        if allowed(actor, Permission.MANAGE_USERS) or allowed(actor, Permission.SET_UP_ROUND):
            self.tabs.addTab(self._pins_tab(), tr("Mã PIN của thành viên"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.refresh()

    def _accounts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            tr(
                "Mỗi người dùng một tài khoản riêng; nhật ký ghi tên người thực hiện mọi thay đổi. Chủ tịch "
                "hội đồng duyệt kết quả và xuất tệp gửi tỉnh; phiếu giấy cần hai người nhập (hai tài khoản thư ký)."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.accounts_table)
        row = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.roles_button, self.active_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_account)
        self.password_button.clicked.connect(self.reset_password)
        self.roles_button.clicked.connect(self.change_roles)
        self.active_button.clicked.connect(self.toggle_active)
        return page

    def _pins_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.pins_note)
        layout.addWidget(self.pins_table)
        row = QHBoxLayout()
        row.addWidget(self.pin_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.pin_button.clicked.connect(self.set_pin)
        return page

    # showing -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if allowed(self.actor, Permission.MANAGE_USERS):
            self.rows = accounts.list_accounts(self.db, actor=self.actor)
            self.accounts_table.setRowCount(len(self.rows))
            for index, account in enumerate(self.rows):
                linked = account.member_name and account.member_name != account.full_name
                name = account.full_name + (f" ({account.member_name})" if linked else "")
                self.accounts_table.setItem(index, 0, _cell(account.username, account.user_id))
                self.accounts_table.setItem(index, 1, _cell(name))
                self.accounts_table.setItem(index, 2, _cell(", ".join(account_role_text(r) for r in account.roles)))
                self.accounts_table.setItem(index, 3, _cell(tr("Đang dùng") if account.active else tr("Đã khóa")))
        self.pin_rows = []
        if self.round_id is None:
            self.pins_note.setText(tr("Chọn một đợt đánh giá trong cửa sổ chính để thấy thành viên hội đồng của đợt."))
        else:
            self.pin_rows = accounts.member_pins(self.db, actor=self.actor, round_id=self.round_id)
            self.pins_note.setText(
                tr(
                    "Thành viên chấm trên máy chung bằng Tệp → Đổi người chấm (Ctrl+U): chọn tên và gõ mã PIN "
                    "(ít nhất 4 chữ số). Mã PIN không hiển thị; thành viên quên mã thì đặt mã mới."
                )
            )
        self.pins_table.setRowCount(len(self.pin_rows))
        for index, member in enumerate(self.pin_rows):
            self.pins_table.setItem(index, 0, _cell(member.full_name, member.member_id))
            self.pins_table.setItem(index, 1, _cell(role_text(member.role)))
            self.pins_table.setItem(index, 2, _cell(tr("Đã có") if member.has_pin else tr("Chưa có")))
        self.pin_button.setEnabled(bool(self.pin_rows))

    def _chosen_account(self) -> accounts.AccountRow | None:
        index = self.accounts_table.currentRow()
        if not 0 <= index < len(self.rows):
            inform(self, tr("Tài khoản và mã PIN"), tr("Hãy chọn một tài khoản trong bảng."))
            return None
        return self.rows[index]

    def _run(self, dialog: FormDialog, submit: Callable[[], object]) -> bool:
        dialog.submit = submit
        done = dialog.exec() == QDialog.DialogCode.Accepted
        if done:
            self.refresh()
        return done

    # changing ------------------------------------------------------------------------------------------

    def add_account(self) -> bool:
        members = (
            [(m.member_id, m.full_name) for m in queries.council_members(self.db, self.round_id) if m.role.scores]
            if self.round_id
            else []
        )
        dialog = AccountDialog(self, members)

        def submit() -> str:
            _same_twice(dialog.password, dialog.password_again, "auth.password_mismatch")
            return accounts.create_user(
                self.db,
                actor=self.actor,
                username=dialog.username.text(),
                full_name=dialog.full_name.text(),
                password=dialog.password.text(),
                roles=dialog.roles.roles(),
                member_id=dialog.member.currentData(),
            )

        return self._run(dialog, submit)

    def reset_password(self) -> bool:
        account = self._chosen_account()
        if account is None:
            return False
        dialog = SecretDialog(
            self, tr("Đặt lại mật khẩu cho {username}").format(username=account.username), tr("Mật khẩu mới")
        )

        def submit() -> None:
            _same_twice(dialog.first, dialog.second, "auth.password_mismatch")
            accounts.reset_password(
                self.db, actor=self.actor, user_id=account.user_id, new_password=dialog.first.text()
            )

        return self._run(dialog, submit)

    def change_roles(self) -> bool:
        account = self._chosen_account()
        if account is None:
            return False
        dialog = RolesDialog(self, account.username, account.roles)
        return self._run(
            dialog,
            lambda: accounts.set_roles(self.db, actor=self.actor, user_id=account.user_id, roles=dialog.roles.roles()),
        )

    def toggle_active(self) -> bool:
        account = self._chosen_account()
        if account is None:
            return False
        try:
            accounts.set_active(self.db, actor=self.actor, user_id=account.user_id, active=not account.active)
        except Exception as exc:  # a person-sized message, never a traceback
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def set_pin(self) -> bool:
        index = self.pins_table.currentRow()
        if not 0 <= index < len(self.pin_rows):
            inform(self, tr("Tài khoản và mã PIN"), tr("Hãy chọn một thành viên trong bảng."))
            return False
        member = self.pin_rows[index]
        dialog = SecretDialog(self, tr("Mã PIN của {name}").format(name=member.full_name), tr("Mã PIN mới"))

        def submit() -> None:
            _same_twice(dialog.first, dialog.second, "auth.pin_mismatch")
            accounts.set_member_pin(self.db, actor=self.actor, member_id=member.member_id, pin=dialog.first.text())

        return self._run(dialog, submit)


def change_own_password(parent: QWidget | None, db: Database, actor: Actor) -> bool:
    """Tệp → Đổi mật khẩu của tôi…: the current password, then the new one twice."""
    dialog = SecretDialog(parent, tr("Đổi mật khẩu của tôi"), tr("Mật khẩu mới"), current=True)

    def submit() -> None:
        _same_twice(dialog.first, dialog.second, "auth.password_mismatch")
        old = dialog.current.text() if dialog.current is not None else ""
        accounts.change_password(db, actor=actor, old_password=old, new_password=dialog.first.text())

    dialog.submit = submit
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    inform(parent, tr("Đổi mật khẩu của tôi"), tr("Đã đổi mật khẩu."))
    return True
