"""Bundled administrative units: counts, codes, NFC text, look-up and accent-insensitive search."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from ocop_desktop.domain.admin_units import (
    Commune,
    LegacyProvince,
    Province,
    find_commune,
    find_district,
    find_legacy_commune,
    find_province,
    load_units_2025,
    load_units_legacy,
    search_communes,
    search_legacy_communes,
    search_provinces,
)

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "admin_units"


@pytest.fixture(scope="module")
def units() -> tuple[Province, ...]:
    return load_units_2025(FOLDER)


@pytest.fixture(scope="module")
def legacy() -> tuple[LegacyProvince, ...]:
    return load_units_legacy(FOLDER)


def _communes(units: tuple[Province, ...]) -> list[Commune]:
    return [c for p in units for c in p.communes]


def _legacy_communes(legacy: tuple[LegacyProvince, ...]) -> list[Commune]:
    return [c for p in legacy for d in p.districts for c in d.communes]


def test_2025_counts(units: tuple[Province, ...]) -> None:
    assert len(units) == 34
    assert len(_communes(units)) == 3321
    assert sum(p.type == "thành phố" for p in units) == 6
    types = [c.type for c in _communes(units)]
    assert (types.count("phường"), types.count("xã"), types.count("đặc khu")) == (687, 2621, 13)


def test_legacy_counts(legacy: tuple[LegacyProvince, ...]) -> None:
    assert len(legacy) == 63
    assert sum(len(p.districts) for p in legacy) == 696
    assert len(_legacy_communes(legacy)) == 10035
    # Island districts have no communes.
    empty = sorted(d.short_name for p in legacy for d in p.districts if not d.communes)
    assert empty == ["Bạch Long Vĩ", "Côn Đảo", "Cồn Cỏ", "Hoàng Sa", "Lý Sơn"]


def test_2025_codes_unique_well_formed_and_sorted(units: tuple[Province, ...]) -> None:
    province_codes = [p.code for p in units]
    commune_codes = [c.code for c in _communes(units)]
    assert all(re.fullmatch(r"\d{2}", code) for code in province_codes)
    assert all(re.fullmatch(r"\d{5}", code) for code in commune_codes)
    assert len(set(province_codes)) == len(province_codes)
    assert len(set(commune_codes)) == len(commune_codes)
    assert province_codes == sorted(province_codes)
    assert all([c.code for c in p.communes] == sorted(c.code for c in p.communes) for p in units)


def test_legacy_codes_unique_and_well_formed(legacy: tuple[LegacyProvince, ...]) -> None:
    district_codes = [d.code for p in legacy for d in p.districts]
    commune_codes = [c.code for c in _legacy_communes(legacy)]
    assert all(re.fullmatch(r"\d{2}", p.code) for p in legacy)
    assert all(re.fullmatch(r"\d{3}", code) for code in district_codes)
    assert all(re.fullmatch(r"\d{5}", code) for code in commune_codes)
    assert len({p.code for p in legacy}) == 63
    assert len(set(district_codes)) == len(district_codes)
    assert len(set(commune_codes)) == len(commune_codes)


def test_types_agree_with_names(units: tuple[Province, ...], legacy: tuple[LegacyProvince, ...]) -> None:
    everything = [*units, *_communes(units), *legacy, *(d for p in legacy for d in p.districts)]
    everything += _legacy_communes(legacy)
    for unit in everything:
        assert unit.name.lower().startswith(unit.type + " "), unit
        assert unit.name.endswith(unit.short_name), unit


def test_every_text_is_nfc(units: tuple[Province, ...], legacy: tuple[LegacyProvince, ...]) -> None:
    everything = [*units, *_communes(units), *legacy, *(d for p in legacy for d in p.districts)]
    everything += _legacy_communes(legacy)
    for unit in everything:
        for text in (unit.name, unit.short_name, unit.type):
            assert unicodedata.normalize("NFC", text) == text, unit
            assert text == text.strip() and "  " not in text, unit


def test_known_units(units: tuple[Province, ...], legacy: tuple[LegacyProvince, ...]) -> None:
    hanoi = find_province(units, "01")
    assert hanoi is not None and (hanoi.name, hanoi.short_name, hanoi.type) == (
        "Thành phố Hà Nội",
        "Hà Nội",
        "thành phố",
    )
    hcm = find_province(units, "79")
    assert hcm is not None and hcm.name == "Thành phố Hồ Chí Minh"
    assert find_province(units, "02") is None  # Hà Giang merged into Tuyên Quang
    found = find_commune(units, "00004")
    assert found is not None
    assert (found[0].code, found[1]) == ("01", Commune("00004", "Phường Ba Đình", "Ba Đình", "phường"))
    saigon = find_commune(units, "26740")
    assert saigon is not None and (saigon[0].code, saigon[1].name) == ("79", "Phường Sài Gòn")
    phu_quoc = find_commune(units, "31078")
    assert phu_quoc is not None and (phu_quoc[0].code, phu_quoc[1].type) == ("91", "đặc khu")
    assert find_commune(units, "99999") is None

    ha_giang = find_province(legacy, "02")
    assert ha_giang is not None and ha_giang.name == "Tỉnh Hà Giang"
    district = find_district(legacy, "001")
    assert district is not None and district[1].name == "Quận Ba Đình"
    old = find_legacy_commune(legacy, "26740")
    assert old is not None and (old[0].code, old[1].name, old[2].name) == ("79", "Quận 1", "Phường Bến Nghé")


def test_package_quirks_are_corrected(units: tuple[Province, ...], legacy: tuple[LegacyProvince, ...]) -> None:
    # The package types these four by mistake (as "Xã" / "Phường"); the names are right.
    found = [find_commune(units, code) for code in ("10543", "11848", "31213", "31299")]
    assert [(f[1].name, f[1].type) if f else None for f in found] == [
        ("Phường Việt Hòa", "phường"),
        ("Xã Vĩnh Hòa", "xã"),
        ("Phường Tân Lộc", "phường"),
        ("Xã Phong Điền", "xã"),
    ]
    numbered = find_legacy_commune(legacy, "27046")
    assert numbered is not None and (numbered[2].name, numbered[2].short_name, numbered[2].type) == (
        "Phường 5",
        "Phường 5",
        "phường",
    )
    bac_kan = [d for p in legacy for d in p.districts if d.short_name == "Bắc Kạn"]
    assert [d.name for d in bac_kan] == ["Thành phố Bắc Kạn"]
    ky_anh = sorted(d.name for p in legacy for d in p.districts if d.short_name == "Kỳ Anh")
    assert ky_anh == ["Huyện Kỳ Anh", "Thị xã Kỳ Anh"]


def test_search_is_accent_insensitive(units: tuple[Province, ...]) -> None:
    hcm = find_province(units, "79")
    assert hcm is not None
    assert [p.code for p in search_provinces(units, "dak lak")] == ["66"]
    assert [p.code for p in search_provinces(units, "  ĐẮK   lắk ")] == ["66"]
    assert search_provinces(units, "ho chi minh")[0].code == "79"
    ba_dinh = search_communes(units, "ba dinh")
    assert [(p.code, c.name) for p, c in ba_dinh] == [
        ("01", "Phường Ba Đình"),
        ("38", "Xã Ba Đình"),
        ("51", "Xã Ba Dinh"),
    ]
    assert [c.code for _, c in search_communes(units, "ba dinh", province_code="01")] == ["00004"]
    assert search_communes(units, "phuong ba dinh")[0][1].code == "00004"
    assert search_communes(units, "00004")[0][1].name == "Phường Ba Đình"
    assert search_communes(units, "no such place") == []
    assert len(search_communes(units, "", province_code="79")) == len(hcm.communes)


def test_search_ranks_exact_then_prefix_then_inside(units: tuple[Province, ...]) -> None:
    found = [c for _, c in search_communes(units, "an hoi")]
    assert [c.name for c in found] == [
        "Phường An Hội",  # exact
        "Phường An Hội Đông",  # starts with the text
        "Phường An Hội Tây",
        "Xã Tân An Hội",  # at a later word, by code; "Xã Tân Hội" does not match inside "Tân"
        "Xã Thới An Hội",
    ]
    assert search_communes(units, "sai gon")[0][1].short_name == "Sài Gòn"


def test_legacy_search(legacy: tuple[LegacyProvince, ...]) -> None:
    found = search_legacy_communes(legacy, "ben nghe")
    assert [(p.code, d.code, c.code) for p, d, c in found] == [("79", "760", "26740")]
    in_district = search_legacy_communes(legacy, "phuong", province_code="79", district_code="768")
    assert in_district and {d.name for _, d, _ in in_district} == {"Quận Phú Nhuận"}
    assert [p.code for p in search_provinces(legacy, "ba ria")] == ["77"]


def test_loader_is_cached() -> None:
    assert load_units_2025(FOLDER) is load_units_2025(FOLDER)
    assert load_units_legacy(FOLDER) is load_units_legacy(FOLDER)


def test_files_name_their_source_and_licence() -> None:
    for name in ("units-2025.json", "units-legacy.json"):
        text = (FOLDER / name).read_text(encoding="utf-8")
        document = json.loads(text)
        assert text == json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact
        assert (document["licence"], document["package"]) == ("MIT", "vietnamadminunits 1.0.4")
        assert document["generated_by"] == "tools/extract_admin_units.py"
    licence = (FOLDER / "LICENSE-vietnamadminunits.txt").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Copyright (c) 2025 Tran Ngoc Minh Hieu" in licence
