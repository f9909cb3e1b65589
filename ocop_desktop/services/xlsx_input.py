"""Opening an Excel workbook that came from outside (a commune's dossier list, a member's ballots).

Such a file is untrusted: it is refused whole before any business check when it cannot be read, is larger than
the limit, is not a zip archive, unpacks to far more than it weighs (a zip bomb), or is not an .xlsx openpyxl can
open. Every cell of every sheet is then read once, and every formula is reported with its sheet and cell: a
formula's value is whatever the spreadsheet program last computed, not what the person chose. A part of the archive
that cannot be parsed (an undefined XML entity, a sheet cut off mid-row) is said as "the workbook is damaged: part
P cannot be read", whether openpyxl meets it when opening the file or when reading a sheet.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers.expat import ExpatError, ParserCreate

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.paths import not_a_file

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000

Where = tuple[tuple[str, str], ...]
# what openpyxl raises on a damaged part: ParseError (a SyntaxError) for broken XML, the others for a part missing,
# cut short or of the wrong shape
DAMAGE = (SyntaxError, KeyError, ValueError, TypeError, IndexError, AttributeError, EOFError, zlib.error,
          zipfile.BadZipFile)  # fmt: skip


class WorkbookDamaged(Exception):
    """A part of the workbook could not be parsed while it was read; `open_untrusted` words it."""

    def __init__(self, part: str, cause: BaseException) -> None:
        super().__init__(part)
        self.part = part
        self.cause = cause


def _detail(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:120] if text else type(exc).__name__


def _refuse_doctype(*_args: object) -> None:
    raise ExpatError("a document type declaration (no part of a workbook has one)")


def damaged_part(path: Path) -> str:
    """The first XML part of the archive that does not parse, found when opening failed without saying where. A part
    declaring a document type is that part: an .xlsx never has one, and its entities are how XML bombs explode."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                parser = ParserCreate()
                parser.StartDoctypeDeclHandler = _refuse_doctype
                try:
                    parser.Parse(archive.read(name), True)
                except ExpatError:
                    return name
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as exc:
        return _detail(exc)
    return "?"


def cell_text(value: Any) -> str:
    """A cell's value as NFC text without surrounding blanks ("" for an empty cell; 12.0 reads "12")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def formula_problem(origin: Where, sheet: str, coordinate: str) -> Problem:
    return Problem("excel.formula", {}, (*origin, ("sheet", sheet), ("cell", coordinate)))


def file_problem(path: Path, max_bytes: int = MAX_BYTES) -> Problem | None:
    """Why the file is refused before it is parsed, or None: not a regular file (a folder, a named pipe…), unreadable,
    too big, not a zip, a zip bomb."""
    origin = (("file", path.name),)
    refused = not_a_file(path)
    if refused is not None:
        return refused
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Problem("input.unreadable", {"detail": exc.strerror or str(exc)}, origin)
    if size > max_bytes:
        return Problem("excel.too_big", {"mb": max_bytes // 1048576}, origin)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return Problem("excel.not_xlsx", {"detail": type(exc).__name__}, origin)
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        return Problem("excel.unpacks_too_big", {"mb": MAX_UNPACKED_BYTES // 1048576}, origin)
    return None


@contextmanager
def open_untrusted(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[tuple[Workbook | None, Problem | None]]:
    """The workbook read-only (formulas kept as formulas, so they can be refused), or the reason it is refused."""
    refused = file_problem(path, max_bytes)
    if refused is not None:
        yield None, refused
        return
    origin = (("file", path.name),)
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        yield None, Problem("excel.not_xlsx", {"detail": type(exc).__name__}, origin)
        return
    except DAMAGE as exc:
        yield None, Problem("excel.damaged", {"part": damaged_part(path), "detail": _detail(exc)}, origin)
        return
    try:
        yield workbook, None
    except WorkbookDamaged as exc:
        problem = Problem("excel.damaged", {"part": exc.part, "detail": _detail(exc.cause)}, origin)
        raise ValidationFailed([problem]) from exc
    finally:
        workbook.close()


@dataclass(frozen=True)
class SheetCells:
    """Every non-empty cell of one worksheet as (row, column) → value, and the formulas found in it."""

    title: str
    values: dict[tuple[int, int], Any]
    formulas: tuple[str, ...]
    too_many_rows: bool


def read_cells(workbook: Workbook, sheet_index: int, max_rows: int, max_columns: int) -> SheetCells:
    """Read one sheet whole, trusting no declared dimension (a file can hide cells past a false one). A sheet whose
    XML cannot be parsed raises WorkbookDamaged naming its part (`open_untrusted` turns it into a problem)."""
    sheet = workbook.worksheets[sheet_index]
    try:
        return _read_cells(sheet, max_rows, max_columns)
    except DAMAGE as exc:
        raise WorkbookDamaged(str(getattr(sheet, "_worksheet_path", None) or sheet.title), exc) from exc


def _read_cells(sheet: Any, max_rows: int, max_columns: int) -> SheetCells:
    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()
    values: dict[tuple[int, int], Any] = {}
    formulas: list[str] = []
    for row_number, cells in enumerate(sheet.iter_rows(), start=1):
        if row_number > max_rows:
            return SheetCells(sheet.title, values, tuple(formulas), True)
        for column, cell in enumerate(cells[:max_columns], start=1):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            if getattr(cell, "data_type", None) == "f":
                formulas.append(cell.coordinate)
            values[(row_number, column)] = value
        formulas.extend(c.coordinate for c in cells[max_columns:] if getattr(c, "data_type", None) == "f")
    return SheetCells(sheet.title, values, tuple(formulas), False)
