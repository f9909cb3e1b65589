"""Opening the council's data file: checks, migrations, and one unit of work per user action.

An unknown or damaged file is refused with a reason; a file from a newer version of the application is refused
("cập nhật phần mềm"); an older one is backed up, then upgraded step by step in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.domain.errors import DatabaseProblem, Problem
from ocop_desktop.persistence import backup, sqlite
from ocop_desktop.persistence.sqlite import APPLICATION_ID, READ_ONLY_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _alembic_config() -> Config:
    from alembic.config import Config  # imported only to migrate: it costs a third of a second at start-up

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def known_revisions() -> tuple[list[str], str]:
    """All schema revisions this application knows, oldest first, and the newest (head).

    Read from the migration files' names (`0001_initial_schema.py` is revision "0001"; a test keeps names and
    revisions equal), so that opening a file does not load Alembic."""
    revisions = sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))
    if not revisions:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return revisions, revisions[-1]


def _problem(code: str, path: Path, **params: object) -> DatabaseProblem:
    return DatabaseProblem([Problem(code, params, (("file", str(path)),))])


class Database:
    """An open data file. `transaction()` is the unit of work of one user action; `reading()` is a read-only
    view. Neither is shared between threads: each thread opens its own."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._writer = sessionmaker(engine, expire_on_commit=False)
        self._reader = sessionmaker(engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        migrate: bool = True,
        daily_backup: bool = True,
        quick_check: bool = True,
    ) -> Database:
        """Open (or with `create`, make) the data file at `path`, upgrading its schema if needed, and make
        the day's first backup of an existing file (kept by rotation: 10 recent, one a day for 30 days).

        The screens open a large file with `quick_check=False, daily_backup=False` and run `background_checks`
        off the GUI thread once the window is up."""
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise _problem("db.missing", path)
        if not is_new:
            _check_header(path)
        backup.clean_leftovers(path)
        engine = create_engine(f"sqlite:///{path}")
        sqlite.configure(engine)
        database = cls(path, engine)
        try:
            if not is_new and database._is_empty():
                # a file whose creation was interrupted before its schema was committed: start it again
                if not create:
                    raise _problem("db.not_ocop", path)
                is_new = True
            if not is_new and quick_check:
                database.quick_check()
            database._migrate(is_new=is_new, allowed=migrate)
            if daily_backup and not is_new and migrate:
                database.daily_backup()
        except Exception as exc:
            engine.dispose()
            damage = _damage(exc)
            if damage is not None:
                raise _problem("db.damaged", path, detail=damage) from exc
            raise
        return database

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed when the block ends, rolled back on error."""
        with self._writer() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The underlying sqlite3 connection (backups, integrity checks)."""
        with self.engine.connect() as conn:
            dbapi = conn.connection.dbapi_connection
            if not isinstance(dbapi, sqlite3.Connection):
                raise TypeError("the data file is not an SQLite connection")
            yield dbapi

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
            ).first()
            if exists is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()

    def backup(self, reason: str) -> Path:
        """A verified copy in `backups/` beside the file; raises DatabaseProblem if the copy fails its check."""
        destination = backup.backup_name(self.path, reason)
        with self.raw() as con:
            check = backup.write_backup(con, destination)
        if not check.ok:
            raise _problem("db.backup_failed", destination, detail="; ".join(check.problems))
        backup.rotate(self.path)
        return destination

    def daily_backup(self) -> Path | None:
        """Today's backup, unless one exists already."""
        stamp = dt.date.today().strftime("%Y%m%d")
        if any(p.name.startswith(f"{self.path.stem}-{stamp}") for p in backup.list_backups(self.path)):
            return None
        return self.backup("hang-ngay")

    def _is_empty(self) -> bool:
        """True for a file with no schema yet; raises for a file of another application.

        Reads the application id as SQLite sees it (after WAL recovery), not the raw header bytes: a file
        whose last writes are still in its -wal has an old header on disk."""
        with self.raw() as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == APPLICATION_ID:
            return False
        if app_id == 0 and tables == 0:
            return True
        raise _problem("db.not_ocop", self.path)

    def background_checks(self) -> Path | None:
        """The checks an interactive start defers: quick_check, then the day's backup (returned if made)."""
        self.quick_check()
        return self.daily_backup()

    def quick_check(self) -> None:
        with self.raw() as con:
            try:
                rows = [r[0] for r in con.execute("PRAGMA quick_check")]
            except sqlite3.DatabaseError as exc:
                raise _problem("db.damaged", self.path, detail=str(exc)) from exc
        if rows != ["ok"]:
            raise _problem("db.damaged", self.path, detail="; ".join(rows[:3]))

    def _migrate(self, *, is_new: bool, allowed: bool) -> None:
        revisions, head = known_revisions()
        current = self.schema_revision()
        if current == head:
            return
        if current is not None and current not in revisions:
            raise _problem("db.too_new", self.path, revision=current)
        if not is_new:
            if current is None:
                raise _problem("db.not_ocop", self.path)
            if not allowed:
                raise _problem("db.needs_upgrade", self.path, revision=current)
            self.backup(f"truoc-nang-cap-{current}")
        from alembic import command

        cfg = _alembic_config()
        with self.engine.begin() as conn:  # schema and file identity change together or not at all
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version={len(revisions)}")


CORRUPTION_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)


def _damage(exc: BaseException) -> str | None:
    """What SQLite said when it found the file damaged while opening it (a page that does not parse): a reason to
    offer a backup, not a traceback. Other errors (a locked file, a full disk) are not damage and pass through."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(error, sqlite3.DatabaseError) and (getattr(error, "sqlite_errorcode", 0) & 0xFF) in CORRUPTION_CODES:
        return str(error)
    return None


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise _problem("db.unreadable", path, detail=exc.strerror or str(exc)) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _problem("db.not_sqlite", path)
    if int.from_bytes(header[68:72], "big") not in (APPLICATION_ID, 0):
        raise _problem("db.not_ocop", path)
