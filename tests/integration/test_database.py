"""The data file itself: pragmas, refusals with reasons, migrations from every released schema, NFC, sorting,
triggers, backups and restore, and `db verify` catching rows edited behind the application's back."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from ocop_desktop.domain.enums import LegalForm
from ocop_desktop.domain.errors import DatabaseProblem, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import Ballot, Producer
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database, known_revisions
from ocop_desktop.services import backups, registry
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.verify_database import verify_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COMMAND = [sys.executable, "-m", "ocop_desktop"]


def test_connection_pragmas(empty_db: Database) -> None:
    with empty_db.raw() as con:
        values = {
            p: con.execute(f"PRAGMA {p}").fetchone()[0]
            for p in ("journal_mode", "synchronous", "foreign_keys", "trusted_schema", "busy_timeout", "application_id")
        }
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "trusted_schema": 0,
        "busy_timeout": 5000,
        "application_id": 0x4F434F50,
    }


def test_foreign_keys_are_enforced(empty_db: Database) -> None:
    with pytest.raises(IntegrityError), empty_db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO products (id, producer_id, name, name_fold, rule_version_id, sheet_id, created_at, updated_at) VALUES ('x', 'no-such-producer', 'a', 'a', 'QD26-2026', 'QD26-2026-07', '2026-01-01', '2026-01-01')"
            )
        )


def test_text_is_stored_nfc_and_sorts_vietnamese(empty_db: Database) -> None:
    for name in ("Zung", "Đặng Văn A", "Anh Tuấn", "Ánh Tuyết", "Dương", "Nguye\u0302\u0303n Thị B"):
        registry.create_producer(empty_db, actor=SYSTEM, name=name, legal_form=LegalForm.HOUSEHOLD)
    with empty_db.reading() as s:
        names = list(s.scalars(select(Producer.name).order_by(Producer.name.collate("vi"))))
        found = s.scalars(select(Producer.name).where(Producer.name_fold.like("%nguyen%"))).all()
    assert names == ["Anh Tuấn", "Ánh Tuyết", "Dương", "Đặng Văn A", "Nguyễn Thị B", "Zung"]
    assert found == ["Nguyễn Thị B"]


def test_refuses_what_is_not_an_ocop_file(tmp_path: Path) -> None:
    text_file = tmp_path / "ghi-chu.ocopdb"
    text_file.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    foreign = tmp_path / "khac.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for path, code in (
        (text_file, "db.not_sqlite"),
        (foreign, "db.not_ocop"),
        (tmp_path / "absent.ocopdb", "db.missing"),
    ):
        with pytest.raises(DatabaseProblem) as info:
            Database.open(path)
        assert [p.code for p in info.value.problems] == [code]
        assert "Traceback" not in describe(info.value.problems[0])


def test_refuses_a_file_from_a_newer_version(empty_db: Database) -> None:
    path = empty_db.path
    with empty_db.raw() as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    empty_db.close()
    with pytest.raises(DatabaseProblem) as info:
        Database.open(path)
    assert "cập nhật phần mềm" in describe(info.value.problems[0])


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.ocopdb")), ids=lambda p: p.name)
def test_every_released_schema_opens_upgrades_and_verifies(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = backup.check_file(path).schema_revision
    _revisions, head = known_revisions()
    with Database.open(path) as db:
        assert db.schema_revision() == head
        with db.raw() as con:
            triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    from ocop_desktop.persistence.sqlite import TRIGGERS

    assert triggers == set(TRIGGERS)
    if before != head:
        assert backup.list_backups(path), "an upgrade is backed up first"
    assert verify_file(path).ok


def test_there_is_a_fixture_for_the_current_schema() -> None:
    _revisions, head = known_revisions()
    assert (FIXTURES / f"schema-{head}.ocopdb").exists()


def test_guard_triggers(demo_db: Database) -> None:
    with demo_db.raw() as con:
        for sql in (
            "DELETE FROM audit_events WHERE seq = 1",
            "UPDATE audit_events SET action = 'x' WHERE seq = 1",
            "UPDATE ballot_choices SET option_number = 1",
            "DELETE FROM ballots",
            "UPDATE results SET stars = 5 WHERE locked = 1",
            "DELETE FROM certificates",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                con.execute(sql)


def test_verify_reports_rows_edited_behind_the_apps_back(demo_path: Path) -> None:
    assert verify_file(demo_path).ok
    con = sqlite3.connect(demo_path)
    con.execute("DROP TRIGGER trg_choice_locked_update")
    con.execute(
        "UPDATE ballot_choices SET option_number = 1 WHERE id = (SELECT c.id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id WHERE b.status = 'submitted' AND c.option_number > 1 LIMIT 1)"
    )
    con.commit()
    con.close()
    report = verify_file(demo_path)
    assert not report.ok
    assert {p.code for p in report.problems} >= {"verify.choices_altered", "verify.locked_inputs_changed"}
    proc = subprocess.run([*COMMAND, "db", "verify", str(demo_path)], capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "Sản phẩm 19-" in proc.stderr and "khác với lúc tính kết quả" in proc.stderr


def test_verify_reports_an_edited_result_and_a_broken_audit_chain(demo_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    con.execute("DROP TRIGGER trg_result_locked_update")
    con.execute("UPDATE results SET stars = 5 WHERE stars = 3")
    con.execute("DROP TRIGGER trg_audit_no_update")
    con.execute("UPDATE audit_events SET reason = 'sửa' WHERE seq = 50")
    con.commit()
    con.close()
    found = {p.code for p in verify_file(demo_path).problems}
    assert {"verify.result_differs", "audit.event_altered"} <= found


def test_backup_is_verified_and_restore_refuses_a_bad_file(demo_db: Database, tmp_path: Path) -> None:
    saved = demo_db.backup("thu")
    assert backup.check_file(saved).ok
    assert verify_file(saved).ok
    demo_db.close()
    broken = tmp_path / "hong.ocopdb"
    data = bytearray(saved.read_bytes())
    data[5000:9000] = b"\x00" * 4000
    broken.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as info:
        backups.restore(demo_db.path, broken)
    assert info.value.problems[0].code == "db.restore_refused"
    assert verify_file(demo_db.path).ok  # untouched

    with Database.open(demo_db.path) as db, db.transaction() as s:
        assert s.scalars(select(Ballot)).first() is not None
    before_restore = backups.restore(demo_db.path, saved)
    assert before_restore is not None and backup.check_file(before_restore).ok
    assert verify_file(demo_db.path).ok


def test_rotation_keeps_ten_recent_and_one_per_day(tmp_path: Path) -> None:
    db_path = tmp_path / "hoidong.ocopdb"
    folder = tmp_path / "backups"
    folder.mkdir()
    today = dt.date(2026, 11, 22)
    for day in range(40):
        for hour in (8, 17):
            stamp = dt.datetime.combine(today - dt.timedelta(days=day), dt.time(hour))
            backup.backup_name(db_path, "x", stamp).write_bytes(b"")
    removed = backup.rotate(db_path, today=today)
    kept = backup.list_backups(db_path)
    days = {p.name.split("-")[1] for p in kept}
    assert len(kept) == 10 + 26 and len(removed) == 80 - 36
    assert len(days) == 31  # today and the 30 days before


def test_bulk_recompute_agrees_with_stored_results(demo_db: Database) -> None:
    from ocop_desktop.services.recompute import recompute_all

    stats = recompute_all(demo_db)
    assert stats.dossiers == 12 and stats.results == 12 and stats.differing == ()
    assert stats.choices > 1000
    with demo_db.raw() as con:
        con.execute("DROP TRIGGER trg_result_locked_update")
        con.execute("UPDATE results SET computed = json_set(computed, '$.stars', 5) WHERE stars = 3")
    assert len(recompute_all(demo_db).differing) >= 1


def test_bulk_recompute_reads_each_ballot_whole(demo_db: Database) -> None:
    """Each ballot's choices come in one row (SQLite's lists); a choice changed behind the application's back changes
    the figures, and an item id holding the lists' separator is read row by row, not split into two items."""
    from ocop_desktop.services.recompute import SEP, recompute_all

    with demo_db.raw() as con:
        con.execute("DROP TRIGGER trg_choice_locked_update")
        ballot_id, item_id = con.execute(
            "SELECT c.ballot_id, c.item_id FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id "
            "WHERE b.status = 'submitted' AND c.option_number > 1 ORDER BY c.ballot_id, c.item_id LIMIT 1"
        ).fetchone()
        con.execute(
            "UPDATE ballot_choices SET option_number = 1 WHERE ballot_id = ? AND item_id = ?", (ballot_id, item_id)
        )
        con.commit()
    first = recompute_all(demo_db)
    assert len(first.differing) == 1 and first.choices > 1000
    with demo_db.raw() as con:
        con.execute(
            "UPDATE ballot_choices SET item_id = ? WHERE ballot_id = ? AND item_id = ?",
            (f"{item_id}{SEP}x", ballot_id, item_id),
        )
        con.commit()
    with pytest.raises(ValidationFailed) as refused:  # the scoring core names the item as stored, whole
        recompute_all(demo_db)
    unknown = [p for p in refused.value.problems if p.code == "ballot.unknown_item"]
    assert [p.params["item"] for p in unknown] == [f"{item_id}{SEP}x"]


def test_models_and_migrations_agree(empty_db: Database) -> None:
    """A model change without its migration fails here, before it reaches a council's file."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ocop_desktop.models import Base

    with empty_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_file_whose_creation_was_interrupted_is_created_again(tmp_path: Path) -> None:
    """Killed while the first schema was being written: SQLite left a header page and no tables."""
    path = tmp_path / "moi.ocopdb"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    assert path.stat().st_size > 0
    with pytest.raises(DatabaseProblem):
        Database.open(path)
    with Database.open(path, create=True) as db:
        assert db.schema_revision() == known_revisions()[1]


def test_migration_file_names_carry_their_revision() -> None:
    """`known_revisions` reads revisions from file names; each file must say the same inside."""
    from alembic.script import ScriptDirectory

    from ocop_desktop.persistence.database import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    for revision in script.walk_revisions():
        assert Path(revision.path).name.startswith(f"{revision.revision}_")
    revisions, head = known_revisions()
    assert head == script.get_current_head() and set(revisions) == {r.revision for r in script.walk_revisions()}
