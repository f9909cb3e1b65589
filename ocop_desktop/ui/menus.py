"""The window's menus and the one place that says which File action is open to whom now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.about import AboutDialog
from ocop_desktop.ui.backups import open_backup_folder
from ocop_desktop.ui.i18n import LANGUAGES, current_lang, tr
from ocop_desktop.ui.pages import PAGES, nav_labels
from ocop_desktop.ui.views.keys import TrustedKeysDialog

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
    window.backup_folder_action = _action(
        window, file_menu, tr("Mở thư mục sao lưu"), None, lambda: window.db and open_backup_folder(window.db.path)
    )
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
        _action(window, view_menu, label, f"Alt+{index + 1}", lambda i=index: window.nav.setCurrentRow(i))
    # the province page keeps its place in the list, after the criteria (which has no shortcut)
    _action(window, view_menu, tr("Toàn tỉnh"), "Alt+8", lambda: window.nav.setCurrentRow(PAGES.index("province")))
    language_menu = bar.addMenu(tr("&Ngôn ngữ / Language"))
    group = QActionGroup(window)
    for code, label in LANGUAGES:
        action = _action(window, language_menu, label, None, lambda c=code: window._choose_language(c))
        action.setCheckable(True)
        action.setChecked(code == current_lang())
        group.addAction(action)
    keys_menu = bar.addMenu(tr("&Khóa ký"))
    _action(window, keys_menu, tr("Khóa ký của hội đồng…"), None, files.show_council_key)
    _action(
        window, keys_menu, tr("Khóa tin cậy (hội đồng, đơn vị cấp)…"), None, lambda: TrustedKeysDialog(window).exec()
    )
    help_menu = bar.addMenu(tr("&Trợ giúp"))
    window.manual_action = _action(window, help_menu, tr("Hướng dẫn sử dụng"), "F1", window.show_manual)
    _action(window, help_menu, tr("Giới thiệu"), None, lambda: AboutDialog(window).exec())
    file_menu.aboutToShow.connect(lambda: update_actions(window))


def _action(window: MainWindow, menu: QMenu, label: str, key: object, slot: object = None) -> QAction:
    action = QAction(label, window)
    if key is not None:
        action.setShortcut(QKeySequence(key) if isinstance(key, str) else key)  # type: ignore[arg-type]
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
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
