"""A picture of the exchange import preview for docs/screenshots/: in a throw-away data folder, the demo round is
exported and signed by this laptop's key, a second council's round is signed by a key not registered here, and a
copy of the first has a value changed after signing; the province window's preview of the three is drawn (the
same dialog and the same dry run the officer's menu uses).

    .venv/bin/python tools/screenshot_exchange.py OUT_DIR [en]
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="ocop-exchange-"))
os.environ["OCOP_DESKTOP_DATA"] = str(WORK / "data")

from shots import save  # noqa: E402
from sqlalchemy import select  # noqa: E402

from ocop_desktop.models import Round  # noqa: E402
from ocop_desktop.persistence import keys  # noqa: E402
from ocop_desktop.persistence.database import Database  # noqa: E402
from ocop_desktop.services.actor import SYSTEM  # noqa: E402
from ocop_desktop.services.demo import build_demo  # noqa: E402
from ocop_desktop.services.exchange import export_round  # noqa: E402
from ocop_desktop.services.exchange_import import import_files  # noqa: E402
from ocop_desktop.ui.app import make_app  # noqa: E402
from ocop_desktop.ui.file.exchange import ExchangeImportDialog  # noqa: E402

PASSPHRASE = "mat khau anh chup man hinh"  # noqa: S105 - a throw-away key for the picture


def _export(seed: int, name: str, key: keys.InstallationKey) -> Path:
    path = WORK / f"hoi-dong-{seed}" / "demo.ocopdb"
    path.parent.mkdir()
    build_demo(path, seed=seed)
    with Database.open(path) as db, db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    with Database.open(path) as db:
        return export_round(db, actor=SYSTEM, round_id=round_id, out=WORK / name, key=key).path


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    app = make_app(lang)
    own = keys.create_key(PASSPHRASE, WORK / "data")
    other = keys.create_key(PASSPHRASE, WORK / "other-council")
    first = _export(2026, "dot-2-2026-hoi-dong-tinh.ocop", own)
    second = _export(7, "dot-1-2026-hoi-dong-khac.ocop", other)
    changed = WORK / "dot-2-2026-da-sua.ocop"
    shutil.copy(first, changed)
    with sqlite3.connect(changed) as con:
        con.execute("UPDATE results SET stars = 5 WHERE rowid = 1")
    province = Database.open(WORK / "tinh.ocopdb", create=True)
    report = import_files(province, [first, second, changed], actor=SYSTEM, dry_run=True)
    dialog = ExchangeImportDialog(None, report, frozenset())
    save(dialog, out / f"exchange-import{suffix}.png")
    dialog.close()
    province.close()
    app.processEvents()
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
