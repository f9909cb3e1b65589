"""Producers, products and dossiers (secretary): create, edit, self-assessment, commune pre-assessment,
attachments with checksums and evidence links."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain import values
from ocop_desktop.domain.admin_units import find_commune, find_province, load_units_2025
from ocop_desktop.domain.attachments import attachment_problem
from ocop_desktop.domain.enums import CommuneItem, Gender, LegalForm, RegistrationType
from ocop_desktop.domain.errors import Conflict, Problem, ValidationFailed
from ocop_desktop.domain.text import fold, nfc
from ocop_desktop.models import (
    Attachment,
    CommuneAssessment,
    Dossier,
    EvidenceLink,
    Producer,
    Product,
    Round,
    SelfAssessmentChoice,
)
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.engine import MemberBallot, check_ballot
from ocop_desktop.scoring.versions import rule_version_for
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.criteria_catalogue import list_sheets, rule_versions
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot, snapshot_sheet, version_from_snapshot
from ocop_desktop.services.eligibility import refuse_if_decided
from ocop_desktop.services.permissions import Permission, require

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
PHONE = re.compile(r"^(\+84|0)\d{9,10}$", re.ASCII)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CODE = re.compile(r"^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$", re.ASCII)  # ASCII digits: int() takes '٣' as 3

PRODUCER_FIELDS = (
    "name",
    "legal_form",
    "registration_number",
    "representative_name",
    "representative_position",
    "representative_gender",
    "representative_ethnicity",
    "phone",
    "email",
    "province_code",
    "commune_code",
    "street_address",
    "historic_address",
)


# each producer field's domain (domain/values.py): text without control characters within the column's length
PRODUCER_DOMAINS: dict[str, values.Domain] = {
    "name": values.NAME,
    "legal_form": values.Choice.of(LegalForm),
    "registration_number": values.Text(64),
    "representative_name": values.LINE,
    "representative_position": values.LINE,
    "representative_gender": values.Choice.of(Gender),
    "representative_ethnicity": values.Text(64),
    "phone": values.Text(32),
    "email": values.LINE,
    "street_address": values.Text(500),
    "historic_address": values.Text(500),
}
PRODUCT_DOMAINS: dict[str, values.Domain] = {
    "name": values.NAME,
    "code": values.Text(64),
    "description": values.Text(4000, multiline=True),
}


def _producer_problems(fields: dict[str, Any]) -> list[Problem]:
    problems = [
        p
        for key, value in fields.items()
        if key in PRODUCER_DOMAINS and (key == "name" or value not in (None, ""))
        for p in PRODUCER_DOMAINS[key].problems(value, key)
    ]
    named = {dict(p.location).get("field") for p in problems}
    phone = fields.get("phone") if "phone" not in named else None
    if phone and not PHONE.match(re.sub(r"[\s.\-]", "", phone)):
        problems.append(Problem("registry.bad_phone", {"value": phone}, (("field", "phone"),)))
    email = fields.get("email") if "email" not in named else None
    if email and not EMAIL.match(email):
        problems.append(Problem("registry.bad_email", {"value": email}, (("field", "email"),)))
    for key, size in (("province_code", 2), ("commune_code", 5)):
        value = fields.get(key)
        if value and (values.int_problems(value, key) or len(value) != size):
            problems.append(Problem("registry.bad_admin_code", {"value": value, "digits": size}, (("field", key),)))
    if not problems:
        problems.extend(_address_problems(fields.get("province_code"), fields.get("commune_code")))
    return problems


def _address_problems(province_code: str | None, commune_code: str | None) -> list[Problem]:
    """Codes must name units in force since 01/7/2025, and the commune must lie in the province."""
    if not province_code and not commune_code:
        return []
    units = load_units_2025(admin_units_dir())
    if province_code and find_province(units, province_code) is None:
        return [Problem("registry.unknown_province", {"code": province_code}, (("field", "province_code"),))]
    if commune_code:
        found = find_commune(units, commune_code)
        if found is None:
            return [Problem("registry.unknown_commune", {"code": commune_code}, (("field", "commune_code"),))]
        if province_code and found[0].code != province_code:
            return [
                Problem(
                    "registry.commune_elsewhere",
                    {"commune": found[1].name, "province": found[0].name},
                    (("field", "commune_code"),),
                )
            ]
    return []


def _snapshot(producer: Producer) -> dict[str, Any]:
    return {k: getattr(producer, k) for k in PRODUCER_FIELDS}


def create_producer(db: Database, *, actor: Actor, name: str, legal_form: LegalForm, **fields: Any) -> str:
    """Chủ thể OCOP. Optional fields: see PRODUCER_FIELDS; phone and e-mail are checked."""
    require(actor, Permission.EDIT_REGISTRY)
    problems = producer_problems(name, fields) + PRODUCER_DOMAINS["legal_form"].problems(legal_form, "legal_form")
    if problems:
        raise ValidationFailed(problems)
    with db.transaction() as s:
        return add_producer(s, actor, name, legal_form, fields).id


def producer_problems(name: str, fields: dict[str, Any]) -> list[Problem]:
    unknown = set(fields) - set(PRODUCER_FIELDS)
    if unknown:
        return [Problem("input.bad_field", {"field": f, "detail": "unknown"}) for f in sorted(unknown)]
    return _producer_problems({"name": name, **fields})


def add_producer(s: Session, actor: Actor, name: str, legal_form: LegalForm, fields: dict[str, Any]) -> Producer:
    """Insert a checked producer inside the caller's transaction, audited."""
    values = {k: (nfc(v.strip()) if isinstance(v, str) else v) for k, v in fields.items() if v not in (None, "")}
    if values.get("representative_gender") is not None:
        values["representative_gender"] = Gender(values["representative_gender"])
    producer = Producer(
        name=nfc(name.strip()),
        name_fold=fold(name),
        legal_form=LegalForm(legal_form),
        created_by=actor.user_id,
        **values,
    )
    s.add(producer)
    s.flush()
    audit.record(s, actor, "create_producer", "producer", producer.id, after=_snapshot(producer))
    return producer


def update_producer(db: Database, *, actor: Actor, producer_id: str, **changes: Any) -> None:
    require(actor, Permission.EDIT_REGISTRY)
    unknown = set(changes) - set(PRODUCER_FIELDS)
    problems = [Problem("input.bad_field", {"field": f, "detail": "unknown"}) for f in sorted(unknown)]
    problems += _producer_problems(changes)
    if problems:
        raise ValidationFailed(problems)
    with db.transaction() as s:
        producer = get_or_fail(s, Producer, producer_id, "producer")
        before = _snapshot(producer)
        for key, value in changes.items():
            setattr(producer, key, nfc(value) if isinstance(value, str) else value)
        producer.name_fold = fold(producer.name)
        producer.updated_by = actor.user_id
        audit.record(s, actor, "update_producer", "producer", producer_id, before=before, after=_snapshot(producer))


def next_code_seq(session: Session, province_code: str, commune_code: str, year: int) -> int:
    """The commune's next product number (STT) for the year."""
    current = session.scalar(
        select(func.max(Product.code_seq)).where(
            Product.code_province == province_code, Product.code_commune == commune_code, Product.code_year == year
        )
    )
    return (current or 0) + 1


@dataclass(frozen=True)
class ProductCreated:
    product_id: str
    code: str | None


def create_product(
    db: Database,
    *,
    actor: Actor,
    producer_id: str,
    name: str,
    sheet_id: str,
    rule_version_id: str = "QD26-2026",
    year: int | None = None,
    code: str | None = None,
    description: str | None = None,
) -> ProductCreated:
    """A product. Without `code`, one is generated `(mã tỉnh)-(mã xã)-(STT)-(năm)` from the producer's
    commune; a historic code is kept exactly as given."""
    require(actor, Permission.EDIT_REGISTRY)
    values.check_all([(values.NAME, name, "name"), (PRODUCT_DOMAINS["code"], code, "code"),
                      (PRODUCT_DOMAINS["description"], description, "description")])  # fmt: skip
    if year is not None:
        values.check_all([(values.YEAR, year, "year")])
    if not sheet_exists(rule_version_id, sheet_id):
        raise ValidationFailed([Problem("sheet.unknown", {"sheet": sheet_id, "version": rule_version_id})])
    with db.transaction() as s:
        producer = get_or_fail(s, Producer, producer_id, "producer")
        product = add_product(
            s,
            actor,
            producer,
            name=name,
            sheet_id=sheet_id,
            rule_version_id=rule_version_id,
            year=year,
            code=code,
            description=description,
        )
        return ProductCreated(product.id, product.code)


def sheet_exists(rule_version_id: str, sheet_id: str) -> bool:
    return any(s.sheet_id == sheet_id for s in list_sheets(rule_version_id))


def add_product(
    s: Session,
    actor: Actor,
    producer: Producer,
    *,
    name: str,
    sheet_id: str,
    rule_version_id: str,
    year: int | None,
    code: str | None,
    description: str | None = None,
) -> Product:
    """Insert a product inside the caller's transaction, with its generated (or historic) code, audited."""
    product = Product(
        producer_id=producer.id,
        name=nfc(name.strip()),
        name_fold=fold(name),
        rule_version_id=rule_version_id,
        sheet_id=sheet_id,
        description=description,
        created_by=actor.user_id,
    )
    if code:
        _set_code(product, code)
    elif producer.province_code and producer.commune_code and year:
        seq = next_code_seq(s, producer.province_code, producer.commune_code, year)
        product.code_province, product.code_commune, product.code_seq, product.code_year = (
            producer.province_code,
            producer.commune_code,
            seq,
            year,
        )
        product.code = f"{producer.province_code}-{producer.commune_code}-{seq}-{year}"
    if product.code and s.scalars(select(Product).where(Product.code == product.code)).first():
        raise Conflict([Problem("registry.code_taken", {"code": product.code})])
    s.add(product)
    s.flush()
    audit.record(s, actor, "create_product", "product", product.id, after={"name": product.name, "code": product.code})
    return product


def _set_code(product: Product, code: str) -> None:
    """Keep a code as written; when it has the (T)-(X)-(STT)-(năm) form, also keep its parts for numbering."""
    product.code = code.strip()
    match = CODE.match(product.code)
    parts = (match.group(1), match.group(2), int(match.group(3)), int(match.group(4))) if match else (None,) * 4
    product.code_province, product.code_commune, product.code_seq, product.code_year = parts


def update_product(
    db: Database,
    *,
    actor: Actor,
    product_id: str,
    name: str | None = None,
    description: str | None = None,
    code: str | None = None,
) -> None:
    """Edit a product; a historic code is entered as recorded (never regenerated)."""
    require(actor, Permission.EDIT_REGISTRY)
    given = {"name": name, "description": description, "code": code}
    values.check_all((PRODUCT_DOMAINS[k], v, k) for k, v in given.items() if v is not None)
    with db.transaction() as s:
        product = get_or_fail(s, Product, product_id, "product")
        before = {"name": product.name, "description": product.description, "code": product.code}
        if name is not None:
            product.name, product.name_fold = nfc(name.strip()), fold(name)
        if description is not None:
            product.description = nfc(description)
        if code is not None and code.strip() != product.code:
            other = s.scalars(select(Product).where(Product.code == code.strip())).first()
            if other is not None:
                raise Conflict([Problem("registry.code_taken", {"code": code.strip()})])
            _set_code(product, code)
        product.updated_by = actor.user_id
        after = {"name": product.name, "description": product.description, "code": product.code}
        audit.record(s, actor, "update_product", "product", product_id, before=before, after=after)


def create_dossier(
    db: Database,
    *,
    actor: Actor,
    round_id: str,
    product_id: str,
    registration_type: RegistrationType,
    submission_date: dt.date,
    agenda_order: int | None = None,
) -> str:
    """Hồ sơ of a product in a round. Its rule version follows the submission date and must be the round's; its
    number on the agenda is the next one unless given (a given number must be free)."""
    require(actor, Permission.EDIT_REGISTRY)
    if agenda_order is not None:
        values.check_all([(values.AGENDA_ORDER, agenda_order, "agenda_order")])
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        product = get_or_fail(s, Product, product_id, "product")
        return add_dossier(
            s,
            actor,
            rnd,
            product,
            registration_type=registration_type,
            submission_date=submission_date,
            agenda_order=agenda_order,
        ).id


def add_dossier(
    s: Session,
    actor: Actor,
    rnd: Round,
    product: Product,
    *,
    registration_type: RegistrationType,
    submission_date: dt.date,
    agenda_order: int | None = None,
) -> Dossier:
    """Insert a dossier inside the caller's transaction; its rule version follows the submission date. Without
    `agenda_order` it takes the number after the highest of the round (every path — the form, Excel, the demo —
    comes here, and the write transaction holds the lock, so two dossiers never get the same number). A round
    past its recognition decision takes none until the chair reopens it."""
    refuse_if_decided(s, rnd)
    version = rule_version_for(submission_date, rule_versions())
    if version.id != rnd.rule_version_id:
        raise ValidationFailed(
            [Problem("registry.version_mismatch", {"version": version.id, "round_version": rnd.rule_version_id})]
        )
    if product.rule_version_id != version.id:
        raise ValidationFailed(
            [Problem("registry.sheet_version_mismatch", {"sheet": product.sheet_id, "version": version.id})]
        )
    if agenda_order is None:
        agenda_order = next_agenda_number(s, rnd.id)
    else:
        check_agenda_number(s, rnd.id, agenda_order)
    dossier = Dossier(
        round_id=rnd.id,
        product_id=product.id,
        registration_type=RegistrationType(registration_type),
        submission_date=submission_date,
        rule_version_id=version.id,
        sheet_snapshot=snapshot_sheet(s, version.id, product.sheet_id),
        agenda_order=agenda_order,
        created_by=actor.user_id,
    )
    s.add(dossier)
    s.flush()
    audit.record(
        s,
        actor,
        "create_dossier",
        "dossier",
        dossier.id,
        after={"product": product.id, "round": rnd.id, "registration_type": dossier.registration_type},
    )
    return dossier


def next_agenda_number(s: Session, round_id: str) -> int:
    """The number after the highest already on the round's agenda (1 for an empty round)."""
    highest = s.scalar(select(func.max(Dossier.agenda_order)).where(Dossier.round_id == round_id))
    return max(highest or 0, 0) + 1


def check_agenda_number(s: Session, round_id: str, number: int) -> None:
    """A number chosen by hand: a positive whole number no other dossier of the round has (the agenda, the
    projector and every document name a dossier by it)."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ValidationFailed([Problem("registry.bad_agenda_number", {"value": number})])
    holder = s.execute(
        select(Product.name)
        .join(Dossier, Dossier.product_id == Product.id)
        .where(Dossier.round_id == round_id, Dossier.agenda_order == number)
    ).first()
    if holder is not None:
        raise Conflict([Problem("registry.agenda_number_taken", {"number": number, "product": holder[0]})])


def register_dossier(
    db: Database,
    *,
    actor: Actor,
    round_id: str,
    producer_name: str,
    legal_form: LegalForm,
    producer_fields: dict[str, Any],
    product_name: str,
    sheet_id: str,
    registration_type: RegistrationType,
    submission_date: dt.date,
    code: str | None = None,
    agenda_order: int | None = None,
) -> str:
    """A new producer, its product and the dossier, all or nothing (the secretary's one form)."""
    require(actor, Permission.EDIT_REGISTRY)
    problems = producer_problems(producer_name, producer_fields)
    if not product_name.strip():
        problems.append(Problem("input.missing_field", {"field": "product"}, (("field", "product"),)))
    if problems:
        raise ValidationFailed(problems)
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        if not sheet_exists(rnd.rule_version_id, sheet_id):
            raise ValidationFailed([Problem("sheet.unknown", {"sheet": sheet_id, "version": rnd.rule_version_id})])
        producer = add_producer(s, actor, producer_name, legal_form, producer_fields)
        product = add_product(
            s,
            actor,
            producer,
            name=product_name,
            sheet_id=sheet_id,
            rule_version_id=rnd.rule_version_id,
            year=submission_date.year,
            code=code,
        )
        return add_dossier(
            s,
            actor,
            rnd,
            product,
            registration_type=registration_type,
            submission_date=submission_date,
            agenda_order=agenda_order,
        ).id


def update_dossier(
    db: Database,
    *,
    actor: Actor,
    dossier_id: str,
    registration_type: RegistrationType | None = None,
    agenda_order: int | None = None,
) -> None:
    """Edit the registration type or the place on the agenda."""
    require(actor, Permission.EDIT_REGISTRY)
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        before = {"registration_type": dossier.registration_type, "agenda_order": dossier.agenda_order}
        if registration_type is not None:
            dossier.registration_type = RegistrationType(registration_type)
        if agenda_order is not None and agenda_order != dossier.agenda_order:
            check_agenda_number(s, dossier.round_id, agenda_order)
            dossier.agenda_order = agenda_order
        dossier.updated_by = actor.user_id
        after = {"registration_type": dossier.registration_type, "agenda_order": dossier.agenda_order}
        audit.record(s, actor, "update_dossier", "dossier", dossier_id, before=before, after=after)


def set_self_assessment(db: Database, *, actor: Actor, dossier_id: str, choices: dict[str, int]) -> None:
    """The producer's self-assessment (Mẫu số 02), checked against the dossier's sheet like a ballot."""
    require(actor, Permission.EDIT_REGISTRY)
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        rnd = get_or_fail(s, Round, dossier.round_id, "round")
        version = version_from_snapshot(s, rnd.version_snapshot)
        sheet = sheet_from_snapshot(s, dossier.sheet_snapshot, version)
        problems = check_ballot(sheet, MemberBallot("tự đánh giá", choices), required=())
        if problems:
            raise ValidationFailed(problems)
        for row in s.scalars(select(SelfAssessmentChoice).where(SelfAssessmentChoice.dossier_id == dossier_id)):
            s.delete(row)
        s.flush()
        for item_id, number in choices.items():
            s.add(SelfAssessmentChoice(dossier_id=dossier_id, item_id=item_id, option_number=number))
        audit.record(s, actor, "set_self_assessment", "dossier", dossier_id, after=dict(sorted(choices.items())))


def set_advisory_report(db: Database, *, actor: Actor, dossier_id: str, report: str) -> None:
    """Báo cáo đánh giá của Tổ tư vấn, shown to the council with the dossier."""
    require(actor, Permission.EDIT_REGISTRY)
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        before = dossier.advisory_report
        dossier.advisory_report = nfc(report.strip()) or None
        audit.record(
            s,
            actor,
            "set_advisory_report",
            "dossier",
            dossier_id,
            before={"report": before},
            after={"report": dossier.advisory_report},
        )


def set_commune_assessment(
    db: Database, *, actor: Actor, dossier_id: str, item: CommuneItem, finding: str, meets: bool | None
) -> None:
    require(actor, Permission.EDIT_REGISTRY)
    with db.transaction() as s:
        get_or_fail(s, Dossier, dossier_id, "dossier")
        row = s.scalars(
            select(CommuneAssessment).where(CommuneAssessment.dossier_id == dossier_id, CommuneAssessment.item == item)
        ).one_or_none()
        before = None if row is None else {"finding": row.finding, "meets": row.meets}
        if row is None:
            row = CommuneAssessment(dossier_id=dossier_id, item=CommuneItem(item), finding=finding, meets=meets)
            s.add(row)
        else:
            row.finding, row.meets = finding, meets
        s.flush()
        audit.record(
            s,
            actor,
            "set_commune_assessment",
            "dossier",
            dossier_id,
            before=before,
            after={"item": item, "finding": finding, "meets": meets},
        )


@dataclass(frozen=True)
class AttachmentAdded:
    attachment_id: str
    sha256: str
    size: int
    media_type: str


def add_attachment(
    db: Database, *, actor: Actor, dossier_id: str, filename: str, content: bytes, description: str | None = None
) -> AttachmentAdded:
    """Store a file of the dossier (PDF, photo, Word, Excel up to 25 MB, its type recognised from its content and
    matching its extension: `domain.attachments`) with its SHA-256."""
    require(actor, Permission.EDIT_REGISTRY)
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationFailed(
            [Problem("registry.attachment_too_big", {"name": filename, "mb": MAX_ATTACHMENT_BYTES // 1048576})]
        )
    if not content:
        raise ValidationFailed([Problem("registry.attachment_empty", {"name": filename})])
    media_type, refused = attachment_problem(filename, content)
    if refused is not None or media_type is None:
        raise ValidationFailed([refused or Problem("registry.attachment_type", {"name": filename})])
    digest = hashlib.sha256(content).hexdigest()
    with db.transaction() as s:
        get_or_fail(s, Dossier, dossier_id, "dossier")
        attachment = Attachment(
            dossier_id=dossier_id,
            filename=nfc(filename),
            media_type=media_type,
            size=len(content),
            sha256=digest,
            description=description,
            content=content,
            created_by=actor.user_id,
        )
        s.add(attachment)
        s.flush()
        audit.record(
            s,
            actor,
            "add_attachment",
            "attachment",
            attachment.id,
            after={"dossier": dossier_id, "name": filename, "sha256": digest, "size": len(content)},
        )
        return AttachmentAdded(attachment.id, digest, len(content), media_type)


def link_evidence(db: Database, *, actor: Actor, attachment_id: str, item_id: str) -> None:
    """Cite an attachment as evidence for one criterion of the dossier's sheet."""
    require(actor, Permission.EDIT_REGISTRY)
    with db.transaction() as s:
        attachment = get_or_fail(s, Attachment, attachment_id, "attachment")
        dossier = get_or_fail(s, Dossier, attachment.dossier_id, "dossier")
        rnd = get_or_fail(s, Round, dossier.round_id, "round")
        sheet = sheet_from_snapshot(s, dossier.sheet_snapshot, version_from_snapshot(s, rnd.version_snapshot))
        if sheet.criterion(item_id) is None:
            raise ValidationFailed([Problem("ballot.unknown_item", {"item": item_id, "sheet": sheet.sheet_id})])
        s.add(EvidenceLink(attachment_id=attachment_id, item_id=item_id))
        s.flush()
        audit.record(s, actor, "link_evidence", "attachment", attachment_id, after={"item": item_id})


def attachment_content(db: Database, *, actor: Actor, attachment_id: str) -> tuple[str, str, bytes]:
    """Name, type and bytes of an attachment, checked against its stored SHA-256."""
    require(actor, Permission.VIEW)
    with db.reading() as s:
        attachment = get_or_fail(s, Attachment, attachment_id, "attachment")
        content = attachment.content
        if hashlib.sha256(content).hexdigest() != attachment.sha256:
            raise Conflict([Problem("registry.attachment_altered", {"name": attachment.filename})])
        return attachment.filename, attachment.media_type, content
