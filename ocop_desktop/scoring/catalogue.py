"""The criteria catalogue: sheets (phiếu), parts, groups, criteria and options as frozen values.

A sheet is built from plain data in the shape of the shared catalogue format (`docs/criteria-format.md`):
the same parser reads the bundled JSON files and a YAML file a province imports, and refuses a broken one
with every problem and its exact place. Options are numbered 1, 2, 3 ... in the order the decree lists
them; points are not unique within a criterion, so an option is never identified by its points.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Problem
from ocop_desktop.scoring.versions import parse_star_bands

STAR_LEVELS = (3, 4, 5)
"""Star levels that can carry a minimum marker (*** / **** / *****)."""

NOT_APPLICABLE = 0
"""Option number meaning "không áp dụng" on a conditionally applicable item; it scores 0 points."""


@dataclass(frozen=True)
class Option:
    """One choice (phương án) of a scorable item."""

    number: int
    points: int
    condition: str
    star_minimum: int | None = None
    case: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Criterion:
    """A criterion (tiêu chí) or sub-criterion; scorable when it has options and no sub-criteria."""

    id: str
    text: str
    max: int
    part_id: str
    group_id: str
    options: tuple[Option, ...] = ()
    sub_criteria: tuple[Criterion, ...] = ()
    parent_id: str | None = None
    guidance: str | None = None
    notes: tuple[str, ...] = ()
    elimination_rule: bool = False
    stop_rule: bool = False
    stop_rule_note: str | None = None
    applicable_if: str | None = None
    alternative_cases: tuple[str, ...] = ()
    options_implied: bool = False
    source_remarks: tuple[str, ...] = ()

    @property
    def scorable(self) -> bool:
        return not self.sub_criteria

    @functools.cached_property
    def min_points_by_star(self) -> dict[int, int]:
        """Required points at each star level: the highest points among options marked for that level or a
        lower one (requirements accumulate: a 5★ product also meets the 3★ and 4★ minimums)."""
        required: dict[int, int] = {}
        for level in STAR_LEVELS:
            marked = [o.points for o in self.options if o.star_minimum is not None and o.star_minimum <= level]
            if marked:
                required[level] = max(marked)
        return required

    @property
    def mandatory_from_star(self) -> int | None:
        levels = self.min_points_by_star
        return min(levels) if levels else None

    def option(self, number: int) -> Option | None:
        if 1 <= number <= len(self.options):
            return self.options[number - 1]
        return None


@dataclass(frozen=True)
class Group:
    """A criteria group (nhóm tiêu chí, numbered 1, 2, 3 ...) with its maximum."""

    id: str
    title: str
    max: int
    criteria: tuple[Criterion, ...]
    single_criterion: bool = False


@dataclass(frozen=True)
class Part:
    """Phần A / B / C of a sheet."""

    id: str
    title: str
    max: int
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Sheet:
    """One official scoring sheet (bộ tiêu chí kiêm phiếu đánh giá) for one product subgroup."""

    sheet_id: str
    sheet_no: int | None
    title: str
    nganh: str
    nhom: str
    phan_nhom: str | None
    managing_body: str | None
    parts: tuple[Part, ...]
    dossier_rejected_if: tuple[str, ...] = ()
    source_quality: str | None = None
    items: tuple[Criterion, ...] = field(default=(), repr=False)
    _index: Mapping[str, Criterion] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.id: c for c in self.items})

    @property
    def total_max(self) -> int:
        return sum(p.max for p in self.parts)

    @property
    def group_path(self) -> tuple[str, ...]:
        """ngành / nhóm / phân nhóm, as far as the decree names them."""
        return tuple(x for x in (self.nganh, self.nhom, self.phan_nhom) if x)

    @property
    def tourism(self) -> bool:
        """A tourism service (ngành du lịch): the council checks the service on site, and its minutes say so."""
        return "du lịch" in self.nganh.lower()

    def item(self, item_id: str) -> Criterion | None:
        """The scorable item (criterion or sub-criterion) a member chooses an option for."""
        return self._index.get(item_id)

    @functools.cached_property
    def item_ids(self) -> frozenset[str]:
        """Every scorable item's id (to test a whole ballot at once for a missing answer)."""
        return frozenset(self._index)

    @functools.cached_property
    def choice_points(self) -> Mapping[tuple[str, int], int]:
        """(item id, option number) → points for every choice a ballot may hold: each option of each item, and
        "không áp dụng" (0 points) on a conditionally applicable item. A whole ballot is checked against it in one
        set comparison, and its points are looked up without walking the options."""
        table = {(c.id, n): o.points for c in self.items for n, o in enumerate(c.options, start=1)}  # as `option`
        table.update({(c.id, NOT_APPLICABLE): 0 for c in self.items if c.applicable_if is not None})
        return table

    @functools.cached_property
    def part_masks(self) -> tuple[tuple[str, tuple[bool, ...]], ...]:
        """For each part, which of `items` belong to it (a member's part totals are summed in one pass each)."""
        return tuple((p.id, tuple(c.part_id == p.id for c in self.items)) for p in self.parts)

    @functools.cached_property
    def has_cases(self) -> bool:
        """True for a sheet with alternative cases (an option belongs to "Trường hợp N")."""
        return any(o.case is not None for c in self.items for o in c.options)

    def criterion(self, criterion_id: str) -> Criterion | None:
        """Any criterion or sub-criterion by id, scorable or not."""
        for part in self.parts:
            for group in part.groups:
                for crit in group.criteria:
                    if crit.id == criterion_id:
                        return crit
                    for sub in crit.sub_criteria:
                        if sub.id == criterion_id:
                            return sub
        return None


# --- parsing and validation -------------------------------------------------------------------------------------


class _Reader:
    """Collects problems while reading one mapping; every getter returns a safe default on a problem."""

    def __init__(self, problems: list[Problem], location: tuple[tuple[str, str], ...]) -> None:
        self.problems = problems
        self.location = location

    def add(self, code: str, **params: Any) -> None:
        self.problems.append(Problem(code, params, self.location))

    def child(self, kind: str, value: object) -> _Reader:
        return _Reader(self.problems, (*self.location, (kind, str(value))))

    def mapping(self, value: object, what: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.add("catalogue.not_a_mapping", field=what)
        return None

    def text(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add("catalogue.missing_field", field=key)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.add("catalogue.bad_text", field=key)
            return None
        return " ".join(value.split())

    def integer(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> int | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add("catalogue.missing_field", field=key)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.add("catalogue.bad_points", field=key, value=value)
            return None
        return value

    def flag(self, data: Mapping[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.add("catalogue.bad_flag", field=key, value=value)
            return False
        return value

    def items(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> Sequence[Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.add("catalogue.missing_field", field=key)
            return ()
        if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
            self.add("catalogue.not_a_list", field=key)
            return ()
        return value

    def texts(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
            self.add("catalogue.bad_text", field=key)
            return ()
        return tuple(" ".join(v.split()) for v in value)


def _line_of(value: object) -> str | None:
    line = getattr(value, "source_line", None)
    return str(line) if isinstance(line, int) else None


def _locate(reader: _Reader, kind: str, ident: object, raw: object) -> _Reader:
    """A reader one level in; the location keeps only the innermost known line, last."""
    outer = tuple(x for x in reader.location if x[0] != "line")
    line = _line_of(raw) or next((v for k, v in reader.location if k == "line"), None)
    location = (*outer, (kind, str(ident)))
    return _Reader(reader.problems, (*location, ("line", line)) if line is not None else location)


def _parse_options(r: _Reader, raw_options: Sequence[Any]) -> tuple[Option, ...]:
    options: list[Option] = []
    for number, raw in enumerate(raw_options, start=1):
        o = _locate(r, "option", number, raw)
        data = o.mapping(raw, "options")
        if data is None:
            continue
        points = o.integer(data, "points")
        condition = o.text(data, "condition")
        star = data.get("star_minimum")
        if star is not None and (isinstance(star, bool) or star not in STAR_LEVELS):
            o.add("catalogue.bad_star_marker", value=star)
            star = None
        case = o.text(data, "case", required=False)
        note = data.get("source_note") or data.get("source_typo") or data.get("suspect")
        options.append(
            Option(
                number=number,
                points=points if points is not None else 0,
                condition=condition or "",
                star_minimum=star,
                case=case,
                note=" ".join(note.split()) if isinstance(note, str) else None,
            )
        )
    return tuple(options)


def _check_markers(r: _Reader, options: tuple[Option, ...]) -> None:
    """Markers must rise with the star level: a 4★ minimum never asks for fewer points than a 3★ one."""
    by_case: dict[str | None, list[Option]] = {}
    for opt in options:
        if opt.star_minimum is not None:
            by_case.setdefault(opt.case, []).append(opt)
    for marked in by_case.values():
        levels = [o.star_minimum for o in marked]
        if len(set(levels)) != len(levels):
            r.add("catalogue.duplicate_star_marker", stars=levels)
        ordered = sorted(marked, key=lambda o: o.star_minimum or 0)
        for low, high in itertools.pairwise(ordered):
            if high.points < low.points:
                r.add("catalogue.star_markers_decrease", low=low.star_minimum, high=high.star_minimum)


def _check_derived(r: _Reader, data: Mapping[str, Any], crit: Criterion) -> None:
    """The shared format may carry derived minimums; they must agree with the markers."""
    derived = data.get("derived_min_points_by_star")
    if derived is not None:
        stars = isinstance(derived, Mapping) and not any(values.STARS.problems(k, "stars") for k in derived)
        given = {values.parse_int(k, "stars"): v for k, v in derived.items()} if stars else None
        if given != crit.min_points_by_star:
            r.add("catalogue.derived_minimums_differ", given=derived, computed=crit.min_points_by_star)
    mandatory = data.get("mandatory_from_star")
    if mandatory is not None and not crit.sub_criteria and mandatory != crit.mandatory_from_star:
        r.add("catalogue.mandatory_from_star_differs", given=mandatory, computed=crit.mandatory_from_star)


def _parse_criterion(
    r: _Reader, data: Mapping[str, Any], part_id: str, group_id: str, parent_id: str | None
) -> Criterion | None:
    crit_id = r.text(data, "id")
    text = r.text(data, "text")
    maximum = r.integer(data, "max")
    raw_subs = r.items(data, "sub_criteria", required=False)
    raw_options = r.items(data, "options", required=False)
    if parent_id is not None and raw_subs:
        r.add("catalogue.nested_too_deep")
        raw_subs = ()
    subs: list[Criterion] = []
    for raw in raw_subs:
        s_data = r.mapping(raw, "sub_criteria")
        if s_data is None:
            continue
        sub_r = _locate(r, "criterion", s_data.get("id", "?"), raw)
        sub = _parse_criterion(sub_r, s_data, part_id, group_id, crit_id)
        if sub is not None:
            subs.append(sub)
    options = _parse_options(r, raw_options)
    if subs and options:
        r.add("catalogue.options_and_sub_criteria")
    if not subs and not options and not raw_options:
        r.add("catalogue.no_options")
    cases = r.texts(data, "alternative_cases")
    applicable_if = r.text(data, "applicable_if", required=False)
    if crit_id is None or text is None or maximum is None:
        return None
    remarks = tuple(
        " ".join(str(data[k]).split()) for k in ("source_typo", "suspect", "source_note") if data.get(k) is not None
    )
    crit = Criterion(
        id=crit_id,
        text=text,
        max=maximum,
        part_id=part_id,
        group_id=group_id,
        options=options,
        sub_criteria=tuple(subs),
        parent_id=parent_id,
        guidance=r.text(data, "guidance", required=False),
        notes=r.texts(data, "notes"),
        elimination_rule=r.flag(data, "elimination_rule"),
        stop_rule=r.flag(data, "stop_rule"),
        stop_rule_note=r.text(data, "stop_rule_note", required=False),
        applicable_if=applicable_if,
        alternative_cases=cases,
        options_implied=r.flag(data, "options_implied"),
        source_remarks=remarks,
    )
    if subs:
        total = sum(s.max for s in subs)
        if total != maximum:
            r.add("catalogue.sub_criteria_sum", total=total, max=maximum)
    elif options:
        best = max(o.points for o in options)
        if best != maximum:
            r.add("catalogue.max_not_best_option", best=best, max=maximum)
        _check_cases(r, crit)
        _check_markers(r, options)
    _check_derived(r, data, crit)
    return crit


def _check_cases(r: _Reader, crit: Criterion) -> None:
    with_case = [o for o in crit.options if o.case is not None]
    if not with_case:
        if crit.alternative_cases:
            r.add("catalogue.cases_without_options")
        return
    if len(with_case) != len(crit.options):
        r.add("catalogue.case_missing_on_option")
    labels = {o.case for o in with_case}
    if crit.alternative_cases:
        declared = crit.alternative_cases
        for label in sorted(x for x in labels if x is not None):
            if not any(d == label or d.startswith(label + ":") for d in declared):
                r.add("catalogue.unknown_case", case=label)


def parse_sheet(
    raw: object, *, parts_max: Mapping[str, int] | None = None, origin: tuple[tuple[str, str], ...] = ()
) -> tuple[Sheet | None, list[Problem]]:
    """Build a sheet from shared-format data and check its arithmetic.

    Returns the sheet (None if it could not be built) and every problem found, each with its location.
    A sheet with problems must not be used for scoring.
    """
    problems: list[Problem] = []
    top = _Reader(problems, origin)
    data = top.mapping(raw, "sheet")
    if data is None:
        return None, problems
    sheet_id = top.text(data, "sheet_id")
    r = _locate(top, "sheet", sheet_id or "?", raw)
    parts: list[Part] = []
    seen_ids: set[str] = set()
    seen_groups: set[str] = set()
    items: list[Criterion] = []
    for raw_part in r.items(data, "parts"):
        p_data = r.mapping(raw_part, "parts")
        if p_data is None:
            continue
        pr = _locate(r, "part", p_data.get("id", "?"), raw_part)
        part = _parse_part(pr, p_data, seen_ids, seen_groups, items)
        if part is None:
            continue
        if any(p.id == part.id for p in parts):
            pr.add("catalogue.duplicate_id", id=part.id)
        if parts_max is not None:
            expected = parts_max.get(part.id)
            if expected is None:
                pr.add("catalogue.unknown_part", id=part.id, known=", ".join(parts_max))
            elif expected != part.max:
                pr.add("catalogue.part_max_differs", max=part.max, expected=expected)
        parts.append(part)
    if parts_max is not None:
        for part_id in parts_max:
            if not any(p.id == part_id for p in parts):
                r.add("catalogue.missing_part", id=part_id)
    total = sum(p.max for p in parts)
    declared_total = data.get("total_max")
    if declared_total is not None and declared_total != total:
        r.add("catalogue.total_differs", total=total, declared=declared_total)
    declared_count = data.get("scored_item_count")
    if declared_count is not None and declared_count != len(items):
        r.add("catalogue.item_count_differs", count=len(items), declared=declared_count)
    sheet_no = data.get("sheet_no")
    if sheet_no is not None and (isinstance(sheet_no, bool) or not isinstance(sheet_no, int)):
        r.add("catalogue.bad_points", field="sheet_no", value=sheet_no)
        sheet_no = None
    title = r.text(data, "title")
    nganh = r.text(data, "nganh")
    nhom = r.text(data, "nhom")
    if sheet_id is None or title is None or nganh is None or nhom is None or not parts:
        if not parts:
            r.add("catalogue.no_parts")
        return None, problems
    sheet = Sheet(
        sheet_id=sheet_id,
        sheet_no=sheet_no,
        title=title,
        nganh=nganh,
        nhom=nhom,
        phan_nhom=r.text(data, "phan_nhom", required=False),
        managing_body=r.text(data, "co_quan_chu_tri_quan_ly", required=False),
        parts=tuple(parts),
        dossier_rejected_if=r.texts(data, "dossier_rejected_if"),
        source_quality=r.text(data, "source_quality", required=False),
        items=tuple(items),
    )
    return sheet, problems


def _parse_part(
    pr: _Reader,
    p_data: Mapping[str, Any],
    seen_ids: set[str],
    seen_groups: set[str],
    items: list[Criterion],
) -> Part | None:
    part_id = pr.text(p_data, "id")
    part_title = pr.text(p_data, "title")
    part_max = pr.integer(p_data, "max")
    groups: list[Group] = []
    for raw_group in pr.items(p_data, "groups"):
        g_data = pr.mapping(raw_group, "groups")
        if g_data is None:
            continue
        gr = _locate(pr, "group", g_data.get("id", "?"), raw_group)
        group_id = gr.text(g_data, "id")
        if group_id is not None:
            if group_id in seen_groups:
                gr.add("catalogue.duplicate_id", id=group_id)
            seen_groups.add(group_id)
        criteria: list[Criterion] = []
        for raw_crit in gr.items(g_data, "criteria"):
            c_data = gr.mapping(raw_crit, "criteria")
            if c_data is None:
                continue
            cr = _locate(gr, "criterion", c_data.get("id", "?"), raw_crit)
            crit = _parse_criterion(cr, c_data, part_id or "?", group_id or "?", None)
            if crit is None:
                continue
            for c in (crit, *crit.sub_criteria):
                if c.id in seen_ids:
                    cr.add("catalogue.duplicate_id", id=c.id)
                seen_ids.add(c.id)
            criteria.append(crit)
            items.extend(crit.sub_criteria if crit.sub_criteria else (crit,))
        group_max = gr.integer(g_data, "max", required=False)
        crit_total = sum(c.max for c in criteria)
        if group_max is None:
            group_max = crit_total
        elif crit_total != group_max:
            gr.add("catalogue.group_sum", total=crit_total, max=group_max)
        title = gr.text(g_data, "title")
        if group_id is not None and title is not None:
            groups.append(
                Group(
                    group_id,
                    title,
                    group_max,
                    tuple(criteria),
                    single_criterion=gr.flag(g_data, "group_is_single_criterion"),
                )
            )
    if part_max is not None:
        group_total = sum(g.max for g in groups)
        if group_total != part_max:
            pr.add("catalogue.part_sum", total=group_total, max=part_max)
    if part_id is None or part_title is None or part_max is None:
        return None
    return Part(part_id, part_title, part_max, tuple(groups))


@dataclass(frozen=True)
class CriteriaSet:
    """A whole catalogue (bộ tiêu chí) of one decree or provincial variant, in the shared format."""

    version_id: str
    title: str | None
    parts_max: Mapping[str, int]
    sheets: tuple[Sheet, ...]


def parse_criteria_set(
    raw: object, *, origin: tuple[tuple[str, str], ...] = (), known_parts_max: Mapping[str, int] | None = None
) -> tuple[CriteriaSet | None, list[Problem]]:
    """Validate a complete catalogue file: its header, star bands (if given) and every sheet.

    `known_parts_max` is the part maxima of the rule version the file claims, when the application knows it;
    otherwise the file's own `parts_max` is used. Returns every problem found, each with its place.
    """
    problems: list[Problem] = []
    r = _Reader(problems, origin)
    data = r.mapping(raw, "catalogue")
    if data is None:
        return None, problems
    version_id = r.text(data, "version_id")
    raw_parts = data.get("parts_max")
    parts_max: dict[str, int] | None = None
    if isinstance(raw_parts, Mapping) and all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in raw_parts.values()
    ):
        parts_max = {str(k): int(v) for k, v in raw_parts.items()}
    elif raw_parts is not None:
        r.add("catalogue.bad_parts_max")
    if known_parts_max is not None:
        if parts_max is not None and dict(known_parts_max) != parts_max:
            r.add("catalogue.bad_parts_max")
        parts_max = dict(known_parts_max)
    raw_bands = data.get("star_bands")
    if raw_bands is not None:
        if isinstance(raw_bands, Sequence) and all(isinstance(b, Mapping) for b in raw_bands):
            parse_star_bands(raw_bands, problems, origin)
        else:
            r.add("catalogue.not_a_list", field="star_bands")
    sheets: list[Sheet] = []
    raw_sheets = r.items(data, "sheets")
    if not raw_sheets and not data.get("incomplete"):
        r.add("catalogue.no_sheets")
    seen: set[str] = set()
    for raw_sheet in raw_sheets:
        sheet, sheet_problems = parse_sheet(raw_sheet, parts_max=parts_max, origin=origin)
        problems.extend(sheet_problems)
        if sheet is None:
            continue
        if sheet.sheet_id in seen:
            problems.append(
                Problem("catalogue.duplicate_id", {"id": sheet.sheet_id}, (*origin, ("sheet", sheet.sheet_id)))
            )
        seen.add(sheet.sheet_id)
        sheets.append(sheet)
    if version_id is None:
        return None, problems
    title = data.get("catalogue")
    return CriteriaSet(version_id, title if isinstance(title, str) else None, parts_max or {}, tuple(sheets)), problems
