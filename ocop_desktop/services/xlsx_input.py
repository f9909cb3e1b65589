"""Opening an Excel workbook that came from outside (a commune's dossier list, a member's ballots).

Such a file is untrusted: it is refused whole before any business check when it cannot be read, is larger than
the limit, is not a zip archive, unpacks to far more than it weighs (a zip bomb), or is not an .xlsx openpyxl can
open. Every cell of every sheet is then read once, and every formula is reported with its sheet and cell: a
formula's value is whatever the spreadsheet program last computed, not what the person chose.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from ocop_desktop.domain.errors import Problem
from ocop_desktop.domain.text import nfc

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000

Where = tuple[tuple[str, str], ...]


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
    """Why the file is refused before it is parsed, or None: unreadable, too big, not a zip, a zip bomb."""
    origin = (("file", path.name),)
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
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        yield None, Problem("excel.not_xlsx", {"detail": type(exc).__name__}, (("file", path.name),))
        return
    try:
        yield workbook, None
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
    """Read one sheet whole, trusting no declared dimension (a file can hide cells past a false one)."""
    sheet = workbook.worksheets[sheet_index]
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
