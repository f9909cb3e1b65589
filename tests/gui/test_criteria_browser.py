"""The criteria browser window, driven offscreen as a person would."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ocop_desktop.ui.criteria_browser import CriteriaBrowser


def visible_titles(window: CriteriaBrowser) -> list[str]:
    return [
        window.sheet_list.item(r).text()
        for r in range(window.sheet_list.count())
        if not window.sheet_list.item(r).isHidden()
    ]


def test_lists_the_26_sheets_and_shows_the_first(qtbot: QtBot) -> None:
    window = CriteriaBrowser()
    qtbot.addWidget(window)
    assert window.sheet_list.count() == 26
    assert window.tree.topLevelItemCount() == 3
    assert window.tree.topLevelItem(0).text(0).startswith("PHẦN A")
    assert "QD26-2026-01" in window.header.text()


def test_accent_insensitive_search(qtbot: QtBot) -> None:
    window = CriteriaBrowser()
    qtbot.addWidget(window)
    window.search.setText("ruou")  # typed without accents
    assert visible_titles(window) == ["14. Rượu trắng"]
    window.search.setText("Đồ uống")
    assert len(visible_titles(window)) == 4  # 15 and 17 by title, 14 and 16 by their group
    window.search.setText("")
    assert len(visible_titles(window)) == 26


def test_choosing_a_row_shows_minimums_and_guidance(qtbot: QtBot) -> None:
    window = CriteriaBrowser()
    qtbot.addWidget(window)
    assert window.select_sheet("QD26-2026-07")
    group = window.tree.topLevelItem(0).child(0)
    first = group.child(0)
    assert first.text(0) == "1.1 Nguồn nguyên liệu" and first.text(2) == "★★★"
    window.tree.setCurrentItem(first)
    html = window.details.toHtml()
    assert "Điểm tối thiểu theo hạng sao" in html and "Có quy định loại sản phẩm" in html


def test_version_without_sheets_says_so(qtbot: QtBot) -> None:
    window = CriteriaBrowser()
    qtbot.addWidget(window)
    index = window.version_box.findData("QD148-2023")
    window.version_box.setCurrentIndex(index)
    assert window.sheet_list.count() == 0
    assert "chưa có phiếu chấm" in window.header.text()


def test_screenshot_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "window.png"
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_desktop", "gui", "--screenshot", str(out), "--view", "criteria"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 10_000


def test_bundled_ui_font_carries_vietnamese(qapp: object) -> None:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.ui.app import load_ui_font

    assert isinstance(qapp, QApplication)
    assert load_ui_font(qapp) == "Noto Sans"
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ẮẰẲẴẶẤẦẨẪẬỦỨỪỬỮỰđĐơƠưƯ")
