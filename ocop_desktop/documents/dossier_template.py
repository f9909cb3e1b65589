"""The Excel template of a dossier list: the column titles the importer expects on an otherwise empty first sheet,
drop-down lists for the closed columns, the phone and code columns formatted as text (Excel turns 0912345678 typed in
a General column into the number 912345678), a sheet of communes to look codes up in (the commune column offers them
as a list) and the example on a sheet of its own, so that nothing but the person's rows is ever imported (the
importer reads the first sheet only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.documents import xlsx

LEGAL_FORM_CHOICES = ("Hợp tác xã", "Tổ hợp tác", "Doanh nghiệp", "Trang trại", "Hộ sản xuất", "Hiệp hội")
REGISTRATION_CHOICES = ("Lần đầu", "Nâng hạng", "Đánh giá lại")
DATA_SHEET = "Danh sách hồ sơ"
EXAMPLE_SHEET = "Ví dụ"
COMMUNE_SHEET = "Danh mục xã"
LAST_ROW = 5001  # the importer reads at most 5,000 rows under the header
EXAMPLE_NOTE = (
    "Dòng trên chỉ là ví dụ, không được nhập. Điền danh sách vào trang «Danh sách hồ sơ», mỗi hồ sơ một dòng, từ "
    "dòng 2. Cột điện thoại và các cột mã đã định dạng Văn bản (Text): gõ cả số 0 đầu. Mã xã: chọn trong danh sách "
    "hoặc tra ở trang «Danh mục xã»."
)


@dataclass(frozen=True)
class TemplateColumns:
    """Which columns (1-based) take what: text, a date, a choice list, a commune code."""

    text: tuple[int, ...]
    date: int
    legal_form: int
    gender: int
    registration: int
    commune: int
    widths: tuple[float, ...]  # of every column, in order


@dataclass(frozen=True)
class CommuneLine:
    code: str
    name: str
    province: str


def _headed(sheet: Worksheet, headers: Sequence[str], columns: TemplateColumns) -> None:
    sheet.append(list(headers))
    xlsx.header_row(sheet, 1, len(headers))
    xlsx.set_widths(sheet, columns.widths)
    for column in columns.text:
        sheet.column_dimensions[get_column_letter(column)].number_format = xlsx.TEXT_FORMAT
    sheet.column_dimensions[get_column_letter(columns.date)].number_format = xlsx.DATE_FORMAT
    xlsx.fit_rows(sheet, [1])
    sheet.freeze_panes = "A2"


def _list(sheet: Worksheet, column: int, formula: str, *, strict: bool, error: str) -> None:
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        error=error,
    )
    sheet.add_data_validation(validation)
    letter = get_column_letter(column)
    validation.add(f"{letter}2:{letter}{LAST_ROW}")


def write_template(
    path: Path,
    headers: Sequence[str],
    columns: TemplateColumns,
    sample: Sequence[object],
    communes: Sequence[CommuneLine],
) -> Path:
    """The data sheet (header only), the example sheet and the communes sheet, written atomically."""
    workbook, sheet = xlsx.new_sheet(DATA_SHEET)
    width = len(headers)
    _headed(sheet, headers, columns)
    for column, choices in (
        (columns.legal_form, LEGAL_FORM_CHOICES),
        (columns.gender, ("Nữ", "Nam")),
        (columns.registration, REGISTRATION_CHOICES),
    ):
        _list(sheet, column, '"' + ",".join(choices) + '"', strict=True, error="Hãy chọn trong danh sách thả xuống.")
    if communes:
        _list(
            sheet,
            columns.commune,
            f"'{COMMUNE_SHEET}'!$A$2:$A${len(communes) + 1}",
            strict=False,  # a producer of another province may still be listed: Excel warns, the importer checks
            error=f"Mã xã không có trong trang «{COMMUNE_SHEET}». Vẫn giữ?",
        )
    xlsx.print_setup(
        sheet, "Danh sách hồ sơ đăng ký đánh giá sản phẩm OCOP", landscape=True, header_rows=(1, 1), filled_by_hand=True
    )

    example = workbook.create_sheet(EXAMPLE_SHEET)
    _headed(example, headers, columns)
    example.append(list(sample))
    xlsx.body_rows(example, 2, 2, width, {c: xlsx.TEXT_FORMAT for c in columns.text} | {columns.date: xlsx.DATE_FORMAT})
    example.append([])
    xlsx.title_row(example, 4, EXAMPLE_NOTE, width, size=xlsx.BODY_SIZE, bold=False)
    example.cell(4, 1).alignment = xlsx.WRAP
    example.cell(4, 1).font = xlsx.font(italic=True)
    xlsx.fit_rows(example, [2, 4])
    xlsx.print_setup(example, "Danh sách hồ sơ — ví dụ", landscape=True, header_rows=(1, 1), columns=width)

    lookup = workbook.create_sheet(COMMUNE_SHEET)
    lookup.append(["Mã xã", "Tên xã, phường", "Tỉnh, thành phố"])
    xlsx.header_row(lookup, 1, 3)
    for commune in communes:
        lookup.append([commune.code, commune.name, commune.province])
    xlsx.body_rows(lookup, 2, lookup.max_row, 3, {1: xlsx.TEXT_FORMAT})
    xlsx.set_widths(lookup, (10, 34, 26))
    lookup.freeze_panes = "A2"
    xlsx.print_setup(lookup, "Danh mục xã, phường", landscape=False, header_rows=(1, 1), columns=3)
    return xlsx.save(workbook, path)
