"""A new council set up in one go (the first-run assistant): the data file with its administrator and the council's
identity, and the council's signing key with its printed registration form.

The assistant checks each of its pages with the `check_*` functions before it moves on, and calls `set_up` once,
at the end. The data file is built under a temporary name and renamed into place only when it is whole, so that a
failure leaves no half-made file behind (nor a folder made for it)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain import values
from ocop_desktop.domain.admin_units import Commune, Province, find_commune, find_province, load_units_2025
from ocop_desktop.domain.enums import CouncilLevel
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.domain.text import nfc
from ocop_desktop.paths import admin_units_dir, user_data_dir
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import StoredKey
from ocop_desktop.scoring.authority import AboveAuthority
from ocop_desktop.services import accounts, council_key, settings
from ocop_desktop.services.actor import Actor

DEFAULT_FILE_NAME = "hoi-dong.ocopdb"
LEVELS = (CouncilLevel.PROVINCE, CouncilLevel.COMMUNE)  # the two levels of councils since 01/7/2025


def default_data_file() -> Path:
    """Where a new council's data file goes unless the person chooses a folder: their own data folder, the same one
    that holds the council's key."""
    return user_data_dir() / DEFAULT_FILE_NAME


@dataclass(frozen=True)
class Administrator:
    username: str
    full_name: str
    password: str


@dataclass(frozen=True)
class CouncilIdentity:
    """Who the council is, as its documents print it (the per-file settings)."""

    level: CouncilLevel
    province_code: str
    commune_code: str
    council_name: str
    issuing_body: str
    parent_body: str
    place_name: str
    above_authority: str = "refer_and_wait"
    """Policy ABOVE_AUTHORITY (scoring/authority.py) of the councils the file creates; the set-up page starts there."""


@dataclass(frozen=True)
class KeyChoice:
    """The signing key: a new one under `passphrase` (None: keep the key this computer has, or make it later), and
    the folder to save the registration form in (None: no form now). `folder` is the installation's data folder."""

    passphrase: str | None
    form_folder: Path | None
    folder: Path | None = None


@dataclass(frozen=True)
class SetUpDone:
    """What `set_up` made. `form_problems` says why the form could not be saved, when it could not (the file and the
    key are made all the same; the form can be saved again from the key dialog)."""

    path: Path
    actor: Actor
    key_id: str | None
    form: Path | None
    form_problems: tuple[Problem, ...] = ()


def _fail(code: str, *, where: tuple[tuple[str, str], ...] = (), **params: object) -> ValidationFailed:
    return ValidationFailed([Problem(code, params, where)])


def _writable_folder(folder: Path) -> Path | None:
    """The nearest folder of `folder` (itself or above) that exists; None when it cannot be written to."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return None
    return existing


def existing_data(path: Path) -> bool:
    """True when `path` already holds something (a council's data, or anything else) that a new file would hide."""
    return path.exists() and (path.is_dir() or path.stat().st_size > 0)


def check_location(path: Path) -> None:
    """A new data file may go at `path`: nothing there yet, and its folder can be made and written to."""
    where = (("file", str(path)),)
    if path.is_dir():
        raise _fail("first_run.is_folder", where=where)
    if existing_data(path):
        raise _fail("first_run.file_exists", where=where)
    if _writable_folder(path.parent) is None:
        raise _fail("first_run.not_writable", where=(("folder", str(path.parent)),))


def check_administrator(admin: Administrator, repeated: str) -> None:
    """The same rules as the sign-in dialog's first account, and the password typed the same way twice."""
    problems = accounts.account_problems(admin.username, admin.password, accounts.FIRST_ADMIN_ROLES)
    if admin.password != repeated:
        problems.append(Problem("auth.password_mismatch", {}))
    if problems:
        raise ValidationFailed(problems)


def _units() -> tuple[Province, ...]:
    return load_units_2025(admin_units_dir())


def check_identity(identity: CouncilIdentity) -> None:
    """Every problem with the council's identity at once: level, province, commune (in that province), names, the
    policy above its authority."""
    problems = values.Choice.of(AboveAuthority).problems(identity.above_authority, "above_authority")
    units = _units()
    if identity.level not in LEVELS:
        problems.append(Problem("first_run.bad_level", {}))
    if find_province(units, identity.province_code) is None:
        problems.append(Problem("first_run.no_province", {}))
    if identity.level is CouncilLevel.COMMUNE:
        found = find_commune(units, identity.commune_code) if identity.commune_code else None
        if found is None:
            problems.append(Problem("first_run.no_commune", {}))
        elif found[0].code != identity.province_code:
            problems.append(
                Problem(
                    "registry.commune_elsewhere",
                    {"commune": found[1].name, "province": found[0].name},
                    (("field", "commune_code"),),
                )
            )
    if not identity.council_name.strip():
        problems.append(Problem("first_run.no_council_name", {}))
    if not identity.issuing_body.strip():
        problems.append(Problem("first_run.no_issuing_body", {}))
    if problems:
        raise ValidationFailed(problems)


def check_form_folder(folder: Path | None) -> None:
    """The folder the key's registration form goes to (None: no form now) can be made and written to."""
    if folder is not None and (folder.is_file() or _writable_folder(folder) is None):
        raise _fail("first_run.not_writable", where=(("folder", str(folder)),))


@dataclass(frozen=True)
class Suggestion:
    council_name: str
    issuing_body: str
    place_name: str


def suggest(level: CouncilLevel, province_code: str | None, commune_code: str | None) -> Suggestion | None:
    """The usual names for a council of that level and place, as its documents print them (Vietnamese in every
    interface language): "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên", "ỦY BAN NHÂN DÂN TỈNH THÁI
    NGUYÊN", and the place of the date line. None until the place is chosen."""
    units = _units()
    unit: Province | Commune | None = find_province(units, province_code) if province_code else None
    if level is CouncilLevel.COMMUNE:
        found = find_commune(units, commune_code) if commune_code else None
        unit = found[1] if found is not None and (province_code in (None, found[0].code)) else None
    if unit is None:
        return None
    return Suggestion(
        council_name=f"Hội đồng đánh giá, phân hạng sản phẩm OCOP {unit.type} {unit.short_name}",
        issuing_body=f"ỦY BAN NHÂN DÂN {unit.type} {unit.short_name}".upper(),
        place_name=unit.short_name,
    )


def _settings(identity: CouncilIdentity) -> dict[str, str]:
    return {
        "council_level": identity.level.value,
        "province_code": identity.province_code,
        "commune_code": identity.commune_code if identity.level is CouncilLevel.COMMUNE else "",
        "council_name": identity.council_name,
        "issuing_body": identity.issuing_body,
        "parent_body": identity.parent_body,
        "place_name": identity.place_name,
        "above_authority": identity.above_authority,
    }


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _missing_folders(folder: Path) -> list[Path]:
    """The folders `mkdir(parents=True)` would make, deepest first (to remove them again if the set-up fails)."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _build(tmp: Path, admin: Administrator, identity: CouncilIdentity) -> Actor:
    """The new file's content, under its temporary name: the administrator, signed in, then the settings."""
    db = Database.open(tmp, create=True)
    try:
        accounts.create_user(
            db,
            actor=None,
            username=admin.username,
            full_name=admin.full_name.strip() or admin.username,
            password=admin.password,
            roles=set(accounts.FIRST_ADMIN_ROLES),
        )
        actor = accounts.authenticate(db, username=admin.username, password=admin.password)
        settings.set_settings(db, actor=actor, values=_settings(identity))
    finally:
        db.close()
    return actor


def set_up(path: Path, *, admin: Administrator, identity: CouncilIdentity, key: KeyChoice) -> SetUpDone:
    """Make the council's data file at `path` (with the administrator and the identity), the key when asked, and
    the registration form when a folder is given. All checks are made again first; a failure before the file is
    in place removes what was made (the temporary file and any folder made for it) and raises."""
    check_location(path)
    check_administrator(admin, admin.password)
    check_identity(identity)
    if key.passphrase is not None:
        council_key.check_new_passphrase(key.passphrase, key.passphrase)
    check_form_folder(key.form_folder)
    made_folders = _missing_folders(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    _remove_database_files(tmp)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        actor = _build(tmp, admin, identity)
        if key.passphrase is not None:
            council_key.create(key.passphrase, key.passphrase, issuer=identity.council_name, folder=key.folder)
        if existing_data(path):  # something appeared there while the assistant was open
            raise _fail("first_run.file_exists", where=(("file", str(path)),))
        os.replace(tmp, path)
        backup.fsync_dir(path.parent)
    except BaseException:
        _remove_database_files(tmp)
        for folder in made_folders:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    try:
        stored = council_key.current(key.folder)
    except UserFacingError as exc:  # a damaged key file of this computer: said, the new file is made all the same
        return SetUpDone(path, actor, None, None, exc.problems)
    if stored is None or key.form_folder is None:
        return SetUpDone(path, actor, stored.key_id if stored else None, None)
    form, problems = _save_form(stored, key.form_folder, identity)
    return SetUpDone(path, actor, stored.key_id, form, problems)


def _save_form(stored: StoredKey, folder: Path, identity: CouncilIdentity) -> tuple[Path | None, tuple[Problem, ...]]:
    """The key's registration form, to print, sign, stamp and send to the province."""
    target = folder / f"phieu-dang-ky-khoa-{stored.key_id.replace('-', '').lower()[:8]}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        issuer = stored.issuer or identity.council_name
        return council_key.registration_form(stored, issuer, target, place=identity.place_name), ()
    except UserFacingError as exc:
        return None, exc.problems
    except OSError as exc:
        where = (("file", str(target)),)
        return None, (Problem("first_run.form_failed", {"detail": exc.strerror or str(exc)}, where),)


def normalised_path(text: str) -> Path:
    """A data file's path as typed or chosen, with the data files' own ending added when it has none."""
    path = Path(nfc(text.strip())).expanduser()
    return path if path.suffix == ".ocopdb" else path.with_name(path.name + ".ocopdb")
