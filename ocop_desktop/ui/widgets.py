"""Small widgets the pages share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QTableWidget, QWidget

WINDOW_FRAME = 40  # what a window manager adds around a window: title bar and borders


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """`width` × `height` at most, never wider or taller than the screen leaves (a 1366×768 laptop leaves 728
    under its taskbar)."""
    screen = window.screen().availableGeometry()
    window.resize(min(width, screen.width()), min(height, screen.height() - WINDOW_FRAME))


def table_rows(table: QTableWidget) -> list[list[str]]:
    """What a table shows, row by row; a cell never filled in reads as empty (Qt gives no item for it)."""
    return [
        [item.text() if (item := table.item(row, column)) is not None else "" for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


class ElidedComboBox(QComboBox):
    """A combo box whose shown text ends in "…" when it does not fit, instead of being cut mid-word; the whole text
    is in the list and in the tooltip."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        self.setToolTip(option.currentText)
        option.currentText = painter.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
