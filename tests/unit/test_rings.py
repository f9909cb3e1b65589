"""The unit ring stays free of Qt: only the GUI ring's conftest loads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_shared_test_settings_load_no_qt(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "import tests.conftest\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pytestqt')"
        " or m.startswith('ocop_desktop.ui'))\n"
        "print(loaded)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # the folders it makes stay in this test's own
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
