"""Opening the council's data file: checks, migrations, and one unit of work per user action.

An unknown or damaged file is refused with a reason; a file from a newer version of the application is refused
("cập nhật phần mềm"); an older one is backed up, then upgraded step by step in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.domain.errors import DatabaseProblem, Problem
from ocop_desktop.paths import not_a_file, said_by_name
from ocop_desktop.persistence import backup, schema, sqlite
from ocop_desktop.persistence.sqlite import APPLICATION_ID, READ_ONLY_OPTION
from ocop_desktop.persistence.writer_lock import HeldElsewhere, WriterLock

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


def build_schema(revision: str) -> list[schema.Entry]:
    """The schema the migrations build up to `revision` in a scratch file (what `migrations/schemas/` holds)."""
    import tempfile

    from alembic import command

    with tempfile.TemporaryDirectory(prefix="ocop-schema-") as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'schema.ocopdb'}")
        sqlite.configure(engine)
        try:
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            with engine.connect() as conn:
                dbapi = conn.connection.dbapi_connection
                if not isinstance(dbapi, sqlite3.Connection):
                    raise TypeError("the scratch file is not an SQLite connection")
                return schema.schema_of(dbapi)
        finally:
            engine.dispose()


def _problem(code: str, path: Path, **params: object) -> DatabaseProblem:
    return DatabaseProblem([Problem(code, params, (("file", str(path)),))])


class Database:
    """An open data file. `transaction()` is the unit of work of one user action; `reading()` is a read-only
    view. Neither is shared between threads: each thread opens its own."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.lock: WriterLock | None = None
        self._identity: tuple[int, int] | None = None
        self._lost = False
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
        check_schema: bool = True,
        lock: bool = True,
    ) -> Database:
        """Open (or with `create`, make) the data file at `path`, upgrading its schema if needed, and make
        the day's first backup of an existing file (kept by rotation: 10 recent, one a day for 30 days).

        The screens open a large file with `quick_check=False, daily_backup=False` and run `background_checks`
        off the GUI thread once the window is up. A file whose schema is not exactly its revision's is refused
        (`check_schema=False` only for `db verify`, which reports the differences with everything else). A file
        another process holds for writing is refused, naming who (`lock=False`: a check that only reads)."""
        path = Path(path)
        if path.exists() and (not_file := not_a_file(path, (("file", str(path)),))) is not None:
            raise DatabaseProblem([not_file])  # a named pipe would hang the open, a folder is no data file
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise _problem("db.missing", path)
        if not is_new:
            _check_header(path)
        held = hold(path) if lock else None
        try:
            backup.clean_leftovers(path)
        except BaseException:
            if held is not None:
                held.release()
            raise
        engine = create_engine(f"sqlite:///{path}")
        sqlite.configure(engine)
        database = cls(path, engine)
        database.lock = held
        try:
            if not is_new and database._is_empty():
                # a file whose creation was interrupted before its schema was committed: start it again
                if not create:
                    raise _problem("db.not_ocop", path)
                is_new = True
            if not is_new and quick_check:
                database.quick_check()
            if not is_new and check_schema:
                database.check_schema()
            database._migrate(is_new=is_new, allowed=migrate)
            if daily_backup and not is_new and migrate:
                database.daily_backup()
            database._identity = _identity(path)
        except Exception as exc:
            database.close()
            damage = _damage(exc)
            if damage is not None:
                raise _problem("db.damaged", path, detail=damage) from exc
            raise
        return database

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def name_account(self, account: str) -> None:
        """The account now working on this file, for the lock that tells another process who holds it."""
        if self.lock is not None:
            self.lock.name_account(account)

    def check_identity(self) -> None:
        """Stop when the file at `path` is no longer the one opened (deleted, or replaced by another copy): a write
        would land in a file nobody will ever open again. Once found, nothing more is written through this object."""
        if self._identity is None:
            return
        if not self._lost and _identity(self.path) == self._identity:
            return
        self._lost = True
        latest = next(iter(backup.list_backups(self.path)), None)
        code = "db.file_replaced" if latest is not None else "db.file_replaced_no_backup"
        raise _problem(code, self.path, backup=str(latest) if latest is not None else "")

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed when the block ends, rolled back on error. Committed
        only while the file at `path` is still the one opened, and acknowledged (the block returns) only if it still
        is after the commit."""
        self.check_identity()
        with self._writer() as session, session.begin():
            yield session
            self.check_identity()  # raising here rolls the transaction back
        self.check_identity()

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
        with said_by_name(destination), self.raw() as con:  # a read-only folder, a full disk: said by name
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

    def check_schema(self) -> None:
        """Refuse a file whose tables, indexes, triggers or views are not exactly its revision's (a foreign trigger
        would rewrite what the application writes), naming each difference."""
        revision = self.schema_revision()
        if revision is None:
            return
        with self.raw() as con:
            problems = schema.differences(con, revision)
        if problems:
            located = [p.at(("file", str(self.path))) for p in problems]
            raise DatabaseProblem([*located, Problem("db.schema_refused", {}, (("file", str(self.path)),))])

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


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` (device, inode); None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def hold(path: Path) -> WriterLock:
    """Hold `path` for writing in this process, or raise DatabaseProblem saying who holds it."""
    try:
        return WriterLock.acquire(path)
    except HeldElsewhere as exc:
        holder = exc.holder
        params = {
            "host": holder.host if holder else "?",
            "pid": holder.pid if holder else "?",
            "account": holder.account if holder and holder.account else "—",
            "since": holder.since if holder else "?",
        }
        raise _problem("db.in_use", path, **params) from exc


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
