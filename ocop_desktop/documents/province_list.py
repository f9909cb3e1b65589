"""Danh sách sản phẩm OCOP toàn tỉnh as an Excel workbook: the product list (one line per product, its current
stars and certificate), the counts, and the certificates to act on. Same look as the results workbook: title rows,
a bold header, frozen header and filters, column widths, a page setup that prints; text in NFC, dates as real
dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.documents import xlsx
from ocop_desktop.domain.text import nfc

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
    referred_waiting: int = 0  # proposed to the central level, no star recognised: apart from 5★


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
COUNT_HEADERS = ("", "5 sao", "4 sao", "3 sao", "1–2 sao", "Chưa xếp hạng", "Đề nghị Trung ương", "Tổng")
CERTIFICATE_HEADERS = (
    "Tình trạng", "Số giấy chứng nhận", "Tên sản phẩm", "Mã số", "Chủ thể", "Hội đồng", "Số sao", "Ngày cấp",
    "Có giá trị đến", "Số ngày còn lại", "Thu hồi",
)  # fmt: skip


def _text(value: Cell) -> Cell:
    return nfc(value) if isinstance(value, str) else value


def _table(
    sheet: Worksheet,
    title: str,
    subtitle: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    text_columns: Sequence[int],
) -> None:
    """The title and subtitle merged across the table, the header on row 3 (frozen, with filters, repeated on every
    printed page) and the rows; dates shown dd/mm/yyyy, codes and numbers of certificates kept as text."""
    columns = len(headers)
    xlsx.title_row(sheet, 1, nfc(title), columns)
    xlsx.title_row(sheet, 2, nfc(subtitle), columns, size=xlsx.BODY_SIZE, bold=False)
    sheet.append(list(headers))
    xlsx.header_row(sheet, 3, columns)
    for row in rows:
        sheet.append([_text(v) for v in row])
    formats = {c: xlsx.TEXT_FORMAT for c in text_columns}
    xlsx.body_rows(sheet, 4, sheet.max_row, columns, formats)
    for column in sheet.iter_cols(min_row=4):
        for cell in column:
            if isinstance(cell.value, dt.date):
                cell.number_format = xlsx.DATE_FORMAT
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(columns)}{max(3, sheet.max_row)}"


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
        text_columns=(3, 12),
    )  # fmt: skip
    xlsx.set_widths(products, (5, 22, 12, 20, 16, 11, 14, 7, 26, 5, 10, 13, 11, 11, 13))
    xlsx.fit_rows(products)
    xlsx.print_setup(products, "Danh sách sản phẩm OCOP toàn tỉnh", landscape=True, header_rows=(3, 3),
                     columns=len(PRODUCT_HEADERS))  # fmt: skip

    counts = workbook.create_sheet("Tổng hợp")
    width = len(COUNT_HEADERS)
    xlsx.title_row(counts, 1, nfc(f"{book.title} — TỔNG HỢP"), width)
    xlsx.title_row(counts, 2, nfc(book.subtitle), width, size=xlsx.BODY_SIZE, bold=False)
    for heading, rows in book.counts:
        counts.append([])
        counts.append([nfc(heading), *COUNT_HEADERS[1:]])
        xlsx.header_row(counts, counts.max_row, width)
        first = counts.max_row + 1
        for r in rows:
            label = nfc(r.label) or "(chưa rõ)"
            counts.append([label, r.five, r.four, r.three, r.below_three, r.no_stars, r.referred_waiting, r.total])
        xlsx.body_rows(counts, first, counts.max_row, width, {1: xlsx.TEXT_FORMAT})  # labels, a year among them
    xlsx.set_widths(counts, (44, 9, 9, 9, 9, 14, 18, 9))
    xlsx.fit_rows(counts)
    xlsx.print_setup(counts, "Danh sách sản phẩm OCOP toàn tỉnh — tổng hợp", landscape=False, columns=width)

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
        text_columns=(2, 4),
    )  # fmt: skip
    xlsx.set_widths(certificates, (20, 14, 24, 12, 22, 24, 6, 11, 11, 9, 28))
    xlsx.fit_rows(certificates)
    xlsx.print_setup(certificates, "Giấy chứng nhận sản phẩm OCOP cần theo dõi", landscape=True, header_rows=(3, 3),
                     columns=len(CERTIFICATE_HEADERS))  # fmt: skip
    return xlsx.save(workbook, path)
