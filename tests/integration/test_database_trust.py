"""The data file against a hostile or unlucky office (issue 14): a poisoned backup, a schema changed behind the
application's back, PIN guessing, two writers, a file replaced while open, and rows edited outside the application."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import DatabaseProblem, PermissionDenied
from ocop_desktop.messages import describe
from ocop_desktop.persistence import backup, schema, writer_lock
from ocop_desktop.persistence.database import Database, build_schema, known_revisions
from ocop_desktop.services import accounts, backups, registry, writer_trials
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.services.verify_database import verify_file
from tests.integration.meeting import NAMES, build_meeting

FOREIGN_TRIGGER = """
    CREATE TRIGGER trg_rewrite AFTER INSERT ON ballot_choices
    BEGIN UPDATE ballot_choices SET option_number = 1 WHERE id = NEW.id; END"""


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("revision", known_revisions()[0])
def test_the_committed_schema_of_each_revision_is_what_its_migrations_build(revision: str) -> None:
    committed = schema.SCHEMAS / f"{revision}.json"
    assert [tuple(e) for e in json.loads(committed.read_text(encoding="utf-8"))] == build_schema(revision), (
        "run tools/schema_snapshots.py and commit what it writes"
    )


def test_a_backup_carrying_a_foreign_trigger_is_refused_and_nothing_changes(demo_db: Database) -> None:
    saved = demo_db.backup("thu")
    demo_db.close()
    con = sqlite3.connect(saved)
    con.execute(FOREIGN_TRIGGER)
    con.commit()
    con.close()
    before = demo_db.path.read_bytes()
    listed = backup.list_backups(demo_db.path)
    with pytest.raises(DatabaseProblem) as info:
        backups.restore(demo_db.path, saved)
    codes = [p.code for p in info.value.problems]
    assert codes == ["db.schema_extra", "db.nothing_restored"]
    said = describe(info.value.problems[0], "en")
    assert "trigger 'trg_rewrite' on table 'ballot_choices'" in said and str(saved) in said
    assert "nothing was restored" in describe(info.value.problems[1], "en")
    assert demo_db.path.read_bytes() == before
    assert backup.list_backups(demo_db.path) == listed  # not even a "before restore" backup was made
    with pytest.raises(DatabaseProblem):
        backups.check_backup(demo_db.path, saved)
    assert backups.latest_good_backup(demo_db.path) is None or backups.latest_good_backup(demo_db.path).path != saved


@pytest.mark.parametrize(
    ("sql", "code", "named"),
    [
        (FOREIGN_TRIGGER, "db.schema_extra", "trg_rewrite"),
        ("CREATE VIEW v_results AS SELECT * FROM results", "db.schema_extra", "v_results"),
        ("CREATE INDEX ix_cover ON certificates (id, stars)", "db.schema_extra", "ix_cover"),
        ("CREATE TABLE extra (x)", "db.schema_extra", "extra"),
        ("ALTER TABLE certificates ADD COLUMN note TEXT", "db.schema_changed", "certificates"),
        ("DROP TRIGGER trg_certificate_no_delete", "db.schema_missing", "trg_certificate_no_delete"),
    ],
)
def test_opening_a_file_whose_schema_was_changed_is_refused_by_name(
    demo_path: Path, sql: str, code: str, named: str
) -> None:
    con = sqlite3.connect(demo_path)
    con.execute(sql)
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as info:
        Database.open(demo_path)
    problems = info.value.problems
    assert problems[0].code == code and problems[0].params["name"] == named
    assert problems[-1].code == "db.schema_refused"
    assert backups.recoverable(problems)  # the screens offer the latest good backup
    report = verify_file(demo_path)
    assert code in {p.code for p in report.problems}


def test_wrong_pins_lock_the_pin_until_a_time_said_and_the_lock_survives_reopening(empty_db: Database) -> None:
    meeting = build_meeting(empty_db)
    chair_id = meeting.members[NAMES[0]]
    accounts.set_member_pin(empty_db, actor=meeting.secretary, member_id=chair_id, pin="2468")
    now = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
    for attempt in range(accounts.FREE_FAILURES):
        with pytest.raises(PermissionDenied) as wrong:
            accounts.sign_in_member(empty_db, member_id=chair_id, pin=f"{1000 + attempt}", now=now)
        assert wrong.value.problems[0].code == "auth.bad_pin_credentials"
    path = empty_db.path
    empty_db.close()
    with Database.open(path) as reopened:
        with pytest.raises(PermissionDenied) as locked:
            accounts.sign_in_member(reopened, member_id=chair_id, pin="2468", now=now + dt.timedelta(seconds=5))
        problem = locked.value.problems[0]
        assert problem.code == "auth.pin_locked" and problem.params["seconds"] == 26
        until = (now + dt.timedelta(seconds=30)).astimezone().strftime("%H:%M:%S %d/%m/%Y")
        assert until in describe(problem, "en") and NAMES[0] in describe(problem, "en")
        later = now + dt.timedelta(seconds=31)
        with pytest.raises(PermissionDenied):  # one more wrong PIN: the lock doubles
            accounts.sign_in_member(reopened, member_id=chair_id, pin="0000", now=later)
        with pytest.raises(PermissionDenied) as longer:
            accounts.sign_in_member(reopened, member_id=chair_id, pin="2468", now=later + dt.timedelta(seconds=59))
        assert longer.value.problems[0].code == "auth.pin_locked"
        actor = accounts.sign_in_member(reopened, member_id=chair_id, pin="2468", now=later + dt.timedelta(seconds=61))
        assert actor.member_id == chair_id
        for _ in range(accounts.FREE_FAILURES):  # the right PIN cleared the count: five free tries again
            with pytest.raises(PermissionDenied) as again:
                accounts.sign_in_member(reopened, member_id=chair_id, pin="1111", now=later + dt.timedelta(seconds=62))
            assert again.value.problems[0].code == "auth.bad_pin_credentials"
        accounts.set_member_pin(reopened, actor=meeting.secretary, member_id=chair_id, pin="1357")  # a new PIN lifts it
        assert accounts.sign_in_member(reopened, member_id=chair_id, pin="1357", now=later + dt.timedelta(seconds=63))


def _edit(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    for statement in sql:
        assert con.execute(statement).rowcount == 1, statement
    con.commit()
    con.close()


def _found(path: Path) -> set[tuple[str, str, str]]:
    return {
        (p.code, p.params["table"], dict(p.location)["record"])
        for p in verify_file(path).problems
        if p.code.startswith("verify.row_")
    }


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("certificates", "SET stars = 5 WHERE id = (SELECT id FROM certificates WHERE stars = 4 LIMIT 1)"),
        ("certificates", "SET number = number || 'X' WHERE id = (SELECT id FROM certificates LIMIT 1)"),
        ("decisions", "SET number = '999/QĐ-UBND' WHERE id = (SELECT id FROM decisions LIMIT 1)"),
        ("products", "SET name = 'Mật ong giả' WHERE id = (SELECT id FROM products LIMIT 1)"),
        ("producers", "SET name = 'Công ty giả' WHERE id = (SELECT id FROM producers LIMIT 1)"),
        ("dossiers", "SET agenda_order = agenda_order + 100 WHERE id = (SELECT id FROM dossiers LIMIT 1)"),
        ("council_members", "SET full_name = 'Người khác' WHERE id = (SELECT id FROM council_members LIMIT 1)"),
        ("attendance", "SET present = 1 - present WHERE id = (SELECT id FROM attendance LIMIT 1)"),
    ],
)
def test_db_verify_reports_a_legal_record_edited_behind_the_apps_back(demo_path: Path, table: str, change: str) -> None:
    assert verify_file(demo_path).ok
    (row_id,) = _rows(demo_path, f"SELECT id FROM {table} WHERE id = ({change.split('id = (', 1)[1][:-1]})")[0]
    _edit(demo_path, f"UPDATE {table} {change}")
    assert _found(demo_path) == {("verify.row_altered", table, row_id)}


def test_db_verify_reports_inserted_and_deleted_rows(demo_path: Path) -> None:
    (producer,) = _rows(demo_path, "SELECT id FROM producers LIMIT 1")[0]
    (recusal_or_attendance,) = _rows(demo_path, "SELECT id FROM attendance LIMIT 1")[0]
    columns = [r[1] for r in _rows(demo_path, "PRAGMA table_info(producers)")]
    copied = ", ".join("'forged-producer'" if c == "id" else c for c in columns)
    _edit(
        demo_path,
        f"INSERT INTO producers ({', '.join(columns)}) SELECT {copied} FROM producers WHERE id = '{producer}'",
        f"DELETE FROM attendance WHERE id = '{recusal_or_attendance}'",
    )
    found = _found(demo_path)
    assert found == {
        ("verify.row_inserted", "producers", "forged-producer"),
        ("verify.row_deleted", "attendance", recusal_or_attendance),
    }
    said = {describe(p, "en") for p in verify_file(demo_path).problems}
    assert any("table producers" in s and "added outside the application" in s for s in said)


def test_an_upgraded_file_is_sealed_as_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "old.ocopdb"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "schema-0003.ocopdb", path)
    Database.open(path).close()
    assert verify_file(path).ok
    seals = _rows(path, "SELECT after FROM audit_events WHERE action = 'seal' ORDER BY seq")
    assert len(seals) == 2  # 0004 seals every legal record; 0005 the councils again, with their new column
    assert "producers" in json.loads(seals[0][0]) and set(json.loads(seals[1][0])) == {"councils"}
    _edit(path, "UPDATE producers SET name = 'Khác' WHERE id = (SELECT id FROM producers LIMIT 1)")
    assert {code for code, _t, _r in _found(path)} == {"verify.row_altered"}
    _edit(path, "UPDATE councils SET above_authority = 'recognise_within_authority'")
    assert {(code, table) for code, table, _r in _found(path)} == {
        ("verify.row_altered", "producers"),
        ("verify.row_altered", "councils"),
    }


COMMAND = [sys.executable, "-m", "ocop_desktop"]


def test_a_second_process_is_told_who_holds_the_file_and_a_dead_holder_is_taken_over(demo_path: Path) -> None:
    with Database.open(demo_path) as db:
        db.name_account("thuky")
        proc = subprocess.run(
            [*COMMAND, "db", "exercise", "--db", str(demo_path), "--count", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2 and "ACK" not in proc.stdout
        said = " ".join(proc.stderr.split())
        assert "đang được mở để ghi ở nơi khác: tài khoản thuky" in said
        assert f"máy {socket.gethostname()}, tiến trình {os.getpid()}" in said
        with Database.open(demo_path) as same_process:  # each window and thread of one process opens its own
            assert same_process.schema_revision() == known_revisions()[1]
        made = subprocess.run(
            [*COMMAND, "db", "backup", "--db", str(demo_path)], capture_output=True, text=True, check=False
        )
        assert made.returncode == 0, made.stderr  # a backup only reads: allowed meanwhile
    holder = subprocess.Popen(
        [*COMMAND, "db", "exercise", "--db", str(demo_path), "--count", "100000"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().startswith("ACK ")
    with pytest.raises(DatabaseProblem) as held:
        Database.open(demo_path)
    assert held.value.problems[0].code == "db.in_use" and held.value.problems[0].params["pid"] == holder.pid
    holder.kill()  # dies holding the file: its lock file still names it
    holder.wait()
    assert json.loads(writer_lock.lock_path(demo_path).read_text(encoding="utf-8"))["pid"] == holder.pid
    with Database.open(demo_path) as taken_over:
        assert taken_over.schema_revision() == known_revisions()[1]


def test_a_file_deleted_or_replaced_while_open_acknowledges_no_more_writes(demo_path: Path, tmp_path: Path) -> None:
    older = tmp_path / "cu.ocopdb"
    shutil.copyfile(demo_path, older)
    for replace in (False, True):
        db = Database.open(demo_path)
        (producer,) = _rows(demo_path, "SELECT id FROM producers LIMIT 1")[0]
        registry.update_producer(db, actor=SYSTEM, producer_id=producer, phone="0900000001")
        if replace:
            os.replace(older, demo_path)
        else:
            os.rename(demo_path, tmp_path / "da-xoa.ocopdb")
        for attempt in range(3):  # not the next write, nor any after it
            with pytest.raises(DatabaseProblem) as stopped:
                registry.update_producer(db, actor=SYSTEM, producer_id=producer, phone=f"09000000{10 + attempt}")
        problem = stopped.value.problems[0]
        assert problem.code in ("db.file_replaced", "db.file_replaced_no_backup")
        assert "was deleted or replaced" in describe(problem, "en")
        db.close()
        if not replace:
            shutil.copyfile(tmp_path / "da-xoa.ocopdb", demo_path)


def test_backups_never_share_temporary_names_nor_remove_a_live_writers(demo_db: Database, tmp_path: Path) -> None:
    folder = demo_db.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    destination = folder / "demo-x.ocopdb"
    names = {backup.temporary_name(destination) for _ in range(50)}
    assert len(names) == 50 and all(str(os.getpid()) in n.name for n in names)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = backup.temporary_name(destination).with_name(f"demo-x.ocopdb.{sleeper.pid}-0a0b0c0d.tmp")
        live.write_bytes(b"in progress")
        dead_pid = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], check=True, capture_output=True, text=True
        )
        dead = folder / f"demo-y.ocopdb.{int(dead_pid.stdout)}-01020304.tmp"
        dead.write_bytes(b"crashed half-way")
        other_file = folder / f"autre-z.ocopdb.{int(dead_pid.stdout)}-01020304.tmp"
        other_file.write_bytes(b"another data file's")
        assert backup.clean_leftovers(demo_db.path) == [dead]
        assert live.exists() and other_file.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.slow
def test_two_processes_making_the_days_first_backup_at_once(tmp_path: Path) -> None:
    rnd = random.Random(14)
    stats = writer_trials.BackupRaceStats()
    for n in range(4):
        writer_trials.backup_race(tmp_path / "hai.ocopdb", rnd, stats, kill=n % 2 == 1)
    assert stats.unexpected_errors == 0, stats.failures
    assert stats.leftover_tmp == 0 and stats.unsound_files == 0, stats.failures


@pytest.mark.slow
def test_writes_after_the_file_is_deleted_or_replaced_are_never_acknowledged(tmp_path: Path) -> None:
    rnd = random.Random(14)
    stats = writer_trials.SwapStats()
    for replace in (False, True):
        writer_trials.swap_while_writing(tmp_path / "doi.ocopdb", rnd, stats, replace=replace)
    assert stats.acknowledged_after == 0 and stats.acknowledged_before > 0
    assert stats.stopped_with_message == 2, stats.failures


def test_db_restore_names_who_restores_and_checks_they_may(demo_db: Database, tmp_path: Path) -> None:
    saved = demo_db.backup("thu")
    demo_db.close()
    password = tmp_path / "mat-khau.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    command = [*COMMAND, "db", "restore", "--db", str(demo_db.path), str(saved), "--user-password-file", str(password)]
    nobody = subprocess.run(command, capture_output=True, text=True, check=False)
    assert nobody.returncode == 2 and "--user" in nobody.stderr
    chair = subprocess.run([*command, "--as", "tv1"], capture_output=True, text=True, check=False)
    assert chair.returncode == 2 and "không có quyền" in chair.stderr
    assert not any("truoc-khoi-phuc" in b.name for b in backup.list_backups(demo_db.path))  # nothing was replaced
    admin = subprocess.run([*command, "--as", "quantri"], capture_output=True, text=True, check=False)
    assert admin.returncode == 0, admin.stderr
    restored = _rows(demo_db.path, "SELECT username, after FROM audit_events WHERE action = 'restore_backup'")
    assert len(restored) == 1 and restored[0][0] == "quantri" and saved.name in str(restored[0][1])
