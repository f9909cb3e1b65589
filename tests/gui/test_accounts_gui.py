"""Tệp → Tài khoản và mã PIN: the administrator adds a chair through the real form, gives a member a PIN typed
twice, and that member then signs in through the Đổi người chấm dialog; refusals stay on screen, nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.ui import main_window as main_window_module
from ocop_desktop.ui.dialogs import MemberPinDialog
from ocop_desktop.ui.file import accounts as accounts_view
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.pages.setup import view as setup_view
from tests.integration.meeting import NAMES, build_meeting

NEW_PASSWORD = "chu-tich-2026"


def answer(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None], messages: list[str]) -> None:
    """The next form is filled by `fill` and its OK pressed; what it showed under the form is kept."""

    def exec_(dialog: Any) -> int:
        fill(dialog)
        dialog.try_accept()
        messages.append(dialog.errors.text())
        return int(dialog.result() == QDialog.DialogCode.Accepted)

    monkeypatch.setattr(setup_view.FormDialog, "exec", exec_)


@pytest.fixture
def admin_window(qtbot: QtBot, empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    meeting = build_meeting(empty_db)
    window = MainWindow(empty_db, meeting.admin)
    qtbot.addWidget(window)
    monkeypatch.setattr(accounts_view.AccountsDialog, "exec", lambda self: 0)
    return window


def test_admin_adds_a_chair_and_sets_a_pin_the_member_signs_in_with(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window
    db = window.db
    assert db is not None and window.round_id is not None
    assert window.accounts_action.isEnabled() and window.own_password_action.isEnabled()
    dialog = window.files.show_accounts()
    assert dialog is not None and dialog.tabs.count() == 2
    users_before = dialog.accounts_table.rowCount()
    messages: list[str] = []

    def chair(d: Any, again: str = NEW_PASSWORD) -> None:
        d.username.setText("chutich")
        d.full_name.setText("Nguyễn Văn Thành")
        d.password.setText(NEW_PASSWORD)
        d.password_again.setText(again)
        d.roles.boxes[Role.CHAIR].setChecked(True)
        d.member.setCurrentIndex(d.member.findText(NAMES[0]))

    answer(monkeypatch, lambda d: chair(d, again="go-khac-di"), messages)
    assert not dialog.add_account()
    assert "không giống nhau" in messages[-1]
    assert dialog.accounts_table.rowCount() == users_before
    answer(monkeypatch, chair, messages)
    assert dialog.add_account()
    assert dialog.accounts_table.rowCount() == users_before + 1
    chair_actor = accounts.authenticate(db, username="chutich", password=NEW_PASSWORD)
    assert chair_actor.roles == frozenset({Role.CHAIR}) and chair_actor.member_id is not None

    member_row = [r.full_name for r in dialog.pin_rows].index(NAMES[1])
    dialog.pins_table.selectRow(member_row)
    answer(monkeypatch, lambda d: (d.first.setText("12a4"), d.second.setText("12a4")), messages)
    assert not dialog.set_pin()
    assert "ít nhất 4 chữ số" in messages[-1]
    answer(monkeypatch, lambda d: (d.first.setText("2468"), d.second.setText("2468")), messages)
    assert dialog.set_pin()
    assert dialog.pins_table.item(member_row, 2).text() == "Đã có"

    members = [(r.member_id, r.full_name) for r in dialog.pin_rows]
    sign_in = MemberPinDialog(db, members)
    sign_in.member.setCurrentIndex(member_row)
    sign_in.pin.setText("2468")
    sign_in._accept()
    assert sign_in.actor is not None and sign_in.actor.member_id == dialog.pin_rows[member_row].member_id
    assert sign_in.actor.roles == frozenset({Role.MEMBER})


def test_the_admin_cannot_disable_their_own_account_and_is_told_why(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(accounts_view, "show_error", lambda _parent, exc: shown.extend(p.code for p in exc.problems))
    dialog = admin_window.files.show_accounts()
    assert dialog is not None
    own = [r.username for r in dialog.rows].index("quantri")
    dialog.accounts_table.selectRow(own)
    assert not dialog.toggle_active()
    assert shown == ["auth.own_account"]
    secretary = [r.username for r in dialog.rows].index("thuky2")
    dialog.accounts_table.selectRow(secretary)
    assert dialog.toggle_active()
    assert dialog.accounts_table.item(secretary, 3).text() == "Đã khóa"


def test_menu_entries_follow_who_is_signed_in(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch, empty_db: Database
) -> None:
    window = admin_window
    assert window.actor is not None and window.round_id is not None
    member_id = accounts.member_pins(empty_db, actor=window.actor, round_id=window.round_id)[0].member_id
    accounts.set_member_pin(empty_db, actor=window.actor, member_id=member_id, pin="1357")

    def exec_(dialog: Any) -> int:
        dialog.member.setCurrentIndex(dialog.member.findData(member_id))
        dialog.pin.setText("1357")
        dialog._accept()
        return int(dialog.result())

    monkeypatch.setattr(main_window_module.MemberPinDialog, "exec", exec_)
    window.switch_member()
    assert window.actor.member_id == member_id
    assert not window.accounts_action.isEnabled() and not window.own_password_action.isEnabled()
    assert window.files.show_accounts() is None


def test_change_my_password_asks_for_the_current_one(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch, empty_db: Database
) -> None:
    monkeypatch.setattr(accounts_view, "inform", lambda *_args: None)
    messages: list[str] = []

    def fill(current: str) -> Callable[[Any], None]:
        def go(d: Any) -> None:
            d.current.setText(current)
            d.first.setText(NEW_PASSWORD)
            d.second.setText(NEW_PASSWORD)

        return go

    answer(monkeypatch, fill("sai-mat-khau"), messages)
    admin_window.files.change_own_password()
    assert "không đúng" in messages[-1]
    answer(monkeypatch, fill("ocop-demo-2026"), messages)
    admin_window.files.change_own_password()
    assert messages[-1] == ""
    assert accounts.authenticate(empty_db, username="quantri", password=NEW_PASSWORD).username == "quantri"
