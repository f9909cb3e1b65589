"""The signed payload a certificate's QR code carries, and its offline verification.

The payload is readable JSON (a phone's camera app shows the product, stars and dates as they are) holding the
certificate's fields, the issuing installation's public key (`khoa`) and an Ed25519 signature (`ky`) over the
canonical JSON of everything else. Verification: the signature must hold for the key it names (else "invalid": the
text was edited or forged), the key must be one this installation trusts (else "unknown issuer"), and a key revoked
from a date signs nothing issued on or after it (else "invalid"; issued before, valid with a note)."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.persistence.keys import (
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


def _message(fields: Mapping[str, object]) -> bytes:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign_payload(fields: Mapping[str, str | int], key: InstallationKey) -> str:
    """The QR text: the fields (NFC), the kind, the public key, and the signature over all of them."""
    body: dict[str, object] = {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}
    body["loai"] = KIND
    body["khoa"] = b64(key.public_raw)
    body["ky"] = b64(key.sign(_message(body)))
    return _message(body).decode("utf-8")


def verify_payload(text: str, data_folder: Path | None = None) -> Verification:
    """Valid, invalid or from an unknown issuer, with the fields as the payload states them. Whitespace around the
    text (a reader's line ending, as `zbarimg --raw` prints it) is not part of the payload."""
    text = text.strip()
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
    withdrawn = revocation(public_raw, data_folder)
    if withdrawn is not None and not _issued_before(fields.get("ngay_cap", ""), withdrawn.since):
        seal = Seal.INVALID
    return Verification(seal, fields, key_id(public_raw), issuer, withdrawn)


def _issued_before(issued: str, since: dt.date) -> bool:
    """The signed issue date lies before the revocation date; a date that cannot be read proves nothing."""
    try:
        return dt.date.fromisoformat(issued) < since
    except ValueError:
        return False
