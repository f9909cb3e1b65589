"""`ocop-desktop gui --demo`, offscreen: the window opens on the demo round in the person's data folder, the
sign-in dialog offering the demo secretary's account and showing the demo password; other files offer nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ocop_desktop.persistence.database import Database
from ocop_desktop.services.council_key import demo_key_folder
from ocop_desktop.services.demo import DEMO_FILE_NAME, DEMO_PASSWORD
from ocop_desktop.ui import app
from ocop_desktop.ui.dialogs import SignInDialog
from ocop_desktop.ui.main_window import MainWindow


def test_gui_demo_opens_the_demo_round_with_the_demo_account_offered(
    qtbot: QtBot, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(data))
    shutil.copyfile(demo_template, data / DEMO_FILE_NAME)  # as built on an earlier run: it is opened, not rebuilt
    offered: list[tuple[str, str, str, bool]] = []

    def sign_in(dialog: SignInDialog) -> int:
        offered.append(
            (
                dialog.username.text(),
                dialog.password.placeholderText(),
                dialog.demo_hint.text(),
                dialog.demo_hint.isVisibleTo(dialog),
            )
        )
        dialog.password.setText(DEMO_PASSWORD)
        dialog._accept()
        return dialog.result()

    checked: list[Database] = []
    remembered: list[Path] = []
    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)  # the event loop would block the test
    monkeypatch.setattr(app, "start_background_checks", lambda _window, db, **_kw: checked.append(db))
    monkeypatch.setattr(app, "remember", remembered.append)  # not into the person's own recent files
    made: list[MainWindow] = []

    class Window(MainWindow):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(app, "MainWindow", Window)
    assert app.run_gui(demo=True) == 0
    (window,) = made
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(offered) and window.db is not None, timeout=30000)  # the start runs from the loop
    try:
        assert offered == [
            ("thuky", DEMO_PASSWORD, f"Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{DEMO_PASSWORD}».", True)
        ]
        assert window.db is not None and window.db.path == data / DEMO_FILE_NAME and checked == [window.db]
        assert remembered == [window.db.path]
        assert window.actor is not None and window.actor.username == "thuky"
        assert window.round_box.count() == 1 and window.dossier_box.count() == 12
        assert demo_key_folder(window.db.path).is_dir()  # the demo certificates sign with the demo key
    finally:
        window.db.close()


def test_an_ordinary_file_offers_no_account(qtbot: QtBot, empty_db: Database) -> None:
    dialog = SignInDialog(empty_db)
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "" and dialog.password.placeholderText() == ""
    assert not dialog.demo_hint.isVisibleTo(dialog)
