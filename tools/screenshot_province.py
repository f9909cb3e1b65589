"""Pictures of the page "Toàn tỉnh" for docs/screenshots/: a province file merged from three councils over four
years (the sample the tests use, 1,200 products), each tab of the page, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_province.py OUT_DIR [en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ocop_desktop.persistence.database import Database
from ocop_desktop.ui.app import make_app
from ocop_desktop.ui.main_window import PAGES, MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# the sample province of the tests: one story for the tests and the pictures
from shots import settle

from tests.province_data import build_sample_province

TABS = ("province", "province-summary", "province-councils", "province-certificates")


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    app = make_app(lang)
    path = Path(tempfile.mkdtemp(prefix="ocop-province-")) / "toan-tinh.ocopdb"
    db = Database.open(path, create=True)
    build_sample_province(db, products=1200)
    window = MainWindow(db, None)
    window.resize(1366, 820)
    window.show()
    window.nav.setCurrentRow(PAGES.index("province"))
    page = window.province_page
    for index, name in enumerate(TABS):
        page.tabs.setCurrentIndex(index)
        settle()
        window.grab().save(str(out / f"{name}{suffix}.png"))
    page.tabs.setCurrentIndex(0)
    page.search.setText("che")
    page.stars_box.setCurrentIndex(page.stars_box.findData("4"))
    settle()
    window.grab().save(str(out / f"province-filtered{suffix}.png"))
    del app
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
