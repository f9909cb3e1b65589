"""Development tool: extract Vietnam's administrative units from `vietnamadminunits` into bundled data files.

Run once, from a throwaway virtual environment (the package pulls in shapely, geopy and a geocoder, none of
which the application may depend on):

    python3 -m venv /tmp/au-venv && /tmp/au-venv/bin/pip install vietnamadminunits==1.0.4
    /tmp/au-venv/bin/python tools/extract_admin_units.py

It reads the package's SQLite database (`vietnamadminunits/data/dataset.db`) without importing the package and
writes, under `resources/admin_units/`:

- `units-2025.json`: the 34 provinces and 3,321 communes in force since 01/7/2025 (table `admin_units`, codes
  of QĐ 19/2025/QĐ-TTg);
- `units-legacy.json`: the structure before 01/7/2025, provinces -> districts -> communes (table
  `admin_units_legacy`), for historic addresses;
- `LICENSE-vietnamadminunits.txt`: the package's MIT licence, copied from its dist-info.

The package carries no province type at all, and its `wardType` column disagrees with the unit's own name for a
few units (e.g. "Phường Việt Hòa" typed "Xã"); the name is what the resolutions enact, so every type is derived
from the name's prefix ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", ...) and each disagreement with the
package's column is printed. Type prefixes are written in their usual capitalisation ("Thành Phố Bắc Kạn"
becomes "Thành phố Bắc Kạn"), and the package's disambiguating short names ("Kỳ Anh (Thị xã)") lose the
bracket. Every text is NFC; codes are zero-padded strings; everything is sorted by code, so re-running gives
byte-identical files.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
HOME = "https://github.com/tranngocminhhieu/vietnamadminunits"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "admin_units"

PROVINCE_TYPES = ("Thành phố", "Tỉnh")
DISTRICT_TYPES = ("Thành phố", "Thị xã", "Quận", "Huyện")
COMMUNE_2025_TYPES = ("Phường", "Xã", "Đặc khu")
COMMUNE_LEGACY_TYPES = ("Phường", "Xã", "Thị trấn")
ALL_TYPES = {*PROVINCE_TYPES, *DISTRICT_TYPES, *COMMUNE_2025_TYPES, *COMMUNE_LEGACY_TYPES}
DISAMBIGUATION = re.compile(r"^(?P<short>.+) \((?P<type>[^()]+)\)$")

EXPECTED_2025 = {"provinces": 34, "communes": 3321}
EXPECTED_LEGACY_PROVINCES = 63
KNOWN_PROVINCES = {"01": "Thành phố Hà Nội", "79": "Thành phố Hồ Chí Minh"}
KNOWN_COMMUNES = {"00004": "Phường Ba Đình", "00070": "Phường Hoàn Kiếm", "26740": "Phường Sài Gòn"}

warnings: list[str] = []


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def find_database() -> Path:
    """The package's bundled SQLite file, found without importing the package (its import is heavy)."""
    installed = importlib.metadata.version(PACKAGE)
    if installed != VERSION:
        sys.exit(f"{PACKAGE} {installed} is installed; this script is written for {VERSION}")
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{PACKAGE} is not installed in this interpreter ({sys.executable})")
    folder = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(p for pattern in ("*.db", "*.sqlite", "*.sqlite3") for p in folder.rglob(pattern))
    if len(found) != 1:
        sys.exit(f"expected one SQLite file inside {folder}, found {found}")
    return found[0]


def licence_text() -> str:
    files = importlib.metadata.files(PACKAGE) or []
    licences = [f for f in files if f.name.upper().startswith("LICENSE") and ".dist-info" in str(f)]
    if len(licences) != 1:
        sys.exit(f"expected one LICENSE file in the dist-info, found {licences}")
    return Path(str(licences[0].locate())).read_text(encoding="utf-8")


def split_type(name: str, short: str, allowed: Sequence[str], package_type: str | None, what: str) -> tuple[str, str]:
    """(canonical full name, lower-case type) from the name's prefix; warn when the package's type disagrees."""
    folded = name.casefold()
    for kind in allowed:
        if folded.startswith(kind.casefold() + " "):
            rest = name[len(kind) + 1 :]
            break
    else:
        sys.exit(f"{what} {name!r}: no known type prefix among {allowed}")
    if short not in (rest, name):
        sys.exit(f"{what} {name!r}: short name {short!r} does not match the name")
    if package_type is not None and package_type.casefold() != kind.casefold():
        warnings.append(f"{what} {name!r}: the package's type is {package_type!r}, the name says {kind!r}")
    canonical = f"{kind} {rest}"
    if canonical != name:
        warnings.append(f"{what} {name!r} written {canonical!r}")
    return canonical, kind.lower()


def clean_short(short: str) -> str:
    """Drop the package's disambiguating suffix: "Yên Viên (Thị trấn)" -> "Yên Viên"."""
    match = DISAMBIGUATION.match(short)
    if match and match["type"] in ALL_TYPES:
        return match["short"]
    return short


def unit(
    code: str, digits: int, name: str, short: str, *, allowed: Sequence[str], package_type: str | None, what: str
) -> dict[str, Any]:
    """One unit as written to the file."""
    if not re.fullmatch(rf"\d{{{digits}}}", code):
        sys.exit(f"{what} {name!r}: code {code!r} is not {digits} digits")
    short = clean_short(nfc(short))
    full, kind = split_type(nfc(name), short, allowed, package_type and nfc(package_type), what)
    return {"code": code, "name": full, "short_name": short, "type": kind}


def single(values: Iterable[Any], what: str) -> Any:
    distinct = set(values)
    if len(distinct) != 1:
        sys.exit(f"{what}: inconsistent values {sorted(map(str, distinct))}")
    return distinct.pop()


def rows(db: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    db.row_factory = sqlite3.Row
    return db.execute(sql).fetchall()


def extract_2025(db: sqlite3.Connection) -> list[dict[str, Any]]:
    data = rows(
        db,
        "SELECT provinceCode, province, provinceShort, wardCode, ward, wardShort, wardType FROM admin_units",
    )
    provinces: dict[str, list[sqlite3.Row]] = {}
    for row in data:
        provinces.setdefault(row["provinceCode"], []).append(row)
    result = []
    for code in sorted(provinces):
        members = provinces[code]
        name = single((r["province"] for r in members), f"province {code} name")
        short = single((r["provinceShort"] for r in members), f"province {code} short name")
        # The package has no province type column: the type comes from the name ("Tỉnh ", "Thành phố ").
        province = unit(code, 2, name, short, allowed=PROVINCE_TYPES, package_type=None, what="province")
        communes = [
            unit(
                r["wardCode"],
                5,
                r["ward"],
                r["wardShort"],
                allowed=COMMUNE_2025_TYPES,
                package_type=r["wardType"],
                what="commune",
            )
            for r in members
        ]
        province["communes"] = sorted(communes, key=lambda c: c["code"])
        result.append(province)
    return result


def extract_legacy(db: sqlite3.Connection) -> list[dict[str, Any]]:
    data = rows(
        db,
        "SELECT provinceCode, province, provinceShort, districtCode, district, districtShort, districtType,"
        " wardCode, ward, wardShort, wardType FROM admin_units_legacy",
    )
    tree: dict[str, dict[str, list[sqlite3.Row]]] = {}
    for row in data:
        tree.setdefault(row["provinceCode"], {}).setdefault(row["districtCode"], []).append(row)
    result = []
    for p_code in sorted(tree):
        p_rows = [r for d in tree[p_code].values() for r in d]
        name = single((r["province"] for r in p_rows), f"province {p_code} name")
        short = single((r["provinceShort"] for r in p_rows), f"province {p_code} short name")
        province = unit(p_code, 2, name, short, allowed=PROVINCE_TYPES, package_type=None, what="legacy province")
        districts = []
        for d_code in sorted(tree[p_code]):
            d_rows = tree[p_code][d_code]
            d_name = single((r["district"] for r in d_rows), f"district {d_code} name")
            d_short = single((r["districtShort"] for r in d_rows), f"district {d_code} short name")
            d_type = single((r["districtType"] for r in d_rows), f"district {d_code} type")
            district = unit(
                d_code, 3, d_name, d_short, allowed=DISTRICT_TYPES, package_type=d_type, what="legacy district"
            )
            # Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) have one row
            # with an empty ward.
            communes = [
                unit(
                    r["wardCode"],
                    5,
                    r["ward"],
                    r["wardShort"],
                    allowed=COMMUNE_LEGACY_TYPES,
                    package_type=r["wardType"],
                    what="legacy commune",
                )
                for r in d_rows
                if r["wardCode"] is not None
            ]
            district["communes"] = sorted(communes, key=lambda c: c["code"])
            districts.append(district)
        province["districts"] = districts
        result.append(province)
    return result


def check_unique(codes: list[str], what: str) -> None:
    if len(codes) != len(set(codes)):
        sys.exit(f"duplicate {what} codes")


def check_2025(provinces: list[dict[str, Any]]) -> None:
    communes = [c for p in provinces for c in p["communes"]]
    counts = {"provinces": len(provinces), "communes": len(communes)}
    if counts != EXPECTED_2025:
        sys.exit(f"2025 data has {counts}, expected {EXPECTED_2025}")
    check_unique([p["code"] for p in provinces], "province")
    check_unique([c["code"] for c in communes], "commune")
    by_code = {p["code"]: p["name"] for p in provinces}
    for code, name in KNOWN_PROVINCES.items():
        if by_code.get(code) != name:
            sys.exit(f"province {code} is {by_code.get(code)!r}, expected {name!r}")
    commune_names = {c["code"]: c["name"] for c in communes}
    for code, name in KNOWN_COMMUNES.items():
        if commune_names.get(code) != name:
            sys.exit(f"commune {code} is {commune_names.get(code)!r}, expected {name!r}")


def check_legacy(provinces: list[dict[str, Any]]) -> tuple[int, int, int]:
    districts = [d for p in provinces for d in p["districts"]]
    communes = [c for d in districts for c in d["communes"]]
    if len(provinces) != EXPECTED_LEGACY_PROVINCES:
        sys.exit(f"legacy data has {len(provinces)} provinces, expected {EXPECTED_LEGACY_PROVINCES}")
    check_unique([p["code"] for p in provinces], "legacy province")
    check_unique([d["code"] for d in districts], "legacy district")
    check_unique([c["code"] for c in communes], "legacy commune")
    return len(provinces), len(districts), len(communes)


def write_json(path: Path, source: str, provinces: list[dict[str, Any]]) -> None:
    document = {
        "source": source,
        "licence": "MIT",
        "package": f"{PACKAGE} {VERSION}",
        "generated_by": "tools/extract_admin_units.py",
        "provinces": provinces,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def main() -> int:
    database = find_database()
    with sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True) as db:
        units_2025 = extract_2025(db)
        units_legacy = extract_legacy(db)
    db.close()
    check_2025(units_2025)
    legacy_counts = check_legacy(units_legacy)
    relative = database.relative_to(database.parents[2]).as_posix()
    OUT.mkdir(parents=True, exist_ok=True)
    write_json(
        OUT / "units-2025.json",
        f"{HOME} ({PACKAGE} {VERSION}, {relative}, table admin_units): provinces and communes in force since"
        " 01/7/2025, codes of QĐ 19/2025/QĐ-TTg",
        units_2025,
    )
    write_json(
        OUT / "units-legacy.json",
        f"{HOME} ({PACKAGE} {VERSION}, {relative}, table admin_units_legacy): provinces, districts and communes"
        " before 01/7/2025",
        units_legacy,
    )
    licence = licence_text().rstrip("\n")
    note = (
        f"Data of {PACKAGE} {VERSION}, extracted by tools/extract_admin_units.py"
        " into units-2025.json and units-legacy.json."
    )
    (OUT / "LICENSE-vietnamadminunits.txt").write_text(f"{licence}\n\n{note}\n", encoding="utf-8", newline="\n")
    for line in warnings:
        print(f"note: {line}", file=sys.stderr)
    communes_2025 = sum(len(p["communes"]) for p in units_2025)
    print(f"2025: {len(units_2025)} provinces, {communes_2025} communes")
    print("legacy: {} provinces, {} districts, {} communes".format(*legacy_counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
