"""What the exchange tests share: the database's content to compare before and after an import, a file re-signed
after an edit (what a forger, or a council with its own key, can do), and a round turned into another council's
independent round by giving every record a new id — far cheaper than building another demo."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Collection
from contextlib import closing
from pathlib import Path

from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import b64, installation_key
from ocop_desktop.services.criteria_snapshots import canonical_json
from tests.builders import council_key

Dump = list[tuple[str, list[tuple[object, ...]]]]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# what differs with when and in which order files were taken in, not with what they held: the register's own id
# and time, the audit trail's sequence, ids, times and hash chain (each hash covers its event's time), and what
# each import reports having done — new or identical rows depend on which file brought a shared record first (the
# criteria snapshots every council's round carries)
IMPORT_TIME = {
    "exchange_imports": {"id", "imported_at", "changes"},
    "audit_events": {"id", "seq", "at", "prev_hash", "hash"},
}
REPORTED = {("audit_events", "after"): "changes"}  # a JSON column's key left out for the same reason


def dump(db: Database) -> Dump:
    """The database's whole content, table by table in key order (what must not move when a file is refused)."""
    with db.raw() as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]


def logical_dump(db: Database) -> Dump:
    """The content as what was taken in, not when or in which order: `IMPORT_TIME` and `REPORTED` left out and
    every table's rows sorted whole (the audit trail's own order is its sequence, the order of the imports)."""
    result = []
    with db.raw() as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            names = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            kept = [n for n in names if n not in IMPORT_TIME.get(table, set())]
            listed = ", ".join(f'"{n}"' for n in kept)
            rows = con.execute(f'SELECT {listed} FROM "{table}"').fetchall()
            for position, name in enumerate(kept):
                if (table, name) in REPORTED:
                    rows = [_without(row, position, REPORTED[table, name]) for row in rows]
            result.append((table, sorted(rows, key=repr)))
    return result


def _without(row: tuple[object, ...], position: int, key: str) -> tuple[object, ...]:
    value = json.loads(row[position]) if isinstance(row[position], str) else row[position]
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != key}
    return (*row[:position], json.dumps(value, sort_keys=True), *row[position + 1 :])


def resign(path: Path, key_folder: Path | None = None, *, recount: bool = False, **changes: str) -> None:
    """Digest (and, with `recount`, row counts) made again after an edit, and the manifest signed with
    `key_folder`'s key — the installation's own, trusted one by default."""
    key = council_key(key_folder) if key_folder is not None else installation_key()
    with closing(sqlite3.connect(path)) as con:
        manifest = dict(con.execute("SELECT key, value FROM manifest").fetchall())
        digest, meeting, counts = exchange_file.digests(con)
        manifest["content_sha256"], manifest["meeting_sha256"] = digest, meeting
        if recount:
            manifest["counts"] = json.dumps(counts, sort_keys=True)
        manifest.update(changes, key_id=key.key_id, public_key=b64(key.public_raw))
        manifest["signature"] = b64(key.sign(exchange_file.canonical_manifest(manifest)))
        con.execute("DELETE FROM manifest")
        con.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
        con.commit()


def rekey(con: sqlite3.Connection, tag: str, *, keep: Collection[str] = (), schema: str = "main") -> None:
    """Give the round's records new ids: every UUID in the exchanged text columns (JSON included) ends in `tag`
    (four hex digits) instead, except those in `keep`. Changing only the end keeps the ids' order, so whatever is
    ordered by id — and the results' input digests, recomputed here — stays consistent with the scoring core."""
    if not re.fullmatch(r"[0-9a-f]{4}", tag):
        raise ValueError(tag)
    kept = frozenset(keep)

    def new(match: re.Match[str]) -> str:
        old = match.group(0)
        return old if old in kept else old[:-4] + tag

    con.create_function("rekey", 1, lambda v: UUID.sub(new, v) if isinstance(v, str) else v, deterministic=True)
    for table, _key, _where in exchange_file.TABLES:
        if table == "criteria_snapshots":
            continue
        texts = [name for name, kind in exchange_file.columns()[table] if kind.startswith(("VARCHAR", "TEXT", "JSON"))]
        assignments = ", ".join(f'"{n}" = rekey("{n}")' for n in texts)
        con.execute(f'UPDATE {schema}."{table}" SET {assignments}')
    hashes = [
        (hashlib.sha256(canonical_json(json.loads(inputs)).encode("utf-8")).hexdigest(), row_id)
        for row_id, inputs in con.execute(f"SELECT id, inputs FROM {schema}.results")
    ]
    con.executemany(f"UPDATE {schema}.results SET inputs_hash = ? WHERE id = ?", hashes)


def renumber(con: sqlite3.Connection, n: int, schema: str = "main") -> None:
    """Give the round's natural keys — product codes, decision and certificate numbers — values no other council
    file of the test holds: the product codes' sequence numbers and the numbers' first part move up by 1000 × n."""
    step = 1000 * n
    con.execute(
        f"UPDATE {schema}.products SET code_seq = code_seq + :step, "
        "code = code_province || '-' || code_commune || '-' || (code_seq + :step) || '-' || code_year",
        {"step": step},
    )
    con.execute(
        f"UPDATE {schema}.certificates SET product_code = "
        f"(SELECT code FROM {schema}.products p JOIN {schema}.dossiers d ON d.product_id = p.id "
        f"WHERE d.id = certificates.dossier_id)"
    )
    for table in ("decisions", "certificates"):
        con.execute(
            f"UPDATE {schema}.{table} SET number = "
            "(CAST(substr(number, 1, instr(number, '/') - 1) AS INTEGER) + :step) || substr(number, instr(number, '/'))",
            {"step": step},
        )


def fresh_tag(data: bytes, n: int) -> str:
    """The id ending (four hex digits) that council `n` gets: one no id in `data` already ends with, or that id would
    stay the same and clash with the source council's own record (an id in 65,536 does: a round of 3,000 records has
    one about every 20 files). Each `n` (< 16) draws from its own candidates, so two councils never share one."""
    endings = {m.group(0)[-4:] for m in UUID.finditer(data.decode("latin-1"))}
    return next(t for t in (f"{0xF000 + n + 16 * k:04x}" for k in range(256)) if t not in endings)


def other_council(source: Path, target: Path, n: int, *, keep: Collection[str] = (), numbers: bool = True) -> Path:
    """`source` as the signed file of another council's round: new ids (but `keep`), with `numbers` new product
    codes and decision and certificate numbers, re-signed with the installation's own key."""
    data = source.read_bytes()
    target.write_bytes(data)
    tag = fresh_tag(data, n)
    with closing(sqlite3.connect(target)) as con:
        rekey(con, tag, keep=keep)
        if numbers:
            renumber(con, n)
        con.execute("UPDATE councils SET name = name || ' ' || ?", (str(n),))
        round_id, council_id, name = con.execute(
            "SELECT r.id, c.id, c.name FROM rounds r JOIN councils c ON c.id = r.council_id"
        ).fetchone()
        con.commit()
    resign(target, round_id=round_id, council_id=council_id, council_name=name)
    return target


def covering_forgery(path: Path, table: str, assignments: str) -> None:
    """The key-less forgery of issue 14: the signed rows of `table` kept in a covering index (every column, in key
    order, so a query ordered by the key may read the index instead of the table) registered under a name the
    manifest's primary key would have, then the table itself changed by `assignments` (SQL) behind the index's
    back. The manifest and its signature are left as they were."""
    key = dict((t, k) for t, k, _w in exchange_file.TABLES)[table]
    names = [key, *(n for n, _kind in exchange_file.columns()[table] if n != key)]
    listed = ", ".join(f'"{n}"' for n in names)
    with closing(sqlite3.connect(path)) as con:
        con.execute(f'CREATE INDEX "signed_copy" ON "{table}" ({listed})')
        con.commit()
        kind, _name, tbl, root, sql = con.execute(
            "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name = 'signed_copy'"
        ).fetchone()
        con.execute("PRAGMA writable_schema = ON")
        con.execute("DELETE FROM sqlite_master WHERE name = 'signed_copy'")
        con.commit()
    with closing(sqlite3.connect(path)) as con:  # the index is out of the schema: the table changes alone
        con.execute(f'UPDATE "{table}" SET {assignments}')
        con.commit()
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA writable_schema = ON")
        con.execute(
            "INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)",
            (
                kind,
                "sqlite_autoindex_manifest_2",
                tbl,
                root,
                sql.replace('"signed_copy"', '"sqlite_autoindex_manifest_2"'),
            ),
        )
        con.commit()
