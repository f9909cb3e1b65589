"""Every role against the actions that change data: refused exactly where the table says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.domain.enums import LegalForm, Role
from ocop_desktop.domain.errors import PermissionDenied, UserFacingError
from ocop_desktop.models import Dossier, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, recognition, registry, results, scoring_session
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import PERMISSIONS, Permission, permission_table_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def test_documented_table_matches_the_code() -> None:
    assert permission_table_markdown() in DOCS.read_text(encoding="utf-8")


def _actions(db: Database) -> dict[Permission, Callable[[Actor], object]]:
    with db.reading() as s:
        dossier = s.scalars(select(Dossier)).first()
        rnd = s.scalars(select(Round)).first()
        assert dossier is not None and rnd is not None
    return {
        Permission.EDIT_REGISTRY: lambda a: registry.create_producer(
            db, actor=a, name="HTX Thử", legal_form=LegalForm.COOPERATIVE
        ),
        Permission.MANAGE_USERS: lambda a: accounts.create_user(
            db, actor=a, username=f"u{id(a)}", full_name="x", password="12345678", roles={Role.MEMBER}
        ),
        Permission.START_RESCORE: lambda a: scoring_session.start_rescore(
            db, actor=a, dossier_id=dossier.id, reason="thử"
        ),
        Permission.RECORD_DISCUSSION: lambda a: results.record_discussion(
            db, actor=a, dossier_id=dossier.id, text="thảo luận"
        ),
        Permission.APPROVE_RESULT: lambda a: results.approve_result(db, actor=a, dossier_id=dossier.id),
        Permission.REOPEN_RESULT: lambda a: results.reopen_result(db, actor=a, dossier_id=dossier.id, reason="thử"),
        Permission.ISSUE_DECISION: lambda a: recognition.issue_decision(
            db, actor=a, round_id=rnd.id, number=f"{id(a)}/QĐ", date=dt.date(2026, 12, 1), signer="A", issuing_body="B"
        ),
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_refused_exactly_where_the_table_says(demo_db: Database, role: Role) -> None:
    actor = Actor("someone", f"thử-{role.value}", frozenset({role}))
    for permission, action in _actions(demo_db).items():
        try:
            action(actor)
        except PermissionDenied as exc:
            assert permission not in PERMISSIONS[role], (role, permission, exc.problems)
            assert exc.problems[0].code == "auth.not_allowed"
        except UserFacingError:
            assert permission in PERMISSIONS[role], (role, permission)  # allowed; refused for another reason
        else:
            assert permission in PERMISSIONS[role], (role, permission)


def test_sign_in_failures_lock_the_account(empty_db: Database) -> None:
    now = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(empty_db, username="quantri", password="sai-mat-khau", now=now)
    with pytest.raises(PermissionDenied) as info:
        accounts.authenticate(
            empty_db, username="quantri", password="ocop-demo-2026", now=now + dt.timedelta(seconds=5)
        )
    assert info.value.problems[0].code == "auth.locked"
    actor = accounts.authenticate(
        empty_db, username="QuanTri", password="ocop-demo-2026", now=now + dt.timedelta(seconds=61)
    )
    assert actor.roles == {Role.ADMIN}


def test_first_account_needs_no_sign_in_later_ones_do(tmp_path: Path) -> None:
    with Database.open(tmp_path / "new.ocopdb", create=True) as db:
        assert not accounts.has_users(db)
        accounts.create_user(db, actor=None, username="admin", full_name="A", password="12345678", roles={Role.ADMIN})
        with pytest.raises(PermissionDenied):
            accounts.create_user(db, actor=None, username="b", full_name="B", password="12345678", roles={Role.ADMIN})
        with db.reading() as s:
            from ocop_desktop.models import User

            stored = s.scalars(select(User.password_hash)).one()
        assert stored.startswith("$argon2id$") and "12345678" not in stored
