"""The layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins, the issuing
body beside the Quốc hiệu and Tiêu ngữ, số / ký hiệu, địa danh and date, title, signature blocks and Nơi nhận."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from ocop_desktop.documents.pdf.fonts import register_fonts
from ocop_desktop.paths import written_atomically

T = TypeVar("T")


class Margins(TypedDict):
    """The page margins, named as ReportLab's document templates take them."""

    leftMargin: float
    rightMargin: float
    topMargin: float
    bottomMargin: float


MARGINS: Margins = {"leftMargin": 30 * mm, "rightMargin": 20 * mm, "topMargin": 20 * mm, "bottomMargin": 20 * mm}
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Heading:
    """What sits above the title of every document: who issues it, its number, where and when."""

    issuing_body: str
    parent_body: str | None
    number: str | None
    place: str
    date: dt.date


def cell_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style whose cells start in the bundled font: Table sets each cell's font even around Paragraphs, and
    its default is Helvetica, which would sit unembedded in the PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *commands])


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The shared paragraph styles (built once: a sheet pack asks for them tens of thousands of times)."""
    family = register_fonts()
    base = ParagraphStyle("base", fontName=family, fontSize=13, leading=17)
    return {
        "body": ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=11, leading=14, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=11, leading=14, alignment=TA_CENTER),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        # the Quốc hiệu line at 12 pt fits one line beside the issuing body on a portrait page (NĐ 30: 12-13 pt)
        "heading": ParagraphStyle("heading", parent=base, alignment=TA_CENTER, fontSize=12, leading=15),
        "center_bold": ParagraphStyle("center_bold", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold"),
        "title": ParagraphStyle(
            "title",
            parent=base,
            alignment=TA_CENTER,
            fontName=f"{family}-Bold",
            fontSize=14,
            leading=18,
            spaceBefore=12,
        ),
        "date": ParagraphStyle("date", parent=base, alignment=TA_CENTER, fontName=f"{family}-Italic"),
        "small": ParagraphStyle("small", parent=base, fontSize=11, leading=13),
    }


def vi_date_line(place: str, day: dt.date) -> str:
    """ "Thái Nguyên, ngày 05 tháng 03 năm 2026": day below 10 and months 1–2 with a leading zero (NĐ 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


UNIT_WORDS = (" TỈNH ", " THÀNH PHỐ ", " XÃ ", " PHƯỜNG ", " ĐẶC KHU ")


def body_lines(name: str, width: float) -> str:
    """An issuing body too wide for its column breaks before the unit's name ("ỦY BAN NHÂN DÂN<br/>TỈNH THÁI
    NGUYÊN"), as administrations write it, rather than wherever the words run out."""
    text = name.upper()
    if stringWidth(text, f"{register_fonts()}-Bold", styles()["heading"].fontSize) <= width:
        return escape(text)
    cut = max(text.rfind(word) for word in UNIT_WORDS)
    if cut <= 0:
        return escape(text)
    return f"{escape(text[:cut])}<br/>{escape(text[cut + 1 :])}"


def heading_table(heading: Heading, width: float) -> Table:
    s = styles()
    left = []
    if heading.parent_body:
        left.append(Paragraph(escape(heading.parent_body.upper()), s["heading"]))
    left.append(Paragraph(f"<b>{body_lines(heading.issuing_body, width * 0.4 - 4)}</b>", s["heading"]))
    left.append(Paragraph("———", s["heading"]))
    if heading.number:
        left.append(Paragraph(f"Số: {escape(heading.number)}", s["heading"]))
    right = [
        Paragraph(f"<b>{NATIONAL_TITLE}</b>", s["heading"]),
        Paragraph(f"<b>{MOTTO}</b>", s["heading"]),
        Paragraph("—————————", s["heading"]),
        Paragraph(escape(vi_date_line(heading.place, heading.date)), s["date"]),
    ]
    table = Table([[left, right]], colWidths=[width * 0.4, width * 0.6])
    table.setStyle(
        cell_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def signature_block(width: float, blocks: Sequence[tuple[str, str]]) -> Table:
    """Signature columns side by side: (position in upper case, full name), with room to sign."""
    s = styles()
    cells = [
        [
            Paragraph(f"<b>{escape(position.upper())}</b>", s["center"]),
            Spacer(1, 22 * mm),
            Paragraph(f"<b>{escape(name)}</b>", s["center"]),
        ]
        for position, name in blocks
    ]
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(cell_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def data_table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header_rows: int = 1) -> Table:
    """A ruled table; plain values are escaped (a product called "Trà & Mật" is text, not markup)."""
    s = styles()
    body = [
        [
            cell
            if isinstance(cell, Flowable)
            else Paragraph(escape(str(cell)), s["cell_center"] if r < header_rows else s["cell"])
            for cell in row
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(body, colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(
        cell_style(
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
        )
    )
    return table


PageHook = Callable[[int, float], None]
# the share of a one-per-page pack's time spent making its story, before page 1 (measured: 12 of 67 s, 13 of 47 s)
STORY_SHARE = 0.2
_story_made: ContextVar[Callable[[int, int], None] | None] = ContextVar("story_made", default=None)


def one_per_page(items: Sequence[T], story: Callable[[T], list[Flowable]]) -> list[Flowable]:
    """The stories of several documents in one file, each starting on a new page. Inside `build` with a page hook,
    each item is reported as it is made: making the story of a 450-sheet pack takes a quarter of its time."""
    flowables: list[Flowable] = []
    made = _story_made.get()
    for index, item in enumerate(items):
        if made is not None:
            made(index, len(items))
        if index:
            flowables.append(PageBreak())
        flowables.extend(story(item))
    return flowables


def build(
    path: Path,
    make_story: Callable[[], list[Flowable]],
    *,
    title: str,
    wide: bool = False,
    on_page: PageHook | None = None,
) -> Path:
    """Write the PDF to a temporary file and rename it into place; pages from 2 on carry their number at the top.
    The story is made by `make_story` so that ReportLab can drop each page's flowables once drawn (a 3,000-page
    pack would otherwise stay in memory) and so that a retry gets fresh ones.

    `on_page(page, fraction_done)` is called as each page is finished (page 0: while the story is being made), so a
    long pack can show its progress; an exception it raises stops the build at once and no file (nor temporary
    file) is left."""
    register_fonts()
    size = landscape(A4) if wide else A4

    def number_pages(canvas: Any, doc: Any) -> None:
        if doc.page > 1:
            canvas.setFont(register_fonts(), 13)
            canvas.drawCentredString(size[0] / 2, size[1] - 12 * mm, str(doc.page))

    made = {"items": False}

    def story_made(index: int, count: int) -> None:
        made["items"] = True
        if on_page is not None:
            on_page(0, STORY_SHARE * index / count)

    def laid_out(page: int, fraction: float) -> None:
        if on_page is not None:
            on_page(page, STORY_SHARE + (1 - STORY_SHARE) * fraction if made["items"] else fraction)

    def new_story() -> list[Flowable]:
        token = _story_made.set(story_made if on_page is not None else None)
        try:
            return make_story()
        finally:
            _story_made.reset(token)

    def attempt(story: list[Flowable], tmp: Path) -> None:
        document = SimpleDocTemplate(str(tmp), pagesize=size, title=title, author="OCOP Desktop", **MARGINS)
        if on_page is not None:
            document.setProgressCallBack(_page_progress(laid_out))
        document.build(story, onFirstPage=lambda c, d: None, onLaterPages=number_pages)

    with written_atomically(path) as tmp:
        try:
            attempt(new_story(), tmp)
        except LayoutError:
            # a table row taller than a page: let rows break inside. Not the default, because a row split near the
            # foot of a page leaves an empty sliver there.
            story = new_story()
            for flowable in story:
                if isinstance(flowable, Table):
                    flowable.splitInRow = 1
            attempt(story, tmp)
    return path


def _page_progress(on_page: PageHook) -> Callable[[str, int], None]:
    """ReportLab's own progress callback (flowables laid out of the story's size, then each finished page) turned
    into one call per page with the fraction of the story done."""
    state = {"size": 0, "done": 0}

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = value
        elif kind == "PROGRESS":
            state["done"] = value
        elif kind == "PAGE":
            on_page(value, state["done"] / state["size"] if state["size"] else 0.0)

    return callback


def content_width(*, wide: bool = False) -> float:
    size = landscape(A4) if wide else A4
    return size[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]
