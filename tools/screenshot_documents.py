"""Pictures of the documents page at work, for docs/screenshots/: the progress dialog while the sheet pack is made
(the whole screen, so the dialog is in it: run under Xvfb) and the page after making the set, with a preview.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_documents.py DEMO.ocopdb OUT_DIR [en]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread

from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.council_key import make_demo_key
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui.app import make_app
from ocop_desktop.ui.main_window import MainWindow


def wait(condition: object, limit: int = 6000) -> None:
    for _ in range(limit):
        if condition():  # type: ignore[operator]
            return
        QCoreApplication.processEvents()
        QThread.msleep(10)
    raise SystemExit("the documents page did not get there")


def main(db_path: Path, out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    app = make_app(lang)
    make_demo_key(db_path)  # the demo's certificates sign with its own key, as the window's demo does: no dialog
    db = Database.open(db_path)
    window = MainWindow(db, accounts.authenticate(db, username="thuky", password=DEMO_PASSWORD))
    window.resize(1366, 820)
    window.show()
    window.round_page.documents_button.click()
    page = window.documents_page
    page.folder.setText(tempfile.mkdtemp(prefix="ocop-docs-"))
    page.generate_button.click()
    wait(lambda: page.progress_dialog is not None and page.progress_dialog.value() > 3)
    QThread.msleep(300)
    app.processEvents()
    size = f"{window.width()}x{window.height()}+0+0"  # the screen holds only this window and its dialog
    subprocess.run(
        ["import", "-window", "root", "-crop", size, str(out / f"documents-progress{suffix}.png")], check=True
    )
    wait(lambda: page.running is None)
    names = [page.files.item(i).text() for i in range(page.files.count())]
    page.files.setCurrentRow(names.index("phieu-gop-y.pdf"))
    page.preview_button.click()
    for _ in range(30):
        app.processEvents()
        QThread.msleep(10)
    window.grab().save(str(out / f"documents{suffix}.png"))
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "vi"))
