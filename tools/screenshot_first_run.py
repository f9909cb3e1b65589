"""Pictures of the first-run assistant for the manual (offscreen): each page filled as a secretary of Thái Nguyên
would fill it (`first-run-1.png` … `first-run-6.png`), and the dialog a damaged data file brings up, with the backup
it offers (`recovery.png`); `-en` after the name in English. Everything is made in throw-away folders, including
Qt's settings (the assistant stores the language chosen).

    .venv/bin/python tools/screenshot_first_run.py OUT_DIR [en]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# a fixed, short folder per language, so that the paths the pictures show read well and stay the same run to run
TMP = Path(tempfile.gettempdir()) / f"ocop-first-run-{sys.argv[2] if len(sys.argv) > 2 else 'vi'}"
shutil.rmtree(TMP, ignore_errors=True)
TMP.mkdir()
os.environ["OCOP_DESKTOP_DATA"] = str(TMP / "data")
os.environ["XDG_CONFIG_HOME"] = str(TMP / "config")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QWizardPage  # noqa: E402
from shots import save, settle  # noqa: E402

from ocop_desktop.domain.enums import CouncilLevel  # noqa: E402
from ocop_desktop.domain.errors import DatabaseProblem  # noqa: E402
from ocop_desktop.services import backups, first_run  # noqa: E402
from ocop_desktop.ui.app import make_app, open_interactive  # noqa: E402
from ocop_desktop.ui.first_run import FirstRunWizard  # noqa: E402
from ocop_desktop.ui.recovery import RecoveryDialog  # noqa: E402

PASSWORD = "lan-thai-nguyen"  # noqa: S105 (a picture's throw-away account)
PASSPHRASE = "chè búp Tân Cương 2026"  # noqa: S105 (a picture's throw-away key)
THAI_NGUYEN = "19"


def fill(wizard: FirstRunWizard, page: QWizardPage) -> None:
    """What the secretary types on the pages that ask for something."""
    if page is wizard.admin_page:
        wizard.admin_page.username.setText("thuky")
        wizard.admin_page.full_name.setText("Nguyễn Thị Lan")
        wizard.admin_page.password.setText(PASSWORD)
        wizard.admin_page.again.setText(PASSWORD)
    elif page is wizard.identity_page:
        wizard.identity_page.address.select(THAI_NGUYEN, None)
    elif page is wizard.key_page:
        wizard.key_page.passphrase.setText(PASSPHRASE)
        wizard.key_page.again.setText(PASSPHRASE)
        wizard.key_page.form_folder.setText(str(TMP / "Tài liệu"))


def wizard_pages(out: Path, suffix: str) -> None:
    wizard = FirstRunWizard(None, key_folder=TMP / "key")
    wizard.resize(860, 640)
    wizard.show()
    for number, page in enumerate(wizard.pages_, start=1):
        fill(wizard, page)
        settle()
        save(wizard, out / f"first-run-{number}{suffix}.png")
        if number < len(wizard.pages_):
            wizard.next()
            if wizard.currentPage() is page:
                raise SystemExit(f"page {number} refused: {page.message.text()}")


def recovery(out: Path, suffix: str) -> None:
    """A council file with a backup, then damaged as a power cut in the middle of a write would leave it."""
    path = TMP / "hoi-dong" / "hoi-dong.ocopdb"
    first_run.set_up(
        path,
        admin=first_run.Administrator("thuky", "Nguyễn Thị Lan", PASSWORD),
        identity=first_run.CouncilIdentity(
            level=CouncilLevel.PROVINCE,
            province_code=THAI_NGUYEN,
            commune_code="",
            council_name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
            issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
            parent_body="",
            place_name="Thái Nguyên",
        ),
        key=first_run.KeyChoice(None, None, TMP / "no-key"),
    )
    backups.backup_now(path, "hang-ngay")
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\x00\xff" * 2048)
    written = time.time() + 2 * 3600 + 25 * 60  # an afternoon's work after the backup, lost with the damage
    os.utime(path, (written, written))
    try:
        open_interactive(path).close()
    except DatabaseProblem as exc:
        dialog = RecoveryDialog(None, path, exc.problems, backups.latest_good_backup(path))
        save(dialog, out / f"recovery{suffix}.png")
        return
    raise SystemExit("the damaged file opened")


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    make_app(lang)
    QSettings().setValue("language", lang)
    out.mkdir(parents=True, exist_ok=True)
    wizard_pages(out, suffix)
    recovery(out, suffix)
    shutil.rmtree(TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
