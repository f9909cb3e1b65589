"""Run one part of a benchmark in its own process, so that the peak memory it reports is its own."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile


def run_child(code: str, kind: str, products: int, members: int) -> dict[str, float]:
    """Run `code` with argv kind, a fresh temporary folder, products and members; return the JSON object it prints
    last. Exits with the child's error output if it fails."""
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, "-c", code, kind, folder, str(products), str(members)],
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        sys.exit(f"{kind}: the child process failed\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))
