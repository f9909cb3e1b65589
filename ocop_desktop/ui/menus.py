"""The window's menus and the one place that says which File action is open to whom now."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.about import AboutDialog
from ocop_desktop.ui.backups import open_backup_folder
from ocop_desktop.ui.certificate_check import CertificateCheckDialog
from ocop_desktop.ui.dialogs import show_error
from ocop_desktop.ui.file.keys import TrustedKeysDialog
from ocop_desktop.ui.i18n import LANGUAGES, current_lang, tr
from ocop_desktop.ui.pages import PAGES, nav_labels

if TYPE_CHECKING:
    from ocop_desktop.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Language, Keys and Help, with their shortcuts; the File menu's actions stay on the window
    (`window.open_action`, …) for the start page and the tests to reach."""
    bar, files = window.menuBar(), window.files
    file_menu = bar.addMenu(tr("&Tệp"))
    window.open_action = _action(window, file_menu, tr("Mở…"), QKeySequence.StandardKey.Open)
    window.sign_out_action = _action(window, file_menu, tr("Đăng xuất / đổi người dùng…"), "Ctrl+L", window.sign_out)
    window.switch_action = _action(
        window, file_menu, tr("Đổi người chấm (tên và mã PIN)…"), "Ctrl+U", window.switch_member
    )
    window.accounts_action = _action(window, file_menu, tr("Tài khoản và mã PIN…"), None, files.show_accounts)
    window.own_password_action = _action(
        window, file_menu, tr("Đổi mật khẩu của tôi…"), None, files.change_own_password
    )
    file_menu.addSeparator()
    window.import_exchange_action = _action(
        window, file_menu, tr("Nhập tệp trao đổi (.ocop)…"), None, lambda: files.import_exchange_files(None)
    )
    window.export_round_action = _action(window,
        file_menu, tr("Xuất tệp trao đổi của đợt gửi tỉnh (.ocop)…"), None,
        lambda: files.export_exchange_file(member=False),
    )  # fmt: skip
    window.export_ballots_action = _action(
        window, file_menu, tr("Xuất phiếu chấm của tôi (.ocop)…"), None, lambda: files.export_exchange_file(member=True)
    )
    file_menu.addSeparator()
    window.backup_action = _action(window, file_menu, tr("Sao lưu ngay"), None, files.backup_now)
    window.restore_action = _action(window, file_menu, tr("Khôi phục từ bản sao lưu…"), None, files.restore_backup)

    def open_backups() -> None:
        if window.ctx.db is not None:
            open_backup_folder(window.ctx.db.path)

    window.backup_folder_action = _action(window, file_menu, tr("Mở thư mục sao lưu"), None, open_backups)
    file_menu.addSeparator()
    _action(window, file_menu, tr("Thoát"), "Ctrl+Q", window.close)  # Windows has no standard Quit key
    edit_menu = bar.addMenu(tr("&Sửa"))
    for make, label, key in (
        (window.scoring.undo_stack.createUndoAction, tr("Hoàn tác"), QKeySequence.StandardKey.Undo),
        (window.scoring.undo_stack.createRedoAction, tr("Làm lại"), QKeySequence.StandardKey.Redo),
    ):
        action = make(window, label)
        action.setShortcut(key)
        edit_menu.addAction(action)
    view_menu = bar.addMenu(tr("&Xem"))
    _action(window, view_menu, tr("Màn chiếu (F5)"), "F5", window.show_projector)
    for index, label in enumerate(nav_labels()[:6]):
        _action(window, view_menu, label, f"Alt+{index + 1}", functools.partial(window.nav.setCurrentRow, index))
    # the province page keeps its place in the list, after the criteria (which has no shortcut)
    _action(window, view_menu, tr("Toàn tỉnh"), "Alt+8", lambda: window.nav.setCurrentRow(PAGES.index("province")))
    language_menu = bar.addMenu(tr("&Ngôn ngữ / Language"))
    group = QActionGroup(window)
    for code, label in LANGUAGES:
        action = _action(window, language_menu, label, None, functools.partial(window._choose_language, code))
        action.setCheckable(True)
        action.setChecked(code == current_lang())
        group.addAction(action)
    keys_menu = bar.addMenu(tr("&Khóa ký"))
    _action(window, keys_menu, tr("Khóa ký của hội đồng…"), None, files.show_council_key)
    _action(window, keys_menu, tr("Khóa tin cậy (hội đồng, đơn vị cấp)…"), None, lambda: _show_trusted_keys(window))
    help_menu = bar.addMenu(tr("&Trợ giúp"))
    window.manual_action = _action(window, help_menu, tr("Hướng dẫn sử dụng"), "F1", window.show_manual)
    _action(window, help_menu, tr("Kiểm tra giấy chứng nhận…"), None, lambda: CertificateCheckDialog(window).exec())
    _action(window, help_menu, tr("Giới thiệu"), None, lambda: AboutDialog(window).exec())
    file_menu.aboutToShow.connect(lambda: update_actions(window))
    PersonKeys(window, (window.sign_out_action, window.switch_action))


def _show_trusted_keys(window: MainWindow) -> None:
    """The registry of trusted keys; one it cannot read (a damaged revocation record) is said, naming the file."""
    try:
        dialog = TrustedKeysDialog(window)
    except UserFacingError as exc:
        show_error(window, exc)
        return
    dialog.exec()


def _action(
    window: MainWindow,
    menu: QMenu,
    label: str,
    key: QKeySequence.StandardKey | str | None,
    slot: Callable[[], object] | None = None,
) -> QAction:
    action = QAction(label, window)
    if key is not None:
        action.setShortcut(QKeySequence(key))
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def update_actions(window: MainWindow) -> None:
    """Each File action enabled for whoever may use it now."""
    ctx, signed_in = window.ctx, window.ctx.actor is not None
    member = signed_in and ctx.actor is not None and ctx.actor.member_id is not None
    window.sign_out_action.setEnabled(signed_in)
    window.switch_action.setEnabled(ctx.round_id is not None)
    window.accounts_action.setEnabled(ctx.can(Permission.MANAGE_USERS) or ctx.can(Permission.SET_UP_ROUND))
    window.own_password_action.setEnabled(signed_in and ctx.actor is not None and ctx.actor.user_id is not None)
    window.import_exchange_action.setEnabled(ctx.can(Permission.IMPORT_EXCHANGE))
    window.export_round_action.setEnabled(ctx.can(Permission.APPROVE_RESULT) and ctx.round_id is not None)
    window.export_ballots_action.setEnabled(member and ctx.round_id is not None)
    window.backup_action.setEnabled(signed_in)
    window.restore_action.setEnabled(ctx.can(Permission.MANAGE_BACKUPS))
    window.backup_folder_action.setEnabled(ctx.db is not None)


class PersonKeys(QObject):
    """Ctrl+U (next member) and Ctrl+L (sign out) work wherever the focus is in the window. On Linux a text field
    claims Ctrl+U for itself ("delete the whole line", X11's key binding), so with the focus in the agenda's search
    field the PIN dialog never came and the next member's name and PIN were typed into the search instead."""

    def __init__(self, window: QWidget, actions: tuple[QAction, ...]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        app = QApplication.instance()
        if isinstance(app, QApplication):  # watch only the widget with the focus, not every event of the program
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            with contextlib.suppress(RuntimeError):  # the widget that had the focus may be gone
                old.removeEventFilter(self)
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if any(
            a.isEnabled() and a.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for a in self.actions
        ):
            event.ignore()  # not overridden: the window's shortcut runs
            return True
        return False
