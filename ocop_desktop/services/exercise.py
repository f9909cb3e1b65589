"""`ocop-desktop db exercise`: plays a scoring session through the same services as the screens, recording
choices one at a time and announcing each only after it is durably committed. The crash tests kill it at
random moments and then check that every announced choice is in the file."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select

from ocop_desktop.domain.enums import CouncilLevel, LegalForm, MemberRole, RegistrationType, Role
from ocop_desktop.models import BallotChoice, Council, CouncilMember, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import registry, round_setup, scoring_session
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.criteria_catalogue import load_sheet

COUNCIL_NAME = "Hội đồng thử độ bền ghi dữ liệu"
SHEETS = ("QD26-2026-07", "QD26-2026-11", "QD26-2026-26", "QD26-2026-21")


def _setup(db: Database) -> tuple[str, str, Actor]:
    with db.reading() as s:
        council = s.scalars(select(Council).where(Council.name == COUNCIL_NAME)).first()
        if council is not None:
            member = s.scalars(select(CouncilMember).where(CouncilMember.council_id == council.id)).first()
            rnd = s.scalars(select(Round).where(Round.council_id == council.id)).first()
            if member is not None and rnd is not None:
                actor = Actor(None, "exercise", frozenset({Role.CHAIR}), member.id)
                return rnd.id, member.id, actor
    council_id = round_setup.create_council(
        db, actor=SYSTEM, name=COUNCIL_NAME, level=CouncilLevel.PROVINCE, issuing_body="UBND TỈNH (THỬ NGHIỆM)"
    )
    member_id = round_setup.add_member(
        db, actor=SYSTEM, council_id=council_id, full_name="Nguyễn Thị Thử Nghiệm", role=MemberRole.CHAIR
    )
    round_id = round_setup.create_round(
        db, actor=SYSTEM, council_id=council_id, name="Thử độ bền", year=2026, rule_version_id="QD26-2026"
    )
    return round_id, member_id, Actor(None, "exercise", frozenset({Role.CHAIR}), member_id)


def _dossiers(db: Database, round_id: str) -> Iterator[tuple[str, str]]:
    producer_id = registry.create_producer(
        db, actor=SYSTEM, name="Hợp tác xã Thử Nghiệm", legal_form=LegalForm.COOPERATIVE
    )
    for n in itertools.count(1):
        sheet_id = SHEETS[n % len(SHEETS)]
        product = registry.create_product(
            db, actor=SYSTEM, producer_id=producer_id, name=f"Sản phẩm thử số {n}", sheet_id=sheet_id
        )
        dossier_id = registry.create_dossier(
            db,
            actor=SYSTEM,
            round_id=round_id,
            product_id=product.product_id,
            registration_type=RegistrationType.FIRST,
            submission_date=dt.date(2026, 9, 1),
        )
        yield dossier_id, sheet_id


def exercise(path: Path, count: int, announce: Callable[[str], None]) -> int:
    """Record `count` choices; call `announce(choice_id)` after each commit. Returns how many were recorded."""
    db = Database.open(path, create=True)
    try:
        round_id, member_id, actor = _setup(db)
        recorded = 0
        for dossier_id, sheet_id in _dossiers(db, round_id):
            ballot_id = scoring_session.open_ballot(db, actor=actor, dossier_id=dossier_id, member_id=member_id)
            sheet = load_sheet("QD26-2026", sheet_id)
            for step, item in enumerate(sheet.items):
                options = [o for o in item.options if o.case in (None, "Trường hợp 1")]
                option = options[(recorded + step) % len(options)]
                ack = scoring_session.record_choice(
                    db, actor=actor, ballot_id=ballot_id, item_id=item.id, option_number=option.number
                )
                announce(ack.choice_id)
                recorded += 1
                if recorded >= count:
                    return recorded
            scoring_session.submit_ballot(db, actor=actor, ballot_id=ballot_id)
        return recorded
    finally:
        db.close()


def list_choices(path: Path) -> list[str]:
    db = Database.open(path, migrate=False, daily_backup=False, lock=False)
    try:
        with db.reading() as s:
            return list(s.scalars(select(BallotChoice.id).order_by(BallotChoice.recorded_at)))
    finally:
        db.close()
