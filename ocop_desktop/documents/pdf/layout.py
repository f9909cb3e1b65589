"""The layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins, the issuing
body beside the Quốc hiệu and Tiêu ngữ, số / ký hiệu, địa danh and date, title, signature blocks and Nơi nhận."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
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
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from ocop_desktop import __version__
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
    date: dt.date | None  # None: no event dates the document yet, the date line is left to fill by hand


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
        # NĐ 30, Phụ lục I: Tiêu ngữ 13-14 pt bold, "Số:" 13 pt
        "motto": ParagraphStyle(
            "motto", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold", fontSize=13, leading=16
        ),
        "number": ParagraphStyle("number", parent=base, alignment=TA_CENTER, fontSize=13, leading=17),
        # a paragraph that introduces what follows (a product, a list) stays with it
        "lead": ParagraphStyle(
            "lead", parent=base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6, keepWithNext=1
        ),
        # a section heading stays with what follows it rather than end a page
        "section": ParagraphStyle("section", parent=base, fontName=f"{family}-Bold", spaceAfter=6, keepWithNext=1),
        "table_heading": ParagraphStyle("table_heading", parent=base, fontName=f"{family}-Bold", spaceAfter=6),
        "annex_label": ParagraphStyle(
            "annex_label", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold", fontSize=14, leading=18
        ),
        "recipients_title": ParagraphStyle(
            "recipients_title", parent=base, fontName=f"{family}-BoldItalic", fontSize=12, leading=14
        ),
        "recipients": ParagraphStyle("recipients", parent=base, fontSize=11, leading=13),
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


def vi_date_line(place: str, day: dt.date | None) -> str:
    """ "Thái Nguyên, ngày 05 tháng 03 năm 2026": day below 10 and months 1–2 with a leading zero (NĐ 30); with
    no date, blanks to write it in by hand."""
    if day is None:
        return f"{place}, ngày ...... tháng ...... năm .........."
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


UNIT_WORDS = (" TỈNH ", " THÀNH PHỐ ", " XÃ ", " PHƯỜNG ", " ĐẶC KHU ")


def body_lines(name: str, width: float, *, bold: bool = True) -> str:
    """An issuing body too wide for its column breaks before the unit's name ("ỦY BAN NHÂN DÂN<br/>TỈNH THÁI
    NGUYÊN"), as administrations write it, rather than wherever the words run out — unless that would leave a
    word alone on the line before the unit's name (then the words simply run on)."""
    text = name.upper()
    font = f"{register_fonts()}-Bold" if bold else register_fonts()
    size = styles()["heading"].fontSize
    if stringWidth(text, font, size) <= width:
        return escape(text)
    cut = max(text.rfind(word) for word in UNIT_WORDS)
    if cut <= 0:
        return escape(text)
    head = simpleSplit(text[:cut], font, size, width)
    if len(head) > 1 and len(head[-1].split()) < 2:
        return escape(text)
    return f"{escape(text[:cut])}<br/>{escape(text[cut + 1 :])}"


class Rule(Flowable):
    """A solid line centred in its column: NĐ 30 draws one under the Tiêu ngữ (as long as its text) and one under
    the issuing body (a third to a half of its width)."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length
        self.column = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.column = availWidth
        return availWidth, 7

    def draw(self) -> None:
        left = (self.column - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(left, 4.5, left + self.length, 4.5)


def _text_width(lines: Sequence[str], font: str, size: float) -> float:
    return max(stringWidth(line, font, size) for line in lines)


def collective_name(body: str) -> str:
    """The collective body a signer signs for, without its unit: "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" -> "ỦY BAN
    NHÂN DÂN"."""
    text = f" {body.upper().strip()} "
    cut = min((at for word in UNIT_WORDS if (at := text.find(word)) > 0), default=len(text))
    return text[:cut].strip()


def signer_lines(collective: str | None, title: str) -> str:
    """The lines above a signature, each on its own (NĐ 30, Phụ lục I): "TM." and the collective body when it
    signs for one, then "KT." and the head's title, then the signer's own title — "TM. ỦY BAN NHÂN DÂN" /
    "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". A title stored on one line ("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH") is split."""
    lines = [part.strip() for part in re.split(r"\s+[-–—]\s+|\n", title.upper()) if part.strip()]
    if collective and not (lines and lines[0].startswith("TM.")):
        lines.insert(0, f"TM. {collective_name(collective)}")
    return "\n".join(lines)


def heading_table(heading: Heading, width: float) -> Table:
    """The block above the title: parent body (not bold) and issuing body in bold with a short line under it, and
    its number, beside the Quốc hiệu and the Tiêu ngữ with a line as long as it, and the place and date."""
    s = styles()
    family = register_fonts()
    column = width * 0.4 - 4
    left: list[Flowable] = []
    if heading.parent_body:
        left.append(Paragraph(body_lines(heading.parent_body, column, bold=False), s["heading"]))
    body = body_lines(heading.issuing_body, column)
    left.append(Paragraph(f"<b>{body}</b>", s["heading"]))
    widest = _text_width(body.split("<br/>"), f"{family}-Bold", s["heading"].fontSize)
    left.append(Rule(min(widest, column) * 0.4))
    if heading.number:
        left.append(Paragraph(f"Số: {escape(heading.number)}", s["number"]))
    right = [
        Paragraph(f"<b>{NATIONAL_TITLE}</b>", s["heading"]),
        Paragraph(MOTTO, s["motto"]),
        Rule(stringWidth(MOTTO, f"{family}-Bold", s["motto"].fontSize)),
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


def signature_block(width: float, blocks: Sequence[tuple[str, str]], *, beside: Sequence[Flowable] = ()) -> Table:
    """Signature columns side by side: (position in upper case, full name), with room to sign. A position of
    several lines ("TM. HỘI ĐỒNG\nCHỦ TỊCH") keeps each on its own line; `beside` fills an empty first column
    (the Nơi nhận, as NĐ 30 places it left of the signature)."""
    s = styles()
    cells: list[list[Flowable]] = []
    for index, (position, name) in enumerate(blocks):
        if index == 0 and beside and not position and not name:
            cells.append(list(beside))
            continue
        title = "<br/>".join(escape(line) for line in position.upper().splitlines())
        cells.append(
            [
                Paragraph(f"<b>{title}</b>", s["center"]),
                Spacer(1, 22 * mm),
                Paragraph(f"<b>{escape(name)}</b>", s["center"]),
            ]
        )
    table = Table([cells], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(cell_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)))
    return table


def recipients(items: Sequence[str]) -> list[Flowable]:
    """Nơi nhận: each recipient on its own line, "- …;" and the last "- Lưu: …." (NĐ 30, Phụ lục I)."""
    s = styles()
    lines: list[Flowable] = [Paragraph("Nơi nhận:", s["recipients_title"])]
    for index, item in enumerate(items):
        end = "." if index == len(items) - 1 else ";"
        lines.append(Paragraph(escape(f"- {item}{end}"), s["recipients"]))
    return lines


def table_heading(text: str, room: float = 40 * mm) -> list[Flowable]:
    """A heading over a long table: on a new page unless `room` is left for it and the table's first rows (keeping
    it with the whole table would push a page-long table off a half-empty page)."""
    return [CondPageBreak(room), Paragraph(text, styles()["table_heading"])]


class Closing(KeepTogether):
    """The end of a document kept on one page: its last rows, date line, signatures and Nơi nhận, so that no page
    holds a signature alone."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__(list(flowables))
        self.parts = tuple(flowables)


def closing(*flowables: Flowable) -> Closing:
    return Closing(flowables)


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
        )
    )
    if header_rows:
        table.setStyle([("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee"))])
    return table


def table_with_tail(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *, tail: int, header_rows: int = 1
) -> tuple[Table, Table | None]:
    """The ruled table cut before its last `tail` rows, so that they can be kept with what closes the document.
    Returns the two tables (the second None when there are no rows to spare); `span_rows` spans rows of either."""
    if len(rows) - tail <= header_rows:
        return data_table(rows, widths, header_rows=header_rows), None
    return (
        data_table(rows[:-tail], widths, header_rows=header_rows),
        data_table(rows[-tail:], widths, header_rows=0),
    )


def span_rows(tables: tuple[Table, Table | None], cut: int, rows: Sequence[int], first_column: int = 0) -> None:
    """Span whole rows (by their index in the uncut table) across the columns, in whichever part they fell."""
    head, rest = tables
    for r in rows:
        if rest is None or r < cut:
            head.setStyle([("SPAN", (first_column, r), (-1, r))])
        else:
            rest.setStyle([("SPAN", (first_column, r - cut), (-1, r - cut))])


PageHook = Callable[[int, float], None]
# the share of a one-per-page pack's time spent making its story, before page 1 (measured: 12 of 67 s, 13 of 47 s)
STORY_SHARE = 0.2
_story_made: ContextVar[Callable[[int, int], None] | None] = ContextVar("story_made", default=None)
RUNNING_SIZE = 9
RUNNING_SMALLEST = 7


class DocumentStart(Flowable):
    """An invisible mark opening one document of a file: its pages number from 1 and carry `running` (what the
    document is about: product code, member, …) at their foot, so that a loose page can be put back."""

    def __init__(self, running: str) -> None:
        super().__init__()
        self.running = running

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        """Nothing to draw: the document template reads the mark as it is laid out."""


class _FileEnd(DocumentStart):
    """The mark after the last document: closes its page count."""


class _PackTemplate(BaseDocTemplate):
    """Numbers the pages of each document from 1 (none on its first page, NĐ 30 Phụ lục I) and prints the running
    line with "trang n/m" at the foot of the others. The count m is known only when the document ends: each
    document's total is a form XObject that its pages refer to, drawn once its last page is known."""

    def __init__(self, filename: str, *, running: str, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.running = running
        self.document = 0
        self.first_page = 1
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self.number_page)])

    def afterFlowable(self, flowable: Flowable) -> None:
        """A document mark: the one before it ended on the previous page (its own page, for the file's end)."""
        if not isinstance(flowable, DocumentStart):
            return
        end = isinstance(flowable, _FileEnd)
        last = self.page if end else self.page - 1
        if last > self.first_page:
            self._draw_total(self.document, last - self.first_page + 1)
        if not end:  # the file's last page is still to be finished, and numbered as its document's
            self.document += 1
            self.first_page, self.running = self.page, flowable.running

    def _draw_total(self, document: int, total: int) -> None:
        canvas = self.canv
        canvas.beginForm(f"total{document}")
        canvas.setFont(register_fonts(), RUNNING_SIZE)
        canvas.drawString(0, 0, str(total))
        canvas.endForm()

    def number_page(self, canvas: Any, _doc: Any) -> None:
        number = self.page - self.first_page + 1
        if number == 1:
            return
        width, height = self.pagesize
        family = register_fonts()
        canvas.saveState()
        canvas.setFont(family, 13)
        canvas.drawCentredString(width / 2, height - 12 * mm, str(number))
        left, right = self.leftMargin, width - self.rightMargin
        baseline = 12 * mm
        page_of = f"trang {number}/"
        reserve = stringWidth(f"{page_of}999", f"{family}-Italic", RUNNING_SIZE)
        running, size = _fit(self.running, f"{family}-Italic", right - left - reserve - 6 * mm)
        canvas.setFont(f"{family}-Italic", size)
        canvas.drawString(left, baseline, running)
        canvas.setFont(f"{family}-Italic", RUNNING_SIZE)
        canvas.drawString(right - reserve, baseline, page_of)
        canvas.translate(right - reserve + stringWidth(page_of, f"{family}-Italic", RUNNING_SIZE), baseline)
        canvas.doForm(f"total{self.document}")
        canvas.restoreState()


def _fit(text: str, font: str, width: float) -> tuple[str, float]:
    """The running line on one line: in a smaller size if need be, then cut with an ellipsis."""
    size = float(RUNNING_SIZE)
    while stringWidth(text, font, size) > width and size > RUNNING_SMALLEST:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def one_per_page(
    items: Sequence[T], story: Callable[[T], list[Flowable]], running: Callable[[T], str]
) -> list[Flowable]:
    """The stories of several documents in one file, each starting on a new page, numbering its pages from 1 with
    `running(item)` at the foot of its continuation pages. Inside `build` with a page hook, each item is reported
    as it is made: making the story of a 450-sheet pack takes a quarter of its time."""
    flowables: list[Flowable] = []
    made = _story_made.get()
    for index, item in enumerate(items):
        if made is not None:
            made(index, len(items))
        if index:
            flowables.append(PageBreak())
        flowables.append(DocumentStart(running(item)))
        flowables.extend(story(item))
    return flowables


def build(
    path: Path,
    make_story: Callable[[], list[Flowable]],
    *,
    title: str,
    author: str,
    subject: str,
    running: str,
    wide: bool = False,
    on_page: PageHook | None = None,
) -> Path:
    """Write the PDF to a temporary file and rename it into place; the pages of each document (see `one_per_page`;
    the whole file when it holds one) from the second on carry their number at the top and `running` with
    "trang n/m" at the foot. The file names its title, author (the issuer), subject and OCOP Desktop as creator.
    The story is made by `make_story` so that ReportLab can drop each page's flowables once drawn (a 3,000-page
    pack would otherwise stay in memory) and so that a retry gets fresh ones.

    `on_page(page, fraction_done)` is called as each page is finished (page 0: while the story is being made), so a
    long pack can show its progress; an exception it raises stops the build at once and no file (nor temporary
    file) is left."""
    register_fonts()
    size = landscape(A4) if wide else A4

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
            return [*make_story(), _FileEnd("")]
        finally:
            _story_made.reset(token)

    def attempt(story: list[Flowable], tmp: Path) -> None:
        document = _PackTemplate(
            str(tmp),
            running=running,
            pagesize=size,
            title=title,
            author=author,
            subject=subject,
            creator=f"OCOP Desktop {__version__}",
            **MARGINS,
        )
        if on_page is not None:
            document.setProgressCallBack(_page_progress(laid_out))
        document.build(story)

    with written_atomically(path) as tmp:
        try:
            attempt(new_story(), tmp)
        except LayoutError:
            # a table row taller than a page: let rows break inside. Not the default, because a row split near the
            # foot of a page leaves an empty sliver there.
            story = new_story()
            for table in _tables(story):
                table.splitInRow = 1
            attempt(story, tmp)
    return path


def _tables(flowables: Sequence[Flowable]) -> Iterator[Table]:
    """The tables of a story, those in a block kept together (a document's closing rows) included."""
    for flowable in flowables:
        if isinstance(flowable, Table):
            yield flowable
        elif isinstance(flowable, Closing):
            yield from _tables(flowable.parts)


def _page_progress(on_page: PageHook) -> Callable[[str, int], None]:
    """ReportLab's own progress callback (flowables laid out of the story's size, then each finished page) turned
    into one call per page with the fraction of the story done."""
    state = {"size": 0, "done": 0}

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = value
        elif kind == "PROGRESS":
            # a block kept together that has to split goes back into the story: the count may step back
            state["done"] = max(state["done"], value)
        elif kind == "PAGE":
            on_page(value, state["done"] / state["size"] if state["size"] else 0.0)

    return callback


def content_width(*, wide: bool = False) -> float:
    size = landscape(A4) if wide else A4
    return size[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]
