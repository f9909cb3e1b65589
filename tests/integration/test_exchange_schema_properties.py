"""Hypothesis over the exchange reader's schema check: whatever object is added to a sound exchange file — an index
(plain, unique, partial, on expressions, under any name, the manifest key's own included), a trigger, a view, a
table — or whatever definition is changed, the file is refused before a row is read, naming what it found.

The sound file is the smallest the format allows: every table, empty, and a manifest naming the format and this
schema version, made with the writer's statements, so each example costs a few milliseconds instead of an
exported round."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import known_revisions

REFUSALS = {"exchange.unexpected_object", "exchange.extra_object", "exchange.unexpected_columns", "exchange.damaged"}
TABLES = [name for name, _key, _where in exchange_file.TABLES]
MANY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _sound(path: Path) -> None:
    _revisions, head = known_revisions()
    with closing(sqlite3.connect(path)) as con:
        for table in TABLES:  # as the writer words them (`exchange_file.create_tables`)
            ddl = ", ".join(f'"{name}" {kind}' for name, kind in exchange_file.columns()[table])
            con.execute(f'CREATE TABLE "{table}" ({ddl})')
        con.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        manifest = {"format": exchange_file.FORMAT, "format_version": str(exchange_file.FORMAT_VERSION),
                    "schema_version": head}  # fmt: skip
        con.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
        con.commit()


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "sound.ocop"
    _sound(path)
    with exchange_file.opened(path) as con:  # the sound file itself is read
        assert exchange_file.read_manifest(con)["format"] == exchange_file.FORMAT
    return path


def _columns(table: str) -> list[str]:
    if table == "manifest":
        return ["key", "value"]
    return [name for name, _kind in exchange_file.columns()[table]]


NAMES = st.from_regex(r"\A[a-z_][a-z0-9_]{0,20}\Z")


@st.composite
def extra_object(draw: st.DrawFn) -> tuple[list[str], str | None]:
    """Statements adding one object, and the name it should be found under when it is renamed behind SQLite's back
    (`writable_schema`: a name the CREATE statement would refuse, such as the manifest key's own)."""
    table = draw(st.sampled_from([*TABLES, "manifest"]))
    columns = draw(st.lists(st.sampled_from(_columns(table)), min_size=1, max_size=4, unique=True))
    listed = ", ".join(f'"{c}"' for c in columns)
    name = "x_" + draw(NAMES)
    kind = draw(st.sampled_from(["index", "unique", "partial", "expression", "trigger", "view", "table"]))
    statement = {
        "index": f'CREATE INDEX "{name}" ON "{table}" ({listed})',
        "unique": f'CREATE UNIQUE INDEX "{name}" ON "{table}" ({listed}) WHERE 0',
        "partial": f'CREATE INDEX "{name}" ON "{table}" ({listed}) WHERE "{columns[0]}" IS NOT NULL',
        "expression": f'CREATE INDEX "{name}" ON "{table}" (lower("{columns[0]}"), {listed})',
        "trigger": f'CREATE TRIGGER "{name}" {draw(st.sampled_from(["BEFORE", "AFTER"]))} '
        f'{draw(st.sampled_from(["INSERT", "UPDATE", "DELETE"]))} ON "{table}" BEGIN SELECT 1; END',
        "view": f'CREATE VIEW "{name}" AS SELECT {listed} FROM "{table}"',
        "table": f'CREATE TABLE "{name}" ({listed})',
    }[kind]
    statements = [statement]
    renamed = None
    if kind in ("index", "unique", "partial", "expression") and draw(st.booleans()):
        renamed = draw(st.sampled_from(["sqlite_autoindex_manifest_1", "sqlite_autoindex_manifest_2",
                                        f"sqlite_autoindex_{table}_1", "sqlite_stat1"]))  # fmt: skip
        statements.append(
            f"UPDATE sqlite_master SET name = '{renamed}', sql = replace(sql, '\"{name}\"', '\"{renamed}\"') "
            f"WHERE name = '{name}'"
        )
    return statements, renamed


@MANY
@given(extra=extra_object())
def test_any_extra_object_is_refused_by_name(sound: Path, tmp_path: Path, extra: tuple[list[str], str | None]) -> None:
    statements, renamed = extra
    path = tmp_path / "them.ocop"
    shutil.copyfile(sound, path)
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            con.execute(statement)
        con.commit()
    with pytest.raises(exchange_file.ExchangeFileError) as caught, exchange_file.opened(path):
        pass
    assert caught.value.code in REFUSALS, caught.value.code
    if renamed is not None and caught.value.code == "exchange.unexpected_object":
        assert caught.value.params["name"] == renamed


@MANY
@given(
    table=st.sampled_from([*TABLES, "manifest"]),
    change=st.sampled_from([" NOT NULL", " DEFAULT 0", " UNIQUE", " CHECK (1)", " COLLATE NOCASE", " REFERENCES x"]),
    position=st.integers(min_value=0),
)
def test_any_changed_definition_is_refused(sound: Path, tmp_path: Path, table: str, change: str, position: int) -> None:
    """One column's definition extended behind SQLite's back: the columns' names are the same, the table is not."""
    path = tmp_path / "changed.ocop"
    shutil.copyfile(sound, path)
    columns = _columns(table)
    column = columns[position % len(columns)]
    with closing(sqlite3.connect(path)) as con:
        (sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        head, _sep, tail = sql.rpartition(")")
        if column == columns[-1]:
            changed = head + change + ")" + tail
        else:
            marker = f'"{columns[columns.index(column) + 1]}"' if table != "manifest" else "value"
            before, _s, after = head.partition(marker)
            changed = before.rstrip(", ") + change + ", " + marker + after + ")" + tail
        con.execute("PRAGMA writable_schema = ON")
        con.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (changed, table))
        con.commit()
    with pytest.raises(exchange_file.ExchangeFileError) as caught, exchange_file.opened(path):
        pass
    assert caught.value.code in REFUSALS, caught.value.code
