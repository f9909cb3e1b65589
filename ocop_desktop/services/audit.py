"""The audit trail: every change appends an event whose hash covers its content and the previous hash.

Written in the same transaction as the change it records, so a change and its trace land together or not at
all. `verify_chain` recomputes every hash; an edited, removed or inserted event breaks it at that point.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import Problem
from ocop_desktop.models import AuditEvent
from ocop_desktop.models.base import new_id, utcnow
from ocop_desktop.persistence import row_seal
from ocop_desktop.services.actor import Actor

GENESIS = row_seal.GENESIS


def _canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def event_hash(event: AuditEvent) -> str:
    body = {
        "id": event.id,
        "at": _canonical(event.at),
        "user_id": event.user_id,
        "username": event.username,
        "acting_for": event.acting_for,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "before": event.before,
        "after": event.after,
        "reason": event.reason,
        "prev_hash": event.prev_hash,
    }
    return row_seal.chain_hash(body)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | None,
    *,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    acting_for: str | None = None,
) -> AuditEvent:
    """Append one event to the chain (inside the caller's transaction, which holds the write lock)."""
    last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
    event = AuditEvent(
        id=new_id(),
        at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        acting_for=acting_for,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_canonical(before),
        after=_canonical(after),
        reason=reason,
        prev_hash=last or GENESIS,
    )
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    session.info[_ACTOR] = actor
    return event


_ACTOR = "ocop_audit_actor"  # who the transaction's last event named: the seal of its rows names them too
NOBODY = Actor(None, "hệ thống", frozenset())


@sa_event.listens_for(Session, "before_commit")
def _seal(session: Session) -> None:
    """Before any write transaction commits: one event sealing the legal records it touched (row hashes)."""
    if not session.in_transaction():
        return
    session.flush()
    dbapi = session.connection().connection.dbapi_connection
    if not isinstance(dbapi, sqlite3.Connection):
        return
    changes = row_seal.take_changes(dbapi)
    if not changes:
        return
    actor = session.info.get(_ACTOR, NOBODY)
    record(session, actor, row_seal.SEAL_ACTION, row_seal.SEAL_ENTITY, None, after=row_seal.seal_body(dbapi, changes))


def verify_chain(session: Session) -> list[Problem]:
    """Every break in the chain, with the event's sequence number."""
    problems: list[Problem] = []
    previous = GENESIS
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        loc = (("audit_event", str(event.seq)),)
        if event.prev_hash != previous:
            problems.append(Problem("audit.chain_broken", {"seq": event.seq, "action": event.action}, loc))
        if event_hash(event) != event.hash:
            problems.append(Problem("audit.event_altered", {"seq": event.seq, "action": event.action}, loc))
        previous = event.hash
    return problems


def head(session: Session) -> str:
    """The hash of the newest event (the exchange file's manifest carries it)."""
    last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
    return last or GENESIS
