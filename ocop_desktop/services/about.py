"""What Help → About shows: the rule versions and criteria sheets bundled, and the licences of the bundled fonts and
data — read from the resources themselves, so that the dialog always describes what is actually shipped."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_desktop.paths import admin_units_dir, criteria_dir, fonts_dir
from ocop_desktop.services.criteria_catalogue import list_sheets, rule_versions

LICENCE_MARKERS = (
    ("SIL OPEN FONT LICENSE VERSION 1.1", "SIL Open Font License 1.1"),
    ("MIT LICENSE", "MIT"),
)


@dataclass(frozen=True)
class BundledVersion:
    """One rule version with the number of its scoring sheets in the application."""

    id: str
    title: str
    decision_number: str
    decision_date: dt.date
    submissions_from: dt.date
    submissions_to: dt.date | None
    sheets: int
    sheets_status: str  # "complete", "partial" or "none", as versions.json says
    source: str  # where the sheets' text was taken from ("" when there are none)


@dataclass(frozen=True)
class BundledLicence:
    """A licence file shipped in resources/ and what it covers."""

    kind: str  # "font" or "data"
    subject: str  # the first line of the file (the font and its files), or the data package
    licence: str  # the licence's name, "" when the file names none this module knows
    file: str  # the file's name, relative to resources/
    text: str
    source: str = ""  # where the data was taken from, when the data file says so


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _source(version_id: str) -> str:
    index = _read_json(criteria_dir() / version_id / "index.json")
    source = index.get("source")
    if isinstance(source, dict) and source.get("text_used"):
        return str(source["text_used"])
    return str(index.get("warning") or "")


def bundled_versions() -> list[BundledVersion]:
    """Every rule version the application knows, oldest first."""
    return [
        BundledVersion(
            id=version.id,
            title=version.title,
            decision_number=version.decision_number,
            decision_date=version.decision_date,
            submissions_from=version.submissions_from,
            submissions_to=version.submissions_to,
            sheets=len(list_sheets(version.id)),
            sheets_status=version.sheets_status,
            source=_source(version.id),
        )
        for version in rule_versions()
    ]


def licence_name(text: str) -> str:
    upper = text.upper()
    return next((name for marker, name in LICENCE_MARKERS if marker in upper), "")


def bundled_licences() -> list[BundledLicence]:
    """The fonts' licence files, then the administrative units' (with the package named in the data file)."""
    out = []
    resources = fonts_dir().parent
    for path in sorted(fonts_dir().glob("LICENSE-*.txt")):
        text = path.read_text(encoding="utf-8")
        subject = text.strip().splitlines()[0] if text.strip() else path.stem
        out.append(BundledLicence("font", subject, licence_name(text), path.relative_to(resources).as_posix(), text))
    units = _read_json(admin_units_dir() / "units-2025.json")
    for path in sorted(admin_units_dir().glob("LICENSE-*.txt")):
        text = path.read_text(encoding="utf-8")
        subject = str(units.get("package") or path.stem.removeprefix("LICENSE-"))
        licence = str(units.get("licence") or licence_name(text))
        source = str(units.get("source") or "")
        out.append(BundledLicence("data", subject, licence, path.relative_to(resources).as_posix(), text, source))
    return out
