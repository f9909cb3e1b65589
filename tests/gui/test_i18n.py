"""The interface in English: every string has a translation, the compiled catalogues in the repository are exactly
what `pyside6-lrelease` makes of their sources (so a plain `pip install` speaks English), the windows speak it, and a
missing catalogue is said to the person in both languages instead of the window staying silently Vietnamese."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ocop_desktop.ui import i18n
from ocop_desktop.ui.i18n import install

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "resources" / "i18n"


@pytest.fixture
def back_to_vietnamese(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install(qapp, "vi")


@pytest.fixture
def no_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An installation whose English catalogue is gone (Qt's Vietnamese words are still there)."""
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "qt_vi.qm").write_bytes((CATALOGUES / "qt_vi.qm").read_bytes())
    monkeypatch.setattr(i18n, "resource_root", lambda: tmp_path)
    return tmp_path / "i18n" / "ocop_en.qm"


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The message boxes shown: their text."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def test_every_interface_string_has_a_translation() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("name", ["ocop_en", "qt_vi"])
def test_the_committed_catalogues_are_what_lrelease_makes_of_their_sources(name: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    made = tmp_path / f"{name}.qm"
    subprocess.run([str(lrelease), str(CATALOGUES / f"{name}.ts"), "-qm", str(made)], check=True, capture_output=True)
    committed = CATALOGUES / f"{name}.qm"
    assert committed.read_bytes() == made.read_bytes(), f"run `python tools/i18n.py build` and commit {committed.name}"


def test_windows_speak_english_when_asked(qtbot: QtBot, back_to_vietnamese: QApplication) -> None:
    from ocop_desktop.ui.main_window import MainWindow

    assert install(back_to_vietnamese, "en")
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
    install(back_to_vietnamese, "vi")
    window_vi = MainWindow()
    qtbot.addWidget(window_vi)
    assert window_vi.start.open_button.text() == "Mở tệp dữ liệu của hội đồng…"


def test_english_counts_are_singular_for_one(back_to_vietnamese: QApplication) -> None:
    from ocop_desktop.ui.i18n import tr

    assert install(back_to_vietnamese, "en")
    assert tr("{n} sao", n=1) == "1 star"
    assert tr("{n} sao", n=4) == "4 stars"
    assert tr("Tự đánh giá của chủ thể: {total} điểm", total=1) == "Producer's self-assessment: 1 point"
    install(back_to_vietnamese, "vi")
    assert tr("{n} sao", n=1) == "1 sao"


def test_a_missing_english_catalogue_is_said_at_start_in_both_languages(
    qtbot: QtBot, back_to_vietnamese: QApplication, no_english: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.ui import app as app_module
    from ocop_desktop.ui.main_window import MainWindow

    assert not install(back_to_vietnamese, "en")
    assert i18n.current_lang() == "vi" and i18n.missing_catalogue() == no_english
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.start.open_button.text() == "Mở tệp dữ liệu của hội đồng…"
    started: list[object] = []
    monkeypatch.setattr(app_module.Controller, "start", lambda self, *args: started.append(args))
    app_module.begin(window, app_module.Controller(window), None, None)
    assert len(told) == 1 and str(no_english) in told[0]
    assert "Không tìm thấy bản dịch tiếng Anh" in told[0]
    assert "The English interface catalogue is missing" in told[0]
    assert started == [(None, None)]  # and then the file opens as usual


def test_choosing_english_without_its_catalogue_is_said_and_not_kept(
    qtbot: QtBot, no_english: Path, told: list[str]
) -> None:
    from ocop_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    english = next(a for a in window.menuBar().actions() if "Language" in a.text()).menu().actions()[1]
    assert english.text() == "English"
    english.trigger()
    assert len(told) == 1 and "English interface catalogue is missing" in told[0]
    assert QSettings().value(i18n.LANGUAGE_KEY) is None


def test_the_assistant_says_a_missing_english_catalogue_and_stays_in_vietnamese(
    qtbot: QtBot, no_english: Path, told: list[str]
) -> None:
    from ocop_desktop.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(None, key_folder=no_english.parent)
    qtbot.addWidget(wizard)
    wizard.language_page.choices["en"].setChecked(True)
    assert len(told) == 1 and "The English interface catalogue is missing" in told[0]
    assert wizard.language_page.choices["vi"].isChecked() and i18n.current_lang() == "vi"
    assert wizard.windowTitle() == "Thiết lập hội đồng mới"
    assert QSettings().value(i18n.LANGUAGE_KEY) is None
