"""Column helpers shared by the tables."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum


def enum_type(enum_cls: type[enum.Enum], name: str) -> Enum:
    """Store an enum by its value as text, with a CHECK constraint (portable, readable in any SQLite tool)."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def json_default() -> dict[str, Any]:
    return {}
