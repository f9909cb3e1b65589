"""`ocop-desktop db verify`: is this file sound, is its history intact, and does every stored result follow
from the raw choices? A row edited behind the application's back shows up here, named."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.models import (
    AuditEvent,
    Ballot,
    BallotChoice,
    CouncilMember,
    CriteriaSnapshot,
    Dossier,
    Product,
    Result,
)
from ocop_desktop.persistence import backup, row_seal, schema
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.engine import CouncilDecision, DecisionKind, MemberBallot
from ocop_desktop.services import audit
from ocop_desktop.services.criteria_snapshots import canonical_json, sheet_from_snapshot, version_from_snapshot
from ocop_desktop.services.recompute import SEP, split_choices
from ocop_desktop.services.results import Inputs, gather_inputs, score
from ocop_desktop.services.score_ballots import result_to_json

RESULT_BATCH = 500  # results (and ballots) per fetch
SUMMARY_FIELDS = ("average_total", "band_stars", "stars", "certifiable", "spread_exceeds_limit")


@dataclass(frozen=True)
class VerifyReport:
    path: str
    problems: tuple[Problem, ...]
    results_checked: int
    audit_events: int
    read_only: bool = False  # checked through a copy: the file or its folder may not be written here

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_file(path: Path) -> VerifyReport:
    """Check `path` without changing it: integrity, foreign keys, the audit chain, the criteria snapshots and
    every stored result recomputed from the raw choices through the scoring core. A file that may not be written
    here (a read-only file or folder, where SQLite cannot even read a file in WAL mode) is checked through a copy
    with its write-ahead log, and said to be read-only — never called damaged for it."""
    if path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        with tempfile.TemporaryDirectory(prefix="ocop-verify-") as work:
            copy = Path(work) / path.name
            shutil.copyfile(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            return replace(_verify(copy, path), path=str(path), read_only=True)
    return _verify(path, path)


def _verify(path: Path, shown: Path) -> VerifyReport:
    loc = (("file", str(shown)),)
    check = backup.check_file(path)
    if not check.ok:
        return VerifyReport(str(path), tuple(Problem("verify.file", {"detail": d}, loc) for d in check.problems), 0, 0)
    try:
        # integrity_check has just passed: the open's quick_check (a part of it) would read the whole file again
        db = Database.open(path, migrate=False, daily_backup=False, check_schema=False, lock=False, quick_check=False)
    except UserFacingError as exc:
        return VerifyReport(str(path), exc.problems, 0, 0)
    try:
        problems: list[Problem] = []
        revision = db.schema_revision()
        if revision is not None:
            with db.raw() as con:
                problems.extend(p.at(*loc) for p in schema.differences(con, revision))
        with db.reading() as s:
            problems.extend(audit.verify_chain(s))
            problems.extend(seal_problems(s))
            events = int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)
            problems.extend(snapshot_problems(s))
            checked = 0
            ballots = BallotReader(s)
            results = select(Result).order_by(Result.dossier_id, Result.scoring_round)
            for row in s.scalars(results.execution_options(yield_per=RESULT_BATCH)):  # streamed, not all held
                problems.extend(check_result(s, row, ballots.of(row.dossier_id, row.scoring_round)))
                checked += 1
        return VerifyReport(str(path), tuple(problems), checked, events)
    finally:
        db.close()


def seal_problems(s: Session) -> list[Problem]:
    """Each legal record (certificate, decision, producer, product, dossier, council, member, session, attendance,
    recusal, assessment…) whose row no longer hashes to what the audit chain last sealed: edited, inserted or
    deleted behind the application's back, named by table and record."""
    sealed: dict[tuple[str, str], str | None] = {}
    seals = select(AuditEvent.after).where(AuditEvent.action == row_seal.SEAL_ACTION).order_by(AuditEvent.seq)
    for after in s.scalars(seals):
        for table, rows in (after or {}).items() if isinstance(after, dict) else ():
            for row_id, digest in rows.items():
                sealed[table, row_id] = digest
    dbapi = s.connection().connection.dbapi_connection
    if not isinstance(dbapi, sqlite3.Connection):
        return []
    problems = []
    for table in row_seal.SEALED:
        for row_id, (digest, label) in row_seal.rows(dbapi, table).items():
            code = None
            if (table, row_id) not in sealed or sealed[table, row_id] is None:
                code = "verify.row_inserted"
            elif sealed[table, row_id] != digest:
                code = "verify.row_altered"
            sealed.pop((table, row_id), None)
            if code is not None:
                problems.append(Problem(code, {"table": table, "record": label or row_id}, _record(table, row_id)))
        for (gone_table, row_id), digest in sorted(sealed.items()):
            if gone_table == table and digest is not None:
                problems.append(
                    Problem("verify.row_deleted", {"table": table, "record": row_id}, _record(table, row_id))
                )
    return problems


def _record(table: str, row_id: str) -> tuple[tuple[str, str], ...]:
    return (("table", table), ("record", row_id))


def snapshot_problems(s: Session) -> list[Problem]:
    """Each stored criteria snapshot whose content no longer hashes to its key (they are content-addressed)."""
    return [
        Problem("verify.snapshot_altered", {"sheet": snapshot.sheet_id or snapshot.version_id})
        for snapshot in s.scalars(select(CriteriaSnapshot))
        if hashlib.sha256(snapshot.content.encode("utf-8")).hexdigest() != snapshot.sha256
    ]


class BallotReader:
    """Every ballot's current choices, read in one pass in the order of the results (by dossier, then scoring
    round), one row per ballot: `of` gives the ballots of a result's dossier and scoring round."""

    def __init__(self, s: Session) -> None:
        query = (
            select(
                Ballot.dossier_id,
                Ballot.scoring_round,
                Ballot.id,
                func.group_concat(BallotChoice.item_id, SEP),
                func.group_concat(BallotChoice.option_number, SEP),
                func.count(BallotChoice.id),
            )
            .outerjoin(BallotChoice, BallotChoice.ballot_id == Ballot.id)
            .group_by(Ballot.dossier_id, Ballot.scoring_round, Ballot.id)
            .order_by(Ballot.dossier_id, Ballot.scoring_round)
            .execution_options(yield_per=RESULT_BATCH)
        )
        self._rows = iter(s.execute(query))
        self._next = next(self._rows, None)

    def of(self, dossier_id: str, scoring_round: int) -> dict[str, dict[str, int] | None]:
        """Ballot id → choices (None: read them one by one) of the dossier's scoring round."""
        wanted = (dossier_id, scoring_round)
        found: dict[str, dict[str, int] | None] = {}
        while self._next is not None and (self._next[0], self._next[1]) <= wanted:
            _dossier, _round, ballot_id, items, options, count = self._next
            if (_dossier, _round) == wanted:
                found[ballot_id] = split_choices(items, options, count)
            self._next = next(self._rows, None)
        return found


def _where(s: Session, row: Result) -> tuple[tuple[str, str], ...]:
    dossier = s.get(Dossier, row.dossier_id)
    product = s.get(Product, dossier.product_id) if dossier is not None else None
    label = (product.code or product.name) if product is not None else row.dossier_id
    return (("product", label), ("scoring_round", str(row.scoring_round)))


def check_result(s: Session, row: Result, known: Mapping[str, dict[str, int] | None] | None = None) -> list[Problem]:
    """Every problem of one stored result: its inputs no longer hashing to their digest, a ballot changed or gone
    since, a figure the scoring core does not give again (the improvement advice, which only follows from the
    figures, is left out), locked inputs changed. `known`: ballot id → current choices of the result's dossier
    and scoring round, when the caller read them all at once (a ballot not in it is looked up here)."""
    problems = []
    if hashlib.sha256(canonical_json(row.inputs).encode("utf-8")).hexdigest() != row.inputs_hash:
        problems.append(Problem("verify.inputs_altered", {}, _where(s, row)))
    members: list[dict[str, Any]] = list(row.inputs.get("members", []))  # type: ignore[call-overload]
    ballot_ids = [m["ballot_id"] for m in members if m.get("ballot_id") is not None]
    stored: dict[str, dict[str, int]] = {}
    for ballot_id in ballot_ids:
        choices = (known or {}).get(ballot_id)
        if choices is not None:
            stored[ballot_id] = choices
    missing = [b for b in ballot_ids if b not in stored]
    held = set(stored) | set(s.scalars(select(Ballot.id).where(Ballot.id.in_(missing)))) if missing else set(stored)
    stored.update({b: {} for b in missing})
    if missing:
        for choice_ballot, item_id, option in s.execute(  # one query for the remaining ballots, not one per member
            select(BallotChoice.ballot_id, BallotChoice.item_id, BallotChoice.option_number).where(
                BallotChoice.ballot_id.in_(missing)
            )
        ):
            stored[choice_ballot][item_id] = option
    for member in members:
        ballot_id = member.get("ballot_id")
        if ballot_id is None:
            continue
        current = stored[ballot_id]
        if ballot_id not in held or current != {k: int(v) for k, v in member["choices"].items()}:
            person = s.get(CouncilMember, member["member_id"])
            name = person.full_name if person is not None else member["member_id"]
            problems.append(Problem("verify.choices_altered", {"member": name}, _where(s, row)))
    try:
        recomputed = _recompute(s, row.inputs, members)
    except UserFacingError as exc:
        return [*problems, *(p.at(*_where(s, row)) for p in exc.problems)]
    differing = [key for key, value in recomputed.items() if key != "improvement" and row.computed.get(key) != value]
    differing += [f for f in SUMMARY_FIELDS if str(getattr(row, f)) != str(recomputed[f]) and f not in differing]
    for field in differing:
        kept = getattr(row, field) if field in SUMMARY_FIELDS else row.computed.get(field)
        problems.append(
            Problem(
                "verify.result_differs",
                {"field": field, "stored": kept, "recomputed": recomputed.get(field)},
                _where(s, row),
            )
        )
    if row.locked:
        dossier = s.get(Dossier, row.dossier_id)
        if dossier is not None and dossier.scoring_round == row.scoring_round:
            if gather_inputs(s, dossier).digest != row.inputs_hash:
                problems.append(Problem("verify.locked_inputs_changed", {}, _where(s, row)))
    return problems


def _recompute(s: Session, data: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """The result computed again from the inputs stored with it (sheet and version from their snapshots)."""
    version = version_from_snapshot(s, str(data["version_snapshot"]))
    sheet = sheet_from_snapshot(s, str(data["sheet_snapshot"]), version)
    ballots = tuple(
        MemberBallot(m["member_id"], {k: int(v) for k, v in m["choices"].items()}, m["excluded"] is not None)
        for m in members
    )
    decisions = tuple(CouncilDecision(DecisionKind(d["kind"]), d["reason"], d["item"]) for d in data["decisions"])
    inputs = Inputs(sheet, version, ballots, decisions, Fraction(str(data["spread_limit"])), (), dict(data), {})
    result = score(inputs)
    computed = result_to_json(result, None)  # the improvement advice is not compared
    computed["members"] = [m.member for m in result.members]
    return computed
