"""Who may score a dossier and whose ballot counts: the one rule, for every caller (the result, the agenda's
progress, opening a ballot, a ballot that came from a file, paper entry).

Two questions with one answer: a member *counts* (their submitted ballot enters the average, a missing one is
awaited) when they sit on the council in a scoring role, are not recused from the dossier, were not marked absent
at the sitting, and the ballot is of the dossier's current scoring round. A member *may write* a ballot when they
count and nothing closes the dossier to new ballots: an approved (locked) result, or a recognition decision on
the round. A locked result or a decision never removes a ballot already counted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ocop_desktop.domain.enums import MemberRole


class Reason(enum.StrEnum):
    """Why a member's ballot does not count, or cannot be written now. The values of RECUSED and ABSENT are the
    ones stored in a result's inputs ("excluded")."""

    NOT_IN_COUNCIL = "not_in_council"
    NOT_SCORING_ROLE = "not_scoring_role"
    RECUSED = "recused"
    ABSENT = "absent"
    OTHER_SCORING_ROUND = "other_scoring_round"
    RESULT_LOCKED = "result_locked"
    ROUND_DECIDED = "round_decided"


CLOSED_TO_WRITING = frozenset({Reason.RESULT_LOCKED, Reason.ROUND_DECIDED})
"""Reasons that stop a new or changed ballot but leave a submitted one counted."""


@dataclass(frozen=True)
class Seat:
    """What decides a member's eligibility on one dossier, as plain data."""

    role: MemberRole
    recused: bool = False
    present: bool | None = None  # None: no attendance recorded at the sitting (nobody is absent then)
    in_council: bool = True
    ballot_round: int | None = None  # the scoring round of the ballot in question; None: the current one
    current_round: int = 1
    result_locked: bool = False
    round_decided: bool = False


@dataclass(frozen=True)
class Eligibility:
    reasons: tuple[Reason, ...]

    @property
    def counts(self) -> bool:
        """The member's ballot enters the result (or is awaited when missing)."""
        return all(r in CLOSED_TO_WRITING for r in self.reasons)

    @property
    def may_write(self) -> bool:
        """The member may open, fill or submit a ballot now (themself, on paper, or from a file)."""
        return not self.reasons

    @property
    def exclusion(self) -> Reason | None:
        """The first reason the ballot does not count (stored with the result), None when it counts."""
        return next((r for r in self.reasons if r not in CLOSED_TO_WRITING), None)


def eligibility(seat: Seat) -> Eligibility:
    """Every reason, in a fixed order, why the member's ballot does not count or cannot be written now."""
    reasons: list[Reason] = []
    if not seat.in_council:
        reasons.append(Reason.NOT_IN_COUNCIL)
    if not seat.role.scores:
        reasons.append(Reason.NOT_SCORING_ROLE)
    if seat.recused:
        reasons.append(Reason.RECUSED)
    if seat.present is False:
        reasons.append(Reason.ABSENT)
    if seat.ballot_round is not None and seat.ballot_round != seat.current_round:
        reasons.append(Reason.OTHER_SCORING_ROUND)
    if seat.result_locked:
        reasons.append(Reason.RESULT_LOCKED)
    if seat.round_decided:
        reasons.append(Reason.ROUND_DECIDED)
    return Eligibility(tuple(reasons))
