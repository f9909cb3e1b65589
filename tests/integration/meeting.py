"""A small council meeting built through the services, for the service tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ocop_desktop.domain.enums import CouncilLevel, EntryMode, LegalForm, MemberRole, RegistrationType, Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, registry, round_setup, scoring_session
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.criteria_catalogue import load_sheet
from tests.builders import best_choices

PASSWORD = "mat-khau-thu-nghiem"
NAMES = ("Nguyễn Văn Thành", "Trần Thị Hương", "Lê Đức Thắng", "Phạm Thị Ánh Tuyết", "Đặng Quốc Bảo")


@dataclass
class Meeting:
    db: Database
    admin: Actor
    secretary: Actor
    secretary2: Actor
    officer: Actor
    round_id: str
    session_id: str
    members: dict[str, str] = field(default_factory=dict)  # name -> member id
    actors: dict[str, Actor] = field(default_factory=dict)  # name -> signed-in member
    dossiers: dict[str, str] = field(default_factory=dict)  # sheet id -> dossier id

    @property
    def chair(self) -> Actor:
        return self.actors[NAMES[0]]

    def attend(self, *absent: str) -> None:
        for name, member_id in self.members.items():
            round_setup.record_attendance(
                self.db,
                actor=self.secretary,
                session_id=self.session_id,
                member_id=member_id,
                present=name not in absent,
            )

    def score(self, sheet_id: str, name: str, choices: dict[str, int] | None = None, *, submit: bool = True) -> str:
        dossier_id = self.dossiers[sheet_id]
        actor = self.actors[name]
        ballot_id = scoring_session.open_ballot(
            self.db, actor=actor, dossier_id=dossier_id, member_id=self.members[name]
        )
        sheet = load_sheet("QD26-2026", sheet_id)
        for item_id, number in (choices or best_choices(sheet)).items():
            scoring_session.record_choice(
                self.db, actor=actor, ballot_id=ballot_id, item_id=item_id, option_number=number
            )
        if submit:
            scoring_session.submit_ballot(self.db, actor=actor, ballot_id=ballot_id)
        return ballot_id

    def paper_ballot(self, sheet_id: str, name: str, choices: dict[str, int]) -> str:
        dossier_id = self.dossiers[sheet_id]
        ballot_id = scoring_session.open_ballot(
            self.db,
            actor=self.secretary,
            dossier_id=dossier_id,
            member_id=self.members[name],
            entry_mode=EntryMode.PAPER,
        )
        for item_id, number in choices.items():
            scoring_session.record_choice(
                self.db, actor=self.secretary, ballot_id=ballot_id, item_id=item_id, option_number=number
            )
        return ballot_id


def build_meeting(db: Database, sheets: tuple[str, ...] = ("QD26-2026-07",)) -> Meeting:
    admin = accounts.authenticate(db, username="quantri", password="ocop-demo-2026")
    for username, roles in (("thuky", {Role.SECRETARY}), ("thuky2", {Role.SECRETARY}), ("canbo", {Role.OFFICER})):
        accounts.create_user(db, actor=admin, username=username, full_name=username, password=PASSWORD, roles=roles)
    secretary = accounts.authenticate(db, username="thuky", password=PASSWORD)
    council_id = round_setup.create_council(
        db,
        actor=secretary,
        name="Hội đồng thử",
        level=CouncilLevel.PROVINCE,
        issuing_body="UBND TỈNH THỬ",
        quorum=(2, 3),
    )
    round_id = round_setup.create_round(
        db, actor=secretary, council_id=council_id, name="Đợt thử", year=2026, rule_version_id="QD26-2026"
    )
    session_id = round_setup.add_meeting_session(db, actor=secretary, round_id=round_id, date=dt.date(2026, 10, 1))
    meeting = Meeting(
        db,
        admin,
        secretary,
        accounts.authenticate(db, username="thuky2", password=PASSWORD),
        accounts.authenticate(db, username="canbo", password=PASSWORD),
        round_id,
        session_id,
    )
    for index, name in enumerate(NAMES):
        role = MemberRole.CHAIR if index == 0 else MemberRole.MEMBER
        member_id = round_setup.add_member(db, actor=secretary, council_id=council_id, full_name=name, role=role)
        meeting.members[name] = member_id
        username = f"tv{index}"
        accounts.create_user(
            db,
            actor=admin,
            username=username,
            full_name=name,
            password=PASSWORD,
            roles={Role.CHAIR} if index == 0 else {Role.MEMBER},
            member_id=member_id,
        )
        meeting.actors[name] = accounts.authenticate(db, username=username, password=PASSWORD)
    producer_id = registry.create_producer(
        db,
        actor=secretary,
        name="Hợp tác xã Thử",
        legal_form=LegalForm.COOPERATIVE,
        province_code="19",
        commune_code="05503",
    )
    for order, sheet_id in enumerate(sheets, start=1):
        product = registry.create_product(
            db, actor=secretary, producer_id=producer_id, name=f"Sản phẩm {sheet_id}", sheet_id=sheet_id, year=2026
        )
        meeting.dossiers[sheet_id] = registry.create_dossier(
            db,
            actor=secretary,
            round_id=round_id,
            product_id=product.product_id,
            registration_type=RegistrationType.FIRST,
            submission_date=dt.date(2026, 9, 1),
            agenda_order=order,
        )
    return meeting
