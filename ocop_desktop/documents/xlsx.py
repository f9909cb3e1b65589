"""What every Excel twin of a document shares: a titled sheet, a bold wrapped header row, column widths, and an
atomic save (a crash never leaves half a workbook under the real name)."""

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


def save(workbook: Workbook, path: Path) -> Path:
    with written_atomically(path) as tmp:
        workbook.save(tmp)
    return path
