"""The exchange file's value map (persistence/exchange_values.py) as properties over staged rows: a producer's name
is taken exactly when it is NFC text without a control character; every year, star count and quorum outside its
domain is refused naming table, record and column."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.persistence import exchange_merge, exchange_values

NOW = "2026-12-01 08:00:00"


@pytest.fixture(scope="module")
def staging(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("staging") / "staging.sqlite"
    exchange_merge.create_staging(path)
    with closing(exchange_merge.staging_connection(path)) as con:
        yield con


def _problems(con: sqlite3.Connection) -> list[tuple[str, dict[str, str]]]:
    try:
        exchange_values.check(con)
    except ValidationFailed as exc:
        return [(p.code, dict(p.location)) for p in exc.problems]
    return []


def _producer(con: sqlite3.Connection, name: str) -> None:
    con.execute("DELETE FROM producers")
    con.execute(
        "INSERT INTO producers (id, name, name_fold, legal_form, created_at, updated_at) "
        "VALUES ('p1', ?, 'x', 'hop_tac_xa', ?, ?)",
        (name, NOW, NOW),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60))
def test_a_producer_name_is_taken_exactly_when_it_is_clean_nfc_text(staging: sqlite3.Connection, name: str) -> None:
    _producer(staging, name)
    found = _problems(staging)
    clean = (
        unicodedata.is_normalized("NFC", name)
        and not any(unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in name)
        and bool(name.strip())
    )
    assert (found == []) == clean, (name, found)
    for _code, where in found:
        assert where == {"table": "producers", "record": "p1", "column": "name"}


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(-(2**63), 2**63 - 1), st.integers(-(2**63), 2**63 - 1))
def test_a_quorum_is_taken_exactly_when_zero_below_p_at_most_q(staging: sqlite3.Connection, p: int, q: int) -> None:
    staging.execute("DELETE FROM producers")
    staging.execute("DELETE FROM councils")
    staging.execute(
        "INSERT INTO councils (id, name, level, issuing_body, quorum_numerator, quorum_denominator, "
        "quorum_requires_chair, created_at, updated_at) VALUES ('c1', 'HĐ', 'tinh', 'UBND', ?, ?, 1, ?, ?)",
        (p, q, NOW, NOW),
    )
    found = _problems(staging)
    assert (found == []) == (0 < p <= q <= 999), (p, q, found)
    assert all(where["table"] == "councils" and where["record"] == "c1" for _c, where in found)
    staging.execute("DELETE FROM councils")


@pytest.mark.parametrize("name", ["", " ", "\u00a0\u3000"])
def test_a_blank_producer_name_is_refused(staging: sqlite3.Connection, name: str) -> None:
    _producer(staging, name)
    assert _problems(staging) == [("input.missing_field", {"table": "producers", "record": "p1", "column": "name"})]
