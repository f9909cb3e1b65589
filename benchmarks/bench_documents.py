"""Documents of a large round (issue 5): the scoring-sheet pack of 9 members × 50 products, the minutes of a
100-product round, and the results summary and decision annex of a 100-product round, each gathered through the
services (every figure recomputed through the scoring core) and rendered to PDF.

    .venv/bin/python benchmarks/bench_documents.py [--members 9] [--sheet-products 50] [--summary-products 100]

Prints, per document: seconds to gather the data, seconds to render, pages, pages per second, file size; then the
peak memory of the process. Each part runs in its own process so that its peak memory is its own.
"""

from __future__ import annotations

import argparse

from child import run_child

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, "benchmarks")
from province_file import build
from pypdf import PdfReader
from sqlalchemy import select
from ocop_desktop.documents import decision_annex, minutes, results_summary, scoring_sheet
from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services import round_documents

kind, folder, products, members = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
build(folder / "round.ocopdb", products=products, members=members)
figures = {}
with Database.open(folder / "round.ocopdb") as db:
    with db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    start = time.perf_counter()
    if kind == "sheets":
        data = round_documents.scoring_sheets_data(db, actor=SYSTEM, round_id=round_id)
        figures["sheets"] = len(data)
    elif kind == "minutes":
        data = round_documents.minutes_data(db, actor=SYSTEM, round_id=round_id)
    else:
        data = round_documents.results_summary_data(db, actor=SYSTEM, round_id=round_id)
        annex = round_documents.decision_annex_data(db, actor=SYSTEM, round_id=round_id)
    figures["gather_s"] = time.perf_counter() - start
start = time.perf_counter()
if kind == "sheets":
    path = scoring_sheet.render_pdf(data, folder / "sheets.pdf")
elif kind == "minutes":
    path = minutes.render_pdf(data, folder / "minutes.pdf")
else:
    path = results_summary.render_pdf(data, folder / "summary.pdf")
    results_summary.render_xlsx(data, folder / "summary.xlsx")
    decision_annex.render_pdf(annex, folder / "annex.pdf")
figures["render_s"] = time.perf_counter() - start
figures["pages"] = len(PdfReader(path).pages)
figures["pages_per_s"] = figures["pages"] / figures["render_s"]
figures["mib"] = path.stat().st_size / 2**20
figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


def run(kind: str, products: int, members: int) -> dict[str, float]:
    return run_child(CHILD, kind, products, members)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=9)
    parser.add_argument("--sheet-products", type=int, default=50)
    parser.add_argument("--summary-products", type=int, default=100)
    args = parser.parse_args()
    sheets = run("sheets", args.sheet_products, args.members)
    print(
        f"scoring-sheet pack, {args.members} members × {args.sheet_products} products: {sheets['sheets']:.0f} sheets, "
        f"{sheets['pages']:.0f} pages; gather {sheets['gather_s']:.2f} s, render {sheets['render_s']:.2f} s "
        f"({sheets['pages_per_s']:.0f} pages/s); {sheets['mib']:.1f} MiB; peak memory {sheets['peak_mib']:.0f} MiB"
    )
    meeting = run("minutes", args.summary_products, args.members)
    print(
        f"minutes, {args.summary_products} products × {args.members} members: gather {meeting['gather_s']:.2f} s, "
        f"render {meeting['render_s']:.2f} s, {meeting['pages']:.0f} pages ({meeting['pages_per_s']:.0f} pages/s); "
        f"peak memory {meeting['peak_mib']:.0f} MiB"
    )
    summary = run("summary", args.summary_products, args.members)
    print(
        f"results summary + Excel + annex, {args.summary_products} products: gather {summary['gather_s']:.2f} s, "
        f"render {summary['render_s']:.2f} s ({summary['pages']:.0f} summary pages); "
        f"peak memory {summary['peak_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
