"""Pictures of the recognition decision dialog (the demo round stopped at its approved results, as the provincial
officer sees it) and of File → Restore from a backup (the demo file with a few backups), for docs/screenshots/.

    .venv/bin/python tools/screenshot_recognition.py OUT_DIR [en]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shots import save, settle

from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, backups, recognition
from ocop_desktop.services.demo import DEMO_PASSWORD, build_demo
from ocop_desktop.ui.app import make_app
from ocop_desktop.ui.backups import RestoreDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.results.recognition_dialogs import RecognitionDialog


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    make_app(lang)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dot-mau.ocopdb"
        build_demo(path, decision=False)
        db = Database.open(path)
        try:
            officer = accounts.authenticate(db, username="canbotinh", password=DEMO_PASSWORD)
            window = MainWindow(db, officer)
            window.nav.setCurrentRow(PAGES.index("results"))
            plan = recognition.recognition_plan(db, round_id=window.round_id or "", date=dt.date(2026, 11, 2))
            dialog = RecognitionDialog(window, plan, dt.date(2026, 11, 2))
            dialog.number.setText("2150/QĐ-UBND")
            dialog.signer.setText("Nguyễn Văn Thành")
            dialog.signer_title.setText("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH")
            save(dialog, out / f"decision{suffix}.png")
            dialog.close()
            for _ in range(2):
                backups.backup_now(path)
            restore = RestoreDialog(window, path)
            restore.select(0)
            settle()
            save(restore, out / f"restore{suffix}.png")
            restore.close()
            window.close()
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
