"""The progress hook of a round's documents: called in order while the batch runs, and a stop asked for through it
ends the batch within a page, raises DocumentsCancelled naming what was and was not written, and leaves no partial
or temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import scoring_sheet
from ocop_desktop.documents.pdf.layout import STORY_SHARE
from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.round_documents import (
    KINDS,
    DocumentsCancelled,
    render_round_documents,
    scoring_sheets_data,
)


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def test_progress_is_reported_in_order_per_file_and_per_page(demo_db: Database, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, kind: str) -> bool:
        calls.append((done, total, kind))
        return True

    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, progress=progress)
    working = [c for c in calls if c[1] > 0]
    total = working[0][1]
    assert all(c[1] == total for c in working)
    assert [c[0] for c in working] == sorted(c[0] for c in working)
    assert working[-1] == (total, total, "")
    kinds = [c[2] for c in working if c[2]]
    assert sorted(set(kinds), key=kinds.index) == list(KINDS)  # one kind after another, in the order of KINDS
    sheet_pages = len(PdfReader(tmp_path / "phieu-danh-gia.pdf").pages)
    assert kinds.count("sheets") >= sheet_pages  # once before the file and once per page
    assert len(files) == 15  # sheets, minutes, results ×2, annex ×2, certificates ×2, feedback, 6 Excel ballots


def test_a_stop_after_the_first_page_leaves_nothing(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    after_stop: list[tuple[int, int, str]] = []
    stopped = {"now": False}

    def progress(done: int, total: int, kind: str) -> bool:
        if stopped["now"]:
            after_stop.append((done, total, kind))
        if kind == "sheets" and done > 0:
            stopped["now"] = True
        return not stopped["now"]

    with pytest.raises(DocumentsCancelled) as info:
        render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=out, progress=progress)
    assert after_stop == []  # stopped at once, not at the end of the 293-page pack
    assert info.value.written == ()
    assert info.value.not_written[0] == "phieu-danh-gia.pdf" and len(info.value.not_written) == 15
    assert list(out.iterdir()) == []  # no PDF and no temporary file


def test_a_stop_between_documents_keeps_the_finished_ones(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"

    def progress(_done: int, _total: int, kind: str) -> bool:
        return kind != "annex"

    with pytest.raises(DocumentsCancelled) as info:
        render_round_documents(
            demo_db, actor=SYSTEM, round_id=_round(demo_db), out=out, kinds=("results", "annex"), progress=progress
        )
    assert [p.name for p in info.value.written] == ["bang-tong-hop-ket-qua.pdf", "bang-tong-hop-ket-qua.xlsx"]
    assert info.value.not_written == ("phu-luc-danh-sach-san-pham.pdf", "phu-luc-danh-sach-san-pham.xlsx")
    assert sorted(p.name for p in out.iterdir()) == ["bang-tong-hop-ket-qua.pdf", "bang-tong-hop-ket-qua.xlsx"]


def test_a_pack_reports_while_its_story_is_made_then_every_page(demo_db: Database, tmp_path: Path) -> None:
    sheets = scoring_sheets_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    seen: list[tuple[int, float]] = []
    path = scoring_sheet.render_pdf(sheets, tmp_path / "p.pdf", on_page=lambda page, done: seen.append((page, done)))
    making = [done for page, done in seen if page == 0]
    assert len(making) == len(sheets) and making == sorted(making) and making[-1] < STORY_SHARE
    assert [page for page, _done in seen if page > 0] == list(range(1, len(PdfReader(path).pages) + 1))
    fractions = [done for _page, done in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_a_hook_that_raises_on_the_first_page_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    sheets = scoring_sheets_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))

    def stop(page: int, _done: float) -> None:
        if page == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        scoring_sheet.render_pdf(sheets, tmp_path / "p.pdf", on_page=stop)
    # ReportLab keeps the pages in memory and writes p.pdf.tmp only after the last one; build() removes it if that fails
    assert list(tmp_path.glob("p.pdf*")) == []
