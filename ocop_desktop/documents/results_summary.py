"""Bảng tổng hợp kết quả đánh giá, phân hạng: one line per product of the round, as PDF and as Excel."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.documents import xlsx
from ocop_desktop.documents.pdf import layout
from ocop_desktop.domain.text import sentence_start

NOT_SCORED = "chưa chấm"


@dataclass(frozen=True)
class ResultLine:
    order: int
    product: str
    code: str
    producer: str
    address: str
    group: str
    members: str  # "6/7": ballots counted / scoring members
    average: str  # "87,67" (already rounded for display by the caller)
    part_averages: str  # "A 35,00 · B 22,67 · C 30,00"
    band_stars: int
    stars: int | None
    conclusion: str  # "Đề nghị công nhận 4 sao", "Không đạt", …
    notes: str
    proposed: bool  # approved, certifiable and recognised at this level (not 5★): it goes on the decision annex
    # the same figures as numbers, for the workbook (one value per cell); None / () while the product has no result
    average_points: Decimal | None
    part_points: tuple[tuple[str, Decimal], ...]  # (part id, its average), in the sheet's order
    counted: int  # ballots counted
    scorers: int  # the council's scoring members
    scored: bool = True  # False: no result yet (ballots missing), the line says "chưa chấm"
    recognised_stars: int | None = None  # above the council's authority, the star recognised now (else `stars`)
    referral: str = ""  # "đề nghị Trung ương đánh giá, công nhận 5 sao" when referred to a higher level


@dataclass(frozen=True)
class ResultsSummary:
    heading: layout.Heading
    council: str
    round_name: str
    rule_version: str
    lines: tuple[ResultLine, ...]
    signers: tuple[tuple[str, str], ...]


HEADERS = (
    "STT", "Tên sản phẩm", "Mã số", "Chủ thể", "Địa chỉ", "Nhóm sản phẩm", "Số phiếu", "Điểm trung bình",
    "Điểm các phần", "Hạng theo điểm", "Kết quả", "Ghi chú",
)  # fmt: skip


def _story(summary: ResultsSummary) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width(wide=True)
    story: list[Flowable] = [
        layout.heading_table(summary.heading, width),
        Paragraph("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", s["title"]),
        Paragraph(escape(f"{summary.round_name} — {summary.council}"), s["center"]),
        Paragraph(escape(f"Bộ tiêu chí: {summary.rule_version}"), s["center"]),
        Spacer(1, 6),
    ]
    rows: list[list[object]] = [list(HEADERS)]
    for line in summary.lines:
        rows.append(
            [
                line.order, line.product, line.code, line.producer, line.address, line.group, line.members,
                line.average, line.part_averages, *_ranks(line), _remark(line),
            ]
        )  # fmt: skip
    widths = [14, 30, 24, 28, 32, 26, 15, 16, 28, 15, 17, 24]
    scale = width / sum(widths)
    body, tail = layout.table_with_tail(rows, [w * scale for w in widths], tail=TAIL_ROWS)
    story.append(body)
    closing: list[Flowable] = [tail] if tail is not None else []
    story.append(layout.closing(*closing, Spacer(1, 12), layout.signature_block(width, summary.signers)))
    return story


TAIL_ROWS = 2  # the last lines of the table stay on the page of the signatures


def _ranks(line: ResultLine) -> tuple[str, str]:
    """The star of the average's band and the star given; an unscored product has neither."""
    if not line.scored:
        return NOT_SCORED, NOT_SCORED
    return f"{line.band_stars} sao", f"{line.stars} sao" if line.stars else "Không xếp hạng"


def _remark(line: ResultLine) -> str:
    """The conclusion and the notes as sentences: "Dự kiến 3 sao. Chưa đạt mức tối thiểu …"."""
    return ". ".join(sentence_start(part) for part in (line.conclusion, line.notes) if part)


def running_line(summary: ResultsSummary) -> str:
    return f"Bảng tổng hợp kết quả đánh giá, phân hạng · {summary.round_name} · {summary.council}"


def render_pdf(summary: ResultsSummary, path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    return layout.build(
        path,
        lambda: _story(summary),
        title="Bảng tổng hợp kết quả đánh giá, phân hạng sản phẩm OCOP",
        author=summary.council,
        subject=summary.round_name,
        running=running_line(summary),
        wide=True,
        on_page=on_page,
    )


def part_ids(lines: tuple[ResultLine, ...]) -> list[str]:
    """The parts of every sheet of the round, in the order met (A, B, C for every sheet of QĐ 26)."""
    return list(dict.fromkeys(part for line in lines for part, _points in line.part_points))


def render_xlsx(summary: ResultsSummary, path: Path) -> Path:
    """One line per product, every figure a number in a cell of its own (points shown with two decimals)."""
    parts = part_ids(summary.lines)
    headers = [
        "STT", "Tên sản phẩm", "Mã số", "Chủ thể", "Địa chỉ", "Nhóm sản phẩm", "Số phiếu tính điểm",
        "Số thành viên chấm", "Điểm trung bình", *(f"Điểm phần {p}" for p in parts), "Hạng theo điểm (sao)",
        "Số sao", "Kết luận", "Ghi chú",
    ]  # fmt: skip
    columns = len(headers)
    workbook, sheet = xlsx.new_sheet("Tổng hợp kết quả")
    xlsx.title_row(sheet, 1, "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", columns)
    xlsx.title_row(sheet, 2, f"{summary.round_name} — {summary.council}", columns, size=xlsx.BODY_SIZE, bold=False)
    xlsx.title_row(sheet, 3, f"Bộ tiêu chí: {summary.rule_version}", columns, size=xlsx.BODY_SIZE, bold=False)
    sheet.append(headers)
    xlsx.header_row(sheet, 4, columns)
    for line in summary.lines:
        points = dict(line.part_points)
        scored = line.average_points is not None
        sheet.append(
            [
                line.order, line.product, line.code, line.producer, line.address, line.group, line.counted,
                line.scorers, line.average_points, *(points.get(p) for p in parts),
                line.band_stars if scored else None, line.stars, line.conclusion, line.notes,
            ]
        )  # fmt: skip
    last = sheet.max_row
    points_columns = range(9, 10 + len(parts))
    xlsx.body_rows(sheet, 5, last, columns, {c: xlsx.POINTS_FORMAT for c in points_columns} | {3: xlsx.TEXT_FORMAT})
    xlsx.set_widths(sheet, (5, 22, 13, 20, 24, 16, 8, 8, 8, *(7 for _p in parts), 8, 6, 18, 24))
    xlsx.fit_rows(sheet)
    sheet.freeze_panes = "A5"
    xlsx.print_setup(sheet, "Bảng tổng hợp kết quả đánh giá, phân hạng sản phẩm OCOP", landscape=True,
                     header_rows=(4, 4), columns=columns)  # fmt: skip
    return xlsx.save(workbook, path)
