"""Phiếu chấm Excel: one workbook per scoring member, one protected sheet per dossier the member scores.

The member picks each criterion's option from a drop-down and sends the file back; the secretary imports it
(`services.ballot_workbooks`). The layout (which row holds which criterion, the text of every choice) is computed
here from the criteria sheet alone, so the importer finds the same cells and reads the same labels without trusting
anything the file says. A veryHidden sheet binds each product sheet to one ballot (round, member, dossier, scoring
round) with an HMAC-SHA256 over those and the layout, keyed by the round's secret that never leaves the council's
data file: a workbook for another round, member or criteria, or one whose identification was edited and its codes
recomputed, is refused.
Points are never formulas: the app computes them; the drop-down text shows each option's points.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import NamedStyle, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ocop_desktop.documents import xlsx
from ocop_desktop.documents.scoring_sheet import sheet_heading
from ocop_desktop.domain.text import fold, nfc
from ocop_desktop.paths import make_folder
from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Criterion, Sheet

FORMAT = "ocop-phieu-cham-excel/1"
GUIDE_SHEET = "Hướng dẫn"
LIST_SHEET = "Danh mục"
ID_SHEET = "_nhan_dang"
RESERVED_TITLES = frozenset(t.casefold() for t in (GUIDE_SHEET, LIST_SHEET, ID_SHEET, "History"))
CODE_COLUMN, TEXT_COLUMN, CHOICE_COLUMN, POINTS_COLUMN, MINIMUM_COLUMN = 1, 2, 3, 4, 5
FIRST_LINE = 11  # the table starts under the header block and the column titles (row 10)
LABEL_CHARS = 90  # an option's condition is cut to this in the drop-down; the full text is on the sheet
TITLE_CHARS = 31
ID_FIRST_ROW = 5  # rows 1-3 of the identification sheet: format, round, member; then one row per product sheet
BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
GREY = "595959"
TEXT, BOLD, OPTION, CHOICE = "ocop_text", "ocop_bold", "ocop_option", "ocop_choice"
STYLE_OF = {"part": BOLD, "group": BOLD, "criterion": BOLD, "choice": TEXT, "option": OPTION}


def _styles() -> tuple[NamedStyle, ...]:
    """Named styles, registered once per workbook: a style set cell by cell costs a hash per cell."""
    top, box = xlsx.WRAP, xlsx.BOX
    return (
        NamedStyle(TEXT, font=xlsx.font(), alignment=top, border=box),
        NamedStyle(BOLD, font=xlsx.font(bold=True), alignment=top, border=box),
        NamedStyle(OPTION, font=xlsx.font(color=GREY), alignment=top, border=box),
        NamedStyle(
            CHOICE,
            font=xlsx.font(),
            alignment=top,
            border=box,
            fill=PatternFill("solid", fgColor="FFF2CC"),
            protection=Protection(locked=False),
        ),
    )


@dataclass(frozen=True)
class ProductBallot:
    """One dossier the member scores, in its current scoring round."""

    dossier_id: str
    scoring_round: int
    round_name: str  # with "chấm lại lần N" on a re-score, as on the printed sheet
    agenda_order: int
    product: str
    code: str
    producer: str
    address: str
    sheet: Sheet
    sheet_snapshot: str  # content hash of the criteria the dossier is scored on
    submitted: bool  # the member's ballot is already submitted in the app: nothing to fill


@dataclass(frozen=True)
class MemberWorkbook:
    round_id: str
    round_name: str
    council: str
    member_id: str
    member_name: str
    products: tuple[ProductBallot, ...]
    mac_key: bytes = field(default=b"", repr=False)  # the round's secret (services.round_secrets)


@dataclass(frozen=True)
class Line:
    """One row of a product sheet's table; `item` is set on the rows that take a choice."""

    kind: str  # part | group | criterion | choice | option
    code: str
    text: str
    points: int | None = None
    minimum: str = ""
    item: Criterion | None = None


def _short(text: str, limit: int) -> str:
    text = " ".join(nfc(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def option_label(item: Criterion, number: int) -> str:
    """The drop-down text of one option: number, (case), condition cut short, points, star minimum marker."""
    if number == NOT_APPLICABLE:
        return "0 – Không áp dụng (0 điểm)"
    option = item.options[number - 1]
    case = f"[{option.case}] " if option.case else ""
    marker = f" (*{option.star_minimum})" if option.star_minimum else ""
    return f"{number} – {case}{_short(option.condition, LABEL_CHARS)} ({option.points} điểm){marker}"


def choice_labels(item: Criterion) -> dict[str, int]:
    """Drop-down text → option number, in drop-down order; a conditional item also offers 0, "không áp dụng"."""
    numbers = [o.number for o in item.options]
    if item.applicable_if is not None:
        numbers.append(NOT_APPLICABLE)
    return {option_label(item, n): n for n in numbers}


def _prompt(item: Criterion) -> str:
    """The cell's hint; on a tourism criterion with two cases, that the case is chosen here, for this criterion
    alone (the chosen option's label carries its case, so the filled cell shows it)."""
    if item.alternative_cases:
        return "Chọn một phương án; tiêu chí này chọn một trong hai trường hợp, riêng cho tiêu chí này."
    return "Chọn một phương án trong danh sách."


def _minimum(item: Criterion) -> str:
    return "; ".join(f"{stars} sao: ≥ {points} điểm" for stars, points in sorted(item.min_points_by_star.items()))


def _item_lines(criterion: Criterion) -> list[Line]:
    if criterion.sub_criteria:
        lines = [Line("criterion", criterion.id, criterion.text, criterion.max)]
        for sub in criterion.sub_criteria:
            lines.extend(_item_lines(sub))
        return lines
    lines = [Line("choice", criterion.id, criterion.text, criterion.max, _minimum(criterion), criterion)]
    for option in criterion.options:
        case = f"[{option.case}] " if option.case else ""
        marker = f"(*{option.star_minimum})" if option.star_minimum else ""
        lines.append(Line("option", "", f"{option.number} – {case}{nfc(option.condition)}", option.points, marker))
    if criterion.applicable_if is not None:
        lines.append(Line("option", "", f"0 – Không áp dụng ({nfc(criterion.applicable_if)})", 0))
    return lines


def lines(sheet: Sheet) -> list[Line]:
    """The table of a product sheet, from row FIRST_LINE on, as the printed sheet orders it."""
    out: list[Line] = []
    for part in sheet.parts:
        out.append(Line("part", "", f"PHẦN {part.id}: {part.title.upper()}", part.max))
        for group in part.groups:
            if not group.single_criterion:
                out.append(Line("group", "", group.title, group.max))
            for criterion in group.criteria:
                out.extend(_item_lines(criterion))
    return out


def choice_rows(sheet: Sheet) -> dict[str, tuple[int, Criterion]]:
    """Item id → the row of its choice cell and the item, in sheet order."""
    return {
        line.item.id: (row, line.item)
        for row, line in enumerate(lines(sheet), start=FIRST_LINE)
        if line.item is not None
    }


def opinion_row(sheet: Sheet) -> int:
    """The row of the "Ý kiến của người đánh giá" cell: under the table, a blank row and its label."""
    return FIRST_LINE + len(lines(sheet)) + 2


def sheet_digest(
    *,
    key: bytes,
    round_id: str,
    member_id: str,
    title: str,
    dossier_id: str,
    scoring_round: int,
    sheet: Sheet,
    snapshot: str,
) -> str:
    """HMAC-SHA256 under the round's secret `key` binding a product sheet to one ballot and to its layout (rows,
    item ids, drop-down texts): nobody without the council's data file can make one for another member."""
    if len(key) < 16:
        raise ValueError("a ballot workbook is bound with the round's secret")
    body = {
        "format": FORMAT,
        "round": round_id,
        "member": member_id,
        "title": title,
        "dossier": dossier_id,
        "scoring_round": scoring_round,
        "sheet": sheet.sheet_id,
        "snapshot": snapshot,
        "rows": [[row, item_id, list(choice_labels(item))] for item_id, (row, item) in choice_rows(sheet).items()],
        "opinion": opinion_row(sheet),
    }
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, data.encode("utf-8"), hashlib.sha256).hexdigest()


def sheet_titles(products: Sequence[ProductBallot]) -> list[str]:
    """Worksheet titles "01 Mật ong bạc hà…": at most 31 characters, none of []:*?/\\, unique ignoring case."""
    titles: list[str] = []
    seen = set(RESERVED_TITLES)
    for product in products:
        base = _short(BAD_TITLE.sub(" ", f"{product.agenda_order:02d} {product.product}"), TITLE_CHARS).strip("'")
        title, n = base, 1
        while title.casefold() in seen:
            n += 1
            suffix = f" ({n})"
            title = _short(base, TITLE_CHARS - len(suffix)) + suffix
        seen.add(title.casefold())
        titles.append(title)
    return titles


def file_names(names: Sequence[str]) -> list[str]:
    """One .xlsx name per member, ASCII-folded ("Đặng Quốc Bảo" → dang-quoc-bao.xlsx), unique."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        stem = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "thanh-vien"
        candidate, n = stem, 1
        while candidate in seen:
            n += 1
            candidate = f"{stem}-{n}"
        seen.add(candidate)
        out.append(f"{candidate}.xlsx")
    return out


GUIDE = (
    "PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP — HƯỚNG DẪN ĐIỀN VÀ GỬI LẠI",
    "",
    "1. Mỗi trang tính (tab phía dưới) là phiếu đánh giá của một sản phẩm, theo thứ tự trong chương trình họp.",
    "2. Ở mỗi tiêu chí, bấm vào ô màu vàng của cột «Lựa chọn của người đánh giá» và chọn một phương án trong "
    "danh sách thả xuống. Nội dung đầy đủ của các phương án ghi ngay dưới tiêu chí; điểm của mỗi phương án ghi "
    "trong ngoặc. Không gõ tay, không dán công thức.",
    "3. Tiêu chí có tiêu chí con: chấm từng tiêu chí con. Tiêu chí có điều kiện áp dụng có thêm phương án "
    "«0 – Không áp dụng».",
    "4. (*N) sau một phương án: mức tối thiểu của tiêu chí để sản phẩm được xếp hạng N sao.",
    "5. Phải chọn đủ mọi tiêu chí của một sản phẩm. Sản phẩm chưa chấm thì để trống cả trang: trang trống được bỏ "
    "qua, trang điền dở bị từ chối.",
    "6. Ghi ý kiến (nếu có) vào ô dưới dòng «Ý kiến của người đánh giá».",
    "7. Không đổi tên, thêm, xóa hay sắp xếp lại các trang tính; không sửa nội dung khác. Phần mềm tự tính điểm "
    "khi nhập phiếu.",
    "8. Lưu tệp (định dạng .xlsx) và gửi lại cho thư ký hội đồng. Thư ký nhập tệp vào phần mềm; mọi ô sai được "
    "báo kèm tên trang và ô, và không phiếu nào được lưu khi còn lỗi.",
    "",
    "Trang có ghi «Phiếu đã nộp trên phần mềm» thì không cần điền.",
)


def _guide(sheet: Worksheet, book: MemberWorkbook) -> None:
    sheet.append([GUIDE[0]])
    sheet.append([f"Đợt đánh giá: {nfc(book.round_name)}"])
    sheet.append([f"Hội đồng: {nfc(book.council)}"])
    sheet.append([f"Người đánh giá: {nfc(book.member_name)}"])
    sheet.append([f"Số sản phẩm: {len(book.products)}"])
    for text in GUIDE[1:]:
        sheet.append([text])
    xlsx.bold_row(sheet, 1)
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = xlsx.WRAP
    xlsx.set_widths(sheet, [95])
    xlsx.fit_rows(sheet)
    xlsx.print_setup(sheet, f"Phiếu chấm điểm sản phẩm OCOP — {nfc(book.member_name)}", landscape=False)
    sheet.protection.sheet = True


class _Lists:
    """The hidden "Danh mục" sheet: each item's drop-down texts once per criteria snapshot, as a range."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.ranges: dict[tuple[str, str], str] = {}
        self.next_row = 1

    def range_of(self, snapshot: str, item: Criterion) -> str:
        key = (snapshot, item.id)
        if key not in self.ranges:
            first = self.next_row
            for label in choice_labels(item):
                self.sheet.cell(self.next_row, 1, label)
                self.sheet.cell(self.next_row, 2, item.id).number_format = xlsx.TEXT_FORMAT
                self.next_row += 1
            self.ranges[key] = f"'{LIST_SHEET}'!$A${first}:$A${self.next_row - 1}"
        return self.ranges[key]


def _product_sheet(sheet: Worksheet, book: MemberWorkbook, product: ProductBallot, lists: _Lists) -> None:
    crit = product.sheet
    header = (
        ("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", ""),
        ("Phiếu", sheet_heading(product.sheet)),
        ("Đợt đánh giá", product.round_name),
        ("Người đánh giá", book.member_name),
        ("Tên sản phẩm", product.product),
        ("Mã số hồ sơ", product.code),
        ("Tên chủ thể", product.producer),
        ("Địa chỉ", product.address),
        ("Tình trạng", "Phiếu đã nộp trên phần mềm — không cần điền" if product.submitted else "Chưa chấm"),
    )  # fmt: skip
    xlsx.title_row(sheet, 1, header[0][0], MINIMUM_COLUMN)
    for row, (label, value) in enumerate(header[1:], start=2):
        sheet.cell(row, 1, nfc(label)).font = xlsx.font(bold=True)
        sheet.cell(row, 2, nfc(value)).alignment = xlsx.WRAP
    titles = ("Mã tiêu chí", "Nội dung", "Lựa chọn của người đánh giá", "Điểm", "Mức tối thiểu")
    for column, text in enumerate(titles, start=1):
        sheet.cell(FIRST_LINE - 1, column, text)
    xlsx.header_row(sheet, FIRST_LINE - 1, len(titles))
    for row, line in enumerate(lines(crit), start=FIRST_LINE):
        style = STYLE_OF[line.kind]
        for column, content in (
            (CODE_COLUMN, line.code or None),
            (TEXT_COLUMN, nfc(line.text)),
            (POINTS_COLUMN, line.points),
            (MINIMUM_COLUMN, line.minimum or None),
        ):
            if content is not None:
                cell = sheet.cell(row, column, content)
                cell.style = style
                if column == CODE_COLUMN:  # "1.1" is a criterion's code, not the number 1.1
                    cell.number_format = xlsx.TEXT_FORMAT
        if line.item is not None:
            choice = sheet.cell(row, CHOICE_COLUMN)
            choice.style = TEXT if product.submitted else CHOICE
            if not product.submitted:
                validation = DataValidation(
                    type="list",
                    formula1=lists.range_of(product.sheet_snapshot, line.item),
                    allow_blank=True,
                    showErrorMessage=True,
                    errorStyle="stop",
                    errorTitle="Phương án không hợp lệ",
                    error=f"Hãy chọn một phương án của tiêu chí {line.item.id} trong danh sách thả xuống.",
                    showInputMessage=True,
                    promptTitle=f"Tiêu chí {line.item.id}",
                    prompt=_prompt(line.item),
                )
                sheet.add_data_validation(validation)
                validation.add(choice.coordinate)
    opinion = opinion_row(crit)
    sheet.cell(opinion - 1, 1, "Ý kiến của người đánh giá:").font = xlsx.font(bold=True)
    sheet.cell(opinion, 1).style = TEXT if product.submitted else CHOICE
    sheet.merge_cells(start_row=opinion, start_column=1, end_row=opinion, end_column=MINIMUM_COLUMN)
    sheet.row_dimensions[opinion].height = 60
    sheet.cell(opinion + 2, 1, "(*N): mức tối thiểu của tiêu chí để sản phẩm được xếp hạng N sao.").font = xlsx.font(
        color=GREY
    )
    xlsx.set_widths(sheet, [14, 50, 28, 6, 17])
    xlsx.fit_rows(sheet, range(1, opinion - 1))
    sheet.freeze_panes = sheet.cell(FIRST_LINE, 1).coordinate
    document = f"Phiếu đánh giá sản phẩm OCOP — {nfc(product.product)} ({nfc(product.code)}) — {nfc(book.member_name)}"
    xlsx.print_setup(sheet, document, landscape=False, header_rows=(FIRST_LINE - 1, FIRST_LINE - 1), columns=5)
    sheet.protection.sheet = True


def render_xlsx(book: MemberWorkbook, path: Path) -> Path:
    """Write one member's workbook (atomically: a crash never leaves half a file under the real name)."""
    workbook: Workbook
    workbook, guide = xlsx.new_sheet(GUIDE_SHEET)
    for style in _styles():
        workbook.add_named_style(style)
    _guide(guide, book)
    titles = sheet_titles(book.products)
    list_sheet = workbook.create_sheet(LIST_SHEET)
    list_sheet.sheet_state = "hidden"
    lists = _Lists(list_sheet)
    for title, product in zip(titles, book.products, strict=True):
        _product_sheet(workbook.create_sheet(title), book, product, lists)
    xlsx.print_setup(list_sheet, "Danh mục phương án", landscape=False)
    list_sheet.protection.sheet = True
    ident = workbook.create_sheet(ID_SHEET)
    ident.append(["format", FORMAT])
    ident.append(["round", book.round_id])
    ident.append(["member", book.member_id])
    ident.append(["sheet", "dossier", "scoring_round", "criteria", "snapshot", "sha256"])
    for title, product in zip(titles, book.products, strict=True):
        digest = sheet_digest(
            key=book.mac_key,
            round_id=book.round_id,
            member_id=book.member_id,
            title=title,
            dossier_id=product.dossier_id,
            scoring_round=product.scoring_round,
            sheet=product.sheet,
            snapshot=product.sheet_snapshot,
        )
        row = [title, product.dossier_id, product.scoring_round, product.sheet.sheet_id, product.sheet_snapshot]
        ident.append([*row, digest])
    xlsx.print_setup(ident, "Nhận dạng phiếu", landscape=False)
    ident.sheet_state = "veryHidden"
    ident.protection.sheet = True
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 0
    return xlsx.save(workbook, path)


def write_workbooks(books: Sequence[MemberWorkbook], folder: Path) -> list[Path]:
    """Every member's workbook into `folder`, named after the member."""
    make_folder(folder)
    names = file_names([book.member_name for book in books])
    return [render_xlsx(book, folder / name) for book, name in zip(books, names, strict=True)]
