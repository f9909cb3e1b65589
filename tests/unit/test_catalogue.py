"""The bundled catalogues and the validator that guards them."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_desktop.messages import describe
from ocop_desktop.paths import criteria_dir
from ocop_desktop.scoring.catalogue import parse_criteria_set, parse_sheet
from ocop_desktop.services.criteria_catalogue import check_bundled, list_sheets, load_sheet
from tests.builders import criterion, make_sheet_data, option

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import convert_criteria


def test_every_bundled_sheet_validates() -> None:
    assert check_bundled() == []


def test_bundled_versions_and_sheet_counts() -> None:
    assert len(list_sheets("QD26-2026")) == 26
    assert len(list_sheets("QD1048-2019")) == 3
    assert list_sheets("QD148-2023") == []
    assert [s.sheet_id for s in list_sheets("QD26-2026")] == [f"QD26-2026-{n:02d}" for n in range(1, 27)]


@pytest.mark.parametrize("sheet", list_sheets())
def test_parts_sum_to_version_maxima(sheet: Any) -> None:
    loaded = load_sheet(sheet.version_id, sheet.sheet_id)
    expected = {"QD26-2026": {"A": 40, "B": 25, "C": 35}, "QD1048-2019": {"A": 35, "B": 25, "C": 40}}[sheet.version_id]
    assert {p.id: p.max for p in loaded.parts} == expected
    assert sum(i.max for i in loaded.items) == 100


def test_bundled_files_equal_the_shared_catalogue(shared_domain: Path) -> None:
    """The data files are the conversion of the shared YAML, nothing more, nothing less."""
    for name in ("criteria-26-2026.yaml", "criteria-1048-2019.yaml", "criteria-148-2023.yaml"):
        catalogue = yaml.safe_load((shared_domain / name).read_text(encoding="utf-8"))
        folder = criteria_dir() / catalogue["version_id"]
        expected = convert_criteria.convert(catalogue)
        assert sorted(p.name for p in folder.glob("*.json")) == sorted(expected)
        for file_name, content in expected.items():
            assert (folder / file_name).read_text(encoding="utf-8") == convert_criteria.dump(content), file_name


def test_shared_markers_and_counts_survive(shared_domain: Path) -> None:
    """Markers, derived minimums and item counts of the shared file equal what the engine derives."""
    catalogue = yaml.safe_load((shared_domain / "criteria-26-2026.yaml").read_text(encoding="utf-8"))
    criteria_set, problems = parse_criteria_set(catalogue)
    assert problems == []
    assert criteria_set is not None
    for raw, sheet in zip(catalogue["sheets"], criteria_set.sheets, strict=True):
        assert len(sheet.items) == raw["scored_item_count"]
        for part in raw["parts"]:
            for group in part["groups"]:
                for crit in group["criteria"]:
                    for item in crit.get("sub_criteria") or [crit]:
                        derived = item.get("derived_min_points_by_star")
                        if derived and "options" in item:
                            loaded = sheet.item(item["id"])
                            assert loaded is not None
                            assert loaded.min_points_by_star == {int(k): v for k, v in derived.items()}


def test_conditional_item_and_implied_options_are_marked() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    story = sheet.item("5.2")
    bilingual = sheet.item("2.4")
    assert story is not None and story.applicable_if == "Chỉ áp dụng khi có câu chuyện sản phẩm"
    assert bilingual is not None and bilingual.options_implied
    suspect = sheet.item("3.1")
    assert suspect is not None and suspect.options[1].note is not None


def test_elimination_and_stop_rules_are_kept() -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    assert [i.id for i in sheet.items if i.elimination_rule] == ["1.1", "2.1"]
    assert [i.id for i in sheet.items if i.stop_rule] == ["6.1"]
    assert sheet.dossier_rejected_if and sheet.dossier_rejected_if[0].startswith("Hồ sơ bị loại khi")


def _problems(
    data: dict[str, Any], parts_max: dict[str, int] | None = None
) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    _, problems = parse_sheet(data, parts_max=parts_max)
    return [(p.code, p.location) for p in problems]


def _good() -> dict[str, Any]:
    return make_sheet_data(
        {
            "A": [criterion("1.1", option(0), option(1, star=3), option(2, star=4))],
            "B": [criterion("4.1", option(0), option(5))],
        }
    )


def test_a_good_sheet_has_no_problems() -> None:
    assert _problems(_good()) == []


def test_part_not_summing_to_its_maximum_is_located() -> None:
    data = _good()
    data["parts"][0]["max"] = 3
    assert ("catalogue.part_sum", (("sheet", "TEST-01"), ("part", "A"))) in _problems(data)


def test_group_and_criterion_maxima_are_checked() -> None:
    data = _good()
    data["parts"][1]["groups"][0]["max"] = 4
    data["parts"][0]["groups"][0]["criteria"][0]["max"] = 3
    codes = dict(_problems(data))
    assert codes["catalogue.group_sum"] == (("sheet", "TEST-01"), ("part", "B"), ("group", "2"))
    assert codes["catalogue.max_not_best_option"] == (
        ("sheet", "TEST-01"),
        ("part", "A"),
        ("group", "1"),
        ("criterion", "1.1"),
    )


def test_part_maxima_of_the_version_are_enforced() -> None:
    assert ("catalogue.part_max_differs", (("sheet", "TEST-01"), ("part", "A"))) in _problems(
        _good(), {"A": 40, "B": 5}
    )
    assert any(code == "catalogue.missing_part" for code, _ in _problems(_good(), {"A": 2, "B": 5, "C": 35}))


def test_duplicate_ids_and_bad_markers() -> None:
    data = _good()
    data["parts"][1]["groups"][0]["criteria"][0]["id"] = "1.1"
    data["parts"][0]["groups"][0]["criteria"][0]["options"][1]["star_minimum"] = 6
    codes = [c for c, _ in _problems(data)]
    assert "catalogue.duplicate_id" in codes
    assert "catalogue.bad_star_marker" in codes
    option_problem = next(loc for c, loc in _problems(data) if c == "catalogue.bad_star_marker")
    assert option_problem[-1] == ("option", "2")


def test_markers_must_rise_with_stars() -> None:
    data = make_sheet_data({"A": [criterion("1.1", option(0), option(2, star=3), option(1, star=4), option(3))]})
    assert [c for c, _ in _problems(data)] == ["catalogue.star_markers_decrease"]


def test_derived_minimums_must_agree_with_markers() -> None:
    data = _good()
    data["parts"][0]["groups"][0]["criteria"][0]["derived_min_points_by_star"] = {3: 1, 4: 1, 5: 2}
    assert [c for c, _ in _problems(data)] == ["catalogue.derived_minimums_differ"]


def test_sub_criteria_must_sum_to_their_parent() -> None:
    parent = {
        "id": "6.1",
        "text": "Ngoại hình",
        "max": 5,
        "sub_criteria": [criterion("6.1.1", option(0), option(2)), criterion("6.1.2", option(0), option(2))],
    }
    data = make_sheet_data({"C": [parent]})
    data["parts"][0]["max"] = data["parts"][0]["groups"][0]["max"] = 5
    assert [c for c, _ in _problems(data)] == ["catalogue.sub_criteria_sum"]


def test_points_must_be_whole_numbers() -> None:
    data = _good()
    data["parts"][0]["groups"][0]["criteria"][0]["options"][0]["points"] = 0.5
    assert "catalogue.bad_points" in [c for c, _ in _problems(data)]


def test_problem_sentences_read_in_both_languages() -> None:
    data = _good()
    data["parts"][0]["max"] = 3
    _, problems = parse_sheet(data)
    vi = describe(problems[0])
    en = describe(problems[0], "en")
    assert vi.startswith("Phiếu TEST-01, phần A") and "tổng điểm các nhóm là 2" in vi
    assert en.startswith("Sheet TEST-01, part A") and "add up to 2" in en


def test_shared_format_one_sheet_validates_and_broken_one_does_not(shared_domain: Path) -> None:
    catalogue = yaml.safe_load((shared_domain / "criteria-26-2026.yaml").read_text(encoding="utf-8"))
    for index in (0, 6, 25):
        single = dict(catalogue, sheets=[catalogue["sheets"][index]])
        _, problems = parse_criteria_set(json.loads(json.dumps(single)))
        assert problems == []
        broken = copy.deepcopy(single)
        broken["sheets"][0]["parts"][1]["groups"][0]["max"] += 1
        _, problems = parse_criteria_set(broken)
        assert problems


def test_derived_minimums_keyed_by_a_superscript_are_a_problem_not_a_crash() -> None:
    """Issue 14, point 9: `int('²')` raised ValueError out of `criteria validate`."""
    data = _good()
    data["parts"][0]["groups"][0]["criteria"][0]["derived_min_points_by_star"] = {"²": 1, "9" * 5000: 2}
    assert [c for c, _ in _problems(data)] == ["catalogue.derived_minimums_differ"]
