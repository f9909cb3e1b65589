"""Verified, atomic copies of the data file: automatic backups before risky steps, a rotating daily one, and
restore. A backup is written to a temporary file, checked, then renamed into place, so a crash leaves either
the old backup or the new one, never half of one."""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.errors import Problem
from ocop_desktop.persistence import schema
from ocop_desktop.persistence.sqlite import APPLICATION_ID

BACKUP_SUFFIX = ".ocopdb"
KEEP_RECENT = 10
KEEP_DAILY_DAYS = 30


@dataclass(frozen=True)
class FileCheck:
    """What `check_file` found: an empty `problems` means the file is a sound OCOP data file."""

    path: Path
    problems: tuple[str, ...]
    schema_revision: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles and flushes on replace."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_file(path: Path, *, full: bool = True) -> FileCheck:
    """Open `path` read-only and check it: SQLite header, OCOP application id, integrity, foreign keys. With
    `full=False`, `quick_check` instead of `integrity_check` and no foreign-key check: for a copy just made of a
    live file through the backup API (page for page), which must be readable — every page, every record — but
    whose indexes and references are the source's own (checked when the source was opened, and by `db verify`)."""
    problems: list[str] = []
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return FileCheck(path, (f"unreadable: {exc.strerror or exc}",))
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return FileCheck(path, ("not_sqlite",))
    revision = None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return FileCheck(path, (f"unreadable: {exc}",))
    try:
        con.execute("PRAGMA trusted_schema=OFF")
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return FileCheck(path, ("not_ocop",))
        rows = [r[0] for r in con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        if rows != ["ok"]:
            problems.append("integrity: " + "; ".join(rows[:5]))
        fk = con.execute("PRAGMA foreign_key_check").fetchall() if full else []
        if fk:
            problems.append(f"foreign_keys: {len(fk)} rows, first in table {fk[0][0]}")
        with contextlib.suppress(sqlite3.Error):
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        problems.append(f"damaged: {exc}")
    finally:
        con.close()
    return FileCheck(path, tuple(problems), revision)


def schema_differences(path: Path, revision: str) -> list[Problem]:
    """How the file's schema differs from its revision's, read without writing to it."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return schema.differences(con, revision)
    finally:
        con.close()


def write_backup(source: sqlite3.Connection, destination: Path) -> FileCheck:
    """Copy a live database through SQLite's backup API to `destination`, atomically and verified.

    The copy goes to a temporary file of its own (`temporary_name`: never another process's), is fsynced and
    checked, and only then renamed over `destination`. Raises OSError / sqlite3.Error on failure, leaving any
    previous `destination` untouched and no temporary file behind.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_name(destination)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        check = check_file(tmp, full=False)  # every page and record readable (quick_check), as reliability.md 2.2
        if not check.ok:
            return FileCheck(destination, check.problems, check.schema_revision)
        os.replace(tmp, destination)
    finally:
        tmp.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    fsync_dir(destination.parent)
    return FileCheck(destination, (), check.schema_revision)


TMP_SUFFIX = ".tmp"
_TMP = re.compile(r".*\.(\d+)-[0-9a-f]{8}\.tmp")
STALE_TMP_SECONDS = 3600  # a temporary file this old is a crash's leftover whoever wrote it


def temporary_name(destination: Path) -> Path:
    """A temporary name no other process or thread uses: the process id (to tell a crashed writer's leftovers from
    a live writer's work) and a random part."""
    return destination.with_name(f"{destination.name}.{os.getpid()}-{secrets.token_hex(4)}{TMP_SUFFIX}")


def _writer_gone(tmp: Path) -> bool:
    """True when the process that wrote `tmp` is gone (or it is so old that it must have crashed)."""
    try:
        age = dt.datetime.now().timestamp() - tmp.stat().st_mtime
    except OSError:
        return False
    if age > STALE_TMP_SECONDS:
        return True
    match = _TMP.fullmatch(tmp.name)
    if match is None or os.name != "posix":
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def backup_name(db_path: Path, reason: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    return db_path.parent / "backups" / f"{db_path.stem}-{stamp}-{reason}{BACKUP_SUFFIX}"


STAMP = "%Y%m%d-%H%M%S-%f"
SET_ASIDE_MARK = "hong"  # "hỏng": the name a damaged file is kept under, beside where it was


def backup_time(db_path: Path, backup_path: Path) -> dt.datetime | None:
    """When a backup of `db_path` was taken (local time, from its name); None for a file that is not one of its
    backups (`list_backups` of "hoi-dong" also matches the backups of "hoi-dong-2")."""
    pattern = re.escape(db_path.stem) + r"-(\d{8}-\d{6}-\d{6})-.*" + re.escape(BACKUP_SUFFIX)
    match = re.fullmatch(pattern, backup_path.name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), STAMP)
    except ValueError:
        return None


def last_change(path: Path) -> dt.datetime | None:
    """The time (UTC) of the last change recorded in a sound data file's audit trail, read without writing."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT max(at) FROM audit_events").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    if not row or not row[0]:
        return None
    try:
        return dt.datetime.fromisoformat(str(row[0])).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a damaged file (with its -wal and -shm, which may hold its last writes) out of the way, beside where it
    was: `hoi-dong.ocopdb` → `hoi-dong.ocopdb.hong-20261120-164000`. Never deleted: an expert may still read it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{SET_ASIDE_MARK}-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.{SET_ASIDE_MARK}-{stamp}-{counter}")
    for suffix in ("-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.replace(companion, Path(str(aside) + suffix))
    os.replace(path, aside)
    fsync_dir(path.parent)
    return aside


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this data file, newest first."""
    folder = db_path.parent / "backups"
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*{BACKUP_SUFFIX}"), reverse=True)


def clean_leftovers(db_path: Path) -> list[Path]:
    """Remove the temporary files a crash left while backing up or restoring this data file — only those whose
    writer is gone: another process's copy in progress, or another data file's, is never touched."""
    removed = []
    folder = db_path.parent / "backups"
    candidates = list(folder.glob(f"{glob.escape(db_path.stem)}-*{TMP_SUFFIX}")) if folder.is_dir() else []
    candidates += db_path.parent.glob(f"{glob.escape(db_path.name)}.restore.*{TMP_SUFFIX}")
    for tmp in candidates:
        if _writer_gone(tmp):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def rotate(db_path: Path, *, today: dt.date | None = None) -> list[Path]:
    """Keep the 10 newest backups and the newest of each day for 30 days; return what was removed."""
    today = today or dt.date.today()
    keep: set[Path] = set()
    days_seen: set[str] = set()
    removed = []
    for index, path in enumerate(list_backups(db_path)):
        day = path.name[len(db_path.stem) + 1 : len(db_path.stem) + 9]
        try:
            age = (today - dt.datetime.strptime(day, "%Y%m%d").date()).days
        except ValueError:
            continue
        if index < KEEP_RECENT or (day not in days_seen and age <= KEEP_DAILY_DAYS):
            keep.add(path)
        days_seen.add(day)
    for path in list_backups(db_path):
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
