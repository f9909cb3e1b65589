"""Every value of an exchange file against its domain (`domain/values.py`), over the staged rows before anything is
merged: a signature says who sent a value, not that it makes sense — a NUL byte in a producer's name, a year of
2^63−1, a certificate of 99 stars or a quorum over zero were signed and imported once, then crashed the documents.

The map is declarative: table → column → domain. Text columns not named take the schema's length, on one line
unless listed in MULTILINE; JSON and file contents are checked elsewhere (their shape by the type check and the
scoring core, attachments by their own checks)."""

from __future__ import annotations

import functools
import sqlite3

from sqlalchemy import JSON, Date, LargeBinary, String, Text

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.models.base import Base
from ocop_desktop.persistence.exchange_file import TABLES, columns
from ocop_desktop.scoring.authority import AboveAuthority

MAX_PROBLEMS = 20
SIZE = values.Integer(0, 2**40)

DOMAINS: dict[str, dict[str, values.Domain]] = {
    "rounds": {"year": values.YEAR, "spread_limit": values.SPREAD_LIMIT},
    "councils": {
        "quorum_numerator": values.QUORUM_PART,
        "quorum_denominator": values.QUORUM_PART,
        "above_authority": values.Choice.of(AboveAuthority),
    },
    "council_members": {"sort_order": values.AGENDA_ORDER},
    "meeting_sessions": {"opened_at": values.CLOCK, "closed_at": values.CLOCK},
    "dossiers": {"agenda_order": values.AGENDA_ORDER, "scoring_round": values.SCORING_ROUND},
    "products": {"code_seq": values.Integer(0, 999_999), "code_year": values.YEAR},
    "attachments": {"size": SIZE},
    "ballots": {"scoring_round": values.SCORING_ROUND},
    "results": {
        "scoring_round": values.SCORING_ROUND,
        "band_stars": values.RESULT_STARS,
        "stars": values.RESULT_STARS,
    },
    "certificates": {"stars": values.STARS},
}
# free text that may run over several lines (tab, line feed and return allowed; other controls never)
MULTILINE = frozenset(
    {
        ("products", "description"),
        ("dossiers", "advisory_report"),
        ("commune_assessments", "finding"),
        ("recusals", "reason"),
        ("attendance", "note"),
        ("council_decisions", "reason"),
        ("ballots", "opinion"),
        ("ballot_choices", "note"),
        ("results", "discussion"),
        ("certificates", "revocation_reason"),
        ("attachments", "description"),
        ("criteria_snapshots", "content"),
        ("producers", "street_address"),
        ("producers", "historic_address"),
    }
)
# names and numbers the documents print: never blank
REQUIRED = frozenset(
    {
        ("producers", "name"),
        ("products", "name"),
        ("councils", "name"),
        ("councils", "issuing_body"),
        ("council_members", "full_name"),
        ("advisory_members", "full_name"),
        ("rounds", "name"),
        ("decisions", "number"),
        ("decisions", "signer"),
        ("certificates", "number"),
    }
)
# a row's rule over two of its columns
ROW_RULES = {"councils": ("quorum_numerator", "quorum_denominator")}


@functools.cache
def domains() -> dict[str, dict[str, values.Domain]]:
    """The domain of every checked column of every exchange table: the declared ones, then the schema's texts."""
    result: dict[str, dict[str, values.Domain]] = {}
    for table, cols in columns().items():
        model = Base.metadata.tables[table]
        checked = dict(DOMAINS.get(table, {}))
        for name, _type in cols:
            if name in checked:
                continue
            kind = model.columns[name].type
            impl = getattr(kind, "impl", kind)
            if isinstance(kind, (JSON, LargeBinary)) or isinstance(impl, (JSON, LargeBinary)):
                continue
            if isinstance(kind, Date) or isinstance(impl, Date):
                checked[name] = values.DATES
            elif isinstance(impl, (String, Text)) and not getattr(kind, "enums", None):
                length = getattr(impl, "length", None) or 1_000_000
                checked[name] = values.Text(
                    length, required=(table, name) in REQUIRED, multiline=(table, name) in MULTILINE, strict=True
                )
        result[table] = checked
    return result


def check(staging: sqlite3.Connection) -> None:
    """Raise ValidationFailed naming table, record and column of each value outside its domain (the first
    MAX_PROBLEMS), so that nothing of the file is taken in."""
    problems: list[Problem] = []
    for table, key, _where in TABLES:
        checked = domains()[table]
        if not checked:
            continue
        names = list(checked)
        listed = ", ".join(f'"{n}"' for n in names)
        for row in staging.execute(f'SELECT "{key}", {listed} FROM main."{table}" ORDER BY "{key}"'):  # noqa: S608
            record = str(row[0])
            where = (("table", table), ("record", record))
            for name, value in zip(names, row[1:], strict=True):
                if value is None:
                    continue  # NULL where the schema forbids it is refused by the type check before
                for problem in checked[name].problems(value, name):
                    problems.append(Problem(problem.code, problem.params, (*where, ("column", name))))
            if table in ROW_RULES:
                p, q = (row[1 + names.index(c)] for c in ROW_RULES[table])
                problems += [Problem(x.code, x.params, (*where, ("column", ROW_RULES[table][1]))) for x in
                             values.quorum_problems(p, q)]  # fmt: skip
            if len(problems) >= MAX_PROBLEMS:
                raise ValidationFailed(problems[:MAX_PROBLEMS])
    if problems:
        raise ValidationFailed(problems)
