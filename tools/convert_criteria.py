"""Development tool: turn a criteria catalogue in the shared YAML format into the bundled data files.

    .venv/bin/python tools/convert_criteria.py ../shared/domain/criteria-26-2026.yaml [...]

writes `resources/criteria/<version_id>/index.json` (the set's metadata and its list of sheets) and one
`<sheet_id>.json` per sheet, so that scoring one product reads one small file. The sheets keep the shared
format's keys; derived fields (`derived_min_points_by_star`, `mandatory_from_star`, `scored_via`) are dropped
because the engine derives them from the markers, and a note "Chỉ áp dụng khi …" becomes `applicable_if`.
The app never runs this; a test checks the bundled files equal its output.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "criteria"
DERIVED = {"derived_min_points_by_star", "mandatory_from_star", "scored_via"}
INDEX_KEYS = (
    "catalogue",
    "decision",
    "file_note",
    "source",
    "text_policy",
    "warning",
    "missing",
    "incomplete",
    "parts_max",
)
CONDITION_PREFIX = "Chỉ áp dụng khi"


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _nfc(v) for k, v in value.items()}
    return value


def _clean_criterion(crit: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in crit.items() if k not in DERIVED}
    notes = out.get("notes") or []
    conditions = [n for n in notes if n.startswith(CONDITION_PREFIX)]
    if conditions:
        out["applicable_if"] = conditions[0]
        rest = [n for n in notes if not n.startswith(CONDITION_PREFIX)]
        if rest:
            out["notes"] = rest
        else:
            del out["notes"]
    if "sub_criteria" in out:
        out["sub_criteria"] = [_clean_criterion(s) for s in out["sub_criteria"]]
    return out


def convert_sheet(sheet: dict[str, Any]) -> dict[str, Any]:
    out = dict(sheet)
    out["parts"] = [
        {**part, "groups": [{**g, "criteria": [_clean_criterion(c) for c in g["criteria"]]} for g in part["groups"]]}
        for part in sheet["parts"]
    ]
    return _nfc(out)


def convert(catalogue: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """File name → content for one catalogue."""
    version_id = catalogue["version_id"]
    files: dict[str, dict[str, Any]] = {}
    index: dict[str, Any] = {"format": 1, "version_id": version_id}
    index.update({k: _nfc(catalogue[k]) for k in INDEX_KEYS if k in catalogue})
    index["sheets"] = []
    for sheet in catalogue.get("sheets") or []:
        converted = convert_sheet(sheet)
        name = f"{sheet['sheet_id']}.json"
        files[name] = converted
        index["sheets"].append(
            {
                "sheet_id": converted["sheet_id"],
                "sheet_no": converted.get("sheet_no"),
                "title": converted["title"],
                "nganh": converted["nganh"],
                "nhom": converted["nhom"],
                "phan_nhom": converted.get("phan_nhom"),
                "file": name,
            }
        )
    files["index.json"] = index
    return files


def dump(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    for name in argv:
        catalogue = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        folder = OUT / catalogue["version_id"]
        folder.mkdir(parents=True, exist_ok=True)
        for file_name, content in convert(catalogue).items():
            (folder / file_name).write_text(dump(content), encoding="utf-8")
        print(f"{name} -> {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
