"""Backups a person asks for (`db backup`), the daily one, and restore — which refuses a file that fails
verification and backs up the current file before replacing it (or, when the current file is too damaged to be
copied, keeps it aside under another name). For a file that cannot be opened, `latest_good_backup` finds what to
offer instead."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.errors import DatabaseProblem, Problem, UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.paths import regular_file
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database, hold, known_revisions
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.verify_database import verify_file

# what a backup can cure: a damaged file, or one that something else overwrote. A file from a newer version of the
# application is sound; restoring an older backup over it would lose what the newer version recorded.
RECOVERABLE = frozenset(
    {"db.damaged", "db.not_sqlite", "db.not_ocop", "db.schema_extra", "db.schema_missing", "db.schema_changed"}
    | {"db.schema_refused"}
)


@dataclass(frozen=True)
class GoodBackup:
    """A backup that passed every check `restore` makes: when it was taken (local time) and the last change it
    holds (UTC, from its audit trail), to tell the person what would be lost."""

    path: Path
    taken: dt.datetime | None
    last_change: dt.datetime | None


@dataclass(frozen=True)
class BackupEntry:
    """One backup of a data file as a person chooses it: when it was taken (local time, from its name), why (the
    reason in its name, e.g. "hang-ngay", "thu-cong", "truoc-quyet-dinh") and its size in bytes."""

    path: Path
    taken: dt.datetime
    reason: str
    size: int


def backup_now(path: Path, reason: str = "thu-cong") -> Path:
    """A backup now; allowed while another process has the file open (it only reads it, under its own names)."""
    with Database.open(path, migrate=False, daily_backup=False, lock=False) as db:
        return db.backup(reason)


def list_backups(path: Path) -> list[BackupEntry]:
    """The backups of `path` in `backups/` beside it, newest first (not yet verified: `check_backup` does that)."""
    entries = []
    for candidate in backup.list_backups(path):
        taken = backup.backup_time(path, candidate)
        if taken is None:
            continue  # another file's backup whose name starts the same way
        reason = candidate.name[len(path.stem) + 1 + len(taken.strftime(backup.STAMP)) + 1 : -len(backup.BACKUP_SUFFIX)]
        try:
            size = candidate.stat().st_size
        except OSError:
            continue
        entries.append(BackupEntry(candidate, taken, reason, size))
    return sorted(entries, key=lambda e: e.taken, reverse=True)


def last_change(path: Path) -> dt.datetime | None:
    """The time (UTC) of the last change recorded in a data file, read without writing to it."""
    return backup.last_change(path)


def check_backup(path: Path, source: Path) -> GoodBackup:
    """The checks `restore` makes, done first so that a person sees the answer before choosing to replace anything;
    raises DatabaseProblem (`db.restore_refused`, `db.too_new`) for a backup that would be refused."""
    last_change = backup.last_change(source)  # read first: verifying leaves the file in WAL mode
    _check_restorable(source)
    return GoodBackup(source, backup.backup_time(path, source), last_change)


def recoverable(problems: tuple[Problem, ...]) -> bool:
    """True when opening failed because the file is damaged or not a data file of ours (a backup may help)."""
    return bool(problems) and all(p.code in RECOVERABLE for p in problems)


def _check_restorable(source: Path) -> None:
    """The checks a backup passes before it replaces anything: sound, of a schema we know, every value verified."""
    loc = (("file", str(source)),)
    regular_file(source)  # a folder or a named pipe is said at once, never opened
    check = backup.check_file(source)
    if not check.ok:
        raise DatabaseProblem([Problem("db.restore_refused", {"detail": "; ".join(check.problems)}, loc)])
    revisions, head = known_revisions()
    if check.schema_revision not in revisions:
        raise DatabaseProblem([Problem("db.too_new", {"revision": check.schema_revision}, loc)])
    differences = backup.schema_differences(source, check.schema_revision)
    if differences:
        raise DatabaseProblem([*(p.at(*loc) for p in differences), Problem("db.nothing_restored", {}, loc)])
    if check.schema_revision == head:
        report = verify_file(source)
        if not report.ok:
            detail = "; ".join(describe(p) for p in report.problems[:3])
            raise DatabaseProblem([Problem("db.restore_refused", {"detail": detail}, loc)])


def latest_good_backup(path: Path) -> GoodBackup | None:
    """The newest backup of `path` in `backups/` beside it that `restore` would accept; None when none does."""
    for candidate in backup.list_backups(path):
        taken = backup.backup_time(path, candidate)
        if taken is None:
            continue  # another file's backup whose name starts the same way
        last_change = backup.last_change(candidate)  # read first: verifying leaves the file in WAL mode
        try:
            _check_restorable(candidate)
        except UserFacingError:
            continue
        return GoodBackup(candidate, taken, last_change)
    return None


def _save_current(target: Path) -> Path:
    """A backup of the file about to be replaced; a file too damaged (or too foreign) to be copied is renamed aside
    instead, so that nothing is ever deleted by a restore."""
    try:
        with Database.open(target, migrate=False, daily_backup=False) as current:
            return current.backup("truoc-khoi-phuc")
    except UserFacingError:
        return backup.set_aside(target)


def restore(target: Path, source: Path, *, actor: Actor | None = None) -> Path | None:
    """Replace `target` with the backup `source` after checking it; returns the backup of the replaced file (or the
    name the damaged file was kept under). With `actor`, the restored file's audit trail says who restored what."""
    _check_restorable(source)
    held = hold(target)  # no other process writes to the file while it is replaced, nor has it open
    try:
        saved = _replace(target, source)
        if actor is not None:
            with Database.open(target, daily_backup=False) as db, db.transaction() as s:
                after = {"backup": source.name, "kept": saved.name if saved is not None else None}
                audit.record(s, actor, "restore_backup", "file", None, after=after)
        return saved
    finally:
        held.release()


def _replace(target: Path, source: Path) -> Path | None:
    saved = _save_current(target) if target.exists() else None
    tmp = backup.temporary_name(target.with_name(target.name + ".restore"))
    try:
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    backup.fsync_dir(target.parent)
    Database.open(target).close()  # an older backup is upgraded now, after its own backup
    return saved
