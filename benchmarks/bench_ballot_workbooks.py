"""Excel ballots of a large round (issue 5): export the workbooks of 9 members × 50 products, and check then import
one member's 50-product workbook filled as a member would, through the services (every cell read back and checked
by the scoring core, one transaction after a backup).

    .venv/bin/python benchmarks/bench_ballot_workbooks.py [--members 9] [--products 50]

Prints seconds, file sizes and the peak memory of each part; each part runs in its own process so that its peak
memory is its own.
"""

from __future__ import annotations

import argparse

from child import run_child

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, "benchmarks")
from province_file import build
from openpyxl import load_workbook
from sqlalchemy import select
from ocop_desktop.documents import ballot_workbook as layout
from ocop_desktop.models import Dossier, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.ballot_workbooks import export_ballot_workbooks, import_ballot_workbook, read_ballot_workbook
from ocop_desktop.services.results import gather_inputs

kind, folder, products, members = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
build(folder / "round.ocopdb", products=products, members=members, scored=False)
figures = {}
with Database.open(folder / "round.ocopdb") as db:
    with db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    start = time.perf_counter()
    files = export_ballot_workbooks(db, actor=SYSTEM, round_id=round_id, out=folder / "phieu-excel")
    figures["export_s"] = time.perf_counter() - start
    figures["files"] = len(files)
    figures["mib"] = sum(f.stat().st_size for f in files) / 2**20
    if kind == "import":
        path = files[0]
        with db.reading() as s:
            sheets = {d.id: gather_inputs(s, d).sheet for d in s.scalars(select(Dossier))}
        book = load_workbook(path)
        ident = book[layout.ID_SHEET]
        row = layout.ID_FIRST_ROW
        while ident.cell(row, 1).value:
            title, dossier_id = ident.cell(row, 1).value, ident.cell(row, 2).value
            for _item_id, (line, item) in layout.choice_rows(sheets[dossier_id]).items():
                book[title].cell(line, layout.CHOICE_COLUMN, layout.option_label(item, len(item.options)))
            row += 1
        book.save(path)
        figures["workbook_kib"] = path.stat().st_size / 1024
        start = time.perf_counter()
        preview = read_ballot_workbook(db, actor=SYSTEM, path=path)
        figures["check_s"] = time.perf_counter() - start
        assert preview.ok, preview.problems[:3]
        start = time.perf_counter()
        done = import_ballot_workbook(db, actor=SYSTEM, path=path)
        figures["import_s"] = time.perf_counter() - start
        figures["ballots"] = len(done.ballots)
figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def run(kind: str, products: int, members: int) -> dict[str, float]:
    return run_child(CHILD, kind, products, members)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=9)
    parser.add_argument("--products", type=int, default=50)
    args = parser.parse_args()
    export = run("export", args.products, args.members)
    print(
        f"export, {args.members} members × {args.products} products: {export['files']:.0f} workbooks, "
        f"{export['mib']:.1f} MiB in all, {export['export_s']:.2f} s; peak memory {export['peak_mib']:.0f} MiB"
    )
    imported = run("import", args.products, args.members)
    print(
        f"import of one {args.products}-product workbook ({imported['workbook_kib']:.0f} KiB): check "
        f"{imported['check_s']:.2f} s, check + save {imported['import_s']:.2f} s ({imported['ballots']:.0f} ballots "
        f"submitted); peak memory {imported['peak_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
