"""The signed payload a certificate's QR code carries, and its offline verification.

The payload (QR text) is two lines. The first is what a plain phone scanner shows a person: "0001/2026/GCN-OCOP ·
Chè búp Tân Cương đặc biệt · 4 sao · HTX Chè Tân Cương · đến 02/11/2029". The second holds the rest in the QR
code's alphanumeric alphabet, so the symbol mixes a byte segment (the Vietnamese line) with an alphanumeric one and
stays small (versions 10–11 for the demo's certificates, where the JSON form printed before needed 15–16):
`OCOP1*<product code>*<issue date DDMMYYYY>*<base45 of the 8-byte key id and the 64-byte Ed25519 signature>`.
The signature covers both lines up to the signature itself, so the visible line cannot be altered undetected; the
key is named by its id (the one people read aloud, `persistence.keys.key_id`) and looked up among this
installation's own key and its trusted keys: a key id no trusted key has is an unknown issuer, said plainly, and
the signature cannot be checked until that key is trusted. An id is only a look-up: a forger whose key shares it
still has to sign with the trusted key.

Certificates printed before carry readable JSON with the whole public key (`khoa`) and the signature (`ky`) over
the canonical JSON of everything else; they still verify. Either way: the signature must hold (else "invalid": the
text was edited or forged), the key must be one this installation trusts (else "unknown issuer"), and a key revoked
from a date signs nothing issued on or after it (else "invalid"; issued before, valid with a note)."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain import values
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.messages import ui_text
from ocop_desktop.paths import regular_file, user_data_dir
from ocop_desktop.persistence.keys import (
    TRUSTED_DIR,
    InstallationKey,
    Revocation,
    b64,
    key_id,
    revocation,
    trusted_issuers,
    unb64,
    verify_signature,
)

KIND = "GCN-OCOP"
MAX_PAYLOAD_CHARS = 4096  # a QR code holds less
FIELDS = ("so", "ma_sp", "san_pham", "chu_the", "sao", "qd", "ngay_cap", "het_han")  # in the order shown

FORMAT = "OCOP1"  # the second line's first word: this compact form, version 1
DOMAIN = b"OCOP-GCN/1\n"  # signed before the text, so no signature the key makes for anything else fits here
SEPARATOR = " · "
OPENER = "GCN OCOP "  # before a certificate number that does not itself say OCOP
KEY_ID_BYTES = 8  # the key id people compare (16 hex digits); a look-up, not what the security rests on
SIGNATURE_BYTES = 64
BLOB_CHARS = (KEY_ID_BYTES + SIGNATURE_BYTES) // 2 * 3  # their base45
BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
PLAIN = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./")  # a product code's characters written as they are
# the holder's legal form as Vietnamese writes it short: the line a phone shows stays short, the QR code small
SHORT_FORMS = (
    ("Hợp tác xã ", "HTX "),
    ("Công ty trách nhiệm hữu hạn ", "Cty TNHH "),
    ("Công ty TNHH ", "Cty TNHH "),
    ("Công ty cổ phần ", "CTCP "),
    ("Hộ kinh doanh ", "HKD "),
    ("Tổ hợp tác ", "THT "),
    ("Doanh nghiệp tư nhân ", "DNTN "),
)


class Seal(enum.StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN_ISSUER = "unknown_issuer"


@dataclass(frozen=True)
class Verification:
    seal: Seal
    fields: Mapping[str, str]
    key_id: str | None
    issuer: str | None  # "" for this installation itself
    revoked: Revocation | None = None  # the key's revocation: INVALID when issued on or after it, else a note
    signature_checked: bool = True  # False: an unknown key id, so the signature could not be checked


def base45_encode(data: bytes) -> str:
    """RFC 9285: two bytes to three characters of the QR code's alphanumeric alphabet."""
    out: list[str] = []
    for start in range(0, len(data), 2):
        pair = data[start : start + 2]
        number = int.from_bytes(pair, "big")
        digits = 3 if len(pair) == 2 else 2
        for _ in range(digits):
            number, digit = divmod(number, 45)
            out.append(BASE45[digit])
    return "".join(out)


def base45_decode(text: str) -> bytes:
    """The bytes of an RFC 9285 text; ValueError for a character outside the alphabet or a group out of range."""
    out = bytearray()
    for start in range(0, len(text), 3):
        group = text[start : start + 3]
        if len(group) == 1 or any(c not in BASE45 for c in group):
            raise ValueError("not base45")
        number = sum(BASE45.index(c) * 45**power for power, c in enumerate(group))
        if number >= (65536 if len(group) == 3 else 256):
            raise ValueError("not base45")
        out += number.to_bytes(len(group) - 1, "big")
    return bytes(out)


def _clean(text: str) -> str:
    """One line, NFC, without the separator's dot (a name holding it could not be read back)."""
    return " ".join(nfc(text).replace("·", "-").split())


def _holder(name: str) -> str:
    for long, short in SHORT_FORMS:
        if name.casefold().startswith(long.casefold()):
            return short + name[len(long) :]
    return name


def _code_text(code: str) -> str:
    """A product code in the alphanumeric alphabet: its other characters as `%` and the base45 of each UTF-8 byte."""
    return "".join(c if c in PLAIN else "".join("%" + base45_encode(bytes([b])) for b in c.encode()) for c in code)


def _code_read(text: str) -> str:
    raw = bytearray()
    index = 0
    while index < len(text):
        if text[index] == "%":
            raw += base45_decode(text[index + 1 : index + 3])
            index += 3
        elif text[index] in PLAIN:
            raw += text[index].encode()
            index += 1
        else:
            raise ValueError("not a product code")
    return raw.decode("utf-8")  # UnicodeDecodeError is a ValueError


def _vi_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


def _lines(fields: Mapping[str, str]) -> tuple[str, str]:
    """The readable line and the second line up to its signature, from the fields as stored (ISO dates)."""
    number = fields["so"]
    shown = number if "OCOP" in number.upper() and not number.startswith(OPENER) else OPENER + number
    line = SEPARATOR.join(
        (shown, fields["san_pham"], f"{fields['sao']} sao", fields["chu_the"], f"đến {_vi_date(fields['het_han'])}")
    )
    issued = dt.date.fromisoformat(fields["ngay_cap"]).strftime("%d%m%Y")
    return line, f"{FORMAT}*{_code_text(fields['ma_sp'])}*{issued}*"


def sign_payload(fields: Mapping[str, str | int], key: InstallationKey) -> str:
    """The QR text for a certificate's fields (so, ma_sp, san_pham, chu_the, sao, ngay_cap and het_han as ISO
    dates): the readable line, then the product code, the issue date, the key id and the signature."""
    clean = {
        "so": _clean(str(fields["so"])),
        "ma_sp": _clean(str(fields["ma_sp"])),
        "san_pham": _clean(str(fields["san_pham"])),
        "chu_the": _holder(_clean(str(fields["chu_the"]))),
        "sao": str(int(fields["sao"])),
        "ngay_cap": str(fields["ngay_cap"]),
        "het_han": str(fields["het_han"]),
    }
    line, head = _lines(clean)
    signed = f"{line}\n{head}"
    signature = key.sign(DOMAIN + signed.encode("utf-8"))
    return signed + base45_encode(_key_id_bytes(key.public_raw) + signature)


def _key_id_bytes(public_raw: bytes) -> bytes:
    return hashlib.sha256(public_raw).digest()[:KEY_ID_BYTES]


def _shown_key_id(raw: bytes) -> str:
    digits = raw.hex().upper()
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def verify_payload(text: str, data_folder: Path | None = None) -> Verification:
    """Valid, invalid or from an unknown issuer, with the fields as the payload states them (dates ISO). Whitespace
    around the text (a reader's line ending, as `zbarimg --raw` prints it) is not part of the payload, nor is the
    carriage return a Windows clipboard puts before the line break."""
    text = text.strip().replace("\r\n", "\n")
    if len(text) > MAX_PAYLOAD_CHARS:
        return Verification(Seal.INVALID, {}, None, None)
    if text.startswith("{"):
        return _verify_json(text, data_folder)
    return _verify_compact(text, data_folder)


def _read_compact(text: str) -> tuple[dict[str, str], str, bytes, bytes] | None:
    """The fields, the signed text, the key id and the signature of a payload in the compact form, when it is
    exactly as `sign_payload` writes it (no spacing, case or encoding variant of it); else None."""
    line, newline, rest = text.partition("\n")
    parts = line.split(SEPARATOR)
    # read from both ends: the escaped product code and the base45 may hold any character of the alphabet, "*" too
    head, tail = rest[:-BLOB_CHARS], rest[-BLOB_CHARS:]
    opening = f"{FORMAT}*"
    if not newline or len(parts) != 5 or not head.startswith(opening) or len(head) < len(opening) + 10:
        return None
    shown, product, stars, holder, until = parts
    try:
        blob = base45_decode(tail)
        fields = {
            "so": shown.removeprefix(OPENER),
            "ma_sp": _code_read(head[len(opening) : -10]),
            "san_pham": product,
            "chu_the": holder,
            "sao": stars.removesuffix(" sao"),
            "ngay_cap": dt.datetime.strptime(head[-9:-1], "%d%m%Y").date().isoformat(),
            "het_han": dt.datetime.strptime(until.removeprefix("đến "), "%d/%m/%Y").date().isoformat(),
        }
        canonical = _lines(fields)
    except ValueError:
        return None
    signed = f"{canonical[0]}\n{canonical[1]}"
    if fields["sao"] not in ("1", "2", "3", "4", "5") or len(blob) != KEY_ID_BYTES + SIGNATURE_BYTES:
        return None
    if signed + base45_encode(blob) != text:
        return None
    return fields, signed, blob[:KEY_ID_BYTES], blob[KEY_ID_BYTES:]


def _verify_compact(text: str, data_folder: Path | None) -> Verification:
    found = _read_compact(text)
    if found is None:
        return Verification(Seal.INVALID, {}, None, None)
    fields, signed, identifier, signature = found
    shown_id = _shown_key_id(identifier)
    candidates = {raw: name for raw, name in trusted_issuers(data_folder).items() if _key_id_bytes(raw) == identifier}
    if not candidates:
        return Verification(Seal.UNKNOWN_ISSUER, fields, shown_id, None, signature_checked=False)
    message = DOMAIN + signed.encode("utf-8")
    for public_raw, issuer in candidates.items():
        if verify_signature(public_raw, signature, message):
            return _revocation_checked(Seal.VALID, fields, public_raw, issuer, data_folder)
    return Verification(Seal.INVALID, fields, shown_id, None)


def _revocation_checked(
    seal: Seal, fields: Mapping[str, str], public_raw: bytes, issuer: str | None, data_folder: Path | None
) -> Verification:
    withdrawn = revocation(public_raw, data_folder)
    if withdrawn is not None and not _issued_before(fields.get("ngay_cap", ""), withdrawn.since):
        seal = Seal.INVALID
    return Verification(seal, fields, key_id(public_raw), issuer, withdrawn)


def _message(fields: Mapping[str, object]) -> bytes:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _verify_json(text: str, data_folder: Path | None) -> Verification:
    """The JSON form printed before the compact one: the whole public key in the payload."""
    try:
        body = values.loads_bounded(text, max_chars=MAX_PAYLOAD_CHARS)
    except (json.JSONDecodeError, ValidationFailed):  # not JSON, or nested or sized to crash a parser
        return Verification(Seal.INVALID, {}, None, None)
    # only the exact text this application writes is accepted: no spacing, key order or base64 variant of it
    if not isinstance(body, dict) or body.get("loai") != KIND or _message(body).decode("utf-8") != text:
        return Verification(Seal.INVALID, {}, None, None)
    fields = {k: str(v) for k, v in body.items() if k in FIELDS}
    signature, public = body.pop("ky", None), body.get("khoa")
    if not isinstance(signature, str) or not isinstance(public, str):
        return Verification(Seal.INVALID, fields, None, None)
    try:
        public_raw, signature_raw = unb64(public), unb64(signature)
    except ValueError:
        return Verification(Seal.INVALID, fields, None, None)
    canonical = b64(public_raw) == public and b64(signature_raw) == signature
    if not canonical or len(public_raw) != 32 or not verify_signature(public_raw, signature_raw, _message(body)):
        return Verification(Seal.INVALID, fields, key_id(public_raw) if len(public_raw) == 32 else None, None)
    issuer = trusted_issuers(data_folder).get(public_raw)
    seal = Seal.UNKNOWN_ISSUER if issuer is None else Seal.VALID
    return _revocation_checked(seal, fields, public_raw, issuer, data_folder)


def _issued_before(issued: str, since: dt.date) -> bool:
    """The signed issue date lies before the revocation date; a date that cannot be read proves nothing."""
    try:
        return dt.date.fromisoformat(issued) < since
    except ValueError:
        return False


MAX_CERTIFICATE_FILE = 50 * 1024 * 1024


def payloads_in_file(path: Path) -> list[str]:
    """The QR texts of a certificate's PDF (every page rendered) or of a photo or scan of one (PNG, JPEG). A PDF is
    known by its name or its opening bytes; anything else is read as a picture. Every refusal names the file:
    not a regular file, too large, unreadable, a PDF that does not open, no picture, a picture too large, no code.
    The readers (ReportLab's module, PDFium) are imported here, not with the window."""
    from pypdfium2 import PdfiumError

    from ocop_desktop.documents.certificate import read_qr_image, read_qr_payloads

    where = (("file", path.name),)
    regular_file(path)
    try:
        if path.stat().st_size > MAX_CERTIFICATE_FILE:
            raise UserFacingError([Problem("certificate.file_too_large", {"limit": "50 MiB"}, where)])
        data = path.read_bytes()
    except OSError as exc:
        raise UserFacingError([Problem("input.unreadable", {"detail": exc.strerror or str(exc)}, where)]) from exc
    try:
        if path.suffix.lower() == ".pdf" or b"%PDF-" in data[:1024]:
            payloads = read_qr_payloads(data)
        else:
            payloads = read_qr_image(data)
    except PdfiumError as exc:
        raise UserFacingError([Problem("certificate.unreadable_pdf", {"detail": str(exc)}, where)]) from exc
    except ValidationFailed as exc:
        raise ValidationFailed([p.at(*where) for p in exc.problems]) from exc
    if not payloads:
        raise UserFacingError([Problem("certificate.no_qr", {}, where)])
    return payloads


def verdict_lines(check: Verification, lang: str) -> list[str]:
    """The verdict as the command line and the window say it: valid (by whom), invalid, unknown issuer or revoked,
    then the certificate's fields as the payload states them (dates as dd/mm/yyyy)."""
    issuer = check.issuer or ui_text("seal.this_installation", lang)
    folder = user_data_dir() / TRUSTED_DIR
    lines = []
    if check.revoked is None or check.seal is not Seal.INVALID:
        code = f"seal.{check.seal.value}" if check.signature_checked else "seal.unknown_key"
        lines.append(ui_text(code, lang, issuer=issuer, key_id=check.key_id, folder=folder))
    if check.revoked is not None:  # issued on or after the revocation: invalid; before: a note
        code = "seal.invalid_revoked" if check.seal is Seal.INVALID else "seal.revoked_later"
        since, reason = format_vi_date(check.revoked.since), check.revoked.reason
        lines.append(ui_text(code, lang, key_id=check.key_id, issuer=issuer, since=since, reason=reason))
    for key in FIELDS:
        if key in check.fields:
            value = check.fields[key]
            if key in ("ngay_cap", "het_han"):
                try:
                    value = format_vi_date(dt.date.fromisoformat(value))
                except ValueError:
                    pass  # shown as the payload states it
            lines.append(f"  {ui_text(f'seal.field.{key}', lang)}: {value}")
    return lines
