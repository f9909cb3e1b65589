"""Pictures of Help → User manual and Help → About for docs/screenshots/ (offscreen): the manual's contents, a
chapter scrolled to its first picture (to see that wide screenshots are fitted to the page), and the About dialog's
criteria and licences tabs.

    .venv/bin/python tools/screenshot_help.py OUT_DIR [en]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser
from shots import save, settle

from ocop_desktop.ui.about import AboutDialog
from ocop_desktop.ui.app import make_app
from ocop_desktop.ui.manual import ManualWindow

CHAPTER = "04-cuoc-hop.md"  # the meeting: tables, key combinations and wide screenshots


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    make_app(lang)
    manual = ManualWindow(None, lang)
    save(manual, out / f"manual{suffix}.png")
    manual.browser.follow(QUrl(CHAPTER))
    settle()
    top = first_picture_top(manual.browser)
    if top is not None:
        manual.browser.verticalScrollBar().setValue(top - 120)
    save(manual, out / f"manual-chapter{suffix}.png")
    about = AboutDialog(None)
    save(about, out / f"about{suffix}.png")
    about.tabs.setCurrentIndex(1)
    save(about, out / f"about-licences{suffix}.png")
    return 0


def first_picture_top(browser: QTextBrowser) -> int | None:
    """Where the page's first picture starts, in pixels from the top of the document."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if fragments.fragment().charFormat().isImageFormat():
                return int(document.documentLayout().blockBoundingRect(block).top())
            fragments += 1
        block = block.next()
    return None


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
