"""The signed payload a certificate's QR code carries, and its offline verification.

The payload is readable JSON (a phone's camera app shows the product, stars and dates as they are) holding the
certificate's fields, the issuing installation's public key (`khoa`) and an Ed25519 signature (`ky`) over the
canonical JSON of everything else. Verification: the signature must hold for the key it names (else "invalid": the
text was edited or forged), and the key must be one this installation trusts (else "unknown issuer")."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.text import nfc
from ocop_desktop.persistence.keys import InstallationKey, b64, key_id, trusted_issuers, unb64, verify_signature

KIND = "GCN-OCOP"
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
    """Valid, invalid or from an unknown issuer, with the fields as the payload states them."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError:
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
    return Verification(seal, fields, key_id(public_raw), issuer)
