"""Backups a person asks for (`db backup`), the daily one, and restore — which refuses a file that fails
verification and backs up the current file before replacing it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ocop_desktop.domain.errors import DatabaseProblem, Problem
from ocop_desktop.messages import describe
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database, known_revisions
from ocop_desktop.services.verify_database import verify_file


def backup_now(path: Path, reason: str = "thu-cong") -> Path:
    with Database.open(path, migrate=False, daily_backup=False) as db:
        return db.backup(reason)


def restore(target: Path, source: Path) -> Path | None:
    """Replace `target` with the backup `source` after checking it; returns the backup of the replaced file."""
    loc = (("file", str(source)),)
    check = backup.check_file(source)
    if not check.ok:
        raise DatabaseProblem([Problem("db.restore_refused", {"detail": "; ".join(check.problems)}, loc)])
    revisions, head = known_revisions()
    if check.schema_revision not in revisions:
        raise DatabaseProblem([Problem("db.too_new", {"revision": check.schema_revision}, loc)])
    if check.schema_revision == head:
        report = verify_file(source)
        if not report.ok:
            detail = "; ".join(describe(p) for p in report.problems[:3])
            raise DatabaseProblem([Problem("db.restore_refused", {"detail": detail}, loc)])
    saved = None
    if target.exists():
        with Database.open(target, migrate=False, daily_backup=False) as current:
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
