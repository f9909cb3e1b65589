"""`ocop-desktop documents --kind ballots` and `ocop-desktop ballots import` as a secretary runs them: the
workbooks written under phieu-excel/, a dry run that prints the per-product summary and saves nothing, problems
named by sheet and cell with exit code 1, and never a traceback."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from ocop_desktop.models import Ballot, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.criteria_catalogue import load_sheet
from tests.cli.test_cli import run, secretary_args
from tests.integration.test_ballot_workbooks import LATE_SHEET, LATE_TITLE, fill_sheet, late_dossier


def _prepare(demo_path: Path) -> tuple[str, int]:
    with Database.open(demo_path) as db:
        with db.reading() as s:
            round_id = s.scalars(select(Round.id)).one()
        late_dossier(db, round_id)
        with db.reading() as s:
            return round_id, s.scalar(select(func.count()).select_from(Ballot)) or 0


def test_documents_write_the_ballot_workbooks_and_the_import_checks_then_saves(demo_path: Path, tmp_path: Path) -> None:
    round_id, ballots = _prepare(demo_path)
    out = tmp_path / "tai-lieu"
    proc = run("documents", "--db", str(demo_path), "--round", round_id, "--out", str(out), "--kind", "ballots")
    assert proc.returncode == 0, proc.stderr
    files = sorted((out / "phieu-excel").iterdir())
    assert [f.name for f in files] == sorted(
        ["nguyen-van-thanh.xlsx", "tran-thi-huong.xlsx", "le-duc-thang.xlsx", "pham-thi-anh-tuyet.xlsx",
         "dang-quoc-bao.xlsx", "vu-thi-lan.xlsx"]
    )  # fmt: skip
    path = out / "phieu-excel" / "le-duc-thang.xlsx"
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    fill_sheet(path, LATE_TITLE, sheet, lambda item: len(item.options))
    book = load_workbook(path)
    book[LATE_TITLE]["C13"].value = None
    book.save(path)
    command = ("ballots", "import", *secretary_args(tmp_path), "--db", str(demo_path), "--file", str(path))
    bad = run(*command)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert f"phiếu {LATE_TITLE}, ô C13: chưa chọn phương án cho tiêu chí 1.1" in bad.stderr
    english = run(*command, "--lang", "en")
    assert f"sheet {LATE_TITLE}, cell C13: no option chosen for item 1.1" in english.stderr
    fill_sheet(path, LATE_TITLE, sheet, lambda item: len(item.options))
    dry = run(*command, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"{LATE_TITLE}: {sheet.total_max} điểm (A " in dry.stdout and "chưa lưu (--dry-run)" in dry.stdout
    assert "Ghi chú: Tệp «le-duc-thang.xlsx», phiếu 01 " in dry.stdout
    with Database.open(demo_path) as db, db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Ballot)) == ballots
    saved = run(*command)
    assert saved.returncode == 0, saved.stderr
    assert "đã lưu và nộp 1 phiếu chấm" in saved.stdout
    again = run(*command)
    assert again.returncode == 1 and "phiếu đã nộp, không sửa được" in again.stderr


def test_a_file_that_is_not_a_workbook_is_refused_plainly(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "phieu.xlsx"
    path.write_text("không phải Excel", encoding="utf-8")
    proc = run("ballots", "import", *secretary_args(tmp_path), "--db", str(demo_path), "--file", str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "không đọc được tệp Excel (.xlsx)" in proc.stderr
