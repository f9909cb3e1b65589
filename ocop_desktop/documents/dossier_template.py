"""The Excel template of a dossier list, with the column titles the importer expects and drop-down lists for
the closed columns."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.worksheet.datavalidation import DataValidation

from ocop_desktop.documents import xlsx

LEGAL_FORM_CHOICES = ("Hợp tác xã", "Tổ hợp tác", "Doanh nghiệp", "Trang trại", "Hộ sản xuất", "Hiệp hội")
REGISTRATION_CHOICES = ("Lần đầu", "Nâng hạng", "Đánh giá lại")


def write_template(path: Path, headers: Sequence[str], sample: Sequence[object] | None = None) -> Path:
    """Write the template to a temporary file and rename it into place."""
    workbook, sheet = xlsx.new_sheet("Danh sách hồ sơ")
    sheet.append(list(headers))
    xlsx.bold_row(sheet, 1)
    xlsx.set_widths(sheet, [max(12, min(40, len(header) + 4)) for header in headers])
    for column, choices in (("C", LEGAL_FORM_CHOICES), ("E", ("Nữ", "Nam")), ("M", REGISTRATION_CHOICES)):
        validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}5001")
    if sample is not None:
        sheet.append(list(sample))
    return xlsx.save(workbook, path)
