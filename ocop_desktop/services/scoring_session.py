"""Scoring a dossier: a member's ballot, opened at their first choice and each choice committed before it is
acknowledged, submission (then the ballot is immutable), paper ballots typed twice by two people, and re-score
rounds that keep the history. Looking at a ballot (`ballot_for`) never creates one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.domain.errors import Conflict, PermissionDenied, Problem, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.models import Ballot, BallotChoice, CouncilMember, Dossier, Result, Round, User
from ocop_desktop.models.base import utcnow
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Sheet
from ocop_desktop.scoring.engine import MemberBallot, ballot_warnings, check_ballot
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot, version_from_snapshot
from ocop_desktop.services.eligibility import check_member, refuse_if_decided
from ocop_desktop.services.permissions import Permission, allowed, require
from ocop_desktop.services.queries import CurrentBallot, current_ballot
from ocop_desktop.services.results import refresh_result


@dataclass(frozen=True)
class ChoiceRecorded:
    """Returned only after the commit: the moment a screen may say "đã lưu"."""

    choice_id: str
    ballot_id: str
    item_id: str
    option_number: int
    points: int
    warnings: tuple[Problem, ...] = ()
    """Told, not refused: the ballot now takes different cases on different criteria (CASE_PER_CRITERION)."""


def _sheet_of(session: Session, dossier: Dossier) -> Sheet:
    rnd = get_or_fail(session, Round, dossier.round_id, "round")
    return sheet_from_snapshot(session, dossier.sheet_snapshot, version_from_snapshot(session, rnd.version_snapshot))


def _check_writer(actor: Actor, ballot: Ballot) -> None:
    """A member writes only their own ballot; the secretary types paper ballots and imports files for members."""
    if ballot.entry_mode in (EntryMode.PAPER, EntryMode.IMPORTED):
        require(actor, Permission.SCORE_FOR_MEMBER)
        return
    if not (allowed(actor, Permission.SCORE_OWN) and actor.member_id == ballot.member_id):
        raise PermissionDenied([Problem("auth.not_own_ballot", {})])


def _result_locked(session: Session, dossier: Dossier) -> bool:
    row = session.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == dossier.scoring_round)
    ).one_or_none()
    return row is not None and row.locked


def _refusals(
    session: Session, dossier: Dossier, member: CouncilMember, ballot_round: int | None = None
) -> list[Problem]:
    """Every reason the member may not hold a ballot for the dossier now (`scoring.eligibility`): not a scoring
    member, recused, absent from the sitting, another scoring round, result locked, round decided."""
    return check_member(session, dossier, member, ballot_round).problems()


@dataclass(frozen=True)
class Standing:
    """A member's standing on a dossier now: whether their ballot counts, whether they may write it, and every
    reason why not in words."""

    counts: bool
    may_write: bool
    reasons: tuple[Problem, ...]


def standing(db: Database, *, dossier_id: str, member_id: str) -> Standing:
    """What the scoring page says before anyone tries to score (read only)."""
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        member = get_or_fail(s, CouncilMember, member_id, "council_member")
        check = check_member(s, dossier, member)
        return Standing(check.eligibility.counts, check.eligibility.may_write, tuple(check.problems()))


def _current_ballot(session: Session, dossier: Dossier, member_id: str) -> Ballot | None:
    return session.scalars(
        select(Ballot).where(
            Ballot.dossier_id == dossier.id,
            Ballot.member_id == member_id,
            Ballot.scoring_round == dossier.scoring_round,
        )
    ).one_or_none()


def _refuse(session: Session, dossier: Dossier, member: CouncilMember) -> None:
    refusals = _refusals(session, dossier, member)
    if refusals:
        seat = {"scoring.not_in_council", "scoring.not_a_scoring_member"}
        kind = ValidationFailed if any(p.code in seat for p in refusals) else Conflict
        raise kind(refusals)


def _typist(session: Session, ballot: Ballot) -> str:
    user = session.get(User, ballot.entered_by) if ballot.entered_by else None
    return user.full_name if user is not None else "?"


def _begun(session: Session, ballot: Ballot, member: CouncilMember) -> Problem:
    """The refusal naming who has begun the member's ballot and how: it is never overwritten silently."""
    where = (("member", member.full_name),)
    if ballot.status is BallotStatus.SUBMITTED or ballot.entry_mode is EntryMode.IMPORTED:
        return Problem("scoring.ballot_submitted", {}, where)
    if ballot.entry_mode is EntryMode.SELF:
        return Problem("scoring.own_ballot_begun", {"count": len(ballot.choices)}, where)
    return Problem("scoring.paper_being_typed", {"by": _typist(session, ballot), "count": len(ballot.choices)}, where)


def _new_ballot(session: Session, actor: Actor, dossier: Dossier, member: CouncilMember, mode: EntryMode) -> Ballot:
    ballot = Ballot(
        dossier_id=dossier.id,
        member_id=member.id,
        scoring_round=dossier.scoring_round,
        entry_mode=mode,
        entered_by=actor.user_id,
        created_by=actor.user_id,
    )
    session.add(ballot)
    session.flush()
    audit.record(
        session,
        actor,
        "open_ballot",
        "ballot",
        ballot.id,
        after={"dossier": dossier.id, "member": member.id, "round": dossier.scoring_round, "mode": mode},
        acting_for=member.id if mode is EntryMode.PAPER else None,
    )
    return ballot


def _take_over(session: Session, actor: Actor, ballot: Ballot, mode: EntryMode) -> None:
    """An empty draft is nobody's work yet: whoever now writes the member's ballot takes it (audited)."""
    before = {"mode": ballot.entry_mode, "entered_by": ballot.entered_by}
    ballot.entry_mode, ballot.entered_by = mode, actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "take_over_ballot",
        "ballot",
        ballot.id,
        before=before,
        after={"mode": mode, "entered_by": actor.user_id},
        acting_for=ballot.member_id if mode is EntryMode.PAPER else None,
    )


def _own_ballot(session: Session, actor: Actor, dossier: Dossier, member: CouncilMember) -> Ballot:
    """The member's own ballot of the current scoring round: created (SELF), or taken over from an EMPTY paper
    draft; refused when a paper ballot with choices is being typed for them (naming the typist) or was submitted."""
    if not (allowed(actor, Permission.SCORE_OWN) and actor.member_id == member.id):
        raise PermissionDenied([Problem("auth.not_own_ballot", {})])
    _refuse(session, dossier, member)
    ballot = _current_ballot(session, dossier, member.id)
    if ballot is None:
        return _new_ballot(session, actor, dossier, member, EntryMode.SELF)
    if ballot.entry_mode is not EntryMode.SELF:
        if ballot.status is BallotStatus.SUBMITTED or ballot.choices:
            raise Conflict([_begun(session, ballot, member)])
        _take_over(session, actor, ballot, EntryMode.SELF)
    return ballot


def _paper_ballot(session: Session, actor: Actor, dossier: Dossier, member: CouncilMember) -> Ballot:
    """The paper draft `actor` types for the member: created, resumed by the same typist, or taken over when empty;
    refused, naming who began it and how, when the member's ballot already holds someone's choices."""
    require(actor, Permission.SCORE_FOR_MEMBER)
    _refuse(session, dossier, member)
    ballot = _current_ballot(session, dossier, member.id)
    if ballot is None:
        return _new_ballot(session, actor, dossier, member, EntryMode.PAPER)
    if ballot.status is BallotStatus.SUBMITTED:
        raise Conflict([_begun(session, ballot, member)])
    if ballot.entry_mode is EntryMode.PAPER and ballot.entered_by == actor.user_id:
        return ballot
    if ballot.choices:
        raise Conflict([_begun(session, ballot, member)])
    _take_over(session, actor, ballot, EntryMode.PAPER)
    return ballot


def open_ballot(
    db: Database, *, actor: Actor, dossier_id: str, member_id: str, entry_mode: EntryMode = EntryMode.SELF
) -> str:
    """The member's draft ballot for the dossier's current scoring round, created if needed: their own (SELF, as
    `record_own_choice` opens it) or a paper one typed for them (as `start_paper_entry`). For batch callers (the
    demo, the exercise, tests); the scoring page opens nothing just to look (`ballot_for`)."""
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        member = get_or_fail(s, CouncilMember, member_id, "council_member")
        if EntryMode(entry_mode) is EntryMode.PAPER:
            return _paper_ballot(s, actor, dossier, member).id
        if EntryMode(entry_mode) is not EntryMode.SELF:
            raise ValidationFailed([Problem("scoring.imported_by_file_only", {})])
        return _own_ballot(s, actor, dossier, member).id


def ballot_for(db: Database, *, actor: Actor, dossier_id: str, member_id: str) -> CurrentBallot | None:
    """The member's ballot of the dossier's current scoring round as `actor` may see it (its choices only when
    independent scoring allows), or None when there is none. Read only: looking never creates a ballot."""
    require(actor, Permission.VIEW)
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        get_or_fail(s, CouncilMember, member_id, "council_member")
        ballot = _current_ballot(s, dossier, member_id)
        return None if ballot is None else current_ballot(s, actor, ballot)


def record_own_choice(
    db: Database,
    *,
    actor: Actor,
    dossier_id: str,
    item_id: str,
    option_number: int,
    note: str | None = None,
) -> ChoiceRecorded:
    """A member's choice on their own ballot of the dossier's current scoring round, the ballot opened at this
    first choice if there is none (an empty paper draft for them is taken over), in one transaction."""
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        if actor.member_id is None:
            raise PermissionDenied([Problem("auth.not_own_ballot", {})])
        member = get_or_fail(s, CouncilMember, actor.member_id, "council_member")
        ballot = _own_ballot(s, actor, dossier, member)
        if ballot.status is BallotStatus.SUBMITTED:
            raise Conflict([Problem("scoring.ballot_submitted", {}, (("member", member.full_name),))])
        sheet = _sheet_of(s, dossier)
        return _record(s, actor, ballot, sheet, item_id=item_id, option_number=option_number, note=note)


def start_paper_entry(db: Database, *, actor: Actor, dossier_id: str, member_id: str) -> str:
    """Begin (or resume) typing the member's paper ballot: a named action of `score_for_member`, refused by name
    when the member's ballot is already begun by them or by another typist. Returns the ballot id."""
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        member = get_or_fail(s, CouncilMember, member_id, "council_member")
        return _paper_ballot(s, actor, dossier, member).id


def discard_paper_ballot(db: Database, *, actor: Actor, ballot_id: str) -> None:
    """Remove a paper draft begun for a member by mistake; only while it holds no choice (audited)."""
    require(actor, Permission.SCORE_FOR_MEMBER)
    with db.transaction() as s:
        ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
        member = get_or_fail(s, CouncilMember, ballot.member_id, "council_member")
        where = (("member", member.full_name),)
        if ballot.entry_mode is not EntryMode.PAPER:
            raise Conflict([Problem("scoring.not_paper", {}, where)])
        if ballot.status is BallotStatus.SUBMITTED:
            raise Conflict([Problem("scoring.ballot_submitted", {}, where)])
        if ballot.choices:
            raise Conflict([Problem("scoring.discard_not_empty", {"count": len(ballot.choices)}, where)])
        audit.record(
            s,
            actor,
            "discard_paper_ballot",
            "ballot",
            ballot.id,
            before={
                "dossier": ballot.dossier_id,
                "member": ballot.member_id,
                "round": ballot.scoring_round,
                "entered_by": ballot.entered_by,
            },
            acting_for=ballot.member_id,
        )
        s.delete(ballot)


def import_refusals(
    session: Session, dossier: Dossier, member: CouncilMember, ballot_round: int | None = None
) -> list[Problem]:
    """Why a ballot that came from a file (of `ballot_round`, None: the current one) cannot be saved for the
    member and dossier now: the reasons `open_ballot` refuses, a ballot already submitted, or a draft already
    begun in the application (never overwritten silently)."""
    refusals = _refusals(session, dossier, member, ballot_round)
    if refusals:
        return refusals
    ballot = _current_ballot(session, dossier, member.id)
    if ballot is not None and ballot.status is BallotStatus.SUBMITTED:
        return [Problem("scoring.ballot_submitted", {}, (("member", member.full_name),))]
    if ballot is not None and ballot.choices:
        mode = ballot.entry_mode.value
        return [
            Problem(
                "scoring.draft_begun", {"count": len(ballot.choices), "mode": mode}, (("member", member.full_name),)
            )
        ]
    return []


def import_ballot(
    session: Session,
    actor: Actor,
    *,
    dossier: Dossier,
    member: CouncilMember,
    choices: dict[str, int],
    opinion: str | None,
    source: str,
) -> str:
    """Fill and submit, in the caller's transaction, a ballot that came from a file (entry mode IMPORTED). The
    secretary imports it for the member (audited as acting for them); `source` names the file and its SHA-256."""
    require(actor, Permission.SCORE_FOR_MEMBER)
    problems = import_refusals(session, dossier, member)
    if problems:
        raise Conflict(problems)
    ballot = _current_ballot(session, dossier, member.id)
    if ballot is None:
        ballot = Ballot(
            dossier_id=dossier.id,
            member_id=member.id,
            scoring_round=dossier.scoring_round,
            created_by=actor.user_id,
        )
        session.add(ballot)
    ballot.entry_mode, ballot.entered_by = EntryMode.IMPORTED, actor.user_id
    ballot.choices = [
        BallotChoice(item_id=item_id, option_number=number, recorded_by=actor.user_id)
        for item_id, number in choices.items()
    ]
    session.flush()
    audit.record(
        session,
        actor,
        "import_ballot",
        "ballot",
        ballot.id,
        after={"dossier": dossier.id, "member": member.id, "round": dossier.scoring_round, "source": source},
        acting_for=member.id,
    )
    _submit(session, actor, ballot, opinion)
    return ballot.id


def record_choice(
    db: Database, *, actor: Actor, ballot_id: str, item_id: str, option_number: int, note: str | None = None
) -> ChoiceRecorded:
    """Store one choice durably (committed with synchronous=FULL before this returns)."""
    with db.transaction() as s:
        ballot, sheet = _writable_ballot(s, actor, ballot_id)
        return _record(s, actor, ballot, sheet, item_id=item_id, option_number=option_number, note=note)


def record_choices(db: Database, *, actor: Actor, ballot_id: str, choices: dict[str, int]) -> list[ChoiceRecorded]:
    """Several choices of one ballot in one transaction, each checked and audited as `record_choice` does: all
    are stored or none (a ballot typed in from elsewhere, the demo's ballots)."""
    with db.transaction() as s:
        ballot, sheet = _writable_ballot(s, actor, ballot_id)
        return [
            _record(s, actor, ballot, sheet, item_id=item_id, option_number=number, note=None)
            for item_id, number in choices.items()
        ]


def _writable_ballot(s: Session, actor: Actor, ballot_id: str) -> tuple[Ballot, Sheet]:
    """The draft ballot `actor` may write, and its dossier's sheet; refused once submitted or locked."""
    ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
    _check_writer(actor, ballot)
    if ballot.status is BallotStatus.SUBMITTED:
        raise Conflict([Problem("scoring.ballot_submitted", {})])
    dossier = get_or_fail(s, Dossier, ballot.dossier_id, "dossier")
    _refuse(s, dossier, get_or_fail(s, CouncilMember, ballot.member_id, "council_member"))
    return ballot, _sheet_of(s, dossier)


def _record(
    s: Session, actor: Actor, ballot: Ballot, sheet: Sheet, *, item_id: str, option_number: int, note: str | None
) -> ChoiceRecorded:
    choices = {c.item_id: c.option_number for c in ballot.choices} | {item_id: option_number}
    problems = check_ballot(sheet, MemberBallot(ballot.member_id, choices), required=())
    if problems:
        member = get_or_fail(s, CouncilMember, ballot.member_id, "council_member")
        raise ValidationFailed(
            [Problem(p.code, p.params, (("member", member.full_name), ("item", item_id))) for p in problems]
        )
    item = sheet.item(item_id)
    option = item.option(option_number) if item is not None else None
    points = option.points if option is not None and option_number != NOT_APPLICABLE else 0
    choice = s.scalars(
        select(BallotChoice).where(BallotChoice.ballot_id == ballot.id, BallotChoice.item_id == item_id)
    ).one_or_none()
    before = None if choice is None else {"option": choice.option_number}
    if choice is None:
        choice = BallotChoice(
            ballot_id=ballot.id, item_id=item_id, option_number=option_number, recorded_by=actor.user_id
        )
        ballot.choices.append(choice)  # the next choice of a batch is checked against this one
    else:
        choice.option_number, choice.recorded_at, choice.recorded_by = option_number, utcnow(), actor.user_id
    choice.note = nfc(note) if note else None
    s.flush()
    audit.record(
        s,
        actor,
        "record_choice",
        "ballot_choice",
        choice.id,
        before=before,
        after={"ballot": ballot.id, "item": item_id, "option": option_number},
        acting_for=ballot.member_id if ballot.entry_mode is EntryMode.PAPER else None,
    )
    warnings: tuple[Problem, ...] = ()
    found = ballot_warnings(sheet, MemberBallot(ballot.member_id, choices))
    if found:  # named by the member's name, as the refusals above are
        member = get_or_fail(s, CouncilMember, ballot.member_id, "council_member")
        warnings = tuple(Problem(w.code, w.params, (("member", member.full_name),), w.severity) for w in found)
    return ChoiceRecorded(choice.id, ballot.id, item_id, option_number, points, warnings)


def clear_choice(db: Database, *, actor: Actor, ballot_id: str, item_id: str) -> None:
    """Take back a choice on a draft ballot (undo of a first answer)."""
    with db.transaction() as s:
        ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
        _check_writer(actor, ballot)
        if ballot.status is BallotStatus.SUBMITTED:
            raise Conflict([Problem("scoring.ballot_submitted", {})])
        choice = s.scalars(
            select(BallotChoice).where(BallotChoice.ballot_id == ballot_id, BallotChoice.item_id == item_id)
        ).one_or_none()
        if choice is None:
            return
        before = {"option": choice.option_number}
        s.delete(choice)
        s.flush()
        audit.record(
            s,
            actor,
            "clear_choice",
            "ballot_choice",
            choice.id,
            before=before,
            after={"ballot": ballot_id, "item": item_id},
            acting_for=ballot.member_id if ballot.entry_mode is EntryMode.PAPER else None,
        )


def _submit(session: Session, actor: Actor, ballot: Ballot, opinion: str | None) -> None:
    dossier = get_or_fail(session, Dossier, ballot.dossier_id, "dossier")
    _refuse(session, dossier, get_or_fail(session, CouncilMember, ballot.member_id, "council_member"))
    sheet = _sheet_of(session, dossier)
    choices = {c.item_id: c.option_number for c in ballot.choices}
    problems = check_ballot(sheet, MemberBallot(ballot.member_id, choices))
    if problems:
        member = get_or_fail(session, CouncilMember, ballot.member_id, "council_member")
        raise ValidationFailed(
            [Problem(p.code, p.params, (("member", member.full_name), *p.location[1:])) for p in problems]
        )
    ballot.status = BallotStatus.SUBMITTED
    ballot.submitted_at = utcnow()
    ballot.opinion = nfc(opinion) if opinion else None
    audit.record(
        session,
        actor,
        "submit_ballot",
        "ballot",
        ballot.id,
        after={"choices": dict(sorted(choices.items()))},
        acting_for=ballot.member_id if ballot.entry_mode is not EntryMode.SELF else None,
    )
    session.flush()
    refresh_result(session, dossier)


def submit_ballot(db: Database, *, actor: Actor, ballot_id: str, opinion: str | None = None) -> None:
    """Submit a complete ballot; from then on it cannot change. Paper ballots are submitted by confirmation."""
    with db.transaction() as s:
        ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
        _check_writer(actor, ballot)
        if ballot.status is BallotStatus.SUBMITTED:
            raise Conflict([Problem("scoring.ballot_submitted", {})])
        if ballot.entry_mode is EntryMode.PAPER:
            raise Conflict([Problem("scoring.paper_needs_confirmation", {})])
        _submit(s, actor, ballot, opinion)


@dataclass(frozen=True)
class Mismatch:
    item_id: str
    first_entry: int | None
    second_entry: int | None


def confirm_paper_ballot(
    db: Database, *, actor: Actor, ballot_id: str, choices: dict[str, int], opinion: str | None = None
) -> tuple[Mismatch, ...]:
    """A second person types the paper sheet again. Any difference is returned item by item and nothing is
    submitted; when both entries agree the ballot is submitted with both names recorded."""
    require(actor, Permission.SCORE_FOR_MEMBER)
    with db.transaction() as s:
        ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
        if ballot.entry_mode is not EntryMode.PAPER:
            raise Conflict([Problem("scoring.not_paper", {})])
        if ballot.status is BallotStatus.SUBMITTED:
            raise Conflict([Problem("scoring.ballot_submitted", {})])
        if actor.user_id is not None and actor.user_id == ballot.entered_by:
            raise PermissionDenied([Problem("scoring.same_person_confirms", {})])
        first = {c.item_id: c.option_number for c in ballot.choices}
        mismatches = tuple(
            Mismatch(item, first.get(item), choices.get(item))
            for item in sorted(set(first) | set(choices))
            if first.get(item) != choices.get(item)
        )
        if mismatches:
            audit.record(
                s,
                actor,
                "paper_confirmation_mismatch",
                "ballot",
                ballot.id,
                after={"items": [m.item_id for m in mismatches]},
                acting_for=ballot.member_id,
            )
            return mismatches
        ballot.confirmed_by = actor.user_id
        _submit(s, actor, ballot, opinion)
        return ()


def start_rescore(db: Database, *, actor: Actor, dossier_id: str, reason: str) -> int:
    """Open a new scoring round for the dossier (after a spread discussion); earlier ballots stay as they are."""
    require(actor, Permission.START_RESCORE)
    if not reason.strip():
        raise ValidationFailed([Problem("scoring.rescore_needs_reason", {})])
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        refuse_if_decided(s, get_or_fail(s, Round, dossier.round_id, "round"))
        if _result_locked(s, dossier):
            raise Conflict([Problem("result.locked", {})])
        before = dossier.scoring_round
        dossier.scoring_round = before + 1
        audit.record(
            s,
            actor,
            "start_rescore",
            "dossier",
            dossier_id,
            before={"scoring_round": before},
            after={"scoring_round": dossier.scoring_round},
            reason=reason.strip(),
        )
        return dossier.scoring_round
