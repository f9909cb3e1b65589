"""The council's signing key as people handle it: create it under a passphrase, change the passphrase, export the
public key with its registration form, and keep the registry of keys this installation trusts (add after comparing
the key id with the paper form; revoke from a date). The GUI and the CLI both call these; neither touches the files.

The demo round signs with a demo key of its own, kept beside the demo data file under a passphrase printed by the
demo, so that nothing the demo makes can pass for the council's own signature."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.models import Council
from ocop_desktop.paths import regular_file, written_atomically
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import (
    InstallationKey,
    PublicKeyFile,
    StoredKey,
    TrustedKey,
    change_passphrase,
    check_passphrase,
    create_key,
    forget_unlocked_keys,
    installation_key,
    public_key_document,
    public_key_line,
    read_public_key,
    revoke_key,
    set_issuer,
    stored_key,
    trust_public_key,
    trusted_keys,
    unlock_key,
)

MAX_PUBLIC_KEY_FILE = 16 * 1024
DEMO_KEY_PASSPHRASE = "khoa-mau-chi-de-thu"  # noqa: S105 (printed by the demo: the demo key protects nothing)
DEMO_ISSUER = "Hội đồng mẫu (khóa chạy thử, không dùng để cấp giấy chứng nhận thật)"
ENV_PASSPHRASE = "OCOP_KEY_PASSPHRASE"  # noqa: S105 (the name of the variable)


def _fail(code: str, *, where: tuple[tuple[str, str], ...] = (), **params: object) -> UserFacingError:
    return UserFacingError([Problem(code, params, where)])


def current(folder: Path | None = None) -> StoredKey | None:
    """The key of this installation as stored (no passphrase asked, nothing created)."""
    return stored_key(folder)


def check_new_passphrase(passphrase: str, repeated: str) -> None:
    """A passphrase to choose, typed twice: the same both times and long enough (said before anything is made)."""
    if nfc(passphrase) != nfc(repeated):
        raise _fail("key.passphrase_mismatch")
    check_passphrase(passphrase)


def create(passphrase: str, repeated: str, *, issuer: str = "", folder: Path | None = None) -> InstallationKey:
    """A new key under the passphrase typed twice; an older unencrypted key is protected instead (same key pair)."""
    if nfc(passphrase) != nfc(repeated):
        raise _fail("key.passphrase_mismatch")
    return create_key(passphrase, folder, issuer=issuer)


def change(old: str, new: str, repeated: str, *, folder: Path | None = None) -> InstallationKey:
    if nfc(new) != nfc(repeated):
        raise _fail("key.passphrase_mismatch")
    check_passphrase(new)
    return change_passphrase(old, new, folder)


def unlock(passphrase: str, *, folder: Path | None = None) -> InstallationKey:
    return unlock_key(passphrase, folder)


def lock() -> None:
    """Lock every unlocked key: the next signature asks for the passphrase again (sign-out, change of user)."""
    forget_unlocked_keys()


def unlocked(folder: Path | None = None) -> InstallationKey | None:
    """The key already unlocked in this session (or an older unencrypted one), else None."""
    try:
        return installation_key(folder)
    except UserFacingError:
        return None


@dataclass(frozen=True)
class ExportedKey:
    key_id: str
    issuer: str
    file: Path | None
    form: Path | None


def registration_form(
    stored: StoredKey, issuer: str, out: Path, *, place: str = "", council: tuple[str, str] | None = None
) -> Path:
    from ocop_desktop.documents import key_registration  # ReportLab when a form is made, not when the window opens

    council_id, council_name = council or ("", "")
    form = key_registration.KeyRegistration(
        issuer=issuer,
        key_id=stored.key_id,
        public_raw=stored.public_raw,
        public_line=public_key_line(stored, issuer).strip(),
        created=stored.created,
        date=stored.created,  # the form records the key made that day, whatever day it is printed
        place=place,
        council_id=council_id,
        council_name=council_name,
    )
    return key_registration.render_pdf(form, out)


def export(
    out: Path | None,
    *,
    issuer: str | None = None,
    form: Path | None = None,
    place: str = "",
    folder: Path | None = None,
    council: tuple[str, str] | None = None,
) -> ExportedKey:
    """Write the public key file (and, when asked, the registration form PDF). The issuer name given is kept with
    the key for the next time; no passphrase is needed. `council` (id, name) is the council the key signs for,
    written in the file so that the province binds the key to it when trusting it."""
    stored = stored_key(folder)
    if stored is None:
        raise _fail("key.none")
    name = nfc((issuer or "").strip()) or stored.issuer
    if not name:
        raise _fail("key.issuer_needed")
    if issuer and stored.protected and name != stored.issuer:
        set_issuer(name, folder)
    if out is not None:
        with written_atomically(out) as tmp:
            council_id, council_name = council or ("", "")
            document = public_key_document(
                stored, name, stored.created, council_id=council_id, council_name=council_name
            )
            tmp.write_text(document, encoding="utf-8")
    written_form = registration_form(stored, name, form, place=place, council=council) if form is not None else None
    return ExportedKey(stored.key_id, name, out, written_form)


def read_public_key_file(path: Path) -> PublicKeyFile:
    """A public key file someone sent, read (small, UTF-8) and checked, before anything is trusted."""
    where = (("file", path.name),)
    regular_file(path)
    try:
        raw = path.read_bytes()[: MAX_PUBLIC_KEY_FILE + 1]
        if len(raw) > MAX_PUBLIC_KEY_FILE:
            raise _fail("key.bad_public_key", where=where)
        text = raw.decode("utf-8")
    except OSError as exc:
        raise _fail("input.unreadable", where=where, detail=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _fail("key.bad_public_key", where=where) from exc
    try:
        return read_public_key(text)
    except (ValueError, TypeError) as exc:
        raise _fail("key.bad_public_key", where=where) from exc


def trust(
    found: PublicKeyFile, *, source: str = "", folder: Path | None = None, council: tuple[str, str] | None = None
) -> tuple[str, str]:
    """Add the key the officer was shown (read once by `read_public_key_file`, so the file cannot change between
    the comparison and the adding) to the registry, bound to the council it signs for: `council` (id, name) as the
    officer gives it, else the one the key file names."""
    council_id, council_name = council or (found.council_id, found.council_name)
    document = public_key_document(found, found.issuer, found.created)
    return trust_public_key(document, folder, source=source, council_id=council_id, council_name=council_name)


def council_of(db: Database, council_id: str | None = None) -> tuple[str, str]:
    """The council (id, name) a data file's key signs for: the one given, or the file's only council."""
    with db.reading() as s:
        councils = s.execute(select(Council.id, Council.name).order_by(Council.name)).all()
    if council_id:
        chosen = [c for c in councils if c.id == council_id.strip()]
        if not chosen:
            raise _fail("db.not_found", what="council", id=council_id.strip())
        return chosen[0].id, chosen[0].name
    if len(councils) != 1:
        listed = "; ".join(f"{c.name} ({c.id})" for c in councils) or "-"
        raise _fail("key.council_needed", councils=listed)
    return councils[0].id, councils[0].name


def registry(folder: Path | None = None) -> list[TrustedKey]:
    return trusted_keys(folder)


def normalised_key_id(text: str) -> str:
    """A key id as typed ("a1b2c3d4e5f60718", "A1B2 C3D4 …") in its printed form."""
    digits = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4)) if len(digits) == 16 else text.strip()


def revoke(identifier: str, *, since: dt.date, reason: str, folder: Path | None = None) -> TrustedKey:
    """Revoke a trusted key from a date, with the reason; an id not in the registry is a message."""
    wanted = normalised_key_id(identifier)
    entry = next((e for e in trusted_keys(folder) if e.key_id == wanted), None)
    if entry is None:
        raise _fail("key.unknown_id", key_id=identifier.strip())
    reason = nfc(reason.strip())
    if not reason:
        raise ValidationFailed([Problem("key.reason_needed", {})])
    revoke_key(entry.key_id, since, reason, folder)
    return next(e for e in trusted_keys(folder) if e.key_id == wanted)


# the demo ----------------------------------------------------------------------------------------------------


def demo_key_folder(db_path: Path) -> Path:
    """Beside the demo data file: `dot-mau.ocopdb` → `dot-mau.khoa-mau/`."""
    return db_path.with_name(f"{db_path.stem}.khoa-mau")


def make_demo_key(db_path: Path) -> InstallationKey:
    folder = demo_key_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    if stored_key(folder) is None:
        return create_key(DEMO_KEY_PASSPHRASE, folder, issuer=DEMO_ISSUER, demo=True)
    return unlock_key(DEMO_KEY_PASSPHRASE, folder)


def demo_key(db_path: Path) -> InstallationKey | None:
    """The demo key of a demo data file (None for any other file): a key file beside it that says it is a demo key."""
    folder = demo_key_folder(db_path)
    try:
        stored = stored_key(folder) if folder.is_dir() else None
    except UserFacingError:
        return None
    if stored is None or not stored.demo:
        return None
    return unlocked(folder) or unlock_key(DEMO_KEY_PASSPHRASE, folder)


def passphrase_from_environment() -> str | None:
    value = os.environ.get(ENV_PASSPHRASE)
    return value if value else None
