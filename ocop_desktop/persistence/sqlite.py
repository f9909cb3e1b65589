"""Everything specific to SQLite, in one place (a province may run the same schema on PostgreSQL):
connection pragmas, explicit transactions, the Vietnamese collation and search function, and the triggers
that make the audit trail append-only and submitted / approved records read-only."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from ocop_desktop.domain.text import fold, vi_sort_key
from ocop_desktop.persistence import row_seal

APPLICATION_ID = 0x4F434F50  # "OCOP" in the file header, so tools and the app can tell an OCOP file
BUSY_TIMEOUT_MS = 5000
READ_ONLY_OPTION = "ocop_read_only"


def _collate_vi(a: str, b: str) -> int:
    ka, kb = vi_sort_key(a), vi_sort_key(b)
    return (ka > kb) - (ka < kb)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's recipe: we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA trusted_schema=OFF",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA cell_size_check=ON",
    ):
        cursor.execute(pragma)
    cursor.close()
    dbapi_connection.create_collation("vi", _collate_vi)
    dbapi_connection.create_function("vi_fold", 1, lambda s: fold(s) if isinstance(s, str) else s, deterministic=True)


def _on_begin(conn: Connection) -> None:
    """Write transactions take the write lock at BEGIN (no deadlock when a reader would later upgrade)."""
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        dbapi = conn.connection.dbapi_connection
        if isinstance(dbapi, sqlite3.Connection):
            row_seal.install(dbapi)  # the legal records this transaction touches are sealed before it commits


def configure(engine: Engine) -> None:
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


TRIGGERS = {
    "trg_audit_no_update": """
        CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END""",
    "trg_audit_no_delete": """
        CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END""",
    "trg_choice_locked_insert": """
        CREATE TRIGGER trg_choice_locked_insert BEFORE INSERT ON ballot_choices
        WHEN (SELECT status FROM ballots WHERE id = NEW.ballot_id) = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'ballot already submitted'); END""",
    "trg_choice_locked_update": """
        CREATE TRIGGER trg_choice_locked_update BEFORE UPDATE ON ballot_choices
        WHEN (SELECT status FROM ballots WHERE id = OLD.ballot_id) = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'ballot already submitted'); END""",
    "trg_choice_locked_delete": """
        CREATE TRIGGER trg_choice_locked_delete BEFORE DELETE ON ballot_choices
        WHEN (SELECT status FROM ballots WHERE id = OLD.ballot_id) = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'ballot already submitted'); END""",
    "trg_ballot_submitted_update": """
        CREATE TRIGGER trg_ballot_submitted_update BEFORE UPDATE ON ballots
        WHEN OLD.status = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'ballot already submitted'); END""",
    "trg_ballot_submitted_delete": """
        CREATE TRIGGER trg_ballot_submitted_delete BEFORE DELETE ON ballots
        WHEN OLD.status = 'submitted'
        BEGIN SELECT RAISE(ABORT, 'ballot already submitted'); END""",
    "trg_result_locked_update": """
        CREATE TRIGGER trg_result_locked_update BEFORE UPDATE ON results
        WHEN OLD.locked = 1 AND NEW.locked = 1
        BEGIN SELECT RAISE(ABORT, 'result is approved and locked'); END""",
    "trg_result_locked_delete": """
        CREATE TRIGGER trg_result_locked_delete BEFORE DELETE ON results
        WHEN OLD.locked = 1
        BEGIN SELECT RAISE(ABORT, 'result is approved and locked'); END""",
    "trg_certificate_no_delete": """
        CREATE TRIGGER trg_certificate_no_delete BEFORE DELETE ON certificates
        BEGIN SELECT RAISE(ABORT, 'certificates are never deleted'); END""",
    "trg_certificate_revoked_update": """
        CREATE TRIGGER trg_certificate_revoked_update BEFORE UPDATE ON certificates
        WHEN OLD.status = 'revoked'
        BEGIN SELECT RAISE(ABORT, 'certificate is revoked'); END""",
}


def create_triggers(execute: Any) -> None:
    """Create the guard triggers; `execute` runs one SQL statement (an Alembic `op.execute` or a connection)."""
    for sql in TRIGGERS.values():
        execute(sql)


def drop_triggers(execute: Any) -> None:
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")
