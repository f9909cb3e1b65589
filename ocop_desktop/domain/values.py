"""The one validation vocabulary for every value entering a data file — exchange import, Excel imports, forms,
command line: text, bounded integers, decimals, dates, enums, clock times, stars and the quorum.

Each check returns Problems naming the field (`field` parameter and location), never raises on bad input; `parse`
raises ValidationFailed with them. Untrusted integer text goes through `parse_int` alone: ASCII digits only
(`str.isdigit()` accepts '²' and other digits `int()` refuses) and a bounded length checked before `int()`, whose
cost grows with the square of the digits.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ocop_desktop.domain.errors import Problem, ValidationFailed

MAX_DIGITS = 18  # every integer of at most 18 digits fits SQLite's signed 64 bits
_ASCII_INTEGER = re.compile(r"-?[0-9]+")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # every C0/C1 control and the Unicode breaks
_CONTROL_BLOCK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, line feed, return allowed
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_DECIMAL = re.compile(r"[0-9]{1,9}([.,][0-9]{1,6})?")


def _at(field: str, code: str, **params: Any) -> Problem:
    return Problem(code, {"field": field, **params}, (("field", field),))


def _shown(value: object) -> str:
    """A bad value as a message quotes it: short, with its control characters made visible."""
    text = str(value)
    text = text if len(text) <= 40 else text[:39] + "…"
    return "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in text)


def parse_int(text: object, field: str, *, low: int | None = None, high: int | None = None) -> int:
    """Untrusted text (a cell, an argument, a manifest entry) as an integer within [low, high]; raises
    ValidationFailed naming `field`. Blanks around the digits are allowed, '²', '٣', '1_000' and '+1' are not."""
    problems = int_problems(text, field, low=low, high=high)
    if problems:
        raise ValidationFailed(problems)
    return _to_int(text)


def _to_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value)
    return int(str(value).strip(" "))


def int_problems(value: object, field: str, *, low: int | None = None, high: int | None = None) -> list[Problem]:
    """Why `value` (an int, a whole float as a spreadsheet gives it, or text) is not an integer in [low, high]."""
    if isinstance(value, bool) or value is None:
        return [_at(field, "value.not_integer", value=_shown(value))]
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 10**MAX_DIGITS:
            return [_at(field, "value.not_integer", value=_shown(value))]
    elif isinstance(value, str):
        text = value.strip(" ")
        if len(text) > MAX_DIGITS + 1:  # checked before any int(): a 5,000-digit number costs nothing here
            return [_at(field, "value.too_many_digits", max=MAX_DIGITS)]
        if not _ASCII_INTEGER.fullmatch(text):
            return [_at(field, "value.not_integer", value=_shown(value))]
        if len(text.lstrip("-")) > MAX_DIGITS:
            return [_at(field, "value.too_many_digits", max=MAX_DIGITS)]
    elif not isinstance(value, int):
        return [_at(field, "value.not_integer", value=_shown(value))]
    number = _to_int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        return [_at(field, "value.out_of_range", value=number, low=_bound(low), high=_bound(high))]
    return []


def _bound(value: int | None) -> str:
    return "…" if value is None else str(value)


class Domain:
    """A set of allowed values; `problems` says why a value is outside it, `parse` returns it as stored."""

    def problems(self, value: object, field: str) -> list[Problem]:
        raise NotImplementedError

    def convert(self, value: object) -> Any:
        return value

    def parse(self, value: object, field: str) -> Any:
        found = self.problems(value, field)
        if found:
            raise ValidationFailed(found)
        return self.convert(value)


@dataclass(frozen=True)
class Text(Domain):
    """Text without control characters (a multi-line text keeps tab, line feed and return), at most `max_length`
    characters in NFC; `required` refuses a blank one. None passes unless required. A person's input is stored
    in NFC (`convert`); `strict` refuses text not already in NFC (what a signed file holds must be)."""

    max_length: int
    required: bool = False
    multiline: bool = False
    strict: bool = False

    def problems(self, value: object, field: str) -> list[Problem]:
        if value is None:
            return [_at(field, "input.missing_field")] if self.required else []
        if not isinstance(value, str):
            return [_at(field, "value.not_text")]
        control = (_CONTROL_BLOCK if self.multiline else _CONTROL_LINE).search(value)
        if control is not None:  # before the blank test: Python counts U+001C–U+001F as blanks
            return [_at(field, "value.control_char", char=f"U+{ord(control.group()):04X}", at=control.start() + 1)]
        if not value.strip():
            return [_at(field, "input.missing_field")] if self.required else []
        if not unicodedata.is_normalized("NFC", value):
            if self.strict:
                return [_at(field, "value.not_nfc")]
            value = unicodedata.normalize("NFC", value)
        if len(value.strip()) > self.max_length:  # as stored: trimmed
            return [_at(field, "value.too_long", max=self.max_length, length=len(value.strip()))]
        return []

    def convert(self, value: object) -> Any:
        return unicodedata.normalize("NFC", value.strip()) if isinstance(value, str) else value


@dataclass(frozen=True)
class Integer(Domain):
    """An integer within [low, high] (given as a number or as untrusted text, see `parse_int`)."""

    low: int
    high: int

    def problems(self, value: object, field: str) -> list[Problem]:
        return int_problems(value, field, low=self.low, high=self.high)

    def convert(self, value: object) -> Any:
        return _to_int(value)


@dataclass(frozen=True)
class DecimalText(Domain):
    """A non-negative decimal written with a dot or a comma ("10", "7,5"), stored as text with a dot."""

    low: Decimal = Decimal(0)
    high: Decimal = Decimal(1_000_000)

    def problems(self, value: object, field: str) -> list[Problem]:
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is None or not _DECIMAL.fullmatch(text):
            return [_at(field, "value.not_decimal", value=_shown(value))]
        number = Decimal(text.replace(",", "."))
        if not self.low <= number <= self.high:
            return [_at(field, "value.out_of_range", value=text, low=self.low, high=self.high)]
        return []

    def convert(self, value: object) -> Any:
        return str(value).strip().replace(",", ".")


@dataclass(frozen=True)
class Choice(Domain):
    """One of a closed list (an enum's values)."""

    allowed: tuple[str, ...]

    @staticmethod
    def of(kind: type[enum.Enum]) -> Choice:
        return Choice(tuple(str(m.value) for m in kind))

    def problems(self, value: object, field: str) -> list[Problem]:
        if isinstance(value, enum.Enum):
            value = value.value
        if not isinstance(value, str) or value not in self.allowed:
            return [_at(field, "value.not_in_list", value=_shown(value), allowed=", ".join(self.allowed))]
        return []


@dataclass(frozen=True)
class DateIn(Domain):
    """A date (or its ISO text, "2026-10-15") between `low` and `high`."""

    low: dt.date
    high: dt.date

    def problems(self, value: object, field: str) -> list[Problem]:
        day = _as_date(value)
        if day is None:
            return [_at(field, "value.not_date", value=_shown(value))]
        if not self.low <= day <= self.high:
            return [_at(field, "value.out_of_range", value=day.isoformat(), low=self.low, high=self.high)]
        return []

    def convert(self, value: object) -> Any:
        return _as_date(value)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Clock(Domain):
    """A time of day "8:00" or "08:00", stored "08:00"."""

    def problems(self, value: object, field: str) -> list[Problem]:
        match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            return [_at(field, "input.bad_time", value=_shown(value))]
        return []

    def convert(self, value: object) -> Any:
        hours, minutes = str(value).strip().split(":")
        return f"{int(hours):02d}:{minutes}"


STARS = Integer(1, 5)  # a certificate's rating
RESULT_STARS = Integer(0, 5)  # a computed band: 0 below 50 points
YEAR = Integer(2000, 2100)
SCORING_ROUND = Integer(1, 99)
OPTION_NUMBER = Integer(0, 99)
AGENDA_ORDER = Integer(0, 99_999)
SHEET_NUMBER = Integer(1, 99)  # "Phiếu số 11" in a dossier list
QUORUM_PART = Integer(1, 999)
DATES = DateIn(dt.date(2000, 1, 1), dt.date(2199, 12, 31))
CLOCK = Clock()
SPREAD_LIMIT = DecimalText(Decimal(0), Decimal(100))
NAME = Text(255, required=True)
LINE = Text(255)
NOTE = Text(4000, multiline=True)


def quorum_problems(numerator: object, denominator: object, field: str = "quorum") -> list[Problem]:
    """A quorum p/q: two integers with 0 < p ≤ q (q = 0 would divide by zero in the minutes)."""
    parts = QUORUM_PART.problems(numerator, "quorum_numerator") + QUORUM_PART.problems(
        denominator, "quorum_denominator"
    )
    if parts or _to_int(numerator) > _to_int(denominator):
        where = parts[0].location if parts else (("field", field),)
        return [Problem("setup.bad_quorum", {"quorum": f"{_shown(numerator)}/{_shown(denominator)}"}, where)]
    return []


def check_all(checks: Iterable[tuple[Domain, object, str]]) -> None:
    """Raise ValidationFailed with the problems of every (domain, value, field) given."""
    problems = [p for domain, value, field in checks for p in domain.problems(value, field)]
    if problems:
        raise ValidationFailed(problems)


MAX_JSON_DEPTH = 64
MAX_JSON_CHARS = 32 * 1024 * 1024
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def json_depth(text: str) -> int:
    """How deep `text`'s arrays and objects nest, counted in one pass (strings skipped whole) before any parser
    recurses into them: a 100,000-deep document would exhaust the interpreter's stack."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(text):
        mark = match.group()
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth -= 1
    return deepest


def json_problems(text: str, *, max_depth: int = MAX_JSON_DEPTH, max_chars: int = MAX_JSON_CHARS) -> list[Problem]:
    """Why untrusted JSON text is not even parsed: too large, or nested too deep."""
    if len(text) > max_chars:
        return [Problem("input.json_too_big", {"mb": max_chars // (1024 * 1024)})]
    if json_depth(text) > max_depth:
        return [Problem("input.json_too_deep", {"max": max_depth})]
    return []


def loads_bounded(text: str, *, max_depth: int = MAX_JSON_DEPTH, max_chars: int = MAX_JSON_CHARS) -> Any:
    """`json.loads` for untrusted text: refused by name (ValidationFailed) when too large, nested too deep, or holding
    an integer past Python's digit limit (which `json` raises as a bare ValueError); a syntax error stays a
    `json.JSONDecodeError` for the caller to place."""
    problems = json_problems(text, max_depth=max_depth, max_chars=max_chars)
    if problems:
        raise ValidationFailed(problems)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:
        raise ValidationFailed([Problem("value.too_many_digits", {"field": "(document)", "max": 4300})]) from exc
