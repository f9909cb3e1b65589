"""Ballots (one member, one dossier, one scoring round), their choices, the council's decisions and results."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ocop_desktop.domain.enums import BallotStatus, EntryMode, ResultStatus
from ocop_desktop.models.base import Base, NfcString, Tracked, UtcDateTime, text, utcnow, uuid_pk
from ocop_desktop.models.types import enum_type


class Ballot(Tracked, Base):
    """Phiếu đánh giá of one member for one dossier in one scoring round (1 = first scoring, 2… re-scores).
    A submitted ballot is immutable; a re-score starts new ballots and keeps the old ones."""

    __tablename__ = "ballots"
    __table_args__ = (
        UniqueConstraint("dossier_id", "member_id", "scoring_round"),
        # covers "who has submitted for each dossier" (the agenda and the projector) without reading the rows
        Index("ix_ballots_progress", "dossier_id", "scoring_round", "status", "member_id"),
    )

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("council_members.id"))
    scoring_round: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[BallotStatus] = mapped_column(enum_type(BallotStatus, "ballot_status"), default=BallotStatus.DRAFT)
    entry_mode: Mapped[EntryMode] = mapped_column(enum_type(EntryMode, "entry_mode"), default=EntryMode.SELF)
    entered_by: Mapped[str | None] = mapped_column(String(36), default=None)
    confirmed_by: Mapped[str | None] = mapped_column(String(36), default=None)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), default=None)
    opinion: Mapped[str | None] = mapped_column(NfcString(4000), default=None)  # Ý kiến của người đánh giá
    choices: Mapped[list[BallotChoice]] = relationship(back_populates="ballot", cascade="all, delete-orphan")


class BallotChoice(Base):
    """The option a member chose for one item; committed before the screen acknowledges it."""

    __tablename__ = "ballot_choices"
    __table_args__ = (UniqueConstraint("ballot_id", "item_id"),)

    id: Mapped[uuid_pk]
    ballot_id: Mapped[str] = mapped_column(ForeignKey("ballots.id"))
    item_id: Mapped[str] = mapped_column(String(16))
    option_number: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(NfcString(2000), default=None)
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utcnow)
    recorded_by: Mapped[str | None] = mapped_column(String(36), default=None)
    ballot: Mapped[Ballot] = relationship(back_populates="choices")


class CouncilDecisionRecord(Tracked, Base):
    """Elimination, stop or dossier rejection decided by the council, with its item and reason."""

    __tablename__ = "council_decisions"

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"))
    kind: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[str | None] = mapped_column(String(16), default=None)
    reason: Mapped[text]


class Result(Tracked, Base):
    """The computed result of one scoring round (from the scoring core) plus the council's decision on it.

    `inputs_hash` covers every input of the computation, so `db verify` can tell a row edited behind the
    application's back. Approved results are locked; only `reopen_result` changes them.
    """

    __tablename__ = "results"
    __table_args__ = (UniqueConstraint("dossier_id", "scoring_round"),)

    id: Mapped[uuid_pk]
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"))
    scoring_round: Mapped[int] = mapped_column(Integer)
    computed: Mapped[dict[str, object]] = mapped_column(JSON)
    inputs: Mapped[dict[str, object]] = mapped_column(JSON)
    inputs_hash: Mapped[str] = mapped_column(String(64))
    average_total: Mapped[str] = mapped_column(String(16))
    band_stars: Mapped[int] = mapped_column(Integer)
    stars: Mapped[int | None] = mapped_column(Integer)
    certifiable: Mapped[bool] = mapped_column(Boolean)
    spread_exceeds_limit: Mapped[bool] = mapped_column(Boolean)
    discussion: Mapped[str | None] = mapped_column(NfcString(20000), default=None)
    status: Mapped[ResultStatus] = mapped_column(
        enum_type(ResultStatus, "result_status"), default=ResultStatus.PROPOSED
    )
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by: Mapped[str | None] = mapped_column(String(36), default=None)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), default=None)
