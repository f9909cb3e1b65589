"""The only code that knows where bundled resources live (source tree or a PyInstaller bundle)."""

from __future__ import annotations

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
