"""Dialogs as a person types into them: the cursor starts in the first field (never on OK, where the space in a name
would press it), Enter in a field accepts, and on the shared laptop a member's first letters pick their name, then
the PIN, then Enter. Keys go to whatever has the focus, as they would on the real keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.models import CouncilMember
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.ui.dialogs import MemberPinDialog, name_match
from ocop_desktop.ui.file.accounts import SecretDialog
from ocop_desktop.ui.file.keys import RevokeDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.setup.view import CouncilDialog, MemberDialog, RoundDialog, SessionDialog
from tests.integration.meeting import NAMES, build_meeting

REAL_EXEC = QDialog.exec  # taken before the autouse fixture refuses modal dialogs: these tests answer theirs


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as a Vietnamese keyboard layout sends them (QTest.keyClicks takes ASCII
    only)."""
    for char in text:
        if char.isascii():
            QTest.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def typed_into_dialog(qtbot: QtBot, keys: Callable[[QWidget], None], seen: list[str]) -> None:
    """When the next modal dialog is up: wait for the keyboard focus, note which widget has it, send `keys` to it."""

    def act() -> None:
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None and QApplication.focusWidget() is not None)
        dialog = QApplication.activeModalWidget()
        focused = QApplication.focusWidget()
        seen.append(type(focused).__name__)
        try:
            keys(focused)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():  # the keys did not close it: fail, never hang
                seen.append("still open")
                dialog.reject()

    QTimer.singleShot(0, act)


def test_a_full_name_with_spaces_typed_then_enter_saves_the_member(
    qtbot: QtBot, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = build_meeting(empty_db)
    window = MainWindow(empty_db, meeting.secretary)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(PAGES.index("setup"))
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)
    seen: list[str] = []

    def name_then_enter(focused: QWidget) -> None:
        type_text(focused, "Hoàng Thị Mai Anh")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    typed_into_dialog(qtbot, name_then_enter, seen)
    window.setup_page.add_member.click()
    assert seen == ["QLineEdit"]
    with empty_db.reading() as s:
        names = set(s.scalars(select(CouncilMember.full_name)))
    assert "Hoàng Thị Mai Anh" in names
    shown = [window.setup_page.members.item(r, 0).text() for r in range(window.setup_page.members.rowCount())]
    assert "Hoàng Thị Mai Anh" in shown


@pytest.mark.parametrize(
    ("make", "first"),
    [
        (lambda: CouncilDialog(None), "name"),
        (lambda: MemberDialog(None), "full_name"),
        (lambda: RoundDialog(None), "name"),
        (lambda: SessionDialog(None), "date"),
        (lambda: SecretDialog(None, "Mã PIN", "Mã PIN mới"), "first"),
    ],
)
def test_forms_open_in_their_first_field_with_ok_last_in_tab_order(
    qtbot: QtBot, make: Callable[[], QDialog], first: str
) -> None:
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is getattr(dialog, first)
    ok = next(b for b in dialog.findChildren(QPushButton) if b.isDefault())
    order = []
    widget = QApplication.focusWidget()
    for _ in range(30):
        order.append(widget)
        widget = widget.nextInFocusChain()
    assert order.index(ok) > max(order.index(f) for f in dialog.findChildren(QLineEdit) if f in order)


def test_a_refusal_form_opens_in_its_first_field(qtbot: QtBot) -> None:
    from ocop_desktop.persistence.keys import TrustedKey

    entry = TrustedKey(public_raw=bytes(32), issuer="Hội đồng thử", added=None, revoked=None)
    dialog = RevokeDialog(None, entry)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.since


def test_a_member_types_initials_then_pin_then_enter(
    qtbot: QtBot, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = build_meeting(empty_db)
    accounts.set_member_pin(empty_db, actor=meeting.secretary, member_id=meeting.members[NAMES[2]], pin="2468")
    window = MainWindow(empty_db, meeting.secretary)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)
    seen: list[str] = []
    shown: list[str] = []

    def initials_pin_enter(focused: QWidget) -> None:
        QTest.keyClicks(focused, "le d")  # Lê Đức Thắng, typed without accents
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MemberPinDialog)
        shown.append(dialog.member.currentText())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # on to the PIN
        seen.append(type(QApplication.focusWidget()).__name__)
        QTest.keyClicks(QApplication.focusWidget(), "2468")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    typed_into_dialog(qtbot, initials_pin_enter, seen)
    window.switch_member()
    assert seen == ["NameBox", "QLineEdit"]
    assert shown == [NAMES[2]]
    assert window.actor is not None and window.actor.member_id == meeting.members[NAMES[2]]


def test_the_pin_dialog_chooses_nobody_until_a_name_is_typed(qtbot: QtBot, empty_db: Database) -> None:
    meeting = build_meeting(empty_db)
    dialog = MemberPinDialog(empty_db, [(meeting.members[n], n) for n in NAMES])
    qtbot.addWidget(dialog)
    dialog.pin.setText("2468")
    dialog._accept()
    assert dialog.actor is None and "chọn tên" in dialog.message.text()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("le", 2),  # the start of the whole name, accents aside
        ("lê đ", 2),
        ("tuyet", 3),  # the start of a word
        ("BAO", 4),
        ("uốc", 4),  # inside a word, last
        ("x", None),
        ("", None),
    ],
)
def test_name_match(typed: str, expected: int | None) -> None:
    assert name_match(NAMES, typed) == expected
