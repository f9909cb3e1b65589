"""The only code that knows where bundled resources live (source tree or a PyInstaller bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resource_root() -> Path:
    """`resources/` beside the package, or inside the frozen bundle's unpack folder."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


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
