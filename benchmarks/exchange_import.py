"""Councils' exchange files taken into a province database (issue 6): 100 files of 50 products × 9 members × ~30
items (≈ 13,500 choices each, ≈ 1.35 M in all).

    .venv/bin/python benchmarks/exchange_import.py [--files 100] [--products 50] [--profile]

One council database is built with Core bulk inserts (`province_file.build`) and its results computed and stored
through the scoring core. For each file a copy of it becomes another council's round — every id made new, product
codes moved (`tests/exchange_helpers.rekey`, `renumber`), in the council database, before the export — and is
exported, signed. Then all files go into an empty province database with `import_files` in one call (not a dry
run), as an officer selecting them would do.

Prints: export time per file; verification time per file (`verify_exchange`: seal only; `inspect_file`: every
check without a receiving database) on a sample; import total and per file (mean, p95: the file's checks and its
transaction, timed inside the one call); peak memory; and the ratio to a bare `sqlite3` ATTACH + INSERT … SELECT
of the same rows of the same files into an empty database of the same schema, in the same run (once before the
import and once after, their mean as the baseline: the load of a shared machine drifts). With
`--profile`, the top costs of importing one more file (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OCOP_DESKTOP_DATA", tempfile.mkdtemp(prefix="ocop-bench-data-"))  # a throw-away key

import province_file
from sqlalchemy import select

from ocop_desktop.models import Dossier
from ocop_desktop.persistence import exchange_file, exchange_merge, keys, sqlite
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import exchange_import
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round, verify_exchange
from ocop_desktop.services.exchange_import import Outcome, import_files, inspect_file
from ocop_desktop.services.results import refresh_result
from tests.exchange_helpers import rekey, renumber

SAMPLE = 10  # files verified and inspected separately


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def build_council(path: Path, products: int) -> int:
    """The council's database: its round scored by 9 members, every result stored through the scoring core."""
    timings = province_file.build(path, products=products, members=9)
    with Database.open(path, daily_backup=False) as db:
        with db.transaction() as s:
            for dossier in s.scalars(select(Dossier)):
                refresh_result(s, dossier)
    return int(timings["choice_rows"])


def council_copy(source: Path, target: Path, n: int) -> str:
    """Another council's round: the council database copied, every id of the round made new and the product
    codes moved (the guard triggers, which refuse changes to submitted ballots, lifted while that is done).
    Returns the round's new id."""
    shutil.copyfile(source, target)
    with closing(sqlite3.connect(target)) as con:
        sqlite.drop_triggers(con.execute)
        rekey(con, f"{n:04x}")
        renumber(con, n + 1)
        con.execute("UPDATE councils SET name = ?", (f"Hội đồng OCOP huyện số {n + 1}",))
        sqlite.create_triggers(con.execute)
        con.commit()
        return str(con.execute("SELECT id FROM rounds").fetchone()[0])


def bare_copy(files: list[Path], target: Path) -> float:
    """The same rows of the same files into an empty database of the same schema with nothing but SQL, one
    transaction per file (the guard triggers dropped: they refuse choices for a ballot stored as submitted)."""
    Database.open(target, create=True, daily_backup=False).close()
    start = time.perf_counter()
    with closing(sqlite3.connect(target, isolation_level=None)) as con:
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            con.execute(f"PRAGMA {pragma}")
        sqlite.drop_triggers(con.execute)
        for path in files:
            con.execute("ATTACH DATABASE ? AS x", (exchange_file.sqlite_uri(path),))
            con.execute("BEGIN")
            for table in exchange_merge.APPLY_ORDER:
                names = ", ".join(f'"{n}"' for n, _kind in exchange_file.columns()[table])
                verb = "INSERT OR IGNORE" if table == "criteria_snapshots" else "INSERT"
                con.execute(f'{verb} INTO main."{table}" ({names}) SELECT {names} FROM x."{table}"')  # noqa: S608
            con.execute("COMMIT")
            con.execute("DETACH DATABASE x")
    return time.perf_counter() - start


def timed(store: list[float], function: Callable[..., object]) -> Callable[..., object]:
    @functools.wraps(function)
    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            store.append(time.perf_counter() - start)

    return wrapper


def main() -> int:
    keys.create_key("mat khau cua phep do", Path(os.environ["OCOP_DESKTOP_DATA"]))
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--products", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="profile the import of one more file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        council = folder / "council.ocopdb"
        choices = build_council(council, args.products)
        print(f"council database: {args.products} products × 9 members, {choices:,} choices, results stored "
              f"({time.perf_counter() - start:.1f} s)")  # fmt: skip

        files, exports, copies = [], [], []
        for n in range(args.files):
            start = time.perf_counter()
            copy = folder / f"council-{n}.ocopdb"
            copy_round = council_copy(council, copy, n)
            copies.append(time.perf_counter() - start)
            start = time.perf_counter()
            with Database.open(copy, daily_backup=False, quick_check=False) as db:
                out = folder / "files" / f"hoi-dong-{n:03d}.ocop"
                files.append(export_round(db, actor=SYSTEM, round_id=copy_round, out=out).path)
            exports.append(time.perf_counter() - start)
            for leftover in folder.glob(f"council-{n}.ocopdb*"):
                leftover.unlink()
        size = statistics.mean(f.stat().st_size for f in files) / 1048576
        print(f"files: {len(files)}, {size:.1f} MiB each; new ids {statistics.mean(copies):.2f} s per file; "
              f"export (signed) {statistics.mean(exports):.2f} s per file (p95 {p95(exports):.2f} s)")  # fmt: skip
        print(f"peak memory after building and exporting: {peak_mib():.0f} MiB")

        sample = files[:: max(1, len(files) // SAMPLE)][:SAMPLE]
        seals = []
        for path in sample:
            start = time.perf_counter()
            verify_exchange(path)
            seals.append(time.perf_counter() - start)
        inspections = []
        for path in sample:
            start = time.perf_counter()
            report = inspect_file(path)
            inspections.append(time.perf_counter() - start)
            assert report.outcome is Outcome.IMPORTED, report.problems
        print(f"verify per file ({len(sample)} files): seal {statistics.mean(seals):.2f} s; every check "
              f"(inspect_file) {statistics.mean(inspections):.2f} s (p95 {p95(inspections):.2f} s)")  # fmt: skip

        bare_first = bare_copy(files, folder / "bare-1.ocopdb")  # the baseline before and after: a shared machine's
        inspected: list[float] = []  # load changes within a run
        taken: list[float] = []
        exchange_import._inspect = timed(inspected, exchange_import._inspect)  # type: ignore[assignment]
        exchange_import._take = timed(taken, exchange_import._take)  # type: ignore[assignment]
        province = folder / "province" / "tinh.ocopdb"
        province.parent.mkdir()
        with Database.open(province, create=True, daily_backup=False) as db:
            start = time.perf_counter()
            report = import_files(db, files, actor=SYSTEM)
            total = time.perf_counter() - start
            assert report.ok, [(f.source.name, f.problems[:2]) for f in report.files if f.problems]
            per_file = [a + b for a, b in zip(inspected, taken, strict=True)]
            checks, transactions = statistics.mean(inspected), statistics.mean(taken)
            if args.profile:
                extra = folder / "extra.ocopdb"
                extra_round = council_copy(council, extra, args.files)
                with Database.open(extra, daily_backup=False, quick_check=False) as council_db:
                    one = export_round(council_db, actor=SYSTEM, round_id=extra_round, out=folder / "extra.ocop").path
                profile = cProfile.Profile()
                profile.enable()
                import_files(db, [one], actor=SYSTEM)
                profile.disable()
        print(f"import of {len(files)} files in one call: {total:.1f} s; per file {statistics.mean(per_file):.2f} s "
              f"(p95 {p95(per_file):.2f} s): checks {checks:.2f} s, transaction {transactions:.2f} s; "
              f"backup and the rest {total - sum(per_file):.1f} s")  # fmt: skip
        print(f"peak memory after the import: {peak_mib():.0f} MiB")

        bare_last = bare_copy(files, folder / "bare-2.ocopdb")
        bare = (bare_first + bare_last) / 2
        print(f"bare sqlite3 ATTACH + INSERT … SELECT of the same rows: {bare_first:.1f} s before the import, "
              f"{bare_last:.1f} s after ({bare / len(files) * 1000:.0f} ms per file on average); "
              f"import_files / bare = {total / bare:.1f}× (goal: <= 3x)")  # fmt: skip
        if args.profile:
            print("\nimport of one more file, top costs (cumulative):")
            pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
