"""The council's Ed25519 signing key, kept encrypted under the chair's passphrase, and the public keys of issuers
this installation trusts.

The private key lives in the person's data folder (never in the data file, which travels to the province) as
`council-key.json`: Argon2id turns the passphrase into an AES-256-GCM key that seals the raw 32-byte private key;
the salt, the KDF parameters, the nonce, the public key and the creation date sit beside it in clear, so showing and
verifying need no passphrase. A key once unlocked stays in this process's memory only (`installation_key`).
An older installation's unencrypted `installation-key.pem` still signs until a passphrase is set, which converts it
(the same key pair, so certificates already printed stay valid) and removes it. Nothing here opens a network
connection."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.domain.text import nfc, vi_sort_key
from ocop_desktop.paths import user_data_dir, written_atomically

KEY_FILE = "council-key.json"
LEGACY_KEY_FILE = "installation-key.pem"
TRUSTED_DIR = "trusted-issuers"
KEY_FORMAT = "ocop-council-key"
KEY_FORMAT_VERSION = 1
MIN_PASSPHRASE = 10
MAX_PASSPHRASE = 1024
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored in each key file so that it can be raised later without losing older keys."""

    memory_kib: int
    iterations: int
    lanes: int


# OWASP's second Argon2id profile raised to 64 MiB (about 0.2 s here): tests lower it through this name
DEFAULT_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
# what a key file may ask for: a file claiming more is refused rather than allowed to exhaust the memory
KDF_LIMITS = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_raw: bytes) -> str:
    """A short fingerprint people can read aloud on the telephone to compare keys: 16 hex digits in 4 groups."""
    digest = hashlib.sha256(public_raw).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _problem(code: str, **params: object) -> UserFacingError:
    return UserFacingError([Problem(code, params)])


@dataclass(frozen=True)
class InstallationKey:
    """An unlocked signing key (only ever in memory)."""

    private: Ed25519PrivateKey
    public_raw: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


@dataclass(frozen=True)
class StoredKey:
    """What the data folder says about its key without a passphrase: the public half, when it was made, the issuer
    name given to it, and whether it is protected (False for an older installation's unencrypted PEM)."""

    public_raw: bytes
    created: dt.date | None
    issuer: str
    protected: bool
    demo: bool

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)


def _public_raw(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _private_raw(private: Ed25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def check_passphrase(passphrase: str) -> str:
    """The passphrase as used (NFC: Vietnamese typed through different input methods gives the same bytes), or the
    problem with it."""
    text = nfc(passphrase)
    if len(text) < MIN_PASSPHRASE:
        raise _problem("key.passphrase_too_short", minimum=MIN_PASSPHRASE)
    if len(text) > MAX_PASSPHRASE:
        raise _problem("key.passphrase_too_long", maximum=MAX_PASSPHRASE)
    return text


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt, length=32, iterations=kdf.iterations, lanes=kdf.lanes, memory_cost=kdf.memory_kib
    ).derive(nfc(passphrase).encode("utf-8"))


def _header(document: dict[str, object]) -> bytes:
    """The associated data of the seal: everything in clear but the issuer name, so that a public key or a cost
    edited in the file makes the passphrase fail instead of unlocking a key that does not match."""
    fields = {k: document[k] for k in ("format", "version", "algorithm", "public_key", "created", "kdf", "demo")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _write_private(path: Path, data: bytes) -> None:
    """Owner-only from the first byte (0600), whole or not at all."""
    with written_atomically(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def _seal(
    private: Ed25519PrivateKey,
    passphrase: str,
    *,
    created: dt.date,
    issuer: str,
    demo: bool,
    kdf: KdfParams | None = None,
) -> bytes:
    kdf = kdf or DEFAULT_KDF
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    document: dict[str, object] = {
        "format": KEY_FORMAT,
        "version": KEY_FORMAT_VERSION,
        "algorithm": "Ed25519",
        "key_id": key_id(_public_raw(private)),
        "public_key": b64(_public_raw(private)),
        "created": created.isoformat(),
        "issuer": nfc(issuer.strip()),
        "demo": demo,
        "kdf": {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": b64(salt),
        },
    }
    sealed = AESGCM(_derive(passphrase, salt, kdf)).encrypt(nonce, _private_raw(private), _header(document))
    document["cipher"] = {"name": "aes-256-gcm", "nonce": b64(nonce), "ciphertext": b64(sealed)}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _folder(folder: Path | None) -> Path:
    return folder or user_data_dir()


def _read_document(path: Path) -> dict[str, Any]:
    """The key file, its shape checked: a damaged or foreign file is a message, not a traceback."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_KEY_FILE:
            raise ValueError("too large")
        document = values.loads_bounded(raw.decode("utf-8"))  # 64 KiB of "[" nests past Python's recursion limit
        if not isinstance(document, dict) or document.get("format") != KEY_FORMAT:
            raise ValueError("not a key file")
        if document.get("version") != KEY_FORMAT_VERSION:
            raise _problem("key.newer_format", version=str(document.get("version")))
        kdf, cipher = document["kdf"], document["cipher"]
        if not isinstance(kdf, dict) or not isinstance(cipher, dict) or kdf.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        if cipher.get("name") != "aes-256-gcm" or len(unb64(str(document["public_key"]))) != 32:
            raise ValueError("unknown cipher")
        for name in ("memory_kib", "iterations", "lanes"):
            value = kdf[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= getattr(KDF_LIMITS, name):
                raise ValueError(f"bad {name}")
        dt.date.fromisoformat(str(document["created"]))
    except UserFacingError:
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise UserFacingError([Problem("key.damaged", {"detail": str(exc)}, (("file", str(path)),))]) from exc
    return document


def _load_legacy(path: Path) -> Ed25519PrivateKey:
    try:
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise UserFacingError([Problem("key.damaged", {"detail": str(exc)}, (("file", str(path)),))]) from exc
    if not isinstance(loaded, Ed25519PrivateKey):
        raise UserFacingError([Problem("key.damaged", {"detail": "not Ed25519"}, (("file", str(path)),))])
    return loaded


def stored_key(folder: Path | None = None) -> StoredKey | None:
    """The key of the data folder as it is stored (None when there is none); asks for nothing, creates nothing."""
    folder = _folder(folder)
    path = folder / KEY_FILE
    if path.exists():
        document = _read_document(path)
        return StoredKey(
            unb64(str(document["public_key"])),
            dt.date.fromisoformat(str(document["created"])),
            str(document.get("issuer") or ""),
            protected=True,
            demo=document.get("demo") is True,
        )
    legacy = folder / LEGACY_KEY_FILE
    if legacy.exists():
        return StoredKey(_public_raw(_load_legacy(legacy)), None, "", protected=False, demo=False)
    return None


_unlocked: dict[Path, InstallationKey] = {}
_unlocked_lock = threading.Lock()


def _remember(folder: Path, key: InstallationKey) -> InstallationKey:
    with _unlocked_lock:
        _unlocked[folder.resolve()] = key
    return key


def forget_unlocked_keys() -> None:
    """Lock every key again (the next signature asks for the passphrase)."""
    with _unlocked_lock:
        _unlocked.clear()


def create_key(passphrase: str, folder: Path | None = None, *, issuer: str = "", demo: bool = False) -> InstallationKey:
    """Make the council's key under `passphrase` (or protect an older installation's unencrypted key with it, keeping
    the same key pair, then remove the PEM); refused when a protected key is already there."""
    folder = _folder(folder)
    passphrase = check_passphrase(passphrase)
    path, legacy = folder / KEY_FILE, folder / LEGACY_KEY_FILE
    if path.exists():
        raise _problem("key.exists", key_id=key_id(unb64(str(_read_document(path)["public_key"]))))
    if legacy.exists():  # made when the older file was written
        private, created = _load_legacy(legacy), dt.date.fromtimestamp(legacy.stat().st_mtime)
    else:
        private, created = Ed25519PrivateKey.generate(), dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    _write_private(path, _seal(private, passphrase, created=created, issuer=issuer, demo=demo))
    legacy.unlink(missing_ok=True)
    return _remember(folder, InstallationKey(private, _public_raw(private)))


def unlock_key(passphrase: str, folder: Path | None = None) -> InstallationKey:
    """The key opened with the passphrase, kept in memory for the rest of this process; a wrong passphrase is a
    message. An unprotected older key needs none."""
    folder = _folder(folder)
    path = folder / KEY_FILE
    if not path.exists():
        legacy = folder / LEGACY_KEY_FILE
        if legacy.exists():
            private = _load_legacy(legacy)
            return _remember(folder, InstallationKey(private, _public_raw(private)))
        raise _problem("key.none")
    document = _read_document(path)
    kdf_fields = document["kdf"]
    cipher = document["cipher"]
    kdf = KdfParams(int(kdf_fields["memory_kib"]), int(kdf_fields["iterations"]), int(kdf_fields["lanes"]))
    try:
        salt, nonce = unb64(str(kdf_fields["salt"])), unb64(str(cipher["nonce"]))
        secret = AESGCM(_derive(passphrase, salt, kdf)).decrypt(
            nonce, unb64(str(cipher["ciphertext"])), _header(document)
        )
        private = Ed25519PrivateKey.from_private_bytes(secret)
    except InvalidTag:
        raise _problem("key.wrong_passphrase") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise UserFacingError([Problem("key.damaged", {"detail": str(exc)}, (("file", str(path)),))]) from exc
    public_raw = _public_raw(private)
    if public_raw != unb64(str(document["public_key"])):
        raise UserFacingError([Problem("key.damaged", {"detail": "public key"}, (("file", str(path)),))])
    return _remember(folder, InstallationKey(private, public_raw))


def change_passphrase(old: str, new: str, folder: Path | None = None) -> InstallationKey:
    """Seal the same key under a new passphrase (fresh salt and nonce, today's default cost). An unprotected older
    key is converted: it has no old passphrase."""
    folder = _folder(folder)
    new = check_passphrase(new)
    path = folder / KEY_FILE
    if not path.exists():
        if not (folder / LEGACY_KEY_FILE).exists():
            raise _problem("key.none")
        return create_key(new, folder)
    key = unlock_key(old, folder)
    stored = stored_key(folder)
    if stored is None:
        raise _problem("key.none")
    created = stored.created or dt.date.today()
    _write_private(path, _seal(key.private, new, created=created, issuer=stored.issuer, demo=stored.demo))
    return key


def set_issuer(issuer: str, folder: Path | None = None) -> None:
    """The name the council gives its key (written on the exported public key file and the registration form);
    it is outside the seal, so no passphrase is needed to change it."""
    path = _folder(folder) / KEY_FILE
    document = _read_document(path)
    document["issuer"] = nfc(issuer.strip())
    _write_private(path, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def installation_key(folder: Path | None = None) -> InstallationKey:
    """The key to sign with: the one unlocked earlier in this process (an older unencrypted key is opened as it
    is). Raises a message when the key is still locked (the caller asks for the passphrase) or there is none."""
    folder = _folder(folder)
    with _unlocked_lock:
        key = _unlocked.get(folder.resolve())
    if key is not None:
        return key
    if (folder / KEY_FILE).exists():
        raise _problem("key.locked")
    if (folder / LEGACY_KEY_FILE).exists():
        return unlock_key("", folder)
    raise _problem("key.none")


def public_key_line(key: InstallationKey | StoredKey, issuer: str) -> str:
    """The older one-line public key file (`<base64url key> <issuer name>`), still accepted by `trust_public_key`."""
    return f"{b64(key.public_raw)} {issuer}\n"


PUBLIC_KEY_FORMAT = "ocop-public-key"


def public_key_document(
    key: InstallationKey | StoredKey | PublicKeyFile,
    issuer: str,
    created: dt.date | None,
    *,
    council_id: str = "",
    council_name: str = "",
) -> str:
    """The public key file a council sends to the province with its registration form: small, readable JSON; with
    the council (id and name) the key signs for, when the council's data file is known, which the province's
    registry then binds the key to."""
    document: dict[str, object] = {
        "format": PUBLIC_KEY_FORMAT,
        "version": 1,
        "algorithm": "Ed25519",
        "issuer": nfc(issuer.strip()),
        "key_id": key_id(key.public_raw),
        "public_key": b64(key.public_raw),
        "created": created.isoformat() if created else None,
    }
    if council_id:
        document |= {"council_id": council_id, "council_name": nfc(council_name.strip())}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class PublicKeyFile:
    public_raw: bytes
    issuer: str
    created: dt.date | None
    council_id: str = ""  # the council the key signs for, when its file says so
    council_name: str = ""

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)


def read_public_key(text: str) -> PublicKeyFile:
    """A public key file in either form (the JSON `public_key_document`, or the older one line). Raises ValueError
    when it holds no 32-byte Ed25519 key, or when its stated key id is not that of its key."""
    text = nfc(text.strip().lstrip("\ufeff"))
    if text.startswith("{"):
        document = values.loads_bounded(text)
        if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
            raise ValueError("not a public key file")
        raw = unb64(str(document.get("public_key", "")))
        created = document.get("created")
        found = PublicKeyFile(raw, str(document.get("issuer") or "").strip(),
                              dt.date.fromisoformat(created) if isinstance(created, str) else None,
                              str(document.get("council_id") or "").strip(),
                              str(document.get("council_name") or "").strip())  # fmt: skip
        if len(raw) == 32 and document.get("key_id") not in (None, found.key_id):
            raise ValueError("the key id does not match the key")
    else:
        encoded, _, name = text.partition(" ")
        found = PublicKeyFile(unb64(encoded), name.strip(), None)
    if len(found.public_raw) != 32:
        raise ValueError("not an Ed25519 public key")
    return found


def trusted_issuers(folder: Path | None = None) -> dict[bytes, str]:
    """Public keys this installation accepts, each with the name its file gives the issuer; its own key is there
    with an empty name (the caller says "this installation" in the person's language).
    A trusted key file is one line `<base64url raw public key> <issuer name>`, as `trust_public_key` writes it."""
    folder = _folder(folder)
    # checking needs no key of one's own (an inspector's laptop that only verifies never makes one), nor its passphrase
    try:
        own = stored_key(folder)
    except UserFacingError:
        own = None
    keys = {own.public_raw: ""} if own is not None else {}
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


def verify_signature(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def trust_public_key(
    text: str, folder: Path | None = None, *, source: str = "", council_id: str = "", council_name: str = ""
) -> tuple[str, str]:
    """Add an issuer's public key (either file form) to the trusted issuers, noting when, from which file and the
    council it signs for (`council_id`/`council_name`, else the file's own); returns (key id, issuer name). Raises
    ValueError when the text holds no Ed25519 public key."""
    folder = _folder(folder)
    found = read_public_key(text)
    council_id = council_id.strip() or found.council_id
    council_name = nfc(council_name.strip()) or (found.council_name if council_id == found.council_id else "")
    directory = folder / TRUSTED_DIR
    directory.mkdir(parents=True, exist_ok=True)
    identifier = found.key_id
    with written_atomically(directory / f"{identifier}.txt") as tmp:
        tmp.write_text(f"{b64(found.public_raw)} {found.issuer}\n", encoding="utf-8")
    note = {
        "added": dt.date.today().isoformat(),
        "created": found.created.isoformat() if found.created else None,
        "source": source,
        "council_id": council_id,
        "council_name": council_name,
    }
    with written_atomically(directory / f"{identifier}.json") as tmp:
        tmp.write_text(json.dumps(note, ensure_ascii=False) + "\n", encoding="utf-8")
    return identifier, found.issuer or identifier


@dataclass(frozen=True)
class Revocation:
    """A trusted key withdrawn from a date: what it signed from that date on is refused; what it signed before is
    accepted and flagged (the signing date is the signer's word, so a stolen key can backdate)."""

    since: dt.date
    reason: str


def revocation(public_raw: bytes, folder: Path | None = None) -> Revocation | None:
    """The revocation recorded for a trusted key (`trusted-issuers/<KEY-ID>.revoked`, JSON), if any."""
    path = _folder(folder) / TRUSTED_DIR / f"{key_id(public_raw)}.revoked"
    if not path.exists():
        return None
    try:
        data = values.loads_bounded(path.read_text(encoding="utf-8"))
        return Revocation(dt.date.fromisoformat(str(data["since"])), str(data.get("reason", "")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, UserFacingError) as exc:
        # a key whose revocation cannot be read is neither trusted nor silently untrusted: the officer is told
        raise UserFacingError(
            [Problem("key.revocation_damaged", {"detail": str(exc)[:200]}, (("file", str(path)),))]
        ) from exc


def revoke_key(identifier: str, since: dt.date, reason: str, folder: Path | None = None) -> None:
    """Record that the trusted key `identifier` (its key id) is revoked from `since`."""
    directory = _folder(folder) / TRUSTED_DIR
    directory.mkdir(parents=True, exist_ok=True)
    with written_atomically(directory / f"{identifier}.revoked") as tmp:
        tmp.write_text(json.dumps({"since": since.isoformat(), "reason": reason}, ensure_ascii=False), encoding="utf-8")


@dataclass(frozen=True)
class TrustedKey:
    """One line of the registry of trusted issuers, with the council it may sign for ("" when the key was trusted
    without one: it is then bound by the first council whose files it brings, see services.exchange_import)."""

    public_raw: bytes
    issuer: str
    added: dt.date | None
    revoked: Revocation | None
    council_id: str = ""
    council_name: str = ""

    @property
    def key_id(self) -> str:
        return key_id(self.public_raw)


def _note(public_raw: bytes, folder: Path) -> dict[str, Any]:
    """What was noted when the key was trusted (`<KEY-ID>.json`); empty for a key placed by hand or a damaged note."""
    path = folder / TRUSTED_DIR / f"{key_id(public_raw)}.json"
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def key_council(public_raw: bytes, folder: Path | None = None) -> tuple[str, str] | None:
    """The council (id, name) a trusted key may sign for, as the registry records it; None when it records none."""
    note = _note(public_raw, _folder(folder))
    council_id = str(note.get("council_id") or "")
    return (council_id, str(note.get("council_name") or "")) if council_id else None


def trusted_keys(folder: Path | None = None) -> list[TrustedKey]:
    """The registry: every trusted key with its name, the day it was added (unknown for keys placed by hand) and
    its revocation, by name."""
    folder = _folder(folder)
    entries = []
    for raw, issuer in trusted_issuers(folder).items():
        if not issuer:
            continue  # this installation's own key
        note = _note(raw, folder)
        try:
            added = dt.date.fromisoformat(str(note["added"]))
        except (ValueError, KeyError, TypeError):
            added = None
        council = str(note.get("council_id") or ""), str(note.get("council_name") or "")
        entries.append(TrustedKey(raw, issuer, added, revocation(raw, folder), *council))
    return sorted(entries, key=lambda e: (vi_sort_key(e.issuer), e.key_id))
