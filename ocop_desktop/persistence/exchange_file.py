"""The exchange file (`.ocop`): one round's records in an SQLite file any SQLite tool opens, with a manifest signed
over a canonical form of the content — never over the file's bytes, which SQLite may lay out differently and whose
own checks would not notice a changed value.

The schema: the working database's tables that describe a round, with the same names and columns (`docs/exchange-
format.md`), less the columns that name local user accounts (`*_by`) and the members' PIN hashes; plus `manifest`.
Reading treats the file as hostile: read-only and immutable, `trusted_schema=OFF`, `quick_check`, and its whole
`sqlite_master` compared with the exact schema its version writes (no trigger, view, index, extra column or other
definition) before any row is read; rows are then read from the tables themselves, never through an index.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path

from ocop_desktop.domain import values
from ocop_desktop.models.base import Base
from ocop_desktop.paths import not_a_file, written_atomically
from ocop_desktop.persistence.database import known_revisions

FORMAT = "ocop-exchange"
FORMAT_VERSION = 1
MAX_BYTES = 512 * 1024 * 1024

# (table, key column, rows of the round): the order is the canonical order; each WHERE selects from the working
# database attached as `src`, the round's id bound as :round
TABLES: tuple[tuple[str, str, str], ...] = (
    ("rounds", "id", "id = :round"),
    ("councils", "id", "id = (SELECT council_id FROM src.rounds WHERE id = :round)"),
    ("council_members", "id", "council_id = (SELECT council_id FROM src.rounds WHERE id = :round)"),
    ("advisory_members", "id", "council_id = (SELECT council_id FROM src.rounds WHERE id = :round)"),
    ("meeting_sessions", "id", "round_id = :round"),
    ("attendance", "id", "session_id IN (SELECT id FROM src.meeting_sessions WHERE round_id = :round)"),
    ("dossiers", "id", "round_id = :round"),
    ("products", "id", "id IN (SELECT product_id FROM src.dossiers WHERE round_id = :round)"),
    (
        "producers",
        "id",
        "id IN (SELECT producer_id FROM src.products WHERE id IN "
        "(SELECT product_id FROM src.dossiers WHERE round_id = :round))",
    ),
    ("recusals", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    ("self_assessment_choices", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    ("commune_assessments", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    ("attachments", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    (
        "evidence_links",
        "id",
        "attachment_id IN (SELECT id FROM src.attachments WHERE dossier_id IN "
        "(SELECT id FROM src.dossiers WHERE round_id = :round))",
    ),
    ("ballots", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    (
        "ballot_choices",
        "id",
        "ballot_id IN (SELECT id FROM src.ballots WHERE dossier_id IN "
        "(SELECT id FROM src.dossiers WHERE round_id = :round))",
    ),
    ("council_decisions", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    ("results", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    ("decisions", "id", "round_id = :round"),
    ("certificates", "id", "dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)"),
    (
        "criteria_snapshots",
        "sha256",
        "sha256 IN (SELECT version_snapshot FROM src.rounds WHERE id = :round "
        "UNION SELECT sheet_snapshot FROM src.dossiers WHERE round_id = :round)",
    ),
)
# a member's ballots file: only that member's ballots of the round, with their choices
MEMBER_WHERE = {
    "ballots": "member_id = :member AND dossier_id IN (SELECT id FROM src.dossiers WHERE round_id = :round)",
    "ballot_choices": "ballot_id IN (SELECT id FROM src.ballots WHERE member_id = :member AND dossier_id IN "
    "(SELECT id FROM src.dossiers WHERE round_id = :round))",
}
AFTER_MEETING = frozenset({"decisions", "certificates"})  # recorded after the minutes are signed
LEFT_OUT = {"pin_hash"}  # a member's PIN hash never leaves the laptop
# columns each schema revision added to an exchange table: a file written before a revision lacks them (none yet:
# revisions 0002 and 0003 added an index and the import register, outside the exchange tables)
ADDED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {}


MANIFEST_DDL = "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


class ExchangeFileError(Exception):
    """The file is not an exchange file this version can read; `code` and `params` word it (messages.py)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@functools.cache
def columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each exchange table's columns with their declared types, from the working schema."""
    result = {}
    for name, _key, _where in TABLES:
        table = Base.metadata.tables[name]
        result[name] = tuple(
            (c.name, str(c.type)) for c in table.columns if not c.name.endswith("_by") and c.name not in LEFT_OUT
        )
    return result


def fingerprint(content_sha256: str) -> str:
    """The "mã xác thực" people compare between the file and the signed paper: 20 hex digits in groups of 4."""
    digits = content_sha256[:20].upper()
    return "-".join(digits[i : i + 4] for i in range(0, 20, 4))


_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # json.dumps' own, made once


def _canonical_value(table: str, column: str, value: object) -> object:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            raise ExchangeFileError("exchange.not_nfc", table=table, column=column)
        return value
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    raise ExchangeFileError("exchange.bad_value", table=table, column=column, value=type(value).__name__)


def content_digest(
    con: sqlite3.Connection, schema: str = "main", present: Mapping[str, list[str]] | None = None
) -> tuple[str, dict[str, int]]:
    """SHA-256 over the canonical content — table by table in the fixed order, rows in key order, each row one line
    of compact JSON (NFC text, integers, a blob as its SHA-256; a float is refused) — and the row counts. `present`
    names the columns of an older file (`columns_at`); by default, today's."""
    content, _meeting, counts = digests(con, schema, present)
    return content, counts


def digests(
    con: sqlite3.Connection,
    schema: str = "main",
    present: Mapping[str, list[str]] | None = None,
    round_id: str | None = None,
) -> tuple[str, str, dict[str, int]]:
    """The content digest, the meeting digest (the same lines less the decision and its certificates, which come
    after the minutes are signed: its fingerprint is the "mã xác thực" printed on the minutes) and the counts.
    With `round_id`, the rows of that round in a working database (the same rows its exchange file would hold)."""
    content, meeting = hashlib.sha256(), hashlib.sha256()
    counts = {}
    for table, key, where in TABLES:
        names = list(present[table]) if present else [name for name, _type in columns()[table]]
        count = 0
        # a file's rows are read from the table itself (NOT INDEXED): an index, even one the schema check let
        # through, could serve the ORDER BY with values other than those the import stages
        scope = f" WHERE {where.replace('src.', f'{schema}.')}" if round_id is not None else " NOT INDEXED"
        query = f'SELECT {", ".join(names)} FROM {schema}."{table}"{scope} ORDER BY "{key}"'  # noqa: S608
        try:
            for row in con.execute(query, {"round": round_id}):
                line = [table, *(_canonical_value(table, c, v) for c, v in zip(names, row, strict=True))]
                data = _LINE(line).encode("utf-8") + b"\n"
                content.update(data)
                if table not in AFTER_MEETING:
                    meeting.update(data)
                count += 1
        except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged page, text not UTF-8: not to be trusted
            raise ExchangeFileError("exchange.damaged", detail=f"{table}: {exc}"[:200]) from exc
        counts[table] = count
    return content.hexdigest(), meeting.hexdigest(), counts


def canonical_manifest(manifest: Mapping[str, str]) -> bytes:
    """The signed bytes: the manifest (which holds the content digest) without its signature, as compact JSON."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def write(
    working: Path, round_id: str, out: Path, make_manifest: object, *, member_id: str | None = None
) -> dict[str, str]:
    """Copy the round's rows from the working database into a new exchange file at `out` (through a temporary file
    renamed into place once it reads back identical). `make_manifest(content_sha256, meeting_sha256, counts)` returns
    the manifest,
    signature included. With `member_id`, the file holds only that member's ballots and their choices (a member's
    laptop sending its ballots to the secretary); the other tables are there, empty."""
    with written_atomically(out) as tmp:
        with closing(sqlite3.connect(tmp)) as con:
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute("ATTACH DATABASE ? AS src", (f"file:{working}?mode=ro",))
            create_tables(con)
            for table, _key, round_where in TABLES:
                names = ", ".join(f'"{name}"' for name, _kind in columns()[table])
                where = round_where if member_id is None else MEMBER_WHERE.get(table, "0")
                con.execute(
                    f'INSERT INTO "{table}" ({names}) SELECT {names} FROM src."{table}" WHERE {where}',  # noqa: S608
                    {"round": round_id, "member": member_id},
                )
            con.commit()
            con.execute("DETACH DATABASE src")
            content_sha256, meeting_sha256, counts = digests(con)
            manifest: dict[str, str] = make_manifest(content_sha256, meeting_sha256, counts)  # type: ignore[operator]
            con.execute(MANIFEST_DDL)
            con.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
            con.commit()
        written = _read_back(tmp)
        if _read_back(tmp, evict=True) != written:  # a USB stick that lies about what it stored
            raise ExchangeFileError("exchange.write_check_failed", file=out.name)
        with opened(tmp) as check:
            if read_manifest(check) != manifest or content_digest(check)[0] != content_sha256:
                raise ExchangeFileError("exchange.write_check_failed", file=out.name)
    return manifest


def _read_back(path: Path, *, evict: bool = False) -> str:
    """The SHA-256 of the file's bytes after fsync; with `evict`, read from the device itself, not from the page
    cache (where the operating system offers it), so a removable drive is compared with what was written."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
        if evict and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def sqlite_uri(path: Path) -> str:
    """The URI that opens `path` read-only and immutable: nothing in the file is written or recovered."""
    return f"{path.resolve().as_uri().replace('file://', 'file:', 1)}?mode=ro&immutable=1"


@contextmanager
def opened(path: Path) -> Iterator[sqlite3.Connection]:
    """An untrusted exchange file, opened read-only and immutable with `trusted_schema=OFF`, checked whole (size,
    SQLite header, quick_check, nothing but the known objects, the manifest's versions, then the exact columns and the
    whole `sqlite_master` of that version) before any row is read. A path that is not a regular file (a named pipe
    would never answer) is refused before it is opened."""
    refused = not_a_file(path)
    if refused is not None:
        raise ExchangeFileError(refused.code, **refused.params)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise ExchangeFileError("exchange.unreadable", detail=exc.strerror or str(exc)) from exc
    if size > MAX_BYTES:
        raise ExchangeFileError("exchange.too_big", mb=MAX_BYTES // 1048576)
    if header != b"SQLite format 3\x00":
        raise ExchangeFileError("exchange.not_sqlite")
    try:
        con = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise ExchangeFileError("exchange.not_sqlite") from exc
    try:
        try:
            con.execute("PRAGMA trusted_schema=OFF")
            con.execute("PRAGMA cell_size_check=ON")
            verdict = con.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise ExchangeFileError("exchange.damaged", detail=str(verdict[0] if verdict else "?")[:200])
            _check_objects(con)
            _check_columns(con, "manifest", ["key", "value"])
            version = check_versions(read_manifest(con))
            for table, names in columns_at(version).items():
                _check_columns(con, table, names)
            _check_schema(con, version)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise ExchangeFileError("exchange.damaged", detail=str(exc)[:200]) from exc
        yield con
    finally:
        con.close()


def create_tables(con: sqlite3.Connection, present: Mapping[str, list[str]] | None = None) -> None:
    """The exchange tables as the writer makes them (`present`: the columns of an older file, by default today's):
    the one definition both writing and the schema check use."""
    for table, _key, _where in TABLES:
        kept = present[table] if present is not None else None
        cols = [(name, kind) for name, kind in columns()[table] if kept is None or name in kept]
        ddl = ", ".join(f'"{name}" {kind}' for name, kind in cols)
        con.execute(f'CREATE TABLE "{table}" ({ddl})')


def _normalised(sql: object) -> str | None:
    return None if sql is None else " ".join(str(sql).split())


SchemaObject = tuple[str, str, str, str | None]  # type, name, tbl_name, normalised SQL


def _objects(con: sqlite3.Connection) -> list[SchemaObject]:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted((str(k), str(n), str(t), _normalised(q)) for k, n, t, q in rows)


@functools.cache
def expected_schema(schema_version: str | None = None) -> tuple[SchemaObject, ...]:
    """Every object of `sqlite_master` in a file of this format (and schema version): made by the writer's own
    statements in an empty in-memory database, so the check and the writer cannot drift apart."""
    present = columns_at(schema_version) if schema_version is not None else None
    with closing(sqlite3.connect(":memory:")) as con:
        create_tables(con, present)
        con.execute(MANIFEST_DDL)
        return tuple(_objects(con))


def _check_objects(con: sqlite3.Connection) -> None:
    """Before the manifest is read: no object the format does not have (an index, trigger, view or table, named
    with the table it is on), and no table missing."""
    expected = {(kind, name, table) for kind, name, table, _sql in expected_schema()}
    found = _objects(con)
    for kind, name, table, _sql in found:
        if (kind, name, table) not in expected:
            if table == name:  # a table or a view, on no other table
                raise ExchangeFileError("exchange.extra_object", what=kind, name=name, version=FORMAT_VERSION)
            raise ExchangeFileError(
                "exchange.unexpected_object", what=kind, name=name, table=table, version=FORMAT_VERSION
            )
    present = {name for kind, name, _table, _sql in found if kind == "table"}
    for _kind, name, _table, _sql in sorted(expected_schema()):
        if _kind == "table" and name not in present:
            raise ExchangeFileError("exchange.missing_table", table=name)


def _check_schema(con: sqlite3.Connection, schema_version: str) -> None:
    """The whole `sqlite_master` against the exact schema of the file's version: every object's type, name, table
    and definition (a table's columns and types, the manifest's key); anything else is refused by name."""
    expected = {(kind, name): (table, sql) for kind, name, table, sql in expected_schema(schema_version)}
    found = _objects(con)
    for kind, name, table, sql in found:
        if expected.get((kind, name)) != (table, sql):
            if kind == "table":
                raise ExchangeFileError("exchange.unexpected_columns", table=name)
            raise ExchangeFileError(
                "exchange.unexpected_object", what=kind, name=name, table=table, version=FORMAT_VERSION
            )
    if len(found) != len(expected):  # the same name twice
        raise ExchangeFileError("exchange.damaged", detail="sqlite_master")


def _check_columns(con: sqlite3.Connection, table: str, names: list[str]) -> None:
    found = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    if found != names:
        raise ExchangeFileError("exchange.unexpected_columns", table=table)


def check_versions(manifest: Mapping[str, str]) -> str:
    """The file's schema version, once its format and schema are known to this version of the application: a
    file from a newer one asks for the software to be updated; an older one is read with its own columns."""
    if manifest.get("format") != FORMAT:
        raise ExchangeFileError("exchange.not_exchange")
    version = manifest.get("format_version", "")
    if values.int_problems(version, "format_version") or values.parse_int(version, "format_version") > FORMAT_VERSION:
        raise ExchangeFileError("exchange.newer_format", version=version or "?")
    schema = manifest.get("schema_version", "")
    revisions, _head = known_revisions()
    if schema not in revisions:
        if not values.int_problems(schema, "schema_version") and schema > revisions[-1]:
            raise ExchangeFileError("exchange.newer_format", version=f"{version}/{schema}")
        raise ExchangeFileError("exchange.bad_manifest", key="schema_version")
    return schema


def columns_at(schema_version: str) -> dict[str, list[str]]:
    """Each exchange table's columns as a file of `schema_version` has them: today's, less the columns added by
    later schema revisions (`ADDED_COLUMNS`), which an older file's rows take with their defaults."""
    later = {
        (table, column)
        for revision, added in ADDED_COLUMNS.items()
        if revision > schema_version
        for table, column in added
    }
    return {table: [name for name, _type in cols if (table, name) not in later] for table, cols in columns().items()}


def read_manifest(con: sqlite3.Connection) -> dict[str, str]:
    try:
        rows = con.execute("SELECT key, value FROM manifest NOT INDEXED").fetchall()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise ExchangeFileError("exchange.damaged", detail=f"manifest: {exc}"[:200]) from exc
    manifest = {str(k): str(v) for k, v in rows}
    if len(manifest) != len(rows) or any(not isinstance(v, str) for _k, v in rows):
        raise ExchangeFileError("exchange.bad_manifest", key="?")
    return manifest
