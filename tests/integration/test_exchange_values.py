"""Issue 14, point 3: a signed exchange file whose values lie outside their domains — a NUL in a producer's name,
a year of 2^63−1, a certificate of 99 stars, a quorum over zero — is refused by table, record and column, with
nothing of it imported (the signature says who sent a value, not that it makes sense)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.messages import describe
from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.exchange_import import Outcome, import_files, inspect_file
from tests.exchange_helpers import dump, resign


@dataclass
class Files:
    genuine: Path
    province: Database
    folder: Path


@pytest.fixture(scope="module")
def files(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    folder = tmp_path_factory.mktemp("values")
    council_path = folder / "council.ocopdb"
    council_path.write_bytes(demo_template.read_bytes())
    with Database.open(council_path, daily_backup=False) as council:
        with council.reading() as s:
            round_id = s.scalars(select(Round.id)).one()
        genuine = export_round(council, actor=SYSTEM, round_id=round_id, out=folder / "dot.ocop").path
    province = Database.open(folder / "tinh.ocopdb", create=True, daily_backup=False)
    yield Files(genuine, province, folder)
    province.close()


def _forged(files: Files, name: str, statement: str, **params: object) -> tuple[Path, str]:
    """The genuine file with one value changed and signed again with the trusted key; the changed record's id."""
    path = files.folder / f"{name}.ocop"
    path.write_bytes(files.genuine.read_bytes())
    table = statement.split()[1]
    with closing(sqlite3.connect(path)) as con:
        record = con.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 1").fetchone()[0]
        con.execute(f"{statement} WHERE id = :id", {**params, "id": record})
        con.commit()
    resign(path)
    return path, record


@pytest.mark.parametrize(
    "case",
    [
        ("nul", "UPDATE producers SET name = :v", {"v": "HTX Chè\x00Tân Cương"}, "name", "value.control_char"),
        ("year", "UPDATE rounds SET year = :v", {"v": 2**63 - 1}, "year", "value.out_of_range"),
        ("stars", "UPDATE certificates SET stars = :v", {"v": 99}, "stars", "value.out_of_range"),
        ("quorum", "UPDATE councils SET quorum_denominator = :v", {"v": 0}, "quorum_denominator", "value.out_of_range"),
        (
            "quorum-over",
            "UPDATE councils SET quorum_numerator = :v",
            {"v": 7},
            "quorum_denominator",
            "setup.bad_quorum",
        ),
        ("clock", "UPDATE meeting_sessions SET opened_at = :v", {"v": "²:00"}, "opened_at", "input.bad_time"),
        (  # a council's policy above its authority (issue 16) is one of two names
            "policy",
            "UPDATE councils SET above_authority = :v",
            {"v": "cong_nhan"},
            "above_authority",
            "value.not_in_list",
        ),
    ],
)
def test_a_signed_value_outside_its_domain_is_refused_by_table_record_and_column(
    files: Files, case: tuple[str, str, dict[str, object], str, str]
) -> None:
    name, statement, params, column, code = case
    path, record = _forged(files, name, statement, **params)
    table = statement.split()[1]
    before = dump(files.province)
    report = import_files(files.province, [path], actor=SYSTEM)
    (only,) = report.files
    assert only.outcome is Outcome.REFUSED
    problem = only.problems[0]
    assert problem.code == code
    assert dict(problem.location) == {"file": path.name, "table": table, "record": record, "column": column}
    sentence = describe(problem, "en")
    assert f"table {table}" in sentence and record in sentence and f"column {column}" in sentence, sentence
    assert dump(files.province) == before
    assert inspect_file(path, files.folder).outcome is Outcome.REFUSED  # `verify` says so too


def test_the_genuine_file_still_goes_in(files: Files) -> None:
    assert import_files(files.province, [files.genuine], actor=SYSTEM, dry_run=True).ok


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"revision": "²"}, "exchange.bad_manifest"),
        ({"revision": "9" * 5000}, "exchange.bad_manifest"),
        ({"format_version": "²"}, "exchange.newer_format"),
        ({"schema_version": "²"}, "exchange.bad_manifest"),
        ({"counts": "[" * 100_000 + "]" * 100_000}, "import.counts_differ"),
        ({"counts": '{"rounds": ' + "9" * 5000 + "}"}, "import.counts_differ"),
    ],
    ids=["revision-superscript", "revision-5000-digits", "format-superscript", "schema-superscript", "deep", "huge"],
)
def test_a_manifest_entry_that_is_not_a_number_is_named_not_a_crash(
    files: Files, changes: dict[str, str], code: str
) -> None:
    """Issue 14, point 9: '²' passes `str.isdigit()` and fails `int()`; a 100,000-deep JSON or a 5,000-digit number
    raised RecursionError / ValueError to the last-resort handler."""
    path = files.folder / "manifest.ocop"
    path.write_bytes(files.genuine.read_bytes())
    resign(path, **changes)
    before = dump(files.province)
    (only,) = import_files(files.province, [path], actor=SYSTEM).files
    assert only.outcome is Outcome.REFUSED
    assert only.problems[0].code == code
    assert dump(files.province) == before
    assert inspect_file(path, files.folder).outcome is Outcome.REFUSED
