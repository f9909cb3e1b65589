"""Danh sách sản phẩm OCOP toàn tỉnh as an Excel workbook: the product list (one line per product, its current
stars and certificate), the counts, and the certificates to act on. Same look as the results workbook: title rows,
a bold header, frozen header and filters, column widths; text in NFC, dates as real dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.documents import xlsx
from ocop_desktop.domain.text import nfc

DATE_FORMAT = "DD/MM/YYYY"
Cell = str | int | dt.date | None


@dataclass(frozen=True)
class ProductRow:
    product: str
    code: str
    producer: str
    group: str
    province: str
    commune: str
    year: int | None
    council: str
    stars: int | None
    result: str  # "4 sao", "Không đạt", "Chưa phê duyệt"…
    certificate: str
    issued: dt.date | None
    expiry: dt.date | None
    certificate_state: str


@dataclass(frozen=True)
class CountRow:
    label: str
    five: int
    four: int
    three: int
    below_three: int
    no_stars: int
    total: int


@dataclass(frozen=True)
class CertificateRow:
    situation: str  # "Đến hạn nộp hồ sơ đánh giá lại", "Đã hết hạn", "Đã thu hồi"…
    number: str
    product: str
    code: str
    producer: str
    council: str
    stars: int
    issued: dt.date
    expiry: dt.date
    days_left: int
    revocation: str


@dataclass(frozen=True)
class ProvinceWorkbook:
    title: str
    subtitle: str  # as of which day, how many products, which filter
    products: tuple[ProductRow, ...]
    counts: tuple[tuple[str, tuple[CountRow, ...]], ...]  # (section heading, its rows)
    certificates: tuple[CertificateRow, ...]
    certificates_note: str  # the re-evaluation window, in words


PRODUCT_HEADERS = (
    "STT", "Tên sản phẩm", "Mã số", "Chủ thể", "Nhóm sản phẩm", "Tỉnh, thành phố", "Xã, phường", "Năm đánh giá",
    "Hội đồng", "Số sao", "Kết quả", "Số giấy chứng nhận", "Ngày cấp", "Có giá trị đến", "Tình trạng giấy chứng nhận",
)  # fmt: skip
COUNT_HEADERS = ("", "5 sao", "4 sao", "3 sao", "1–2 sao", "Chưa xếp hạng", "Tổng")
CERTIFICATE_HEADERS = (
    "Tình trạng", "Số giấy chứng nhận", "Tên sản phẩm", "Mã số", "Chủ thể", "Hội đồng", "Số sao", "Ngày cấp",
    "Có giá trị đến", "Số ngày còn lại", "Thu hồi",
)  # fmt: skip


def _text(value: Cell) -> Cell:
    return nfc(value) if isinstance(value, str) else value


def _table(sheet: Worksheet, title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Two title rows, the header on row 3 (frozen, with filters) and the rows; dates shown dd/mm/yyyy."""
    sheet.append([nfc(title)])
    sheet.append([nfc(subtitle)])
    sheet.append(list(headers))
    xlsx.bold_row(sheet, 1)
    xlsx.bold_row(sheet, 3)
    for row in rows:
        sheet.append([_text(v) for v in row])
    for column in sheet.iter_cols(min_row=4):
        for cell in column:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(headers))}{max(3, sheet.max_row)}"


def render_xlsx(book: ProvinceWorkbook, path: Path) -> Path:
    workbook, products = xlsx.new_sheet("Danh sách sản phẩm")
    _table(
        products,
        book.title,
        book.subtitle,
        PRODUCT_HEADERS,
        [
            (
                order, p.product, p.code, p.producer, p.group, p.province, p.commune, p.year, p.council, p.stars,
                p.result, p.certificate, p.issued, p.expiry, p.certificate_state,
            )
            for order, p in enumerate(book.products, start=1)
        ],
    )  # fmt: skip
    xlsx.set_widths(products, (6, 34, 18, 32, 30, 20, 20, 8, 36, 7, 16, 20, 11, 11, 16))

    counts = workbook.create_sheet("Tổng hợp")
    counts.append([nfc(f"{book.title} — TỔNG HỢP")])
    counts.append([nfc(book.subtitle)])
    xlsx.bold_row(counts, 1)
    for heading, rows in book.counts:
        counts.append([])
        counts.append([nfc(heading), *COUNT_HEADERS[1:]])
        xlsx.bold_row(counts, counts.max_row)
        for r in rows:
            counts.append([nfc(r.label) or "(chưa rõ)", r.five, r.four, r.three, r.below_three, r.no_stars, r.total])
    xlsx.set_widths(counts, (44, 9, 9, 9, 9, 14, 9))

    certificates = workbook.create_sheet("Giấy chứng nhận")
    _table(
        certificates,
        f"{book.title} — GIẤY CHỨNG NHẬN CẦN THEO DÕI",
        book.certificates_note,
        CERTIFICATE_HEADERS,
        [
            (
                c.situation, c.number, c.product, c.code, c.producer, c.council, c.stars, c.issued, c.expiry,
                c.days_left, c.revocation,
            )
            for c in book.certificates
        ],
    )  # fmt: skip
    xlsx.set_widths(certificates, (30, 20, 34, 18, 32, 36, 7, 11, 11, 10, 40))
    return xlsx.save(workbook, path)
