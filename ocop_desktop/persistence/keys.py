"""The installation's Ed25519 signing key and the public keys of issuers it trusts.

The private key is made on first use and kept in the person's data folder (never in the data file, which travels
to the province); certificates and exchange files carry the public key, and another installation trusts it once its
public key file is placed in `trusted-issuers/` (or imported). Nothing here opens a network connection."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ocop_desktop.paths import user_data_dir, written_atomically

KEY_FILE = "installation-key.pem"
TRUSTED_DIR = "trusted-issuers"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_raw: bytes) -> str:
    """A short fingerprint people can read aloud on the telephone to compare keys: 16 hex digits in 4 groups."""
    digest = hashlib.sha256(public_raw).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class InstallationKey:
    private: Ed25519PrivateKey
    public_raw: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def installation_key(folder: Path | None = None) -> InstallationKey:
    """The key of this installation, made and saved (owner-only, written atomically) the first time it is asked for."""
    folder = folder or user_data_dir()
    path = folder / KEY_FILE
    if path.exists():
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        private = loaded
    else:
        folder.mkdir(parents=True, exist_ok=True)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        with written_atomically(path) as tmp:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
    public_raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return InstallationKey(private, public_raw)


def trusted_issuers(folder: Path | None = None) -> dict[bytes, str]:
    """Public keys this installation accepts, each with the name its file gives the issuer; its own key is there
    with an empty name (the caller says "this installation" in the person's language).
    A trusted key file is one line `<base64url raw public key> <issuer name>`, as `export_public_key` writes it."""
    folder = folder or user_data_dir()
    # checking needs no key of one's own: an inspector's laptop that only verifies never makes one
    keys = {installation_key(folder).public_raw: ""} if (folder / KEY_FILE).exists() else {}
    directory = folder / TRUSTED_DIR
    if directory.is_dir():
        for file in sorted(directory.glob("*.txt")):
            text = file.read_text(encoding="utf-8").strip()
            encoded, _, name = text.partition(" ")
            try:
                raw = unb64(encoded)
            except ValueError:
                continue
            if len(raw) == 32:
                keys[raw] = name.strip() or file.stem
    return keys


def public_key_line(key: InstallationKey, issuer: str) -> str:
    """What another installation puts in its trusted-issuers folder to accept this one's signatures."""
    return f"{b64(key.public_raw)} {issuer}\n"


def verify_signature(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def trust_public_key(line: str, folder: Path | None = None) -> tuple[str, str]:
    """Add an issuer's public key line to the trusted issuers; returns (key id, issuer name). Raises ValueError
    when the line is not a 32-byte Ed25519 public key followed by a name."""
    folder = folder or user_data_dir()
    encoded, _, name = line.strip().partition(" ")
    raw = unb64(encoded)
    if len(raw) != 32:
        raise ValueError("not an Ed25519 public key")
    directory = folder / TRUSTED_DIR
    directory.mkdir(parents=True, exist_ok=True)
    identifier = key_id(raw)
    with written_atomically(directory / f"{identifier}.txt") as tmp:
        tmp.write_text(f"{b64(raw)} {name.strip()}\n", encoding="utf-8")
    return identifier, name.strip() or identifier


@dataclass(frozen=True)
class Revocation:
    """A trusted key withdrawn from a date: what it signed from that date on is refused; what it signed before is
    accepted and flagged (the signing date is the signer's word, so a stolen key can backdate)."""

    since: dt.date
    reason: str


def revocation(public_raw: bytes, folder: Path | None = None) -> Revocation | None:
    """The revocation recorded for a trusted key (`trusted-issuers/<KEY-ID>.revoked`, JSON), if any."""
    path = (folder or user_data_dir()) / TRUSTED_DIR / f"{key_id(public_raw)}.revoked"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Revocation(dt.date.fromisoformat(str(data["since"])), str(data.get("reason", "")))


def revoke_key(identifier: str, since: dt.date, reason: str, folder: Path | None = None) -> None:
    """Record that the trusted key `identifier` (its key id) is revoked from `since`."""
    directory = (folder or user_data_dir()) / TRUSTED_DIR
    directory.mkdir(parents=True, exist_ok=True)
    with written_atomically(directory / f"{identifier}.revoked") as tmp:
        tmp.write_text(json.dumps({"since": since.isoformat(), "reason": reason}, ensure_ascii=False), encoding="utf-8")
