"""Recognition (quyết định công nhận) with its certificates, and revocation under QĐ 26/2026 Điều 8."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import CertificateStatus, ResultStatus, RevocationGround, RoundStatus
from ocop_desktop.domain.errors import Conflict, Problem, ValidationFailed
from ocop_desktop.models import (
    Certificate,
    Council,
    Decision,
    Dossier,
    MeetingSession,
    Producer,
    Product,
    Result,
    Round,
)
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.authority import AboveAuthority, RecognitionNow
from ocop_desktop.scoring.certificates import council_recognition as recognition_on_day
from ocop_desktop.scoring.versions import RuleVersion
from ocop_desktop.services import audit, settings
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import AGENDA_ORDER, get_or_fail
from ocop_desktop.services.criteria_snapshots import version_from_snapshot
from ocop_desktop.services.eligibility import deciding_decision
from ocop_desktop.services.permissions import Permission, require


def council_recognition(
    version: RuleVersion, council: Council, *, stars: int | None, certifiable: bool, day: dt.date
) -> RecognitionNow:
    """What this council's decision taken on `day` does for a product, under its policy above its authority
    (`scoring.certificates.council_recognition`)."""
    return recognition_on_day(
        version,
        council_level=council.level,
        policy=AboveAuthority(council.above_authority),
        day=day,
        certifiable=certifiable,
        stars=stars,
    )


def last_sitting_day(s: Session, round_id: str) -> dt.date | None:
    """The day of the round's last recorded sitting (None while none is recorded)."""
    return s.scalar(select(func.max(MeetingSession.date)).where(MeetingSession.round_id == round_id))


def meeting_day(s: Session, rnd: Round) -> dt.date:
    """The day a round's results are taken to be decided on before any decision: its last meeting day (today
    while no meeting is recorded). Chooses the recognition period of the version."""
    last = last_sitting_day(s, rnd.id)
    return last if last is not None else dt.date.today()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the last day of the month when that day does not exist)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class IssuedCertificate:
    certificate_id: str
    dossier_id: str
    number: str
    stars: int
    issue_date: dt.date
    expiry_date: dt.date


@dataclass(frozen=True)
class DecisionIssued:
    decision_id: str
    certificates: tuple[IssuedCertificate, ...]
    not_recognised_here: tuple[str, ...]  # dossiers approved with stars another level recognises (5★ → central)


@dataclass(frozen=True)
class Candidate:
    """An approved, certifiable dossier of the round: what the decision would recognise, or the certificate it
    already has (then `certificate_number` and `decision_number` are set)."""

    dossier_id: str
    product_name: str
    product_code: str | None
    producer_name: str
    stars: int
    recognised_here: bool  # False: this council recognises no star of it on the date asked (5★ → central)
    certificate_id: str | None
    certificate_number: str | None
    certificate_status: CertificateStatus | None
    decision_number: str | None
    recognised_stars: int | None = None
    """The star this decision recognises (and certifies): `stars`, or under `recognise_within_authority` the highest
    star within the council's authority; None when it recognises none."""
    referred_to: str | None = None
    """The higher level the product is proposed to for `stars` ("central", "province"), or None."""


@dataclass(frozen=True)
class RecognitionPlan:
    """What the window needs to record a decision: the issuing body, certificate numbering and validity from the
    round's rules, and every approved, certifiable product."""

    round_id: str
    issuing_body: str
    certificate_prefix: str
    validity_months: int
    candidates: tuple[Candidate, ...]
    closed_by: str | None = None
    """The number of the recognition decision that closes the round to additions (None: open)."""

    @property
    def open_candidates(self) -> tuple[Candidate, ...]:
        """Products a new decision could still recognise: no certificate yet, stars recognised at this level."""
        return tuple(c for c in self.candidates if c.certificate_id is None and c.recognised_here)


def _approved(s: Session, round_id: str) -> list[tuple[Dossier, Result]]:
    return [
        (dossier, result)
        for dossier, result in s.execute(
            select(Dossier, Result)
            .join(Result, (Result.dossier_id == Dossier.id) & (Result.scoring_round == Dossier.scoring_round))
            .where(Dossier.round_id == round_id, Result.locked.is_(True), Result.certifiable.is_(True))
            .where(Result.status.in_([ResultStatus.APPROVED, ResultStatus.REFERRED_CENTRAL]))
            .order_by(*AGENDA_ORDER)
        ).all()
    ]


def recognition_plan(db: Database, *, round_id: str, date: dt.date) -> RecognitionPlan:
    """The approved, certifiable products of the round and, for a decision signed on `date`, which of them this
    council's level recognises; with the certificates some already have."""
    prefix = str(settings.get_settings(db)["certificate_prefix"] or "GCN-OCOP")
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        version = version_from_snapshot(s, rnd.version_snapshot)
        rows = []
        for dossier, result in _approved(s, round_id):
            stars = result.stars or 0
            now = council_recognition(version, council, stars=stars, certifiable=True, day=date)
            product = get_or_fail(s, Product, dossier.product_id, "product")
            producer = get_or_fail(s, Producer, product.producer_id, "producer")
            certificate = s.scalars(select(Certificate).where(Certificate.dossier_id == dossier.id)).first()
            decision = get_or_fail(s, Decision, certificate.decision_id, "decision") if certificate else None
            rows.append(
                Candidate(
                    dossier_id=dossier.id,
                    product_name=product.name,
                    product_code=product.code,
                    producer_name=producer.name,
                    stars=stars,
                    recognised_here=now.recognised_stars is not None,
                    certificate_id=certificate.id if certificate else None,
                    certificate_number=certificate.number if certificate else None,
                    certificate_status=certificate.status if certificate else None,
                    decision_number=decision.number if decision else None,
                    recognised_stars=now.recognised_stars,
                    referred_to=now.referred_to,
                )
            )
        decision = deciding_decision(s, rnd)
        return RecognitionPlan(
            round_id,
            council.issuing_body or "",
            prefix,
            version.certificate_validity_months,
            tuple(rows),
            decision.number if decision is not None else None,
        )


def _check_decision_fields(number: str, signer: str, issuing_body: str) -> None:
    """Every missing field named at once, before anything is written."""
    problems = [
        Problem(f"recognition.{field}_missing", {})
        for field, value in (("number", number), ("signer", signer), ("issuing_body", issuing_body))
        if not value.strip()
    ]
    if problems:
        raise ValidationFailed(problems)


def issue_decision(
    db: Database,
    *,
    actor: Actor,
    round_id: str,
    number: str,
    date: dt.date,
    signer: str,
    issuing_body: str,
    signer_title: str | None = None,
    certificate_prefix: str = "GCN-OCOP",
    dossier_ids: Collection[str] | None = None,
) -> DecisionIssued:
    """Record the recognition decision and issue a numbered certificate, valid 36 months, to every approved,
    certifiable dossier of the round (or of `dossier_ids`, those the person ticked) that has no certificate yet and
    of which this council recognises a star on that date (its own, or under `recognise_within_authority` the
    highest within its authority): the certificate carries the star recognised."""
    require(actor, Permission.ISSUE_DECISION)
    _check_decision_fields(number, signer, issuing_body)
    number = number.strip()
    db.backup("truoc-quyet-dinh")
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        version = version_from_snapshot(s, rnd.version_snapshot)
        if s.scalars(select(Decision).where(Decision.number == number)).first() is not None:
            raise Conflict([Problem("recognition.number_taken", {"number": number})])
        certified = set(s.scalars(select(Certificate.dossier_id)))
        approved = [
            (dossier, result)
            for dossier, result in _approved(s, round_id)
            if dossier.id not in certified and (dossier_ids is None or dossier.id in dossier_ids)
        ]
        if not approved:
            raise ValidationFailed([Problem("recognition.nothing_to_recognise", {})])
        decision = Decision(
            round_id=round_id,
            number=number,
            date=date,
            signer=signer.strip(),
            signer_title=(signer_title or "").strip() or None,
            issuing_body=issuing_body.strip(),
            created_by=actor.user_id,
        )
        s.add(decision)
        rnd.status = RoundStatus.CLOSED  # no new dossier, ballot or re-score until the chair reopens it
        s.flush()
        issued, elsewhere = [], []
        sequence = s.scalar(select(func.count()).select_from(Certificate)) or 0
        for dossier, result in approved:
            now = council_recognition(version, council, stars=result.stars, certifiable=True, day=date)
            if now.recognised_stars is None:
                elsewhere.append(dossier.id)
                continue
            stars = now.recognised_stars
            sequence += 1
            product = get_or_fail(s, Product, dossier.product_id, "product")
            certificate = Certificate(
                decision_id=decision.id,
                dossier_id=dossier.id,
                number=f"{sequence:04d}/{date.year}/{certificate_prefix}",
                stars=stars,
                issue_date=date,
                expiry_date=add_months(date, version.certificate_validity_months),
                product_code=product.code,
                created_by=actor.user_id,
            )
            s.add(certificate)
            s.flush()
            issued.append(
                IssuedCertificate(certificate.id, dossier.id, certificate.number, stars, date, certificate.expiry_date)
            )
        audit.record(
            s,
            actor,
            "issue_decision",
            "decision",
            decision.id,
            after={
                "number": decision.number,
                "date": date,
                "certificates": [c.number for c in issued],
                "above_authority": council.above_authority,
            },
        )
        return DecisionIssued(decision.id, tuple(issued), tuple(elsewhere))


def reopen_round(db: Database, *, actor: Actor, round_id: str, reason: str) -> None:
    """The chair reopens a round past its recognition decision so that dossiers, ballots or re-scores can be added
    (the agenda continues after its last number), with a reason (audited); the decision and its certificates stay
    as they are, and the next decision closes the round again."""
    require(actor, Permission.REOPEN_RESULT)
    if not reason.strip():
        raise ValidationFailed([Problem("round.reopen_needs_reason", {})])
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        decision = deciding_decision(s, rnd)
        if decision is None:
            raise Conflict([Problem("round.not_decided", {})])
        before = {"status": rnd.status, "decision": decision.number}
        rnd.status = RoundStatus.OPEN
        audit.record(
            s,
            actor,
            "reopen_round",
            "round",
            round_id,
            before=before,
            after={"status": rnd.status},
            reason=reason.strip(),
        )


def revoke_certificate(
    db: Database,
    *,
    actor: Actor,
    certificate_id: str,
    ground: RevocationGround,
    date: dt.date,
    decision_number: str,
    reason: str,
) -> None:
    """Thu hồi giấy chứng nhận on one of the grounds of Điều 8 khoản 1, with the revoking decision."""
    require(actor, Permission.REVOKE_CERTIFICATE)
    if not reason.strip() or not decision_number.strip():
        raise ValidationFailed([Problem("recognition.revocation_incomplete", {})])
    with db.transaction() as s:
        certificate = get_or_fail(s, Certificate, certificate_id, "certificate")
        if certificate.status is CertificateStatus.REVOKED:
            raise Conflict([Problem("recognition.already_revoked", {"number": certificate.number})])
        before = {"status": certificate.status}
        certificate.status = CertificateStatus.REVOKED
        certificate.revocation_ground = RevocationGround(ground)
        certificate.revocation_date = date
        certificate.revocation_decision = decision_number.strip()
        certificate.revocation_reason = reason.strip()
        audit.record(
            s,
            actor,
            "revoke_certificate",
            "certificate",
            certificate_id,
            before=before,
            after={"status": certificate.status, "ground": certificate.revocation_ground, "decision": decision_number},
            reason=reason.strip(),
        )


def certificate_status(certificate_status: CertificateStatus, expiry: dt.date, today: dt.date) -> CertificateStatus:
    """Valid certificates past their expiry date read as expired."""
    if certificate_status is CertificateStatus.VALID and expiry < today:
        return CertificateStatus.EXPIRED
    return certificate_status
