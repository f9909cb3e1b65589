"""The facts `scoring.eligibility` decides on, read from the database for one dossier and member (role, recusal,
attendance at the latest sitting, the result's lock, the round's recognition decision), and its reasons in words.

Every path that writes or counts a ballot asks here: opening one (the member's own, a paper one), a ballot file or
workbook, the result and the agenda's progress. A round with a recognition decision takes no new dossier, ballot
or re-score until the chair reopens it (`recognition.reopen_round`, audited with its reason)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import RoundStatus
from ocop_desktop.domain.errors import Conflict, Problem
from ocop_desktop.models import Attendance, CouncilMember, Decision, Dossier, MeetingSession, Recusal, Result, Round
from ocop_desktop.scoring.eligibility import Eligibility, Reason, Seat, eligibility
from ocop_desktop.services.common import get_or_fail


def present_members(session: Session, rnd: Round) -> set[str] | None:
    """Members present at the latest meeting session that has attendance; None when none was recorded."""
    sitting = latest_attendance(session, rnd)
    return None if sitting is None else sitting[1]


def latest_attendance(session: Session, rnd: Round) -> tuple[MeetingSession, set[str]] | None:
    """The latest meeting session with attendance and who was present at it; None when none was recorded."""
    sessions = session.scalars(
        select(MeetingSession).where(MeetingSession.round_id == rnd.id).order_by(MeetingSession.date.desc())
    ).all()
    for meeting in sessions:
        rows = session.scalars(select(Attendance).where(Attendance.session_id == meeting.id)).all()
        if rows:
            return meeting, {r.member_id for r in rows if r.present}
    return None


def deciding_decision(session: Session, rnd: Round) -> Decision | None:
    """The recognition decision that closes the round to additions: its latest one, unless the chair reopened
    the round after it (a later decision closes it again)."""
    if rnd.status is RoundStatus.OPEN:
        return None
    return session.scalars(
        select(Decision).where(Decision.round_id == rnd.id).order_by(Decision.date.desc(), Decision.created_at.desc())
    ).first()


def decided_problem(decision: Decision) -> Problem:
    return Problem("round.decided", {"number": decision.number, "date": decision.date.strftime("%d/%m/%Y")})


def refuse_if_decided(session: Session, rnd: Round) -> None:
    """Refuse a new dossier or re-score in a round past its recognition decision, naming the decision."""
    decision = deciding_decision(session, rnd)
    if decision is not None:
        raise Conflict([decided_problem(decision)])


def _result_locked(session: Session, dossier: Dossier) -> bool:
    """The dossier's current result is approved: it takes no ballot of any scoring round."""
    row = session.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == dossier.scoring_round)
    ).one_or_none()
    return row is not None and row.locked


@dataclass(frozen=True)
class MemberCheck:
    """One member's eligibility on one dossier, with what its words need."""

    member: CouncilMember
    eligibility: Eligibility
    sitting: MeetingSession | None
    decision: Decision | None
    ballot_round: int | None
    current_round: int

    def problems(self) -> list[Problem]:
        """Every reason the member may not write the ballot now, in words (those about the member name them)."""
        where = (("member", self.member.full_name),)
        problems = []
        for reason in self.eligibility.reasons:
            if reason is Reason.NOT_IN_COUNCIL:
                problems.append(Problem("scoring.not_in_council", {}, where))
            elif reason is Reason.NOT_SCORING_ROLE:
                problems.append(Problem("scoring.not_a_scoring_member", {}, where))
            elif reason is Reason.RECUSED:
                problems.append(Problem("scoring.member_recused", {}, where))
            elif reason is Reason.ABSENT:
                day = self.sitting.date.strftime("%d/%m/%Y") if self.sitting is not None else "?"
                problems.append(Problem("scoring.member_absent", {"date": day}, where))
            elif reason is Reason.OTHER_SCORING_ROUND:
                params = {"round": self.ballot_round, "current": self.current_round}
                problems.append(Problem("scoring.other_scoring_round", params, where))
            elif reason is Reason.RESULT_LOCKED:
                problems.append(Problem("result.locked", {}))
            elif self.decision is not None:
                problems.append(decided_problem(self.decision))
        return problems


def check_member(
    session: Session, dossier: Dossier, member: CouncilMember, ballot_round: int | None = None
) -> MemberCheck:
    """The member's eligibility on the dossier now; `ballot_round` is the scoring round of a ballot that came from
    elsewhere (None: the dossier's current one)."""
    rnd = get_or_fail(session, Round, dossier.round_id, "round")
    sitting = latest_attendance(session, rnd)
    decision = deciding_decision(session, rnd)
    recused = select(Recusal.id).where(Recusal.dossier_id == dossier.id, Recusal.member_id == member.id)
    seat = Seat(
        role=member.role,
        recused=session.scalar(recused) is not None,
        present=None if sitting is None else member.id in sitting[1],
        in_council=member.council_id == rnd.council_id,
        ballot_round=ballot_round,
        current_round=dossier.scoring_round,
        result_locked=_result_locked(session, dossier),
        round_decided=decision is not None,
    )
    return MemberCheck(
        member,
        eligibility(seat),
        sitting[0] if sitting is not None else None,
        decision,
        ballot_round,
        dossier.scoring_round,
    )
