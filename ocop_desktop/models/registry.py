"""Producers (chủ thể OCOP), products, dossiers (hồ sơ) with their self-assessment, commune pre-assessment,
attachments and evidence links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.domain.enums import CommuneItem, Gender, LegalForm, RegistrationType
from ocop_desktop.models.base import Base, NfcString, Tracked, short_text, text, uuid_pk
from ocop_desktop.models.types import enum_type


class Producer(Tracked, Base):
    """Chủ thể OCOP. The address uses the 2025 units (codes of QĐ 19/2025); `historic_address` keeps the address
    text as recorded before, never rewritten."""

    __tablename__ = "producers"

    id: Mapped[uuid_pk]
    name: Mapped[short_text]
    name_fold: Mapped[str] = mapped_column(String(255), index=True)
    legal_form: Mapped[LegalForm] = mapped_column(enum_type(LegalForm, "legal_form"))
    registration_number: Mapped[str | None] = mapped_column(NfcString(64), default=None)
    representative_name: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    representative_position: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    representative_gender: Mapped[Gender | None] = mapped_column(enum_type(Gender, "gender"), default=None)
    representative_ethnicity: Mapped[str | None] = mapped_column(NfcString(64), default=None)
    phone: Mapped[str | None] = mapped_column(String(32), default=None)
    email: Mapped[str | None] = mapped_column(String(255), default=None)
    province_code: Mapped[str | None] = mapped_column(String(2), default=None)
    commune_code: Mapped[str | None] = mapped_column(String(5), default=None)
    street_address: Mapped[str | None] = mapped_column(NfcString(500), default=None)
    historic_address: Mapped[str | None] = mapped_column(NfcString(500), default=None)


class Product(Tracked, Base):
    """A product and its code `(mã tỉnh)-(mã xã)-(STT)-(năm)`, generated per commune and year or kept as
    recorded for historic codes."""

    __tablename__ = "products"

    id: Mapped[uuid_pk]
    producer_id: Mapped[str] = mapped_column(ForeignKey("producers.id"))
    name: Mapped[short_text]
    name_fold: Mapped[str] = mapped_column(String(255), index=True)
    rule_version_id: Mapped[str] = mapped_column(String(32))
    sheet_id: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    code_province: Mapped[str | None] = mapped_column(String(2), default=None)
    code_commune: Mapped[str | None] = mapped_column(String(5), default=None)
    code_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    code_year: Mapped[int | None] = mapped_column(Integer, default=None)
    description: Mapped[str | None] = mapped_column(NfcString(4000), default=None)
    producer: Mapped[Producer] = relationship()


class Dossier(Tracked, Base):
    """Hồ sơ of one product in one round. The rule version follows the submission date; the sheet snapshot is
    the exact sheet the council scores with."""

    __tablename__ = "dossiers"
    __table_args__ = (UniqueConstraint("round_id", "product_id"),)

    id: Mapped[uuid_pk]
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    registration_type: Mapped[RegistrationType] = mapped_column(enum_type(RegistrationType, "registration_type"))
    submission_date: Mapped[dt.date] = mapped_column(Date)
    rule_version_id: Mapped[str] = mapped_column(String(32))
    sheet_snapshot: Mapped[str] = mapped_column(ForeignKey("criteria_snapshots.sha256"))
    agenda_order: Mapped[int] = mapped_column(Integer, default=0)
    scoring_round: Mapped[int] = mapped_column(Integer, default=1)  # 2, 3… after each re-score
    advisory_report: Mapped[str | None] = mapped_column(NfcString(20000), default=None)
    product: Mapped[Product] = relationship()


class SelfAssessmentChoice(Base):
    """Báo cáo tự đánh giá: the producer's own choice per item, shown beside the council's."""

    __tablename__ = "self_assessment_choices"
    __table_args__ = (UniqueConstraint("dossier_id", "item_id"),)

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(16))
    option_number: Mapped[int] = mapped_column(Integer)


class CommuneAssessment(Tracked, Base):
    """UBND cấp xã's pre-assessment of one of the four contents (Mẫu số 03)."""

    __tablename__ = "commune_assessments"
    __table_args__ = (UniqueConstraint("dossier_id", "item"),)

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    item: Mapped[CommuneItem] = mapped_column(enum_type(CommuneItem, "commune_item"))
    finding: Mapped[text]
    meets: Mapped[bool | None] = mapped_column(default=None)


class Attachment(Tracked, Base):
    """A file of the dossier stored in the database, with its SHA-256, size and type."""

    __tablename__ = "attachments"

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"))
    filename: Mapped[str] = mapped_column(NfcString(255))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(NfcString(500), default=None)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class EvidenceLink(Base):
    """An attachment cited as evidence for one criterion."""

    __tablename__ = "evidence_links"
    __table_args__ = (UniqueConstraint("attachment_id", "item_id"),)

    id: Mapped[uuid_pk]
    attachment_id: Mapped[str] = mapped_column(ForeignKey("attachments.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(16))


Index("ix_products_code_parts", Product.code_province, Product.code_commune, Product.code_year)
