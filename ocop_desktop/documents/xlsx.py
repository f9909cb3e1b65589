"""What every Excel twin of a document shares: a titled sheet, a bold wrapped header row, column widths, and an
atomic save (a crash never leaves half a workbook under the real name) that stores every text as text.

openpyxl turns any string starting with "=" into a formula: a producer named `=HYPERLINK("http://x","click")` would
come out as a live link in every workbook. No workbook the app writes holds a formula (points are computed by the
app), so `save` marks every text cell as a string, and one that a spreadsheet program would read as a formula
once edited (= + - @, tab, return) also carries Excel's quote prefix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.paths import written_atomically


def new_sheet(title: str) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title
    return workbook, sheet


def bold_row(sheet: Worksheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(workbook: Workbook) -> None:
    """Every string cell of every sheet stored as a string, never as a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.startswith(FORMULA_STARTS):
                        cell.quotePrefix = True


def save(workbook: Workbook, path: Path) -> Path:
    """The one way a workbook is written: texts as texts (`as_text`), atomically."""
    as_text(workbook)
    with written_atomically(path) as tmp:
        workbook.save(tmp)
    return path
