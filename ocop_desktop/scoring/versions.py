"""Rule versions (QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026) as data: dates, part maxima, star bands, who
recognises which stars. A new decree is a new entry in `resources/criteria/versions.json`, not new code."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.errors import NotFound, Problem


@dataclass(frozen=True)
class StarBand:
    """Products whose unrounded average total is at least `min_points` (and below the next band) get `stars`."""

    stars: int
    min_points: Fraction


@dataclass(frozen=True)
class RecognitionPeriod:
    """Which authority level recognises which stars, for decisions taken from `start` to `end` (inclusive)."""

    start: dt.date
    end: dt.date | None
    levels: Mapping[int, str]
    commune_role: str | None = None


@dataclass(frozen=True)
class RuleVersion:
    """One legal basis of OCOP evaluation."""

    id: str
    title: str
    decision_number: str
    decision_date: dt.date
    effective_from: dt.date
    effective_to: dt.date | None
    submissions_from: dt.date
    submissions_to: dt.date | None
    parts_max: Mapping[str, int]
    star_bands: tuple[StarBand, ...]
    certifiable_stars: frozenset[int]
    central_referral_min: Fraction | None
    certificate_validity_months: int
    recognition: tuple[RecognitionPeriod, ...]
    sheets_status: str
    notes: tuple[str, ...] = ()

    @property
    def total_max(self) -> int:
        return sum(self.parts_max.values())

    def band_star(self, average: Fraction) -> int:
        """The band star of an unrounded average: the highest band whose lower bound it reaches.

        Lower bounds are inclusive, upper bounds exclusive (89.5 is 4★, not 5★). QĐ 1048 wrote its bands as
        integer ranges (70–89); they are read the same half-open way (policy `HALF_OPEN_BANDS`).
        """
        for band in self.star_bands:
            if average >= band.min_points:
                return band.stars
        return min(b.stars for b in self.star_bands)

    def band_min(self, stars: int) -> Fraction | None:
        for band in self.star_bands:
            if band.stars == stars:
                return band.min_points
        return None

    def recognition_on(self, day: dt.date) -> RecognitionPeriod | None:
        """Who recognises which stars for a decision taken on `day` under this version."""
        for period in self.recognition:
            if period.start <= day and (period.end is None or day <= period.end):
                return period
        return None

    def accepts_submission(self, day: dt.date) -> bool:
        return self.submissions_from <= day and (self.submissions_to is None or day <= self.submissions_to)


def rule_version_for(submission_date: dt.date, versions: Sequence[RuleVersion]) -> RuleVersion:
    """The rule version a dossier is evaluated under, chosen by its submission date (ngày nộp hồ sơ).

    Follows the transition of QĐ 26/2026 Điều 11–12: submitted before 22/5/2026 → the 2021–2025 rules.
    """
    for version in versions:
        if version.accepts_submission(submission_date):
            return version
    raise NotFound([Problem("version.no_version_for_date", {"date": submission_date.strftime("%d/%m/%Y")})])


def find_version(version_id: str, versions: Sequence[RuleVersion]) -> RuleVersion:
    for version in versions:
        if version.id == version_id:
            return version
    known = ", ".join(v.id for v in versions)
    raise NotFound([Problem("version.unknown", {"version": version_id, "known": known})])


def _date(value: object, field: str, problems: list[Problem], loc: tuple[tuple[str, str], ...]) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(Problem("catalogue.bad_date", {"field": field, "value": value}, loc))
        return None


def parse_versions(data: Mapping[str, Any]) -> tuple[tuple[RuleVersion, ...], list[Problem]]:
    """Read `versions.json`: every version with its bands and recognition periods, checked for consistency."""
    problems: list[Problem] = []
    versions: list[RuleVersion] = []
    for raw in data.get("versions", ()):
        loc = (("version", str(raw.get("id", "?"))),)
        try:
            version = _parse_version(raw, problems, loc)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem("catalogue.bad_version", {"detail": str(exc)}, loc))
            continue
        if version is not None:
            versions.append(version)
    versions.sort(key=lambda v: v.submissions_from)
    for earlier, later in itertools.pairwise(versions):
        if earlier.submissions_to is None or earlier.submissions_to + dt.timedelta(days=1) != later.submissions_from:
            problems.append(Problem("catalogue.versions_not_contiguous", {"a": earlier.id, "b": later.id}))
    return tuple(versions), problems


def _parse_version(
    raw: Mapping[str, Any], problems: list[Problem], loc: tuple[tuple[str, str], ...]
) -> RuleVersion | None:
    bands = parse_star_bands(raw["star_bands"], problems, loc)
    recognition = tuple(
        RecognitionPeriod(
            start=_date(p["from"], "from", problems, loc) or dt.date.min,
            end=_date(p.get("to"), "to", problems, loc),
            levels={int(k): str(v) for k, v in p["levels"].items()},
            commune_role=p.get("commune_role"),
        )
        for p in raw["recognition"]
    )
    decision = raw["decision"]
    dates = {
        k: _date(raw.get(k), k, problems, loc)
        for k in ("effective_from", "effective_to", "submissions_from", "submissions_to")
    }
    decision_date = _date(decision["date"], "decision.date", problems, loc)
    if decision_date is None or dates["effective_from"] is None or dates["submissions_from"] is None:
        problems.append(Problem("catalogue.missing_field", {"field": "date"}, loc))
        return None
    referral = raw.get("central_referral_min")
    return RuleVersion(
        id=str(raw["id"]),
        title=str(raw["title"]),
        decision_number=str(decision["number"]),
        decision_date=decision_date,
        effective_from=dates["effective_from"],
        effective_to=dates["effective_to"],
        submissions_from=dates["submissions_from"],
        submissions_to=dates["submissions_to"],
        parts_max={str(k): int(v) for k, v in raw["parts_max"].items()},
        star_bands=bands,
        certifiable_stars=frozenset(int(s) for s in raw["certifiable_stars"]),
        central_referral_min=Fraction(str(referral)) if referral is not None else None,
        certificate_validity_months=int(raw["certificate_validity_months"]),
        recognition=recognition,
        sheets_status=str(raw["sheets"]),
        notes=tuple(str(n) for n in raw.get("notes", ())),
    )


def parse_star_bands(
    raw_bands: Sequence[Mapping[str, Any]], problems: list[Problem], loc: tuple[tuple[str, str], ...] = ()
) -> tuple[StarBand, ...]:
    """Star bands from data, highest first. Accepts `min` or the shared format's `min_inclusive`; the upper
    bound of a band is the next band's lower bound, so the bands must start at 0 and never repeat a bound."""
    bands: list[StarBand] = []
    for raw in raw_bands:
        low = raw.get("min", raw.get("min_inclusive"))
        stars = raw.get("stars")
        if isinstance(stars, bool) or not isinstance(stars, int) or low is None:
            problems.append(Problem("catalogue.bad_star_band", {"band": dict(raw)}, loc))
            continue
        bands.append(StarBand(stars, Fraction(str(low))))
    bands.sort(key=lambda b: b.min_points, reverse=True)
    mins = [b.min_points for b in bands]
    stars = [b.stars for b in bands]
    if bands and (mins[-1] != 0 or len(set(mins)) != len(mins) or stars != sorted(stars, reverse=True)):
        problems.append(Problem("catalogue.bad_star_bands", {}, loc))
    return tuple(bands)
