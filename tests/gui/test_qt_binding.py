"""Guards against a Qt binding that corrupts the interpreter: PySide6 6.12.0 drops a reference to None on every
call of a method that returns nothing, so on Python 3.11 a long meeting (tens of thousands of calls) ends in
"Fatal Python error: none_dealloc". pyproject.toml excludes that version; this test catches any other."""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot


def test_void_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel

    label, combo = QLabel(), QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Đã lưu")
        combo.addItem("x", "y")
    combo.clear()
    assert sys.getrefcount(None) - before > -50
