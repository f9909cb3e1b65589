"""A path handed in as a file to read that is a folder, a named pipe or a device is refused by name at once, before
anything opens it (a named pipe would wait for a writer for ever): exchange files, backups to restore, workbooks,
key files, passphrase files, criteria files and certificate PDFs."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from ocop_desktop.cli import main
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import council_key
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.backups import restore
from ocop_desktop.services.exchange import verify_exchange
from ocop_desktop.services.exchange_import import Outcome, import_files
from ocop_desktop.services.import_dossiers import read_workbook
from ocop_desktop.services.validate_criteria_file import check_criteria_file
from tests.exchange_helpers import dump

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def promptly(call: Callable[[], object], fifo: Path, seconds: float = 20) -> object:
    """`call()`'s result, or its exception, within `seconds`; a call still blocked on opening `fifo` is released
    (a writer opens and closes the pipe) and the test fails."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the reader gets end of file and returns
        worker.join(seconds)
        pytest.fail(f"still waiting on the named pipe {fifo.name} after {seconds} s")
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "dot-2-2026.ocop"
    os.mkfifo(path)
    return path


def _refusal(result: object, name: str, what: str = "named_pipe") -> None:
    assert isinstance(result, UserFacingError), result
    (problem,) = result.problems
    assert problem.code == "input.not_a_file" and problem.params == {"what": what}
    assert dict(problem.location)["file"] == name
    assert "named pipe" in describe(problem, "en") or what != "named_pipe"


def test_an_exchange_import_from_a_named_pipe_returns_at_once_with_the_refusal(
    fifo: Path, tmp_path: Path, empty_db: Database
) -> None:
    before = dump(empty_db)
    report = promptly(lambda: import_files(empty_db, [fifo], actor=SYSTEM, data_folder=tmp_path / "data"), fifo)
    (only,) = report.files  # type: ignore[attr-defined]
    assert only.outcome is Outcome.REFUSED
    (problem,) = only.problems
    assert problem.code == "input.not_a_file" and problem.params == {"what": "named_pipe"}
    assert dict(problem.location)["file"] == fifo.name
    assert (
        describe(problem, "en") == f"File '{fifo.name}': this is not a file but a named pipe; not opened, "
        "nothing changed — choose a file"
    )
    assert dump(empty_db) == before


def test_verify_and_the_import_command_refuse_a_named_pipe_or_a_folder(
    fifo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refusal(promptly(lambda: verify_exchange(fifo), fifo), fifo.name)
    assert promptly(lambda: main(["verify", str(fifo), "--lang", "en"]), fifo) != 0
    assert "named pipe" in capsys.readouterr().err
    province = tmp_path / "tinh.ocopdb"
    password = tmp_path / "mat-khau.txt"
    password.write_text("mat-khau-tinh-2026\n", encoding="utf-8")
    officer = ["--as", "canbo", "--user-password-file", str(password)]  # a new province file: its first account
    assert promptly(lambda: main(["import", "--db", str(province), *officer, str(fifo), "--lang", "en"]), fifo) != 0
    assert "named pipe" in capsys.readouterr().out + capsys.readouterr().err
    folder = tmp_path / "a-folder.ocop"
    folder.mkdir()
    _refusal(promptly(lambda: verify_exchange(folder), fifo), folder.name, "directory")


def test_a_backup_to_restore_that_is_a_named_pipe_is_refused_and_the_data_file_kept(
    fifo: Path, empty_db: Database
) -> None:
    target = empty_db.path
    empty_db.close()
    before = target.read_bytes()
    _refusal(promptly(lambda: restore(target, fifo), fifo), fifo.name)
    assert target.read_bytes() == before


def test_workbooks_key_files_passphrase_files_criteria_and_certificates_as_named_pipes(
    fifo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preview = promptly(lambda: read_workbook(fifo), fifo)
    (problem,) = preview.problems  # type: ignore[attr-defined]
    assert problem.code == "input.not_a_file" and dict(problem.location)["file"] == fifo.name
    _refusal(promptly(lambda: council_key.read_public_key_file(fifo), fifo), fifo.name)
    checked = promptly(lambda: check_criteria_file(fifo), fifo)
    assert [p.code for p in checked.problems] == ["input.not_a_file"]  # type: ignore[attr-defined]
    assert promptly(lambda: main(["verify-certificate", "--pdf", str(fifo), "--lang", "en"]), fifo) != 0
    assert promptly(lambda: main(["keys", "trust", str(fifo), "--yes", "--lang", "en"]), fifo) != 0
    assert promptly(lambda: main(["keys", "create", "--passphrase-file", str(fifo), "--lang", "en"]), fifo) != 0
    said = capsys.readouterr()
    assert (said.out + said.err).count("named pipe") == 3


@pytest.mark.parametrize("create", [False, True])
def test_a_data_file_that_is_a_named_pipe_is_refused_at_once_even_to_create(fifo: Path, create: bool) -> None:
    """`--db` pointing at a pipe: the open (a pipe has size 0, so it looked like a new file to create) hung."""
    result = promptly(lambda: Database.open(fifo, create=create), fifo)
    _refusal(result, str(fifo))
