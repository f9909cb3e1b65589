"""Exact numbers and the one display-rounding rule.

Scores are integers; averages are exact fractions (`fractions.Fraction`), so 269/3 is never rounded before a
star is decided. Rounding happens only when a figure is shown: 2 decimals, half up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

DISPLAY_PLACES = 2


def to_display_decimal(value: Fraction | int, places: int = DISPLAY_PLACES) -> Decimal:
    """Round an exact value half up to `places` decimals, for display only."""
    exact = Fraction(value)
    scale = 10**places
    scaled = exact * scale
    # Half up, away from zero, without going through a binary float.
    magnitude = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    signed = magnitude if scaled >= 0 else -magnitude
    return (Decimal(signed) / Decimal(scale)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_points(value: Fraction | int, places: int = DISPLAY_PLACES) -> str:
    """Like "82.33" (a dot, for files and the command line): the same half-up rounding in integers, because
    it runs for every figure of every result."""
    if type(value) is int:  # member totals, spreads, points: no rounding to do
        return f"{value}.{'0' * places}" if places else str(value)
    exact = value if isinstance(value, Fraction) else Fraction(value)
    scale = 10**places
    magnitude = (abs(exact.numerator) * scale * 2 + exact.denominator) // (2 * exact.denominator)
    sign = "-" if exact < 0 and magnitude else ""
    whole, fraction = divmod(magnitude, scale)
    return f"{sign}{whole}.{fraction:0{places}d}" if places else f"{sign}{whole}"


def format_points_vi(value: Fraction | int, places: int = DISPLAY_PLACES) -> str:
    """Like "82,33" (a decimal comma, as Vietnamese documents write it)."""
    return format_points(value, places).replace(".", ",")


def parse_decimal(text: str) -> Decimal:
    """Parse "8,5" or "8.5" into a Decimal; raises ValueError for anything else."""
    cleaned = text.strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except ArithmeticError as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value
