"""The interface in English: every string has a translation, and the windows speak it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "resources" / "i18n" / "ocop_en.qm"


@pytest.fixture(scope="module")
def english_catalogue() -> Path:
    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "build"], check=True)
    return QM


def test_every_interface_string_has_an_english_translation() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout


def test_windows_speak_english_when_asked(qtbot: QtBot, english_catalogue: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.ui.i18n import install
    from ocop_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert install(app, "en")
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.start.open_button.text() == "Open the council's data file…"
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "Round",
            "Round set-up",
            "Dossier",
            "Scoring",
            "Results",
            "Documents",
            "Criteria",
            "Province",
        ]
    finally:
        install(app, "vi")
    window_vi = MainWindow()
    qtbot.addWidget(window_vi)
    assert window_vi.start.open_button.text() == "Mở tệp dữ liệu của hội đồng…"
