"""Vietnam's administrative units, read from the bundled data files in `resources/admin_units/`.

Product owners' addresses name a province and a commune. Since 01/7/2025 there are 34 provinces and 3,321
communes (wards, communes, special zones) with the codes of QĐ 19/2025/QĐ-TTg; older documents use the
previous three-level structure (63 provinces, districts, communes). Both come from `units-2025.json` and
`units-legacy.json`, extracted once by `tools/extract_admin_units.py`; the folder is a parameter so that this
module stays free of knowledge about where resources live.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ocop_desktop.domain.text import fold

FILE_2025 = "units-2025.json"
FILE_LEGACY = "units-legacy.json"


@dataclass(frozen=True)
class Commune:
    """A commune-level unit: `type` is "phường", "xã", "đặc khu" (2025) or "thị trấn" (before 2025)."""

    code: str
    name: str
    short_name: str
    type: str


@dataclass(frozen=True)
class Province:
    """A province-level unit in force since 01/7/2025: `type` is "tỉnh" or "thành phố"."""

    code: str
    name: str
    short_name: str
    type: str
    communes: tuple[Commune, ...]


@dataclass(frozen=True)
class District:
    """A district-level unit before 01/7/2025: "quận", "huyện", "thị xã" or "thành phố"."""

    code: str
    name: str
    short_name: str
    type: str
    communes: tuple[Commune, ...]


@dataclass(frozen=True)
class LegacyProvince:
    """A province-level unit before 01/7/2025, with its districts."""

    code: str
    name: str
    short_name: str
    type: str
    districts: tuple[District, ...]


_Named = TypeVar("_Named", Province, LegacyProvince)


def _text(record: Mapping[str, object], key: str) -> str:
    value = record[key]
    if not isinstance(value, str):
        raise ValueError(f"administrative units: {key!r} is not text in {record!r}")
    return value


def _records(record: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = record[key]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"administrative units: {key!r} is not a list of objects")
    return value


def _communes(record: Mapping[str, object]) -> tuple[Commune, ...]:
    return tuple(
        Commune(_text(c, "code"), _text(c, "name"), _text(c, "short_name"), _text(c, "type"))
        for c in _records(record, "communes")
    )


def _read(path: Path) -> list[Mapping[str, object]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"administrative units: {path} does not hold an object")
    return _records(document, "provinces")


@functools.lru_cache(maxsize=4)
def load_units_2025(folder: Path) -> tuple[Province, ...]:
    """The 34 provinces and their communes in force since 01/7/2025, sorted by code."""
    return tuple(
        Province(_text(p, "code"), _text(p, "name"), _text(p, "short_name"), _text(p, "type"), _communes(p))
        for p in _read(folder / FILE_2025)
    )


@functools.lru_cache(maxsize=4)
def load_units_legacy(folder: Path) -> tuple[LegacyProvince, ...]:
    """The 63 provinces, their districts and communes before 01/7/2025, sorted by code."""
    return tuple(
        LegacyProvince(
            _text(p, "code"),
            _text(p, "name"),
            _text(p, "short_name"),
            _text(p, "type"),
            tuple(
                District(_text(d, "code"), _text(d, "name"), _text(d, "short_name"), _text(d, "type"), _communes(d))
                for d in _records(p, "districts")
            ),
        )
        for p in _read(folder / FILE_LEGACY)
    )


def _query(text: str) -> str:
    """Search key: folded, single spaces."""
    return " ".join(fold(text).split())


_key = functools.lru_cache(maxsize=1 << 15)(_query)  # unit names are keyed once, not on every keystroke


def _rank(query: str, name: str, short_name: str) -> int | None:
    """0 for an exact name, 1 for a name starting with the query, 2 for the query at a later word, None if none."""
    short_key, name_key = _key(short_name), _key(name)
    if query in (short_key, name_key):
        return 0
    if short_key.startswith(query) or name_key.startswith(query):
        return 1
    if f" {query}" in f" {name_key}":
        return 2
    return None


def _search(query_text: str, candidates: Iterable[tuple[str, str, str]]) -> list[int]:
    """Indexes of the matching candidates (code, name, short_name), best matches first, then by code."""
    query = _query(query_text)
    ranked: list[tuple[int, str, int]] = []
    for index, (code, name, short_name) in enumerate(candidates):
        rank = 0 if not query or query == code else _rank(query, name, short_name)
        if rank is not None:
            ranked.append((rank, code, index))
    return [index for _, _, index in sorted(ranked)]


def find_province(units: Sequence[_Named], code: str) -> _Named | None:
    """The province with this code, in 2025 or legacy units."""
    return next((p for p in units if p.code == code), None)


def find_commune(units: Sequence[Province], code: str) -> tuple[Province, Commune] | None:
    """The 2025 commune with this code and its province."""
    for province in units:
        for commune in province.communes:
            if commune.code == code:
                return province, commune
    return None


def search_provinces(units: Sequence[_Named], text: str) -> list[_Named]:
    """Provinces whose name contains `text` from the start of a word, ignoring accents and case ("dak lak" finds
    "Tỉnh Đắk Lắk"); ordered as `search_communes`."""
    order = _search(text, ((p.code, p.name, p.short_name) for p in units))
    return [units[i] for i in order]


def search_communes(
    units: Sequence[Province], text: str, province_code: str | None = None
) -> list[tuple[Province, Commune]]:
    """2025 communes whose name contains `text` from the start of a word, ignoring accents and case, optionally
    within one province.

    Exact names come first, then names starting with `text`, then the rest, each group by code; a blank `text`
    or a commune code matches too.
    """
    pairs = [(p, c) for p in units if province_code in (None, p.code) for c in p.communes]
    order = _search(text, ((c.code, c.name, c.short_name) for _, c in pairs))
    return [pairs[i] for i in order]


def find_district(units: Sequence[LegacyProvince], code: str) -> tuple[LegacyProvince, District] | None:
    """The legacy district with this code and its province."""
    for province in units:
        for district in province.districts:
            if district.code == code:
                return province, district
    return None


def find_legacy_commune(units: Sequence[LegacyProvince], code: str) -> tuple[LegacyProvince, District, Commune] | None:
    """The legacy commune with this code, its district and its province."""
    for province in units:
        for district in province.districts:
            for commune in district.communes:
                if commune.code == code:
                    return province, district, commune
    return None


def search_legacy_communes(
    units: Sequence[LegacyProvince], text: str, province_code: str | None = None, district_code: str | None = None
) -> list[tuple[LegacyProvince, District, Commune]]:
    """Legacy communes matching `text` as in `search_communes`, optionally within a province or district."""
    triples = [
        (p, d, c)
        for p in units
        if province_code in (None, p.code)
        for d in p.districts
        if district_code in (None, d.code)
        for c in d.communes
    ]
    order = _search(text, ((c.code, c.name, c.short_name) for _, _, c in triples))
    return [triples[i] for i in order]
