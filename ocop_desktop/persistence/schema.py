"""The exact schema of each revision, and what a data file holds beyond or short of it.

A backup or a data file is refused when its `sqlite_master` is not the one its revision's migrations build: a
foreign trigger could rewrite every new choice, a view or an index could feed the reports other values than the
tables hold. The expected schemas are committed per revision (`schemas/NNNN.json`, written by
`tools/schema_snapshots.py` from a database the migrations build; a test keeps them equal), so that opening a
file needs no Alembic."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from pathlib import Path

from ocop_desktop.domain.errors import Problem

SCHEMAS = Path(__file__).resolve().parent / "migrations" / "schemas"
IGNORED = re.compile(r"sqlite_stat\d")  # ANALYZE's statistics: they steer the planner among indexes that exist

Entry = tuple[str, str, str, str | None]  # type, name, table, SQL (None for SQLite's own automatic indexes)


def _normal(sql: str | None) -> str | None:
    return " ".join(sql.split()) if sql is not None else None


def schema_of(con: sqlite3.Connection) -> list[Entry]:
    """The file's own schema (tables, indexes, triggers, views), sorted, SQL with its white space folded."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return sorted((str(t), str(n), str(tb), _normal(s)) for t, n, tb, s in rows if not IGNORED.fullmatch(str(n)))


@functools.cache
def expected(revision: str) -> list[Entry] | None:
    """The schema revision `revision` has, or None when this application holds no record of it."""
    path = SCHEMAS / f"{revision}.json"
    if not path.is_file():
        return None
    return sorted((t, n, tb, _normal(s)) for t, n, tb, s in json.loads(path.read_text(encoding="utf-8")))


def differences(con: sqlite3.Connection, revision: str) -> list[Problem]:
    """Every table, column, index, trigger or view by which the file differs from revision `revision`, named."""
    wanted = expected(revision)
    if wanted is None:
        return []
    found = schema_of(con)
    want = {(t, n): (tb, s) for t, n, tb, s in wanted}
    have = {(t, n): (tb, s) for t, n, tb, s in found}
    problems = []
    for kind, name in sorted(have.keys() - want.keys()):
        params = {"object": kind, "name": name, "table": have[kind, name][0], "revision": revision}
        problems.append(Problem("db.schema_extra", params))
    for kind, name in sorted(want.keys() - have.keys()):
        params = {"object": kind, "name": name, "table": want[kind, name][0], "revision": revision}
        problems.append(Problem("db.schema_missing", params))
    for kind, name in sorted(have.keys() & want.keys()):
        if have[kind, name] != want[kind, name]:
            params = {"object": kind, "name": name, "table": have[kind, name][0], "revision": revision}
            problems.append(Problem("db.schema_changed", params))
    return problems
