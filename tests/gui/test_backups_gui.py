"""Backups from the File menu: one made now is verified and said with its place and size; a chosen backup restored
replaces the file with its content and keeps the replaced file as a backup; a bad backup is refused before anything
changes; a member may not restore."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, backups
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui import operations as operations_module
from ocop_desktop.ui.backups import RestoreDialog
from ocop_desktop.ui.dialogs import SignInDialog
from ocop_desktop.ui.file import actions as file_actions_module
from ocop_desktop.ui.main_window import MainWindow
from tests.gui.people import Dialogs, shortcut, sign_in


def signed_in(qtbot: QtBot, db: Database, username: str = "thuky") -> MainWindow:
    window = MainWindow(db, accounts.authenticate(db, username=username, password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    return window


def usernames(path: Path) -> set[str]:
    with Database.open(path, migrate=False, daily_backup=False) as db, db.raw() as con:
        return {row[0] for row in con.execute("SELECT username FROM users")}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_now_makes_a_verified_backup_and_says_where(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in(qtbot, demo_db)
    said: list[str] = []
    monkeypatch.setattr(file_actions_module, "inform", lambda _p, _t, text: said.append(text))
    made = window.files.backup_now()
    assert (
        made is not None and made.parent == demo_db.path.parent / "backups" and made.name.endswith("-thu-cong.ocopdb")
    )
    assert backup.check_file(made).ok
    assert str(made) in said[0] and ("KB" in said[0] or "MB" in said[0])
    (entry,) = [e for e in backups.list_backups(demo_db.path) if e.path == made]
    assert entry.reason == "thu-cong" and entry.size == made.stat().st_size


def test_a_chosen_backup_replaces_the_file_and_the_old_one_is_kept(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(demo_path)
    made = backups.backup_now(demo_path)
    admin = accounts.authenticate(db, username="quantri", password=DEMO_PASSWORD)
    accounts.create_user(
        db, actor=admin, username="moi", full_name="Người mới", password=DEMO_PASSWORD, roles={Role.MEMBER}
    )
    window = signed_in(qtbot, db)
    listed: list[list[Path]] = []

    def exec_(dialog: RestoreDialog) -> int:
        listed.append([e.path for e in dialog.entries])
        dialog.select([e.path for e in dialog.entries].index(made))
        dialog.restore_button.click()
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    asked: list[str] = []
    monkeypatch.setattr(file_actions_module, "confirm", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(file_actions_module, "inform", lambda _p, _t, text: asked.append(text))
    reopened: list[Path] = []
    window.reopen_requested.connect(reopened.append)
    kept = window.files.restore_backup()

    assert made in listed[0] and listed[0] == sorted(listed[0], reverse=True)  # newest first
    assert "sẽ không còn trong tệp" in asked[0]
    assert reopened == [demo_path] and window.db is None  # opened again through sign-in
    assert "moi" not in usernames(demo_path)
    assert kept is not None and kept.exists() and "truoc-khoi-phuc" in kept.name and "moi" in usernames(kept)


def test_a_bad_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = demo_db.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    bad = folder / f"{demo_db.path.stem}-20261101-080000-000000-thu-cong.ocopdb"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    window = signed_in(qtbot, demo_db)
    before, copies = digest(demo_db.path), set(folder.iterdir())
    shown: list[str] = []
    monkeypatch.setattr(operations_module, "show_error", lambda _p, exc: shown.append(str(exc)))
    monkeypatch.setattr(file_actions_module, "confirm", lambda *_a: pytest.fail("a refused backup is not offered"))
    assert window.files.restore_backup(bad) is None
    assert shown and window.db is demo_db
    assert digest(demo_db.path) == before and set(folder.iterdir()) == copies


def test_only_whoever_manages_backups_may_restore(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in(qtbot, demo_db, "canbotinh")
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()  # what opening the File menu does
    assert not window.restore_action.isEnabled() and window.backup_action.isEnabled()
    assert window.files.restore_backup(Path("x.ocopdb")) is None
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("quantri", DEMO_PASSWORD))
    shortcut(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # sign out, the administrator signs in
    file_menu.aboutToShow.emit()
    assert window.restore_action.isEnabled()
    dialogs.done()
