"""Issue 14, point 9: writing into a folder that may not be written, or onto a full disk, is said as such — which
folder, that nothing was changed — never the last-resort "unexpected error"; and `db verify` calls a sound file
that is merely read-only read-only, not damaged. Tests may run as root, where chmod does not stop a write: the
faults are then simulated with the errors the system gives (EACCES, ENOSPC)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook
from sqlalchemy import select

from ocop_desktop.domain.errors import StorageFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import Round
from ocop_desktop.persistence import backup, exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import verify_database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.round_documents import render_round_documents

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def _results(db: Database, out: Path) -> list[Path]:
    return render_round_documents(db, actor=SYSTEM, round_id=_round(db), out=out, kinds=("results",))


def _refusing_save(code: int) -> object:
    def save(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK half a workbook")
        raise OSError(code, os.strerror(code), filename)

    return save


def test_a_full_disk_is_said_and_the_earlier_file_is_kept(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    (earlier,) = [f for f in _results(demo_db, out) if f.suffix == ".xlsx"]
    kept = earlier.read_bytes()
    monkeypatch.setattr(Workbook, "save", _refusing_save(errno.ENOSPC))
    with pytest.raises(StorageFailed) as info:
        _results(demo_db, out)
    (problem,) = info.value.problems
    assert problem.code == "file.disk_full" and dict(problem.location)["file"] == earlier.name
    sentence = describe(problem, "en")
    assert "disk holding" in sentence and str(out) in sentence and "nothing was changed" in sentence
    assert earlier.read_bytes() == kept
    assert not list(out.glob("*.tmp"))


def test_a_folder_that_may_not_be_written_is_said(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Workbook, "save", _refusing_save(errno.EACCES))
    with pytest.raises(StorageFailed) as info:
        _results(demo_db, tmp_path / "out")
    (problem,) = info.value.problems
    assert problem.code == "file.read_only" and problem.params["folder"] == str(tmp_path / "out")
    assert "cannot write into the folder" in describe(problem, "en")


@pytest.mark.skipif(ROOT, reason="root writes into a folder whatever its mode: simulated by the test above")
def test_a_read_only_folder_is_said_for_documents_and_exchange_files(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for write in (
            lambda: _results(demo_db, folder),
            lambda: export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=folder / "dot.ocop"),
        ):
            with pytest.raises(StorageFailed) as info:
                write()
            assert info.value.problems[0].code == "file.read_only"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_an_exchange_file_on_a_full_disk_is_said(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(exchange_file.os, "fsync", full)
    out = tmp_path / "usb"
    with pytest.raises(StorageFailed) as info:
        export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=out / "dot.ocop")
    assert info.value.problems[0].code == "file.disk_full"
    assert list(out.iterdir()) == []


def test_db_verify_calls_a_read_only_sound_file_read_only(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify_database.os, "access", lambda _path, _mode: False)
    report = verify_database.verify_file(demo_path)
    assert report.ok and report.read_only and report.results_checked > 0
    assert report.path == str(demo_path)


@pytest.mark.skipif(ROOT, reason="root reads and writes whatever the mode: simulated by the test above")
def test_db_verify_on_a_chmod_read_only_folder(demo_path: Path) -> None:
    with Database.open(demo_path) as db:  # leaves its write-ahead log beside it, as a closed app may
        db.backup("truoc-kiem-tra")
    folder = demo_path.parent
    demo_path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        report = verify_database.verify_file(demo_path)
    finally:
        folder.chmod(stat.S_IRWXU)
        demo_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert report.ok and report.read_only, report.problems


def test_a_backup_onto_a_full_disk_is_said(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with Database.open(demo_path, daily_backup=False) as db:
        monkeypatch.setattr(backup.os, "fsync", full)
        with pytest.raises(StorageFailed) as info:
            db.backup("thu-cong")
    (problem,) = info.value.problems
    assert problem.code == "file.disk_full" and problem.params["folder"] == str(demo_path.parent / "backups")
