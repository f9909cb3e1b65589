"""Results of a dossier: gathering the inputs from the database, computing through the scoring core, the
council's discussion and decisions, approval by the chair (with every blocking reason), and reopening."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import BallotStatus, MemberRole, ResultStatus
from ocop_desktop.domain.errors import Conflict, Problem, ValidationFailed
from ocop_desktop.domain.quorum import Quorum
from ocop_desktop.models import (
    Ballot,
    Certificate,
    Council,
    CouncilDecisionRecord,
    Dossier,
    Recusal,
    Result,
    Round,
)
from ocop_desktop.models.base import utcnow
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.authority import RecognitionNow
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.eligibility import Eligibility, Reason, Seat, eligibility
from ocop_desktop.scoring.engine import (
    CouncilDecision,
    DecisionKind,
    MemberBallot,
    ProductResult,
    check_decisions,
    disputed_members,
    score_product,
)
from ocop_desktop.scoring.engine import (
    ResultStatus as CoreStatus,
)
from ocop_desktop.scoring.improvement import improvement_for
from ocop_desktop.scoring.versions import RuleVersion
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.criteria_snapshots import canonical_json, sheet_from_snapshot, version_from_snapshot
from ocop_desktop.services.eligibility import present_members
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.recognition import council_recognition, meeting_day
from ocop_desktop.services.score_ballots import result_to_json
from ocop_desktop.services.secrecy import Progress, may_see_figures


def quorum_of(session: Session, rnd: Round) -> Quorum:
    """Attendance at the round's latest session with attendance against the council's quorum rule."""
    council = get_or_fail(session, Council, rnd.council_id, "council")
    scoring = [m for m in council.members if m.role.scores]
    present_ids = present_members(session, rnd)
    recorded = present_ids is not None
    present = {m.id for m in scoring} if present_ids is None else present_ids & {m.id for m in scoring}
    required = -(-len(scoring) * council.quorum_numerator // council.quorum_denominator)
    chair = next((m for m in scoring if m.role is MemberRole.CHAIR), None)
    return Quorum(
        present=len(present),
        scoring_members=len(scoring),
        required=required,
        chair_present=chair is not None and chair.id in present,
        chair_required=council.quorum_requires_chair,
        recorded=recorded,
        rule=f"{council.quorum_numerator}/{council.quorum_denominator}",
    )


@dataclass(frozen=True)
class Inputs:
    """Everything a result is computed from, as plain data (stored with the result and hashed)."""

    sheet: Sheet
    version: RuleVersion
    ballots: tuple[MemberBallot, ...]
    decisions: tuple[CouncilDecision, ...]
    spread_limit: Fraction
    pending: tuple[str, ...]  # scoring members present and not recused without a submitted ballot
    data: dict[str, Any]
    names: dict[str, str]

    @property
    def digest(self) -> str:
        return hashlib.sha256(canonical_json(self.data).encode("utf-8")).hexdigest()

    def progress(self, *, locked: bool) -> Progress:
        """How many counted members have submitted, out of how many (whether the figures may be shown)."""
        counted = sum(1 for b in self.ballots if not b.excluded)
        return Progress(counted, counted + len(self.pending), locked)


@dataclass(frozen=True)
class RoundContext:
    """What every dossier of a round shares: rules, council, attendance."""

    version: RuleVersion
    version_snapshot: str
    spread_limit: str
    members: tuple[tuple[str, str, MemberRole], ...]  # (member id, name, role) in council order
    present: frozenset[str] | None

    def seat(self, member_id: str, role: MemberRole, recused: set[str]) -> Eligibility:
        """Whether the member's ballot on a dossier with these recusals counts (`scoring.eligibility`)."""
        present = None if self.present is None else member_id in self.present
        return eligibility(Seat(role=role, recused=member_id in recused, present=present))


def round_context(session: Session, rnd: Round) -> RoundContext:
    council = get_or_fail(session, Council, rnd.council_id, "council")
    present = present_members(session, rnd)
    return RoundContext(
        version=version_from_snapshot(session, rnd.version_snapshot),
        version_snapshot=rnd.version_snapshot,
        spread_limit=rnd.spread_limit,
        members=tuple((m.id, m.full_name, m.role) for m in council.members),
        present=None if present is None else frozenset(present),
    )


def round_progress(session: Session, rnd: Round) -> dict[str, Progress]:
    """Every dossier's progress in its current scoring round, by dossier id, in a few queries (the agenda of a
    large round): the same rule for who counts as `assemble_inputs`."""
    ctx = round_context(session, rnd)
    recused: dict[str, set[str]] = {}
    for dossier_id, member_id in session.execute(
        select(Recusal.dossier_id, Recusal.member_id).join(Dossier).where(Dossier.round_id == rnd.id)
    ):
        recused.setdefault(dossier_id, set()).add(member_id)
    submitted: dict[str, set[str]] = {}
    for dossier_id, member_ids in session.execute(  # a row per dossier, its members in one list: not 9 rows
        select(Ballot.dossier_id, func.group_concat(Ballot.member_id, ","))
        .join(Dossier, Dossier.id == Ballot.dossier_id)
        .where(
            Dossier.round_id == rnd.id,
            Ballot.status == BallotStatus.SUBMITTED,
            Ballot.scoring_round == Dossier.scoring_round,
        )
        .group_by(Ballot.dossier_id)
    ):
        submitted[dossier_id] = set(member_ids.split(","))  # member ids are UUIDs: no comma in them
    locked = set(
        session.scalars(
            select(Result.dossier_id)
            .join(Dossier, (Dossier.id == Result.dossier_id) & (Dossier.scoring_round == Result.scoring_round))
            .where(Dossier.round_id == rnd.id, Result.locked.is_(True))
        )
    )
    progress = {}
    for dossier_id in session.scalars(select(Dossier.id).where(Dossier.round_id == rnd.id)):
        refused = recused.get(dossier_id, set())
        members = {m for m, _name, role in ctx.members if ctx.seat(m, role, refused).counts}
        done = members & submitted.get(dossier_id, set())
        progress[dossier_id] = Progress(len(done), len(members), dossier_id in locked)
    return progress


def assemble_inputs(
    ctx: RoundContext,
    *,
    dossier_id: str,
    scoring_round: int,
    sheet_snapshot: str,
    sheet: Sheet,
    recused: set[str],
    submitted: dict[str, tuple[str, dict[str, int]]],
    decisions: tuple[CouncilDecision, ...],
) -> Inputs:
    """Who counts, by `scoring.eligibility`: a member in a non-scoring role holds no seat; recused and absent
    members are excluded (the reason stored); a counted member without a submitted ballot is pending.
    `submitted` maps member id → (ballot id, choices)."""
    ballots, members_data, pending = [], [], []
    for member_id, _name, role in ctx.members:
        verdict = ctx.seat(member_id, role, recused)
        if Reason.NOT_SCORING_ROLE in verdict.reasons:
            continue
        reason = verdict.exclusion
        excluded = None if reason is None else reason.value
        ballot = submitted.get(member_id)
        if excluded is None and ballot is None:
            pending.append(member_id)
            continue
        ballot_id, choices = ballot if ballot is not None and excluded is None else (None, {})
        ballots.append(MemberBallot(member_id, choices, excluded is not None))
        members_data.append(
            {
                "member_id": member_id,
                "excluded": excluded,
                "ballot_id": ballot_id,
                "choices": dict(sorted(choices.items())),
            }
        )
    data = {
        "dossier_id": dossier_id,
        "scoring_round": scoring_round,
        "version_snapshot": ctx.version_snapshot,
        "sheet_snapshot": sheet_snapshot,
        "spread_limit": ctx.spread_limit,
        "members": members_data,
        "decisions": [{"kind": d.kind.value, "item": d.item_id, "reason": d.reason} for d in decisions],
    }
    return Inputs(
        sheet,
        ctx.version,
        tuple(ballots),
        decisions,
        Fraction(ctx.spread_limit),
        tuple(pending),
        data,
        {member_id: name for member_id, name, _role in ctx.members},
    )


def gather_inputs(session: Session, dossier: Dossier, scoring_round: int | None = None) -> Inputs:
    """Inputs of the dossier's current scoring round (or an earlier one, for the minutes), read through the ORM
    (one dossier at a time)."""
    scoring_round = dossier.scoring_round if scoring_round is None else scoring_round
    rnd = get_or_fail(session, Round, dossier.round_id, "round")
    ctx = round_context(session, rnd)
    recused = {r.member_id for r in session.scalars(select(Recusal).where(Recusal.dossier_id == dossier.id))}
    submitted = {
        b.member_id: (b.id, {c.item_id: c.option_number for c in b.choices})
        for b in session.scalars(
            select(Ballot).where(
                Ballot.dossier_id == dossier.id,
                Ballot.scoring_round == scoring_round,
                Ballot.status == BallotStatus.SUBMITTED,
            )
        )
    }
    decisions = tuple(
        CouncilDecision(DecisionKind(d.kind), d.reason, d.item_id)
        for d in session.scalars(
            select(CouncilDecisionRecord)
            .where(CouncilDecisionRecord.dossier_id == dossier.id)
            .order_by(CouncilDecisionRecord.created_at)
        )
    )
    return assemble_inputs(
        ctx,
        dossier_id=dossier.id,
        scoring_round=scoring_round,
        sheet_snapshot=dossier.sheet_snapshot,
        sheet=sheet_from_snapshot(session, dossier.sheet_snapshot, ctx.version),
        recused=recused,
        submitted=submitted,
        decisions=decisions,
    )


def scoring_progress(session: Session, dossier: Dossier, scoring_round: int | None = None) -> tuple[Inputs, Progress]:
    """The inputs of the dossier's current (or an earlier) scoring round and how far its counted members are."""
    inputs = gather_inputs(session, dossier, scoring_round)
    stored = session.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == inputs.data["scoring_round"])
    ).one_or_none()
    return inputs, inputs.progress(locked=stored is not None and stored.locked)


def score(inputs: Inputs) -> ProductResult:
    """Run the scoring core; problems name members by their names, not their ids."""
    try:
        return score_product(
            inputs.sheet, inputs.version, inputs.ballots, decisions=inputs.decisions, spread_limit=inputs.spread_limit
        )
    except ValidationFailed as exc:
        raise ValidationFailed([_named(p, inputs.names) for p in exc.problems]) from exc


def compute(inputs: Inputs) -> tuple[ProductResult, dict[str, Any]]:
    """The scoring core's result and its stored form (with the improvement advice)."""
    result = score(inputs)
    computed = result_to_json(result, improvement_for(inputs.sheet, inputs.version, result))
    computed["members"] = [m.member for m in result.members]
    return result, computed


def _named(problem: Problem, names: dict[str, str]) -> Problem:
    location = tuple((k, names.get(v, v) if k == "member" else v) for k, v in problem.location)
    return Problem(problem.code, problem.params, location)


@dataclass(frozen=True)
class UnmetFigure:
    """A star minimum not met: the item, the points required and reached (text, 2 decimals), for which star."""

    item: str
    required: str
    average: str
    for_stars: int


@dataclass(frozen=True)
class DisputedFigure:
    """An item on which the members disagree most (text figures, 2 decimals)."""

    item: str
    spread: str
    lowest: str
    highest: str


@dataclass(frozen=True)
class ResultFigures:
    """A stored result's figures as the screens show them, typed: read once from the stored JSON
    (`score_ballots.result_to_json`), so no screen reads that JSON by its keys."""

    members: tuple[str, ...]  # member ids, in the order of `member_totals`
    member_totals: tuple[str | None, ...]  # None: the member does not count
    part_averages: tuple[tuple[str, str], ...]  # (part id, its average), in the sheet's order
    average_total: str
    band_stars: int
    stars: int | None
    certifiable: bool
    unmet_minimums: tuple[UnmetFigure, ...]
    spread: str
    spread_exceeds_limit: bool
    disputed_items: tuple[DisputedFigure, ...]
    refer_to_central: bool

    @classmethod
    def from_json(cls, computed: dict[str, Any]) -> ResultFigures:
        return cls(
            members=tuple(computed.get("members", ())),
            member_totals=tuple(computed.get("member_totals", ())),
            part_averages=tuple(computed.get("part_averages", {}).items()),
            average_total=str(computed["average_total"]),
            band_stars=int(computed["band_stars"]),
            stars=computed.get("stars"),
            certifiable=bool(computed.get("certifiable")),
            unmet_minimums=tuple(
                UnmetFigure(u["item"], u["required"], u["average"], int(u["for_stars"]))
                for u in computed.get("unmet_minimums", ())
            ),
            spread=str(computed.get("spread", "0.00")),
            spread_exceeds_limit=bool(computed.get("spread_exceeds_limit")),
            disputed_items=tuple(
                DisputedFigure(d["item"], d["spread"], d["lowest"], d["highest"])
                for d in computed.get("disputed_items", ())
            ),
            refer_to_central=bool(computed.get("refer_to_central")),
        )


@dataclass(frozen=True)
class ResultView:
    """A dossier's current result as the screens and documents show it. While the figures are secret
    (`revealed` False: a counted member has not submitted yet and the result is not locked) `computed`, `status`
    and `discussion` are None and only the progress is given."""

    dossier_id: str
    scoring_round: int
    computed: dict[str, Any] | None
    status: ResultStatus | None
    locked: bool
    pending_members: tuple[str, ...]
    discussion: str | None
    revealed: bool
    submitted: int
    expected: int
    disputes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    """Disputed item → (names of the members lowest on it, names of the members highest on it)."""
    recognition: RecognitionNow | None = None
    """What the council's decision would do for the product (the star recognised now, the level referred to),
    under the council's policy ABOVE_AUTHORITY, for a decision on the round's last meeting day."""

    @property
    def figures(self) -> ResultFigures | None:
        """The figures, typed; None while they are secret."""
        return ResultFigures.from_json(self.computed) if self.computed is not None else None


def _current_result(session: Session, dossier: Dossier) -> Result | None:
    return session.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == dossier.scoring_round)
    ).one_or_none()


def refresh_result(session: Session, dossier: Dossier) -> Result | None:
    """Recompute and store the result of the dossier's current scoring round (unless locked or nothing is
    submitted yet). Called after every change that affects it, in the same transaction."""
    existing = _current_result(session, dossier)
    if existing is not None and existing.locked:
        return existing
    inputs = gather_inputs(session, dossier)
    if not any(not b.excluded for b in inputs.ballots):
        return existing
    result, computed = compute(inputs)
    row = existing or Result(dossier_id=dossier.id, scoring_round=dossier.scoring_round)
    row.computed = computed
    row.inputs = inputs.data
    row.inputs_hash = inputs.digest
    row.average_total = computed["average_total"]
    row.band_stars = result.band_stars
    row.stars = result.stars
    row.certifiable = result.certifiable
    row.spread_exceeds_limit = result.spread_exceeds_limit
    if existing is None:
        session.add(row)
    session.flush()
    return row


def refresh_round_results(session: Session, round_id: str) -> None:
    """Refresh the stored results of the round's dossiers that have submitted ballots (after attendance changed
    who counts), so the documents find them up to date; looking at a result never writes it."""
    scored = session.scalars(
        select(Dossier)
        .join(Ballot, (Ballot.dossier_id == Dossier.id) & (Ballot.scoring_round == Dossier.scoring_round))
        .where(Dossier.round_id == round_id, Ballot.status == BallotStatus.SUBMITTED)
        .distinct()
    )
    for dossier in scored.all():
        refresh_result(session, dossier)


def compute_result(db: Database, *, actor: Actor, dossier_id: str) -> ResultView:
    """The dossier's result now, computed through the scoring core from the submitted ballots (an approved result
    as it was approved); read only. Its figures only once `actor` may see them (services/secrecy)."""
    require(actor, Permission.VIEW)
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        inputs = gather_inputs(s, dossier)
        stored = _current_result(s, dossier)
        locked = stored is not None and stored.locked
        progress = inputs.progress(locked=locked)
        pending = tuple(inputs.names[m] for m in inputs.pending)
        if progress.expected == 0 and not locked:
            raise ValidationFailed([Problem("result.no_scoring_member", {})])
        hidden = (dossier_id, dossier.scoring_round, None, None, locked, pending, None, False)
        if not may_see_figures(actor, progress):
            return ResultView(*hidden, progress.submitted, progress.expected)
        result, computed = compute(inputs)
        if stored is not None and locked:
            computed = dict(stored.computed)
        disputes = {
            item: (tuple(inputs.names[m] for m in low), tuple(inputs.names[m] for m in high))
            for item, (low, high) in disputed_members(result).items()
        }
        rnd = get_or_fail(s, Round, dossier.round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        recognition = council_recognition(
            inputs.version,
            council,
            stars=cast(int | None, computed["stars"]),
            certifiable=bool(computed["certifiable"]),
            day=meeting_day(s, rnd),
        )
        return ResultView(
            dossier_id,
            dossier.scoring_round,
            computed,
            stored.status if stored is not None else ResultStatus.PROPOSED,
            locked,
            pending,
            stored.discussion if stored is not None else None,
            True,
            progress.submitted,
            progress.expected,
            disputes,
            recognition,
        )


def record_discussion(db: Database, *, actor: Actor, dossier_id: str, text: str) -> None:
    """The council's discussion of a spread over the limit (or of anything else), kept with the result."""
    require(actor, Permission.RECORD_DISCUSSION)
    if not text.strip():
        raise ValidationFailed([Problem("result.empty_discussion", {})])
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        row = refresh_result(s, dossier)
        if row is None:
            raise ValidationFailed([Problem("result.no_scoring_member", {})])
        if row.locked:
            raise Conflict([Problem("result.locked", {})])
        before = row.discussion
        row.discussion = text.strip()
        audit.record(
            s,
            actor,
            "record_discussion",
            "result",
            row.id,
            before={"discussion": before},
            after={"discussion": row.discussion},
        )


def record_council_decision(
    db: Database, *, actor: Actor, dossier_id: str, kind: DecisionKind, reason: str, item_id: str | None = None
) -> str:
    """Elimination / stop / dossier rejection, checked against the sheet's rules."""
    require(actor, Permission.RECORD_DISCUSSION)
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        existing = _current_result(s, dossier)
        if existing is not None and existing.locked:
            raise Conflict([Problem("result.locked", {})])
        inputs = gather_inputs(s, dossier)
        problems = check_decisions(inputs.sheet, [CouncilDecision(DecisionKind(kind), reason, item_id)])
        if problems:
            raise ValidationFailed(problems)
        record = CouncilDecisionRecord(
            dossier_id=dossier_id,
            kind=DecisionKind(kind).value,
            item_id=item_id,
            reason=reason.strip(),
            created_by=actor.user_id,
        )
        s.add(record)
        s.flush()
        audit.record(
            s,
            actor,
            "record_council_decision",
            "dossier",
            dossier_id,
            after={"kind": kind, "item": item_id},
            reason=reason,
        )
        refresh_result(s, dossier)
        return record.id


def approval_problems(session: Session, dossier: Dossier) -> tuple[list[Problem], Result | None]:
    """Every reason the chair cannot approve now, in plain words."""
    rnd = get_or_fail(session, Round, dossier.round_id, "round")
    problems: list[Problem] = []
    quorum = quorum_of(session, rnd)
    if not quorum.recorded:
        problems.append(Problem("approve.no_attendance", {}))
    elif not quorum.met:
        if quorum.present < quorum.required:
            problems.append(
                Problem(
                    "approve.no_quorum",
                    {"present": quorum.present, "required": quorum.required, "total": quorum.scoring_members},
                )
            )
        if quorum.chair_required and not quorum.chair_present:
            problems.append(Problem("approve.chair_absent", {}))
    inputs = gather_inputs(session, dossier)
    for member_id in inputs.pending:
        problems.append(Problem("approve.not_submitted", {}, (("member", inputs.names[member_id]),)))
    row = refresh_result(session, dossier)
    if row is None:
        problems.append(Problem("result.no_scoring_member", {}))
    elif row.spread_exceeds_limit and not row.discussion and not inputs.pending:  # the spread is secret till then
        problems.append(
            Problem("approve.spread_not_discussed", {"spread": row.computed["spread"], "limit": rnd.spread_limit})
        )
    return problems, row


def approve_result(db: Database, *, actor: Actor, dossier_id: str) -> ResultView:
    """The chair approves and locks the result; refused with every blocking reason listed."""
    require(actor, Permission.APPROVE_RESULT)
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
    db.backup("truoc-phe-duyet")
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        problems, row = approval_problems(s, dossier)
        if row is not None and row.locked:
            raise Conflict([Problem("result.already_approved", {})])
        if problems or row is None:
            raise ValidationFailed(problems)
        status = _approved_status(row)
        row.status, row.locked, row.approved_by, row.approved_at = status, True, actor.user_id, utcnow()
        audit.record(
            s,
            actor,
            "approve_result",
            "result",
            row.id,
            after={
                "status": status,
                "stars": row.stars,
                "average_total": row.average_total,
                "inputs_hash": row.inputs_hash,
            },
        )
        progress = gather_inputs(s, dossier).progress(locked=True)
        return ResultView(
            dossier_id,
            dossier.scoring_round,
            dict(row.computed),
            row.status,
            True,
            (),
            row.discussion,
            True,
            progress.submitted,
            progress.expected,
        )


def _approved_status(row: Result) -> ResultStatus:
    core = CoreStatus(cast(str, row.computed["status"]))  # the engine's own status, stored as its value
    if core is not CoreStatus.RATED:
        return ResultStatus.ELIMINATED
    if row.computed.get("refer_to_central"):
        return ResultStatus.REFERRED_CENTRAL
    return ResultStatus.APPROVED


def reopen_result(db: Database, *, actor: Actor, dossier_id: str, reason: str) -> None:
    """The chair reopens an approved result, with a reason (audited); refused once a certificate exists."""
    require(actor, Permission.REOPEN_RESULT)
    if not reason.strip():
        raise ValidationFailed([Problem("result.reopen_needs_reason", {})])
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        row = _current_result(s, dossier)
        if row is None or not row.locked:
            raise Conflict([Problem("result.not_approved", {})])
        if s.scalars(select(Certificate).where(Certificate.dossier_id == dossier_id)).first() is not None:
            raise Conflict([Problem("result.has_certificate", {})])
        before = {"status": row.status, "locked": True}
        row.locked, row.status, row.approved_by, row.approved_at = False, ResultStatus.PROPOSED, None, None
        audit.record(
            s,
            actor,
            "reopen_result",
            "result",
            row.id,
            before=before,
            after={"status": row.status, "locked": False},
            reason=reason.strip(),
        )
