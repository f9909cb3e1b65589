"""The seal of the legal records: every change to a row of these tables ends in the audit chain as the row's
content hash, so `db verify` can tell a row edited, inserted or deleted behind the application's back.

Each write transaction notes the rows it touches in a per-connection temporary table, through temporary
triggers (not part of the file's schema, so they travel in no backup or exchange file): ORM changes and SQL
statements alike. Before the transaction commits, `services.audit` turns those notes into one "seal" event whose
`after` maps table → record id → hash of the row as it now stands (None: deleted)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from ocop_desktop.domain.text import nfc

SEALED = (
    "councils",
    "council_members",
    "advisory_members",
    "rounds",
    "meeting_sessions",
    "attendance",
    "recusals",
    "producers",
    "products",
    "dossiers",
    "self_assessment_choices",
    "commune_assessments",
    "council_decisions",
    "decisions",
    "certificates",
)
CHANGED = "ocop_changed"
SEAL_ACTION = "seal"
SEAL_ENTITY = "rows"
GENESIS = "0" * 64
LABELS = ("number", "code", "name", "full_name")  # what names a record to a person, first found
_TRIGGER_PREFIX = "ocop_seal_"
_CREATE_CHANGED = (
    f"CREATE TEMP TABLE IF NOT EXISTS {CHANGED} (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) "
    "WITHOUT ROWID"
)


def chain_hash(body: dict[str, Any]) -> str:
    """The hash of one audit event's canonical content (its fields and the previous event's hash)."""
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _tables(con: sqlite3.Connection) -> list[str]:
    names = {r[0] for r in con.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    return [t for t in SEALED if t in names]


def install(con: sqlite3.Connection) -> None:
    """Make this connection note the rows its write transactions touch (idempotent; called at each BEGIN
    IMMEDIATE, so a table created by a migration is watched from the next transaction on). Notes left by a
    transaction that sealed nothing (a migration, a raw connection) are dropped: only this transaction's count."""
    have = con.execute(
        "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE ?", (_TRIGGER_PREFIX + "%",)
    ).fetchone()[0]
    con.execute(_CREATE_CHANGED)
    con.execute(f"DELETE FROM temp.{CHANGED}")  # noqa: S608 - a constant name
    if have == 3 * len(SEALED):
        return
    for table in _tables(con):  # names from SEALED, never from input
        for when, rows_touched in (("INSERT", ("NEW",)), ("UPDATE", ("NEW", "OLD")), ("DELETE", ("OLD",))):
            notes = "".join(f"INSERT OR IGNORE INTO {CHANGED} VALUES ('{table}', {r}.id); " for r in rows_touched)  # noqa: S608
            name = f"{_TRIGGER_PREFIX}{table}_{when.lower()}"
            con.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {when} ON main.{table} BEGIN {notes}END")


def take_changes(con: sqlite3.Connection) -> dict[str, list[str]]:
    """The rows this transaction touched, by table (and forget them)."""
    try:
        rows = con.execute(f"SELECT tbl, row_id FROM temp.{CHANGED} ORDER BY tbl, row_id").fetchall()  # noqa: S608
    except sqlite3.OperationalError:  # a connection that never wrote
        return {}
    if not rows:
        return {}
    con.execute(f"DELETE FROM temp.{CHANGED}")  # noqa: S608 - a constant name
    changes: dict[str, list[str]] = {}
    for table, row_id in rows:
        changes.setdefault(table, []).append(row_id)
    return changes


def _value(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes) else value


def row_hash(columns: Iterable[str], row: Iterable[Any]) -> str:
    """The content hash of one row: every column by name, as SQLite stores it."""
    data = json.dumps(
        {c: _value(v) for c, v in zip(columns, row, strict=True)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def rows(con: sqlite3.Connection, table: str, ids: list[str] | None = None) -> dict[str, tuple[str, str]]:
    """Record id → (hash, label) for the rows of `table` (all of them, or those of `ids`)."""
    if table not in SEALED:
        raise ValueError(f"{table} is not a sealed table")
    found: dict[str, tuple[str, str]] = {}
    chunks = [ids[i : i + 500] for i in range(0, len(ids), 500)] if ids is not None else [None]
    for chunk in chunks:
        if chunk is None:
            cursor = con.execute(f"SELECT * FROM main.{table}")  # noqa: S608 - a name from SEALED (checked above)
        else:
            marks = ",".join("?" * len(chunk))
            cursor = con.execute(f"SELECT * FROM main.{table} WHERE id IN ({marks})", chunk)  # noqa: S608
        columns = [d[0] for d in cursor.description]
        label_at = next((columns.index(c) for c in LABELS if c in columns), None)
        id_at = columns.index("id")
        for row in cursor:
            label = str(row[label_at]) if label_at is not None and row[label_at] is not None else ""
            found[str(row[id_at])] = (row_hash(columns, row), label)
    return found


def seal_body(con: sqlite3.Connection, changes: dict[str, list[str]]) -> dict[str, dict[str, str | None]]:
    """What a seal event records for these changes: each row's hash now, None for a row that is gone."""
    body: dict[str, dict[str, str | None]] = {}
    for table, ids in sorted(changes.items()):
        now = rows(con, table, ids)
        body[table] = {row_id: (now[row_id][0] if row_id in now else None) for row_id in sorted(ids)}
    return body


def seal_everything(
    con: sqlite3.Connection, *, reason: str, now: dt.datetime | None = None, only: Sequence[str] | None = None
) -> bool:
    """Append one seal event covering every row of every sealed table, or of the tables `only` names (a file
    upgraded to sealing, or a sealed table given a column: its present state is taken as the one the application
    wrote). Written as the ORM writes an audit event, so `services.audit.event_hash` recomputes the same hash.
    False when there was nothing to seal."""
    tables = [t for t in _tables(con) if only is None or t in only]
    body = {t: {i: h for i, (h, _label) in rows(con, t).items()} for t in tables}
    body = {t: r for t, r in body.items() if r}
    if not body:
        return False
    at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    last = con.execute("SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    event = {
        "id": str(uuid.uuid4()),
        "at": at.isoformat(),
        "user_id": None,
        "username": nfc("hệ thống"),
        "acting_for": None,
        "action": SEAL_ACTION,
        "entity": SEAL_ENTITY,
        "entity_id": None,
        "before": None,
        "after": body,
        "reason": reason,
        "prev_hash": last[0] if last else GENESIS,
    }
    con.execute(
        "INSERT INTO audit_events (id, at, user_id, username, acting_for, action, entity, entity_id, before, after, "
        "reason, prev_hash, hash) VALUES (?, ?, NULL, ?, NULL, ?, ?, NULL, NULL, ?, ?, ?, ?)",
        (
            event["id"],
            at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"),
            event["username"],
            SEAL_ACTION,
            SEAL_ENTITY,
            json.dumps(body),
            reason,
            event["prev_hash"],
            chain_hash(event),
        ),
    )
    return True
