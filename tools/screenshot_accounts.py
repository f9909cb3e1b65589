"""Pictures of File → Accounts and PINs for docs/screenshots/ (offscreen, over a throw-away demo file): the
administrator's accounts tab, and the members' PINs tab with two PINs set.

    .venv/bin/python tools/screenshot_accounts.py OUT_DIR [en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DATA = Path(tempfile.mkdtemp(prefix="ocop-accounts-"))
os.environ["OCOP_DESKTOP_DATA"] = str(DATA / "data")

from shots import save  # noqa: E402

from ocop_desktop.persistence.database import Database  # noqa: E402
from ocop_desktop.services import accounts, queries  # noqa: E402
from ocop_desktop.services.demo import DEMO_PASSWORD, build_demo  # noqa: E402
from ocop_desktop.ui.app import make_app  # noqa: E402
from ocop_desktop.ui.file.accounts import AccountsDialog  # noqa: E402


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    make_app(lang)
    path = DATA / "demo.ocopdb"
    build_demo(path)
    with Database.open(path) as db:
        admin = accounts.authenticate(db, username="quantri", password=DEMO_PASSWORD)
        round_id = queries.list_rounds(db)[0].round_id
        for member in accounts.member_pins(db, actor=admin, round_id=round_id)[:2]:
            accounts.set_member_pin(db, actor=admin, member_id=member.member_id, pin="2468")
        dialog = AccountsDialog(db, admin, round_id)
        dialog.accounts_table.selectRow(4)
        save(dialog, out / f"accounts{suffix}.png")
        dialog.tabs.setCurrentIndex(1)
        dialog.pins_table.selectRow(2)
        save(dialog, out / f"accounts-pins{suffix}.png")
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
