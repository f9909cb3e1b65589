"""`ocop-desktop db verify`: is this file sound, is its history intact, and does every stored result follow
from the raw choices? A row edited behind the application's back shows up here, named."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
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
from ocop_desktop.services.results import Inputs, compute, gather_inputs

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
        db = Database.open(path, migrate=False, daily_backup=False, check_schema=False, lock=False)
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
            rows = s.scalars(select(Result).order_by(Result.dossier_id, Result.scoring_round)).all()
            for row in rows:
                problems.extend(check_result(s, row))
        return VerifyReport(str(path), tuple(problems), len(rows), events)
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


def _where(s: Session, row: Result) -> tuple[tuple[str, str], ...]:
    dossier = s.get(Dossier, row.dossier_id)
    product = s.get(Product, dossier.product_id) if dossier is not None else None
    label = (product.code or product.name) if product is not None else row.dossier_id
    return (("product", label), ("scoring_round", str(row.scoring_round)))


def check_result(s: Session, row: Result) -> list[Problem]:
    where = _where(s, row)
    problems = []
    if hashlib.sha256(canonical_json(row.inputs).encode("utf-8")).hexdigest() != row.inputs_hash:
        problems.append(Problem("verify.inputs_altered", {}, where))
    members: list[dict[str, Any]] = list(row.inputs.get("members", []))  # type: ignore[call-overload]
    ballot_ids = [m["ballot_id"] for m in members if m.get("ballot_id") is not None]
    held = set(s.scalars(select(Ballot.id).where(Ballot.id.in_(ballot_ids))))
    stored: dict[str, dict[str, int]] = {b: {} for b in ballot_ids}
    for choice_ballot, item_id, option in s.execute(  # one query for the result's ballots, not one per member
        select(BallotChoice.ballot_id, BallotChoice.item_id, BallotChoice.option_number).where(
            BallotChoice.ballot_id.in_(ballot_ids)
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
            problems.append(Problem("verify.choices_altered", {"member": name}, where))
    try:
        recomputed = _recompute(s, row.inputs, members)
    except UserFacingError as exc:
        return [*problems, *(p.at(*where) for p in exc.problems)]
    differing = [key for key, value in recomputed.items() if row.computed.get(key) != value]
    differing += [f for f in SUMMARY_FIELDS if str(getattr(row, f)) != str(recomputed[f]) and f not in differing]
    for field in differing:
        kept = getattr(row, field) if field in SUMMARY_FIELDS else row.computed.get(field)
        problems.append(
            Problem(
                "verify.result_differs", {"field": field, "stored": kept, "recomputed": recomputed.get(field)}, where
            )
        )
    if row.locked:
        dossier = s.get(Dossier, row.dossier_id)
        if dossier is not None and dossier.scoring_round == row.scoring_round:
            if gather_inputs(s, dossier).digest != row.inputs_hash:
                problems.append(Problem("verify.locked_inputs_changed", {}, where))
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
    return compute(inputs)[1]
