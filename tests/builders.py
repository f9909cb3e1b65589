"""Small sheets and ballots for tests, written so an OCOP expert can read them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ocop_desktop.persistence import keys
from ocop_desktop.scoring.catalogue import Sheet, parse_sheet
from ocop_desktop.scoring.engine import MemberBallot

TEST_PASSPHRASE = "cum mat khau thu nghiem"


def council_key(folder: Path) -> keys.InstallationKey:
    """Another installation's key (a forger's, a second council's): made in `folder` the first time, then unlocked."""
    if keys.stored_key(folder) is None:
        return keys.create_key(TEST_PASSPHRASE, folder)
    return keys.unlock_key(TEST_PASSPHRASE, folder)


def option(points: int, star: int | None = None, case: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"points": points, "condition": f"{points} điểm"}
    if star is not None:
        data["star_minimum"] = star
    if case is not None:
        data["case"] = case
    return data


def criterion(crit_id: str, *options: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": crit_id,
        "text": f"Tiêu chí {crit_id}",
        "max": max(o["points"] for o in options),
        "options": list(options),
        **extra,
    }


def make_sheet_data(parts: Mapping[str, Sequence[dict[str, Any]]], sheet_id: str = "TEST-01") -> dict[str, Any]:
    """One group per part holding the given criteria; maxima are computed so the arithmetic is right."""
    out_parts = []
    for index, (part_id, criteria) in enumerate(parts.items(), start=1):
        total = sum(c["max"] for c in criteria)
        out_parts.append(
            {
                "id": part_id,
                "title": f"Phần {part_id}",
                "max": total,
                "groups": [{"id": str(index), "title": f"Nhóm {index}", "max": total, "criteria": list(criteria)}],
            }
        )
    return {"sheet_id": sheet_id, "title": "Phiếu thử", "nganh": "Thực phẩm", "nhom": "Thử", "parts": out_parts}


def make_sheet(parts: Mapping[str, Sequence[dict[str, Any]]], sheet_id: str = "TEST-01") -> Sheet:
    sheet, problems = parse_sheet(make_sheet_data(parts, sheet_id))
    assert not problems, problems
    assert sheet is not None
    return sheet


def ballot(member: str, excluded: bool = False, **choices: int) -> MemberBallot:
    """ballot("An", c1_1=2) chooses option 2 of item "1.1" (underscores stand for dots)."""
    return MemberBallot(member, {k.removeprefix("c").replace("_", "."): v for k, v in choices.items()}, excluded)


def best_choices(sheet: Sheet) -> dict[str, int]:
    """The option with the most points on every item (the first of equals)."""
    return {i.id: max(i.options, key=lambda o: (o.points, -o.number)).number for i in sheet.items}


def lowest_choices(sheet: Sheet) -> dict[str, int]:
    return {i.id: min(i.options, key=lambda o: (o.points, o.number)).number for i in sheet.items}
