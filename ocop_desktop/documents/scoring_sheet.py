"""Phiếu đánh giá sản phẩm: the decree's sheet for one product and one member, blank or with the member's ballot
ticked and totalled; a pack puts one sheet per member per product into a single PDF, in agenda order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.documents.pdf import layout
from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Criterion, Sheet
from ocop_desktop.scoring.engine import CouncilDecision, MemberBallot, evaluated_items, member_score

TICKED, EMPTY = "■", "□"
TAIL_ROWS = 3  # the last rows of the table (the last totals) stay on the page of the date line and signature


@dataclass(frozen=True)
class SheetPage:
    """One printed sheet: whose product, which member, and the choices when the ballot is already entered."""

    round_name: str
    council: str  # who the sheet is for (the PDF's author)
    product: str
    code: str
    producer: str
    phone: str
    address: str
    member: str  # full name, printed under the signature
    place: str
    date: dt.date | None  # None: left blank to write by hand
    sheet: Sheet
    choices: Mapping[str, int] | None  # None: a blank sheet
    decisions: tuple[CouncilDecision, ...] = ()  # an eliminated criterion is not totalled
    comment: str = ""


def sheet_heading(sheet: Sheet) -> str:
    """The product group line under the title, with the decree's sheet number: "… (Phiếu số 11)"."""
    return sheet.title + (f" (Phiếu số {sheet.sheet_no})" if sheet.sheet_no else "")


def _points(value: int) -> str:
    return f"{value} điểm"


def _option_text(criterion: Criterion, number: int) -> str:
    option = criterion.options[number - 1]
    text = escape(option.condition)
    if option.case:
        text = f"<i>[{escape(option.case)}]</i> {text}"
    if option.star_minimum:
        text += f" <b>(*{option.star_minimum})</b>"
    return text


def centred(text: str) -> Paragraph:
    return Paragraph(text, layout.styles()["cell_center"])


def _criterion_rows(
    criterion: Criterion, choices: Mapping[str, int] | None, cell: Callable[[str], Paragraph]
) -> list[list[object]]:
    rows: list[list[object]] = [[cell(f"<b>{escape(criterion.id)}</b>"), cell(escape(criterion.text)), "", ""]]
    for sub in criterion.sub_criteria:
        rows.extend(_criterion_rows(sub, choices, cell))
    chosen = choices.get(criterion.id) if choices is not None else None
    for number, option in enumerate(criterion.options, start=1):
        mark = TICKED if chosen == number else EMPTY
        rows.append(["", cell(_option_text(criterion, number)), centred(str(option.points)), centred(mark)])
    if criterion.applicable_if is not None:
        mark = TICKED if chosen == NOT_APPLICABLE else EMPTY
        rows.append(
            ["", cell(f"<i>Không áp dụng ({escape(criterion.applicable_if)})</i>"), centred("0"), centred(mark)]
        )
    picked = criterion.option(chosen) if chosen is not None else None
    if picked is not None and picked.case is not None:  # CASE_PER_CRITERION: each criterion names its own case
        rows.append(["", cell(f"<i>Trường hợp đã chọn: <b>{escape(picked.case)}</b></i>"), "", ""])
    return rows


def sheet_story(page: SheetPage) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width()

    def cell(text: str) -> Paragraph:
        return Paragraph(text, s["cell"])

    sheet = page.sheet
    score = (
        member_score(sheet, MemberBallot("", page.choices), evaluated_items(sheet, page.decisions))
        if page.choices is not None
        else None
    )
    story: list[Flowable] = [
        Paragraph("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", s["title"]),
        Paragraph(escape(sheet_heading(sheet)), s["center"]),
        Paragraph(escape(page.round_name), s["center"]),
        Spacer(1, 6),
    ]
    for label, value in (
        ("Tên sản phẩm", page.product),
        ("Mã số hồ sơ", page.code),
        ("Tên chủ thể", page.producer),
        ("Điện thoại", page.phone),
        ("Địa chỉ", page.address),
        ("Người đánh giá", page.member),
    ):
        story.append(
            Paragraph(f"{label}: <b>{escape(value)}</b>" if value else f"{label}: ......................", s["cell"])
        )
    story.append(Spacer(1, 6))
    rows: list[list[object]] = [["Mã", "Tiêu chí đánh giá", "Điểm", "Chọn"]]
    spans: list[int] = []
    for part in sheet.parts:
        spans.append(len(rows))
        rows.append(
            [cell(f"<b>PHẦN {escape(part.id)}: {escape(part.title.upper())} ({part.max} điểm)</b>"), "", "", ""]
        )
        for group in part.groups:
            if not group.single_criterion:
                spans.append(len(rows))
                rows.append([cell(f"<b>{escape(group.title)} ({group.max} điểm)</b>"), "", "", ""])
            for criterion in group.criteria:
                rows.extend(_criterion_rows(criterion, page.choices, cell))
        total = f"{score.part_totals[part.id]}" if score is not None else "......"
        spans.append(len(rows))
        rows.append([cell(f"<b>Tổng điểm phần {escape(part.id)}: {total} / {part.max} điểm</b>"), "", "", ""])
    grand = f"{score.total}" if score is not None and score.total is not None else "......"
    spans.append(len(rows))
    rows.append([cell(f"<b>TỔNG ĐIỂM: {grand} / {sum(p.max for p in sheet.parts)} điểm</b>"), "", "", ""])
    tables = layout.table_with_tail(rows, [width * 0.1, width * 0.72, width * 0.09, width * 0.09], tail=TAIL_ROWS)
    layout.span_rows(tables, len(rows) - TAIL_ROWS, spans)
    body, tail = tables
    story.append(body)
    closing: list[Flowable] = [tail] if tail is not None else []
    closing += [
        Spacer(1, 4),
        Paragraph("(*N): mức tối thiểu của tiêu chí để sản phẩm được xếp hạng N sao.", s["cell"]),
        Spacer(1, 6),
        Paragraph("<b>Ý kiến của người đánh giá:</b>", s["cell"]),
    ]
    if page.comment:
        closing.append(Paragraph(escape(page.comment), s["cell"]))
    else:
        closing.extend(Paragraph("." * 150, s["cell"]) for _ in range(3))
    closing += [
        Spacer(1, 8),
        Paragraph(escape(layout.vi_date_line(page.place, page.date)), s["date"]),
        layout.signature_block(width, (("", ""), ("Người đánh giá", page.member))),
    ]
    story.append(layout.closing(*closing))
    return story


def running_line(page: SheetPage) -> str:
    """What matches a loose page to its sheet: product code and name, and the member."""
    product = f"{page.code} · {page.product}" if page.code else page.product
    return f"Phiếu đánh giá · {product} · Người đánh giá: {page.member}"


def render_pdf(pages: Sequence[SheetPage], path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    """All sheets into one file, each starting on a new page."""
    return layout.build(
        path,
        lambda: layout.one_per_page(pages, sheet_story, running_line),
        title="Phiếu đánh giá sản phẩm OCOP",
        author=pages[0].council if pages else "",
        subject=pages[0].round_name if pages else "Phiếu đánh giá sản phẩm OCOP",
        running="Phiếu đánh giá sản phẩm OCOP",
        on_page=on_page,
    )
