"""The council database at province size (issue 3): 20,000 products × 9 members × ~30 items ≈ 5.4 M choices.

    .venv/bin/python benchmarks/bench_database.py [--products 20000] [--keep FILE]

Prints: time to build the file with Core bulk inserts; time to open it; time to record one choice through the
service (p50 / p95, each durably committed); time to recompute every result through the scoring core and the
ratio to a plain SQL GROUP BY over the same rows in the same run; file size; peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="write the file here and keep it")
    args = parser.parse_args()
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

        start = time.perf_counter()
        with db.reading() as s:
            rows = s.execute(text(GROUP_BY)).all()
        raw_s = time.perf_counter() - start
        stats = recompute_all(db)
        print(
            f"plain SQL GROUP BY (average of member totals of option numbers): {raw_s:.2f} s for {len(rows):,} dossiers"
        )
        print(
            f"recompute every result through the scoring core: {stats.seconds:.1f} s for {stats.results:,} results "
            f"({stats.choices:,} choices) — ratio to the GROUP BY: {stats.seconds / raw_s:.0f}x"
        )
        db.close()
        print(f"peak memory (RSS): {peak_mib():.0f} MiB")
        print(f"run finished {dt.datetime.now():%Y-%m-%d %H:%M}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
