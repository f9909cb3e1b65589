"""A plain wheel (`pip wheel`) carries what the application reads at run time — the criteria, fonts, administrative
units, the compiled catalogues and the manual — and, installed without the checkout behind it, finds them and
speaks English when asked."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = "ocop_desktop/_data/"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built offline with this environment's setuptools (pyproject's dev extras), as `pip wheel` builds it."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (built,) = out.glob("ocop_desktop-*.whl")
    return built


def test_the_wheel_carries_the_compiled_catalogues_and_the_data(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in ("ocop_en.qm", "qt_vi.qm"):
            packed = archive.read(f"{DATA}resources/i18n/{name}")
            assert packed == (ROOT / "resources" / "i18n" / name).read_bytes()
    expected = {
        f"{DATA}{p.relative_to(ROOT).as_posix()}"
        for folder in ("resources", "docs/manual")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and p.suffix != ".ts"
    }
    assert expected - names == set()
    assert not any(name.endswith(".ts") for name in names)


def test_the_installed_wheel_finds_its_data_and_speaks_english(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    program = (
        "import ocop_desktop, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ocop_desktop.paths import criteria_dir, fonts_dir, manual_dir\n"
        "from ocop_desktop.ui.i18n import install, tr\n"
        "app = QApplication([])\n"
        "print(ocop_desktop.__file__)\n"
        "print(all(p.is_dir() for p in (criteria_dir(), fonts_dir(), manual_dir('vi'))))\n"
        "print(install(app, 'en'), tr('Mở tệp dữ liệu của hội đồng…'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    where, found, english = proc.stdout.splitlines()[:3]
    assert Path(where).is_relative_to(site)
    assert found == "True"
    assert english == "True Open the council's data file…"


def test_the_wheel_declares_and_carries_its_licence_and_the_bundled_ones(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
        licences = {n.split("/licenses/", 1)[1] for n in archive.namelist() if "/licenses/" in n}
    assert "License-Expression: Apache-2.0" in text
    assert {"LICENSE", "THIRD-PARTY-NOTICES.md", "resources/fonts/LICENSE-NotoSans.txt"} <= licences
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
