"""The data behind a round's documents. Every figure is computed again from the raw choices through the scoring
core at print time; if it differs from the stored result, the document is refused with the reason — a figure
the data does not support is never printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ocop_desktop.documents import decision_annex, improvement_report, results_summary, scoring_sheet
from ocop_desktop.documents.pdf.layout import Heading, PageHook
from ocop_desktop.domain.admin_units import find_province, load_units_2025
from ocop_desktop.domain.enums import MemberRole, ResultStatus
from ocop_desktop.domain.errors import OcopError, Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.models import Council, Decision, Dossier, MeetingSession, Producer, Product, Result, Round
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

T = TypeVar("T")


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
        for dossier, product, producer in s.execute(_agenda(round_id)):
            inputs = gather_inputs(s, dossier)
            excluded = {b.member for b in inputs.ballots if b.excluded}
            choices = {b.member: b.choices for b in inputs.ballots if not b.excluded}
            round_name = rnd.name + (f" — chấm lại lần {dossier.scoring_round}" if dossier.scoring_round > 1 else "")
            for member in sorted(council.members, key=lambda m: m.sort_order):
                if not member.role.scores or member.id in excluded:
                    continue
                ballot = None if blank else choices.get(member.id)
                pages.append(
                    scoring_sheet.SheetPage(
                        round_name=round_name,
                        product=product.name,
                        code=product.code or "",
                        producer=producer.name,
                        phone=producer.phone or "",
                        address=producer_address(producer),
                        member=member.full_name,
                        place=place,
                        date=meeting if ballot is not None else None,
                        sheet=inputs.sheet,
                        choices=ballot,
                        decisions=inputs.decisions,
                    )
                )
    return pages


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


KINDS = ("sheets", "results", "annex", "feedback")

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
    summary: results_summary.ResultsSummary | None,
    pages: list[scoring_sheet.SheetPage] | None,
    annex: decision_annex.DecisionAnnex | None,
    feedback: list[improvement_report.FeedbackPage] | None,
) -> list[_Job]:
    """The files to write, in the order of KINDS, each with its share of the work."""
    jobs: list[_Job] = []
    if pages is not None:
        jobs.append(_Job("sheets", "phieu-danh-gia.pdf", max(1, len(pages)), _pdf(scoring_sheet.render_pdf, pages)))
    if summary is not None and "results" in kinds:
        jobs.append(_Job("results", "bang-tong-hop-ket-qua.pdf", 1, _pdf(results_summary.render_pdf, summary)))
        jobs.append(_Job("results", "bang-tong-hop-ket-qua.xlsx", 1, _xlsx(results_summary.render_xlsx, summary)))
    if annex is not None:
        jobs.append(_Job("annex", "phu-luc-danh-sach-san-pham.pdf", 1, _pdf(decision_annex.render_pdf, annex)))
        jobs.append(_Job("annex", "phu-luc-danh-sach-san-pham.xlsx", 1, _xlsx(decision_annex.render_xlsx, annex)))
    if feedback is not None:
        render = _pdf(improvement_report.render_pdf, feedback)
        jobs.append(_Job("feedback", "phieu-gop-y.pdf", max(1, len(feedback)), render))
    return jobs


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
) -> list[Path]:
    """Write the requested documents of the round into `out`; returns the files written. Every figure is checked
    before any file is written, so a refusal leaves no partial set behind. When `progress` returns False the batch
    stops within a page and raises DocumentsCancelled naming what was and was not written."""
    written: list[Path] = []
    remaining: list[str] = []

    def go_on(done: int, total: int, kind: str) -> None:
        if progress is not None and not progress(done, total, kind):
            raise DocumentsCancelled(written, remaining)

    go_on(0, 0, "")
    needs_summary = "results" in kinds or "annex" in kinds
    summary = results_summary_data(db, actor=actor, round_id=round_id) if needs_summary else None
    go_on(0, 0, "")
    pages = scoring_sheets_data(db, actor=actor, round_id=round_id) if "sheets" in kinds else None
    go_on(0, 0, "")
    annex = decision_annex_data(db, actor=actor, round_id=round_id, summary=summary) if "annex" in kinds else None
    feedback = feedback_data(db, actor=actor, round_id=round_id) if "feedback" in kinds else None
    jobs = _jobs(kinds, summary, pages, annex, feedback)
    remaining.extend(job.name for job in jobs)
    total = sum(job.weight for job in jobs)
    done = 0
    out.mkdir(parents=True, exist_ok=True)
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
