"""The compact QR payload: base45 as RFC 9285 gives it; any certificate's fields (product codes with Vietnamese or
lower-case letters, names holding the separator's dot or line breaks, a number that does not say OCOP) read back as
signed and verify; every fact of the readable line is covered by the signature; a text that is not exactly what
was signed, or names a key none trusts, is never valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_desktop.persistence import keys
from ocop_desktop.services.certificate_seal import (
    Seal,
    base45_decode,
    base45_encode,
    sign_payload,
    verify_payload,
)
from tests.builders import council_key

FIELDS = {
    "so": "0001/2026/GCN-OCOP",
    "ma_sp": "19-05503-1-2026",
    "san_pham": "Chè búp Tân Cương đặc biệt",
    "chu_the": "Hợp tác xã Chè Tân Cương",
    "sao": 4,
    "ngay_cap": "2026-11-02",
    "het_han": "2029-11-02",
}


@pytest.fixture
def signer(tmp_path: Path) -> tuple[keys.InstallationKey, Path]:
    return council_key(tmp_path / "council"), tmp_path / "council"


@pytest.mark.parametrize(
    ("raw", "text"), [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0")]
)
def test_base45_is_rfc_9285(raw: bytes, text: str) -> None:
    assert base45_encode(raw) == text and base45_decode(text) == raw


@pytest.mark.parametrize("text", ["GGW", "ZZZ", "A", "ab1", "BB8 ?"])
def test_what_is_not_base45_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        base45_decode(text)


def test_the_readable_line_and_what_reads_back(signer: tuple[keys.InstallationKey, Path]) -> None:
    key, folder = signer
    payload = sign_payload(FIELDS, key)
    line, rest = payload.split("\n")
    assert line == "0001/2026/GCN-OCOP · Chè búp Tân Cương đặc biệt · 4 sao · HTX Chè Tân Cương · đến 02/11/2029"
    assert rest.startswith("OCOP1*19-05503-1-2026*02112026*") and len(rest) == 31 + 108
    check = verify_payload(payload, folder)
    assert check.seal is Seal.VALID and check.key_id == key.key_id and check.issuer == ""
    assert verify_payload(payload.replace("\n", "\r\n") + "\r\n", folder).seal is Seal.VALID  # a Windows clipboard
    assert dict(check.fields) == {**FIELDS, "sao": "4", "chu_the": "HTX Chè Tân Cương"}
    for fact, other in (
        ("0001/2026", "0002/2026"),
        ("Chè búp", "Chè bụp"),
        (" 4 sao", " 5 sao"),
        ("HTX Chè", "HTX Trà"),
        ("02/11/2029", "02/11/2030"),
        ("19-05503", "19-05504"),
        ("*02112026*", "*03112026*"),
    ):
        assert verify_payload(payload.replace(fact, other, 1), folder).seal is Seal.INVALID, fact


def test_odd_fields_are_written_so_that_they_read_back(signer: tuple[keys.InstallationKey, Path]) -> None:
    key, folder = signer
    fields = {
        **FIELDS,
        "so": "12/QĐ",  # says nothing of OCOP: the line opens with "GCN OCOP"
        "ma_sp": "sp-Đ*01 ă",  # lower case, Vietnamese, the field separator and a space: escaped
        "san_pham": "Mật ong · hoa\ncà phê",  # the separator's dot and a line break
        "chu_the": "Công ty TNHH  Nông sản",
        "sao": "3",
    }
    payload = sign_payload(fields, key)
    assert payload.startswith("GCN OCOP 12/QĐ · Mật ong - hoa cà phê · 3 sao · Cty TNHH Nông sản · đến ")
    assert all(c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" for c in payload.split("\n")[1])
    check = verify_payload(payload, folder)
    assert check.seal is Seal.VALID
    assert check.fields["so"] == "12/QĐ" and check.fields["ma_sp"] == "sp-Đ*01 ă"
    assert check.fields["san_pham"] == "Mật ong - hoa cà phê" and check.fields["chu_the"] == "Cty TNHH Nông sản"
    number = sign_payload({**FIELDS, "so": "GCN OCOP 7"}, key)  # opens with the opener itself: written twice
    assert number.startswith("GCN OCOP GCN OCOP 7 · ") and verify_payload(number, folder).fields["so"] == "GCN OCOP 7"


def test_a_key_nobody_trusts_and_a_forged_key_id(signer: tuple[keys.InstallationKey, Path], tmp_path: Path) -> None:
    key, folder = signer
    payload = sign_payload(FIELDS, key)
    check = verify_payload(payload, tmp_path / "elsewhere")
    assert check.seal is Seal.UNKNOWN_ISSUER and not check.signature_checked and check.key_id == key.key_id
    # a forger signs with his own key and writes the trusted key's id: the trusted key does not verify it
    forger = council_key(tmp_path / "forger")
    forged = sign_payload({**FIELDS, "sao": 5}, forger)
    real_id = payload[-108:-96]
    assert verify_payload(forged[:-108] + real_id + forged[-96:], folder).seal is Seal.INVALID


def test_a_revoked_key_signs_nothing_from_its_date(signer: tuple[keys.InstallationKey, Path], tmp_path: Path) -> None:
    key, _folder = signer
    province = tmp_path / "province"
    key_id, _name = keys.trust_public_key(keys.public_key_line(key, "UBND tỉnh Thái Nguyên"), province)
    payload = sign_payload(FIELDS, key)
    keys.revoke_key(key_id, dt.date(2026, 11, 2), "lộ khóa", province)
    assert verify_payload(payload, province).seal is Seal.INVALID
    keys.revoke_key(key_id, dt.date(2026, 11, 3), "lộ khóa", province)
    check = verify_payload(payload, province)
    assert check.seal is Seal.VALID and check.revoked is not None


NAME = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.tuples(NAME, NAME, NAME, NAME), stars=st.integers(1, 5), days=st.integers(0, 20000))
def test_any_certificate_reads_back_valid(
    signer: tuple[keys.InstallationKey, Path], names: tuple[str, str, str, str], stars: int, days: int
) -> None:
    """Number, product code, product and holder of any text."""
    key, folder = signer
    number, code, product, holder = names
    issued = dt.date(2000, 1, 1) + dt.timedelta(days=days)
    fields = {
        **FIELDS,
        "so": number,
        "ma_sp": code,
        "san_pham": product,
        "chu_the": holder,
        "sao": stars,
        "ngay_cap": issued.isoformat(),
        "het_han": (issued + dt.timedelta(days=1095)).isoformat(),
    }
    payload = sign_payload(fields, key)
    check = verify_payload(payload, folder)
    assert check.seal is Seal.VALID, payload
    assert check.fields["sao"] == str(stars) and check.fields["ngay_cap"] == issued.isoformat()
    raised = payload.replace(f" · {stars} sao · ", f" · {stars % 5 + 1} sao · ", 1)  # names hold no "·"
    assert verify_payload(raised, folder).seal is Seal.INVALID
