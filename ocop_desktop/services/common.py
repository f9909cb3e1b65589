"""Small helpers every service uses."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFound, Problem

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], key: str, what: str) -> T:
    """The row with primary key `key`, or a NotFound naming what was looked for."""
    obj = session.get(model, key)
    if obj is None:
        raise NotFound([Problem("db.not_found", {"what": what, "id": key})])
    return obj
