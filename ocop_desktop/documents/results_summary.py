"""Bảng tổng hợp kết quả đánh giá, phân hạng: one line per product of the round, as PDF and as Excel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.documents import xlsx
from ocop_desktop.documents.pdf import layout


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
                line.average, line.part_averages, f"{line.band_stars} sao",
                f"{line.stars} sao" if line.stars else "Không xếp hạng", f"{line.conclusion}. {line.notes}".strip(". "),
            ]
        )  # fmt: skip
    widths = [14, 30, 24, 28, 32, 26, 15, 16, 28, 15, 17, 24]
    scale = width / sum(widths)
    story.append(layout.data_table(rows, [w * scale for w in widths]))
    story.append(Spacer(1, 12))
    story.append(layout.signature_block(width, summary.signers))
    return story


def render_pdf(summary: ResultsSummary, path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    return layout.build(path, lambda: _story(summary), title="Bảng tổng hợp kết quả", wide=True, on_page=on_page)


def render_xlsx(summary: ResultsSummary, path: Path) -> Path:
    workbook, sheet = xlsx.new_sheet("Tổng hợp kết quả")
    sheet.append([f"BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP — {summary.round_name}"])
    sheet.append([summary.council])
    sheet.append([*HEADERS[:10], "Số sao", "Kết luận", "Ghi chú"])
    xlsx.bold_row(sheet, 3)
    for line in summary.lines:
        sheet.append(
            [
                line.order, line.product, line.code, line.producer, line.address, line.group, line.members,
                line.average, line.part_averages, line.band_stars, line.stars or "", line.conclusion, line.notes,
            ]
        )  # fmt: skip
    xlsx.set_widths(sheet, (6, 30, 18, 30, 36, 28, 9, 10, 26, 10, 8, 26, 30))
    return xlsx.save(workbook, path)
