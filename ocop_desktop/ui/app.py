"""Start the Qt application: one place that builds the QApplication and the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ocop_desktop import __version__
from ocop_desktop.paths import fonts_dir
from ocop_desktop.ui.criteria_browser import CriteriaBrowser

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
UI_FONT_POINT_SIZE = 10


def load_ui_font(app: QApplication) -> str | None:
    """Use the bundled Noto Sans: it draws every Vietnamese tone mark clearly at small sizes (the system's DejaVu
    Sans Bold makes "Ủ" look like "Ú"), and the UI looks the same on every machine."""
    family = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    if family:
        app.setFont(QFont(family, UI_FONT_POINT_SIZE))
    return family


def run_gui(*, screenshot: Path | None = None, sheet_id: str | None = None) -> int:
    """Show the main window; with `screenshot`, save a PNG of it once painted and exit."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("OCOP Desktop")
    app.setApplicationVersion(__version__)
    load_ui_font(app)
    window = CriteriaBrowser()
    if sheet_id:
        window.select_sheet(sheet_id)
    window.show()
    if screenshot is not None:

        def grab() -> None:
            window.grab().save(str(screenshot), "PNG")
            app.quit()

        QTimer.singleShot(300, grab)
    return app.exec()
