"""Help → User manual and Help → About: F1 opens the manual at its contents in the interface's language, a click
on a chapter shows it with its pictures loaded and fitted to the page, outside addresses are shown and never
opened, a missing manual says so; About lists every bundled rule version and every licence with its text."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ocop_desktop.paths import admin_units_dir, fonts_dir, manual_dir
from ocop_desktop.services.criteria_catalogue import list_sheets, rule_versions
from ocop_desktop.ui import manual as manual_module
from ocop_desktop.ui.about import AboutDialog
from ocop_desktop.ui.i18n import install
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.manual import ManualBrowser, ManualWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english() -> Iterator[None]:
    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "build"], check=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install(app, "en")
    try:
        yield
    finally:
        install(app, "vi")


def open_with_f1(qtbot: QtBot) -> ManualWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.manual is not None, "F1 did not open the manual"
    qtbot.addWidget(window.manual)
    qtbot.waitUntil(window.manual.isVisible)
    return window.manual


def click_text(qtbot: QtBot, browser: ManualBrowser, words: str) -> None:
    """A real mouse click in the middle of `words` on the page shown."""
    cursor = browser.document().find(words)
    assert not cursor.isNull(), f"«{words}» is not on the page"
    start = browser.cursorRect(cursor).center()
    cursor.setPosition(cursor.selectionStart() + 1)
    point = QPoint(browser.cursorRect(cursor).center().x(), start.y())
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def shown(browser: ManualBrowser) -> Path:
    return Path(browser.source().toLocalFile())


def test_f1_opens_the_manual_at_its_contents(qtbot: QtBot) -> None:
    manual = open_with_f1(qtbot)
    assert manual.isVisible()
    assert shown(manual.browser) == manual_dir("vi") / "index.md"
    assert "Mục lục" in manual.browser.toPlainText()
    assert manual.windowTitle() == "Hướng dẫn sử dụng — OCOP Desktop"


def test_a_click_on_a_chapter_shows_it_with_its_pictures(qtbot: QtBot) -> None:
    manual = open_with_f1(qtbot)
    browser = manual.browser
    click_text(qtbot, browser, "Cuộc họp hội đồng")
    qtbot.waitUntil(lambda: shown(browser).name == "04-cuoc-hop.md")
    assert browser.toPlainText().startswith("4. Cuộc họp hội đồng")
    names = browser.image_names()
    assert len(names) == 4
    page_width = browser.viewport().width()
    for name in names:
        picture = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(picture, QImage | QPixmap) and not picture.isNull(), name
        assert picture.width() < page_width, f"{name} is not fitted to the page"
        assert browser.picture(name).width() > page_width  # the screenshot itself is wider than the page
    assert manual.back_action.isEnabled()
    manual.back_action.trigger()
    assert shown(browser).name == "index.md"
    manual.forward_action.trigger()
    assert shown(browser).name == "04-cuoc-hop.md"
    manual.home_action.trigger()
    assert shown(browser).name == "index.md"


def test_pictures_follow_the_window_width(qtbot: QtBot) -> None:
    manual = ManualWindow(None, "vi")
    qtbot.addWidget(manual)
    manual.show()
    manual.browser.follow(QUrl("03-chuan-bi-dot.md"))
    name = manual.browser.image_names()[0]
    widths = []
    for width in (900, 1300):
        manual.resize(width, 700)
        qtbot.waitUntil(lambda w=width: abs(manual.width() - w) < 2)
        picture = manual.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(manual.browser.image_names()[0])
        )
        widths.append(picture.width())
    assert widths[0] < widths[1] <= manual.browser.picture(name).width()


def test_an_outside_address_is_shown_and_never_opened(qtbot: QtBot) -> None:
    manual = ManualWindow(None, "vi")
    qtbot.addWidget(manual)
    manual.show()
    before = manual.browser.source()
    manual.browser.anchorClicked.emit(QUrl("https://example.org/ocop"))
    assert manual.browser.source() == before
    assert manual.note.isVisible()
    assert "https://example.org/ocop" in manual.note.text()
    manual.browser.follow(QUrl("khong-co-chuong-nay.md"))
    assert manual.browser.source() == before
    assert "khong-co-chuong-nay.md" in manual.note.text()


def test_the_english_interface_shows_the_english_manual(qtbot: QtBot, english: None) -> None:
    manual = open_with_f1(qtbot)
    assert shown(manual.browser) == manual_dir("en") / "index.md"
    assert manual.browser.toPlainText().startswith("OCOP Desktop user manual")
    assert manual.back_action.text() == "Back"
    click_text(qtbot, manual.browser, "The council meeting")
    qtbot.waitUntil(lambda: shown(manual.browser).name == "04-cuoc-hop.md")
    assert all(name.split("#")[0].endswith("-en.png") for name in manual.browser.image_names())


def test_a_missing_manual_says_where_it_was_looked_for(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manual_module, "manual_dir", lambda lang: tmp_path / lang)
    manual = ManualWindow(None, "vi")
    qtbot.addWidget(manual)
    text = manual.browser.toPlainText()
    assert "Không tìm thấy sách hướng dẫn" in text
    assert str(tmp_path / "vi") in text
    assert not manual.home_action.isEnabled()


def test_about_lists_every_rule_version_and_licence(qtbot: QtBot) -> None:
    about = AboutDialog(None)
    qtbot.addWidget(about)
    table = about.versions_table
    listed = {table.item(row, 0).text(): table.item(row, 4).text() for row in range(table.rowCount())}
    assert set(listed) == {v.id for v in rule_versions()}
    assert listed["QD26-2026"] == f"{len(list_sheets('QD26-2026'))} phiếu, đầy đủ"
    assert listed["QD148-2023"] == "chưa có phiếu chấm"
    font_files = sorted(fonts_dir().glob("LICENSE-*.txt"))
    data_files = sorted(admin_units_dir().glob("LICENSE-*.txt"))
    assert len(font_files) == 2 and len(data_files) == 1
    items = [about.licence_list.item(row) for row in range(about.licence_list.count())]
    for path in [*font_files, *data_files]:
        row = next(i for i, item in enumerate(items) if item.toolTip().endswith(path.name))
        about.licence_list.setCurrentRow(row)
        assert about.licence_text.toPlainText() == path.read_text(encoding="utf-8")
    assert "SIL Open Font License 1.1" in items[0].text()
    assert any("MIT" in item.text() for item in items)
    about.licence_list.setCurrentRow(len(items) - 1)
    assert "Điều 15" in about.licence_text.toPlainText()
