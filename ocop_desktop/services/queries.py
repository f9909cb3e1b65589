"""Read models for the screens: plain frozen data, never ORM objects, one query function per screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.admin_units import find_commune, load_units_2025
from ocop_desktop.domain.enums import BallotStatus, EntryMode, MemberRole, ResultStatus
from ocop_desktop.domain.errors import PermissionDenied, Problem
from ocop_desktop.domain.text import fold, unit_in_sentence
from ocop_desktop.models import (
    Attachment,
    Attendance,
    Ballot,
    Certificate,
    CommuneAssessment,
    Council,
    CouncilMember,
    Dossier,
    MeetingSession,
    Producer,
    Product,
    Recusal,
    Result,
    Round,
    SelfAssessmentChoice,
    User,
)
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import AGENDA_ORDER, get_or_fail
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot, version_from_snapshot
from ocop_desktop.services.results import quorum_of, round_progress, scoring_progress
from ocop_desktop.services.secrecy import ballot_refusal, may_see_figures


@dataclass(frozen=True)
class RoundSummary:
    round_id: str
    name: str
    year: int
    council_name: str
    rule_version_id: str
    dossiers: int


@dataclass(frozen=True)
class MemberRow:
    member_id: str
    full_name: str
    role: MemberRole
    position: str | None
    present: bool | None  # None: attendance not recorded


@dataclass(frozen=True)
class DossierRow:
    dossier_id: str
    agenda_order: int
    product_name: str
    product_code: str | None
    producer_name: str
    sheet_id: str
    registration_type: str
    scoring_round: int
    submitted: int  # counted members (scoring, present, not recused) who have submitted: never secret
    expected: int
    revealed: bool  # False while a counted member is still scoring: the figures below are then None
    average: str | None
    stars: int | None
    band_stars: int | None
    status: ResultStatus | None
    locked: bool
    spread_exceeds_limit: bool | None
    search_key: str


@dataclass(frozen=True)
class RoundView:
    round_id: str
    name: str
    year: int
    place: str | None
    rule_version_id: str
    spread_limit: str
    council_id: str
    council_name: str
    issuing_body: str
    quorum: tuple[int, int]
    quorum_requires_chair: bool
    quorum_met: bool
    attendance_taken: bool  # False until somebody is ticked present or absent at the latest sitting
    present: int
    scoring_members: int
    session_id: str | None
    session_date: dt.date | None
    members: tuple[MemberRow, ...]
    dossiers: tuple[DossierRow, ...]


def list_rounds(db: Database) -> list[RoundSummary]:
    with db.reading() as s:
        out = []
        for rnd in s.scalars(select(Round).order_by(Round.year.desc(), Round.created_at.desc())):
            council = get_or_fail(s, Council, rnd.council_id, "council")
            count = len(s.scalars(select(Dossier.id).where(Dossier.round_id == rnd.id)).all())
            out.append(RoundSummary(rnd.id, rnd.name, rnd.year, council.name, rnd.rule_version_id, count))
        return out


def _latest_session(s: Session, round_id: str) -> MeetingSession | None:
    return s.scalars(
        select(MeetingSession).where(MeetingSession.round_id == round_id).order_by(MeetingSession.date.desc())
    ).first()


def _attendance(s: Session, meeting: MeetingSession | None) -> dict[str, bool]:
    if meeting is None:
        return {}
    return {a.member_id: a.present for a in s.scalars(select(Attendance).where(Attendance.session_id == meeting.id))}


@dataclass(frozen=True)
class SessionRow:
    session_id: str
    date: dt.date
    place: str | None
    opened_at: str | None
    closed_at: str | None
    present: int  # members ticked present at this sitting
    absent: int


@dataclass(frozen=True)
class RecusalRow:
    agenda_order: int
    product_name: str
    member_name: str
    reason: str


@dataclass(frozen=True)
class Preparation:
    """What the secretary has set up for a round beyond its council: the sittings and who stands aside from which
    product — the set-up page lists them so that each addition is seen where it was made."""

    sessions: tuple[SessionRow, ...]
    recusals: tuple[RecusalRow, ...]


def preparation(db: Database, round_id: str) -> Preparation:
    with db.reading() as s:
        get_or_fail(s, Round, round_id, "round")
        sessions = []
        for meeting in s.scalars(
            select(MeetingSession)
            .where(MeetingSession.round_id == round_id)
            .order_by(MeetingSession.date, MeetingSession.opened_at)
        ):
            ticks = list(_attendance(s, meeting).values())
            sessions.append(
                SessionRow(
                    meeting.id,
                    meeting.date,
                    meeting.place,
                    meeting.opened_at,
                    meeting.closed_at,
                    sum(ticks),
                    len(ticks) - sum(ticks),
                )
            )
        recusals = [
            RecusalRow(r.agenda_order, r.name, r.full_name, r.reason)
            for r in s.execute(
                select(Dossier.agenda_order, Product.name, CouncilMember.full_name, Recusal.reason)
                .join(Dossier, Dossier.id == Recusal.dossier_id)
                .join(Product, Product.id == Dossier.product_id)
                .join(CouncilMember, CouncilMember.id == Recusal.member_id)
                .where(Dossier.round_id == round_id)
                .order_by(*AGENDA_ORDER, CouncilMember.full_name)
            )
        ]
        return Preparation(tuple(sessions), tuple(recusals))


def round_view(db: Database, round_id: str, *, actor: Actor) -> RoundView:
    """The round with its council, attendance at the latest session and every dossier's state; a dossier's
    figures only once `actor` may see them (services/secrecy), its progress always."""
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        meeting = _latest_session(s, round_id)
        attendance = _attendance(s, meeting)
        members = tuple(MemberRow(m.id, m.full_name, m.role, m.position, attendance.get(m.id)) for m in council.members)
        quorum = quorum_of(s, rnd)
        progress = round_progress(s, rnd)
        results = {
            r.dossier_id: r
            for r in s.execute(
                select(
                    Result.dossier_id,
                    Result.average_total,
                    Result.stars,
                    Result.band_stars,
                    Result.status,
                    Result.spread_exceeds_limit,
                )
                .join(Dossier, (Dossier.id == Result.dossier_id) & (Dossier.scoring_round == Result.scoring_round))
                .where(Dossier.round_id == round_id)
            )
        }
        rows = []
        query = (
            select(
                Dossier.id,
                Dossier.agenda_order,
                Dossier.registration_type,
                Dossier.scoring_round,
                Product.name,
                Product.code,
                Product.sheet_id,
                Producer.name.label("producer_name"),
            )
            .join(Product, Product.id == Dossier.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .where(Dossier.round_id == round_id)
            .order_by(*AGENDA_ORDER)
        )
        for d in s.execute(query):
            state = progress[d.id]
            shown = may_see_figures(actor, state)
            result = results.get(d.id) if shown else None
            rows.append(
                DossierRow(
                    dossier_id=d.id,
                    agenda_order=d.agenda_order,
                    product_name=d.name,
                    product_code=d.code,
                    producer_name=d.producer_name,
                    sheet_id=d.sheet_id,
                    registration_type=d.registration_type.value,
                    scoring_round=d.scoring_round,
                    submitted=state.submitted,
                    expected=state.expected,
                    revealed=shown,
                    average=result.average_total if result else None,
                    stars=result.stars if result else None,
                    band_stars=result.band_stars if result else None,
                    status=result.status if result else None,
                    locked=state.locked,
                    spread_exceeds_limit=result.spread_exceeds_limit if result else None,
                    search_key=fold(f"{d.name} {d.code or ''} {d.producer_name}"),
                )
            )
        return RoundView(
            round_id=rnd.id,
            name=rnd.name,
            year=rnd.year,
            place=rnd.place,
            rule_version_id=rnd.rule_version_id,
            spread_limit=rnd.spread_limit,
            council_id=council.id,
            council_name=council.name,
            issuing_body=council.issuing_body,
            quorum=(council.quorum_numerator, council.quorum_denominator),
            quorum_requires_chair=council.quorum_requires_chair,
            quorum_met=quorum.met,
            attendance_taken=quorum.recorded,
            present=quorum.present,
            scoring_members=quorum.scoring_members,
            session_id=meeting.id if meeting else None,
            session_date=meeting.date if meeting else None,
            members=members,
            dossiers=tuple(rows),
        )


@dataclass(frozen=True)
class AttachmentRow:
    attachment_id: str
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class DossierView:
    dossier_id: str
    round_id: str
    product_name: str
    product_code: str | None
    description: str | None
    producer_name: str
    legal_form: str
    representative: str | None
    phone: str | None
    email: str | None
    address: str
    registration_type: str
    submission_date: dt.date
    rule_version_id: str
    scoring_round: int
    sheet: Sheet
    self_assessment: dict[str, int]
    commune: tuple[tuple[str, str, bool | None], ...]
    advisory_report: str | None
    attachments: tuple[AttachmentRow, ...]
    recused: tuple[str, ...]
    certificate_number: str | None


def producer_address(producer: Producer) -> str:
    """Street, commune and province after the 2025 reorganisation, the units' kinds in lower case as an address
    writes them ("xã Tân Cương, tỉnh Thái Nguyên"); the historic address when there is no code."""
    found = find_commune(load_units_2025(admin_units_dir()), producer.commune_code) if producer.commune_code else None
    commune, province = (unit_in_sentence(found[1].name), unit_in_sentence(found[0].name)) if found else (None, None)
    parts = (producer.street_address, commune, province)
    return ", ".join(x for x in parts if x) or (producer.historic_address or "")


def dossier_view(db: Database, dossier_id: str) -> DossierView:
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        product = get_or_fail(s, Product, dossier.product_id, "product")
        producer = get_or_fail(s, Producer, product.producer_id, "producer")
        rnd = get_or_fail(s, Round, dossier.round_id, "round")
        sheet = sheet_from_snapshot(s, dossier.sheet_snapshot, version_from_snapshot(s, rnd.version_snapshot))
        address = producer_address(producer)
        names = {m.id: m.full_name for m in get_or_fail(s, Council, rnd.council_id, "council").members}
        certificate = s.scalars(select(Certificate).where(Certificate.dossier_id == dossier_id)).first()
        return DossierView(
            dossier_id=dossier.id,
            round_id=rnd.id,
            product_name=product.name,
            product_code=product.code,
            description=product.description,
            producer_name=producer.name,
            legal_form=producer.legal_form.value,
            representative=producer.representative_name,
            phone=producer.phone,
            email=producer.email,
            address=address,
            registration_type=dossier.registration_type.value,
            submission_date=dossier.submission_date,
            rule_version_id=dossier.rule_version_id,
            scoring_round=dossier.scoring_round,
            sheet=sheet,
            self_assessment={
                c.item_id: c.option_number
                for c in s.scalars(select(SelfAssessmentChoice).where(SelfAssessmentChoice.dossier_id == dossier_id))
            },
            commune=tuple(
                (c.item.value, c.finding, c.meets)
                for c in s.scalars(select(CommuneAssessment).where(CommuneAssessment.dossier_id == dossier_id))
            ),
            advisory_report=dossier.advisory_report,
            attachments=tuple(
                AttachmentRow(a.id, a.filename, a.media_type, a.size, a.sha256)
                for a in s.scalars(select(Attachment).where(Attachment.dossier_id == dossier_id))
            ),
            recused=tuple(
                names.get(r.member_id, r.member_id)
                for r in s.scalars(select(Recusal).where(Recusal.dossier_id == dossier_id))
            ),
            certificate_number=certificate.number if certificate else None,
        )


@dataclass(frozen=True)
class BallotView:
    ballot_id: str
    dossier_id: str
    member_id: str
    scoring_round: int
    status: BallotStatus
    entry_mode: EntryMode
    choices: dict[str, int]
    opinion: str | None
    entered_by: str | None  # the account that began it: the member, or the typist of a paper ballot


def _ballot_view(ballot: Ballot) -> BallotView:
    return BallotView(
        ballot.id,
        ballot.dossier_id,
        ballot.member_id,
        ballot.scoring_round,
        ballot.status,
        ballot.entry_mode,
        {c.item_id: c.option_number for c in ballot.choices},
        ballot.opinion,
        ballot.entered_by,
    )


def ballot_secret(s: Session, actor: Actor, ballot: Ballot) -> Problem | None:
    """Why `actor` may not read the ballot's choices now (services/secrecy), or None."""
    dossier = get_or_fail(s, Dossier, ballot.dossier_id, "dossier")
    member = get_or_fail(s, CouncilMember, ballot.member_id, "council_member")
    _inputs, progress = scoring_progress(s, dossier, ballot.scoring_round)
    return ballot_refusal(
        actor,
        member_id=member.id,
        member_name=member.full_name,
        entry_mode=ballot.entry_mode,
        status=ballot.status,
        entered_by=ballot.entered_by,
        progress=progress,
    )


def ballot_view(db: Database, ballot_id: str, *, actor: Actor) -> BallotView:
    """The ballot's choices for whom independent scoring allows them: the member themselves, the typist of a paper
    draft, anyone with VIEW once every counted member has submitted. Anyone else: PermissionDenied."""
    with db.reading() as s:
        ballot = get_or_fail(s, Ballot, ballot_id, "ballot")
        refusal = ballot_secret(s, actor, ballot)
        if refusal is not None:
            raise PermissionDenied([refusal])
        return _ballot_view(ballot)


@dataclass(frozen=True)
class CurrentBallot:
    """A member's ballot of a dossier's current scoring round as the scoring page shows it. Who began it, how, and
    how far it is are never secret; its choices (`view`) only when the actor may read them, else `hidden` says
    why."""

    ballot_id: str
    dossier_id: str
    member_id: str
    scoring_round: int
    status: BallotStatus
    entry_mode: EntryMode
    entered_by: str | None
    entered_by_name: str | None  # the account's full name (who is typing a paper ballot)
    answered: int  # how many items have a choice
    view: BallotView | None
    hidden: Problem | None


def current_ballot(s: Session, actor: Actor, ballot: Ballot) -> CurrentBallot:
    refusal = ballot_secret(s, actor, ballot)
    typist = s.get(User, ballot.entered_by) if ballot.entered_by else None
    return CurrentBallot(
        ballot_id=ballot.id,
        dossier_id=ballot.dossier_id,
        member_id=ballot.member_id,
        scoring_round=ballot.scoring_round,
        status=ballot.status,
        entry_mode=ballot.entry_mode,
        entered_by=ballot.entered_by,
        entered_by_name=typist.full_name if typist is not None else None,
        answered=len(ballot.choices),
        view=_ballot_view(ballot) if refusal is None else None,
        hidden=refusal,
    )


def find_dossier_by_code(db: Database, code: str) -> str | None:
    with db.reading() as s:
        return s.scalars(select(Dossier.id).join(Product).where(Product.code == code)).first()


@dataclass(frozen=True)
class BallotRow:
    ballot_id: str
    member_id: str
    member_name: str
    scoring_round: int
    status: BallotStatus
    entry_mode: EntryMode


def ballots_of_dossier(db: Database, dossier_id: str) -> list[BallotRow]:
    """Every ballot of the dossier, newest scoring round first, in council order."""
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        rnd = get_or_fail(s, Round, dossier.round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        order = {m.id: (i, m.full_name) for i, m in enumerate(council.members)}
        rows = [
            BallotRow(b.id, b.member_id, order[b.member_id][1], b.scoring_round, b.status, b.entry_mode)
            for b in s.scalars(select(Ballot).where(Ballot.dossier_id == dossier_id))
        ]
        rows.sort(key=lambda r: (-r.scoring_round, order[r.member_id][0]))
        return rows


def council_members(db: Database, round_id: str) -> list[MemberRow]:
    """The round's council members with their attendance at the latest session (no dossier data)."""
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        meeting = _latest_session(s, round_id)
        attendance = _attendance(s, meeting)
        council = get_or_fail(s, Council, rnd.council_id, "council")
        return [MemberRow(m.id, m.full_name, m.role, m.position, attendance.get(m.id)) for m in council.members]


def members_of_council(db: Database, council_id: str) -> list[MemberRow]:
    with db.reading() as s:
        council = get_or_fail(s, Council, council_id, "council")
        return [MemberRow(m.id, m.full_name, m.role, m.position, None) for m in council.members]


def member_names(db: Database, round_id: str) -> dict[str, str]:
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        return {m.id: m.full_name for m in get_or_fail(s, Council, rnd.council_id, "council").members}


@dataclass(frozen=True)
class EarlierResult:
    """A scoring round before the current one; its figures are None while they are secret (`revealed` False: it
    was re-scored before every counted member had submitted)."""

    scoring_round: int
    revealed: bool
    average_total: str | None
    spread: str | None
    spread_exceeds_limit: bool | None
    discussion: str | None


def earlier_results(db: Database, dossier_id: str, *, actor: Actor) -> list[EarlierResult]:
    """The results of the scoring rounds before the current one (a re-score keeps them)."""
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        rows = s.scalars(
            select(Result)
            .where(Result.dossier_id == dossier_id, Result.scoring_round < dossier.scoring_round)
            .order_by(Result.scoring_round)
        )
        out = []
        for r in rows:
            if may_see_figures(actor, scoring_progress(s, dossier, r.scoring_round)[1]):
                out.append(
                    EarlierResult(
                        r.scoring_round,
                        True,
                        r.average_total,
                        str(r.computed.get("spread")),
                        r.spread_exceeds_limit,
                        r.discussion,
                    )
                )
            else:
                out.append(EarlierResult(r.scoring_round, False, None, None, None, None))
        return out


@dataclass(frozen=True)
class CouncilView:
    council_id: str
    name: str
    level: str
    issuing_body: str
    establishing_decision: str | None
    quorum: tuple[int, int]
    quorum_requires_chair: bool
    above_authority: str


def council_view(db: Database, council_id: str) -> CouncilView:
    with db.reading() as s:
        c = get_or_fail(s, Council, council_id, "council")
        return CouncilView(
            c.id,
            c.name,
            c.level.value,
            c.issuing_body,
            c.establishing_decision,
            (c.quorum_numerator, c.quorum_denominator),
            c.quorum_requires_chair,
            c.above_authority,
        )


@dataclass(frozen=True)
class ProducerView:
    producer_id: str
    product_id: str
    name: str
    phone: str | None
    email: str | None
    representative_name: str | None
    street_address: str | None
    product_name: str
    product_code: str | None


def producer_of_dossier(db: Database, dossier_id: str) -> ProducerView:
    with db.reading() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        product = get_or_fail(s, Product, dossier.product_id, "product")
        p = get_or_fail(s, Producer, product.producer_id, "producer")
        return ProducerView(
            p.id,
            product.id,
            p.name,
            p.phone,
            p.email,
            p.representative_name,
            p.street_address,
            product.name,
            product.code,
        )
