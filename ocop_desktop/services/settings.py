"""Per-file settings (they travel with the data file): declared once with their defaults and checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ocop_desktop.domain import values
from ocop_desktop.domain.enums import CouncilLevel
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.models import Setting
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.authority import AboveAuthority
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission, require


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    valid: Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not values.LINE.problems(value, "text")


def _line(value: Any) -> bool:
    """One line of text, possibly empty, without control characters."""
    return isinstance(value, str) and not values.LINE.problems(value, "text")


def _digits(size: int) -> Callable[[Any], bool]:
    """An administrative unit code of `size` digits, or empty (not set yet)."""
    return lambda v: isinstance(v, str) and (v == "" or (not values.int_problems(v, "code") and len(v) == size))


SPECS = {
    spec.key: spec
    for spec in (
        SettingSpec("issuing_body", "ỦY BAN NHÂN DÂN TỈNH", _text),  # tên cơ quan ban hành
        SettingSpec("parent_body", "", _line),  # cơ quan chủ quản (dòng trên)
        SettingSpec("place_name", "", _line),  # địa danh of the date line
        SettingSpec("province_code", "", _digits(2)),  # the council's province (2025 units)
        SettingSpec("commune_code", "", _digits(5)),  # a commune council's commune (2025 units)
        SettingSpec("council_level", "", lambda v: v == "" or v in {level.value for level in CouncilLevel}),
        SettingSpec("council_name", "", _line),  # also the name on the council's key
        # policy ABOVE_AUTHORITY of the councils this file creates (scoring/authority.py), chosen at first run
        SettingSpec("above_authority", "refer_and_wait", lambda v: v in {p.value for p in AboveAuthority}),
        SettingSpec("certificate_prefix", "GCN-OCOP", _text),
        SettingSpec("minutes_symbol", "BB-HĐĐG", _text),  # ký hiệu of the minutes' number: "…/BB-HĐĐG"
        SettingSpec("spread_limit", "10", lambda v: isinstance(v, str) and not values.SPREAD_LIMIT.problems(v, "x")),
        SettingSpec("language", "vi", lambda v: v in ("vi", "en")),
        SettingSpec("demo_file", False, lambda v: isinstance(v, bool)),  # the demo round's file (services/demo.py)
        SettingSpec("demo_before_meeting", False, lambda v: isinstance(v, bool)),  # the demo's rehearsal file
    )
}


def get_settings(db: Database) -> dict[str, Any]:
    """Every setting, stored values over defaults."""
    values = {key: spec.default for key, spec in SPECS.items()}
    with db.reading() as s:
        for row in s.scalars(select(Setting)):
            if row.key in SPECS:
                values[row.key] = row.value
    return values


def _checked(key: str, value: Any) -> Any:
    """The value as stored (NFC, trimmed), or the problem naming the setting."""
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationFailed([Problem("input.bad_field", {"field": key, "detail": "unknown"})])
    value = nfc(value.strip()) if isinstance(value, str) else value
    if not spec.valid(value):
        raise ValidationFailed([Problem("input.bad_field", {"field": key, "detail": repr(value)})])
    return value


def set_setting(db: Database, *, actor: Actor, key: str, value: Any) -> None:
    set_settings(db, actor=actor, values={key: value})


def set_settings(db: Database, *, actor: Actor, values: dict[str, Any]) -> None:
    """Several settings in one transaction: every value is checked first, then all are stored or none."""
    require(actor, Permission.SET_UP_ROUND)
    checked = {key: _checked(key, value) for key, value in values.items()}
    with db.transaction() as s:
        for key, value in checked.items():
            row = s.get(Setting, key)
            before = None if row is None else row.value
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(s, actor, "set_setting", "setting", key, before={"value": before}, after={"value": value})
