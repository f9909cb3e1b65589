"""The only code that knows where files live (bundled resources, the person's data folder) and how a file the app
writes comes into place (whole or not at all)."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ocop_desktop.domain.errors import Problem, StorageFailed, UserFacingError

# what a path handed in as a file to read may be instead, in the words of messages.py (`what`)
_NOT_FILES = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "named_pipe"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)

READ_ONLY = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


def storage_problem(exc: OSError, path: Path) -> Problem | None:
    """A full disk, or a folder that may not be written, said by name for a write of `path`; None for any other
    error (a file being read elsewhere in the same block keeps its own error)."""
    folder = str(path.parent)
    if exc.errno in FULL:
        return Problem("file.disk_full", {"folder": folder, "file": path.name}, (("file", path.name),))
    mine = exc.filename is None or Path(os.fsdecode(exc.filename)).parent in (path.parent, path.parent.parent)
    if exc.errno in READ_ONLY and mine:
        return Problem("file.read_only", {"folder": folder}, (("file", path.name),))
    return None


def _sqlite_problem(exc: sqlite3.Error, path: Path) -> Problem | None:
    """SQLite's words for the same two faults when it writes the file itself (an exchange file)."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return storage_problem(OSError(errno.ENOSPC, str(exc)), path)
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) and not os.access(
        path.parent, os.W_OK
    ):
        return storage_problem(OSError(errno.EACCES, str(exc)), path)
    return None


@contextmanager
def said_by_name(path: Path) -> Iterator[None]:
    """Run a write of `path`; a read-only folder or a full disk raises StorageFailed saying so."""
    try:
        yield
    except OSError as exc:
        problem = storage_problem(exc, path)
        if problem is None:
            raise
        raise StorageFailed([problem]) from exc
    except sqlite3.Error as exc:
        problem = _sqlite_problem(exc, path)
        if problem is None:
            raise
        raise StorageFailed([problem]) from exc


def make_folder(folder: Path) -> Path:
    """`folder` and its parents, made where needed; one that may not be made is said by name."""
    with said_by_name(folder / "."):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` to write to: renamed over `path` when the block ends without error, removed
    otherwise, so that nobody ever opens half a document, workbook, key or exchange file. A read-only folder or a
    full disk raises StorageFailed: the file at `path`, if any, is as it was."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with said_by_name(path):
            tmp.unlink(missing_ok=True)
            yield tmp
            os.replace(tmp, path)
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def not_a_file(path: Path, where: tuple[tuple[str, str], ...] | None = None) -> Problem | None:
    """Why `path`, handed in as a file to read (an exchange file, a backup, a workbook, a key file), is not one,
    from os.stat before anything opens it: a folder, a named pipe (opening it waits for a writer for ever), a device
    or a socket; or it cannot be looked at. None for a regular file. `where` defaults to the file's name."""
    location = (("file", path.name),) if where is None else where
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Problem("input.unreadable", {"detail": exc.strerror or str(exc)}, location)
    for test, what in _NOT_FILES:
        if test(mode):
            return Problem("input.not_a_file", {"what": what}, location)
    return None


def regular_file(path: Path) -> Path:
    """`path` when it is a regular file; else the named refusal of `not_a_file`, raised before any opening."""
    problem = not_a_file(path)
    if problem is not None:
        raise UserFacingError([problem])
    return path


def install_root() -> Path:
    """Where `resources/` and `docs/` are: the frozen bundle's unpack folder; an installed wheel's copy inside the
    package (`_data`, see setup.py); else the checkout, beside the package."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    package = Path(__file__).resolve().parent
    wheel_data = package / "_data"
    return wheel_data if wheel_data.is_dir() else package.parent


def resource_root() -> Path:
    return install_root() / "resources"


def manual_dir(lang: str) -> Path:
    """The user manual of one language (`docs/manual/vi`, `docs/manual/en`); its pictures are in `docs/screenshots`."""
    return install_root() / "docs" / "manual" / lang


def criteria_dir() -> Path:
    return resource_root() / "criteria"


def fonts_dir() -> Path:
    return resource_root() / "fonts"


def admin_units_dir() -> Path:
    return resource_root() / "admin_units"


def user_data_dir() -> Path:
    """The person's own data folder (the installation's signing key, trusted issuers): `OCOP_DESKTOP_DATA` when set,
    else the platform's usual place. Never inside the bundle, which is replaced on every update."""
    override = os.environ.get("OCOP_DESKTOP_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "OCOP Desktop"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "OCOP Desktop"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "ocop-desktop"
