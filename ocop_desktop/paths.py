"""The only code that knows where files live (bundled resources, the person's data folder) and how a file the app
writes comes into place (whole or not at all)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` to write to: renamed over `path` when the block ends without error, removed
    otherwise, so that nobody ever opens half a document, workbook, key or exchange file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


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
