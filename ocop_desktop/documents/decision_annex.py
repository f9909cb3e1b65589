"""Phụ lục kèm theo quyết định công nhận: the products recognised, grouped by stars (highest first), as PDF and Excel.

Before the decision exists the same list is the council's proposal, with the decision number left blank to fill."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.documents import xlsx
from ocop_desktop.documents.pdf import layout
from ocop_desktop.documents.results_summary import ResultLine
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.text import body_in_sentence

ROMAN = ("I", "II", "III", "IV", "V")
HEADERS = ("STT", "Tên sản phẩm", "Mã số", "Chủ thể", "Địa chỉ", "Nhóm sản phẩm", "Điểm", "Hạng sao")


@dataclass(frozen=True)
class DecisionRef:
    number: str
    date: dt.date
    issuing_body: str


@dataclass(frozen=True)
class DecisionAnnex:
    round_name: str
    council: str
    decision: DecisionRef | None
    lines: tuple[ResultLine, ...]  # only the proposed ones


def title(annex: DecisionAnnex) -> str:
    if annex.decision is None:
        return "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN ĐẠT SẢN PHẨM OCOP"
    return "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT SẢN PHẨM OCOP"


def attached_to(annex: DecisionAnnex) -> str:
    """The line under the title tying the list to its decision (blanks to fill while it is still a proposal)."""
    d = annex.decision
    if d is None:
        return "(Kèm theo Quyết định số ........../QĐ-UBND ngày ...... tháng ...... năm .........)"
    return f"(Kèm theo Quyết định số {d.number} ngày {format_vi_date(d.date)} của {body_in_sentence(d.issuing_body)})"


def recognised(line: ResultLine) -> int | None:
    """The star the decision recognises: the star within the council's authority for a product referred higher."""
    return line.recognised_stars if line.recognised_stars is not None else line.stars


def by_stars(lines: tuple[ResultLine, ...]) -> list[tuple[int, list[ResultLine]]]:
    stars = sorted({s for line in lines if (s := recognised(line))}, reverse=True)
    return [(n, [line for line in lines if recognised(line) == n]) for n in stars]


def _product(line: ResultLine) -> str:
    """The product's name, with its referral said when the decision recognises a star below its result."""
    return f"{line.product} ({line.referral})" if line.referral else line.product


def _story(annex: DecisionAnnex) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width(wide=True)
    story: list[Flowable] = [
        Paragraph("Phụ lục", s["annex_label"]),
        Paragraph(title(annex), s["title"]),
        Paragraph(escape(attached_to(annex)), s["date"]),
        Paragraph(escape(f"{annex.round_name} — {annex.council}"), s["center"]),
        Spacer(1, 6),
    ]
    rows: list[list[object]] = [list(HEADERS)]
    spans: list[int] = []
    groups = by_stars(annex.lines)
    for index, (stars, lines) in enumerate(groups):
        spans.append(len(rows))
        group_title = f"<b>SẢN PHẨM ĐẠT {stars} SAO ({len(lines)} sản phẩm)</b>"
        rows.append([Paragraph(f"<b>{ROMAN[index]}</b>", s["cell"]), Paragraph(group_title, s["cell"])] + [""] * 6)
        for order, line in enumerate(lines, start=1):
            name = _product(line)
            rows.append([order, name, line.code, line.producer, line.address, line.group, line.average, f"{stars} sao"])
    if not groups:
        spans.append(len(rows))
        rows.append(["", "Không có sản phẩm nào được đề nghị công nhận trong đợt này.", *([""] * 6)])
    widths = [12, 40, 31, 36, 46, 33, 15, 15]
    scale = width / sum(widths)
    table = layout.data_table(rows, [w * scale for w in widths])
    for r in spans:
        table.setStyle([("SPAN", (1, r), (-1, r))])
    story.append(table)
    story.append(Spacer(1, 6))
    count = sum(len(lines) for _stars, lines in groups)
    summary = ", ".join(f"{len(lines)} sản phẩm {stars} sao" for stars, lines in groups)
    story.append(Paragraph(f"Tổng cộng: {count} sản phẩm{f' ({summary})' if summary else ''}.", s["body"]))
    return story


def render_pdf(annex: DecisionAnnex, path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    return layout.build(
        path,
        lambda: _story(annex),
        title="Phụ lục danh sách sản phẩm OCOP",
        author=body_in_sentence(annex.decision.issuing_body) if annex.decision is not None else annex.council,
        subject=f"Phụ lục danh sách sản phẩm OCOP — {annex.round_name}",
        running=f"Phụ lục danh sách sản phẩm OCOP · {annex.round_name} · {annex.council}",
        wide=True,
        on_page=on_page,
    )


def render_xlsx(annex: DecisionAnnex, path: Path) -> Path:
    columns = len(HEADERS)
    workbook, sheet = xlsx.new_sheet("Danh sách sản phẩm")
    xlsx.title_row(sheet, 1, "Phụ lục", columns, size=xlsx.BODY_SIZE + 1)
    xlsx.title_row(sheet, 2, title(annex), columns)
    xlsx.title_row(sheet, 3, attached_to(annex), columns, size=xlsx.BODY_SIZE, bold=False)
    sheet.cell(3, 1).font = xlsx.font(italic=True)
    xlsx.title_row(sheet, 4, f"{annex.round_name} — {annex.council}", columns, size=xlsx.BODY_SIZE, bold=False)
    sheet.append(list(HEADERS))
    xlsx.header_row(sheet, 5, columns)
    groups = []
    for index, (stars, lines) in enumerate(by_stars(annex.lines)):
        sheet.append([ROMAN[index], f"SẢN PHẨM ĐẠT {stars} SAO ({len(lines)} sản phẩm)"])
        groups.append(sheet.max_row)
        for order, line in enumerate(lines, start=1):
            sheet.append(
                [order, _product(line), line.code, line.producer, line.address, line.group, line.average_points, stars]
            )
    xlsx.body_rows(sheet, 6, sheet.max_row, columns, {3: xlsx.TEXT_FORMAT, 7: xlsx.POINTS_FORMAT})
    for row in groups:
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=columns)
        for column in (1, 2):
            sheet.cell(row, column).font = xlsx.font(bold=True)
    xlsx.set_widths(sheet, (5, 28, 13, 26, 32, 22, 9, 8))
    xlsx.fit_rows(sheet)
    sheet.freeze_panes = "A6"
    xlsx.print_setup(sheet, "Phụ lục danh sách sản phẩm OCOP", landscape=True, header_rows=(5, 5), columns=columns)
    return xlsx.save(workbook, path)
