"""Every problem code the application can raise has a sentence in Vietnamese and in English."""

from __future__ import annotations

import re
from pathlib import Path

from ocop_desktop.domain.errors import Problem
from ocop_desktop.messages import _TEXTS, describe, has_text

PACKAGE = Path(__file__).resolve().parents[2] / "ocop_desktop"
CODE = re.compile(r"""(?:Problem\(|\.add\(|_problem\()\s*"([a-z_]+\.[a-z_]+)\"""")


def emitted_codes() -> set[str]:
    return {m for f in PACKAGE.rglob("*.py") for m in CODE.findall(f.read_text(encoding="utf-8"))}


def test_every_emitted_code_has_a_sentence() -> None:
    codes = emitted_codes()
    assert len(codes) > 40
    assert sorted(c for c in codes if not has_text(c)) == []


def test_sentences_fill_their_placeholders() -> None:
    for code, (vi, en) in _TEXTS.items():
        names = set(re.findall(r"{(\w+)}", vi))
        assert names == set(re.findall(r"{(\w+)}", en)), code
        params = {name: f"<{name}>" for name in names}
        for lang in ("vi", "en"):
            text = describe(Problem(code, params), lang)
            assert "{" not in text and all(f"<{n}>" in text for n in names), (code, lang)


def test_not_found_names_the_thing_in_the_users_language() -> None:
    problem = Problem("db.not_found", {"what": "round", "id": "7"})
    assert describe(problem, "vi") == "Không tìm thấy đợt đánh giá «7»"
    assert describe(problem, "en") == "Evaluation round '7' not found"
