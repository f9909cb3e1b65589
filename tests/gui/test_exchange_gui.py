"""Exchange files from the window, offscreen: the chair exports the round for the province (its code shown), the
province officer previews and imports it into an empty province file, and a file signed by an unregistered key is
taken in only after the officer ticks that key in the preview — the acceptance recorded in the audit trail."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.models import AuditEvent, Round
from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import b64
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.council_key import unlock
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.file.exchange import ExchangeImportDialog
from ocop_desktop.ui.main_window import MainWindow
from tests.builders import TEST_PASSPHRASE, council_key


def _messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def message(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", message)
    return shown


def _export(qtbot: QtBot, db: Database, out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    window = MainWindow(db, SYSTEM)
    qtbot.addWidget(window)
    unlock(TEST_PASSPHRASE)  # the chair typed the passphrase once the file was open
    shown = _messages(monkeypatch)
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: out)
    assert window.export_round_action.isEnabled() and not window.export_ballots_action.isEnabled()
    window.export_round_action.trigger()
    assert out.exists()
    (title, text) = shown[-1]
    assert title == "Đã xuất tệp trao đổi" and "Mã xác thực:" in text
    return out, text.split("Mã xác thực: ")[1][:24]


def test_the_round_goes_from_the_council_window_to_the_province_window(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, code = _export(qtbot, demo_db, tmp_path / "dot.ocop", monkeypatch)
    province = Database.open(tmp_path / "tinh.ocopdb", create=True)
    window = MainWindow(province, SYSTEM)
    qtbot.addWidget(window)
    previews: list[list[list[str]]] = []

    def exec_(dialog: ExchangeImportDialog) -> int:
        previews.append(dialog.rows())
        assert dialog.go.isEnabled() and dialog.go.text() == "Nhập 1 tệp"
        return int(ExchangeImportDialog.DialogCode.Accepted)

    monkeypatch.setattr(ExchangeImportDialog, "exec", exec_)
    monkeypatch.setattr(file_dialogs, "open_files", lambda *_a, **_k: [path])
    shown = _messages(monkeypatch)
    window.import_exchange_action.trigger()
    assert previews, shown
    (row,) = previews[0]
    assert row[0] == "dot.ocop" and row[3] == code and row[5] == "Sẽ nhập"
    assert shown[-1][0] == "Nhập tệp trao đổi" and "dot.ocop: Đã nhập" in shown[-1][1]
    assert window.round_box.count() == 1  # the round taken in is in the list
    province.close()


def test_an_unregistered_key_is_taken_only_once_the_officer_ticks_it(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _code = _export(qtbot, demo_db, tmp_path / "dot.ocop", monkeypatch)
    foreign = tmp_path / "khac.ocop"
    shutil.copy(path, foreign)
    key = council_key(tmp_path / "hoi-dong-khac")
    with sqlite3.connect(foreign) as con:  # the same round as signed on another council's laptop
        manifest = dict(con.execute("SELECT key, value FROM manifest").fetchall())
        manifest.update(key_id=key.key_id, public_key=b64(key.public_raw))
        manifest["signature"] = b64(key.sign(exchange_file.canonical_manifest(manifest)))
        con.execute("DELETE FROM manifest")
        con.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
    province = Database.open(tmp_path / "tinh.ocopdb", create=True)
    window = MainWindow(province, SYSTEM)
    qtbot.addWidget(window)
    seen: list[dict[str, Any]] = []

    def exec_(dialog: ExchangeImportDialog) -> int:
        seen.append({"rows": dialog.rows(), "messages": dialog.message_texts(), "go": dialog.go.text()})
        if len(seen) == 1:
            assert not dialog.go.isEnabled() and list(dialog.keys) == [key.key_id]
            dialog.keys[key.key_id].setChecked(True)
            assert dialog.go.text() == "Xem trước lại" and dialog.go.isEnabled()
        return int(ExchangeImportDialog.DialogCode.Accepted)

    monkeypatch.setattr(ExchangeImportDialog, "exec", exec_)
    _messages(monkeypatch)
    report = window.files.import_exchange_files([foreign])
    assert seen[0]["rows"][0][5] == "Không nhập" and "chưa đăng ký" in seen[0]["rows"][0][4]
    assert any("chưa đăng ký tại đây" in m for m in seen[0]["messages"])
    assert seen[1]["rows"][0][5] == "Sẽ nhập" and seen[1]["go"] == "Nhập 1 tệp"
    assert report is not None and report.ok
    with province.reading() as s:
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "accept_untrusted_key")).one()
        assert s.scalars(select(Round.name)).one()
    province.close()
