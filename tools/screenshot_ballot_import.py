"""A picture of the Excel ballots preview for docs/screenshots/: on a copy of the demo data file, a dossier is added
after the meeting, Lê Đức Thắng's workbook is exported and its sheet filled as the member would, and the window's
preview of that file is drawn (the same dialog and the same service the secretary's button uses).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_ballot_import.py DEMO.ocopdb OUT_DIR [en]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.ballot_workbooks import read_ballot_workbook
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui.app import make_app
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.pages.documents.ballot_import import BallotImportDialog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# the scenario of the tests (a late dossier, a member's filled sheet): one story for the tests and the picture
from shots import save

from tests.integration.test_ballot_workbooks import (
    LATE_SHEET,
    LATE_TITLE,
    export_by_member,
    fill_sheet,
    late_dossier,
)


def main(demo: Path, out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    work = Path(tempfile.mkdtemp(prefix="ocop-ballots-"))
    db_path = work / demo.name
    shutil.copyfile(demo, db_path)
    app = make_app(lang)
    db = Database.open(db_path)
    secretary = accounts.authenticate(db, username="thuky", password=DEMO_PASSWORD)
    window = MainWindow(db, secretary)
    round_id = window.round_id or ""
    late_dossier(db, round_id)
    path = export_by_member(db, round_id, work / "phieu-excel")["Lê Đức Thắng"]
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    fill_sheet(path, LATE_TITLE, sheet, lambda item: max(1, len(item.options) - len(item.id) % 2), "Chè thơm.")
    preview = read_ballot_workbook(db, actor=secretary, path=path, round_id=round_id)
    window.show()
    dialog = BallotImportDialog(window, preview)
    save(dialog, out / f"ballot-import{suffix}.png")
    dialog.close()
    db.close()
    app.processEvents()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "vi"))
