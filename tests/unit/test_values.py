"""The one validation vocabulary (domain/values.py): every accepted value round-trips, every control character
and every non-ASCII digit is refused by name, and a huge integer is refused before it is converted."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.messages import describe

CONTROL = st.characters(categories=["Cc"])
TEXT = st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=80)


def _codes(problems: list[values.Problem]) -> list[str]:
    return [p.code for p in problems]


@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_every_integer_within_the_digit_limit_round_trips(number: int) -> None:
    assert values.parse_int(str(number), "year") == number
    assert values.parse_int(f"  {number} ", "year") == number


@given(st.characters(categories=["Nd", "No"]).filter(lambda c: c not in "0123456789"), st.integers(0, 3))
def test_every_digit_other_than_ascii_is_refused_by_name(digit: str, where: int) -> None:
    text = "2026"[:where] + digit + "2026"[where:]
    with pytest.raises(ValidationFailed) as info:
        values.parse_int(text, "year")
    (problem,) = info.value.problems
    assert problem.code == "value.not_integer"
    assert problem.location == (("field", "year"),)


def test_superscript_two_is_refused_where_isdigit_accepts_it() -> None:
    assert "²".isdigit()
    with pytest.raises(ValidationFailed) as info:
        values.parse_int("²", "agenda_order")
    assert "số nguyên" in describe(info.value.problems[0])
    assert describe(info.value.problems[0], "en").startswith("'agenda number' must be a whole number")


def test_a_5000_digit_integer_is_refused_before_any_conversion() -> None:
    start = time.perf_counter()
    for _ in range(1000):
        problems = values.int_problems("9" * 5000, "revision")
    assert time.perf_counter() - start < 0.5
    assert _codes(problems) == ["value.too_many_digits"]
    assert _codes(values.int_problems("9" * 19, "revision")) == ["value.too_many_digits"]


def test_ranges_stars_and_year() -> None:
    assert _codes(values.STARS.problems(99, "stars")) == ["value.out_of_range"]
    assert _codes(values.STARS.problems(0, "stars")) == ["value.out_of_range"]
    assert values.STARS.problems(5, "stars") == []
    assert _codes(values.YEAR.problems(2**63 - 1, "year")) == ["value.out_of_range"]
    assert _codes(values.YEAR.problems(True, "year")) == ["value.not_integer"]
    assert values.YEAR.parse("2026", "year") == 2026
    assert "99" in describe(values.STARS.problems(99, "stars")[0], "en")


@given(TEXT, CONTROL, TEXT)
def test_every_text_with_a_control_character_is_refused(before: str, control: str, after: str) -> None:
    for domain in (values.Text(1000), values.NAME):
        problems = domain.problems(before + control + after, "name")
        assert _codes(problems) == ["value.control_char"], repr(before + control + after)
        assert problems[0].location == (("field", "name"),)
    if control not in "\t\n\r":
        assert _codes(values.NOTE.problems(before + control + after, "note")) == ["value.control_char"]


def test_nul_is_named_with_its_position() -> None:
    (problem,) = values.NAME.problems("HTX\x00Chè", "producer")
    assert problem.params["char"] == "U+0000"
    assert problem.params["at"] == 4
    assert "U+0000" in describe(problem)


@given(TEXT.map(lambda t: unicodedata.normalize("NFC", t)))
def test_every_nfc_text_without_controls_round_trips(text: str) -> None:
    domain = values.Text(80, multiline=False)
    assert domain.problems(text, "name") == []
    assert domain.parse(text, "name") == text.strip()


def test_text_length_nfc_and_required() -> None:
    assert _codes(values.Text(5).problems("abcdef", "name")) == ["value.too_long"]
    assert _codes(values.Text(5, strict=True).problems("Hoa\u0300", "name")) == ["value.not_nfc"]
    assert values.Text(3).problems("Hoa\u0300", "name") == []  # typed decomposed: stored in NFC, 3 characters
    assert values.Text(3).parse(" Hoa\u0300 ", "name") == "Hoà"
    assert _codes(values.NAME.problems("  ", "name")) == ["input.missing_field"]
    assert values.LINE.problems(None, "place") == []
    assert _codes(values.LINE.problems(5, "place")) == ["value.not_text"]


@given(st.dates(dt.date(2000, 1, 1), dt.date(2199, 12, 31)))
def test_every_date_in_range_round_trips(day: dt.date) -> None:
    assert values.DATES.parse(day.isoformat(), "date") == day


def test_dates_enums_clock_decimals() -> None:
    assert _codes(values.DATES.problems("2026-02-30", "date")) == ["value.not_date"]
    assert _codes(values.DATES.problems("9999-01-01", "date")) == ["value.out_of_range"]
    choice = values.Choice(("a", "b"))
    assert _codes(choice.problems("c", "role")) == ["value.not_in_list"]
    assert values.CLOCK.parse("8:05", "opened_at") == "08:05"
    assert _codes(values.CLOCK.problems("²:00", "opened_at")) == ["input.bad_time"]
    assert _codes(values.CLOCK.problems("24:00", "opened_at")) == ["input.bad_time"]
    assert values.SPREAD_LIMIT.parse("7,5", "spread_limit") == "7.5"
    assert _codes(values.SPREAD_LIMIT.problems("1e9", "spread_limit")) == ["value.not_decimal"]
    assert _codes(values.SPREAD_LIMIT.problems("-1", "spread_limit")) == ["value.not_decimal"]


@settings(max_examples=200)
@given(st.integers(-5, 1000), st.integers(-5, 1000))
def test_quorum_is_accepted_exactly_when_zero_below_p_at_most_q(p: int, q: int) -> None:
    problems = values.quorum_problems(p, q)
    assert (problems == []) == (0 < p <= q <= 999)
    assert all(x.code == "setup.bad_quorum" for x in problems)


def test_quorum_denominator_zero_names_the_denominator() -> None:
    (problem,) = values.quorum_problems(2, 0)
    assert problem.location == (("field", "quorum_denominator"),)


def test_json_depth_and_size_are_checked_before_parsing() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert _codes(values.json_problems(deep)) == ["input.json_too_deep"]
    assert values.json_problems('{"a": "[[[[[[", "b": [1, {"c": 2}]}') == []
    assert values.json_depth('"\\"[[["') == 0
    assert _codes(values.json_problems("1" * 100, max_chars=10)) == ["input.json_too_big"]
