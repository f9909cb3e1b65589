"""Who may score and whose ballot counts (issue 16 point 3): the one rule of `scoring.eligibility`, table by table,
and the property that a result never depends on the ballot of a member who does not count."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.enums import MemberRole
from ocop_desktop.scoring.eligibility import Reason, Seat, eligibility
from ocop_desktop.services.criteria_catalogue import rule_version
from ocop_desktop.services.results import RoundContext, assemble_inputs, compute
from tests.builders import criterion, make_sheet, option

R = Reason
MEMBER, CHAIR, GUEST = MemberRole.MEMBER, MemberRole.CHAIR, MemberRole.GUEST


@pytest.mark.parametrize(
    ("seat", "reasons", "counts", "may_write"),
    [
        (Seat(MEMBER), (), True, True),
        (Seat(CHAIR, present=True), (), True, True),
        (Seat(MemberRole.SECRETARY_MEMBER, present=None), (), True, True),  # no attendance taken: nobody absent
        (Seat(GUEST), (R.NOT_SCORING_ROLE,), False, False),
        (Seat(MEMBER, recused=True), (R.RECUSED,), False, False),
        (Seat(MEMBER, present=False), (R.ABSENT,), False, False),
        (Seat(MEMBER, in_council=False), (R.NOT_IN_COUNCIL,), False, False),
        (Seat(MEMBER, ballot_round=1, current_round=2), (R.OTHER_SCORING_ROUND,), False, False),
        (Seat(MEMBER, ballot_round=2, current_round=2), (), True, True),
        # a locked result or a decided round stops writing, never a ballot already counted
        (Seat(MEMBER, result_locked=True), (R.RESULT_LOCKED,), True, False),
        (Seat(MEMBER, round_decided=True), (R.ROUND_DECIDED,), True, False),
        # every reason is given, in a fixed order
        (
            Seat(GUEST, recused=True, present=False, result_locked=True, round_decided=True),
            (R.NOT_SCORING_ROLE, R.RECUSED, R.ABSENT, R.RESULT_LOCKED, R.ROUND_DECIDED),
            False,
            False,
        ),
        (Seat(MEMBER, recused=True, present=False), (R.RECUSED, R.ABSENT), False, False),
    ],
)
def test_who_counts_and_who_may_write(seat: Seat, reasons: tuple[Reason, ...], counts: bool, may_write: bool) -> None:
    verdict = eligibility(seat)
    assert verdict.reasons == reasons
    assert (verdict.counts, verdict.may_write) == (counts, may_write)


@pytest.mark.parametrize(
    ("seat", "stored"),
    [
        (Seat(MEMBER), None),
        (Seat(MEMBER, recused=True, present=False), "recused"),  # the value results have always stored
        (Seat(MEMBER, present=False), "absent"),
        (Seat(MEMBER, present=False, result_locked=True), "absent"),
        (Seat(MEMBER, result_locked=True), None),
    ],
)
def test_the_exclusion_stored_with_a_result(seat: Seat, stored: str | None) -> None:
    exclusion = eligibility(seat).exclusion
    assert (exclusion.value if exclusion else None) == stored


SHEET = make_sheet(
    {
        "A": [criterion("1.1", option(0), option(10), option(20), option(40))],
        "B": [criterion("4.1", option(0), option(5), option(25))],
        "C": [criterion("6.1", option(0), option(15), option(35))],
    }
)
VERSION = rule_version("QD26-2026")
choices = st.fixed_dictionaries({"1.1": st.integers(1, 4), "4.1": st.integers(1, 3), "6.1": st.integers(1, 3)})
member = st.tuples(
    st.sampled_from([MEMBER, CHAIR, MemberRole.VICE_CHAIR, MemberRole.SECRETARY_MEMBER, GUEST]),
    st.booleans(),  # recused
    st.booleans(),  # present
    choices,  # the ballot they submitted
    choices,  # another ballot they might have submitted instead
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(members=st.lists(member, min_size=1, max_size=7), attendance_taken=st.booleans())
def test_a_result_never_depends_on_the_ballot_of_a_member_who_does_not_count(
    members: list[tuple[MemberRole, bool, bool, dict[str, int], dict[str, int]]], attendance_taken: bool
) -> None:
    ids = [f"m{i}" for i in range(len(members))]
    present = frozenset(i for i, m in zip(ids, members, strict=True) if m[2]) if attendance_taken else None
    ctx = RoundContext(VERSION, "v", "10", tuple((i, i, m[0]) for i, m in zip(ids, members, strict=True)), present)
    recused = {i for i, m in zip(ids, members, strict=True) if m[1]}
    counted = {
        i
        for i, m in zip(ids, members, strict=True)
        if eligibility(Seat(m[0], recused=m[1], present=None if present is None else i in present)).counts
    }
    assume(counted)

    def result(ballots: dict[str, dict[str, int]]) -> tuple[str, dict[str, object]]:
        inputs = assemble_inputs(
            ctx,
            dossier_id="d",
            scoring_round=1,
            sheet_snapshot="s",
            sheet=SHEET,
            recused=recused,
            submitted={i: (f"b-{i}", c) for i, c in ballots.items()},
            decisions=(),
        )
        return inputs.digest, compute(inputs)[1]

    first = {i: m[3] for i, m in zip(ids, members, strict=True)}
    other = {i: (m[3] if i in counted else m[4]) for i, m in zip(ids, members, strict=True)}
    only_counted = {i: c for i, c in first.items() if i in counted}
    assert result(first) == result(other) == result(only_counted)
