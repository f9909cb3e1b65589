"""Councils (hội đồng), their members and advisory team, evaluation rounds (đợt), meeting sessions, attendance
and recusals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.domain.enums import CouncilLevel, MemberRole, RoundStatus
from ocop_desktop.models.base import Base, NfcString, Tracked, UtcDateTime, short_text, text, uuid_pk
from ocop_desktop.models.types import enum_type


class Council(Tracked, Base):
    """Hội đồng đánh giá, phân hạng. The quorum rule: at least `quorum_numerator / quorum_denominator` of the
    scoring members present, and the chair present when `quorum_requires_chair`."""

    __tablename__ = "councils"

    id: Mapped[uuid_pk]
    name: Mapped[short_text]
    level: Mapped[CouncilLevel] = mapped_column(enum_type(CouncilLevel, "council_level"))
    issuing_body: Mapped[short_text]
    establishing_decision: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    province_code: Mapped[str | None] = mapped_column(String(2), default=None)
    quorum_numerator: Mapped[int] = mapped_column(Integer, default=2)
    quorum_denominator: Mapped[int] = mapped_column(Integer, default=3)
    quorum_requires_chair: Mapped[bool] = mapped_column(Boolean, default=True)
    above_authority: Mapped[str] = mapped_column(String(32), default="refer_and_wait", server_default="refer_and_wait")
    """Policy ABOVE_AUTHORITY (`scoring.authority.AboveAuthority`): what a decision does for a product whose star
    belongs to a higher level."""
    members: Mapped[list[CouncilMember]] = relationship(
        back_populates="council", order_by="CouncilMember.sort_order", cascade="all, delete-orphan"
    )


class CouncilMember(Tracked, Base):
    __tablename__ = "council_members"

    id: Mapped[uuid_pk]
    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"))
    full_name: Mapped[short_text]
    role: Mapped[MemberRole] = mapped_column(enum_type(MemberRole, "member_role"))
    position: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    organisation: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    pin_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)  # wrong PINs since the last right one
    pin_locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), default=None)
    council: Mapped[Council] = relationship(back_populates="members")


class AdvisoryMember(Tracked, Base):
    """Thành viên tổ tư vấn giúp việc hội đồng."""

    __tablename__ = "advisory_members"

    id: Mapped[uuid_pk]
    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"))
    full_name: Mapped[short_text]
    organisation: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    role: Mapped[str | None] = mapped_column(NfcString(64), default=None)


class CriteriaSnapshot(Base):
    """The exact rule-version data and sheets a round was scored with, content-addressed by SHA-256, so an old
    round re-renders with its own rules after the bundled catalogue changes."""

    __tablename__ = "criteria_snapshots"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "version" | "sheet"
    version_id: Mapped[str] = mapped_column(String(32))
    sheet_id: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)


class Round(Tracked, Base):
    """Đợt đánh giá: one council meeting over a list of dossiers under one rule version."""

    __tablename__ = "rounds"

    id: Mapped[uuid_pk]
    council_id: Mapped[str] = mapped_column(ForeignKey("councils.id"))
    name: Mapped[short_text]
    year: Mapped[int] = mapped_column(Integer)
    rule_version_id: Mapped[str] = mapped_column(String(32))
    version_snapshot: Mapped[str] = mapped_column(ForeignKey("criteria_snapshots.sha256"))
    status: Mapped[RoundStatus] = mapped_column(enum_type(RoundStatus, "round_status"), default=RoundStatus.DRAFT)
    spread_limit: Mapped[str] = mapped_column(String(16), default="10")  # exact decimal as text
    place: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    council: Mapped[Council] = relationship()


class MeetingSession(Tracked, Base):
    """Phiên họp: a day of the round's meeting, with its own attendance."""

    __tablename__ = "meeting_sessions"

    id: Mapped[uuid_pk]
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(NfcString(255), default=None)
    opened_at: Mapped[str | None] = mapped_column(String(5), default=None)  # "08:00"
    closed_at: Mapped[str | None] = mapped_column(String(5), default=None)


class Attendance(Tracked, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    id: Mapped[uuid_pk]
    session_id: Mapped[str] = mapped_column(ForeignKey("meeting_sessions.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("council_members.id"))
    present: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(NfcString(500), default=None)


class Recusal(Tracked, Base):
    """A member does not score a dossier (conflict of interest), with the reason."""

    __tablename__ = "recusals"
    __table_args__ = (UniqueConstraint("dossier_id", "member_id"),)

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("council_members.id"))
    reason: Mapped[text]
