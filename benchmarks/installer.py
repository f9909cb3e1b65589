"""The installer: how long the one-folder bundle takes to build, how large it is, and how fast the frozen program
starts compared with the same commands run from the virtual environment, in the same run.

    .venv/bin/python benchmarks/installer.py [--runs 7] [--bundle dist/OCOP-Desktop]

Builds into a temporary folder (or measures an existing bundle with --bundle), then runs `--version`, `criteria
list` and `gui --view start --screenshot` (offscreen) alternately frozen and from the venv, several times each, and
prints medians, the frozen / venv ratio and each command's peak memory. POSIX only (wall clocks and os.wait4).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "ocop-desktop"
VENV_COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ocop_desktop"]
MIB = 1024 * 1024


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def build(work: Path) -> tuple[Path, float, float]:
    """The bundle built from build_installer.spec into `work`: its folder, the build's wall seconds and peak MiB."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    cmd += ["--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build_installer.spec")]
    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "build"], check=True, stdout=subprocess.DEVNULL)
    seconds, peak = timed(cmd, dict(os.environ))
    return work / "dist" / "OCOP-Desktop", seconds, peak


def size(folder: Path) -> tuple[float, int, list[tuple[float, str]]]:
    """Total MiB and file count (symbolic links not counted twice), and the largest top-level parts of _internal."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    parts: dict[str, int] = defaultdict(int)
    for p in files:
        rel = p.relative_to(folder).parts
        parts["/".join(rel[:2]) if rel[0] == "_internal" and len(rel) > 1 else rel[0]] += p.stat().st_size
    largest = sorted(((n / MIB, name) for name, n in parts.items()), reverse=True)[:8]
    return sum(p.stat().st_size for p in files) / MIB, len(files), largest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, help="measure this built bundle instead of building one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.bundle:
            bundle = args.bundle.resolve()
            print(f"bundle: {bundle} (not rebuilt)")
        else:
            bundle, seconds, peak = build(work)
            print(f"build: {seconds:.1f} s wall, peak {peak:.0f} MiB (PyInstaller, build_installer.spec, --clean)")
        total, count, largest = size(bundle)
        print(f"bundle size: {total:.1f} MiB, {count} files")
        print("  largest parts: " + ", ".join(f"{name} {mib:.1f}" for mib, name in largest))

        frozen = [str(bundle / "ocop-desktop")]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OCOP_DESKTOP_DATA": str(work / "data")}
        commands = {
            "--version": ["--version"],
            "criteria list": ["criteria", "list"],
            "gui start view --screenshot": ["gui", "--view", "start", "--screenshot", str(work / "start.png")],
        }
        rows: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for label, rest in commands.items():
            timed([*frozen, *rest], env)  # warm the file cache for both
            timed([*VENV_COMMAND, *rest], env)
            for _ in range(args.runs):
                rows[label, "frozen"].append(timed([*frozen, *rest], env))
                rows[label, "venv"].append(timed([*VENV_COMMAND, *rest], env))
        baseline = statistics.median(timed([sys.executable, "-c", "pass"], env)[0] for _ in range(args.runs))
    print(f"start-up, median of {args.runs} fresh processes each (python -c pass: {baseline * 1000:.0f} ms)")
    print(f"  {'command':<30} {'frozen':>10} {'venv':>10} {'ratio':>7} {'peak MiB frozen / venv':>24}")
    for label in commands:
        f_time = statistics.median(t for t, _ in rows[label, "frozen"])
        v_time = statistics.median(t for t, _ in rows[label, "venv"])
        f_peak = max(m for _, m in rows[label, "frozen"])
        v_peak = max(m for _, m in rows[label, "venv"])
        print(
            f"  {label:<30} {f_time * 1000:>7.0f} ms {v_time * 1000:>7.0f} ms {f_time / v_time:>6.2f}x "
            f"{f_peak:>15.0f} / {v_peak:.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
