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


_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_RANK = {c: i for i, c in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def _split(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    letter, tone = decomposed[0], 0
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        else:
            letter += mark
    return unicodedata.normalize("NFC", letter), tone


def vi_sort_key(value: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Vietnamese alphabetical order (a ă â … đ …, then tones, then case), as ICU's vi_VN orders it."""
    primary, secondary, tertiary = [], [], []
    for ch in unicodedata.normalize("NFC", value):
        letter, tone = _split(ch)
        if letter.isalpha():
            primary.append(_RANK.get(letter, 100 + ord(letter[0])))
        else:
            primary.append(-1 if ch.isspace() else 50 + ord(ch))
        secondary.append(tone)
        tertiary.append(0 if ch.islower() or not ch.isalpha() else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)
