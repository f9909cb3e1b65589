"""The one rule of independent scoring, as a table: who reads a ballot's choices, and when the figures show."""

from __future__ import annotations

import pytest

from ocop_desktop.domain.enums import BallotStatus, EntryMode, Role
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.secrecy import Progress, ballot_refusal, figures_hidden, may_see_figures

MEMBER = Actor("u-member", "tv1", frozenset({Role.MEMBER}), "m-1")
OTHER_MEMBER = Actor("u-other", "tv2", frozenset({Role.MEMBER}), "m-2")
CHAIR = Actor("u-chair", "tv0", frozenset({Role.CHAIR}), "m-0")
TYPIST = Actor("u-typist", "thuky", frozenset({Role.SECRETARY}))
CONFIRMER = Actor("u-confirmer", "thuky2", frozenset({Role.SECRETARY}))
ADMIN = Actor("u-admin", "quantri", frozenset({Role.ADMIN}))
NOBODY_TYPED = Actor(None, "khác", frozenset({Role.SECRETARY}))  # no account: never "the typist" of a None

SCORING, DONE, LOCKED = Progress(4, 5), Progress(5, 5), Progress(3, 5, locked=True)
SELF_DRAFT = (EntryMode.SELF, BallotStatus.DRAFT, "u-member")
PAPER_DRAFT = (EntryMode.PAPER, BallotStatus.DRAFT, "u-typist")
PAPER_SUBMITTED = (EntryMode.PAPER, BallotStatus.SUBMITTED, "u-typist")
SYSTEM_PAPER = (EntryMode.PAPER, BallotStatus.DRAFT, None)

CASES = [
    # who, ballot (mode, status, entered by), progress, may read
    (MEMBER, SELF_DRAFT, SCORING, True),
    (MEMBER, PAPER_SUBMITTED, SCORING, True),  # typed for them from their own paper sheet
    (OTHER_MEMBER, SELF_DRAFT, SCORING, False),
    (CHAIR, SELF_DRAFT, SCORING, False),
    (TYPIST, SELF_DRAFT, SCORING, False),
    (ADMIN, SELF_DRAFT, SCORING, False),
    (SYSTEM, SELF_DRAFT, SCORING, False),
    (TYPIST, PAPER_DRAFT, SCORING, True),
    (CONFIRMER, PAPER_DRAFT, SCORING, False),
    (TYPIST, PAPER_SUBMITTED, SCORING, False),  # confirmed: the typist's work is done
    (NOBODY_TYPED, SYSTEM_PAPER, SCORING, False),
    (OTHER_MEMBER, SELF_DRAFT, DONE, True),
    (CONFIRMER, PAPER_SUBMITTED, DONE, True),
    (ADMIN, SELF_DRAFT, LOCKED, True),
    (SYSTEM, PAPER_SUBMITTED, Progress(0, 0), False),  # nobody counts: nothing to reveal
]


@pytest.mark.parametrize(("actor", "ballot", "progress", "may_read"), CASES)
def test_who_reads_a_ballot(actor: Actor, ballot: tuple[EntryMode, BallotStatus, str | None], progress: Progress,
                            may_read: bool) -> None:  # fmt: skip
    mode, status, entered_by = ballot
    refusal = ballot_refusal(
        actor,
        member_id="m-1",
        member_name="Trần Thị Hương",
        entry_mode=mode,
        status=status,
        entered_by=entered_by,
        progress=progress,
    )
    assert (refusal is None) is may_read
    if refusal is not None:
        assert refusal.code == "secrecy.ballot_hidden" and refusal.location == (("member", "Trần Thị Hương"),)
        assert refusal.params == {"submitted": progress.submitted, "expected": progress.expected}


@pytest.mark.parametrize(
    ("progress", "revealed"),
    [(Progress(0, 5), False), (Progress(1, 5), False), (Progress(4, 5), False), (Progress(5, 5), True),
     (Progress(4, 4), True), (Progress(0, 0), False), (Progress(2, 5, locked=True), True)],
)  # fmt: skip
def test_figures_show_once_every_counted_member_has_submitted(progress: Progress, revealed: bool) -> None:
    assert progress.revealed is revealed
    assert all(may_see_figures(a, progress) is revealed for a in (MEMBER, CHAIR, TYPIST, ADMIN, SYSTEM))
    assert figures_hidden("Mật ong", progress).params["remaining"] == max(0, progress.expected - progress.submitted)
