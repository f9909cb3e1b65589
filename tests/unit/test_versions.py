"""Rule versions: which decree a dossier falls under, and who recognises which stars."""

from __future__ import annotations

import datetime as dt

import pytest

from ocop_desktop.domain.errors import NotFound
from ocop_desktop.scoring.versions import parse_versions, rule_version_for
from ocop_desktop.services.criteria_catalogue import rule_version, rule_versions


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (dt.date(2019, 8, 21), "QD1048-2019"),
        (dt.date(2023, 2, 23), "QD1048-2019"),
        (dt.date(2023, 2, 24), "QD148-2023"),
        (dt.date(2025, 7, 6), "QD148-2023"),
        (dt.date(2026, 5, 21), "QD148-2023"),
        (dt.date(2026, 5, 22), "QD26-2026"),
        (dt.date(2030, 1, 1), "QD26-2026"),
    ],
)
def test_rule_version_by_submission_date(day: dt.date, version: str) -> None:
    assert rule_version_for(day, rule_versions()).id == version


def test_no_version_before_1048() -> None:
    with pytest.raises(NotFound) as info:
        rule_version_for(dt.date(2019, 8, 20), rule_versions())
    assert info.value.problems[0].params["date"] == "20/08/2019"


@pytest.mark.parametrize(
    ("version", "day", "levels", "commune"),
    [
        ("QD1048-2019", dt.date(2020, 6, 1), {3: "district", 4: "province", 5: "central"}, None),
        ("QD148-2023", dt.date(2025, 7, 5), {3: "district", 4: "province", 5: "central"}, None),
        ("QD148-2023", dt.date(2025, 7, 6), {3: "province", 4: "province", 5: "central"}, "pre_assessment"),
        ("QD26-2026", dt.date(2026, 6, 1), {3: "province", 4: "province", 5: "central"}, "pre_assessment"),
    ],
)
def test_recognition_levels(version: str, day: dt.date, levels: dict[int, str], commune: str | None) -> None:
    period = rule_version(version).recognition_on(day)
    assert period is not None
    assert dict(period.levels) == levels
    assert period.commune_role == commune


def test_version_metadata() -> None:
    v26, v148, v1048 = rule_version("QD26-2026"), rule_version("QD148-2023"), rule_version("QD1048-2019")
    assert dict(v26.parts_max) == {"A": 40, "B": 25, "C": 35} == dict(v148.parts_max)
    assert dict(v1048.parts_max) == {"A": 35, "B": 25, "C": 40}
    assert v26.decision_number == "26/2026/QĐ-TTg" and v26.decision_date == dt.date(2026, 5, 22)
    assert v26.certifiable_stars == {3, 4, 5}
    assert v26.certificate_validity_months == 36
    assert v148.sheets_status == "none"


def test_versions_file_must_join_without_gaps() -> None:
    import json

    from ocop_desktop.paths import criteria_dir

    data = json.loads((criteria_dir() / "versions.json").read_text(encoding="utf-8"))
    data["versions"][1]["submissions_from"] = "2023-03-01"
    _, problems = parse_versions(data)
    assert [p.code for p in problems] == ["catalogue.versions_not_contiguous"]
