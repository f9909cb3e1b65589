"""One writer at a time (issue 14, point 11), in figures:

    .venv/bin/python benchmarks/bench_writers.py [--races 20] [--swaps 10]

Races: two processes open one data file at once, each making the day's first backup; every other race kills one of
them half-way. Prints how many races both worked (one after the other), how many one was told who holds the file,
unexpected errors (must be 0), temporary files left in backups/ after the next opening (must be 0) and unsound
files (must be 0). Swaps: the data file is deleted or replaced by an older copy while `db exercise` writes; prints
writes acknowledged before the swap and after it (must be 0), and how many runs stopped with the message.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from ocop_desktop.services.writer_trials import BackupRaceStats, SwapStats, backup_race, swap_while_writing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--races", type=int, default=20)
    parser.add_argument("--swaps", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    races, swaps = BackupRaceStats(), SwapStats()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hai-tien-trinh.ocopdb"
        for n in range(args.races):
            backup_race(path, rnd, races, kill=n % 2 == 1)
        for n in range(args.swaps):
            swap_while_writing(path, rnd, swaps, replace=n % 2 == 1)
    print(
        f"races: {races.trials} (killed half-way: {races.killed}), both worked: {races.both_worked}, "
        f"one told who holds the file: {races.one_told_in_use}, unexpected errors: {races.unexpected_errors}, "
        f"temporary files left: {races.leftover_tmp}, unsound files: {races.unsound_files}"
    )
    print(
        f"swaps: {swaps.trials} (deleted: {(swaps.trials + 1) // 2}, replaced by an older copy: {swaps.trials // 2}), "
        f"writes acknowledged before: {swaps.acknowledged_before}, after: {swaps.acknowledged_after}, "
        f"stopped with the message: {swaps.stopped_with_message}"
    )
    print(f"time: {time.perf_counter() - start:.0f} s")
    for failure in races.failures + swaps.failures:
        print(f"  {failure}")
    failed = races.unexpected_errors + races.leftover_tmp + races.unsound_files + swaps.acknowledged_after
    return 1 if failed or swaps.stopped_with_message != swaps.trials else 0


if __name__ == "__main__":
    raise SystemExit(main())
