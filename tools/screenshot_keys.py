"""Pictures of the signing key dialogs for docs/screenshots/ (offscreen): the council's key with its actions, the
passphrase asked before certificates are signed, and the registry of trusted keys with one revoked.

    .venv/bin/python tools/screenshot_keys.py OUT_DIR [en]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DATA = Path(tempfile.mkdtemp(prefix="ocop-keys-"))
os.environ["OCOP_DESKTOP_DATA"] = str(DATA / "council")

from shots import save  # noqa: E402

from ocop_desktop.persistence import keys  # noqa: E402
from ocop_desktop.ui.app import make_app  # noqa: E402
from ocop_desktop.ui.file.keys import CouncilKeyDialog, TrustedKeysDialog, UnlockDialog  # noqa: E402

PASSPHRASE = "chè búp Tân Cương 2026"  # noqa: S105 (a picture's throw-away key)
COUNCILS = ("Hội đồng OCOP huyện Đại Từ", "Hội đồng OCOP huyện Phú Lương", "Hội đồng OCOP thành phố Sông Công")


def main(out: Path, lang: str) -> int:
    suffix = "-en" if lang == "en" else ""
    make_app(lang)
    keys.create_key(PASSPHRASE, issuer="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên")
    for index, name in enumerate(COUNCILS):
        other = keys.create_key(PASSPHRASE, DATA / f"other-{index}", issuer=name)
        keys.trust_public_key(keys.public_key_document(other, name, dt.date(2026, 11, 2)))
        if index == 2:
            keys.revoke_key(other.key_id, dt.date(2026, 11, 20), "mất máy tính xách tay")
    keys.forget_unlocked_keys()
    save(CouncilKeyDialog(None), out / f"keys{suffix}.png")
    save(UnlockDialog(None), out / f"keys-unlock{suffix}.png")
    registry = TrustedKeysDialog(None)
    registry.table.selectRow(0)
    save(registry, out / f"keys-registry{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "vi"))
