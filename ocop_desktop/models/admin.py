"""Local accounts, per-file settings and the hash-chained audit trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.models.base import Base, NfcString, Tracked, UtcDateTime, short_text, utcnow, uuid_pk


class User(Tracked, Base):
    """A local account; roles in `user_roles`. `member_id` ties a council member to their own ballots."""

    __tablename__ = "users"

    id: Mapped[uuid_pk]
    username: Mapped[str] = mapped_column(NfcString(64), unique=True)
    full_name: Mapped[short_text]
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), default=None)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("council_members.id"), default=None)
    roles: Mapped[list[UserRole]] = relationship(back_populates="user", cascade="all, delete-orphan", lazy="selectin")


class UserRole(Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[uuid_pk]
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))
    user: Mapped[User] = relationship(back_populates="roles")


class Setting(Base):
    """Per-file settings (issuing body, province, numbering…) that travel with the data file."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)


class AuditEvent(Base):
    """One change: who, when, what, before → after. `hash` covers every field and the previous event's hash,
    so removing or editing an event breaks the chain (`db verify`)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str | None] = mapped_column(NfcString(64))
    acting_for: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[object | None] = mapped_column(JSON)
    after: Mapped[object | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(NfcString(2000))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ExchangeImport(Base):
    """One exchange file taken into this database: which round and council, which revision and content, signed by
    which key, and who accepted it when. The highest revision per round is what a replayed older file is refused
    against; the same revision with other content is the alarm of two different signed versions."""

    __tablename__ = "exchange_imports"
    __table_args__ = (UniqueConstraint("round_id", "revision", "kind", "member_id"),)

    id: Mapped[uuid_pk]
    kind: Mapped[str] = mapped_column(String(16))  # "round" (a council's round) | "ballots" (one member's ballots)
    round_id: Mapped[str] = mapped_column(String(36), index=True)
    council_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36), default="")  # the member of a "ballots" file, else ""
    revision: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(NfcString(255))
    key_id: Mapped[str] = mapped_column(String(32))
    issuer: Mapped[str] = mapped_column(NfcString(255))  # the name the key is trusted under; "" when accepted once
    key_accepted: Mapped[bool] = mapped_column(Boolean, default=False)  # an untrusted key accepted for this file
    signed_at: Mapped[str] = mapped_column(String(32))  # the manifest's created_at, as the signer wrote it
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(36), default=None)
    manifest: Mapped[object] = mapped_column(JSON)
    changes: Mapped[object] = mapped_column(JSON)  # {table: {"new": n, "changed": n, "removed": n}}
