"""The Excel template of a dossier list, with the column titles the importer expects and drop-down lists for
the closed columns."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

LEGAL_FORM_CHOICES = ("Hợp tác xã", "Tổ hợp tác", "Doanh nghiệp", "Trang trại", "Hộ sản xuất", "Hiệp hội")
REGISTRATION_CHOICES = ("Lần đầu", "Nâng hạng", "Đánh giá lại")


def write_template(path: Path, headers: Sequence[str], sample: Sequence[object] | None = None) -> Path:
    """Write the template to a temporary file and rename it into place."""
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Danh sách hồ sơ"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, header in enumerate(headers):
        sheet.column_dimensions[chr(ord("A") + index)].width = max(12, min(40, len(header) + 4))
    for column, choices in (("C", LEGAL_FORM_CHOICES), ("E", ("Nữ", "Nam")), ("M", REGISTRATION_CHOICES)):
        validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}5001")
    if sample is not None:
        sheet.append(list(sample))
    tmp = path.with_name(path.name + ".tmp")
    workbook.save(tmp)
    os.replace(tmp, path)
    return path
