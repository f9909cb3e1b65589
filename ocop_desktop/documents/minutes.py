"""Biên bản họp hội đồng đánh giá, phân hạng sản phẩm OCOP: who met, when and where, whether the quorum held, and
for each product the members' totals, the averages, the star, the discussions and decisions; then the conclusions
the People's Committee acts on. Plain data in; every figure is already recomputed and formatted by the caller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.documents.pdf import layout
from ocop_desktop.domain.enums import MemberRole
from ocop_desktop.domain.quorum import Quorum
from ocop_desktop.domain.text import body_in_sentence

BLANK_TIME = "...... giờ ......"
FILL_LINE = "." * 120  # room to write by hand what the data does not hold

ROLE_TITLES = {
    MemberRole.CHAIR: "Chủ tịch Hội đồng",
    MemberRole.VICE_CHAIR: "Phó Chủ tịch Hội đồng",
    MemberRole.MEMBER: "Ủy viên",
    MemberRole.SECRETARY_MEMBER: "Ủy viên thư ký",
    MemberRole.GUEST: "Khách mời (không chấm điểm)",
}


@dataclass(frozen=True)
class Sitting:
    """One meeting session (phiên họp) of the round."""

    date: dt.date
    place: str
    opened_at: str | None  # "08:00"
    closed_at: str | None


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str  # "Chủ tịch Hội đồng", "Ủy viên", …
    position: str  # "Phó Chủ tịch UBND tỉnh"
    present: tuple[bool | None, ...]  # per sitting; None where attendance was not recorded
    note: str


@dataclass(frozen=True)
class MemberTotal:
    name: str
    parts: tuple[str, ...]  # formatted part totals, in the sheet's part order
    total: str


@dataclass(frozen=True)
class ScoringPass:
    """One scoring round of a product (lần chấm): the first, then one per re-score."""

    number: int
    members: tuple[MemberTotal, ...]
    part_averages: tuple[str, ...]
    average: str
    spread: str
    spread_limit: str
    spread_exceeds: bool
    discussion: str | None
    rescore_reason: str | None  # why the council scored again after this pass


@dataclass(frozen=True)
class ProductMinutes:
    order: int
    product: str
    code: str
    producer: str
    address: str
    group: str
    parts: tuple[str, ...]  # part ids, for the table header
    recusals: tuple[str, ...]  # "Name (reason)"
    absent: tuple[str, ...]
    pending: tuple[str, ...]  # members still to submit
    passes: tuple[ScoringPass, ...]  # empty until every present member has submitted
    band_stars: int | None
    stars: int | None
    unmet: str
    decisions: tuple[str, ...]
    conclusion: str
    outcome: str  # "proposed", "referred", "not_passing", "undecided"
    reason: str  # why it does not pass, or why it is undecided
    tourism: bool = False  # a tourism service: the minutes record the council's on-site check
    recognised_stars: int | None = None  # referred, and a star within the council's authority recognised now
    referred_to: str | None = None  # the level a referred product goes to ("central", "province")
    cases: tuple[str, ...] = ()  # "Name: 8 Trường hợp 1; 9 Trường hợp 2…" on a sheet with alternative cases


@dataclass(frozen=True)
class Minutes:
    heading: layout.Heading
    council: str
    establishing_decision: str | None
    round_name: str
    rule_version: str
    sittings: tuple[Sitting, ...]
    attendees: tuple[Attendee, ...]
    advisory: tuple[str, ...]
    quorum: Quorum
    chair: str
    secretary: str
    products: tuple[ProductMinutes, ...]
    fingerprint: str = ""  # "mã xác thực" of the meeting's data when printed: the province compares its file
    fingerprint_open: int = 0  # results still open when printed: the code is then provisional
    recipients: tuple[str, ...] = ()  # Nơi nhận, the last one "Lưu: …"


def code_state(minutes: Minutes) -> str:
    """Whether the printed code is the one the file sent to the province will carry."""
    if minutes.fingerprint_open == 0:
        return (
            "mã cuối cùng: kết quả của mọi sản phẩm trong đợt đã được phê duyệt; tệp dữ liệu gửi cấp tỉnh phải mang "
            "đúng mã này"
        )
    return (
        f"mã tạm thời, tính khi in biên bản: còn {minutes.fingerprint_open} sản phẩm chưa phê duyệt kết quả nên mã sẽ "
        "thay đổi; tệp dữ liệu gửi cấp tỉnh phải mang mã của biên bản in sau khi phê duyệt hết"
    )


def _time(value: str | None) -> str:
    if not value:
        return BLANK_TIME
    hours, _, minutes = value.partition(":")
    return f"{hours} giờ {minutes}" if minutes and minutes != "00" else f"{hours} giờ"


def _day(day: dt.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def opening_sentence(sitting: Sitting) -> str:
    return f"Vào hồi {_time(sitting.opened_at)}, {_day(sitting.date)}, tại {sitting.place or '..........'}."


def closing_sentence(sitting: Sitting | None) -> str:
    if sitting is None:
        return f"Cuộc họp kết thúc vào hồi {BLANK_TIME} cùng ngày."
    return f"Cuộc họp kết thúc vào hồi {_time(sitting.closed_at)}, {_day(sitting.date)}."


def quorum_sentence(q: Quorum) -> str:
    """The quorum check in the words a minutes uses; said plainly when it does not hold."""
    if not q.recorded:
        return "Chưa ghi nhận điểm danh thành viên hội đồng: chưa xác định được số thành viên dự họp."
    text = (
        f"Số thành viên chấm điểm có mặt: {q.present}/{q.scoring_members} "
        f"(quy chế yêu cầu tối thiểu {q.rule} tổng số thành viên chấm điểm, tức {q.required} thành viên"
    )
    text += ", có Chủ tịch Hội đồng)" if q.chair_required else ")"
    if q.chair_required:
        text += "; Chủ tịch Hội đồng " + ("có mặt" if q.chair_present else "vắng mặt")
    if q.met:
        return text + ". Cuộc họp đủ điều kiện tiến hành."
    return text + ". Cuộc họp KHÔNG đủ điều kiện tiến hành theo quy chế."


LEVEL_WORDS = {"central": "Trung ương", "province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã"}


def referral_phrase(stars: int | None, referred_to: str) -> str:
    """ "đề nghị Trung ương đánh giá, công nhận 5 sao": the proposal to the level that recognises `stars`."""
    return f"đề nghị {LEVEL_WORDS.get(referred_to, referred_to)} đánh giá, công nhận {stars} sao"


def referral_words(stars: int | None, recognised: int | None, referred_to: str) -> str:
    """What the council concludes for a product above its authority (policy ABOVE_AUTHORITY), as a sentence."""
    referral = referral_phrase(stars, referred_to)
    if recognised is None:
        return referral[0].upper() + referral[1:]
    return f"Đề nghị công nhận {recognised} sao (trong thẩm quyền) và {referral}"


def _proposed_star(p: ProductMinutes) -> int | None:
    return p.recognised_stars if p.outcome == "referred" else p.stars


def conclusions(products: Sequence[ProductMinutes]) -> list[tuple[str, list[str]]]:
    """The minutes' closing lists: proposed per star (highest first; a referred product recognised now within the
    council's authority too), referred per level and star, not passing, not decided."""
    groups: list[tuple[str, list[str]]] = []
    proposed = [p for p in products if p.outcome == "proposed" or (p.outcome == "referred" and p.recognised_stars)]
    for stars in sorted({s for p in proposed if (s := _proposed_star(p))}, reverse=True):
        names = [
            _named(p) + (f" (đồng thời đề nghị {LEVEL_WORDS.get(p.referred_to or '', '')} {p.stars} sao)"
                         if p.outcome == "referred" else "")
            for p in proposed
            if _proposed_star(p) == stars
        ]  # fmt: skip
        groups.append((f"Đề nghị công nhận sản phẩm OCOP {stars} sao ({len(names)} sản phẩm)", names))
    referred = [p for p in products if p.outcome == "referred"]
    for level, stars in sorted({(p.referred_to or "central", p.stars or 0) for p in referred}, key=lambda k: -k[1]):
        names = [_named(p) for p in referred if (p.referred_to or "central", p.stars or 0) == (level, stars)]
        words = LEVEL_WORDS.get(level, level)
        groups.append((f"Đề nghị {words} đánh giá, công nhận sản phẩm OCOP {stars} sao ({len(names)} sản phẩm)", names))
    failing = [f"{_named(p)}: {p.reason}" for p in products if p.outcome == "not_passing"]
    if failing:
        groups.append((f"Không đề nghị công nhận ({len(failing)} sản phẩm)", failing))
    undecided = [f"{_named(p)}: {p.reason}" for p in products if p.outcome == "undecided"]
    if undecided:
        groups.append((f"Chưa có kết luận ({len(undecided)} sản phẩm)", undecided))
    return groups


def _named(p: ProductMinutes) -> str:
    return f"{p.product} ({p.code}) — {p.producer}" if p.code else f"{p.product} — {p.producer}"


def _day_short(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def running_line(minutes: Minutes) -> str:
    """The foot of every continuation page: the council and the day of the meeting."""
    when = f" ngày {_day_short(minutes.sittings[0].date)}" if minutes.sittings else ""
    return f"Biên bản họp {minutes.council}{when}"


def grounds(minutes: Minutes) -> str | None:
    """The "Căn cứ" line, naming who issued the decision that set up the council (the parent body) unless the
    decision's text already does."""
    decision = minutes.establishing_decision
    if not decision:
        return None
    issuer = minutes.heading.parent_body
    if issuer and " của " not in decision:
        decision += f" của {body_in_sentence(issuer)}"
    return f"Căn cứ {decision} về việc thành lập {minutes.council};"


def _para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), layout.styles()[style])


def _attendance_table(minutes: Minutes, width: float) -> Flowable:
    sittings = minutes.sittings
    dated = len(sittings) > 1
    header: list[object] = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Nhiệm vụ trong hội đồng"]
    header += [f"Dự họp {s.date:%d/%m}" for s in sittings] if dated else ["Dự họp"]
    rows: list[list[object]] = [header]
    for index, a in enumerate(minutes.attendees, start=1):
        marks = ["Có mặt" if p else "Vắng" if p is False else "—" for p in a.present] or ["—"]
        rows.append([index, a.name, a.position, a.role, *marks])
    fixed = [12, 38, 52, 32]
    widths = fixed + [18] * (len(header) - len(fixed))
    scale = width / sum(widths)
    return layout.data_table(rows, [w * scale for w in widths])


def _pass_table(p: ProductMinutes, scoring: ScoringPass, width: float) -> Flowable:
    s = layout.styles()
    header: list[object] = ["STT", "Thành viên", *[f"Phần {part}" for part in p.parts], "Tổng điểm"]
    rows: list[list[object]] = [header]
    for index, m in enumerate(scoring.members, start=1):
        rows.append([index, m.name, *m.parts, m.total])
    bold = [Paragraph(f"<b>{escape(v)}</b>", s["cell"]) for v in (*scoring.part_averages, scoring.average)]
    rows.append(["", Paragraph("<b>Điểm trung bình</b>", s["cell"]), *bold])
    widths = [12, 60] + [22] * len(p.parts) + [24]
    scale = width / sum(widths)
    return layout.data_table(rows, [w * scale for w in widths])


def _product_story(p: ProductMinutes, width: float) -> list[Flowable]:
    """One product under its number on the agenda (the number the projector and the results summary show)."""
    s = layout.styles()
    code = f", mã số {p.code}" if p.code else ""
    story: list[Flowable] = [
        Paragraph(f"<b>{p.order}. {escape(p.product)}</b>{escape(code)}", s["lead"]),
        _para(f"Chủ thể: {p.producer}; địa chỉ: {p.address}. Nhóm sản phẩm: {p.group}."),
        # QĐ 148: the producer presents the product to the council; nothing in the data says what was said
        _para(f"Chủ thể trình bày về sản phẩm, trả lời câu hỏi của thành viên hội đồng: {FILL_LINE}"),
    ]
    if p.tourism:
        story.append(_para(f"Kết quả kiểm tra thực tế dịch vụ du lịch tại địa điểm cung cấp dịch vụ: {FILL_LINE}"))
    if p.recusals:
        story.append(_para("Thành viên không tham gia chấm (xung đột lợi ích): " + "; ".join(p.recusals) + "."))
    for scoring in p.passes:
        lead = f"Lần chấm thứ {scoring.number}: kết quả" if len(p.passes) > 1 else "Kết quả"
        table = _pass_table(p, scoring, width)
        intro = _para(f"{lead} chấm điểm của {len(scoring.members)} thành viên:")
        story += [KeepTogether([intro, Spacer(1, 3), table]), Spacer(1, 4)]
        spread = f"Chênh lệch tổng điểm giữa các thành viên: {scoring.spread} điểm (giới hạn {scoring.spread_limit})"
        story.append(_para(spread + (", vượt giới hạn." if scoring.spread_exceeds else ".")))
        if scoring.discussion:
            story.append(_para(f"Ý kiến thảo luận của hội đồng: {scoring.discussion}"))
        if scoring.rescore_reason:
            story.append(_para(f"Hội đồng thống nhất chấm lại. Lý do: {scoring.rescore_reason}."))
    if p.cases:
        story.append(_para("Trường hợp thành viên chọn ở các tiêu chí có hai trường hợp: " + " — ".join(p.cases) + "."))
    if p.pending:
        story.append(_para("Chưa đủ phiếu đánh giá; còn chờ: " + ", ".join(p.pending) + "."))
    for decision in p.decisions:
        story.append(_para(f"Quyết định của hội đồng: {decision}."))
    if p.passes and p.stars is not None:
        last = p.passes[-1]
        line = f"Điểm trung bình: {last.average} điểm, tương ứng hạng {p.band_stars} sao theo thang điểm"
        if p.unmet:
            line += f"; {p.unmet}"
        story.append(_para(line + f". Kết quả phân hạng: {p.stars} sao."))
    story.append(Paragraph(f"<b>Kết luận:</b> {escape(p.conclusion)}.", s["body"]))
    return story


def story(minutes: Minutes) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width()
    first = minutes.sittings[0] if minutes.sittings else None
    story_: list[Flowable] = [
        layout.heading_table(minutes.heading, width),
        Paragraph("BIÊN BẢN", s["title"]),
        Paragraph(f"<b>Họp {escape(minutes.council)}</b>", s["center"]),
        _para(f"{minutes.round_name} — Bộ tiêu chí: {minutes.rule_version}", "center"),
        Spacer(1, 8),
    ]
    ground = grounds(minutes)
    if ground:
        story_.append(_para(ground))
    if first is None:
        story_.append(_para(f"Vào hồi {BLANK_TIME}, ngày ...... tháng ...... năm ......, tại .........."))
    for sitting in minutes.sittings:
        story_.append(_para(opening_sentence(sitting)))
    story_ += [
        _para(f"{minutes.council} họp đánh giá, phân hạng sản phẩm OCOP {minutes.round_name.lower()}."),
        Paragraph("I. THÀNH PHẦN", s["section"]),
        _para(f"Chủ trì: {minutes.chair or '..........'}, Chủ tịch Hội đồng."),
        _para(f"Thư ký: {minutes.secretary or '..........'}, Ủy viên thư ký Hội đồng."),
        _attendance_table(minutes, width),
        Spacer(1, 4),
    ]
    if minutes.advisory:
        story_.append(_para("Tổ tư vấn giúp việc hội đồng: " + "; ".join(minutes.advisory) + "."))
    story_.append(_para(quorum_sentence(minutes.quorum)))
    story_.append(Paragraph("II. NỘI DUNG VÀ KẾT QUẢ ĐÁNH GIÁ", s["section"]))
    story_.append(
        _para(
            f"Hội đồng đã xem xét {len(minutes.products)} hồ sơ sản phẩm theo thứ tự trong chương trình họp; các "
            "thành viên chấm điểm độc lập trên phiếu đánh giá; điểm của sản phẩm là điểm trung bình của các thành "
            "viên tham gia chấm."
        )
    )
    for product in minutes.products:
        story_ += _product_story(product, width)
    story_.append(Paragraph("III. KẾT LUẬN", s["section"]))
    groups = conclusions(minutes.products)
    for number, (title, items) in enumerate(groups, start=1):
        story_.append(Paragraph(f"<b>{number}. {escape(title)}:</b>", s["lead"]))
        story_ += [_para(f"– {item}") for item in items]
    if not groups:
        story_.append(_para("Hội đồng chưa xem xét hồ sơ nào."))
    last = minutes.sittings[-1] if minutes.sittings else None
    closing: list[Flowable] = [
        _para(closing_sentence(last)),
        _para("Biên bản đã được thông qua tại cuộc họp; các thành viên dự họp thống nhất với nội dung biên bản."),
    ]
    if minutes.fingerprint:
        closing.append(
            Paragraph(
                f"Mã xác thực dữ liệu phiên họp: <b>{escape(minutes.fingerprint)}</b> ({code_state(minutes)}).",
                s["body"],
            )
        )
    closing += [
        Spacer(1, 10),
        layout.signature_block(width, (("Thư ký hội đồng", minutes.secretary), ("Chủ tịch hội đồng", minutes.chair))),
    ]
    if minutes.recipients:
        closing += [Spacer(1, 6), *layout.recipients(minutes.recipients)]
    story_.append(layout.closing(*closing))
    return story_


def render_pdf(minutes: Minutes, path: Path, *, on_page: layout.PageHook | None = None) -> Path:
    return layout.build(
        path,
        lambda: story(minutes),
        title="Biên bản họp hội đồng",
        author=minutes.council,
        subject=f"{minutes.council}: biên bản họp {minutes.round_name.lower()}",
        running=running_line(minutes),
        on_page=on_page,
    )
