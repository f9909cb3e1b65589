"""The council database at province size (issues 3 and 17): 20,000 products × 9 members × ~30 items ≈ 5.4 M
choices.

    .venv/bin/python benchmarks/bench_database.py [--products 20000] [--keep FILE] [--runs 2]
    .venv/bin/python benchmarks/bench_database.py --file FILE [--runs 2]   # a file built before, results stored

Prints: time to build the file with Core bulk inserts and to store its results through the scoring core; time to
open it; time to record one choice through the service (p50 / p95, each durably committed); time to recompute
every result through the scoring core and the ratio to a plain SQL GROUP BY over the same rows (goal ≤ 3×); `db
verify` of the file and the ratio to a bare `PRAGMA integrity_check` of it (goal ≤ 2×), each in a process of its
own, with verify's peak memory (goal < 500 MiB); file size; peak memory. Each pair is measured `--runs` times,
alternating, in the same run; medians are printed. `--file` measures only recompute and verify, writing nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province_file
from sqlalchemy import select, text

from ocop_desktop.domain.enums import MemberRole, Role
from ocop_desktop.models import CouncilMember, Dossier
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import scoring_session
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.recompute import recompute_all
from ocop_desktop.services.round_setup import add_member

GROUP_BY = """
SELECT dossier_id, AVG(total) FROM (
  SELECT b.dossier_id AS dossier_id, b.id AS ballot_id, SUM(c.option_number) AS total
  FROM ballot_choices c JOIN ballots b ON b.id = c.ballot_id
  WHERE b.status = 'submitted'
  GROUP BY b.dossier_id, b.id
) GROUP BY dossier_id
"""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


VERIFY = r"""
import json, resource, sys, time
from pathlib import Path
from ocop_desktop.services.verify_database import verify_file
start = time.perf_counter()
report = verify_file(Path(sys.argv[1]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "results": report.results_checked,
                  "problems": len(report.problems)}))
"""

INTEGRITY = r"""
import json, sqlite3, sys, time
start = time.perf_counter()
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = con.execute("PRAGMA integrity_check").fetchall()
print(json.dumps({"seconds": time.perf_counter() - start, "ok": rows == [("ok",)]}))
"""


def child(code: str, path: Path) -> dict[str, float]:
    """Run `code` on `path` in a fresh process (its own peak memory); the JSON object it prints."""
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"the child process failed\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def recompute_against_group_by(path: Path, runs: int) -> None:
    """Recompute every result and the plain GROUP BY, alternating, `runs` times each."""
    raw, core = [], []
    db = Database.open(path, daily_backup=False, lock=False)  # only reads: the window benchmark may hold the file
    for _ in range(runs):
        start = time.perf_counter()
        with db.reading() as s:
            rows = s.execute(text(GROUP_BY)).all()
        raw.append(time.perf_counter() - start)
        stats = recompute_all(db)
        core.append(stats.seconds)
    db.close()
    raw_s, core_s = statistics.median(raw), statistics.median(core)
    print(f"plain SQL GROUP BY (average of member totals of option numbers): {raw_s:.2f} s for {len(rows):,} dossiers")
    print(
        f"recompute every result through the scoring core: {core_s:.1f} s for {stats.results:,} results "
        f"({stats.choices:,} choices, {len(stats.differing):,} differing from the stored ones) — ratio to the "
        f"GROUP BY: {core_s / raw_s:.1f}x (goal: <= 3x; medians of {runs})"
    )
    print(f"peak memory of this process so far (RSS): {peak_mib():.0f} MiB")


def verify_against_integrity_check(path: Path, runs: int) -> None:
    """`db verify` and a bare integrity_check, each in its own process, alternating, `runs` times each."""
    bare, checks = [], []
    for _ in range(runs):
        bare.append(child(INTEGRITY, path))
        checks.append(child(VERIFY, path))
    bare_s = statistics.median(b["seconds"] for b in bare)
    verify_s = statistics.median(c["seconds"] for c in checks)
    peak = max(c["peak_mib"] for c in checks)
    last = checks[-1]
    print(f"bare PRAGMA integrity_check (sqlite3, read-only): {bare_s:.1f} s")
    print(
        f"db verify (integrity, foreign keys, audit chain, seals, snapshots, {int(last['results']):,} results "
        f"recomputed; {int(last['problems']):,} problems found): {verify_s:.1f} s, peak {peak:.0f} MiB — "
        f"ratio to integrity_check: {verify_s / bare_s:.1f}x (goal: <= 2x, < 500 MiB; medians of {runs})"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="write the file here and keep it")
    parser.add_argument("--file", type=Path, help="measure recompute and verify on this file, built before")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if args.file is not None:
        print(f"file: {args.file} ({args.file.stat().st_size / 1048576:.0f} MiB)")
        recompute_against_group_by(args.file, args.runs)
        verify_against_integrity_check(args.file, args.runs)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "province.ocopdb"
        path.unlink(missing_ok=True)
        start = time.perf_counter()
        timings = province_file.build(path, products=args.products)
        build_s = time.perf_counter() - start
        print(f"products: {args.products:,}; choices: {int(timings['choice_rows']):,}")
        parts = f"registry {timings['registry']:.1f} s, choices {timings['choices']:.1f} s"
        print(f"build (Core bulk insert): {build_s:.1f} s ({parts})")
        print(f"file size: {path.stat().st_size / 1048576:.0f} MiB")

        opens = []
        for _ in range(5):
            start = time.perf_counter()
            db = Database.open(path)
            with db.reading() as s:
                s.execute(text("SELECT count(*) FROM dossiers")).scalar_one()
            opens.append(time.perf_counter() - start)
            db.close()
        print(f"open (checks + quick_check + first query): median {statistics.median(opens):.2f} s of 5")

        db = Database.open(path)
        with db.reading() as s:
            council_id = s.scalars(select(CouncilMember.council_id)).first()
            dossier_id = s.scalars(select(Dossier.id).order_by(Dossier.agenda_order)).first()
        assert council_id is not None and dossier_id is not None
        member_id = add_member(
            db, actor=SYSTEM, council_id=council_id, full_name="Thành viên đo thời gian", role=MemberRole.MEMBER
        )
        actor = Actor(None, "benchmark", frozenset({Role.MEMBER}), member_id)
        ballot_id = scoring_session.open_ballot(db, actor=actor, dossier_id=dossier_id, member_id=member_id)
        with db.reading() as s:
            from ocop_desktop.services.scoring_session import _sheet_of

            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None
            sheet = _sheet_of(s, dossier)
        times = []
        for n in range(300):
            item = sheet.items[n % len(sheet.items)]
            start = time.perf_counter()
            scoring_session.record_choice(
                db, actor=actor, ballot_id=ballot_id, item_id=item.id, option_number=1 + n % len(item.options)
            )
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"record one choice (service, committed, synchronous=FULL): p50 {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {times[int(0.95 * len(times))] * 1000:.1f} ms over {len(times)}"
        )

        db.close()
        start = time.perf_counter()
        stored = province_file.store_results(path)
        print(f"results stored through the scoring core: {stored:,} in {time.perf_counter() - start:.1f} s")
        recompute_against_group_by(path, args.runs)
        verify_against_integrity_check(path, args.runs)
        print(f"peak memory (RSS): {peak_mib():.0f} MiB")
        print(f"run finished {dt.datetime.now():%Y-%m-%d %H:%M}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
