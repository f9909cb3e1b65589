"""The scoring rules, table by table: bands, minimums, recusal, sub-criteria, cases, decisions, spread."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.errors import Severity, ValidationFailed
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.engine import (
    CouncilDecision,
    DecisionKind,
    MemberBallot,
    ResultStatus,
    ballot_warnings,
    check_ballot,
    chosen_cases,
    disputed_members,
    score_product,
)
from ocop_desktop.scoring.improvement import improvement_for
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet, rule_version
from tests.builders import best_choices, criterion, lowest_choices, make_sheet, option

V26 = rule_version("QD26-2026")


@pytest.mark.parametrize(
    ("average", "stars"),
    [
        ("0", 1),
        ("29.99", 1),
        ("30", 2),
        ("49.99", 2),
        ("50", 3),
        ("69.99", 3),
        ("70", 4),
        ("89.5", 4),
        ("89.999999", 4),
        ("90", 5),
        ("100", 5),
    ],
)
def test_band_edges_lower_bound_inclusive(average: str, stars: int) -> None:
    assert V26.band_star(Fraction(average)) == stars


def _points_sheet() -> Sheet:
    """A 100-point sheet with one free item per part, so any total 0..100 can be reached exactly."""
    return make_sheet(
        {
            "A": [criterion("1.1", *(option(p) for p in range(41)))],
            "B": [criterion("4.1", *(option(p) for p in range(26)))],
            "C": [criterion("6.1", *(option(p) for p in range(36)))],
        }
    )


def _member(name: str, total: int, excluded: bool = False) -> MemberBallot:
    a = min(total, 40)
    b = min(total - a, 25)
    c = total - a - b
    return MemberBallot(name, {"1.1": a + 1, "4.1": b + 1, "6.1": c + 1}, excluded)


@pytest.mark.parametrize(
    ("totals", "average", "band"),
    [
        ([89, 90], "89.50", 4),  # 89.5 is 4★: no rounding before classification
        ([90, 90], "90.00", 5),
        ([70, 69], "69.50", 3),
        ([29, 30], "29.50", 1),
        ([50, 50, 49], "49.67", 2),
        ([100, 100, 100], "100.00", 5),
    ],
)
def test_average_is_exact_and_classified_unrounded(totals: list[int], average: str, band: int) -> None:
    sheet = _points_sheet()
    result = score_product(sheet, V26, [_member(f"M{i}", t) for i, t in enumerate(totals)])
    assert result.average_total == Fraction(sum(totals), len(totals))
    assert result.band_stars == band
    assert result.stars == band  # no minimums on this sheet
    assert result.certifiable is (band >= 3)
    from ocop_desktop.domain.numbers import format_points

    assert format_points(result.average_total) == average


def test_recused_and_absent_members_do_not_count() -> None:
    sheet = _points_sheet()
    ballots = [_member("An", 80), _member("Bình", 60), _member("Cường", 10, excluded=True)]
    result = score_product(sheet, V26, ballots)
    assert result.scoring_count == 2
    assert result.average_total == 70
    assert result.members[2].total is None
    assert result.spread == 20


def test_excluded_members_ballot_is_not_checked() -> None:
    sheet = _points_sheet()
    result = score_product(sheet, V26, [_member("An", 80), MemberBallot("Bình", {"9.9": 99}, excluded=True)])
    assert result.average_total == 80


def test_no_scoring_member_is_refused() -> None:
    with pytest.raises(ValidationFailed) as info:
        score_product(_points_sheet(), V26, [_member("An", 80, excluded=True)])
    assert [p.code for p in info.value.problems] == ["result.no_scoring_member"]


def _minimum_sheet() -> Sheet:
    """Item 1.1 needs 1 point for 3★, 2 for 4★, 3 for 5★; the rest is free points."""
    return make_sheet(
        {
            "A": [
                criterion("1.1", option(0), option(1, star=3), option(2, star=4), option(3, star=5)),
                criterion("1.2", *(option(p) for p in range(38))),
            ],
            "B": [criterion("4.1", *(option(p) for p in range(26)))],
            "C": [criterion("6.1", *(option(p) for p in range(36)))],
        }
    )


def _min_ballot(name: str, marked_points: int, free: int) -> MemberBallot:
    a = min(free, 37)
    b = min(free - a, 25)
    c = free - a - b
    return MemberBallot(name, {"1.1": marked_points + 1, "1.2": a + 1, "4.1": b + 1, "6.1": c + 1})


@pytest.mark.parametrize(
    ("marked", "free", "band", "stars", "unmet_required"),
    [
        ([3, 3], 92, 5, 5, None),  # every minimum met
        ([2, 2], 92, 5, 4, 3),  # misses the 5★ minimum: 4★
        ([2, 3], 92, 5, 4, 3),  # average 2.5 < 3: item average decides
        ([1, 1], 92, 5, 3, 3),  # meets only 3★
        ([0, 0], 92, 5, 2, 3),  # meets no minimum: min(band, 2), no certificate
        ([0, 1], 72, 4, 2, 2),  # average 0.5 < 1 for 3★
        ([1, 1], 72, 4, 3, 2),
        ([2, 2], 72, 4, 4, None),
        ([0, 0], 52, 3, 2, 1),
        ([0, 0], 40, 2, 2, None),  # band 2: minimums do not apply
    ],
)
def test_star_minimums_step_down(
    marked: list[int], free: int, band: int, stars: int, unmet_required: int | None
) -> None:
    sheet = _minimum_sheet()
    ballots = [_min_ballot(f"M{i}", m, free) for i, m in enumerate(marked)]
    result = score_product(sheet, V26, ballots)
    assert result.band_stars == band
    assert result.stars == stars
    assert result.certifiable is (stars >= 3)
    if unmet_required is None:
        assert result.unmet_minimums == ()
    else:
        (unmet,) = result.unmet_minimums
        assert (unmet.item_id, unmet.required, unmet.for_stars) == ("1.1", unmet_required, band)
        assert unmet.average == Fraction(sum(marked), len(marked))


def test_minimums_accumulate() -> None:
    """A 4★ product must meet the 3★ minimum even where the item has no 4★ marker."""
    crit = criterion("1.1", option(0), option(1, star=3), option(2), option(3, star=5))
    sheet = make_sheet({"A": [crit, criterion("1.2", *(option(p) for p in range(38)))], "B": [], "C": []})
    item = sheet.item("1.1")
    assert item is not None
    assert item.min_points_by_star == {3: 1, 4: 1, 5: 3}
    assert item.mandatory_from_star == 3


def test_sub_criteria_are_scored_through_their_items() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-11")
    assert sheet.item("6.1") is None
    assert sheet.item("6.1.1") is not None and sheet.item("6.1.2") is not None
    choices = best_choices(sheet)
    result = score_product(sheet, V26, [MemberBallot("An", choices)])
    assert result.average_total == 100
    wrong = dict(choices)
    wrong["6.1"] = 1
    with pytest.raises(ValidationFailed) as info:
        score_product(sheet, V26, [MemberBallot("An", wrong)])
    assert [p.code for p in info.value.problems] == ["ballot.scored_via_sub_criteria"]


TOURISM_CASES = [
    # (criterion 8, 9, 15 option numbers), the cases the ballot reads as, whether it warns, the member's total
    ((2, 2, 2), {"8": "Trường hợp 1", "9": "Trường hợp 1", "15": "Trường hợp 1"}, False, 100),
    ((4, 4, 4), {"8": "Trường hợp 2", "9": "Trường hợp 2", "15": "Trường hợp 2"}, False, 100),
    ((2, 4, 2), {"8": "Trường hợp 1", "9": "Trường hợp 2", "15": "Trường hợp 1"}, True, 100),
    ((4, 1, 3), {"8": "Trường hợp 2", "9": "Trường hợp 1", "15": "Trường hợp 2"}, True, 100 - 1 - 2),
    ((1, 2, 4), {"8": "Trường hợp 1", "9": "Trường hợp 1", "15": "Trường hợp 2"}, True, 100 - 2),
    ((3, 3, 3), {"8": "Trường hợp 2", "9": "Trường hợp 2", "15": "Trường hợp 2"}, False, 100 - 2 - 1 - 2),
]


@pytest.mark.parametrize(("options", "cases", "warns", "total"), TOURISM_CASES)
def test_each_tourism_criterion_chooses_its_own_case(
    options: tuple[int, int, int], cases: dict[str, str], warns: bool, total: int
) -> None:
    """QĐ 26/2026 sheet 26: criteria 8, 9 and 15 each say "Lựa chọn một trong hai trường hợp" (CASE_PER_CRITERION).
    A ballot mixing cases is scored, never refused, and carries a warning naming the member and the cases."""
    sheet = load_sheet("QD26-2026", "QD26-2026-26")
    choices = dict(best_choices(sheet), **dict(zip(("8", "9", "15"), options, strict=True)))
    ballot = MemberBallot("An", choices)
    assert check_ballot(sheet, ballot) == []
    assert chosen_cases(sheet, choices) == cases
    result = score_product(sheet, V26, [ballot, MemberBallot("Bình", best_choices(sheet))])
    assert result.members[0].total == total
    warnings = ballot_warnings(sheet, ballot)
    assert list(result.warnings) == warnings
    assert bool(warnings) is warns
    for warning in warnings:
        assert warning.code == "ballot.mixed_cases" and warning.severity is Severity.WARNING
        assert warning.location == (("member", "An"),)
        assert all(item in warning.params["detail"] for item in cases)


def test_an_excluded_members_mixed_cases_warn_of_nothing() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-26")
    mixed = dict(best_choices(sheet), **{"9": 4})
    result = score_product(sheet, V26, [MemberBallot("An", mixed, excluded=True), MemberBallot("Bình", mixed)])
    assert [w.location for w in result.warnings] == [(("member", "Bình"),)]


def test_options_are_identified_by_number_not_points() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    item = sheet.item("3.1")
    assert item is not None
    assert [(o.number, o.points) for o in item.options] == [(1, 1), (2, 1), (3, 3)]


def test_not_applicable_only_on_conditional_items() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    choices = best_choices(sheet)
    result = score_product(sheet, V26, [MemberBallot("An", dict(choices, **{"5.2": 0}))])
    assert result.average_total == 98
    with pytest.raises(ValidationFailed) as info:
        score_product(sheet, V26, [MemberBallot("An", dict(choices, **{"5.1": 0}))])
    assert info.value.problems[0].code == "ballot.option_out_of_range"


def test_ballot_problems_name_member_and_item() -> None:
    sheet = _points_sheet()
    with pytest.raises(ValidationFailed) as info:
        score_product(sheet, V26, [MemberBallot("Hà", {"1.1": 99, "x": 1})])
    found = {(p.code, p.location) for p in info.value.problems}
    assert ("ballot.option_out_of_range", (("member", "Hà"), ("item", "1.1"))) in found
    assert ("ballot.unknown_item", (("member", "Hà"), ("item", "x"))) in found
    assert any(p.code == "ballot.missing_items" and p.params["items"] == "4.1, 6.1" for p in info.value.problems)


def test_elimination_gives_no_star() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    choices = best_choices(sheet)
    decision = CouncilDecision(DecisionKind.ELIMINATION, "Giống hệt sản phẩm của cơ sở khác", "2.1")
    result = score_product(sheet, V26, [MemberBallot("An", choices)], decisions=[decision])
    assert result.status is ResultStatus.ELIMINATED
    assert result.stars is None and not result.certifiable
    assert result.band_stars == 5
    assert improvement_for(sheet, V26, result) is None


def test_elimination_must_name_an_item_with_that_rule() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    decision = CouncilDecision(DecisionKind.ELIMINATION, "lý do", "4.1")
    with pytest.raises(ValidationFailed) as info:
        score_product(sheet, V26, [MemberBallot("An", best_choices(sheet))], decisions=[decision])
    assert [p.code for p in info.value.problems] == ["decision.item_has_no_rule"]


def test_stop_rule_ends_evaluation_at_its_item() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-16")
    choices = {k: v for k, v in best_choices(sheet).items() if not k.startswith(("6.3", "6.4", "7", "8", "9"))}
    choices["6.2"] = 1  # 0 points: "có màu"
    decision = CouncilDecision(DecisionKind.STOP, "Nước có màu", "6.2")
    result = score_product(sheet, V26, [MemberBallot("An", choices)], decisions=[decision])
    assert result.status is ResultStatus.STOPPED
    assert result.stars is None and not result.certifiable
    assert result.evaluated_items[-1] == "6.2"


def test_dossier_rejection_needs_only_a_reason() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    decision = CouncilDecision(DecisionKind.DOSSIER_REJECTED, "Giả mạo hồ sơ")
    result = score_product(sheet, V26, [MemberBallot("An", best_choices(sheet))], decisions=[decision])
    assert result.status is ResultStatus.DOSSIER_REJECTED and result.stars is None


@pytest.mark.parametrize(("totals", "exceeds"), [([80, 70], False), ([81, 70], True), ([80, 80, 80], False)])
def test_spread_limit_is_strictly_over(totals: list[int], exceeds: bool) -> None:
    result = score_product(_points_sheet(), V26, [_member(f"M{i}", t) for i, t in enumerate(totals)])
    assert result.spread == max(totals) - min(totals)
    assert result.spread_exceeds_limit is exceeds
    assert bool(result.disputed_items) is exceeds


def test_spread_limit_is_configurable() -> None:
    ballots = [_member("An", 80), _member("Bình", 75)]
    assert score_product(_points_sheet(), V26, ballots, spread_limit=Fraction(4)).spread_exceeds_limit
    assert not score_product(_points_sheet(), V26, ballots, spread_limit=Fraction(5)).spread_exceeds_limit


def test_disputed_items_ranked_by_disagreement() -> None:
    sheet = _points_sheet()
    a = MemberBallot("An", {"1.1": 41, "4.1": 26, "6.1": 36})  # 100
    b = MemberBallot("Bình", {"1.1": 31, "4.1": 24, "6.1": 16})  # 30 + 23 + 15 = 68
    result = score_product(sheet, V26, [a, b])
    assert [(d.item_id, d.spread) for d in result.disputed_items] == [("6.1", 20), ("1.1", 10), ("4.1", 2)]


def test_part_averages_are_exact() -> None:
    sheet = _points_sheet()
    result = score_product(sheet, V26, [_member("An", 41), _member("Bình", 40), _member("Cường", 40)])
    assert result.part_averages == {"A": 40, "B": Fraction(1, 3), "C": 0}


def test_improvement_lists_gap_and_minimums() -> None:
    sheet = _minimum_sheet()
    result = score_product(sheet, V26, [_min_ballot("An", 1, 72)])  # 73 points, meets 3★ only on item 1.1
    assert result.band_stars == 4 and result.stars == 3
    improvement = improvement_for(sheet, V26, result)
    assert improvement is not None
    assert improvement.next_stars == 4
    assert improvement.points_needed == 0
    assert [(u.item_id, u.required) for u in improvement.unmet_minimums] == [("1.1", 2)]
    assert improvement.gains[0].item_id == "6.1"


def test_improvement_points_needed_for_next_band() -> None:
    sheet = _points_sheet()
    result = score_product(sheet, V26, [_member("An", 65), _member("Bình", 66)])
    improvement = improvement_for(sheet, V26, result)
    assert improvement is not None and improvement.next_stars == 4
    assert improvement.points_needed == Fraction(9, 2)


ALL_26 = [s.sheet_id for s in list_sheets("QD26-2026")]


def test_there_are_26_sheets() -> None:
    assert len(ALL_26) == 26


@pytest.mark.parametrize("sheet_id", ALL_26)
def test_best_everywhere_is_100_and_five_stars(sheet_id: str) -> None:
    sheet = load_sheet("QD26-2026", sheet_id)
    result = score_product(
        sheet, V26, [MemberBallot("An", best_choices(sheet)), MemberBallot("Bình", best_choices(sheet))]
    )
    assert result.average_total == 100
    assert (result.band_stars, result.stars, result.certifiable) == (5, 5, True)
    assert result.refer_to_central
    assert result.unmet_minimums == ()


@pytest.mark.parametrize("sheet_id", ALL_26)
def test_lowest_everywhere_is_the_lowest_total_and_no_certificate(sheet_id: str) -> None:
    sheet = load_sheet("QD26-2026", sheet_id)
    result = score_product(sheet, V26, [MemberBallot("An", lowest_choices(sheet))])
    assert result.average_total == sum(min(o.points for o in item.options) for item in sheet.items)
    assert not result.certifiable
    assert result.stars is not None and result.stars <= 2


# --- properties ----------------------------------------------------------------------------------------------------

SHEET_07 = load_sheet("QD26-2026", "QD26-2026-07")


@st.composite
def ballots_07(draw: st.DrawFn, min_members: int = 1) -> list[MemberBallot]:
    count = draw(st.integers(min_members, 9))
    out = []
    for n in range(count):
        choices = {i.id: draw(st.integers(1, len(i.options))) for i in SHEET_07.items}
        out.append(MemberBallot(f"M{n}", choices))
    return out


@settings(max_examples=60, deadline=None)
@given(ballots_07(), st.randoms(use_true_random=False))
def test_member_order_does_not_matter(ballots: list[MemberBallot], rnd: object) -> None:
    shuffled = list(ballots)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = score_product(SHEET_07, V26, ballots)
    b = score_product(SHEET_07, V26, shuffled)
    assert (a.average_total, a.band_stars, a.stars, a.part_averages, a.unmet_minimums, a.spread) == (
        b.average_total,
        b.band_stars,
        b.stars,
        b.part_averages,
        b.unmet_minimums,
        b.spread,
    )
    assert {d.item_id for d in a.disputed_items} == {d.item_id for d in b.disputed_items}


@settings(max_examples=60, deadline=None)
@given(ballots_07())
def test_average_lies_between_lowest_and_highest_total(ballots: list[MemberBallot]) -> None:
    result = score_product(SHEET_07, V26, ballots)
    totals = [m.total for m in result.members if m.total is not None]
    assert min(totals) <= result.average_total <= max(totals)


@settings(max_examples=80, deadline=None)
@given(ballots_07(), st.data())
def test_raising_one_choice_never_lowers_the_band(ballots: list[MemberBallot], data: st.DataObject) -> None:
    member = data.draw(st.integers(0, len(ballots) - 1))
    item = data.draw(st.sampled_from(SHEET_07.items))
    current = item.option(ballots[member].choices[item.id])
    assert current is not None
    better = [o.number for o in item.options if o.points >= current.points]
    raised_choices = dict(ballots[member].choices, **{item.id: data.draw(st.sampled_from(better))})
    raised = list(ballots)
    raised[member] = MemberBallot(ballots[member].member, raised_choices)
    before = score_product(SHEET_07, V26, ballots)
    after = score_product(SHEET_07, V26, raised)
    assert after.band_stars >= before.band_stars
    assert after.average_total >= before.average_total


def test_totals_agree_with_a_direct_reading_of_the_shared_yaml(shared_domain: object) -> None:
    """Random ballots on every sheet, added up straight from the shared YAML (not through our files or parser)."""
    import random
    from pathlib import Path

    import yaml

    assert isinstance(shared_domain, Path)
    catalogue = yaml.safe_load((shared_domain / "criteria-26-2026.yaml").read_text(encoding="utf-8"))
    rnd = random.Random(2026)
    for raw_sheet in catalogue["sheets"]:
        raw_items = [
            (item["id"], part["id"], item["options"])
            for part in raw_sheet["parts"]
            for group in part["groups"]
            for crit in group["criteria"]
            for item in (crit.get("sub_criteria") or [crit])
        ]
        ballots, totals, part_sums = [], [], {"A": 0, "B": 0, "C": 0}
        for n in range(rnd.randint(3, 9)):
            case = rnd.choice(["Trường hợp 1", "Trường hợp 2"])
            choices, total = {}, 0
            for item_id, part_id, options in raw_items:
                allowed = [i for i, o in enumerate(options, start=1) if o.get("case") in (None, case)]
                number = rnd.choice(allowed)
                choices[item_id] = number
                total += options[number - 1]["points"]
                part_sums[part_id] += options[number - 1]["points"]
            ballots.append(MemberBallot(f"M{n}", choices))
            totals.append(total)
        sheet = load_sheet("QD26-2026", raw_sheet["sheet_id"])
        result = score_product(sheet, V26, ballots)
        assert [m.total for m in result.members] == totals, raw_sheet["sheet_id"]
        assert result.average_total == Fraction(sum(totals), len(totals))
        assert result.part_averages == {k: Fraction(v, len(totals)) for k, v in part_sums.items()}


def test_the_members_lowest_and_highest_on_each_disputed_item_are_named() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    top, low = best_choices(sheet), lowest_choices(sheet)
    ballots = [
        MemberBallot("a", top),
        MemberBallot("b", low),
        MemberBallot("c", top),
        MemberBallot("d", low, excluded=True),  # recused: never named
    ]
    result = score_product(sheet, V26, ballots)
    named = disputed_members(result)
    assert result.spread_exceeds_limit and set(named) == {d.item_id for d in result.disputed_items}
    assert all(pair == (("b",), ("a", "c")) for pair in named.values())
