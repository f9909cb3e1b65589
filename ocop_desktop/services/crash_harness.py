"""The SIGKILL harness shared by the crash test and the crash benchmark: run `db exercise` in a child
process, kill it at a random moment, then check the file — integrity, and every acknowledged choice present."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.persistence import backup
from ocop_desktop.services.exercise import list_choices


@dataclass
class CrashStats:
    kills: int = 0
    integrity_failures: int = 0
    lost_choices: int = 0
    acknowledged: int = 0
    unacknowledged_present: int = 0
    failures: list[str] = field(default_factory=list)


def _command() -> list[str]:
    return [sys.executable, "-m", "ocop_desktop"]


def kill_once(path: Path, rnd: random.Random, stats: CrashStats, *, max_wait: float = 1.5) -> None:
    """One run: start `db exercise`, SIGKILL it after a random delay, then check what the file holds."""
    before = set(list_choices(path)) if path.exists() and backup.check_file(path).ok else set()
    child = subprocess.Popen(  # noqa: S603 - our own command line
        [*_command(), "db", "exercise", "--db", str(path), "--count", "1000000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acked: list[str] = []

    def read() -> None:
        for line in child.stdout or ():
            if line.startswith("ACK "):
                acked.append(line[4:].strip())

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(rnd.uniform(0.05, max_wait))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join()
    stats.kills += 1
    stats.acknowledged += len(acked)
    check = backup.check_file(path) if path.exists() else None
    if check is not None and not check.ok:
        stats.integrity_failures += 1
        stats.failures.append("; ".join(check.problems))
        return
    present = set(list_choices(path)) if path.exists() else set()
    lost = [c for c in acked if c not in present]
    stats.lost_choices += len(lost)
    stats.unacknowledged_present += len(present - before - set(acked))
    if lost:
        stats.failures.append(f"lost {len(lost)} acknowledged choices, first {lost[0]}")
