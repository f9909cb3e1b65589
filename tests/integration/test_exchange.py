"""The signed exchange file of a round: exported from the demo, it verifies; a changed value, a re-signed manifest,
an extra trigger or column, a newer format and damaged bytes are each told apart, never with a traceback."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.cli import main
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.models import AuditEvent, Ballot, Dossier, Round
from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import Seal, export_round, verify_exchange
from tests.exchange_helpers import resign


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


@pytest.fixture
def exported(demo_db: Database, tmp_path: Path) -> Path:
    return export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "dot-2.ocop").path


def _copy(path: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(path, target)
    return target


def test_the_exported_round_verifies_with_its_counts_and_code(demo_db: Database, exported: Path) -> None:
    check = verify_exchange(exported)
    assert check.seal is Seal.VALID and check.issuer == "" and check.reason == ""
    with demo_db.reading() as s:
        assert check.counts["dossiers"] == s.scalar(select(func.count()).select_from(Dossier)) == 12
        assert check.counts["ballots"] == s.scalar(select(func.count()).select_from(Ballot))
        head = s.scalars(select(AuditEvent).where(AuditEvent.action == "export_round")).one()
    assert head.after["content_sha256"] == check.manifest["content_sha256"]
    assert len(check.fingerprint) == 24 and check.fingerprint.count("-") == 4
    assert check.manifest["revision"] == "1" and check.manifest["rule_version"] == "QD26-2026"
    assert json.loads(check.manifest["counts"]) == check.counts
    with sqlite3.connect(exported) as con:
        columns = [row[1] for row in con.execute("PRAGMA table_info(council_members)")]
        assert "pin_hash" not in columns and "created_by" not in columns
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE type != 'table'").fetchone()[0] == 1  # manifest pk


def test_each_export_raises_the_revision_and_the_same_content_keeps_its_code(
    demo_db: Database, exported: Path, tmp_path: Path
) -> None:
    again = export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "again.ocop")
    first = verify_exchange(exported)
    assert again.manifest["revision"] == "2"
    assert again.fingerprint == first.fingerprint  # the audit trail moved on, the round's content did not


def test_a_changed_choice_with_the_manifest_kept_is_invalid(exported: Path, tmp_path: Path) -> None:
    forged = _copy(exported, tmp_path, "forged.ocop")
    with sqlite3.connect(forged) as con:
        assert con.execute("UPDATE ballot_choices SET option_number = option_number + 1 WHERE rowid = 1").rowcount
    check = verify_exchange(forged)
    assert check.seal is Seal.INVALID and check.reason == "content"
    assert check.fingerprint != verify_exchange(exported).fingerprint


def test_a_manifest_edited_without_the_key_is_invalid(exported: Path, tmp_path: Path) -> None:
    forged = _copy(exported, tmp_path, "forged.ocop")
    with sqlite3.connect(forged) as con:
        con.execute("UPDATE manifest SET value = '9' WHERE key = 'revision'")
    check = verify_exchange(forged)
    assert check.seal is Seal.INVALID and check.reason == "signature"


def test_content_resigned_with_another_key_is_an_unknown_signer(exported: Path, tmp_path: Path) -> None:
    forged = _copy(exported, tmp_path, "forged.ocop")
    with sqlite3.connect(forged) as con:
        con.execute("UPDATE results SET stars = 5")
    resign(forged, tmp_path / "forger")
    assert verify_exchange(forged).seal is Seal.UNKNOWN_KEY


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        ("CREATE TRIGGER t AFTER INSERT ON ballots BEGIN SELECT 1; END", "exchange.unexpected_object"),
        ("CREATE VIEW v AS SELECT * FROM ballots", "exchange.extra_object"),
        ("CREATE TABLE extra (x)", "exchange.extra_object"),
        ("CREATE INDEX i ON ballots (member_id)", "exchange.unexpected_object"),
        ("ALTER TABLE ballots ADD COLUMN x", "exchange.unexpected_columns"),
        ("DROP TABLE decisions", "exchange.missing_table"),
        ("DELETE FROM manifest WHERE key = 'signature'", "exchange.bad_manifest"),
        ("UPDATE manifest SET value = '2' WHERE key = 'format_version'", "exchange.newer_format"),
    ],
)
def test_a_file_of_another_shape_is_refused_before_any_row_is_trusted(
    exported: Path, tmp_path: Path, statement: str, code: str
) -> None:
    odd = _copy(exported, tmp_path, "odd.ocop")
    with sqlite3.connect(odd) as con:
        con.execute(statement)
    with pytest.raises(ValidationFailed) as info:
        verify_exchange(odd)
    assert [p.code for p in info.value.problems] == [code]
    assert dict(info.value.problems[0].location)["file"] == "odd.ocop"


def test_damaged_files_are_refused_or_found_invalid_never_trusted(exported: Path, tmp_path: Path) -> None:
    """Random truncations and byte flips: each is refused with its message or verifies as not valid."""
    data = exported.read_bytes()
    rnd = random.Random(6)
    outcomes: dict[str, int] = {}
    for n in range(120):
        bad = bytearray(data)
        if n % 3 == 0:
            bad = bad[: rnd.randrange(0, len(data))]
        else:
            for _ in range(rnd.randint(1, 8)):
                position = rnd.randrange(100, len(bad))  # past the header, where SQLite cannot always tell
                bad[position] ^= 1 << rnd.randrange(8)
        path = tmp_path / f"bad-{n}.ocop"
        path.write_bytes(bytes(bad))
        try:
            check = verify_exchange(path)
        except ValidationFailed as exc:
            key = exc.problems[0].code
        else:
            key = check.seal.value
            if check.seal is Seal.VALID:  # a flip in free space changes nothing the signature covers
                assert exchange_file.content_digest(sqlite3.connect(path))[0] == check.manifest["content_sha256"]
        outcomes[key] = outcomes.get(key, 0) + 1
    assert sum(outcomes.values()) == 120
    assert outcomes.get("exchange.not_sqlite", 0) + outcomes.get("exchange.damaged", 0) > 30


def test_export_and_verify_commands(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Database.open(demo_path) as db:
        round_id = _round(db)
    out = tmp_path / "dot.ocop"
    assert main(["export", "--db", str(demo_path), "--round", round_id, "--out", str(out)]) == 0
    assert "Mã xác thực:" in capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("HỢP LỆ: tệp do chính cài đặt này ký") and "12 hồ sơ" in shown
    with sqlite3.connect(out) as con:
        con.execute("UPDATE products SET name = 'Chè thường' WHERE rowid = 1")
    assert main(["verify", str(out), "--lang", "en"]) == 1
    assert "INVALID: the data in the file was changed after signing" in capsys.readouterr().out
    junk = tmp_path / "junk.ocop"
    junk.write_text("không phải SQLite", encoding="utf-8")
    assert main(["verify", str(junk)]) == 2
    assert "tệp không phải tệp trao đổi OCOP (không phải cơ sở dữ liệu SQLite)" in capsys.readouterr().err
