"""Issue 14, point 14: a producer named like a formula comes out as text in every workbook the app writes — the
results workbook, the decision annex, the certificate register, the province list and a member's ballot workbook —
never as a live formula (a string cell, no <f> element in the sheet's XML)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import province
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.ballot_workbooks import export_ballot_workbooks
from ocop_desktop.services.round_documents import render_round_documents

PAYLOADS = ('=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "=1+1")


def _named_like_formulas(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        ids = [row[0] for row in con.execute("SELECT id FROM producers ORDER BY id")]
        for n, producer in enumerate(ids):
            con.execute("UPDATE producers SET name = ? WHERE id = ?", (PAYLOADS[n % len(PAYLOADS)], producer))
        con.commit()


def _check(path: Path) -> int:
    """The number of payload cells found; each a string cell, and no sheet of the file holds a formula."""
    found = 0
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in PAYLOADS:
                    assert cell.data_type == "s", (path.name, sheet.title, cell.coordinate)
                    found += 1
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), (path.name, name)
    return found


def test_every_workbook_written_stores_a_formula_like_name_as_text(demo_path: Path, tmp_path: Path) -> None:
    _named_like_formulas(demo_path)
    with Database.open(demo_path, daily_backup=False) as db:
        with db.reading() as s:
            round_id = s.scalars(select(Round.id)).one()
        files = render_round_documents(
            db, actor=SYSTEM, round_id=round_id, out=tmp_path / "docs", kinds=("results", "annex", "certificates")
        )
        books = [f for f in files if f.suffix == ".xlsx"]
        assert len(books) == 3
        books.append(
            province.write_workbook(province.province_view(db, today=dt.date(2026, 12, 1)), tmp_path / "t.xlsx")
        )
        books += export_ballot_workbooks(db, actor=SYSTEM, round_id=round_id, out=tmp_path / "ballots")
    for book in books:
        assert _check(book) > 0, book.name
