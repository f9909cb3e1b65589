"""`ocop-desktop keys …` and the signing commands' passphrase: from a file, the environment or the terminal, else a
message; a council's key exported with its form, trusted elsewhere only after confirming the key id, listed and
revoked; the demo signs with its own demo key; never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop import cli_keys
from ocop_desktop.cli import main
from ocop_desktop.documents import certificate
from ocop_desktop.models import Round
from ocop_desktop.persistence import keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.certificate_seal import Seal, verify_payload
from ocop_desktop.services.council_key import DEMO_KEY_PASSPHRASE
from tests.builders import TEST_PASSPHRASE
from tests.cli.test_cli import COMMAND

PASSPHRASE = "hội đồng OCOP Đại Từ 2026"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder of the test's own, with no key yet and none unlocked."""
    folder = tmp_path / "data"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(folder))
    monkeypatch.delenv("OCOP_KEY_PASSPHRASE", raising=False)
    keys.forget_unlocked_keys()
    yield folder
    keys.forget_unlocked_keys()


def secret(tmp_path: Path, text: str, name: str = "pass.txt") -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def test_show_without_a_key_creates_nothing(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "show"]) == 2
    assert "chưa có khóa ký của hội đồng" in capsys.readouterr().err
    assert not data.exists()


def test_create_show_and_change_the_passphrase(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "keys",
                "create",
                "--issuer",
                "Hội đồng OCOP huyện Đại Từ",
                "--passphrase-file",
                secret(tmp_path, PASSPHRASE),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    stored = keys.stored_key(data)
    assert stored is not None and f"Đã tạo khóa ký {stored.key_id}" in out
    assert main(["keys", "show"]) == 0
    out = capsys.readouterr().out
    assert stored.key_id in out and "Hội đồng OCOP huyện Đại Từ" in out and keys.b64(stored.public_raw) in out
    assert "Argon2id" in out
    assert main(["keys", "create", "--passphrase-file", secret(tmp_path, PASSPHRASE)]) == 2
    assert "đã có khóa ký" in capsys.readouterr().err

    keys.forget_unlocked_keys()
    wrong = secret(tmp_path, "không đúng cụm này", "wrong.txt")
    new = secret(tmp_path, "cụm mật khẩu mới 2027", "new.txt")
    assert main(["keys", "passphrase", "--passphrase-file", wrong, "--new-passphrase-file", new]) == 2
    err = capsys.readouterr().err
    assert "Cụm mật khẩu không đúng" in err and "Traceback" not in err
    assert (
        main(["keys", "passphrase", "--passphrase-file", secret(tmp_path, PASSPHRASE), "--new-passphrase-file", new])
        == 0
    )
    assert "Đã đổi cụm mật khẩu" in capsys.readouterr().out
    keys.forget_unlocked_keys()
    assert keys.unlock_key("cụm mật khẩu mới 2027", data).key_id == stored.key_id


def test_a_short_passphrase_and_typed_twice_differently(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "create", "--passphrase-file", secret(tmp_path, "ngắn")]) == 2
    assert "ít nhất 10 ký tự" in capsys.readouterr().err
    monkeypatch.setattr(cli_keys, "_interactive", lambda: True)
    typed = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr(cli_keys, "_ask", lambda _prompt: next(typed))
    assert main(["keys", "create"]) == 2
    assert "Hai lần nhập cụm mật khẩu không giống nhau" in capsys.readouterr().err
    typed = iter([PASSPHRASE, PASSPHRASE])
    assert main(["keys", "create"]) == 0
    assert keys.stored_key(data) is not None


def test_signing_commands_get_the_passphrase_from_a_file_the_environment_or_the_terminal(
    data: Path,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = keys.create_key(PASSPHRASE, data)
    with Database.open(demo_path) as db:
        round_id = _round(db)
    base = ["documents", "--db", str(demo_path), "--round", round_id, "--kind", "certificates"]

    keys.forget_unlocked_keys()
    assert main([*base, "--out", str(tmp_path / "a")]) == 2
    err = capsys.readouterr().err
    assert "--passphrase-file" in err and "OCOP_KEY_PASSPHRASE" in err and not (tmp_path / "a").exists()

    assert main([*base, "--out", str(tmp_path / "b"), "--passphrase-file", secret(tmp_path, "sai mật khẩu rồi")]) == 2
    assert "Cụm mật khẩu không đúng" in capsys.readouterr().err

    assert main([*base, "--out", str(tmp_path / "c"), "--passphrase-file", secret(tmp_path, PASSPHRASE)]) == 0
    keys.forget_unlocked_keys()
    monkeypatch.setenv("OCOP_KEY_PASSPHRASE", PASSPHRASE)
    assert main([*base, "--out", str(tmp_path / "d")]) == 0
    monkeypatch.delenv("OCOP_KEY_PASSPHRASE")
    keys.forget_unlocked_keys()
    monkeypatch.setattr(cli_keys, "_interactive", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr(cli_keys, "_ask", lambda prompt: asked.append(prompt) or PASSPHRASE)
    assert main([*base, "--out", str(tmp_path / "e")]) == 0
    assert asked == ["Cụm mật khẩu của khóa ký: "]
    for folder in "cde":
        payload = certificate.read_qr_payloads(tmp_path / folder / "giay-chung-nhan.pdf")[0]
        check = verify_payload(payload)
        assert check.seal is Seal.VALID and check.key_id == made.key_id

    keys.forget_unlocked_keys()
    monkeypatch.setenv("OCOP_KEY_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "dot.ocop"
    assert main(["export", "--db", str(demo_path), "--round", round_id, "--out", str(out)]) == 0
    assert main(["verify", str(out)]) == 0
    assert made.key_id in capsys.readouterr().out


def test_documents_without_certificates_need_no_key(
    data: Path, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Database.open(demo_path) as db:
        round_id = _round(db)
    assert (
        main(
            [
                "documents",
                "--db",
                str(demo_path),
                "--round",
                round_id,
                "--kind",
                "feedback",
                "--out",
                str(tmp_path / "out"),
            ]
        )
        == 0
    )
    assert not data.exists()


def test_an_older_unencrypted_key_signs_with_a_reminder_until_a_passphrase_is_set(
    data: Path, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    data.mkdir()
    (data / keys.LEGACY_KEY_FILE).write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    with Database.open(demo_path) as db:
        round_id = _round(db)
    assert (
        main(
            [
                "documents",
                "--db",
                str(demo_path),
                "--round",
                round_id,
                "--kind",
                "certificates",
                "--out",
                str(tmp_path / "old"),
            ]
        )
        == 0
    )
    assert "chưa được bảo vệ bằng cụm mật khẩu" in capsys.readouterr().err
    assert main(["keys", "show"]) == 0
    assert "CHƯA BẢO VỆ" in capsys.readouterr().out
    assert main(["keys", "passphrase", "--new-passphrase-file", secret(tmp_path, PASSPHRASE)]) == 0
    assert "giữ nguyên khóa cũ" in capsys.readouterr().out
    assert not (data / keys.LEGACY_KEY_FILE).exists()
    keys.forget_unlocked_keys()
    assert keys.unlock_key(PASSPHRASE, data).public_raw == public
    # a certificate printed with the old file still verifies with the converted key
    payload = certificate.read_qr_payloads(tmp_path / "old" / "giay-chung-nhan.pdf")[0]
    assert verify_payload(payload).seal is Seal.VALID


def test_export_trust_list_and_revoke(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    council = keys.create_key(PASSPHRASE, data, issuer="Hội đồng OCOP huyện Đại Từ")
    public, form = tmp_path / "khoa.json", tmp_path / "phieu.pdf"
    assert main(["keys", "export", "--out", str(public), "--form", str(form), "--place", "Đại Từ"]) == 0
    out = capsys.readouterr().out
    assert str(public) in out and str(form) in out
    document = json.loads(public.read_text(encoding="utf-8"))
    assert document["key_id"] == council.key_id and document["issuer"] == "Hội đồng OCOP huyện Đại Từ"
    assert document["created"] == dt.date.today().isoformat()
    text = "".join(page.extract_text() for page in PdfReader(form).pages)
    assert council.key_id in text and "Đại Từ, ngày" in text

    province = tmp_path / "province"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(province))
    assert main(["keys", "list"]) == 0
    assert "Chưa có khóa tin cậy nào" in capsys.readouterr().out
    assert main(["keys", "trust", str(public)]) == 2  # not a terminal and no --yes: nothing added
    assert "--yes" in capsys.readouterr().err and not province.exists()
    monkeypatch.setattr(cli_keys, "_interactive", lambda: True)
    prompts: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or "k")
    assert main(["keys", "trust", str(public)]) == 2
    assert council.key_id in prompts[0] and "Hội đồng OCOP huyện Đại Từ" in prompts[0]
    assert "Chưa xác nhận mã khóa" in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda prompt: "c")
    assert main(["keys", "trust", str(public)]) == 0
    assert f"Đã tin cậy khóa {council.key_id}" in capsys.readouterr().out

    other = keys.create_key(TEST_PASSPHRASE, tmp_path / "other")
    old_line = tmp_path / "old.txt"
    old_line.write_text(keys.public_key_line(other, "UBND tỉnh Thái Nguyên"), encoding="utf-8")
    assert main(["keys", "trust", str(old_line), "--yes"]) == 0
    assert main(["keys", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    today = dt.date.today().strftime("%d/%m/%Y")
    assert f"Hội đồng OCOP huyện Đại Từ | {council.key_id} | - | {today} | -" in listing
    assert f"UBND tỉnh Thái Nguyên | {other.key_id} | - | {today} | -" in listing

    assert main(["keys", "revoke", "0000-0000-0000-0000", "--since", "01/12/2026", "--reason", "mất máy"]) == 2
    assert "Không có khóa 0000-0000-0000-0000" in capsys.readouterr().err
    assert main(["keys", "revoke", council.key_id, "--since", "32/12/2026", "--reason", "mất máy"]) == 2
    assert (
        main(
            [
                "keys",
                "revoke",
                council.key_id.lower().replace("-", ""),
                "--since",
                "01/12/2026",
                "--reason",
                "mất máy tính",
            ]
        )
        == 0
    )
    assert "từ ngày 01/12/2026" in capsys.readouterr().out
    assert main(["keys", "list"]) == 0
    assert f"{council.key_id} | - | {today} | 01/12/2026 (mất máy tính)" in capsys.readouterr().out
    revoked = keys.revocation(council.public_raw, province)
    assert revoked == keys.Revocation(dt.date(2026, 12, 1), "mất máy tính")


@pytest.mark.parametrize("content", ["", "không phải khóa", '{"format": "ocop-public-key"}', "\udcff"])
def test_trusting_a_file_that_is_no_public_key_is_a_message(
    data: Path, tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert main(["keys", "trust", str(path), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "không chứa khóa công khai hợp lệ" in err and "Traceback" not in err
    assert main(["keys", "trust", str(tmp_path / "missing.json"), "--yes"]) == 2


def test_the_demo_signs_with_its_own_key_and_says_so(tmp_path: Path) -> None:
    """A real process with the production cost: the demo key sits beside the demo file, its passphrase is printed;
    the person's own installation sees the demo certificates as from an unknown issuer."""
    data = tmp_path / "data"
    proc = subprocess.run(
        [*COMMAND, "demo", "--db", str(tmp_path / "demo.ocopdb"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "OCOP_DESKTOP_DATA": str(data)},
    )
    assert proc.returncode == 0, proc.stderr
    assert DEMO_KEY_PASSPHRASE in proc.stdout and "demo.khoa-mau" in proc.stdout
    demo_key = keys.stored_key(tmp_path / "demo.khoa-mau")
    assert demo_key is not None and demo_key.demo and demo_key.protected
    assert not data.exists()  # the person's own key was neither made nor asked for
    payload = certificate.read_qr_payloads(tmp_path / "out" / "giay-chung-nhan.pdf")[0]
    check = verify_payload(payload, data)
    assert check.seal is Seal.UNKNOWN_ISSUER and check.key_id == demo_key.key_id


def test_the_old_group_name_still_works(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys.create_key(PASSPHRASE, data)
    assert main(["key", "show"]) == 0
    assert "Khóa ký của hội đồng" in capsys.readouterr().out


def test_changing_the_passphrase_from_the_environment_and_the_terminal(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = keys.create_key(PASSPHRASE, data)
    keys.forget_unlocked_keys()
    monkeypatch.setenv("OCOP_KEY_PASSPHRASE", PASSPHRASE)  # the old one; the new one is typed twice
    assert main(["keys", "passphrase"]) == 2
    assert "--passphrase-file" in capsys.readouterr().err
    monkeypatch.setattr(cli_keys, "_interactive", lambda: True)
    typed = iter(["cụm mật khẩu mới 2027", "cụm mật khẩu mới 2027"])
    monkeypatch.setattr(cli_keys, "_ask", lambda _prompt: next(typed))
    assert main(["keys", "passphrase"]) == 0
    keys.forget_unlocked_keys()
    assert keys.unlock_key("cụm mật khẩu mới 2027", data).key_id == made.key_id
