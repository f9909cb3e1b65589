"""Recompute every result of a file in bulk: the choices are streamed once per round in dossier order, each
dossier's inputs are assembled by the same rule as one-at-a-time scoring, and the scoring core decides. What is
compared with the stored result is its summary (the figures documents print), read out of the stored JSON by
SQLite; the improvement advice, which only follows from those figures, is not computed again."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.models import BallotChoice, CouncilDecisionRecord, Dossier, Recusal, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.engine import CouncilDecision, DecisionKind
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot
from ocop_desktop.services.results import RoundContext, assemble_inputs, round_context, score
from ocop_desktop.services.score_ballots import result_to_json

STREAM_BATCH = 5_000  # ballots (each with its ~30 choices in two strings) per fetch
SEP = "\x1f"  # the unit separator, in no item id of a catalogue
SUMMARY = ("status", "average_total", "band_stars", "stars", "certifiable", "refer_to_central", "spread",
           "spread_exceeds_limit", "member_totals")  # fmt: skip
"""The figures of a stored result compared with the recomputation."""


@dataclass(frozen=True)
class RecomputeStats:
    dossiers: int
    results: int
    choices: int
    differing: tuple[str, ...]  # dossier ids whose stored result differs from the recomputation
    seconds: float


def _choices_by_dossier(session: Session, round_id: str) -> Iterator[tuple[str, dict[str, tuple[str, dict[str, int]]]]]:
    """Submitted choices of each dossier's current scoring round, one dossier at a time. SQLite gathers each
    ballot's choices into one row (item ids and option numbers as two lists in the same order), so Python handles
    a row per ballot rather than one per choice; a ballot whose lists do not split back into its number of choices
    (an item id holding the separator) is read again row by row."""
    # ballots in the order of their (dossier, member, scoring round) key, each joined to its own choices (CROSS
    # JOIN keeps that order), so that SQLite groups without sorting the choices; the round's dossiers as a list
    query = text(
        "SELECT b.dossier_id, b.member_id, b.id, group_concat(c.item_id, :sep), group_concat(c.option_number, :sep),"
        " count(*) FROM ballots b CROSS JOIN ballot_choices c ON c.ballot_id = b.id"
        " WHERE b.dossier_id IN (SELECT id FROM dossiers WHERE round_id = :round) AND b.status = :submitted"
        " AND b.scoring_round = (SELECT d.scoring_round FROM dossiers d WHERE d.id = b.dossier_id)"
        " GROUP BY b.dossier_id, b.member_id, b.scoring_round ORDER BY b.dossier_id"
    ).bindparams(sep=SEP, round=round_id, submitted=BallotStatus.SUBMITTED.value)
    current: str | None = None
    ballots: dict[str, tuple[str, dict[str, int]]] = {}
    rows = session.execute(query, execution_options={"yield_per": STREAM_BATCH})
    for dossier_id, member_id, ballot_id, item_list, option_list, count in rows:
        if dossier_id != current:
            if current is not None:
                yield current, ballots
            current, ballots = dossier_id, {}
        choices = split_choices(item_list, option_list, count)
        ballots[member_id] = (ballot_id, choices if choices is not None else _choices_of(session, ballot_id))
    if current is not None:
        yield current, ballots


def split_choices(item_list: str | None, option_list: str | None, count: int) -> dict[str, int] | None:
    """A ballot's choices from SQLite's two lists (`group_concat` with SEP); None when they do not split back into
    `count` choices (an item id or an option that holds the separator: read that ballot row by row)."""
    if count == 0:
        return {}
    items = str(item_list).split(SEP)
    options = str(option_list).split(SEP)
    if not len(items) == len(options) == count:
        return None
    try:
        return dict(zip(items, map(int, options), strict=True))
    except ValueError:
        return None


def _choices_of(session: Session, ballot_id: str) -> dict[str, int]:
    rows = session.execute(
        select(BallotChoice.item_id, BallotChoice.option_number).where(BallotChoice.ballot_id == ballot_id)
    )
    return {item_id: option for item_id, option in rows}


def _stored_summaries(session: Session) -> dict[tuple[str, int], list[Any]]:
    """The SUMMARY figures of every stored result, taken out of its JSON by SQLite (a few values a result held in
    memory, not its whole JSON)."""
    paths = ", ".join(f"'$.{key}'" for key in SUMMARY)
    query = text(f"SELECT dossier_id, scoring_round, json_extract(computed, {paths}) FROM results")  # noqa: S608
    return {
        (dossier_id, scoring_round): json.loads(values) for dossier_id, scoring_round, values in session.execute(query)
    }


def recompute_all(db: Database) -> RecomputeStats:
    """Recompute the current result of every dossier; report those whose stored result differs."""
    start = time.perf_counter()
    dossiers = results_count = choices = 0
    differing: list[str] = []
    with db.reading() as s:
        stored = _stored_summaries(s)
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
) -> list[Any] | None:
    """The SUMMARY figures of the dossier's result computed again (None when no ballot counts)."""
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
    figures = result_to_json(score(inputs), None)
    return [figures[key] for key in SUMMARY]
