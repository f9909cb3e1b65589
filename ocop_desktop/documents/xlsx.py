"""What every Excel twin of a document shares: one named font, titles merged across the table, a bold wrapped header
row, bordered cells whose rows are as tall as their wrapped text, numbers and dates stored as such, a page setup that
prints (A4, fitted to the width, the header repeated, page numbers), and an atomic save (a crash never leaves half a
workbook under the real name) that stores every text as text.

openpyxl turns any string starting with "=" into a formula: a producer named `=HYPERLINK("http://x","click")` would
come out as a live link in every workbook. No workbook the app writes holds a formula (points are computed by the
app), so `save` marks every text cell as a string, and one that a spreadsheet program would read as a formula
once edited (= + - @, tab, return) also carries Excel's quote prefix.

openpyxl neither sizes rows nor sets up pages: a wrapped row keeps the default height (its lines overlap the next
row) and a sheet without a page setup prints column by column on as many pages as it takes. `fit_rows` estimates
each row's lines from its text and the column widths; `print_setup` is the one page setup of every sheet."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.paths import written_atomically

FONT_NAME = "Times New Roman"  # NĐ 30's font; LibreOffice prints it with the metric-compatible Liberation Serif
BODY_SIZE = 11
TITLE_SIZE = 13
DATE_FORMAT = "dd/mm/yyyy"
POINTS_FORMAT = "0.00"
TEXT_FORMAT = "@"
MM = 1 / 25.4  # page margins are in inches
MARGINS = PageMargins(left=25 * MM, right=15 * MM, top=20 * MM, bottom=20 * MM, header=8 * MM, footer=8 * MM)
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
PAGE_NUMBER = "Trang &P/&N"
PAGE_ONLY = "Trang &P"  # a workbook printing several sheets: LibreOffice counts &N over all of them
HEADER_FOOTER_CHARS = 200  # Excel refuses a header or footer longer than 255 characters, codes included
DEFAULT_WIDTH = 8.43


def font(*, bold: bool = False, italic: bool = False, size: float = BODY_SIZE, color: str | None = None) -> Font:
    """The one font of every workbook (a Font without a name falls back to the program's default, a serif or not)."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def new_workbook() -> Workbook:
    """A workbook whose default font (that of every unstyled cell and of the Normal style) is FONT_NAME."""
    workbook = Workbook()
    body = font()
    # openpyxl has no public way to change it: the default font is the first of the workbook's list of fonts, the
    # one every cell starts with, and the font of the Normal style
    workbook._fonts = IndexedList([body])  # type: ignore[attr-defined]
    workbook._named_styles["Normal"].font = body  # type: ignore[attr-defined]
    return workbook


def new_sheet(title: str) -> tuple[Workbook, Worksheet]:
    workbook = new_workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title
    return workbook, sheet


def title_row(
    sheet: Worksheet, row: int, text: str, columns: int, *, size: float = TITLE_SIZE, bold: bool = True
) -> None:
    """A title merged across the table's `columns`, centred and wrapped (a long one gets the height of its lines)."""
    cell = sheet.cell(row, 1, text)
    cell.font = font(bold=bold, size=size)
    cell.alignment = CENTER
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def bold_row(sheet: Worksheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = font(bold=True)
        cell.alignment = WRAP


def header_row(sheet: Worksheet, row: int, columns: int) -> None:
    """A table's column titles: bold, centred, wrapped, boxed and shaded."""
    for column in range(1, columns + 1):
        cell = sheet.cell(row, column)
        cell.font = font(bold=True)
        cell.alignment = CENTER
        cell.border = BOX
        cell.fill = HEADER_FILL


def body_rows(sheet: Worksheet, first: int, last: int, columns: int, formats: dict[int, str] | None = None) -> None:
    """The table's cells boxed and wrapped at the top; `formats` maps a column to its number format ('0.00', '@')."""
    formats = formats or {}
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=columns):
        for cell in row:
            cell.border = BOX
            cell.alignment = WRAP
            number_format = formats.get(cell.column or 0)
            if number_format is not None:
                cell.number_format = number_format


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _char_width(text: str, size: float, bold: bool) -> float:
    """A character's mean width in column-width units (the width of a digit of the default font): about one digit
    for Vietnamese in Times New Roman (LibreOffice with Liberation Serif fits 18 characters in a 19-unit column), a
    text mostly in capitals wider, bold a little wider."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0
    width = 1.0 + 0.45 * capitals
    return width * (1.08 if bold else 1.0) * size / BODY_SIZE


def text_lines(text: str, width: float, size: float = BODY_SIZE, bold: bool = False) -> int:
    """How many lines `text` wraps to in a cell `width` units wide (greedy word wrap, as a spreadsheet does)."""
    char = _char_width(text, size, bold)
    room = max(1.0, width - 1.0)  # the cell's inner padding
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0.0
        for word in paragraph.split():
            need = len(word) * char
            if used and used + char + need > room:
                count, used = count + 1, 0.0
            if need > room:  # a word longer than the cell breaks over lines of its own
                count += math.ceil(need / room) - 1
                need = need % room
            used += (char if used else 0.0) + need
        lines += count
    return lines


def _widths(sheet: Worksheet) -> dict[tuple[int, int], float]:
    """(row, column) of the first cell of each merged range → the width of the whole range."""
    out = {}
    for merged in sheet.merged_cells.ranges:
        total = sum(_width(sheet, c) for c in range(merged.min_col, merged.max_col + 1))
        for row in range(merged.min_row, merged.max_row + 1):
            out[(row, merged.min_col)] = total
    return out


def _width(sheet: Worksheet, column: int) -> float:
    dimension = sheet.column_dimensions.get(get_column_letter(column))
    return float(dimension.width) if dimension is not None and dimension.customWidth else DEFAULT_WIDTH


def fit_rows(sheet: Worksheet, rows: Iterable[int] | None = None) -> None:
    """Each row's height from the wrapped text it holds: the most lines of any of its cells times the line height of
    that cell's font (openpyxl does not size rows; a spreadsheet program sizes them only when it edits them)."""
    merged = _widths(sheet)
    widths = {c: _width(sheet, c) for c in range(1, sheet.max_column + 1)}
    wanted = set(rows) if rows is not None else None
    heights: dict[int, float] = {}
    # the cells that exist (iter_rows would create every empty one of the rectangle, for nothing)
    for (number, column), cell in sheet._cells.items():
        if cell.value is None or (wanted is not None and number not in wanted) or not cell.alignment.wrap_text:
            continue
        font = cell.font
        size = float(font.sz or BODY_SIZE)
        width = merged.get((number, column), widths.get(column, DEFAULT_WIDTH))
        lines = text_lines(str(cell.value), width, size, bool(font.b))
        heights[number] = max(heights.get(number, 0.0), lines * size * 1.22 + 3)
    for number, height in heights.items():
        sheet.row_dimensions[number].height = round(height, 1)


def _header_text(text: str) -> str:
    """Text for a header or footer: "&" doubled (a single one starts a code), at most HEADER_FOOTER_CHARS long."""
    text = " ".join(text.split())
    if len(text.replace("&", "&&")) <= HEADER_FOOTER_CHARS:
        return text.replace("&", "&&")
    while len(text.replace("&", "&&")) > HEADER_FOOTER_CHARS - 1:
        text = text[:-1]
    return text.rstrip().replace("&", "&&") + "…"


def print_setup(
    sheet: Worksheet,
    document: str,
    *,
    landscape: bool,
    header_rows: tuple[int, int] | None = None,
    columns: int | None = None,
    filled_by_hand: bool = False,
) -> None:
    """The page setup of a sheet: A4 in the given orientation, fitted to the page's width (as many pages down as it
    takes), `header_rows` repeated on every page, the print area over the filled cells of the first `columns`,
    margins, `document` in the page header and "Trang n/m" in the footer. A sheet `filled_by_hand` (rows a person
    adds) gets no print area: a fixed one would leave their rows out, the program prints the rows used."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE if landscape else sheet.ORIENTATION_PORTRAIT
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    setup.firstPageNumber = 1  # each sheet (a member's ballot for one product, a list) numbers its pages from 1
    setup.useFirstPageNumber = True
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(
        left=MARGINS.left, right=MARGINS.right, top=MARGINS.top, bottom=MARGINS.bottom,
        header=MARGINS.header, footer=MARGINS.footer,
    )  # fmt: skip
    if header_rows is not None:
        sheet.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    if not filled_by_hand:
        sheet.print_area = f"A1:{get_column_letter(columns or max(1, sheet.max_column))}{max(1, sheet.max_row)}"
    sheet.print_options.horizontalCentered = True
    sheet.oddHeader = HeaderFooterItem(left=_HeaderFooterPart(_header_text(document), f"{FONT_NAME},Italic", 9))
    sheet.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(PAGE_NUMBER, f"{FONT_NAME},Regular", 9))


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


def finish_printing(workbook: Workbook) -> None:
    """ "Trang n/m" in the footer of a workbook printing one sheet, "Trang n" where several visible sheets each number
    their pages from 1 (the total LibreOffice prints for &N is that of every sheet printed, not of the sheet); no
    print area on a hidden sheet (LibreOffice prints a hidden sheet that has one: 24 pages of drop-down texts)."""
    visible = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    words = PAGE_NUMBER if len(visible) == 1 else PAGE_ONLY
    for sheet in workbook.worksheets:
        footer = sheet.oddFooter
        if footer is not None and footer.center.text in {PAGE_NUMBER, PAGE_ONLY}:
            footer.center.text = words
        if sheet.sheet_state != "visible":
            sheet.print_area = None


def save(workbook: Workbook, path: Path) -> Path:
    """The one way a workbook is written: texts as texts (`as_text`), page numbers (`finish_printing`), atomically."""
    as_text(workbook)
    finish_printing(workbook)
    with written_atomically(path) as tmp:
        workbook.save(tmp)
    return path
