"""The per-round secret keying the MAC that binds a member's Excel ballot workbook to its ballots.

A plain digest of public values (round, member, dossier ids) binds nothing: whoever holds one workbook recomputes
it for another member. The key is 32 random bytes made the first time a round's workbooks are exported, kept in the
council's data file only (the settings table, which no exchange file carries) and never written into a workbook."""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from ocop_desktop.models import Setting
from ocop_desktop.persistence.database import Database

PREFIX = "ballot_workbook_key:"
KEY_BYTES = 32


def existing_key(s: Session, round_id: str) -> bytes | None:
    """The round's workbook key, or None when no workbook of the round was ever exported from this file."""
    row = s.get(Setting, PREFIX + round_id)
    if row is None or not isinstance(row.value, str):
        return None
    try:
        return bytes.fromhex(row.value)
    except ValueError:
        return None


def workbook_key(db: Database, round_id: str) -> bytes:
    """The round's workbook key, made and stored when first needed (one write transaction: two exports at once
    agree on one key)."""
    with db.reading() as s:
        key = existing_key(s, round_id)
    if key is not None:
        return key
    with db.transaction() as s:
        key = existing_key(s, round_id)
        if key is None:
            key = secrets.token_bytes(KEY_BYTES)
            s.add(Setting(key=PREFIX + round_id, value=key.hex()))
        return key
