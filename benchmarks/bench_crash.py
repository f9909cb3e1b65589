"""Crash safety at scale (issue 3): kill `ocop-desktop db exercise` with SIGKILL at random moments, many times,
and check the file after each kill.

    .venv/bin/python benchmarks/bench_crash.py [--kills 1000]

Prints kills, integrity failures, acknowledged choices, lost acknowledged choices (must be 0), choices present
but never acknowledged (killed between commit and the printed ACK: allowed), and the final `db verify`.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from ocop_desktop.services.crash_harness import CrashStats, kill_once
from ocop_desktop.services.verify_database import verify_file

FRESH_FILE_EVERY = 100  # keep each file small so the checks after each kill stay fast


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    stats = CrashStats()
    verified = verify_failures = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crash-0.ocopdb"
        for n in range(args.kills):
            if n % FRESH_FILE_EVERY == 0 and n:
                verified += 1
                verify_failures += 0 if verify_file(path).ok else 1
                path = Path(tmp) / f"crash-{n}.ocopdb"
            kill_once(path, rnd, stats)
            if (n + 1) % 100 == 0:
                print(f"  {n + 1} kills, {stats.acknowledged} acknowledged, {stats.lost_choices} lost", flush=True)
        verified += 1
        verify_failures += 0 if verify_file(path).ok else 1
    print(f"kills: {stats.kills}")
    print(f"integrity failures: {stats.integrity_failures}")
    print(f"acknowledged choices: {stats.acknowledged}")
    print(f"lost acknowledged choices: {stats.lost_choices}")
    print(f"present but never acknowledged (killed between commit and ACK): {stats.unacknowledged_present}")
    print(f"db verify after each series of {FRESH_FILE_EVERY} kills: {verified - verify_failures}/{verified} passed")
    print(f"time: {time.perf_counter() - start:.0f} s")
    for failure in stats.failures[:10]:
        print(f"FAILURE: {failure}")
    return 1 if stats.failures or verify_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
