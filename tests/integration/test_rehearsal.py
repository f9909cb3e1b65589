"""The rehearsal (`demo --before-meeting`): the demo round as the chair opens the meeting — the council, members who
can sign in with their PINs, the attendance taken, one recusal, the dossiers — and nothing the meeting makes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.enums import MemberRole, Role
from ocop_desktop.domain.errors import PermissionDenied
from ocop_desktop.models import (
    Attendance,
    Ballot,
    BallotChoice,
    Certificate,
    Council,
    CouncilDecisionRecord,
    CouncilMember,
    Decision,
    Dossier,
    MeetingSession,
    Recusal,
    Result,
)
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, demo, queries
from ocop_desktop.services.actor import SYSTEM


@pytest.fixture
def rehearsal(rehearsal_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "rehearsal.ocopdb"
    shutil.copyfile(rehearsal_template, path)
    db = Database.open(path)
    yield db
    db.close()


def test_the_council_and_its_members_sign_in_with_their_pins(rehearsal: Database) -> None:
    with rehearsal.reading() as s:
        council = s.scalars(select(Council)).one()
        members = [(m.id, m.full_name, m.role) for m in sorted(council.members, key=lambda m: m.sort_order)]
    assert [name for _id, name, _role in members] == [name for name, _role, _position in demo.MEMBERS]
    pins = dict(demo.demo_member_pins(rehearsal))
    assert pins == {
        "Nguyễn Văn Thành": "1111",
        "Trần Thị Hương": "2222",
        "Lê Đức Thắng": "3333",
        "Phạm Thị Ánh Tuyết": "4444",
        "Đặng Quốc Bảo": "5555",
        "Hoàng Minh Khôi": "6666",
        "Vũ Thị Lan": "7777",
    }
    for member_id, name, role in members:
        if not role.scores:
            assert name not in pins
            with pytest.raises(PermissionDenied):
                accounts.sign_in_member(rehearsal, member_id=member_id, pin="8888")
            continue
        actor = accounts.sign_in_member(rehearsal, member_id=member_id, pin=pins[name])
        assert actor.member_id == member_id and actor.username == name
        assert actor.roles == frozenset({Role.CHAIR if role is MemberRole.CHAIR else Role.MEMBER})
    chair = members[0][0]
    with pytest.raises(PermissionDenied):
        accounts.sign_in_member(rehearsal, member_id=chair, pin="2222")  # another member's PIN
    assert demo.demo_sign_in(rehearsal) == (demo.DEMO_SECRETARY, demo.DEMO_PASSWORD)
    secretary = accounts.authenticate(rehearsal, username=demo.DEMO_SECRETARY, password=demo.DEMO_PASSWORD)
    round_id = queries.list_rounds(rehearsal)[0].round_id
    assert all(row.has_pin for row in accounts.member_pins(rehearsal, actor=secretary, round_id=round_id))


def test_the_meeting_is_opened_with_attendance_and_a_recusal_and_nothing_scored(rehearsal: Database) -> None:
    view = queries.round_view(rehearsal, queries.list_rounds(rehearsal)[0].round_id, actor=SYSTEM)
    assert [r.agenda_order for r in view.dossiers] == list(range(1, len(demo.PRODUCTS) + 1))
    assert [r.product_name for r in view.dossiers] == [p.name for p in demo.PRODUCTS]
    assert all(r.submitted == 0 and r.average is None and r.stars is None for r in view.dossiers)
    with rehearsal.reading() as s:
        sitting = s.scalars(select(MeetingSession)).one()
        assert (sitting.date, sitting.opened_at, sitting.closed_at) == (demo.MEETING_DATE, demo.MEETING_OPENS, None)
        marks = {
            s.get(CouncilMember, a.member_id).full_name: a.present  # type: ignore[union-attr]
            for a in s.scalars(select(Attendance).where(Attendance.session_id == sitting.id))
        }
        assert len(marks) == len(demo.MEMBERS) and [n for n, present in marks.items() if not present] == [demo.ABSENT]
        recusal = s.scalars(select(Recusal)).one()
        assert s.get(CouncilMember, recusal.member_id).full_name == demo.RECUSED  # type: ignore[union-attr]
        assert s.get(Dossier, recusal.dossier_id).agenda_order == 2  # type: ignore[union-attr]
        for table in (Ballot, BallotChoice, Result, CouncilDecisionRecord, Decision, Certificate):
            assert s.scalar(select(func.count()).select_from(table)) == 0, table.__name__


def test_only_the_rehearsal_lists_the_pins(rehearsal: Database, demo_db: Database, empty_db: Database) -> None:
    assert len(demo.demo_member_pins(rehearsal)) == 7
    assert demo.demo_member_pins(demo_db) == () and demo.demo_member_pins(empty_db) == ()


def test_the_rehearsal_is_a_file_of_its_own_in_the_data_folder(
    rehearsal_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(tmp_path))
    built: list[Path] = []

    def build(path: Path) -> None:
        built.append(path)
        shutil.copyfile(rehearsal_template, path)

    def finished_demo(_path: Path) -> None:
        pytest.fail("the finished demo is not built for a rehearsal")

    monkeypatch.setattr(demo, "build_rehearsal", build)
    monkeypatch.setattr(demo, "build_demo", finished_demo)
    path = demo.user_demo_file(before_meeting=True)
    assert path == tmp_path / demo.REHEARSAL_FILE_NAME and built == [path]
    assert demo.user_demo_file(before_meeting=True) == path and built == [path]  # opened, not rebuilt, next time
    assert not (tmp_path / demo.DEMO_FILE_NAME).exists()
