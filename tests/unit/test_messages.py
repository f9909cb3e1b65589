"""Every problem code the application can raise has a sentence in Vietnamese and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import Problem
from ocop_desktop.messages import _TEXTS, describe, has_text, language_of

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


IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")
FIELD_PARAM = re.compile(r"""["']field["']\s*:\s*["']([^"']+)["']|\(\s*["']field["']\s*,\s*["']([^"']+)["']\s*\)""")
FIELD_SETS = re.compile(r"(?:_refuse_unknown\(changes, \{|PRODUCER_FIELDS = \()([^})]*)")
SETTING = re.compile(r"""SettingSpec\(\s*["']([a-z_]+)["']""")


def service_fields() -> set[str]:
    """Every field name a service or the GUI puts in a problem: literal "field" parameters and locations, the fields
    the services refuse when unknown or check (round_setup, registry), the settings, the keys of the ballots
    document, and the GUI's date fields."""
    names: set[str] = set()
    for path in [*PACKAGE.joinpath("services").rglob("*.py"), *PACKAGE.joinpath("ui").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        names |= {a or b for a, b in FIELD_PARAM.findall(text)}
        for group in FIELD_SETS.findall(text):
            names |= set(re.findall(r"""["']([a-z_]+)["']""", group))
        names |= set(SETTING.findall(text))
        names |= set(re.findall(r"""_text_field\(doc, ["']([a-z_]+)["']""", text))
        names |= set(re.findall(r"""_flag\(raw, ["']([a-z_]+)["']""", text))
        names |= set(re.findall(r"""date_field\([^,]+, ["']([a-z_]+)["']\)""", text))
    return names - {"--date", "--since"}


def test_messages_name_fields_and_actions_in_words_not_identifiers() -> None:
    from ocop_desktop.services.permissions import Permission

    fields = service_fields()
    assert {"full_name", "name", "phone", "commune_code", "submission_date", "criteria_version", "language"} <= fields
    problems = [Problem("auth.not_allowed", {"user": "thuky", "action": p.value}) for p in Permission]
    problems.append(Problem("auth.not_allowed", {"user": "thuky", "action": "export_ballots"}))
    for field in sorted(fields):
        problems += [
            Problem("input.missing_field", {"field": field}, (("field", field),)),
            Problem("input.bad_field", {"field": field, "detail": "unknown"}),
            Problem("registry.bad_phone", {"value": "12"}, (("field", field),)),
            Problem("catalogue.bad_date", {"field": field, "value": "31/02/2026"}),
        ]
    for problem in problems:
        for lang in ("vi", "en"):
            text = describe(problem, lang)
            assert not IDENTIFIER.findall(text.replace("'thuky'", "").replace("«thuky»", "")), (problem, lang, text)


def test_a_missing_full_name_and_a_refused_approval_read_as_sentences() -> None:
    missing = Problem("input.missing_field", {"field": "full_name"})
    assert describe(missing, "vi") == "Chưa điền «họ và tên»"
    assert describe(missing, "en") == "'full name' is not filled in"
    refused = Problem("auth.not_allowed", {"user": "thuky", "action": "approve_result"})
    assert describe(refused, "vi") == "Tài khoản «thuky» không có quyền duyệt kết quả"
    assert describe(refused, "en") == "Account 'thuky' may not approve the result"
    at_field = Problem("input.missing_field", {"field": "name"}, (("field", "name"),))
    assert describe(at_field, "vi") == "Chưa điền «tên»"  # the field is not named twice


def test_english_counts_take_the_singular_for_one() -> None:
    from ocop_desktop.messages import ui_text

    assert ui_text("problems_found", "en", count=1) == "1 problem"
    assert ui_text("problems_found", "en", count=3) == "3 problems"
    assert ui_text("problems_found", "vi", count=1) == "1 lỗi"
    assert ui_text("province.stars", "en", stars=1) == "1 star"
    assert ui_text("ballots_line", "en", sheet="A", total="1.5", parts="…") == "A: 1.5 points (…)"
    assert describe(Problem("import.rows_kept", {"count": 1, "table": "t"}), "en").startswith("1 row of table t is")


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "vi"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB"}, "en"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "POSIX"}, "vi"),
        ({"LANG": "de_DE.UTF-8"}, "vi"),
        ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": ""}, "en"),
    ],
)
def test_the_command_line_follows_the_language_the_system_names(environ: dict[str, str], lang: str) -> None:
    assert language_of(environ) == lang
