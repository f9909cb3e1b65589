"""The data behind a round's documents. Every figure is computed again from the raw choices through the scoring
core at print time; if it differs from the stored result, the document is refused with the reason — a figure
the data does not support is never printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ocop_desktop.documents import ballot_workbook, decision_annex, improvement_report, results_summary, scoring_sheet
from ocop_desktop.documents.pdf.layout import Heading
from ocop_desktop.domain.admin_units import find_province, load_units_2025
from ocop_desktop.domain.enums import MemberRole, ResultStatus
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.models import (
    Council,
    CouncilMember,
    Decision,
    Dossier,
    MeetingSession,
    Producer,
    Product,
    Result,
    Round,
)
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.engine import ProductResult, UnmetMinimum
from ocop_desktop.scoring.improvement import improvement_for
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.criteria_catalogue import rule_version
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.queries import producer_address
from ocop_desktop.services.results import Inputs, compute, gather_inputs
from ocop_desktop.services.settings import get_settings


class DocumentRefused(UserFacingError):
    """A stored figure does not follow from the data: the document is not produced."""


def _conclusion(row: Result | None, stars: int | None, certifiable: bool) -> str:
    if row is None:
        return "Chưa có kết quả"
    if row.status is ResultStatus.ELIMINATED or stars is None:
        return "Không xếp hạng (bị loại / dừng đánh giá)"
    if row.status is ResultStatus.REFERRED_CENTRAL:
        return "Đề nghị Trung ương đánh giá, công nhận 5 sao"
    if certifiable:
        prefix = "Đề nghị công nhận" if row.locked else "Dự kiến"
        return f"{prefix} {stars} sao"
    return f"Không đạt ({stars} sao, không cấp giấy chứng nhận)"


def _checked(
    s: Session, dossier: Dossier, product: Product, problems: list[Problem]
) -> tuple[Inputs, ProductResult | None, Result | None] | None:
    """The dossier's inputs, its result recomputed from the raw choices (None while ballots are incomplete) and the
    stored result; None, with a problem added, when the stored result no longer follows from the choices."""
    stored = s.scalars(
        select(Result).where(Result.dossier_id == dossier.id, Result.scoring_round == dossier.scoring_round)
    ).one_or_none()
    inputs = gather_inputs(s, dossier)
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
        .order_by(Dossier.agenda_order)
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
    return settings["place_name"] or _province_name(council.province_code)


def _heading(settings: dict[str, str], council: Council, date: dt.date | None) -> Heading:
    return Heading(
        issuing_body=council.issuing_body or settings["issuing_body"],
        parent_body=settings["parent_body"] or None,
        number=None,
        place=_place(settings, council),
        date=date or dt.date.today(),
    )


def _chair(council: Council) -> str:
    return next((m.full_name for m in council.members if m.role is MemberRole.CHAIR), "")


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
        heading = _heading(settings, council, date)
        for dossier, product, producer in s.execute(_agenda(round_id)):
            checked = _checked(s, dossier, product, problems)
            if checked is None or checked[1] is None:
                continue
            inputs, result, _stored = checked
            pages.append(
                improvement_report.FeedbackPage(
                    heading=heading,
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
                    signer=("Chủ tịch hội đồng", _chair(council)),
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
    problems: list[Problem] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        scoring = [m for m in council.members if m.role.scores]
        for dossier, product, producer in s.execute(_agenda(round_id)):
            checked = _checked(s, dossier, product, problems)
            if checked is None:
                continue
            inputs, result, stored = checked
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
                        stored, result.stars if result else None, bool(result and result.certifiable)
                    ),
                    proposed=bool(stored is not None and stored.locked and result and result.certifiable),
                    notes=_unmet_note(result.unmet_minimums) if result else "",
                )
            )
        chair = _chair(council)
        secretary = next((m.full_name for m in council.members if m.role is MemberRole.SECRETARY_MEMBER), "")
        heading = _heading(settings, council, date)
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
    round_name: str
    members: tuple[CouncilMember, ...]


def _assignments(s: Session, rnd: Round, council: Council) -> Iterator[Assignment]:
    """The one rule for who scores what: scoring members, less those recused from the dossier or absent."""
    ordered = sorted(council.members, key=lambda m: m.sort_order)
    for dossier, product, producer in s.execute(_agenda(rnd.id)):
        inputs = gather_inputs(s, dossier)
        excluded = {b.member for b in inputs.ballots if b.excluded}
        round_name = rnd.name + (f" — chấm lại lần {dossier.scoring_round}" if dossier.scoring_round > 1 else "")
        members = tuple(m for m in ordered if m.role.scores and m.id not in excluded)
        yield Assignment(dossier, product, producer, inputs, round_name, members)


def scoring_sheets_data(
    db: Database, *, actor: Actor, round_id: str, blank: bool = False
) -> list[scoring_sheet.SheetPage]:
    """One sheet per scoring member per dossier, in agenda order, for the dossier's current scoring round. A member
    who is recused or absent gets none; a submitted ballot is printed ticked and totalled unless `blank`."""
    require(actor, Permission.VIEW)
    settings = get_settings(db)
    pages: list[scoring_sheet.SheetPage] = []
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        place = _place(settings, council)
        meeting = s.scalars(
            select(MeetingSession.date).where(MeetingSession.round_id == round_id).order_by(MeetingSession.date.desc())
        ).first()
        for a in _assignments(s, rnd, council):
            choices = {b.member: b.choices for b in a.inputs.ballots if not b.excluded}
            for member in a.members:
                ballot = None if blank else choices.get(member.id)
                pages.append(
                    scoring_sheet.SheetPage(
                        round_name=a.round_name,
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
    return pages


def ballot_workbooks_data(db: Database, *, actor: Actor, round_id: str) -> list[ballot_workbook.MemberWorkbook]:
    """One Excel ballot workbook per scoring member, with a sheet for every dossier the printed pack gives them;
    a member with no dossier to score (absent) gets none."""
    require(actor, Permission.VIEW)
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
        decision = s.scalars(
            select(Decision).where(Decision.round_id == round_id).order_by(Decision.date.desc(), Decision.number.desc())
        ).first()
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


KINDS = ("sheets", "results", "annex", "feedback", "ballots")
BALLOTS_FOLDER = "phieu-excel"


def render_round_documents(
    db: Database, *, actor: Actor, round_id: str, out: Path, kinds: tuple[str, ...] = KINDS
) -> list[Path]:
    """Write the requested documents of the round into `out`; returns the files written. Every figure is checked
    before any file is written, so a refusal leaves no partial set behind."""
    needs_summary = "results" in kinds or "annex" in kinds
    summary = results_summary_data(db, actor=actor, round_id=round_id) if needs_summary else None
    pages = scoring_sheets_data(db, actor=actor, round_id=round_id) if "sheets" in kinds else None
    annex = decision_annex_data(db, actor=actor, round_id=round_id, summary=summary) if "annex" in kinds else None
    feedback = feedback_data(db, actor=actor, round_id=round_id) if "feedback" in kinds else None
    books = ballot_workbooks_data(db, actor=actor, round_id=round_id) if "ballots" in kinds else None
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if pages is not None:
        written.append(scoring_sheet.render_pdf(pages, out / "phieu-danh-gia.pdf"))
    if summary is not None and "results" in kinds:
        written.append(results_summary.render_pdf(summary, out / "bang-tong-hop-ket-qua.pdf"))
        written.append(results_summary.render_xlsx(summary, out / "bang-tong-hop-ket-qua.xlsx"))
    if annex is not None:
        written.append(decision_annex.render_pdf(annex, out / "phu-luc-danh-sach-san-pham.pdf"))
        written.append(decision_annex.render_xlsx(annex, out / "phu-luc-danh-sach-san-pham.xlsx"))
    if feedback is not None:
        written.append(improvement_report.render_pdf(feedback, out / "phieu-gop-y.pdf"))
    if books is not None:
        written.extend(ballot_workbook.write_workbooks(books, out / BALLOTS_FOLDER))
    return written
