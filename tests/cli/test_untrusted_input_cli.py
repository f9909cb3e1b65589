"""Issue 14, point 9, on the command line: input built to crash a parser — 100,000-deep JSON, a 5,000-digit
number, '²' where a number is expected — is refused by name, never with the last-resort "unexpected error"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run

DEEP = "[" * 100_000 + "]" * 100_000
HUGE = '{"members": [' + "9" * 5000 + "]}"


@pytest.mark.parametrize(("text", "said"), [(DEEP, "nests deeper than"), (HUGE, "more than 4300 digits")])
def test_score_and_criteria_validate_name_a_hostile_json(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "bom.json"
    path.write_text(text, encoding="utf-8")
    for args in (("score", "--ballots", str(path)), ("criteria", "validate", str(path))):
        proc = run(*args, "--lang", "en")
        assert proc.returncode not in (0, 70), proc.stderr
        assert said in proc.stderr and "bom.json" in proc.stderr, proc.stderr
        assert "Unexpected" not in proc.stderr and "Traceback" not in proc.stderr


def test_verify_certificate_calls_a_hostile_payload_invalid() -> None:
    for payload in (DEEP[:4000], "[" * 2000 + "]" * 2000, HUGE):
        proc = run("verify-certificate", "--payload", payload, "--lang", "en")
        assert "Traceback" not in proc.stderr and "Unexpected" not in proc.stderr, proc.stderr[-300:]
        assert proc.returncode != 70
