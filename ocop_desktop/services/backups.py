"""Backups a person asks for (`db backup`), the daily one, and restore — which refuses a file that fails
verification and backs up the current file before replacing it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from ocop_desktop.domain.errors import DatabaseProblem, Problem
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database, known_revisions


def backup_now(path: Path, reason: str = "thu-cong") -> Path:
    with Database.open(path, migrate=False) as db:
        return db.backup(reason)


def ensure_daily_backup(db: Database, today: dt.date | None = None) -> Path | None:
    """Make today's backup unless one exists (the rotating daily backup)."""
    stamp = (today or dt.date.today()).strftime("%Y%m%d")
    if any(p.name.startswith(f"{db.path.stem}-{stamp}") for p in backup.list_backups(db.path)):
        return None
    return db.backup("hang-ngay")


def restore(target: Path, source: Path) -> Path | None:
    """Replace `target` with the backup `source` after checking it; returns the backup of the replaced file."""
    loc = (("file", str(source)),)
    check = backup.check_file(source)
    if not check.ok:
        raise DatabaseProblem([Problem("db.restore_refused", {"detail": "; ".join(check.problems)}, loc)])
    revisions, _head = known_revisions()
    if check.schema_revision not in revisions:
        raise DatabaseProblem([Problem("db.too_new", {"revision": check.schema_revision}, loc)])
    saved = None
    if target.exists():
        with Database.open(target, migrate=False) as current:
            saved = current.backup("truoc-khoi-phuc")
    tmp = target.with_name(target.name + ".restore.tmp")
    shutil.copyfile(source, tmp)
    with tmp.open("rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(tmp, target)
    backup.fsync_dir(target.parent)
    Database.open(target).close()  # an older backup is upgraded now, after its own backup
    return saved
