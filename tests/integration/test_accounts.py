"""Managing accounts and members' PINs: every guard refuses, and a refused change leaves the file as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ocop_desktop.domain.enums import Role
from ocop_desktop.domain.errors import Conflict, PermissionDenied, ValidationFailed
from ocop_desktop.models import AuditEvent
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.demo import DEMO_PASSWORD
from tests.integration.meeting import NAMES, PASSWORD, build_meeting

NEW_PASSWORD = "mat-khau-moi-2026"


def _admin(db: Database) -> Actor:
    return accounts.authenticate(db, username="quantri", password=DEMO_PASSWORD)


def _codes(exc: pytest.ExceptionInfo[BaseException]) -> list[str]:
    return [p.code for p in exc.value.problems]  # type: ignore[attr-defined]


def _events(db: Database) -> int:
    with db.reading() as s:
        return len(s.scalars(select(AuditEvent)).all())


def test_admin_creates_a_chair_who_signs_in_and_the_list_shows_them(empty_db: Database) -> None:
    admin = _admin(empty_db)
    accounts.create_user(
        empty_db,
        actor=admin,
        username="  ChuTich ",
        full_name="Nguyễn Văn Thành",
        password=PASSWORD,
        roles={Role.CHAIR},
    )
    chair = accounts.authenticate(empty_db, username="chutich", password=PASSWORD)
    assert chair.roles == frozenset({Role.CHAIR})
    rows = {r.username: r for r in accounts.list_accounts(empty_db, actor=admin)}
    assert rows["chutich"].full_name == "Nguyễn Văn Thành" and rows["chutich"].active
    assert rows["chutich"].roles == (Role.CHAIR,)


def test_names_are_stored_nfc(empty_db: Database) -> None:
    decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" typed with combining marks
    accounts.create_user(
        empty_db, actor=_admin(empty_db), username="tv", full_name=decomposed, password=PASSWORD, roles={Role.MEMBER}
    )
    row = next(r for r in accounts.list_accounts(empty_db, actor=_admin(empty_db)) if r.username == "tv")
    assert row.full_name == "Nguyễn"


def test_only_the_administrator_lists_and_changes_accounts(empty_db: Database) -> None:
    admin = _admin(empty_db)
    user_id = accounts.create_user(
        empty_db, actor=admin, username="thuky", full_name="Thư ký", password=PASSWORD, roles={Role.SECRETARY}
    )
    secretary = accounts.authenticate(empty_db, username="thuky", password=PASSWORD)
    before = _events(empty_db)
    for action in (
        lambda: accounts.list_accounts(empty_db, actor=secretary),
        lambda: accounts.reset_password(
            empty_db, actor=secretary, user_id=admin.user_id or "", new_password=NEW_PASSWORD
        ),
        lambda: accounts.set_active(empty_db, actor=secretary, user_id=admin.user_id or "", active=False),
        lambda: accounts.set_roles(empty_db, actor=secretary, user_id=user_id, roles={Role.ADMIN}),
    ):
        with pytest.raises(PermissionDenied) as exc:
            action()
        assert _codes(exc) == ["auth.not_allowed"]
    assert _events(empty_db) == before


def test_reset_password_lets_the_person_in_again_and_lifts_the_lock(empty_db: Database) -> None:
    admin = _admin(empty_db)
    user_id = accounts.create_user(
        empty_db, actor=admin, username="thuky", full_name="Thư ký", password=PASSWORD, roles={Role.SECRETARY}
    )
    for _ in range(accounts.FREE_FAILURES + 1):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(empty_db, username="thuky", password="sai-mat-khau")
    with pytest.raises(ValidationFailed) as short:
        accounts.reset_password(empty_db, actor=admin, user_id=user_id, new_password="ngan")
    assert _codes(short) == ["auth.password_too_short"]
    accounts.reset_password(empty_db, actor=admin, user_id=user_id, new_password=NEW_PASSWORD)
    assert accounts.authenticate(empty_db, username="thuky", password=NEW_PASSWORD).username == "thuky"
    with pytest.raises(PermissionDenied):
        accounts.authenticate(empty_db, username="thuky", password=PASSWORD)


def test_the_administrator_changes_their_own_password_the_ordinary_way(empty_db: Database) -> None:
    admin = _admin(empty_db)
    with pytest.raises(PermissionDenied) as exc:
        accounts.reset_password(empty_db, actor=admin, user_id=admin.user_id or "", new_password=NEW_PASSWORD)
    assert _codes(exc) == ["auth.reset_own_password"]
    accounts.change_password(empty_db, actor=admin, old_password=DEMO_PASSWORD, new_password=NEW_PASSWORD)
    assert accounts.authenticate(empty_db, username="quantri", password=NEW_PASSWORD).user_id == admin.user_id


def test_a_disabled_account_cannot_sign_in_until_enabled(empty_db: Database) -> None:
    admin = _admin(empty_db)
    user_id = accounts.create_user(
        empty_db, actor=admin, username="canbo", full_name="Cán bộ", password=PASSWORD, roles={Role.OFFICER}
    )
    accounts.set_active(empty_db, actor=admin, user_id=user_id, active=False)
    with pytest.raises(PermissionDenied):
        accounts.authenticate(empty_db, username="canbo", password=PASSWORD)
    accounts.set_active(empty_db, actor=admin, user_id=user_id, active=True)
    assert accounts.authenticate(empty_db, username="canbo", password=PASSWORD).username == "canbo"


def test_nobody_disables_or_re_roles_themselves(empty_db: Database) -> None:
    admin = _admin(empty_db)
    accounts.create_user(
        empty_db, actor=admin, username="quantri2", full_name="Quản trị 2", password=PASSWORD, roles={Role.ADMIN}
    )
    before = _events(empty_db)
    with pytest.raises(PermissionDenied) as off:
        accounts.set_active(empty_db, actor=admin, user_id=admin.user_id or "", active=False)
    with pytest.raises(PermissionDenied) as roles:
        accounts.set_roles(empty_db, actor=admin, user_id=admin.user_id or "", roles={Role.CHAIR})
    assert _codes(off) == _codes(roles) == ["auth.own_account"]
    assert _events(empty_db) == before


def test_the_last_active_administrator_is_kept(empty_db: Database) -> None:
    """The system actor (no account of its own) is the only one who could try: anyone else is refused as themselves."""
    from ocop_desktop.services.actor import SYSTEM

    admin = _admin(empty_db)
    assert admin.user_id is not None
    with pytest.raises(Conflict) as off:
        accounts.set_active(empty_db, actor=SYSTEM, user_id=admin.user_id, active=False)
    with pytest.raises(Conflict) as demoted:
        accounts.set_roles(empty_db, actor=SYSTEM, user_id=admin.user_id, roles={Role.SECRETARY})
    assert _codes(off) == _codes(demoted) == ["auth.last_admin"]
    second = accounts.create_user(
        empty_db, actor=admin, username="quantri2", full_name="Quản trị 2", password=PASSWORD, roles={Role.ADMIN}
    )
    accounts.set_active(empty_db, actor=admin, user_id=second, active=False)  # the first admin remains
    with pytest.raises(Conflict):
        accounts.set_active(empty_db, actor=SYSTEM, user_id=admin.user_id, active=False)
    accounts.set_active(empty_db, actor=admin, user_id=second, active=True)
    second_admin = accounts.authenticate(empty_db, username="quantri2", password=PASSWORD)
    accounts.set_roles(empty_db, actor=second_admin, user_id=admin.user_id, roles={Role.SECRETARY, Role.ADMIN})
    accounts.set_roles(empty_db, actor=second_admin, user_id=admin.user_id, roles={Role.SECRETARY})
    row = next(r for r in accounts.list_accounts(empty_db, actor=second_admin) if r.username == "quantri")
    assert row.roles == (Role.SECRETARY,)


def test_roles_need_at_least_one_and_unknown_accounts_are_named(empty_db: Database) -> None:
    admin = _admin(empty_db)
    user_id = accounts.create_user(
        empty_db, actor=admin, username="tv", full_name="Thành viên", password=PASSWORD, roles={Role.MEMBER}
    )
    with pytest.raises(ValidationFailed) as none:
        accounts.set_roles(empty_db, actor=admin, user_id=user_id, roles=set())
    assert _codes(none) == ["auth.no_role"]
    with pytest.raises(ValidationFailed) as missing:
        accounts.set_active(empty_db, actor=admin, user_id="không-có", active=False)
    assert _codes(missing) == ["db.not_found"]


def test_secretary_and_administrator_set_pins_members_cannot(empty_db: Database) -> None:
    meeting = build_meeting(empty_db)
    chair_id = meeting.members[NAMES[0]]
    rows = accounts.member_pins(empty_db, actor=meeting.secretary, round_id=meeting.round_id)
    assert [r.full_name for r in rows] == list(NAMES) and not any(r.has_pin for r in rows)
    with pytest.raises(ValidationFailed) as bad:
        accounts.set_member_pin(empty_db, actor=meeting.secretary, member_id=chair_id, pin="12a4")
    assert _codes(bad) == ["auth.bad_pin"]
    for not_ascii in ("²²²²", "١٢٣٤", "１２３４"):  # digits to isdigit(), typed by no keypad
        with pytest.raises(ValidationFailed) as bad:
            accounts.set_member_pin(empty_db, actor=meeting.secretary, member_id=chair_id, pin=not_ascii)
        assert _codes(bad) == ["auth.bad_pin"]
    with pytest.raises(PermissionDenied):
        accounts.set_member_pin(empty_db, actor=meeting.chair, member_id=chair_id, pin="2468")
    with pytest.raises(PermissionDenied):
        accounts.member_pins(empty_db, actor=meeting.chair, round_id=meeting.round_id)
    accounts.set_member_pin(empty_db, actor=meeting.secretary, member_id=chair_id, pin="2468")
    assert accounts.sign_in_member(empty_db, member_id=chair_id, pin="2468").roles == frozenset({Role.CHAIR})
    accounts.set_member_pin(empty_db, actor=meeting.admin, member_id=chair_id, pin="1357")  # a forgotten PIN
    with pytest.raises(PermissionDenied):
        accounts.sign_in_member(empty_db, member_id=chair_id, pin="2468")
    rows = accounts.member_pins(empty_db, actor=meeting.admin, round_id=meeting.round_id)
    assert [r.has_pin for r in rows] == [True, False, False, False, False]
