"""The bundled criteria catalogues: rule versions, the list of sheets, and one sheet at a time.

Sheets are read lazily (one small JSON file each) so that scoring one product does not build all 26.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_desktop.domain.errors import NotFound, Problem, ValidationFailed
from ocop_desktop.paths import criteria_dir
from ocop_desktop.scoring.catalogue import Sheet, parse_sheet
from ocop_desktop.scoring.versions import RuleVersion, find_version, parse_versions


@dataclass(frozen=True)
class SheetSummary:
    version_id: str
    sheet_id: str
    sheet_no: int | None
    title: str
    group_path: tuple[str, ...]


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.cache
def _versions_data() -> dict[str, Any]:
    data: dict[str, Any] = _read_json(criteria_dir() / "versions.json")
    return data


def raw_version(version_id: str) -> dict[str, Any]:
    """The data of one rule version exactly as bundled (a round stores it to re-render with its own rules)."""
    rule_version(version_id)
    return next(v for v in _versions_data()["versions"] if v["id"] == version_id)


@functools.cache
def rule_versions() -> tuple[RuleVersion, ...]:
    """All rule versions the application knows, oldest first."""
    versions, problems = parse_versions(_versions_data())
    if problems:
        raise ValidationFailed([p.at(("file", "versions.json")) for p in problems])
    return versions


def rule_version(version_id: str) -> RuleVersion:
    return find_version(version_id, rule_versions())


@functools.cache
def _index(version_id: str) -> dict[str, Any]:
    rule_version(version_id)
    path = criteria_dir() / version_id / "index.json"
    if not path.exists():
        return {"version_id": version_id, "sheets": []}
    data: dict[str, Any] = _read_json(path)
    return data


def list_sheets(version_id: str | None = None) -> list[SheetSummary]:
    """The sheets of one version (or of all versions), in the decree's order."""
    ids = [version_id] if version_id else [v.id for v in reversed(rule_versions())]
    out = []
    for vid in ids:
        for entry in _index(vid)["sheets"]:
            path = tuple(x for x in (entry.get("nganh"), entry.get("nhom"), entry.get("phan_nhom")) if x)
            out.append(SheetSummary(vid, entry["sheet_id"], entry.get("sheet_no"), entry["title"], path))
    return out


def version_of_sheet(sheet_id: str) -> str:
    """The version a bundled sheet belongs to, so `criteria show QD26-2026-07` needs no --version."""
    for summary in list_sheets():
        if summary.sheet_id == sheet_id:
            return summary.version_id
    known = ", ".join(v.id for v in rule_versions())
    raise NotFound([Problem("sheet.unknown", {"sheet": sheet_id, "version": known})])


def raw_sheet(version_id: str, sheet_id: str) -> tuple[str, dict[str, Any]]:
    """The file name and data of one bundled sheet. Raises NotFound with a reason a person can act on."""
    rule_version(version_id)
    entries = {e["sheet_id"]: e for e in _index(version_id)["sheets"]}
    if not entries:
        raise NotFound([Problem("version.no_sheets", {"version": version_id})])
    entry = entries.get(sheet_id)
    if entry is None:
        raise NotFound([Problem("sheet.unknown", {"sheet": sheet_id, "version": version_id})])
    data: dict[str, Any] = _read_json(criteria_dir() / version_id / entry["file"])
    return entry["file"], data


@functools.cache
def load_sheet(version_id: str, sheet_id: str) -> Sheet:
    """One bundled sheet, validated. Raises NotFound with a reason a person can act on."""
    version = rule_version(version_id)
    file_name, data = raw_sheet(version_id, sheet_id)
    sheet, problems = parse_sheet(data, parts_max=version.parts_max, origin=(("file", file_name),))
    if problems or sheet is None:
        raise ValidationFailed(problems)
    return sheet


def check_bundled() -> list[Problem]:
    """Validate every bundled sheet of every version (start-up self-check and tests)."""
    problems: list[Problem] = []
    for summary in list_sheets():
        try:
            load_sheet(summary.version_id, summary.sheet_id)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
    return problems
