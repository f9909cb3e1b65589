"""Kill a process in the middle of scoring, many times: the file stays sound and keeps every choice whose
acknowledgement was printed (the 1,000-kill version is benchmarks/bench_crash.py)."""

from __future__ import annotations

import random
from pathlib import Path

from ocop_desktop.services.crash_harness import CrashStats, kill_once
from ocop_desktop.services.verify_database import verify_file

KILLS = 30


def test_sigkill_loses_no_acknowledged_choice(tmp_path: Path) -> None:
    path = tmp_path / "crash.ocopdb"
    stats = CrashStats()
    rnd = random.Random(20261122)
    for _ in range(KILLS):
        kill_once(path, rnd, stats, max_wait=1.2)
    assert stats.kills == KILLS
    assert stats.failures == []
    assert stats.integrity_failures == 0 and stats.lost_choices == 0
    assert stats.acknowledged > 50, "the children must have had time to record choices"
    report = verify_file(path)
    assert report.ok, report.problems
