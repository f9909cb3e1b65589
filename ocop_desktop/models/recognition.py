"""Recognition decisions (quyết định công nhận) and certificates (giấy chứng nhận) with expiry and revocation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.domain.enums import CertificateStatus, RevocationGround
from ocop_desktop.models.base import Base, NfcString, Tracked, short_text, uuid_pk
from ocop_desktop.models.types import enum_type


class Decision(Tracked, Base):
    __tablename__ = "decisions"

    id: Mapped[uuid_pk]
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id"))
    number: Mapped[str] = mapped_column(NfcString(64), unique=True)
    date: Mapped[dt.date] = mapped_column(Date)
    signer: Mapped[short_text]
    signer_title: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    issuing_body: Mapped[short_text]


class Certificate(Tracked, Base):
    """A certificate for one certifiable approved product: valid 36 months from issue, unless revoked."""

    __tablename__ = "certificates"

    id: Mapped[uuid_pk]
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), unique=True)
    number: Mapped[str] = mapped_column(NfcString(64), unique=True)
    stars: Mapped[int] = mapped_column(Integer)
    issue_date: Mapped[dt.date] = mapped_column(Date)
    expiry_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[CertificateStatus] = mapped_column(
        enum_type(CertificateStatus, "certificate_status"), default=CertificateStatus.VALID
    )
    revocation_ground: Mapped[RevocationGround | None] = mapped_column(
        enum_type(RevocationGround, "revocation_ground"), default=None
    )
    revocation_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    revocation_decision: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    revocation_reason: Mapped[str | None] = mapped_column(NfcString(4000), default=None)
    product_code: Mapped[str | None] = mapped_column(String(64), default=None)
