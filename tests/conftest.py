"""Test settings shared by every ring. Qt must run offscreen: without a display a Qt import aborts the run."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DOMAIN = ROOT.parent / "shared" / "domain"


@pytest.fixture
def shared_domain() -> Path:
    """The shared domain folder beside the checkout (present for developers and CI, not for users)."""
    if not SHARED_DOMAIN.is_dir():
        pytest.skip("../shared/domain is not beside this checkout")
    return SHARED_DOMAIN
