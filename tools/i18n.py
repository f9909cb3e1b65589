"""Interface translations: collect every `tr("…")` of `ocop_desktop/ui` into `resources/i18n/ocop_en.ts`,
check that the English catalogue is complete, and compile it with `pyside6-lrelease`.

    .venv/bin/python tools/i18n.py update   # add new strings to the .ts (keeps the translations), drop unused
    .venv/bin/python tools/i18n.py check    # exit 1 when a string has no English translation
    .venv/bin/python tools/i18n.py build    # .ts -> .qm (the setup runs this)

`pyside6-lupdate` does not see `tr()` calls inside f-strings, so the strings are collected with Python's own
parser; the catalogue format, `pyside6-lrelease` and `QTranslator` are Qt's.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ocop_desktop" / "ui"
TS = ROOT / "resources" / "i18n" / "ocop_en.ts"
QM = TS.with_suffix(".qm")


def collect() -> dict[str, str]:
    """Source text -> first "file:line" where it is used."""
    found: dict[str, str] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) != 1:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            arg = node.args[0]
            if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def read_ts() -> dict[str, str]:
    if not TS.exists():
        return {}
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            out[source] = translation.text
    return out


def write_ts(strings: dict[str, str], translations: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="vi")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = ""
    for source in sorted(strings):
        message = ET.SubElement(context, "message")
        file_name, line = strings[source].rsplit(":", 1)
        ET.SubElement(message, "location", filename=file_name, line=line)
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )


def missing() -> list[str]:
    translations = read_ts()
    return [s for s in collect() if s not in translations]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        write_ts(collect(), read_ts())
        return 0
    if command == "check":
        gaps = missing()
        for source in gaps:
            print(f"no English for: {source}")
        return 1 if gaps else 0
    if command == "build":
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), str(TS), "-qm", str(QM)], check=True, capture_output=True)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
