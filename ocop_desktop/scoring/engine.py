"""The scoring engine: from the members' ballots on one sheet to the product's result, exactly as the decree says.

Every figure is exact: member totals are integers, averages are `Fraction`s, and stars are decided on the
unrounded average. Rounding to 2 decimals is display only (`ocop_desktop.domain.numbers`).

Named policies where the texts are silent (documented in `docs/scoring-rules.md`):

- `MINIMUMS_ON_ITEM_AVERAGE`: a star minimum is tested against the members' average points on the item.
- `STEP_DOWN_TO_MET_STAR`: a product that misses a minimum of its band star takes the highest lower star (down
  to 3★) whose minimums are all met; if none, min(band, 2) and no certificate.
- `CASE_PER_CRITERION`: on a sheet with alternative cases (tourism), each criterion chooses its own case
  ("Lựa chọn một trong hai trường hợp" is written on each criterion); a ballot mixing cases across criteria is
  accepted with a warning (`ballot_warnings`), never refused.
- `NOT_APPLICABLE_IS_ZERO`: a conditionally applicable item (5.2 story structure) may be answered 0, "không áp
  dụng", and then scores 0 points.
- `SPREAD_OVER_LIMIT`: the council must discuss when max − min of members' totals is strictly over the limit.
- `STOP_ENDS_EVALUATION`: a recorded stop (không đánh giá các bước tiếp theo) ends the evaluation at that item;
  later items need no choice, and the product gets no star.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import compress, repeat

from ocop_desktop.domain.errors import Problem, Severity, ValidationFailed
from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Criterion, Sheet
from ocop_desktop.scoring.versions import RuleVersion

DEFAULT_SPREAD_LIMIT = Fraction(10)


class DecisionKind(enum.StrEnum):
    """Decisions of the council that stop a product from being ranked."""

    ELIMINATION = "elimination"  # bị loại theo tiêu chí (e.g. 2.1 copy of another producer's product)
    STOP = "stop"  # không đánh giá các bước tiếp theo (e.g. unacceptable foreign matter)
    DOSSIER_REJECTED = "dossier_rejected"  # hồ sơ bị loại (forged dossier, missing food-safety certificate)


class ResultStatus(enum.StrEnum):
    RATED = "rated"
    ELIMINATED = "eliminated"
    STOPPED = "stopped"
    DOSSIER_REJECTED = "dossier_rejected"


@dataclass(frozen=True)
class MemberBallot:
    """One member's choices on one sheet: item id → option number (1, 2, 3 … in the decree's order)."""

    member: str
    choices: Mapping[str, int]
    excluded: bool = False
    """Recused (xung đột lợi ích) or absent: the ballot does not count."""


@dataclass(frozen=True)
class CouncilDecision:
    """A recorded decision of the council, with the rule's item (if any) and the reason given."""

    kind: DecisionKind
    reason: str
    item_id: str | None = None


@dataclass(frozen=True)
class MemberScore:
    member: str
    excluded: bool
    total: int | None
    part_totals: Mapping[str, int]
    points: Mapping[str, int]


@dataclass(frozen=True)
class UnmetMinimum:
    item_id: str
    required: int
    average: Fraction
    for_stars: int


@dataclass(frozen=True)
class DisputedItem:
    """An item on which members' points differ; `spread` is max − min of their points."""

    item_id: str
    spread: int
    lowest: int
    highest: int


@dataclass(frozen=True)
class ProductResult:
    sheet_id: str
    version_id: str
    status: ResultStatus
    members: tuple[MemberScore, ...]
    scoring_count: int
    average_total: Fraction
    part_averages: Mapping[str, Fraction]
    item_averages: Mapping[str, Fraction]
    band_stars: int
    stars: int | None
    certifiable: bool
    refer_to_central: bool
    unmet_minimums: tuple[UnmetMinimum, ...]
    spread: int
    spread_limit: Fraction
    spread_exceeds_limit: bool
    disputed_items: tuple[DisputedItem, ...]
    decisions: tuple[CouncilDecision, ...]
    evaluated_items: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()
    """Accepted but worth a look (a ballot mixing cases): never a reason to refuse."""


def evaluated_items(sheet: Sheet, decisions: Iterable[CouncilDecision] = ()) -> tuple[Criterion, ...]:
    """The items members must answer: all of them, or up to a recorded stop (STOP_ENDS_EVALUATION)."""
    stops = [d.item_id for d in decisions if d.kind is DecisionKind.STOP and d.item_id is not None]
    if not stops:
        return sheet.items
    order = {c.id: i for i, c in enumerate(sheet.items)}
    for i, item in enumerate(sheet.items):
        if item.parent_id is not None:
            order[item.parent_id] = i  # a stop on a parent criterion ends after its last sub-criterion
    positions = [order[s] for s in stops if s in order]
    last = min(positions) if positions else len(sheet.items) - 1
    return sheet.items[: last + 1]


def check_decisions(sheet: Sheet, decisions: Sequence[CouncilDecision]) -> list[Problem]:
    """A decision must name a rule the sheet has: elimination / stop on an item carrying that rule."""
    problems: list[Problem] = []
    for number, decision in enumerate(decisions, start=1):
        loc = (("decision", str(number)),)
        if not decision.reason.strip():
            problems.append(Problem("decision.no_reason", {}, loc))
        if decision.kind is DecisionKind.DOSSIER_REJECTED:
            continue
        if decision.item_id is None:
            problems.append(Problem("decision.no_item", {"kind": decision.kind.value}, loc))
            continue
        crit = sheet.criterion(decision.item_id)
        if crit is None:
            problems.append(Problem("decision.unknown_item", {"item": decision.item_id}, loc))
            continue
        has_rule = _has_rule(crit, sheet, decision.kind)
        if not has_rule:
            problems.append(Problem("decision.item_has_no_rule", {"item": crit.id, "kind": decision.kind.value}, loc))
    return problems


def _has_rule(crit: Criterion, sheet: Sheet, kind: DecisionKind) -> bool:
    candidates = [crit, *crit.sub_criteria]
    if crit.parent_id is not None:
        parent = sheet.criterion(crit.parent_id)
        if parent is not None:
            candidates.append(parent)
    if kind is DecisionKind.ELIMINATION:
        return any(c.elimination_rule for c in candidates)
    return any(c.stop_rule for c in candidates)


def check_ballot(sheet: Sheet, ballot: MemberBallot, required: Sequence[Criterion] | None = None) -> list[Problem]:
    """Every problem of one member's ballot: unknown, missing or out-of-range choices (warnings: `ballot_warnings`)."""
    required = sheet.items if required is None else required
    if _plainly_valid(sheet, ballot.choices, required):
        return []
    loc_member = ("member", ballot.member)
    problems: list[Problem] = []
    for item_id, number in ballot.choices.items():
        loc = (loc_member, ("item", item_id))
        item = sheet.item(item_id)
        if item is None:
            parent = sheet.criterion(item_id)
            if parent is not None and parent.sub_criteria:
                subs = ", ".join(s.id for s in parent.sub_criteria)
                problems.append(Problem("ballot.scored_via_sub_criteria", {"item": item_id, "subs": subs}, loc))
            else:
                problems.append(Problem("ballot.unknown_item", {"item": item_id, "sheet": sheet.sheet_id}, loc))
            continue
        if number == NOT_APPLICABLE and item.applicable_if is not None:
            continue
        if item.option(number) is None:
            problems.append(
                Problem(
                    "ballot.option_out_of_range",
                    {
                        "item": item_id,
                        "option": number,
                        "count": len(item.options),
                        "conditional": item.applicable_if is not None,
                    },
                    loc,
                )
            )
    missing = tuple(item.id for item in required if item.id not in ballot.choices)
    if len(missing) == 1:
        problems.append(Problem("ballot.missing_item", {"item": missing[0]}, (loc_member, ("item", missing[0]))))
    elif missing:
        problems.append(
            Problem("ballot.missing_items", {"items": ", ".join(missing), "count": len(missing)}, (loc_member,))
        )
    return problems


def _plainly_valid(sheet: Sheet, choices: Mapping[str, int], required: Sequence[Criterion]) -> bool:
    """The common ballot, recognised with set operations instead of item by item: every choice is an option of a
    scorable item (or "không áp dụng" on a conditional one), every required item is answered, and the sheet has
    no alternative cases. Anything else goes through the detailed checks, which name each problem."""
    if sheet.has_cases or not choices.items() <= sheet.choice_points.keys():
        return False
    if required is sheet.items:
        return choices.keys() >= sheet.item_ids
    return all(item.id in choices for item in required)


def chosen_cases(sheet: Sheet, choices: Mapping[str, int]) -> dict[str, str]:
    """The case ("Trường hợp N") each answered criterion with alternative cases was scored under, in sheet order."""
    cases: dict[str, str] = {}
    for item in sheet.items:
        number = choices.get(item.id)
        option = item.option(number) if number is not None else None
        if option is not None and option.case is not None:
            cases[item.id] = option.case
    return cases


def ballot_warnings(sheet: Sheet, ballot: MemberBallot) -> list[Problem]:
    """What to tell the member without refusing: different cases on different criteria (CASE_PER_CRITERION)."""
    by_case: dict[str, list[str]] = {}
    for item_id, case in chosen_cases(sheet, ballot.choices).items():
        by_case.setdefault(case, []).append(item_id)
    if len(by_case) < 2:
        return []
    detail = "; ".join(f"{case}: {', '.join(ids)}" for case, ids in sorted(by_case.items()))
    return [Problem("ballot.mixed_cases", {"detail": detail}, (("member", ballot.member),), Severity.WARNING)]


def member_score(sheet: Sheet, ballot: MemberBallot, items: Sequence[Criterion]) -> MemberScore:
    """One member's points per item and per part (a not-applicable item counts 0: NOT_APPLICABLE_IS_ZERO, as
    any number that is no option of the item); points are looked up in the sheet's table of choices."""
    if ballot.excluded:
        return MemberScore(ballot.member, True, None, {}, {})
    ids = [item.id for item in items]
    values = list(map(sheet.choice_points.get, zip(ids, map(ballot.choices.__getitem__, ids), strict=True), repeat(0)))
    points = dict(zip(ids, values, strict=True))
    if items is sheet.items:  # the whole sheet (no stop recorded): each part summed in one pass
        parts = {part: sum(compress(values, mask)) for part, mask in sheet.part_masks}
    else:
        parts = {p.id: 0 for p in sheet.parts}
        for item, value in zip(items, values, strict=True):
            parts[item.part_id] += value
    return MemberScore(ballot.member, False, sum(values), parts, points)


def minimums_unmet(
    items: Iterable[Criterion], item_averages: Mapping[str, Fraction], stars: int
) -> tuple[UnmetMinimum, ...]:
    """Items whose average points fall below the minimum required for `stars` (MINIMUMS_ON_ITEM_AVERAGE)."""
    unmet = []
    for item in items:
        required = item.min_points_by_star.get(stars)
        if required is not None and item_averages[item.id] < required:
            unmet.append(UnmetMinimum(item.id, required, item_averages[item.id], stars))
    return tuple(unmet)


def star_minimums_checked(sheet: Sheet) -> bool:
    """Whether any item of the sheet carries a star minimum, so that a minimum can hold a product below its band
    star. QĐ 1048's sheets carry none: the minimum requirements QĐ 781/QĐ-TTg (2020) added to them are not in the
    data (no text of its annex was found), so a 1048 result is by points alone and the screens say so."""
    return any(item.min_points_by_star for item in sheet.items)


def score_product(
    sheet: Sheet,
    version: RuleVersion,
    ballots: Sequence[MemberBallot],
    *,
    decisions: Sequence[CouncilDecision] = (),
    spread_limit: Fraction = DEFAULT_SPREAD_LIMIT,
) -> ProductResult:
    """Compute one product's result from the members' ballots.

    Raises `ValidationFailed` with every problem (each naming the member and item) when a ballot or decision
    is wrong, or when no member scores. Recused or absent members' ballots are not checked and do not count.
    """
    decisions = tuple(decisions)
    items = evaluated_items(sheet, decisions)
    problems = check_decisions(sheet, decisions)
    for ballot in ballots:
        if not ballot.excluded:
            problems.extend(check_ballot(sheet, ballot, items))
    scoring = [b for b in ballots if not b.excluded]
    warnings = tuple(w for b in scoring for w in ballot_warnings(sheet, b))
    if not scoring:
        problems.append(Problem("result.no_scoring_member", {}))
    if problems:
        raise ValidationFailed(problems)

    members = tuple(member_score(sheet, b, items) for b in ballots)
    counted = [m for m in members if not m.excluded]
    n = len(counted)
    totals = [m.total or 0 for m in counted]
    average_total = Fraction(sum(totals), n)
    part_averages = {p.id: Fraction(sum(m.part_totals[p.id] for m in counted), n) for p in sheet.parts}
    item_sums = map(
        sum, zip(*(m.points.values() for m in counted), strict=True)
    )  # points are kept in the order of `items`
    item_averages = {i.id: Fraction(total, n) for i, total in zip(items, item_sums, strict=True)}

    band = version.band_star(average_total)
    status = _status(decisions)
    lowest_certifiable = min(version.certifiable_stars)
    stars: int | None = None
    if status is ResultStatus.RATED:
        stars = min(band, lowest_certifiable - 1)
        for level in range(band, lowest_certifiable - 1, -1):
            if not minimums_unmet(items, item_averages, level):
                stars = level
                break
    certifiable = stars is not None and stars in version.certifiable_stars
    top_star = max(b.stars for b in version.star_bands)
    spread = max(totals) - min(totals)
    exceeds = spread > spread_limit
    return ProductResult(
        sheet_id=sheet.sheet_id,
        version_id=version.id,
        status=status,
        members=members,
        scoring_count=n,
        average_total=average_total,
        part_averages=part_averages,
        item_averages=item_averages,
        band_stars=band,
        stars=stars,
        certifiable=certifiable,
        refer_to_central=certifiable and stars == top_star,
        unmet_minimums=minimums_unmet(items, item_averages, band),
        spread=spread,
        spread_limit=spread_limit,
        spread_exceeds_limit=exceeds,
        disputed_items=_disputed(items, counted) if exceeds else (),
        decisions=decisions,
        evaluated_items=tuple(i.id for i in items),
        warnings=warnings,
    )


def _status(decisions: Sequence[CouncilDecision]) -> ResultStatus:
    kinds = {d.kind for d in decisions}
    if DecisionKind.DOSSIER_REJECTED in kinds:
        return ResultStatus.DOSSIER_REJECTED
    if DecisionKind.ELIMINATION in kinds:
        return ResultStatus.ELIMINATED
    if DecisionKind.STOP in kinds:
        return ResultStatus.STOPPED
    return ResultStatus.RATED


def disputed_members(result: ProductResult) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each disputed item, the counted members who gave its lowest and its highest points (in council order):
    whom the council asks to explain a spread over the limit."""
    counted = [m for m in result.members if not m.excluded]
    return {
        d.item_id: (
            tuple(m.member for m in counted if m.points[d.item_id] == d.lowest),
            tuple(m.member for m in counted if m.points[d.item_id] == d.highest),
        )
        for d in result.disputed_items
    }


def _disputed(items: Sequence[Criterion], counted: Sequence[MemberScore]) -> tuple[DisputedItem, ...]:
    """Items on which members disagree, the widest disagreement first (sheet order breaks ties)."""
    disputed = []
    columns = zip(*(m.points.values() for m in counted), strict=True)  # points are kept in the order of `items`
    for item, values in zip(items, columns, strict=True):
        low, high = min(values), max(values)
        if high > low:
            disputed.append(DisputedItem(item.id, high - low, low, high))
    order = {item.id: i for i, item in enumerate(items)}
    disputed.sort(key=lambda d: (-d.spread, order[d.item_id]))
    return tuple(disputed)
