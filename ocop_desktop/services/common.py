"""Small helpers every service uses."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFound, Problem
from ocop_desktop.models import Dossier

T = TypeVar("T")

# how dossiers are listed everywhere (agenda, projector, documents, certificate numbers): by their number on the
# agenda, then — in a file from before the numbers were kept distinct, where two may be alike — as they were added
AGENDA_ORDER = (Dossier.agenda_order, Dossier.created_at, Dossier.id)


def get_or_fail(session: Session, model: type[T], key: str, what: str) -> T:
    """The row with primary key `key`, or a NotFound naming what was looked for."""
    obj = session.get(model, key)
    if obj is None:
        raise NotFound([Problem("db.not_found", {"what": what, "id": key})])
    return obj
