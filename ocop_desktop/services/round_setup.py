"""Setting up a round (secretary): the council and its members, the round itself, meeting sessions,
attendance and recusals."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import select

from ocop_desktop.domain import values
from ocop_desktop.domain.enums import CouncilLevel, MemberRole, RoundStatus
from ocop_desktop.domain.errors import Conflict, Problem, ValidationFailed
from ocop_desktop.models import (
    AdvisoryMember,
    Attendance,
    Council,
    CouncilMember,
    Dossier,
    MeetingSession,
    Recusal,
    Round,
)
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.authority import AboveAuthority
from ocop_desktop.services import audit
from ocop_desktop.services.accounts import hash_secret
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.criteria_catalogue import rule_version
from ocop_desktop.services.criteria_snapshots import snapshot_version
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.results import refresh_result, refresh_round_results

# every field the set-up forms send, with its domain (domain/values.py): one check for the forms, the command line
# and the exchange import alike
FIELDS: dict[str, values.Domain] = {
    "name": values.NAME,
    "issuing_body": values.NAME,
    "establishing_decision": values.LINE,
    "province_code": values.Text(2),
    "full_name": values.NAME,
    "position": values.LINE,
    "organisation": values.LINE,
    "role": values.Choice.of(MemberRole),
    "year": values.YEAR,
    "spread_limit": values.SPREAD_LIMIT,
    "place": values.LINE,
    "quorum_numerator": values.QUORUM_PART,
    "above_authority": values.Choice.of(AboveAuthority),
    "quorum_denominator": values.QUORUM_PART,
    "note": values.NOTE,
    "reason": values.NOTE,
}


def _check(**fields: object) -> None:
    """Raise ValidationFailed naming every field outside its domain."""
    values.check_all((FIELDS[key], value, key) for key, value in fields.items())


def create_council(
    db: Database,
    *,
    actor: Actor,
    name: str,
    level: CouncilLevel,
    issuing_body: str,
    quorum: tuple[int, int] = (2, 3),
    quorum_requires_chair: bool = True,
    establishing_decision: str | None = None,
    province_code: str | None = None,
    above_authority: AboveAuthority = AboveAuthority.REFER_AND_WAIT,
) -> str:
    """Hội đồng with its quorum rule (at least quorum[0]/quorum[1] of scoring members present) and its policy for a
    product whose star belongs to a higher level (`above_authority`)."""
    require(actor, Permission.SET_UP_ROUND)
    numerator, denominator = quorum
    _check(name=name, issuing_body=issuing_body, establishing_decision=establishing_decision,
           province_code=province_code, above_authority=above_authority)  # fmt: skip
    quorum_problems = values.quorum_problems(numerator, denominator)
    if quorum_problems:
        raise ValidationFailed(quorum_problems)
    with db.transaction() as s:
        council = Council(
            name=name.strip(),
            level=level,
            issuing_body=issuing_body.strip(),
            quorum_numerator=numerator,
            quorum_denominator=denominator,
            quorum_requires_chair=quorum_requires_chair,
            establishing_decision=establishing_decision,
            province_code=province_code,
            above_authority=AboveAuthority(above_authority).value,
            created_by=actor.user_id,
        )
        s.add(council)
        s.flush()
        audit.record(
            s,
            actor,
            "create_council",
            "council",
            council.id,
            after={"name": council.name, "level": level, "above_authority": council.above_authority},
        )
        return council.id


def add_member(
    db: Database,
    *,
    actor: Actor,
    council_id: str,
    full_name: str,
    role: MemberRole,
    position: str | None = None,
    organisation: str | None = None,
    pin: str | None = None,
) -> str:
    require(actor, Permission.SET_UP_ROUND)
    _check(full_name=full_name, role=role, position=position, organisation=organisation)
    with db.transaction() as s:
        council = get_or_fail(s, Council, council_id, "council")
        if role is MemberRole.CHAIR and any(m.role is MemberRole.CHAIR for m in council.members):
            raise Conflict([Problem("setup.second_chair", {})])
        member = CouncilMember(
            council_id=council_id,
            full_name=full_name.strip(),
            role=role,
            position=position,
            organisation=organisation,
            sort_order=len(council.members) + 1,
            pin_hash=hash_secret(pin) if pin else None,
            created_by=actor.user_id,
        )
        s.add(member)
        s.flush()
        audit.record(
            s, actor, "add_member", "council_member", member.id, after={"name": member.full_name, "role": role}
        )
        return member.id


def add_advisory_member(
    db: Database, *, actor: Actor, council_id: str, full_name: str, organisation: str | None = None
) -> str:
    require(actor, Permission.SET_UP_ROUND)
    _check(full_name=full_name, organisation=organisation)
    with db.transaction() as s:
        get_or_fail(s, Council, council_id, "council")
        advisor = AdvisoryMember(council_id=council_id, full_name=full_name.strip(), organisation=organisation)
        s.add(advisor)
        s.flush()
        audit.record(s, actor, "add_advisory_member", "advisory_member", advisor.id, after={"name": full_name})
        return advisor.id


def create_round(
    db: Database,
    *,
    actor: Actor,
    council_id: str,
    name: str,
    year: int,
    rule_version_id: str,
    spread_limit: str = "10",
    place: str | None = None,
) -> str:
    """An evaluation round; the rule version's data is stored with it so it re-renders with its own rules."""
    require(actor, Permission.SET_UP_ROUND)
    rule_version(rule_version_id)
    _check(name=name, year=year, spread_limit=spread_limit, place=place)
    with db.transaction() as s:
        get_or_fail(s, Council, council_id, "council")
        rnd = Round(
            council_id=council_id,
            name=name.strip(),
            year=year,
            rule_version_id=rule_version_id,
            version_snapshot=snapshot_version(s, rule_version_id),
            spread_limit=values.SPREAD_LIMIT.convert(spread_limit),
            place=place,
            created_by=actor.user_id,
        )
        s.add(rnd)
        s.flush()
        audit.record(
            s, actor, "create_round", "round", rnd.id, after={"name": rnd.name, "rule_version": rule_version_id}
        )
        return rnd.id


def set_round_status(db: Database, *, actor: Actor, round_id: str, status: RoundStatus) -> None:
    require(actor, Permission.SET_UP_ROUND)
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        before = rnd.status
        rnd.status = status
        audit.record(
            s, actor, "set_round_status", "round", round_id, before={"status": before}, after={"status": status}
        )


def _clock(value: str, field: str) -> str:
    """ "8:00" or "08:00" as "08:00"; anything else ('²:00' included) is refused with the value shown."""
    clock: str = values.CLOCK.parse(value, field)
    return clock


def add_meeting_session(
    db: Database, *, actor: Actor, round_id: str, date: dt.date, place: str | None = None, opened_at: str | None = None
) -> str:
    require(actor, Permission.SET_UP_ROUND)
    _check(place=place)
    opened_at = _clock(opened_at, "opened_at") if opened_at and opened_at.strip() else None
    with db.transaction() as s:
        get_or_fail(s, Round, round_id, "round")
        meeting = MeetingSession(round_id=round_id, date=date, place=place, opened_at=opened_at)
        s.add(meeting)
        s.flush()
        audit.record(s, actor, "add_meeting_session", "meeting_session", meeting.id, after={"date": date})
        return meeting.id


def close_meeting_session(db: Database, *, actor: Actor, session_id: str, closed_at: str) -> None:
    """The time the session ended, for the minutes' closing sentence ("HH:MM", 24-hour)."""
    require(actor, Permission.SET_UP_ROUND)
    clock = _clock(closed_at, "closed_at")
    with db.transaction() as s:
        meeting = get_or_fail(s, MeetingSession, session_id, "meeting_session")
        before = meeting.closed_at
        meeting.closed_at = clock
        audit.record(
            s,
            actor,
            "close_meeting_session",
            "meeting_session",
            session_id,
            before={"closed_at": before},
            after={"closed_at": meeting.closed_at},
        )


def record_attendance(
    db: Database, *, actor: Actor, session_id: str, member_id: str, present: bool, note: str | None = None
) -> None:
    require(actor, Permission.SET_UP_ROUND)
    _check(note=note)
    with db.transaction() as s:
        meeting = get_or_fail(s, MeetingSession, session_id, "meeting_session")
        get_or_fail(s, CouncilMember, member_id, "council_member")
        row = s.scalars(
            select(Attendance).where(Attendance.session_id == session_id, Attendance.member_id == member_id)
        ).one_or_none()
        before = None if row is None else {"present": row.present}
        if row is None:
            row = Attendance(session_id=session_id, member_id=member_id, present=present, note=note)
            s.add(row)
        else:
            row.present, row.note = present, note
        s.flush()
        audit.record(
            s,
            actor,
            "record_attendance",
            "attendance",
            row.id,
            before=before,
            after={"present": present, "member": member_id},
        )
        refresh_round_results(s, meeting.round_id)


def record_recusal(db: Database, *, actor: Actor, dossier_id: str, member_id: str, reason: str) -> str:
    """A member declares a conflict of interest and does not score the dossier."""
    require(actor, Permission.SET_UP_ROUND)
    if not reason.strip():
        raise ValidationFailed([Problem("setup.recusal_needs_reason", {})])
    _check(reason=reason)
    with db.transaction() as s:
        dossier = get_or_fail(s, Dossier, dossier_id, "dossier")
        get_or_fail(s, CouncilMember, member_id, "council_member")
        existing = s.scalars(
            select(Recusal).where(Recusal.dossier_id == dossier_id, Recusal.member_id == member_id)
        ).one_or_none()
        if existing is not None:
            raise Conflict([Problem("setup.already_recused", {})])
        recusal = Recusal(dossier_id=dossier_id, member_id=member_id, reason=reason.strip(), created_by=actor.user_id)
        s.add(recusal)
        s.flush()
        audit.record(
            s,
            actor,
            "record_recusal",
            "recusal",
            recusal.id,
            after={"dossier": dossier_id, "member": member_id},
            reason=reason,
        )
        refresh_result(s, dossier)
        return recusal.id


def _apply(obj: object, changes: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    before = {k: getattr(obj, k) for k in changes}
    for key, value in changes.items():
        setattr(obj, key, value.strip() if isinstance(value, str) else value)
    return before, {k: getattr(obj, k) for k in changes}


def update_council(db: Database, *, actor: Actor, council_id: str, **changes: object) -> None:
    """Edit name, issuing body, establishing decision, province, quorum rule (quorum_numerator /
    quorum_denominator / quorum_requires_chair) or the policy above the council's authority (above_authority)."""
    require(actor, Permission.SET_UP_ROUND)
    allowed = {
        "name",
        "issuing_body",
        "establishing_decision",
        "province_code",
        "quorum_numerator",
        "quorum_denominator",
        "quorum_requires_chair",
        "above_authority",
    }
    _refuse_unknown(changes, allowed)
    _check(**{k: v for k, v in changes.items() if k in FIELDS})
    if "above_authority" in changes:
        changes["above_authority"] = AboveAuthority(cast(str, changes["above_authority"])).value
    with db.transaction() as s:
        council = get_or_fail(s, Council, council_id, "council")
        before, after = _apply(council, changes)
        quorum_problems = values.quorum_problems(council.quorum_numerator, council.quorum_denominator)
        if quorum_problems:
            raise ValidationFailed(quorum_problems)
        council.updated_by = actor.user_id
        audit.record(s, actor, "update_council", "council", council_id, before=before, after=after)


def update_member(db: Database, *, actor: Actor, member_id: str, **changes: object) -> None:
    """Edit a member's name, position, organisation or role (one chair per council)."""
    require(actor, Permission.SET_UP_ROUND)
    _refuse_unknown(changes, {"full_name", "position", "organisation", "role"})
    _check(**changes)
    with db.transaction() as s:
        member = get_or_fail(s, CouncilMember, member_id, "council_member")
        if "role" in changes:
            changes["role"] = MemberRole(str(changes["role"]))
            others = s.scalars(
                select(CouncilMember).where(
                    CouncilMember.council_id == member.council_id, CouncilMember.id != member_id
                )
            )
            if changes["role"] is MemberRole.CHAIR and any(m.role is MemberRole.CHAIR for m in others):
                raise Conflict([Problem("setup.second_chair", {})])
        before, after = _apply(member, changes)
        member.updated_by = actor.user_id
        audit.record(s, actor, "update_member", "council_member", member_id, before=before, after=after)


def update_round(db: Database, *, actor: Actor, round_id: str, **changes: object) -> None:
    """Edit a round's name, place or spread limit."""
    require(actor, Permission.SET_UP_ROUND)
    _refuse_unknown(changes, {"name", "place", "spread_limit"})
    _check(**changes)
    if "spread_limit" in changes:
        changes["spread_limit"] = values.SPREAD_LIMIT.convert(changes["spread_limit"])
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        before, after = _apply(rnd, changes)
        rnd.updated_by = actor.user_id
        audit.record(s, actor, "update_round", "round", round_id, before=before, after=after)


def _refuse_unknown(changes: dict[str, object], allowed: set[str]) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationFailed([Problem("input.bad_field", {"field": f, "detail": "unknown"}) for f in unknown])
