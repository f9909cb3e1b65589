"""`ocop-desktop gui --demo --before-meeting`, offscreen: the window opens the rehearsal from the person's data folder
(the finished demo left alone), the sign-in dialog fills the demo secretary and lists the members' PINs, and a member
takes the shared laptop with the PIN the dialog offers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ocop_desktop.persistence.database import Database
from ocop_desktop.services.demo import DEMO_FILE_NAME, DEMO_PASSWORD, REHEARSAL_FILE_NAME
from ocop_desktop.ui import app
from ocop_desktop.ui.dialogs import MemberPinDialog, SignInDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from tests.gui.people import type_text

PINS = (
    "Nguyễn Văn Thành 1111, Trần Thị Hương 2222, Lê Đức Thắng 3333, Phạm Thị Ánh Tuyết 4444, Đặng Quốc Bảo 5555, "
    "Hoàng Minh Khôi 6666, Vũ Thị Lan 7777"
)


def test_gui_demo_before_meeting_opens_the_rehearsal_and_offers_the_pins(
    qtbot: QtBot, rehearsal_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(data))
    shutil.copyfile(rehearsal_template, data / REHEARSAL_FILE_NAME)  # built on an earlier run: opened, not rebuilt
    offered: list[tuple[str, str, str]] = []

    def sign_in(dialog: SignInDialog) -> int:
        offered.append((dialog.username.text(), dialog.password.placeholderText(), dialog.demo_hint.text()))
        QTest.keyClicks(dialog.password, DEMO_PASSWORD)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)  # the event loop would block the test
    monkeypatch.setattr(app, "start_background_checks", lambda *_a, **_kw: None)
    monkeypatch.setattr(app, "remember", lambda _path: None)  # not into the person's own recent files
    made: list[MainWindow] = []

    class Window(MainWindow):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(app, "MainWindow", Window)
    assert app.run_gui(demo=True, before_meeting=True) == 0
    (window,) = made
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(offered) and window.actor is not None, timeout=30000)
    try:
        assert offered == [
            (
                "thuky",
                DEMO_PASSWORD,
                f"Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{DEMO_PASSWORD}».\n"
                f"Mã PIN của thành viên (Tệp → Đổi người chấm): {PINS}.",
            )
        ]
        assert window.db is not None and window.db.path == data / REHEARSAL_FILE_NAME
        assert not (data / DEMO_FILE_NAME).exists()
        assert window.dossier_box.count() == 12 and window.dossier_box.itemText(1).startswith("2. Mứt gừng Bàu Đá")

        seen: list[tuple[str, str]] = []

        def take_the_laptop(dialog: MemberPinDialog) -> int:
            dialog.show()
            type_text(dialog.member, "Trần Thị Hương")  # the vice-chair types her name
            seen.append((dialog.member.currentText(), dialog.pin.placeholderText()))
            QTest.keyClicks(dialog.pin, dialog.pin.placeholderText())
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[union-attr]
            return dialog.result()

        monkeypatch.setattr(MemberPinDialog, "exec", take_the_laptop)
        window.switch_member()
        assert seen == [("Trần Thị Hương", "2222")]
        assert window.actor.member_id is not None and window.actor.username == "Trần Thị Hương"
        assert window.nav.currentRow() == PAGES.index("scoring")
    finally:
        window.db.close()


def test_the_finished_demo_lists_no_pins(qtbot: QtBot, demo_db: Database) -> None:
    dialog = SignInDialog(demo_db)
    qtbot.addWidget(dialog)
    assert dialog.demo_hint.text() == f"Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{DEMO_PASSWORD}»."
    pins = MemberPinDialog(demo_db, [("x", "Nguyễn Văn Thành")])
    qtbot.addWidget(pins)
    assert pins.pin.placeholderText() == ""
