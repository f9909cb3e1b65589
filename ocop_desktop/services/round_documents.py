"""The data behind a round's documents. Every figure is computed again from the raw choices through the scoring
core at print time; if it differs from the stored result, the document is refused with the reason — a figure
the data does not support is never printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ocop_desktop.documents import (
    ballot_workbook,
    certificate,
    decision_annex,
    improvement_report,
    minutes,
    results_summary,
    scoring_sheet,
)
from ocop_desktop.documents.kinds import KINDS
from ocop_desktop.documents.pdf.layout import Heading, PageHook, signer_lines, vi_date_line
from ocop_desktop.domain.admin_units import find_province, load_units_2025
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.enums import CertificateStatus, MemberRole, ResultStatus
from ocop_desktop.domain.errors import OcopError, Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.numbers import format_points_vi, to_display_decimal
from ocop_desktop.domain.text import body_in_sentence
from ocop_desktop.models import (
    AdvisoryMember,
    Attendance,
    AuditEvent,
    Certificate,
    Council,
    CouncilMember,
    Decision,
    Dossier,
    MeetingSession,
    Producer,
    Product,
    Recusal,
    Result,
    Round,
)
from ocop_desktop.paths import admin_units_dir, make_folder
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import InstallationKey, installation_key
from ocop_desktop.scoring.authority import AboveAuthority, RecognitionNow
from ocop_desktop.scoring.certificates import council_recognition as recognition_on_day
from ocop_desktop.scoring.certificates import proposed_for_recognition
from ocop_desktop.scoring.engine import DecisionKind, ProductResult, UnmetMinimum, chosen_cases
from ocop_desktop.scoring.improvement import improvement_for
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.certificate_seal import sign_payload
from ocop_desktop.services.common import AGENDA_ORDER, get_or_fail
from ocop_desktop.services.criteria_catalogue import rule_version
from ocop_desktop.services.exchange import meeting_code
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.queries import producer_address
from ocop_desktop.services.recognition import council_recognition, last_sitting_day, meeting_day
from ocop_desktop.services.results import Inputs, compute, gather_inputs, quorum_of, scoring_progress
from ocop_desktop.services.round_secrets import workbook_key
from ocop_desktop.services.secrecy import Progress as SecrecyProgress
from ocop_desktop.services.secrecy import figures_hidden, may_see_figures
from ocop_desktop.services.settings import get_settings

NUMBER_BLANK = "\u00a0" * 12  # the văn thư writes the number in by hand when the minutes are registered
DECISION_WORDS = {
    DecisionKind.ELIMINATION: "Loại sản phẩm",
    DecisionKind.STOP: "Dừng đánh giá các bước tiếp theo",
    DecisionKind.DOSSIER_REJECTED: "Loại hồ sơ",
}
T = TypeVar("T")


class DocumentRefused(UserFacingError):
    """A stored figure does not follow from the data: the document is not produced."""


def _recognition(
    council: Council, inputs: Inputs, day: dt.date, *, stored: Result | None, result: ProductResult | None
) -> RecognitionNow | None:
    """For an approved result, what the council's decision on `day` does (policy ABOVE_AUTHORITY)."""
    if stored is None or not stored.locked or result is None:
        return None
    return council_recognition(inputs.version, council, stars=result.stars, certifiable=result.certifiable, day=day)


def _conclusion(row: Result | None, stars: int | None, certifiable: bool, now: RecognitionNow | None = None) -> str:
    if row is None:
        return "Chưa có kết quả"
    if row.status is ResultStatus.ELIMINATED or stars is None:
        return "Không xếp hạng (bị loại / dừng đánh giá)"
    if now is not None and now.referred_to is not None:
        return minutes.referral_words(now.stars, now.recognised_stars, now.referred_to)
    if certifiable:
        prefix = "Đề nghị công nhận" if row.locked else "Dự kiến"
        return f"{prefix} {stars} sao"
    return f"Không đạt ({stars} sao, không cấp giấy chứng nhận)"


def _checked(
    s: Session,
    actor: Actor,
    dossier: Dossier,
    product: Product,
    problems: list[Problem],
    *,
    scoring_round: int | None = None,
) -> tuple[Inputs, ProductResult | None, Result | None] | None:
    """The dossier's inputs, its result recomputed from the raw choices (None while there is none to show) and the
    stored result, for the current scoring round or an earlier one. None, with a problem added, when the stored
    result no longer follows from the choices, or when the current round's figures are still secret
    (services/secrecy) although some ballots are in: the document is refused naming the product."""
    scoring_round = dossier.scoring_round if scoring_round is None else scoring_round
    stored = s.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == scoring_round)
    ).one_or_none()
    inputs = gather_inputs(s, dossier, scoring_round)
    progress = inputs.progress(locked=stored is not None and stored.locked)
    if not may_see_figures(actor, progress):
        if progress.submitted and scoring_round == dossier.scoring_round:
            problems.append(figures_hidden(product.name, progress))
            return None
        return inputs, None, stored
    try:
        result, computed = compute(inputs)
    except ValidationFailed:
        return inputs, None, stored
    if stored is not None and {**stored.computed} != computed:
        where = (("product", product.code or product.name),)
        problems.append(Problem("documents.result_differs", {"product": product.name}, where))
        return None
    return inputs, result, stored


def _agenda(round_id: str) -> Select[Dossier, Product, Producer]:
    """The round's dossiers with their product and producer, in agenda order."""
    return (
        select(Dossier, Product, Producer)
        .join(Product, Product.id == Dossier.product_id)
        .join(Producer, Producer.id == Product.producer_id)
        .where(Dossier.round_id == round_id)
        .order_by(*AGENDA_ORDER)
    )


def _unmet_note(unmet: Sequence[UnmetMinimum]) -> str:
    """The unmet star minimums in one short phrase per star level (a long list would not fit a table row)."""
    levels: dict[int, list[str]] = {}
    for u in unmet:
        levels.setdefault(u.for_stars, []).append(u.item_id)
    return "; ".join(
        f"chưa đạt mức tối thiểu {stars} sao ở tiêu chí {', '.join(items)}" for stars, items in sorted(levels.items())
    )


def _province_name(code: str | None) -> str:
    """The địa danh of the date line when the settings name none: the council's province, without "Tỉnh"."""
    province = find_province(load_units_2025(admin_units_dir()), code) if code else None
    return province.short_name if province is not None else ""


def _place(settings: dict[str, str], council: Council) -> str:
    return settings["place_name"] or _province_name(council.province_code or settings["province_code"])


def _council_heading(
    settings: dict[str, str], council: Council, date: dt.date | None, number: str | None = None
) -> Heading:
    """The heading of a paper the council issues and signs (minutes, results, improvement reports): the council
    is the issuing body, the body that set it up above it. Dated by the event it records; None leaves the date
    to write by hand — never the day it is printed."""
    return Heading(
        issuing_body=council.name,
        parent_body=council.issuing_body or settings["issuing_body"],
        number=number,
        place=_place(settings, council),
        date=date,
    )


def _council_symbol(settings: dict[str, str]) -> str:
    """The council's part of a document symbol: "HĐĐG" from the minutes' "BB-HĐĐG"."""
    return settings["minutes_symbol"].partition("-")[2] or settings["minutes_symbol"]


def _local_day(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone().date() if moment is not None else None


def _latest_decision(s: Session, round_id: str) -> Decision | None:
    return s.scalars(
        select(Decision).where(Decision.round_id == round_id).order_by(Decision.date.desc(), Decision.number.desc())
    ).first()


def _chair(council: Council) -> str:
    return next((m.full_name for m in council.members if m.role is MemberRole.CHAIR), "")


def _secretary(council: Council) -> str:
    return next((m.full_name for m in council.members if m.role is MemberRole.SECRETARY_MEMBER), "")


def feedback_data(
    db: Database, *, actor: Actor, round_id: str, date: dt.date | None = None
) -> list[improvement_report.FeedbackPage]:
    """One improvement report per dossier whose ballots are complete, figures recomputed as for the summary."""
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    pages = []
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        decision = _latest_decision(s, round_id)
        meeting = last_sitting_day(s, round_id)
        symbol = _council_symbol(settings)
        for dossier, product, producer in s.execute(_agenda(round_id)):
            checked = _checked(s, actor, dossier, product, problems)
            if checked is None:
                continue
            inputs, result, stored = checked
            if result is None:
                continue
            # the report follows the recognition decision, or the approval of the result, or the meeting
            approved = _local_day(stored.approved_at) if stored is not None and stored.locked else None
            day = date or (decision.date if decision is not None else None) or approved or meeting
            pages.append(
                improvement_report.FeedbackPage(
                    heading=_council_heading(settings, council, day, f"{NUMBER_BLANK}/PGY-{symbol}"),
                    round_name=rnd.name,
                    product=product.name,
                    code=product.code or "",
                    producer=producer.name,
                    address=producer_address(producer),
                    sheet=inputs.sheet,
                    item_averages=dict(result.item_averages),
                    average_total=result.average_total,
                    stars=result.stars,
                    improvement=improvement_for(inputs.sheet, inputs.version, result),
                    not_ranked_reasons=tuple(d.reason for d in inputs.decisions),
                    signer=("TM. HỘI ĐỒNG\nCHỦ TỊCH", _chair(council)),
                    council=council.name,
                    recipients=("Như trên", f"Lưu: VT, {symbol}"),
                )
            )
    if problems:
        raise DocumentRefused(problems)
    return pages


def results_summary_data(
    db: Database, *, actor: Actor, round_id: str, date: dt.date | None = None
) -> results_summary.ResultsSummary:
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    lines = []
    approvals: list[dt.date | None] = []
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        scoring = [m for m in council.members if m.role.scores]
        day = date or meeting_day(s, rnd)  # the recognition period of a decision after the meeting
        for dossier, product, producer in s.execute(_agenda(round_id)):
            checked = _checked(s, actor, dossier, product, problems)
            if checked is None:
                continue
            inputs, result, stored = checked
            now = _recognition(council, inputs, day, stored=stored, result=result)
            address = producer_address(producer)
            counted = sum(1 for b in inputs.ballots if not b.excluded)
            lines.append(
                results_summary.ResultLine(
                    order=dossier.agenda_order,
                    product=product.name,
                    code=product.code or "",
                    producer=producer.name,
                    address=address,
                    group=inputs.sheet.title,
                    members=f"{counted}/{len(scoring)}",
                    average=format_points_vi(result.average_total) if result else "—",
                    part_averages=" · ".join(f"{k} {format_points_vi(v)}" for k, v in result.part_averages.items())
                    if result
                    else "—",
                    band_stars=result.band_stars if result else 0,
                    stars=result.stars if result else None,
                    conclusion=_conclusion(
                        stored, result.stars if result else None, bool(result and result.certifiable), now
                    ),
                    # a star above the council's authority goes up (5★ → central): this decision recognises only
                    # the star within its authority, under `recognise_within_authority`
                    proposed=_proposed(stored, result, inputs, council, day),
                    notes=_unmet_note(result.unmet_minimums) if result else "",
                    average_points=to_display_decimal(result.average_total) if result else None,
                    part_points=tuple((k, to_display_decimal(v)) for k, v in result.part_averages.items())
                    if result
                    else (),
                    counted=counted,
                    scorers=len(scoring),
                    scored=result is not None,
                    recognised_stars=now.recognised_stars if now is not None and now.referred else None,
                    referral=minutes.referral_phrase(now.stars, now.referred_to)
                    if now is not None and now.referred_to is not None
                    else "",
                )
            )
            approvals.append(_local_day(stored.approved_at) if stored is not None and stored.locked else None)
        chair = _chair(council)
        secretary = _secretary(council)
        # dated by the meeting whose results it records (the chair approves them there); by the last approval
        # only when no sitting was recorded
        approved = [day for day in approvals if day is not None]
        dated = date or last_sitting_day(s, round_id) or (max(approved) if approved else None)
        heading = _council_heading(settings, council, dated)
        summary = results_summary.ResultsSummary(
            heading=heading,
            council=council.name,
            round_name=rnd.name,
            rule_version=rule_version(rnd.rule_version_id).title,
            lines=tuple(lines),
            signers=(("Thư ký hội đồng", secretary), ("Chủ tịch hội đồng", chair)),
        )
    if problems:
        raise DocumentRefused(problems)
    return summary


@dataclass(frozen=True)
class Assignment:
    """A dossier in agenda order with the members who score it in its current scoring round (council order)."""

    dossier: Dossier
    product: Product
    producer: Producer
    inputs: Inputs
    progress: SecrecyProgress
    round_name: str
    members: tuple[CouncilMember, ...]


def _assignments(s: Session, rnd: Round, council: Council) -> Iterator[Assignment]:
    """The one rule for who scores what: scoring members, less those recused from the dossier or absent."""
    ordered = sorted(council.members, key=lambda m: m.sort_order)
    for dossier, product, producer in s.execute(_agenda(rnd.id)):
        inputs, progress = scoring_progress(s, dossier)
        excluded = {b.member for b in inputs.ballots if b.excluded}
        round_name = rnd.name + (f" — chấm lại lần {dossier.scoring_round}" if dossier.scoring_round > 1 else "")
        members = tuple(m for m in ordered if m.role.scores and m.id not in excluded)
        yield Assignment(dossier, product, producer, inputs, progress, round_name, members)


def scoring_sheets_data(
    db: Database, *, actor: Actor, round_id: str, blank: bool = False
) -> list[scoring_sheet.SheetPage]:
    """One sheet per scoring member per dossier, in agenda order, for the dossier's current scoring round. A member
    who is recused or absent gets none; a submitted ballot is printed ticked and totalled unless `blank`. Refused,
    naming the products, while a product's ballots are in but secret (services/secrecy); blank sheets always
    print."""
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    pages: list[scoring_sheet.SheetPage] = []
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        place = _place(settings, council)
        meeting = last_sitting_day(s, round_id)
        for a in _assignments(s, rnd, council):
            choices = {b.member: b.choices for b in a.inputs.ballots if not b.excluded}
            if not blank and choices and not may_see_figures(actor, a.progress):
                problems.append(figures_hidden(a.product.name, a.progress))
                continue
            for member in a.members:
                ballot = None if blank else choices.get(member.id)
                pages.append(
                    scoring_sheet.SheetPage(
                        round_name=a.round_name,
                        council=council.name,
                        product=a.product.name,
                        code=a.product.code or "",
                        producer=a.producer.name,
                        phone=a.producer.phone or "",
                        address=producer_address(a.producer),
                        member=member.full_name,
                        place=place,
                        date=meeting if ballot is not None else None,
                        sheet=a.inputs.sheet,
                        choices=ballot,
                        decisions=a.inputs.decisions,
                    )
                )
    if problems:
        raise DocumentRefused(problems)
    return pages


def ballot_workbooks_data(db: Database, *, actor: Actor, round_id: str) -> list[ballot_workbook.MemberWorkbook]:
    """One Excel ballot workbook per scoring member, with a sheet for every dossier the printed pack gives them;
    a member with no dossier to score (absent) gets none."""
    require(actor, Permission.VIEW)
    with db.reading() as s:
        get_or_fail(s, Round, round_id, "round")
    key = workbook_key(db, round_id)
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        products: dict[str, list[ballot_workbook.ProductBallot]] = {m.id: [] for m in council.members}
        for a in _assignments(s, rnd, council):
            submitted = {b.member for b in a.inputs.ballots if not b.excluded}
            for member in a.members:
                products[member.id].append(
                    ballot_workbook.ProductBallot(
                        dossier_id=a.dossier.id,
                        scoring_round=a.dossier.scoring_round,
                        round_name=a.round_name,
                        agenda_order=a.dossier.agenda_order,
                        product=a.product.name,
                        code=a.product.code or "",
                        producer=a.producer.name,
                        address=producer_address(a.producer),
                        sheet=a.inputs.sheet,
                        sheet_snapshot=a.dossier.sheet_snapshot,
                        submitted=member.id in submitted,
                    )
                )
        return [
            ballot_workbook.MemberWorkbook(
                round_id=rnd.id,
                round_name=rnd.name,
                council=council.name,
                member_id=member.id,
                member_name=member.full_name,
                products=tuple(products[member.id]),
                mac_key=key,
            )
            for member in sorted(council.members, key=lambda m: m.sort_order)
            if products[member.id]
        ]


def decision_annex_data(
    db: Database, *, actor: Actor, round_id: str, summary: results_summary.ResultsSummary | None = None
) -> decision_annex.DecisionAnnex:
    """The approved certifiable products of the round, figures recomputed as for the summary (or taken from the
    summary just made, rather than recomputed twice); tied to the round's latest recognition decision if any."""
    require(actor, Permission.VIEW)
    if summary is None:
        summary = results_summary_data(db, actor=actor, round_id=round_id)
    with db.reading() as s:
        decision = _latest_decision(s, round_id)
        ref = (
            decision_annex.DecisionRef(decision.number, decision.date, decision.issuing_body)
            if decision is not None
            else None
        )
    return decision_annex.DecisionAnnex(
        round_name=summary.round_name,
        council=summary.council,
        decision=ref,
        lines=tuple(line for line in summary.lines if line.proposed),
    )


def _within_authority(inputs: Inputs, council: Council, result: ProductResult | None, day: dt.date) -> RecognitionNow:
    """The star a certificate may carry below the product's result: the highest within the council's authority
    (whatever the council's policy is now, since a certificate issued under `recognise_within_authority` stays
    valid after the policy changes)."""
    return recognition_on_day(
        inputs.version,
        council_level=council.level,
        policy=AboveAuthority.RECOGNISE_WITHIN_AUTHORITY,
        day=day,
        certifiable=bool(result and result.certifiable),
        stars=result.stars if result is not None else None,
    )


def _cases(inputs: Inputs) -> tuple[str, ...]:
    """Each counted member's case per criterion on a sheet with alternative cases (CASE_PER_CRITERION)."""
    lines = []
    for ballot in inputs.ballots:
        cases = chosen_cases(inputs.sheet, ballot.choices) if not ballot.excluded else {}
        if cases:
            lines.append(f"{inputs.names[ballot.member]}: " + "; ".join(f"{i} {c}" for i, c in cases.items()))
    return tuple(lines)


def _scoring_pass(
    number: int, inputs: Inputs, result: ProductResult, stored: Result | None, rescore_reason: str | None
) -> minutes.ScoringPass:
    part_ids = [part.id for part in inputs.sheet.parts]
    return minutes.ScoringPass(
        number=number,
        members=tuple(
            minutes.MemberTotal(inputs.names[m.member], tuple(str(m.part_totals[p]) for p in part_ids), str(m.total))
            for m in result.members
            if not m.excluded
        ),
        part_averages=tuple(format_points_vi(result.part_averages[p]) for p in part_ids),
        average=format_points_vi(result.average_total),
        spread=str(result.spread),
        spread_limit=format_points_vi(result.spread_limit, 0 if result.spread_limit.denominator == 1 else 2),
        spread_exceeds=result.spread_exceeds_limit,
        discussion=stored.discussion if stored is not None else None,
        rescore_reason=rescore_reason,
    )


def _proposed(
    stored: Result | None, result: ProductResult | None, inputs: Inputs, council: Council, day: dt.date
) -> bool:
    """The product goes on this council's recognition decision (`scoring.certificates`)."""
    return result is not None and proposed_for_recognition(
        inputs.version,
        council_level=council.level,
        policy=AboveAuthority(council.above_authority),
        day=day,
        approved=stored is not None and stored.locked,
        certifiable=result.certifiable,
        stars=result.stars,
    )


def _outcome(
    stored: Result | None, result: ProductResult | None, inputs: Inputs, now: RecognitionNow | None, proposed: bool
) -> tuple[str, str]:
    """Where the product goes in the minutes' conclusions, and why when it is not proposed."""
    if result is None:
        return "undecided", "chưa đủ phiếu đánh giá"
    if result.stars is None:
        reasons = "; ".join(d.reason for d in inputs.decisions)
        return "not_passing", f"không xếp hạng ({reasons})" if reasons else "không xếp hạng"
    if stored is None or not stored.locked:
        return "undecided", "kết quả chưa được Chủ tịch Hội đồng phê duyệt"
    if now is not None and now.referred:
        return "referred", ""
    if proposed:
        return "proposed", ""
    if result.certifiable:
        return "not_passing", f"{result.stars} sao thuộc thẩm quyền công nhận của cấp khác"
    reason = f"đạt {result.stars} sao ({format_points_vi(result.average_total)} điểm), dưới mức công nhận"
    if result.unmet_minimums:
        reason += f"; {_unmet_note(result.unmet_minimums)}"
    return "not_passing", reason


def minutes_data(
    db: Database, *, actor: Actor, round_id: str, number: str | None = None, date: dt.date | None = None
) -> minutes.Minutes:
    """The minutes of the round's meeting: every scoring pass of every dossier recomputed from the raw choices and
    checked against its stored result, with the discussions, re-score reasons and decisions recorded."""
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    products: list[minutes.ProductMinutes] = []
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        day = date or meeting_day(s, rnd)  # the recognition period of a decision after the meeting
        names = {m.id: m.full_name for m in council.members}
        sittings = s.scalars(
            select(MeetingSession)
            .where(MeetingSession.round_id == round_id)
            .order_by(MeetingSession.date, MeetingSession.opened_at)
        ).all()
        attendance = {
            (a.session_id, a.member_id): a
            for a in s.scalars(select(Attendance).where(Attendance.session_id.in_([m.id for m in sittings])))
        }
        attendees = []
        for member in council.members:
            marks = [attendance.get((m.id, member.id)) for m in sittings]
            attendees.append(
                minutes.Attendee(
                    name=member.full_name,
                    role=minutes.ROLE_TITLES[member.role],
                    position=", ".join(x for x in (member.position, member.organisation) if x),
                    present=tuple(None if a is None else a.present for a in marks),
                    note="; ".join(a.note for a in marks if a is not None and a.note),
                )
            )
        quorum = quorum_of(s, rnd)
        for dossier, product, producer in s.execute(_agenda(round_id)):
            recusals = tuple(
                f"{names.get(r.member_id, '')} ({r.reason})"
                for r in s.scalars(select(Recusal).where(Recusal.dossier_id == dossier.id))
            )
            rescores = {
                int(e.before["scoring_round"]): e.reason or ""  # type: ignore[index]
                for e in s.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.action == "start_rescore", AuditEvent.entity_id == dossier.id)
                    .order_by(AuditEvent.seq)
                )
            }
            passes = []
            checked = None
            for scoring_round in range(1, dossier.scoring_round + 1):
                checked = _checked(s, actor, dossier, product, problems, scoring_round=scoring_round)
                if checked is None:
                    break
                inputs, result, stored = checked
                if result is not None:
                    passes.append(_scoring_pass(scoring_round, inputs, result, stored, rescores.get(scoring_round)))
            if checked is None:
                continue
            inputs, result, stored = checked
            absent = tuple(inputs.names[m["member_id"]] for m in inputs.data["members"] if m["excluded"] == "absent")
            now = _recognition(council, inputs, day, stored=stored, result=result)
            outcome, reason = _outcome(stored, result, inputs, now, _proposed(stored, result, inputs, council, day))
            products.append(
                minutes.ProductMinutes(
                    order=dossier.agenda_order,
                    product=product.name,
                    code=product.code or "",
                    producer=producer.name,
                    address=producer_address(producer),
                    group=inputs.sheet.title,
                    tourism=inputs.sheet.tourism,
                    parts=tuple(part.id for part in inputs.sheet.parts),
                    recusals=recusals,
                    absent=absent,
                    pending=tuple(inputs.names[m] for m in inputs.pending),
                    passes=tuple(passes),
                    band_stars=result.band_stars if result else None,
                    stars=result.stars if result else None,
                    unmet=_unmet_note(result.unmet_minimums) if result else "",
                    decisions=tuple(
                        f"{DECISION_WORDS[d.kind]}"
                        + (f" theo tiêu chí {d.item_id}" if d.item_id else "")
                        + f": {d.reason}"
                        for d in inputs.decisions
                    ),
                    conclusion=_conclusion(
                        stored, result.stars if result else None, bool(result and result.certifiable), now
                    ),
                    outcome=outcome,
                    reason=reason,
                    recognised_stars=now.recognised_stars if now is not None and now.referred else None,
                    referred_to=now.referred_to if now is not None else None,
                    cases=_cases(inputs),
                )
            )
        heading = _council_heading(
            settings,
            council,
            date or (sittings[-1].date if sittings else None),
            f"{number or NUMBER_BLANK}/{settings['minutes_symbol']}",
        )
        code = meeting_code(db, round_id)
        data = minutes.Minutes(
            heading=heading,
            council=council.name,
            establishing_decision=council.establishing_decision,
            round_name=rnd.name,
            rule_version=rule_version(rnd.rule_version_id).title,
            sittings=tuple(
                minutes.Sitting(m.date, m.place or rnd.place or "", m.opened_at, m.closed_at) for m in sittings
            ),
            attendees=tuple(attendees),
            advisory=tuple(
                ", ".join(x for x in (a.full_name, a.organisation) if x)
                for a in s.scalars(select(AdvisoryMember).where(AdvisoryMember.council_id == council.id))
            ),
            quorum=quorum,
            chair=_chair(council),
            secretary=_secretary(council),
            products=tuple(products),
            fingerprint=code.code,
            fingerprint_open=code.open_results,
            recipients=(
                f"{body_in_sentence(heading.parent_body or '')} (để báo cáo)",
                "Thành viên Hội đồng",
                f"Lưu: VT, {_council_symbol(settings)}",
            ),
        )
    if problems:
        raise DocumentRefused(problems)
    return data


def certificates_data(
    db: Database, *, actor: Actor, round_id: str, key: InstallationKey | None = None
) -> list[certificate.CertificatePage]:
    """The round's valid certificates, in agenda order, each signed with `key` (by default the council's key already
    unlocked in this session: a locked key is a message, never a prompt from here). The stars are
    recomputed from the raw choices: a certificate whose stars the data no longer supports is refused."""
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    pages: list[certificate.CertificatePage] = []
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        place = _place(settings, council)
        rows = s.execute(
            select(Certificate, Decision, Dossier, Product, Producer)
            .join(Decision, Decision.id == Certificate.decision_id)
            .join(Dossier, Dossier.id == Certificate.dossier_id)
            .join(Product, Product.id == Dossier.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .where(Decision.round_id == round_id, Certificate.status != CertificateStatus.REVOKED)
            .order_by(*AGENDA_ORDER)
        ).all()
        for cert, decision, dossier, product, producer in rows:
            checked = _checked(s, actor, dossier, product, problems)
            if checked is None:
                continue
            inputs, result, stored = checked
            within = _within_authority(inputs, council, result, decision.date)
            supported = result is not None and cert.stars in (result.stars, within.recognised_stars)
            if result is None or not supported or not result.certifiable or not (stored and stored.locked):
                where = (("product", product.code or product.name), ("certificate", cert.number))
                problems.append(Problem("documents.certificate_differs", {"stars": cert.stars}, where))
                continue
            code = cert.product_code or product.code or ""
            address = producer_address(producer)
            key = key or installation_key()
            payload = sign_payload(
                {
                    "so": cert.number,
                    "ma_sp": code,
                    "san_pham": product.name,
                    "chu_the": producer.name,
                    "sao": cert.stars,
                    "ngay_cap": cert.issue_date.isoformat(),
                    "het_han": cert.expiry_date.isoformat(),
                },
                key,
            )
            fields = {
                **certificate.standard_fields(),
                "issuing_body": decision.issuing_body,
                "product": product.name,
                "producer": producer.name,
                "address": address,
                "product_code": code,
                "stars": str(cert.stars),
                "decision_number": decision.number,
                "decision_date": format_vi_date(decision.date),
                "decision_body": decision.issuing_body,
                "certificate_number": cert.number,
                "issue_date": format_vi_date(cert.issue_date),
                "expiry_date": format_vi_date(cert.expiry_date),
                "place_date": vi_date_line(place, cert.issue_date),
                "signer_title": signer_lines(decision.issuing_body, decision.signer_title or ""),
                "signer": decision.signer,
                "key_id": key.key_id,
                "authority_note": "Công nhận trong thẩm quyền; sản phẩm đã được "
                + minutes.referral_phrase(within.stars, within.referred_to)
                if within.referred_to is not None and cert.stars != within.stars
                else "",
            }
            pages.append(certificate.CertificatePage(fields, cert.stars, payload))
    if problems:
        raise DocumentRefused(problems)
    return pages


BALLOTS_FOLDER = "phieu-excel"

Progress = Callable[[int, int, str], bool]
"""`progress(done, total, kind)` → False to stop. Called before each file and after each page of a PDF; `kind` is
the document being written ("" while the figures are checked, with total 0). Work is counted per document item
(one scoring sheet, one improvement report; a table or a workbook is one), so the bar moves with the time taken."""


class DocumentsCancelled(OcopError):
    """The person stopped the batch. The files in `written` are complete; those in `not_written` were never written
    (no partial file is left, and an older file of the same name is untouched)."""

    def __init__(self, written: Sequence[Path], not_written: Sequence[str]) -> None:
        self.written = tuple(written)
        self.not_written = tuple(not_written)
        super().__init__(f"cancelled after {len(self.written)} files")


@dataclass(frozen=True)
class _Job:
    kind: str
    name: str
    weight: int
    write: Callable[[Path, PageHook | None], Path]


def _jobs(
    kinds: tuple[str, ...],
    *,
    summary: results_summary.ResultsSummary | None,
    pages: list[scoring_sheet.SheetPage] | None,
    meeting: minutes.Minutes | None,
    annex: decision_annex.DecisionAnnex | None,
    certificates: tuple[list[certificate.CertificatePage], certificate.Template] | None,
    feedback: list[improvement_report.FeedbackPage] | None,
    books: list[ballot_workbook.MemberWorkbook] | None = None,
) -> list[_Job]:
    """The files to write, in the order of KINDS, each with its share of the work."""
    jobs: list[_Job] = []
    if pages is not None:
        jobs.append(_Job("sheets", "phieu-danh-gia.pdf", max(1, len(pages)), _pdf(scoring_sheet.render_pdf, pages)))
    if meeting is not None:
        render = _pdf(minutes.render_pdf, meeting)
        jobs.append(_Job("minutes", "bien-ban-hop-hoi-dong.pdf", max(1, len(meeting.products)), render))
    if summary is not None and "results" in kinds:
        jobs.append(_Job("results", "bang-tong-hop-ket-qua.pdf", 1, _pdf(results_summary.render_pdf, summary)))
        jobs.append(_Job("results", "bang-tong-hop-ket-qua.xlsx", 1, _xlsx(results_summary.render_xlsx, summary)))
    if annex is not None:
        jobs.append(_Job("annex", "phu-luc-danh-sach-san-pham.pdf", 1, _pdf(decision_annex.render_pdf, annex)))
        jobs.append(_Job("annex", "phu-luc-danh-sach-san-pham.xlsx", 1, _xlsx(decision_annex.render_xlsx, annex)))
    if certificates is not None and certificates[0]:
        issued, template = certificates

        def draw(path: Path, on_page: PageHook | None) -> Path:
            return certificate.render_pdf(issued, path, template, on_page=on_page)

        jobs.append(_Job("certificates", "giay-chung-nhan.pdf", len(issued), draw))
        jobs.append(_Job("certificates", "giay-chung-nhan.xlsx", 1, _xlsx(certificate.render_xlsx, issued)))
    if feedback is not None:
        render = _pdf(improvement_report.render_pdf, feedback)
        jobs.append(_Job("feedback", "phieu-gop-y.pdf", max(1, len(feedback)), render))
    if books:
        for book, name in zip(books, ballot_workbook.file_names([b.member_name for b in books]), strict=True):
            jobs.append(_Job("ballots", f"{BALLOTS_FOLDER}/{name}", len(book.products), _workbook(book)))
    return jobs


def _workbook(book: ballot_workbook.MemberWorkbook) -> Callable[[Path, PageHook | None], Path]:
    def write(path: Path, _on_page: PageHook | None) -> Path:
        make_folder(path.parent)
        return ballot_workbook.render_xlsx(book, path)

    return write


def _pdf(render: Callable[..., Path], data: object) -> Callable[[Path, PageHook | None], Path]:
    return lambda path, on_page: render(data, path, on_page=on_page)


def _xlsx(render: Callable[[T, Path], Path], data: T) -> Callable[[Path, PageHook | None], Path]:
    """A workbook has no pages to report: it is written in one step."""
    return lambda path, _on_page: render(data, path)


def render_round_documents(
    db: Database,
    *,
    actor: Actor,
    round_id: str,
    out: Path,
    kinds: tuple[str, ...] = KINDS,
    progress: Progress | None = None,
    minutes_number: str | None = None,
    certificate_template: Path | None = None,
    key: InstallationKey | None = None,
    blank_sheets: bool = False,
) -> list[Path]:
    """Write the requested documents of the round into `out`; returns the files written. Every figure is checked
    before any file is written, so a refusal leaves no partial set behind. When `progress` returns False the batch
    stops within a page and raises DocumentsCancelled naming what was and was not written. `blank_sheets` prints
    the scoring sheets unfilled (they print while the figures are secret)."""
    written: list[Path] = []
    remaining: list[str] = []

    def go_on(done: int, total: int, kind: str) -> None:
        if progress is not None and not progress(done, total, kind):
            raise DocumentsCancelled(written, remaining)

    go_on(0, 0, "")
    needs_summary = "results" in kinds or "annex" in kinds
    summary = results_summary_data(db, actor=actor, round_id=round_id) if needs_summary else None
    go_on(0, 0, "")
    pages = scoring_sheets_data(db, actor=actor, round_id=round_id, blank=blank_sheets) if "sheets" in kinds else None
    go_on(0, 0, "")
    meeting = minutes_data(db, actor=actor, round_id=round_id, number=minutes_number) if "minutes" in kinds else None
    go_on(0, 0, "")
    annex = decision_annex_data(db, actor=actor, round_id=round_id, summary=summary) if "annex" in kinds else None
    feedback = feedback_data(db, actor=actor, round_id=round_id) if "feedback" in kinds else None
    certificates = None
    if "certificates" in kinds:
        template = certificate.load_template(certificate_template)
        certificates = (certificates_data(db, actor=actor, round_id=round_id, key=key), template)
        if kinds == ("certificates",) and not certificates[0]:
            raise ValidationFailed([Problem("documents.no_certificates", {})])
    books = ballot_workbooks_data(db, actor=actor, round_id=round_id) if "ballots" in kinds else None
    jobs = _jobs(
        kinds,
        books=books,
        summary=summary,
        pages=pages,
        meeting=meeting,
        annex=annex,
        certificates=certificates,
        feedback=feedback,
    )
    remaining.extend(job.name for job in jobs)
    total = sum(job.weight for job in jobs)
    done = 0
    make_folder(out)
    for job in jobs:
        go_on(done, total, job.kind)

        def on_page(_page: int, fraction: float, base: int = done, job: _Job = job) -> None:
            go_on(base + int(job.weight * fraction), total, job.kind)

        written.append(job.write(out / job.name, on_page if progress is not None else None))
        remaining.remove(job.name)
        done += job.weight
    if progress is not None:
        progress(total, total, "")  # the end is reported; a stop asked for now has nothing left to stop
    return written
