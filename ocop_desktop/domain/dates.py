"""Dates as Vietnamese documents and forms write them: dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt


def parse_vi_date(text: str) -> dt.date:
    """ "15/10/2026" (also "15-10-2026", "2026-10-15") -> date; raises ValueError otherwise."""
    cleaned = text.strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def format_vi_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
