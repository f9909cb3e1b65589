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


def exercise_command(path: Path, count: int) -> list[str]:
    """`ocop-desktop db exercise`: `count` choices written one by one into `path`, each acknowledged on stdout."""
    return [sys.executable, "-m", "ocop_desktop", "db", "exercise", "--db", str(path), "--count", str(count)]


def start_exercise(
    path: Path, *, stderr: int = subprocess.DEVNULL
) -> tuple[subprocess.Popen[str], list[str], threading.Thread]:
    """`db exercise` writing until it is stopped, the ids it has acknowledged (filled as its ACK lines come) and the
    thread reading them (join it once the process has ended)."""
    child = subprocess.Popen(  # noqa: S603 - our own command line
        exercise_command(path, 1000000), stdout=subprocess.PIPE, stderr=stderr, text=True
    )
    acked: list[str] = []

    def read() -> None:
        for line in child.stdout or ():
            if line.startswith("ACK "):
                acked.append(line[4:].strip())

    reader = threading.Thread(target=read)
    reader.start()
    return child, acked, reader


def kill_once(path: Path, rnd: random.Random, stats: CrashStats, *, max_wait: float = 1.5) -> None:
    """One run: start `db exercise`, SIGKILL it after a random delay, then check what the file holds."""
    before = set(list_choices(path)) if path.exists() and backup.check_file(path).ok else set()
    child, acked, reader = start_exercise(path)
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
