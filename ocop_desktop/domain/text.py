"""Vietnamese text helpers: NFC normalisation and accent-insensitive search keys.

Decomposed (NFD) text draws its marks in the wrong place in PDFs and fails equality in SQLite, so every
text that enters the application goes through `nfc`. `đ` is not a decomposable letter and is folded by hand.
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """Return `text` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Accent- and case-insensitive search key: "Đặng Thị Hường" -> "dang thi huong"."""
    lowered = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
