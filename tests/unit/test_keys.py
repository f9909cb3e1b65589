"""The council's key at rest: sealed under the passphrase (Argon2id → AES-256-GCM), owner-only, the public half in
clear; a wrong passphrase, a short one, an edited or foreign key file are messages; an older unencrypted key keeps
signing and is converted, the same key pair, the first time a passphrase is set. Public key files in both forms."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.persistence import keys
from tests.builders import TEST_PASSPHRASE

PASSPHRASE = "trà xanh Tân Cương 2026"


def codes(info: pytest.ExceptionInfo[UserFacingError]) -> list[str]:
    return [p.code for p in info.value.problems]


def test_the_key_file_holds_the_public_key_in_clear_and_the_private_key_sealed(tmp_path: Path) -> None:
    key = keys.create_key(PASSPHRASE, tmp_path, issuer="Hội đồng OCOP huyện Đại Từ")
    path = tmp_path / keys.KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "ocop-council-key" and document["algorithm"] == "Ed25519"
    assert document["public_key"] == keys.b64(key.public_raw) and document["key_id"] == key.key_id
    assert document["created"] == dt.date.today().isoformat()
    assert document["issuer"] == "Hội đồng OCOP huyện Đại Từ"
    assert document["kdf"]["name"] == "argon2id" and len(keys.unb64(document["kdf"]["salt"])) == 16
    assert (document["kdf"]["memory_kib"], document["kdf"]["iterations"]) == (
        keys.DEFAULT_KDF.memory_kib,
        keys.DEFAULT_KDF.iterations,
    )
    assert document["cipher"]["name"] == "aes-256-gcm" and len(keys.unb64(document["cipher"]["nonce"])) == 12
    private_raw = key.private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    text = path.read_bytes()
    for form in (private_raw, private_raw.hex().encode(), base64.urlsafe_b64encode(private_raw).rstrip(b"=")):
        assert form not in text
    stored = keys.stored_key(tmp_path)
    assert stored is not None and stored.protected and stored.key_id == key.key_id


def test_the_production_cost_is_at_least_64_mib_and_three_passes() -> None:
    """The tests lower the cost (conftest); the module's own default is what a council gets."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ocop_desktop.persistence.keys import DEFAULT_KDF as k; print(k.memory_kib, k.iterations, k.lanes)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    memory, iterations, lanes = map(int, out)
    assert memory >= 64 * 1024 and iterations >= 3 and lanes >= 1


def test_unlocking_needs_the_right_passphrase_and_keeps_the_key_for_the_session(tmp_path: Path) -> None:
    made = keys.create_key(PASSPHRASE, tmp_path)
    keys.forget_unlocked_keys()
    with pytest.raises(UserFacingError) as info:
        keys.installation_key(tmp_path)
    assert codes(info) == ["key.locked"]
    with pytest.raises(UserFacingError) as info:
        keys.unlock_key("trà xanh Tân Cương 2025", tmp_path)
    assert codes(info) == ["key.wrong_passphrase"]
    opened = keys.unlock_key(PASSPHRASE, tmp_path)
    assert opened.public_raw == made.public_raw
    assert keys.installation_key(tmp_path) is opened
    message = b"giay chung nhan"
    assert keys.verify_signature(made.public_raw, opened.sign(message), message)


def test_a_passphrase_typed_decomposed_opens_the_key(tmp_path: Path) -> None:
    keys.create_key(PASSPHRASE, tmp_path)
    keys.forget_unlocked_keys()
    assert keys.unlock_key(unicodedata.normalize("NFD", PASSPHRASE), tmp_path).key_id


def test_short_passphrases_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError) as info:
        keys.create_key("ngắn quá", tmp_path)
    assert codes(info) == ["key.passphrase_too_short"]
    assert info.value.problems[0].params["minimum"] == keys.MIN_PASSPHRASE == 10
    assert not (tmp_path / keys.KEY_FILE).exists()


def test_no_key_and_a_second_key(tmp_path: Path) -> None:
    assert keys.stored_key(tmp_path) is None
    with pytest.raises(UserFacingError) as info:
        keys.change_passphrase("", PASSPHRASE, tmp_path)  # changing is not creating
    assert codes(info) == ["key.none"]
    with pytest.raises(UserFacingError) as info:
        keys.installation_key(tmp_path)
    assert codes(info) == ["key.none"]
    assert not any(tmp_path.iterdir())  # asking creates nothing
    made = keys.create_key(PASSPHRASE, tmp_path)
    with pytest.raises(UserFacingError) as info:
        keys.create_key(PASSPHRASE, tmp_path)
    assert codes(info) == ["key.exists"] and info.value.problems[0].params["key_id"] == made.key_id


def test_changing_the_passphrase_keeps_the_key_pair(tmp_path: Path) -> None:
    made = keys.create_key(PASSPHRASE, tmp_path)
    before = json.loads((tmp_path / keys.KEY_FILE).read_text(encoding="utf-8"))
    with pytest.raises(UserFacingError) as info:
        keys.change_passphrase("không phải cụm này", "cụm mật khẩu mới 2027", tmp_path)
    assert codes(info) == ["key.wrong_passphrase"]
    keys.change_passphrase(PASSPHRASE, "cụm mật khẩu mới 2027", tmp_path)
    after = json.loads((tmp_path / keys.KEY_FILE).read_text(encoding="utf-8"))
    assert after["kdf"]["salt"] != before["kdf"]["salt"] and after["created"] == before["created"]
    assert (tmp_path / keys.KEY_FILE).stat().st_mode & 0o777 == 0o600
    keys.forget_unlocked_keys()
    with pytest.raises(UserFacingError):
        keys.unlock_key(PASSPHRASE, tmp_path)
    assert keys.unlock_key("cụm mật khẩu mới 2027", tmp_path).public_raw == made.public_raw


def _legacy(folder: Path) -> Ed25519PrivateKey:
    """What the earlier versions wrote: an unencrypted PKCS#8 PEM."""
    private = Ed25519PrivateKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / keys.LEGACY_KEY_FILE).write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return private


def test_an_older_unencrypted_key_keeps_signing_and_is_converted_by_the_first_passphrase(tmp_path: Path) -> None:
    private = _legacy(tmp_path)
    os.utime(tmp_path / keys.LEGACY_KEY_FILE, (1_760_000_000, 1_760_000_000))  # made in October 2025
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    stored = keys.stored_key(tmp_path)
    assert stored is not None and not stored.protected and stored.public_raw == public
    assert keys.installation_key(tmp_path).public_raw == public  # no passphrase: there is none yet
    assert public in keys.trusted_issuers(tmp_path)
    converted = keys.change_passphrase("", PASSPHRASE, tmp_path)
    assert converted.public_raw == public
    protected = keys.stored_key(tmp_path)
    assert protected is not None and protected.created == dt.date.fromtimestamp(1_760_000_000)
    assert not (tmp_path / keys.LEGACY_KEY_FILE).exists()
    keys.forget_unlocked_keys()
    with pytest.raises(UserFacingError) as info:
        keys.installation_key(tmp_path)
    assert codes(info) == ["key.locked"]
    assert keys.unlock_key(PASSPHRASE, tmp_path).public_raw == public


def _edit(path: Path, change: dict[str, object]) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    for name, value in change.items():
        if name.startswith("kdf."):
            document["kdf"][name[4:]] = value
        else:
            document[name] = value
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"public_key": keys.b64(bytes(32))}, "key.wrong_passphrase"),  # sealed with the header: it cannot unlock
        ({"created": "2020-01-01"}, "key.wrong_passphrase"),
        ({"kdf.iterations": 2}, "key.wrong_passphrase"),
        ({"kdf.memory_kib": 64 * 1024 * 1024}, "key.damaged"),  # 64 GiB asked for: refused, not attempted
        ({"kdf.lanes": True}, "key.damaged"),
        ({"version": 2}, "key.newer_format"),
        ({"format": "something-else"}, "key.damaged"),
        ({"public_key": "not base64 !"}, "key.damaged"),
    ],
)
def test_an_edited_key_file_never_unlocks(tmp_path: Path, change: dict[str, object], code: str) -> None:
    keys.create_key(PASSPHRASE, tmp_path)
    keys.forget_unlocked_keys()
    _edit(tmp_path / keys.KEY_FILE, change)
    with pytest.raises(UserFacingError) as info:
        keys.unlock_key(PASSPHRASE, tmp_path)
    assert codes(info) == [code]


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"{", b"[]", b"x" * (keys.MAX_KEY_FILE + 1)])
def test_a_damaged_key_file_is_a_message(tmp_path: Path, content: bytes) -> None:
    (tmp_path / keys.KEY_FILE).write_bytes(content)
    with pytest.raises(UserFacingError) as info:
        keys.stored_key(tmp_path)
    assert codes(info) == ["key.damaged"]
    assert keys.trusted_issuers(tmp_path) == {}  # verifying still works


def test_public_key_files_in_both_forms(tmp_path: Path) -> None:
    key = keys.create_key(TEST_PASSPHRASE, tmp_path / "council")
    document = keys.public_key_document(key, "Hội đồng OCOP huyện Phú Lương", dt.date(2026, 11, 2))
    found = keys.read_public_key(document)
    assert (found.public_raw, found.issuer, found.created) == (
        key.public_raw,
        "Hội đồng OCOP huyện Phú Lương",
        dt.date(2026, 11, 2),
    )
    line = keys.read_public_key(keys.public_key_line(key, "UBND tỉnh Thái Nguyên"))
    assert (line.public_raw, line.issuer, line.created) == (key.public_raw, "UBND tỉnh Thái Nguyên", None)
    wrong_id = json.loads(document)
    wrong_id["key_id"] = "0000-0000-0000-0000"
    for bad in (json.dumps(wrong_id), "{}", "abc Tên", keys.b64(bytes(31)) + " Tên", '{"format": "ocop-public-key"}'):
        with pytest.raises((ValueError, TypeError)):
            keys.read_public_key(bad)


def test_the_registry_lists_names_dates_and_revocations(tmp_path: Path) -> None:
    province = tmp_path / "province"
    first = keys.create_key(TEST_PASSPHRASE, tmp_path / "a")
    second = keys.create_key(TEST_PASSPHRASE, tmp_path / "b")
    keys.trust_public_key(keys.public_key_document(first, "Hội đồng Đại Từ", None), province, source="a.json")
    keys.trust_public_key(keys.public_key_line(second, "Hội đồng Phú Lương"), province)
    keys.revoke_key(second.key_id, dt.date(2026, 12, 1), "mất máy", province)
    listed = keys.trusted_keys(province)
    assert [(e.issuer, e.key_id, e.added) for e in listed] == [
        ("Hội đồng Đại Từ", first.key_id, dt.date.today()),
        ("Hội đồng Phú Lương", second.key_id, dt.date.today()),
    ]
    assert listed[0].revoked is None
    assert listed[1].revoked == keys.Revocation(dt.date(2026, 12, 1), "mất máy")
    assert keys.trusted_issuers(province) == {
        first.public_raw: "Hội đồng Đại Từ",
        second.public_raw: "Hội đồng Phú Lương",
    }


@pytest.mark.parametrize("written", ["{not json", '{"reason": "x"}', '{"since": "31/12/2025"}', "[" * 60000, "[]"])
def test_a_damaged_revocation_record_is_said_by_file_never_read_as_no_revocation(tmp_path: Path, written: str) -> None:
    """A hand-edited or truncated `<KEY-ID>.revoked` once raised a bare ValueError/KeyError (or RecursionError)."""
    province = tmp_path / "province"
    key = keys.create_key(TEST_PASSPHRASE, tmp_path / "a")
    keys.trust_public_key(keys.public_key_line(key, "Hội đồng Đại Từ"), province)
    record = province / keys.TRUSTED_DIR / f"{key.key_id}.revoked"
    record.write_text(written, encoding="utf-8")
    with pytest.raises(UserFacingError) as said:
        keys.revocation(key.public_raw, province)
    (problem,) = said.value.problems
    assert problem.code == "key.revocation_damaged" and dict(problem.location)["file"] == str(record)


@pytest.mark.parametrize("deep", ["[" * 60000, '{"a":' * 30000])
def test_a_deeply_nested_key_file_is_damaged_not_a_recursion_error(tmp_path: Path, deep: str) -> None:
    path = tmp_path / keys.KEY_FILE
    path.write_text(deep, encoding="utf-8")
    with pytest.raises(UserFacingError):
        keys.unlock_key(TEST_PASSPHRASE, tmp_path)
    with pytest.raises(UserFacingError):
        keys.read_public_key('{"a":' * 30000)
