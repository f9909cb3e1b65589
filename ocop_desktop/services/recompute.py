"""Recompute every result of a file in bulk: the choices are streamed once per round in dossier order, each
dossier's inputs are assembled by the same rule as one-at-a-time scoring, and the scoring core decides."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.models import Ballot, BallotChoice, CouncilDecisionRecord, Dossier, Recusal, Result, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.engine import CouncilDecision, DecisionKind
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot
from ocop_desktop.services.results import RoundContext, assemble_inputs, compute, round_context

STREAM_BATCH = 50_000


@dataclass(frozen=True)
class RecomputeStats:
    dossiers: int
    results: int
    choices: int
    differing: tuple[str, ...]  # dossier ids whose stored result differs from the recomputation
    seconds: float


def _choices_by_dossier(session: Session, round_id: str) -> Iterator[tuple[str, dict[str, tuple[str, dict[str, int]]]]]:
    """Submitted choices of each dossier's current scoring round, one dossier at a time."""
    query = (
        select(Ballot.dossier_id, Ballot.member_id, Ballot.id, BallotChoice.item_id, BallotChoice.option_number)
        .join(BallotChoice, BallotChoice.ballot_id == Ballot.id)
        .join(Dossier, Dossier.id == Ballot.dossier_id)
        .where(
            Dossier.round_id == round_id,
            Ballot.status == BallotStatus.SUBMITTED,
            Ballot.scoring_round == Dossier.scoring_round,
        )
        .order_by(Ballot.dossier_id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    current: str | None = None
    ballots: dict[str, tuple[str, dict[str, int]]] = {}
    for dossier_id, member_id, ballot_id, item_id, option in session.execute(query):
        if dossier_id != current:
            if current is not None:
                yield current, ballots
            current, ballots = dossier_id, {}
        ballots.setdefault(member_id, (ballot_id, {}))[1][item_id] = option
    if current is not None:
        yield current, ballots


def recompute_all(db: Database) -> RecomputeStats:
    """Recompute the current result of every dossier; report those whose stored result differs."""
    start = time.perf_counter()
    dossiers = results_count = choices = 0
    differing: list[str] = []
    with db.reading() as s:
        stored = {
            (r.dossier_id, r.scoring_round): r.computed
            for r in s.execute(select(Result.dossier_id, Result.scoring_round, Result.computed))
        }
        for rnd in s.scalars(select(Round)):
            ctx = round_context(s, rnd)
            sheets: dict[str, Sheet] = {}
            rows = s.execute(
                select(Dossier.id, Dossier.scoring_round, Dossier.sheet_snapshot).where(Dossier.round_id == rnd.id)
            ).all()
            info = {r.id: (r.scoring_round, r.sheet_snapshot) for r in rows}
            dossiers += len(info)
            recused: dict[str, set[str]] = defaultdict(set)
            for dossier_id, member_id in s.execute(
                select(Recusal.dossier_id, Recusal.member_id).join(Dossier).where(Dossier.round_id == rnd.id)
            ):
                recused[dossier_id].add(member_id)
            decisions: dict[str, list[CouncilDecision]] = defaultdict(list)
            for record in s.scalars(
                select(CouncilDecisionRecord)
                .join(Dossier)
                .where(Dossier.round_id == rnd.id)
                .order_by(CouncilDecisionRecord.created_at)
            ):
                decisions[record.dossier_id].append(
                    CouncilDecision(DecisionKind(record.kind), record.reason, record.item_id)
                )
            for dossier_id, submitted in _choices_by_dossier(s, rnd.id):
                choices += sum(len(c) for _b, c in submitted.values())
                scoring_round, snapshot = info[dossier_id]
                computed = _compute_one(
                    s,
                    ctx,
                    sheets,
                    dossier_id=dossier_id,
                    scoring_round=scoring_round,
                    snapshot=snapshot,
                    recused=recused[dossier_id],
                    submitted=submitted,
                    decisions=decisions[dossier_id],
                )
                results_count += 1
                if stored.get((dossier_id, scoring_round)) != computed:
                    differing.append(dossier_id)
    return RecomputeStats(dossiers, results_count, choices, tuple(differing), time.perf_counter() - start)


def _compute_one(
    session: Session,
    ctx: RoundContext,
    sheets: dict[str, Sheet],
    *,
    dossier_id: str,
    scoring_round: int,
    snapshot: str,
    recused: set[str],
    submitted: dict[str, tuple[str, dict[str, int]]],
    decisions: list[CouncilDecision],
) -> dict[str, object] | None:
    sheet = sheets.get(snapshot)
    if sheet is None:
        sheet = sheets[snapshot] = sheet_from_snapshot(session, snapshot, ctx.version)
    inputs = assemble_inputs(
        ctx,
        dossier_id=dossier_id,
        scoring_round=scoring_round,
        sheet_snapshot=snapshot,
        sheet=sheet,
        recused=recused,
        submitted=submitted,
        decisions=tuple(decisions),
    )
    if not any(not b.excluded for b in inputs.ballots):
        return None
    return compute(inputs)[1]
