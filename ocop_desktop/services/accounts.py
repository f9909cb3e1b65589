"""Local accounts: Argon2id password hashes, roles, sign-in with a growing delay after failures.

On a shared meeting-room laptop the accounts keep members apart and give the audit trail a name for every
change; they cannot stop someone who copies the file (the signed export does that)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import MemberRole, Role
from ocop_desktop.domain.errors import Conflict, PermissionDenied, Problem, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.models import Council, CouncilMember, Round, User, UserRole
from ocop_desktop.models.base import utcnow
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission, allowed, require

_HASHER = PasswordHasher()  # argon2id with the library's (OWASP-compliant) defaults
MIN_PASSWORD_LENGTH = 8
FIRST_ADMIN_ROLES = frozenset({Role.ADMIN, Role.SECRETARY})  # the person who sets a new file up prepares rounds too
FREE_FAILURES = 5
BASE_LOCK_SECONDS = 30


def hash_secret(secret: str) -> str:
    return _HASHER.hash(nfc(secret))


def verify_secret(stored: str, secret: str) -> bool:
    try:
        return _HASHER.verify(stored, nfc(secret))
    except (VerificationError, InvalidHashError):
        return False


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, frozenset(Role(r.role) for r in user.roles), user.member_id)


def create_user(
    db: Database,
    *,
    actor: Actor | None,
    username: str,
    full_name: str,
    password: str,
    roles: set[Role],
    member_id: str | None = None,
) -> str:
    """A new account. The very first account of a file may be created without signing in (first run)."""
    username = nfc(username.strip()).lower()
    problems = account_problems(username, password, roles)
    if problems:
        raise ValidationFailed(problems)
    with db.transaction() as s:
        first = s.scalar(select(func.count()).select_from(User)) == 0
        if not first:
            if actor is None:
                raise PermissionDenied([Problem("auth.sign_in_required", {})])
            require(actor, Permission.MANAGE_USERS)
        if s.scalars(select(User).where(User.username == username)).first() is not None:
            raise Conflict([Problem("auth.username_taken", {"username": username})])
        if member_id is not None and s.get(CouncilMember, member_id) is None:
            raise ValidationFailed([Problem("db.not_found", {"what": "council_member", "id": member_id})])
        user = User(
            username=username,
            full_name=nfc(full_name.strip()) or username,
            password_hash=hash_secret(password),
            member_id=member_id,
        )
        user.roles = [UserRole(role=r.value) for r in sorted(roles)]
        s.add(user)
        s.flush()
        who = actor or _actor(user)
        audit.record(
            s,
            who,
            "create_user",
            "user",
            user.id,
            after={"username": username, "roles": sorted(r.value for r in roles)},
        )
        return user.id


def account_problems(username: str, password: str, roles: set[Role] | frozenset[Role]) -> list[Problem]:
    """What is wrong with a new account before anything is written (the first-run assistant checks its page)."""
    username = nfc(username.strip())
    problems = []
    if not username or any(ch.isspace() for ch in username):
        problems.append(Problem("auth.bad_username", {}))
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(Problem("auth.password_too_short", {"min": MIN_PASSWORD_LENGTH}))
    if not roles:
        problems.append(Problem("auth.no_role", {}))
    return problems


def lock_problem(locked_until: dt.datetime | None, now: dt.datetime, code: str, **params: object) -> Problem | None:
    """The refusal while an account or a member's PIN is locked: how long, and until when (local time)."""
    if locked_until is None or locked_until <= now:
        return None
    seconds = int((locked_until - now).total_seconds()) + 1
    until = locked_until.astimezone().strftime("%H:%M:%S %d/%m/%Y")
    return Problem(code, {"seconds": seconds, "until": until, **params})


def locked_after_failure(failures: int, now: dt.datetime) -> dt.datetime | None:
    """The lock a wrong password or PIN earns (held in the file, so reopening it does not lift it): none for the
    first 5 failures, then 30 s, 60 s, 120 s… up to an hour."""
    if failures < FREE_FAILURES:
        return None
    delay = BASE_LOCK_SECONDS * 2 ** min(failures - FREE_FAILURES, 7)
    return now + dt.timedelta(seconds=min(delay, 3600))


def authenticate(db: Database, *, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Sign in. After 5 failures each further one locks the account for 30 s, 60 s, 120 s…"""
    now = now or utcnow()
    username = nfc(username.strip()).lower()
    signed_in: Actor | None = None
    with db.transaction() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            raise PermissionDenied([Problem("auth.bad_credentials", {})])
        locked = lock_problem(user.locked_until, now, "auth.locked")
        if locked is not None:
            raise PermissionDenied([locked])
        if verify_secret(user.password_hash, password):
            user.failed_logins = 0
            user.locked_until = None
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_secret(password)
            signed_in = _actor(user)
            audit.record(s, signed_in, "sign_in", "user", user.id)
            db.name_account(user.username)  # who holds the file, for anyone else who tries to open it
        else:  # the failure is counted (committed), then refused below
            user.failed_logins += 1
            user.locked_until = locked_after_failure(user.failed_logins, now)
            audit.record(s, _actor(user), "sign_in_failed", "user", user.id)
    if signed_in is None:
        raise PermissionDenied([Problem("auth.bad_credentials", {})])
    return signed_in


def change_password(db: Database, *, actor: Actor, old_password: str, new_password: str) -> None:
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed([Problem("auth.password_too_short", {"min": MIN_PASSWORD_LENGTH})])
    with db.transaction() as s:
        user = s.get(User, actor.user_id) if actor.user_id else None
        if user is None or not verify_secret(user.password_hash, old_password):
            raise PermissionDenied([Problem("auth.bad_credentials", {})])
        user.password_hash = hash_secret(new_password)
        audit.record(s, actor, "change_password", "user", user.id)


def has_users(db: Database) -> bool:
    with db.reading() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


MIN_PIN_LENGTH = 4


def _require_pin_keeper(actor: Actor) -> None:
    """Members' PINs are set by whoever sets the council up (secretary) or manages accounts (administrator)."""
    if not (allowed(actor, Permission.SET_UP_ROUND) or allowed(actor, Permission.MANAGE_USERS)):
        require(actor, Permission.SET_UP_ROUND)


def pin_problems(pin: str) -> list[Problem]:
    if len(pin) < MIN_PIN_LENGTH or not (
        pin.isascii() and pin.isdigit()
    ):  # '²²²²' passes isdigit(): no keypad types it
        return [Problem("auth.bad_pin", {"min": MIN_PIN_LENGTH})]
    return []


def set_member_pin(db: Database, *, actor: Actor, member_id: str, pin: str) -> None:
    """The PIN a member types on the shared meeting laptop to score under their own name (a new PIN replaces
    the old one: a member who forgot theirs is given a new one)."""
    _require_pin_keeper(actor)
    problems = pin_problems(pin)
    if problems:
        raise ValidationFailed(problems)
    with db.transaction() as s:
        member = s.get(CouncilMember, member_id)
        if member is None:
            raise ValidationFailed([Problem("db.not_found", {"what": "council_member", "id": member_id})])
        had_pin = member.pin_hash is not None
        member.pin_hash = hash_secret(pin)
        member.failed_pins = 0  # a new PIN lifts the lock, as a new password does
        member.pin_locked_until = None
        audit.record(
            s, actor, "set_member_pin", "council_member", member_id, before={"pin": had_pin}, after={"pin": True}
        )


def sign_in_member(db: Database, *, member_id: str, pin: str, now: dt.datetime | None = None) -> Actor:
    """A member picks their name and types their PIN; they may then fill only their own ballots. Wrong PINs lock
    the member's PIN as wrong passwords lock an account (a 4-digit PIN cannot be guessed through)."""
    now = now or utcnow()
    with db.transaction() as s:
        member = s.get(CouncilMember, member_id)
        if member is not None:
            locked = lock_problem(member.pin_locked_until, now, "auth.pin_locked", member=member.full_name)
            if locked is not None:
                raise PermissionDenied([locked])
        ok = member is not None and member.pin_hash is not None and verify_secret(member.pin_hash, pin)
        if member is None or not ok:
            if member is not None:  # the failure is counted (committed), then refused below
                member.failed_pins += 1
                member.pin_locked_until = locked_after_failure(member.failed_pins, now)
                audit.record(
                    s, Actor(None, member.full_name, frozenset()), "member_sign_in_failed", "council_member", member_id
                )
            signed_in = None
        else:
            member.failed_pins = 0
            member.pin_locked_until = None
            roles = {Role.CHAIR} if member.role is MemberRole.CHAIR else {Role.MEMBER}
            signed_in = Actor(None, member.full_name, frozenset(roles), member.id)
            audit.record(s, signed_in, "member_sign_in", "council_member", member_id)
    if signed_in is None:
        raise PermissionDenied([Problem("auth.bad_pin_credentials", {})])
    return signed_in


@dataclass(frozen=True)
class AccountRow:
    user_id: str
    username: str
    full_name: str
    roles: tuple[Role, ...]
    active: bool
    member_id: str | None
    member_name: str | None


def list_accounts(db: Database, *, actor: Actor) -> list[AccountRow]:
    """Every account of the file, for the administrator (password hashes never leave this module)."""
    require(actor, Permission.MANAGE_USERS)
    with db.reading() as s:
        rows = []
        for user in s.scalars(select(User).order_by(User.username)):
            member = s.get(CouncilMember, user.member_id) if user.member_id else None
            rows.append(
                AccountRow(
                    user.id,
                    user.username,
                    user.full_name,
                    tuple(sorted(Role(r.role) for r in user.roles)),
                    user.active,
                    user.member_id,
                    member.full_name if member else None,
                )
            )
        return rows


def _other_user(s: Session, actor: Actor, user_id: str) -> User:
    """The account an administrator changes: it exists, and it is not the administrator's own."""
    user = s.get(User, user_id)
    if user is None:
        raise ValidationFailed([Problem("db.not_found", {"what": "user", "id": user_id})])
    if actor.user_id is not None and user.id == actor.user_id:
        raise PermissionDenied([Problem("auth.own_account", {})])
    return user


def _keep_an_admin(s: Session, user: User, *, active: bool, roles: set[Role]) -> None:
    """Refuse a change that would leave the file without an active administrator (nobody could then manage it)."""
    if not user.active or Role.ADMIN.value not in {r.role for r in user.roles}:
        return
    if active and Role.ADMIN in roles:
        return
    others = s.scalar(
        select(func.count(func.distinct(User.id)))
        .join(UserRole)
        .where(User.active.is_(True), UserRole.role == Role.ADMIN.value, User.id != user.id)
    )
    if not others:
        raise Conflict([Problem("auth.last_admin", {"username": user.username})])


def reset_password(db: Database, *, actor: Actor, user_id: str, new_password: str) -> None:
    """The administrator gives another account a new password (someone forgot theirs); the lock is lifted."""
    require(actor, Permission.MANAGE_USERS)
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed([Problem("auth.password_too_short", {"min": MIN_PASSWORD_LENGTH})])
    with db.transaction() as s:
        user = s.get(User, user_id)
        if user is not None and actor.user_id is not None and user.id == actor.user_id:
            raise PermissionDenied([Problem("auth.reset_own_password", {})])
        user = _other_user(s, actor, user_id)
        user.password_hash = hash_secret(new_password)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, actor, "reset_password", "user", user.id, after={"username": user.username})


def set_active(db: Database, *, actor: Actor, user_id: str, active: bool) -> None:
    """Disable an account (it can no longer sign in; its history stays) or enable it again."""
    require(actor, Permission.MANAGE_USERS)
    with db.transaction() as s:
        user = _other_user(s, actor, user_id)
        if user.active == active:
            return
        _keep_an_admin(s, user, active=active, roles={Role(r.role) for r in user.roles})
        before = user.active
        user.active = active
        audit.record(s, actor, "set_user_active", "user", user.id, before={"active": before}, after={"active": active})


def set_roles(db: Database, *, actor: Actor, user_id: str, roles: set[Role]) -> None:
    """Another account's roles, replaced as a whole."""
    require(actor, Permission.MANAGE_USERS)
    if not roles:
        raise ValidationFailed([Problem("auth.no_role", {})])
    with db.transaction() as s:
        user = _other_user(s, actor, user_id)
        before = sorted(r.role for r in user.roles)
        after = sorted(r.value for r in roles)
        if before == after:
            return
        _keep_an_admin(s, user, active=user.active, roles=roles)
        user.roles.clear()
        s.flush()  # the old rows go first: (user, role) is unique
        user.roles = [UserRole(role=r) for r in after]
        audit.record(s, actor, "set_user_roles", "user", user.id, before={"roles": before}, after={"roles": after})


@dataclass(frozen=True)
class MemberPinRow:
    member_id: str
    full_name: str
    role: MemberRole
    has_pin: bool


def member_pins(db: Database, *, actor: Actor, round_id: str) -> list[MemberPinRow]:
    """The round's council members who score, and whether each has a PIN yet (never the PIN itself)."""
    _require_pin_keeper(actor)
    with db.reading() as s:
        rnd = s.get(Round, round_id)
        if rnd is None:
            raise ValidationFailed([Problem("db.not_found", {"what": "round", "id": round_id})])
        council = s.get(Council, rnd.council_id)
        members = council.members if council is not None else []
        return [MemberPinRow(m.id, m.full_name, m.role, m.pin_hash is not None) for m in members if m.role.scores]
