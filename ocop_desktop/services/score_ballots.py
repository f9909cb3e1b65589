"""Score one product from a ballots document (the `ocop-desktop score` file) through the scoring core.

The document is untrusted input: every field is checked, every problem is reported at once with the member
and item it concerns, and nothing is computed from a document with problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, cast

from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.numbers import format_points
from ocop_desktop.domain.text import nfc
from ocop_desktop.scoring.authority import LEVEL_RANK, AboveAuthority, RecognitionNow, recognition_now
from ocop_desktop.scoring.engine import (
    DEFAULT_SPREAD_LIMIT,
    CouncilDecision,
    DecisionKind,
    MemberBallot,
    ProductResult,
    UnmetMinimum,
    score_product,
)
from ocop_desktop.scoring.improvement import Improvement, improvement_for
from ocop_desktop.scoring.versions import RecognitionPeriod, RuleVersion
from ocop_desktop.services.criteria_catalogue import load_sheet, rule_version


def _text_field(doc: Mapping[str, Any], key: str, problems: list[Problem]) -> str | None:
    value = doc.get(key)
    if value is None:
        problems.append(Problem("input.missing_field", {"field": key}))
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem("input.bad_field", {"field": key, "detail": repr(value)}))
        return None
    return nfc(value.strip())


def _spread_limit(doc: Mapping[str, Any], problems: list[Problem]) -> Fraction:
    value = doc.get("spread_limit")
    if value is None:
        return DEFAULT_SPREAD_LIMIT
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        limit = Fraction(str(value).replace(",", ".")) if isinstance(value, (int, float, str)) else None
    except (ValueError, ZeroDivisionError):
        limit = None
    if limit is None or limit < 0:
        problems.append(Problem("input.bad_spread_limit", {"value": value}))
        return DEFAULT_SPREAD_LIMIT
    return limit


def _choice(doc: Mapping[str, Any], key: str, allowed: Sequence[str], default: str, problems: list[Problem]) -> str:
    value = doc.get(key, default)
    if not isinstance(value, str) or value not in allowed:
        problems.append(Problem("input.bad_field", {"field": key, "detail": f"{value!r} ∉ {', '.join(allowed)}"}))
        return default
    return value


def _decision_date(doc: Mapping[str, Any], problems: list[Problem]) -> dt.date | None:
    value = doc.get("decision_date")
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    problems.append(Problem("input.bad_field", {"field": "decision_date", "detail": repr(value)}))
    return None


def _period(version: RuleVersion, day: dt.date | None, problems: list[Problem]) -> RecognitionPeriod | None:
    """Who recognises which stars: the version's only period, or the one of `decision_date` when it has several
    (QĐ 148: district 3★ until 05/7/2025, then the province)."""
    if day is None:
        if len(version.recognition) == 1:
            return version.recognition[0]
        problems.append(Problem("input.missing_field", {"field": "decision_date"}))
        return None
    period = version.recognition_on(day)
    if period is None:
        problems.append(Problem("input.bad_field", {"field": "decision_date", "detail": day.isoformat()}))
    return period


def _flag(raw: Mapping[str, Any], key: str, loc: tuple[tuple[str, str], ...], problems: list[Problem]) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        problems.append(Problem("input.bad_field", {"field": key, "detail": repr(value)}, loc))
        return False
    return value


def _ballots(doc: Mapping[str, Any], problems: list[Problem]) -> tuple[list[MemberBallot], set[tuple[str, str]]]:
    """Members as ballots; also the (member, item) pairs whose value was unusable, already reported."""
    raw_members = doc.get("members")
    if not isinstance(raw_members, list):
        problems.append(
            Problem(
                "input.missing_field" if raw_members is None else "input.bad_field",
                {"field": "members", "detail": "list"},
            )
        )
        return [], set()
    ballots: list[MemberBallot] = []
    reported: set[tuple[str, str]] = set()
    names: set[str] = set()
    for number, raw in enumerate(raw_members, start=1):
        if not isinstance(raw, Mapping):
            problems.append(Problem("ballot.bad_member", {"detail": f"#{number}"}, (("member", f"#{number}"),)))
            continue
        name_value = raw.get("name")
        name = nfc(name_value.strip()) if isinstance(name_value, str) and name_value.strip() else f"#{number}"
        loc = (("member", name),)
        if name == f"#{number}":
            problems.append(Problem("input.missing_field", {"field": "name"}, loc))
        elif name in names:
            problems.append(Problem("ballot.duplicate_member", {}, loc))
        names.add(name)
        excluded = _flag(raw, "recused", loc, problems) | _flag(raw, "absent", loc, problems)
        raw_choices = raw.get("choices", {})
        if not isinstance(raw_choices, Mapping):
            problems.append(Problem("input.bad_field", {"field": "choices", "detail": "{…}"}, loc))
            raw_choices = {}
        choices: dict[str, int] = {}
        for key, value in raw_choices.items():
            item_id = nfc(str(key).strip())
            if isinstance(value, bool) or not isinstance(value, int):
                if not excluded:
                    problems.append(
                        Problem(
                            "ballot.bad_option_number",
                            {"item": item_id, "value": repr(value)},
                            (*loc, ("item", item_id)),
                        )
                    )
                reported.add((name, item_id))
                continue
            choices[item_id] = value
        ballots.append(MemberBallot(name, choices, excluded))
    return ballots, reported


def _decisions(doc: Mapping[str, Any], problems: list[Problem]) -> list[CouncilDecision]:
    raw_list = doc.get("decisions", [])
    if not isinstance(raw_list, list):
        problems.append(Problem("input.bad_field", {"field": "decisions", "detail": "list"}))
        return []
    decisions = []
    for number, raw in enumerate(raw_list, start=1):
        loc = (("decision", str(number)),)
        if not isinstance(raw, Mapping):
            problems.append(Problem("input.bad_field", {"field": "decisions", "detail": repr(raw)}, loc))
            continue
        try:
            kind = DecisionKind(cast(str, raw.get("kind")))  # unchecked: anything else raises ValueError, below
        except ValueError:
            problems.append(Problem("decision.bad_kind", {"kind": raw.get("kind")}, loc))
            continue
        item = raw.get("item")
        reason = raw.get("reason")
        decisions.append(
            CouncilDecision(
                kind, nfc(reason) if isinstance(reason, str) else "", nfc(str(item)) if item is not None else None
            )
        )
    return decisions


def score_document(doc: object) -> dict[str, Any]:
    """Check a ballots document and return the product's result as JSON-ready data.

    Raises `NotFound` for an unknown version or sheet and `ValidationFailed` with every other problem.
    """
    if not isinstance(doc, Mapping):
        raise ValidationFailed([Problem("input.bad_field", {"field": "(document)", "detail": "{…}"})])
    problems: list[Problem] = []
    version_id = _text_field(doc, "criteria_version", problems)
    sheet_id = _text_field(doc, "sheet", problems)
    limit = _spread_limit(doc, problems)
    ballots, reported = _ballots(doc, problems)
    decisions = _decisions(doc, problems)
    policy = AboveAuthority(_choice(doc, "above_authority", tuple(AboveAuthority), "refer_and_wait", problems))
    level = _choice(doc, "council_level", tuple(LEVEL_RANK), "province", problems)
    day = _decision_date(doc, problems)
    if version_id is None or sheet_id is None:
        raise ValidationFailed(problems)
    version = rule_version(version_id)
    sheet = load_sheet(version_id, sheet_id)
    period = _period(version, day, problems)
    try:
        result = score_product(sheet, version, ballots, decisions=decisions, spread_limit=limit)
    except ValidationFailed as exc:
        problems.extend(_without_reported(exc.problems, reported))
    if problems:
        raise ValidationFailed(problems)
    now = recognition_now(result.stars, result.certifiable, period.levels if period else {}, level, policy)
    return result_to_json(result, improvement_for(sheet, version, result)) | authority_json(policy, now, result)


def authority_json(policy: AboveAuthority, now: RecognitionNow, result: ProductResult) -> dict[str, Any]:
    """What `score` adds to the result: the council's decision above its authority and the warnings told."""
    return {
        "above_authority": policy.value,
        "recognised_stars": now.recognised_stars,
        "referred_to": now.referred_to,
        "warnings": [
            {"code": w.code, "member": dict(w.location).get("member"), **{k: str(v) for k, v in w.params.items()}}
            for w in result.warnings
        ],
    }


def _without_reported(problems: Sequence[Problem], reported: set[tuple[str, str]]) -> list[Problem]:
    """Drop "missing" for choices already reported as unusable values, so each mistake is told once."""
    kept = []
    for problem in problems:
        member = next((value for kind, value in problem.location if kind == "member"), None)
        if problem.code == "ballot.missing_item" and (member, problem.params.get("item")) in reported:
            continue
        if problem.code == "ballot.missing_items":
            ids = [i for i in str(problem.params["items"]).split(", ") if (member, i) not in reported]
            if not ids:
                continue
            kept.append(Problem(problem.code, {"items": ", ".join(ids), "count": len(ids)}, problem.location))
            continue
        kept.append(problem)
    return kept


def _unmet_json(unmet: tuple[UnmetMinimum, ...]) -> list[dict[str, Any]]:
    return [
        {
            "item": u.item_id,
            "required": format_points(u.required),
            "average": format_points(u.average),
            "for_stars": u.for_stars,
        }
        for u in unmet
    ]


def result_to_json(result: ProductResult, improvement: Improvement | None) -> dict[str, Any]:
    """The result as the command line prints it: figures as strings with 2 decimals, stars as integers."""
    return {
        "sheet": result.sheet_id,
        "criteria_version": result.version_id,
        "member_totals": [None if m.total is None else format_points(m.total) for m in result.members],
        "part_averages": {k: format_points(v) for k, v in result.part_averages.items()},
        "average_total": format_points(result.average_total),
        "band_stars": result.band_stars,
        "stars": result.stars,
        "certifiable": result.certifiable,
        "unmet_minimums": _unmet_json(result.unmet_minimums),
        "spread": format_points(result.spread),
        "spread_exceeds_limit": result.spread_exceeds_limit,
        "disputed_items": [
            {
                "item": d.item_id,
                "spread": format_points(d.spread),
                "lowest": format_points(d.lowest),
                "highest": format_points(d.highest),
            }
            for d in result.disputed_items
        ],
        "status": result.status.value,
        "refer_to_central": result.refer_to_central,
        "decisions": [{"kind": d.kind.value, "item": d.item_id, "reason": d.reason} for d in result.decisions],
        "improvement": None
        if improvement is None
        else {
            "next_stars": improvement.next_stars,
            "points_needed": format_points(improvement.points_needed),
            "unmet_minimums": _unmet_json(improvement.unmet_minimums),
            "largest_gaps": [
                {
                    "item": g.item_id,
                    "average": format_points(g.average),
                    "max": format_points(g.max),
                    "gap": format_points(g.gap),
                }
                for g in improvement.gains[:5]
            ],
        },
    }
