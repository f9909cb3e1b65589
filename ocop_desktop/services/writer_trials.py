"""Two trials of "one writer at a time", shared by the tests and `benchmarks/bench_writers.py`:

- two processes open the same data file at once, each making the day's first backup (some killed half-way): every
  process either works or is told who holds the file — never an unexpected error — and no temporary file is left
  in `backups/` once the file is opened again;
- the data file is deleted, or replaced by an older copy, while `db exercise` writes: no write committed after
  that is acknowledged (the application stops with a message instead)."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.crash_harness import exercise_command, start_exercise

EXIT_OK, EXIT_BAD_INPUT = 0, 2  # what `ocop-desktop` returns: done / refused with a message


@dataclass
class BackupRaceStats:
    trials: int = 0
    both_worked: int = 0
    one_told_in_use: int = 0
    killed: int = 0
    unexpected_errors: int = 0
    leftover_tmp: int = 0
    unsound_files: int = 0
    failures: list[str] = field(default_factory=list)


def prepare(path: Path) -> None:
    """A data file with one recorded choice and no backup yet (so that the next opening makes the day's first)."""
    _exercise(path, 1)
    shutil.rmtree(path.parent / "backups", ignore_errors=True)


def _exercise(path: Path, count: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command line
        exercise_command(path, count),
        capture_output=True,
        text=True,
        check=False,
    )


def backup_race(path: Path, rnd: random.Random, stats: BackupRaceStats, *, kill: bool) -> None:
    """One trial: two processes open `path` at once (each would make the day's first backup and write a choice);
    with `kill`, one of them is killed after a random delay."""
    prepare(path)
    children = [
        subprocess.Popen(  # noqa: S603 - our own command line
            exercise_command(path, 1),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    if kill:
        time.sleep(rnd.uniform(0.0, 0.6))
        os.kill(children[0].pid, signal.SIGKILL)
    results = [(child.wait(), *child.communicate()) for child in children]
    stats.trials += 1
    codes = [code for code, _out, _err in results]
    if kill and codes[0] == -signal.SIGKILL:
        stats.killed += 1
        codes = codes[1:]
        results = results[1:]
    for code, _out, err in results:
        if code not in (EXIT_OK, EXIT_BAD_INPUT) or (code == EXIT_BAD_INPUT and "ghi ở nơi khác" not in err):
            stats.unexpected_errors += 1
            stats.failures.append(f"exit {code}: {err.strip()[-300:]}")
    if all(code == EXIT_OK for code in codes) and len(codes) == 2:
        stats.both_worked += 1
    elif EXIT_BAD_INPUT in codes:
        stats.one_told_in_use += 1
    Database.open(path, daily_backup=False).close()  # the next opening tidies what a killed writer left
    left = list((path.parent / "backups").glob("*.tmp")) + list(path.parent.glob("*.tmp"))
    stats.leftover_tmp += len(left)
    if not backup.check_file(path).ok or any(not backup.check_file(b).ok for b in backup.list_backups(path)):
        stats.unsound_files += 1
        stats.failures.append("a data file or backup fails its check")


@dataclass
class SwapStats:
    trials: int = 0
    acknowledged_before: int = 0
    acknowledged_after: int = 0  # must stay 0: writes acknowledged although made after the swap
    stopped_with_message: int = 0
    failures: list[str] = field(default_factory=list)


def _choices(path: Path) -> dict[str, dt.datetime]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT id, recorded_at FROM ballot_choices").fetchall()
    finally:
        con.close()
    return {str(i): dt.datetime.fromisoformat(str(at)).replace(tzinfo=dt.UTC) for i, at in rows}


def swap_while_writing(path: Path, rnd: random.Random, stats: SwapStats, *, replace: bool) -> None:
    """One trial: `db exercise` writes choices while the file is deleted (or replaced by an older copy) under it.

    The file it had open is kept under another name (a hard link), so that every choice committed to it can be
    dated: a choice acknowledged although it was recorded after the swap counts in `acknowledged_after`."""
    prepare(path)
    older = path.with_name(path.name + ".older")
    shutil.copyfile(path, older)
    aside = path.with_name(path.name + ".aside")
    child, acked, reader = start_exercise(path, stderr=subprocess.PIPE)
    while not acked and child.poll() is None:
        time.sleep(0.01)
    time.sleep(rnd.uniform(0.05, 0.5))
    os.link(path, aside)
    swapped = dt.datetime.now(dt.UTC)
    if replace:
        os.replace(older, path)
    else:
        path.unlink()
    try:
        child.wait(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        stats.failures.append("the writer went on writing for a minute after the swap")
    reader.join()
    err = child.stderr.read() if child.stderr else ""
    stats.trials += 1
    if child.returncode == EXIT_BAD_INPUT and "bị xóa hoặc bị thay" in err:
        stats.stopped_with_message += 1
    else:
        stats.failures.append(f"exit {child.returncode}: {err.strip()[-300:]}")
    written = _choices(aside)
    after = [c for c in acked if c in written and written[c] > swapped]
    stats.acknowledged_after += len(after)
    stats.acknowledged_before += len(acked) - len(after)
    for leftover in (aside, older, Path(str(aside) + "-wal"), Path(str(aside) + "-shm")):
        leftover.unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
