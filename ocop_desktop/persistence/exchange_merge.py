"""Taking an exchange file's rows into a database, in SQL: a staging copy with the working schema (its NOT NULL,
CHECK and UNIQUE constraints, foreign keys checked whole), every value's type checked before it is copied, then the
comparison with the receiving database (new, changed, identical, missing rows and natural keys held by another id)
and the apply statements, run by the caller inside its one transaction.

Nothing here decides what a change means; `services.exchange_import` does (which changes are allowed, which are
conflicts)."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
)
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import Table

from ocop_desktop.models.base import Base
from ocop_desktop.persistence.exchange_file import TABLES, ExchangeFileError, columns, sqlite_uri

KEYS = {table: key for table, key, _where in TABLES}
# parents before children: the order rows are written in; shared records are not the round's own (another round of
# the same council, or another council, may hold them)
APPLY_ORDER = (
    "criteria_snapshots", "councils", "council_members", "advisory_members", "producers", "products", "rounds",
    "meeting_sessions", "attendance", "dossiers", "recusals", "self_assessment_choices", "commune_assessments",
    "attachments", "evidence_links", "ballots", "ballot_choices", "council_decisions", "results", "decisions",
    "certificates",
)  # fmt: skip
SHARED = frozenset({"criteria_snapshots", "councils", "council_members", "advisory_members", "producers", "products"})


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@functools.cache
def _staging_image() -> bytes:
    """The empty staging database, made once per process in memory: creating its tables on disk for every file
    cost a synced write per statement, most of the time of a file refused for one of its values."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: con, poolclass=StaticPool)
    try:
        Base.metadata.create_all(engine, tables=[_table(name) for name in APPLY_ORDER])
        return con.serialize()
    finally:
        engine.dispose()
        con.close()


def create_staging(path: Path) -> None:
    """An empty staging database with the exchange tables of the working schema (constraints, no triggers)."""
    path.write_bytes(_staging_image())


def staging_connection(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, uri=False, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "trusted_schema=OFF"):
        con.execute(f"PRAGMA {pragma}")
    return con


def _type_condition(name: str, column: object) -> str:
    """SQL true for a value of the wrong type or shape for `column` (NULL where the schema forbids it included)."""
    kind = column.type  # type: ignore[attr-defined]
    quoted = f'"{name}"'
    if isinstance(kind, Boolean):
        bad = f"(typeof({quoted}) != 'integer' OR {quoted} NOT IN (0, 1))"
    elif isinstance(kind, Integer):
        bad = f"typeof({quoted}) != 'integer'"
    elif isinstance(kind, LargeBinary):
        bad = f"typeof({quoted}) != 'blob'"
    elif isinstance(kind, JSON):
        bad = f"(typeof({quoted}) != 'text' OR NOT json_valid({quoted}))"
    elif isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        bad = (  # whole seconds compared (a fraction would be rounded), the fraction checked as six digits
            f"(typeof({quoted}) != 'text' OR length({quoted}) NOT IN (19, 26) "
            f"OR datetime(substr({quoted}, 1, 19), '+0 days') IS NOT substr({quoted}, 1, 19) "
            f"OR (length({quoted}) = 26 AND substr({quoted}, 20) NOT GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]'))"
        )
    elif isinstance(kind, Date):
        bad = f"(typeof({quoted}) != 'text' OR date({quoted}, '+0 days') IS NOT {quoted})"  # 02-30 is not a day
    elif isinstance(kind, String | Text) or isinstance(getattr(kind, "impl", None), String | Text):
        length = getattr(kind, "length", None) or getattr(getattr(kind, "impl", None), "length", None)
        bad = f"typeof({quoted}) != 'text'" + (f" OR length({quoted}) > {int(length)}" if length else "")
        bad = f"({bad})"
    else:  # pragma: no cover - a new column type must say how it is checked
        raise TypeError(f"no exchange check for {kind!r}")
    if column.nullable:  # type: ignore[attr-defined]
        return f"({quoted} IS NOT NULL AND {bad})"
    return f"({quoted} IS NULL OR {bad})"


def load(staging: sqlite3.Connection, exchange: Path, present: dict[str, list[str]]) -> None:
    """Copy the exchange file's rows into the staging database after checking each value's type, length and
    format against the working schema; `present` names the columns the file has per table (an older file may
    lack newer columns, which take their defaults). Raises ExchangeFileError naming the table and column."""
    staging.execute("ATTACH DATABASE ? AS x", (sqlite_uri(exchange),))
    try:
        staging.execute("BEGIN")
        for table in APPLY_ORDER:
            model = _table(table)
            names = present[table]
            for name in names:
                condition = _type_condition(name, model.columns[name])
                row = staging.execute(
                    f'SELECT rowid FROM x."{table}" NOT INDEXED WHERE {condition} LIMIT 1'  # noqa: S608 - names from the schema
                ).fetchone()
                if row is not None:
                    raise ExchangeFileError("exchange.bad_type", table=table, column=name, row=row[0])
            listed = ", ".join(f'"{n}"' for n in names)
            try:
                staging.execute(  # the table itself, as the digest reads it: never an index of the file
                    f'INSERT INTO main."{table}" ({listed}) SELECT {listed} FROM x."{table}" NOT INDEXED'  # noqa: S608
                )
            except sqlite3.IntegrityError as exc:
                raise ExchangeFileError("exchange.rule_broken", table=table, detail=str(exc)[:200]) from exc
        staging.execute("COMMIT")
    except BaseException:
        if staging.in_transaction:
            staging.execute("ROLLBACK")
        raise
    finally:
        staging.execute("DETACH DATABASE x")


def dangling_references(staging: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, referenced table) for rows that point at a record the file does not hold."""
    found = {(str(row[0]), str(row[2])) for row in staging.execute("PRAGMA foreign_key_check")}
    return sorted(found)


def out_of_scope(staging: sqlite3.Connection, round_id: str, schema: str = "main") -> list[str]:
    """Tables holding rows that do not belong to the round: an exchange file carries one round and nothing else."""
    tables = []
    for table, _key, where in TABLES:
        scoped = where.replace("src.", f"{schema}.")
        query = f'SELECT 1 FROM {schema}."{table}" WHERE NOT ({scoped}) LIMIT 1'  # noqa: S608 - fixed names
        if staging.execute(query, {"round": round_id}).fetchone() is not None:
            tables.append(table)
    return tables


@dataclass
class TableDiff:
    """How the staged rows of one table compare with the receiving database, by key."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    identical: int = 0
    missing: list[str] = field(default_factory=list)  # the round's rows held here but not in the file


def _same(names: Sequence[str]) -> str:
    return " AND ".join(f's."{n}" IS m."{n}"' for n in names)


def diff(con: sqlite3.Connection, round_id: str, tables: Iterable[str] = APPLY_ORDER) -> dict[str, TableDiff]:
    """Compare the staged rows (schema `stg`) with the database (`main`) by key, on the exchanged columns."""
    result = {}
    wheres = {table: where for table, _key, where in TABLES}
    for table in tables:
        key = KEYS[table]
        names = [name for name, _type in columns()[table]]
        found = TableDiff()
        query = (
            f'SELECT s."{key}", m."{key}" IS NULL, m."{key}" IS NOT NULL AND ({_same(names)}) '  # noqa: S608
            f'FROM stg."{table}" s LEFT JOIN main."{table}" m ON m."{key}" = s."{key}"'
        )
        for row_key, is_new, is_same in con.execute(query):
            if is_new:
                found.new.append(row_key)
            elif is_same:
                found.identical += 1
            else:
                found.changed.append(row_key)
        if table not in SHARED:
            scoped = wheres[table].replace("src.", "main.")
            missing = (
                f'SELECT "{key}" FROM main."{table}" WHERE ({scoped}) '  # noqa: S608
                f'AND "{key}" NOT IN (SELECT "{key}" FROM stg."{table}")'
            )
            found.missing = [row[0] for row in con.execute(missing, {"round": round_id})]
        result[table] = found
    return result


def natural_key_clashes(con: sqlite3.Connection, table: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(staged key, key held here, columns) for each staged row whose unique columns (a product code, a
    certificate number, one ballot per member and scoring round…) are already held here by another record."""
    key = KEYS[table]
    model = _table(table)
    uniques = [tuple(c.name for c in constraint.columns) for constraint in model.constraints
               if isinstance(constraint, UniqueConstraint)]  # fmt: skip
    uniques += [(c.name,) for c in model.columns if c.unique]
    clashes = []
    for names in uniques:
        match = " AND ".join(f's."{n}" = m."{n}"' for n in names)
        query = (
            f'SELECT s."{key}", m."{key}" FROM stg."{table}" s JOIN main."{table}" m '  # noqa: S608
            f'ON {match} WHERE s."{key}" != m."{key}"'
        )
        clashes += [(str(a), str(b), names) for a, b in con.execute(query)]
    return clashes


Execute = Callable[[str, dict[str, object]], object]


def apply(execute: Execute, diffs: dict[str, TableDiff]) -> None:
    """Write the new and changed rows into `main` from `stg`, parents first, inside the caller's transaction.

    A submitted ballot comes in as a draft, gets its choices, then takes its status, as on the laptop that made it:
    the guard trigger refuses choices for a ballot already submitted."""
    for table in APPLY_ORDER:
        found = diffs[table]
        key = KEYS[table]
        names = [name for name, _type in columns()[table]]
        listed = ", ".join(f'"{n}"' for n in names)
        if found.changed:
            assignments = ", ".join(f'"{n}" = s."{n}"' for n in names if n != key)
            if table == "ballots":
                assignments = assignments.replace('"status" = s."status"', "\"status\" = 'draft'")
            execute(
                f'UPDATE main."{table}" AS m SET {assignments} FROM stg."{table}" AS s '  # noqa: S608
                f'WHERE m."{key}" = s."{key}" AND s."{key}" IN (SELECT value FROM json_each(:keys))',
                {"keys": _json_list(found.changed)},
            )
        if found.new:
            selected = listed.replace('"status"', "'draft'") if table == "ballots" else listed
            execute(
                f'INSERT INTO main."{table}" ({listed}) SELECT {selected} FROM stg."{table}" '  # noqa: S608
                f'WHERE "{key}" IN (SELECT value FROM json_each(:keys))',
                {"keys": _json_list(found.new)},
            )
    ballots = diffs["ballots"]
    if ballots.new or ballots.changed:
        execute(
            'UPDATE main."ballots" AS m SET "status" = s."status" FROM stg."ballots" AS s '
            'WHERE m."id" = s."id" AND s."id" IN (SELECT value FROM json_each(:keys))',
            {"keys": _json_list(ballots.new + ballots.changed)},
        )


def _json_list(keys: list[str]) -> str:
    return json.dumps(keys)
