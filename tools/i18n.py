"""Interface translations: collect every `tr("…")` of `ocop_desktop/ui` into `resources/i18n/ocop_en.ts`,
check that the English catalogue is complete, and compile it with `pyside6-lrelease`; and Qt's own words in
Vietnamese (`resources/i18n/qt_vi.ts`: the file dialogs, context menus and standard buttons), since Qt ships none.

    .venv/bin/python tools/i18n.py update     # add new strings to ocop_en.ts (keeps the translations), drop unused
    .venv/bin/python tools/i18n.py qt-update  # the same for qt_vi.ts, from the Qt installed (QT_CONTEXTS)
    .venv/bin/python tools/i18n.py check      # exit 1 when a string has no translation
    .venv/bin/python tools/i18n.py build      # .ts -> .qm, both; the .qm files are committed (a test compares)

`pyside6-lupdate` does not see `tr()` calls inside f-strings, so the strings are collected with Python's own
parser; the catalogue format, `pyside6-lrelease` and `QTranslator` are Qt's. An English translation may give the
word for a count in the singular and the plural, "{count} {count:file|files}": its `tr()` call then passes the
counts (`tr("{count} tệp", count=n)`), which `check` verifies. Qt's strings are read from the catalogue Qt ships
for German (QT_REFERENCE), the most complete one, which holds each string's English source.
"""

from __future__ import annotations

import ast
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ocop_desktop" / "ui"
TS = ROOT / "resources" / "i18n" / "ocop_en.ts"
QM = TS.with_suffix(".qm")
QT_TS = ROOT / "resources" / "i18n" / "qt_vi.ts"
QT_QM = QT_TS.with_suffix(".qm")
QT_REFERENCE = "qtbase_de.qm"
# Qt's words a person meets in this application: the file dialogs (and their file list), message boxes, the
# standard buttons, the context menus of text fields, spin boxes and scroll bars, and the small standard dialogs
QT_CONTEXTS = (
    "QAbstractFileIconProvider",
    "QAbstractSpinBox",
    "QComboBox",
    "QDialog",
    "QDialogButtonBox",
    "QDockWidget",
    "QErrorMessage",
    "QFileDialog",
    "QFileSystemModel",
    "QGnomeTheme",
    "QInputDialog",
    "QLineEdit",
    "QMessageBox",
    "QPlatformTheme",
    "QProgressDialog",
    "QScrollBar",
    "QStandardPaths",
    "QTabBar",
    "QUnicodeControlCharacterMenu",
    "QWhatsThisAction",
    "QWidgetTextControl",
    "QWizard",
)
QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")
PLURAL = re.compile(r"\{\w+:[^{}|]*\|[^{}]*\}")


def collect(uncounted: set[str] | None = None) -> dict[str, str]:
    """Source text -> first "file:line" where it is used; `uncounted` receives the texts called without counts."""
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
                if uncounted is not None and not node.keywords:
                    uncounted.add(arg.value)
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


def uncounted_plurals() -> list[str]:
    """Translations that choose a word by a count with a `tr()` call that passes no counts (str.format would fail
    on them)."""
    uncounted: set[str] = set()
    collect(uncounted)
    return [s for s, text in read_ts().items() if s in uncounted and PLURAL.search(text)]


def read_qm(path: Path) -> list[tuple[str, str, str]]:
    """(context, source, comment) of every message of a compiled catalogue (Qt's .qm format: tagged sections, the
    messages' fields tagged in turn)."""
    data = path.read_bytes()
    if data[:16] != QM_MAGIC:
        raise ValueError(f"{path} is not a Qt catalogue")
    sections, pos = {}, 16
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos + 1 : pos + 5])
        sections[data[pos]] = data[pos + 5 : pos + 5 + size]
        pos += 5 + size
    messages, found, pos = sections.get(0x69, b""), [], 0
    fields: dict[int, bytes] = {}
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == 1:  # end of a message
            text = {k: v.decode("utf-8") for k, v in fields.items() if k in (6, 7, 8)}
            found.append((text.get(7, ""), text.get(6, ""), text.get(8, "")))
            fields = {}
        elif tag == 5:  # obsolete: a 32-bit value
            pos += 4
        else:
            (size,) = struct.unpack(">I", messages[pos : pos + 4])
            size = 0 if size == 0xFFFFFFFF else size
            fields[tag] = messages[pos + 4 : pos + 4 + size]
            pos += 4 + size
    return found


def qt_strings() -> list[tuple[str, str, str]]:
    """Qt's strings of QT_CONTEXTS in the Qt installed, sorted."""
    reference = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / QT_REFERENCE
    return sorted({m for m in read_qm(reference) if m[0] in QT_CONTEXTS and m[1]})


def read_qt_ts() -> dict[tuple[str, str, str], str]:
    if not QT_TS.exists():
        return {}
    out = {}
    for context in ET.parse(QT_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                out[key] = translation.text
    return out


def write_qt_ts(strings: list[tuple[str, str, str]], translations: dict[tuple[str, str, str], str]) -> None:
    root = ET.Element("TS", version="2.1", language="vi", sourcelanguage="en")
    for name in sorted({c for c, _s, _m in strings}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for key in (k for k in strings if k[0] == name):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = key[1]
            if key[2]:
                ET.SubElement(message, "comment").text = key[2]
            translation = ET.SubElement(message, "translation")
            if key in translations:
                translation.text = translations[key]
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    QT_TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )


def qt_missing() -> list[tuple[str, str, str]]:
    translations = read_qt_ts()
    return [key for key in qt_strings() if key not in translations]


def compile_catalogue(ts: Path, qm: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        write_ts(collect(), read_ts())
        return 0
    if command == "qt-update":
        write_qt_ts(qt_strings(), read_qt_ts())
        return 0
    if command == "check":
        gaps = missing()
        for source in gaps:
            print(f"no English for: {source}")
        uncounted = uncounted_plurals()
        for source in uncounted:
            print(f"the English chooses a word by a count, so tr() must pass the counts: {source}")
        qt_gaps = qt_missing()
        for context, source, _comment in qt_gaps:
            print(f"no Vietnamese for Qt's {context}: {source}")
        return 1 if gaps or uncounted or qt_gaps else 0
    if command == "build":
        compile_catalogue(TS, QM)
        compile_catalogue(QT_TS, QT_QM)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
