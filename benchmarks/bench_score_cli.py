"""How long one `ocop-desktop score` call takes, start to finish, in fresh processes.

    .venv/bin/python benchmarks/bench_score_cli.py [--runs 30]

Target (issue 2): well under 0.5 s on a 2-core machine. Prints the median / p95 / max wall time of the command
for 5 and 9 members, and of a bare `python -c pass` measured in the same run, with the ratio between them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "ocop-desktop"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ocop_desktop"]


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def summary(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    median = statistics.median(values) * 1000
    return f"{label:<34} median {median:7.1f} ms   p95 {p95 * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms"


def nine_members(tmp: Path) -> Path:
    doc = json.loads((ROOT / "resources" / "examples" / "ballots-demo.json").read_text(encoding="utf-8"))
    members = doc["members"]
    doc["members"] = [dict(members[i % 4], name=f"Thành viên {i + 1}", recused=False) for i in range(9)]
    path = tmp / "nine.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    demo = ROOT / "resources" / "examples" / "ballots-demo.json"
    with tempfile.TemporaryDirectory() as tmp:
        nine = nine_members(Path(tmp))
        timed([*COMMAND, "score", "--ballots", str(demo)], 3)  # warm the file cache
        baseline = timed([sys.executable, "-c", "pass"], args.runs)
        five = timed([*COMMAND, "score", "--ballots", str(demo)], args.runs)
        nine_t = timed([*COMMAND, "score", "--ballots", str(nine)], args.runs)
    print(f"runs per row: {args.runs}")
    print(summary("baseline: python -c pass", baseline))
    print(summary("ocop-desktop score (5 members)", five))
    print(summary("ocop-desktop score (9 members)", nine_t))
    ratio = statistics.median(nine_t) / statistics.median(baseline)
    print(f"ratio score(9) / bare python, medians: {ratio:.1f}x")
    target = 0.5
    verdict = "OK" if max(statistics.median(five), statistics.median(nine_t)) < target else "OVER TARGET"
    print(f"target: median under {target * 1000:.0f} ms -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
