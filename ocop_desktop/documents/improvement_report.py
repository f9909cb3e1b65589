"""Phiếu góp ý hoàn thiện sản phẩm: for each producer, where the product stands on every criterion and what would
take it to the next star, in sentences built from the decree's own option texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.documents.pdf import layout
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.domain.text import in_sentence
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.improvement import Improvement, best_option, option_reaching

TOP_GAINS = 5
TAIL_ROWS = 2  # the last rows of the averages stay on the page of the signature


@dataclass(frozen=True)
class FeedbackPage:
    heading: layout.Heading
    round_name: str
    product: str
    code: str
    producer: str
    address: str
    sheet: Sheet
    item_averages: dict[str, Fraction]
    average_total: Fraction | None
    stars: int | None
    improvement: Improvement | None
    not_ranked_reasons: tuple[str, ...]  # when eliminated or stopped: the council's reasons
    signer: tuple[str, str]  # (position, one line each: "TM. HỘI ĐỒNG\nCHỦ TỊCH"; name)
    council: str = ""  # who sends the report (the PDF's author)
    recipients: tuple[str, ...] = ()  # Nơi nhận, the last one "Lưu: …"


def _advice(page: FeedbackPage) -> list[str]:
    sheet, plan = page.sheet, page.improvement
    if plan is None:
        reasons = "; ".join(page.not_ranked_reasons)
        return [f"Sản phẩm không được xếp hạng trong đợt này{f' ({reasons})' if reasons else ''}."]
    if plan.next_stars is None:
        return [f"Sản phẩm đạt {plan.current_stars} sao, hạng cao nhất ở cấp đánh giá này."]
    advice = []
    if plan.points_needed > 0:
        advice.append(
            f"Để đạt {plan.next_stars} sao, điểm trung bình cần tăng thêm ít nhất "
            f"{format_points_vi(plan.points_needed)} điểm."
        )
    for unmet in plan.unmet_minimums:
        item = sheet.item(unmet.item_id)
        if item is None:
            continue
        reaching = option_reaching(item, unmet.required)
        target = reaching.condition if reaching is not None else ""
        advice.append(
            f"Tiêu chí {item.id} “{in_sentence(item.text)}”: hiện đạt {format_points_vi(unmet.average)} điểm; để đạt "
            f"{unmet.for_stars} sao cần tối thiểu {unmet.required} điểm, tức là: {target}."
        )
    if not advice:
        advice.append(f"Sản phẩm đã đủ điều kiện về điểm cho {plan.next_stars} sao.")
    return advice


def page_story(page: FeedbackPage) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width()
    story: list[Flowable] = [
        layout.heading_table(page.heading, width),
        Paragraph("PHIẾU GÓP Ý HOÀN THIỆN SẢN PHẨM OCOP", s["title"]),
        Paragraph(escape(page.round_name), s["center"]),
        Spacer(1, 6),
        Paragraph(escape(f"Kính gửi: {page.producer}"), s["center"]),
        Spacer(1, 6),
    ]
    for label, value in (
        ("Tên sản phẩm", page.product),
        ("Mã số hồ sơ", page.code),
        ("Chủ thể", page.producer),
        ("Địa chỉ", page.address),
    ):
        story.append(Paragraph(f"{label}: <b>{escape(value)}</b>", s["cell"]))
    if page.average_total is not None:
        ranked = f", xếp hạng <b>{page.stars} sao</b>" if page.stars else ""
        story.append(
            Paragraph(f"Điểm trung bình: <b>{format_points_vi(page.average_total)}/100</b>{ranked}.", s["cell"])
        )
    story.append(Spacer(1, 6))
    story.append(Paragraph("1. Điều cần làm để lên hạng", s["section"]))
    story.extend(Paragraph("– " + escape(line), s["body"]) for line in _advice(page))
    if page.improvement is not None and page.improvement.gains:
        story.append(Paragraph("2. Những tiêu chí còn nhiều điểm có thể cải thiện nhất", s["section"]))
        for gain in page.improvement.gains[:TOP_GAINS]:
            item = page.sheet.item(gain.item_id)
            if item is None:
                continue
            story.append(
                Paragraph(
                    "– "
                    + escape(
                        f"Tiêu chí {item.id} “{in_sentence(item.text)}”: {format_points_vi(gain.average)}/{gain.max} "
                        "điểm; "
                        f"mức cao nhất: {best_option(item).condition}."
                    ),
                    s["body"],
                )
            )
    story += layout.table_heading("3. Điểm trung bình từng tiêu chí")
    rows: list[list[object]] = [["Tiêu chí", "Nội dung", "Trung bình", "Tối đa"]]
    for item in page.sheet.items:
        average = page.item_averages.get(item.id)
        rows.append([item.id, item.text, format_points_vi(average) if average is not None else "—", item.max])
    body, tail = layout.table_with_tail(rows, [width * 0.12, width * 0.62, width * 0.14, width * 0.12], tail=TAIL_ROWS)
    story.append(body)
    closing: list[Flowable] = [tail] if tail is not None else []
    signature = layout.signature_block(width, (("", ""), page.signer), beside=layout.recipients(page.recipients))
    story.append(layout.closing(*closing, Spacer(1, 10), signature))
    return story


def running_line(page: FeedbackPage) -> str:
    """The foot of a continuation page: which product and producer the report is for."""
    product = f"{page.code} · {page.product}" if page.code else page.product
    return f"Phiếu góp ý · {product} · {page.producer}"


def render_pdf(pages: Sequence[FeedbackPage], path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    """One report per product, each from a new page, in one file."""
    return layout.build(
        path,
        lambda: layout.one_per_page(pages, page_story, running_line),
        title="Phiếu góp ý hoàn thiện sản phẩm OCOP",
        author=pages[0].council if pages else "",
        subject=pages[0].round_name if pages else "Phiếu góp ý hoàn thiện sản phẩm OCOP",
        running="Phiếu góp ý hoàn thiện sản phẩm OCOP",
        on_page=on_page,
    )
