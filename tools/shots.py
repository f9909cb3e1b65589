"""What the screenshot scripts share: let Qt lay out and paint, then grab a widget into a PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QWidget


def settle(rounds: int = 30) -> None:
    """Process events for a moment (layouts, fonts and paints are queued, not immediate)."""
    for _ in range(rounds):
        QCoreApplication.processEvents()
        QThread.msleep(10)


def save(widget: QWidget, path: Path) -> None:
    """Show the widget, let it settle, and save what it draws."""
    widget.show()
    settle()
    widget.grab().save(str(path))
