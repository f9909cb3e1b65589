"""Vietnamese text helpers: NFC normalisation and accent-insensitive search keys.

Decomposed (NFD) text draws its marks in the wrong place in PDFs and fails equality in SQLite, so every
text that enters the application goes through `nfc`. `đ` is not a decomposable letter and is folded by hand.
"""

from __future__ import annotations

import functools
import string
import unicodedata


def nfc(text: str) -> str:
    """Return `text` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Accent- and case-insensitive search key: "Đặng Thị Hường" -> "dang thi huong"."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    keys = [_char_key(ch) for ch in unicodedata.normalize("NFC", value)]
    if not keys:
        return (), (), ()
    primary, secondary, tertiary = zip(*keys, strict=True)
    return primary, secondary, tertiary


@functools.lru_cache(maxsize=8192)
def _char_key(ch: str) -> tuple[int, int, int]:
    """(letter rank, tone, case) of one character; characters repeat, so this is computed once each."""
    letter, tone = _split(ch)
    if letter.isalpha():
        primary = _RANK.get(letter, 100 + ord(letter[0]))
    else:
        primary = -1 if ch.isspace() else 50 + ord(ch)
    return primary, tone, 0 if ch.islower() or not ch.isalpha() else 1


def slug(text: str) -> str:
    """An accent-free name for a file or folder that every system and e-mail client keeps intact:
    "Đợt 2 năm 2026" -> "dot-2-nam-2026"."""
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in fold(text)).split())


class _CountedWords(string.Formatter):
    """`{count:file|files}` is the word for the count: the first when the count is 1, else the second."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if str(value) == "1" else many
        return str(super().format_field(value, format_spec))


_COUNTED_WORDS = _CountedWords()


def fill(template: str, /, **params: object) -> str:
    """`template.format(**params)`, where `{count:file|files}` says "1 file" but "2 files", "0 files", "1.5 points":
    English has plural forms; Vietnamese needs none ("1 tệp", "2 tệp")."""
    return _COUNTED_WORDS.vformat(template, (), params)


UNIT_WORDS = ("thành phố", "đặc khu", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
ACRONYMS = frozenset({"OCOP", "UBND", "HĐND", "HTX", "TNHH", "MTV", "HĐĐG"})


def unit_in_sentence(name: str) -> str:
    """An administrative unit as written inside an address or a sentence, its kind in lower case: "Xã Tân Cương"
    -> "xã Tân Cương", "Thành phố Hà Nội" -> "thành phố Hà Nội"."""
    lowered = name.lower()
    for word in UNIT_WORDS:
        if lowered.startswith(word + " "):
            return word + name[len(word) :]
    return name


def body_in_sentence(name: str) -> str:
    """A body's name as written inside a sentence (NĐ 30 writes it in capitals only in the heading): "ỦY BAN NHÂN
    DÂN TỈNH THÁI NGUYÊN" -> "Ủy ban nhân dân tỉnh Thái Nguyên"; the unit's own name keeps its capitals and
    acronyms (OCOP) stay upper case. A name already in mixed case is left as it was written."""
    if name != name.upper():
        return name
    words = name.split()
    low = [word.lower() for word in words]

    def kind_at(index: int) -> int:
        """How many words the unit kind starting at `index` has (0: none starts there)."""
        return next((len(u.split()) for u in UNIT_WORDS if low[index : index + len(u.split())] == u.split()), 0)

    cut = next((i for i in range(1, len(words)) if kind_at(i)), len(words))
    kind_end = cut + (kind_at(cut) if cut < len(words) else 0)
    out = []
    for index, word in enumerate(words):
        if word in ACRONYMS:
            out.append(word)
        elif index == 0 or index >= kind_end:
            out.append(word[:1] + word[1:].lower())
        else:
            out.append(word.lower())
    return " ".join(out)


def sentence_start(text: str) -> str:
    """`text` opening a sentence: its first letter in upper case ("chưa đạt …" -> "Chưa đạt …")."""
    return text[:1].upper() + text[1:]


def in_sentence(name: str) -> str:
    """A name (a criterion's, "Tổ chức sản xuất" or "TÍNH ĐỘC ĐÁO") written inside a sentence: in lower case but for
    acronyms ("OCOP") and a first word written as a name ("VietGAP")."""
    words = name.split(" ")
    if name == name.upper():
        return " ".join(word if word in ACRONYMS else word.lower() for word in words)
    first = words[0]
    if first in ACRONYMS or any(ch.isupper() for ch in first[1:]):
        return name
    return name[:1].lower() + name[1:]
