"""Independent scoring (chấm điểm độc lập): who may see a ballot's choices and a product's figures, and when.

A rule about people, so it lives here and not in the scoring core: every service that returns a ballot, a total,
an average, stars or a spread asks these functions. Until every counted member (scoring, present, not recused)
has submitted for the dossier's scoring round, or its result is locked, nobody sees any member's figures or any
figure of the product — the secretary, the chair and the administrator included; a member sees their own ballot
and a typist the paper draft they are typing. Progress (how many have submitted, and who) is never secret."""

from __future__ import annotations

from dataclasses import dataclass

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.domain.errors import Problem
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission, allowed


@dataclass(frozen=True)
class Progress:
    """How far the counted members are with one scoring round of a dossier."""

    submitted: int  # counted members who have submitted
    expected: int  # counted members: scoring, present (when attendance is recorded), not recused
    locked: bool = False  # the result of that scoring round is approved

    @property
    def revealed(self) -> bool:
        """The figures exist and no counted member is still scoring (or the chair has approved them)."""
        return self.locked or 0 < self.expected <= self.submitted

    @property
    def remaining(self) -> int:
        return max(0, self.expected - self.submitted)


def may_see_figures(actor: Actor, progress: Progress) -> bool:
    """Whether `actor` may see the product's figures and every member's ballot: once revealed, VIEW suffices."""
    return progress.revealed and allowed(actor, Permission.VIEW)


def ballot_refusal(
    actor: Actor,
    *,
    member_id: str,
    member_name: str,
    entry_mode: EntryMode,
    status: BallotStatus,
    entered_by: str | None,
    progress: Progress,
) -> Problem | None:
    """Why `actor` may not read a ballot's choices, or None when they may: the member's own ballot; a paper or
    imported draft to the account that typed it (never to the second typist who confirms it); anyone's once
    the figures are revealed."""
    if actor.member_id is not None and actor.member_id == member_id:
        return None
    typed_here = entry_mode is not EntryMode.SELF and status is BallotStatus.DRAFT
    if typed_here and actor.user_id is not None and actor.user_id == entered_by:
        return None
    if may_see_figures(actor, progress):
        return None
    return Problem(
        "secrecy.ballot_hidden",
        {"submitted": progress.submitted, "expected": progress.expected},
        (("member", member_name),),
    )


def figures_hidden(product: str, progress: Progress) -> Problem:
    """The refusal of a document or an export asked for a product whose figures are still secret."""
    return Problem(
        "secrecy.figures_hidden",
        {"remaining": progress.remaining, "submitted": progress.submitted, "expected": progress.expected},
        (("product", product),),
    )
