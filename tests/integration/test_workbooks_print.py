"""Issue 15, Excel: every workbook the app writes prints — every sheet has a page setup (A4, an orientation, fitted to
the width, the frozen header repeated, a print area, margins, the document named in the header and the page number
in the footer) — holds numbers and dates as numbers and dates (a text that reads as one is allowed only in a column
formatted as text: phones, codes), names one font, and no formula; the dossier template keeps its example apart,
formats the phone column as text and the import says where a phone lost its leading zero."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from ocop_desktop.documents import xlsx
from ocop_desktop.documents.dossier_template import COMMUNE_SHEET, DATA_SHEET, EXAMPLE_SHEET
from ocop_desktop.messages import describe
from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import province
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.ballot_workbooks import export_ballot_workbooks
from ocop_desktop.services.import_dossiers import read_workbook, write_dossier_template
from ocop_desktop.services.round_documents import render_round_documents

NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")
DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
A4 = 9
WIDE = 130  # a table wider than this (in column-width units) prints landscape


def _round_id(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


@pytest.fixture(scope="module")
def workbooks(demo_template: Path, rehearsal_template: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every kind of workbook: the demo round's results, annex and certificate register, the province list, the
    members' ballot workbooks of the round about to be scored (drop-downs to fill) and the dossier template."""
    out = tmp_path_factory.mktemp("workbooks")
    demo = shutil.copyfile(demo_template, out / "demo.ocopdb")
    rehearsal = shutil.copyfile(rehearsal_template, out / "rehearsal.ocopdb")
    with Database.open(demo, daily_backup=False) as db:
        kinds = ("results", "annex", "certificates")
        books = [f for f in render_round_documents(db, actor=SYSTEM, round_id=_round_id(db), out=out, kinds=kinds)]
        books.append(province.write_workbook(province.province_view(db, today=dt.date(2026, 12, 8)), out / "p.xlsx"))
    with Database.open(rehearsal, daily_backup=False) as db:
        books += export_ballot_workbooks(db, actor=SYSTEM, round_id=_round_id(db), out=out / "phieu-excel")
    books.append(write_dossier_template(out / "mau.xlsx", "19"))
    return [book for book in books if book.suffix == ".xlsx"]


def _width(sheet: Worksheet, columns: int) -> float:
    return sum(
        float(sheet.column_dimensions[get_column_letter(c)].width or xlsx.DEFAULT_WIDTH) for c in range(1, columns + 1)
    )


def test_every_sheet_of_every_workbook_has_a_page_setup(workbooks: list[Path]) -> None:
    assert len(workbooks) == 4 + 6 + 1  # results, annex, register, province list; six members; the template
    for path in workbooks:
        book = load_workbook(path)
        visible = [s for s in book.worksheets if s.sheet_state == "visible"]
        for sheet in book.worksheets:
            where = (path.name, sheet.title)
            setup = sheet.page_setup
            assert int(setup.paperSize) == A4 and setup.orientation in {"portrait", "landscape"}, where
            assert (setup.fitToWidth, setup.fitToHeight, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
            # the print area covers the table, except on the sheet a person fills (it prints the rows they add) and
            # on a hidden sheet (LibreOffice would print it)
            by_hand = path.name == "mau.xlsx" and sheet.title == DATA_SHEET
            assert bool(sheet.print_area) is (sheet in visible and not by_hand), where
            assert sheet.page_margins.left >= 0.5, where
            assert sheet.oddHeader.left.text and sheet.oddHeader.left.font == f"{xlsx.FONT_NAME},Italic", where
            # n/m when the workbook prints one sheet; n alone when several (the total would count them all)
            assert sheet.oddFooter.center.text == ("Trang &P/&N" if len(visible) == 1 else "Trang &P"), where
            if sheet.freeze_panes:  # a table under a frozen header repeats that header on every page
                header = int(re.sub(r"\D", "", sheet.freeze_panes)) - 1
                assert sheet.print_title_rows == f"${header}:${header}", where
            if _width(sheet, sheet.max_column) > WIDE:
                assert setup.orientation == "landscape", where


def test_no_number_or_date_is_stored_as_text_and_one_font_is_named(workbooks: list[Path]) -> None:
    numbers = 0
    for path in workbooks:
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    where = (path.name, sheet.title, cell.coordinate, cell.value)
                    assert cell.font.name == xlsx.FONT_NAME, where
                    assert cell.data_type != "f", where
                    if isinstance(cell.value, str) and (NUMBER.fullmatch(cell.value) or DATE.fullmatch(cell.value)):
                        assert cell.number_format == xlsx.TEXT_FORMAT, where  # a code or a phone, said to be text
                    elif isinstance(cell.value, float):
                        assert cell.number_format == xlsx.POINTS_FORMAT, where
                        numbers += 1
                    elif isinstance(cell.value, dt.datetime):
                        assert cell.number_format == xlsx.DATE_FORMAT, where
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), (path.name, name)
    assert numbers > 0


def test_the_results_workbook_holds_one_number_per_cell(workbooks: list[Path]) -> None:
    sheet = load_workbook(next(p for p in workbooks if p.name == "bang-tong-hop-ket-qua.xlsx")).worksheets[0]
    headers = [c.value for c in sheet[4]]
    assert headers[6:12] == [
        "Số phiếu tính điểm", "Số thành viên chấm", "Điểm trung bình", "Điểm phần A", "Điểm phần B", "Điểm phần C",
    ]  # fmt: skip
    first = [c.value for c in sheet[5]]
    assert first[1] == "Chè búp Tân Cương đặc biệt"
    assert first[6:12] == [6, 7, 79.17, 30.0, 22.0, 27.17]
    assert f"A1:{get_column_letter(len(headers))}1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.row_dimensions[5].height and sheet.row_dimensions[5].height > 15  # wrapped name: two lines


def test_the_province_list_title_spans_the_table(workbooks: list[Path]) -> None:
    sheet = load_workbook(next(p for p in workbooks if p.name == "p.xlsx"))["Danh sách sản phẩm"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:O1", "A2:O2"} <= merged
    issued = sheet.cell(4, 13)
    assert isinstance(issued.value, dt.datetime) and issued.number_format == "dd/mm/yyyy"


def test_rows_are_as_tall_as_their_wrapped_text() -> None:
    assert xlsx.text_lines("Hợp tác xã", 20) == 1
    assert xlsx.text_lines("Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên", 20) >= 3
    assert xlsx.text_lines("a\nb", 20) == 2
    assert xlsx.text_lines("HỘI ĐỒNG ĐÁNH GIÁ", 10) > xlsx.text_lines("hội đồng đánh giá", 10)


def test_the_dossier_template_keeps_its_example_apart_and_its_codes_as_text(workbooks: list[Path]) -> None:
    path = next(p for p in workbooks if p.name == "mau.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [DATA_SHEET, EXAMPLE_SHEET, COMMUNE_SHEET]
    data = book[DATA_SHEET]
    assert data.max_row == 1  # the person's rows only: the example is on its own sheet
    for letter in ("F", "H", "I", "O"):  # phone, province code, commune code, product code
        assert data.column_dimensions[letter].number_format == "@", letter
    assert data.column_dimensions["N"].number_format == "dd/mm/yyyy"
    example = [c.value for c in book[EXAMPLE_SHEET][2]]
    assert example[5] == "0912345678" and example[8] == "05503"
    assert isinstance(example[13], dt.datetime)
    communes = list(book[COMMUNE_SHEET].iter_rows(min_row=2, values_only=True))
    assert len(communes) == 92 and ("05503", "Xã Tân Cương", "Tỉnh Thái Nguyên") in communes
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert lists["I2:I5001"] == f"'{COMMUNE_SHEET}'!$A$2:$A$93"
    assert read_workbook(path).problems[0].code == "excel.empty"  # the example is not a dossier


def test_a_phone_that_lost_its_leading_zero_is_said_with_its_sheet_and_cell(tmp_path: Path) -> None:
    path = write_dossier_template(tmp_path / "mau.xlsx", "19")
    book = load_workbook(path)
    row = [c.value for c in book[EXAMPLE_SHEET][2]]
    row[5] = 912345678  # typed into a General column, as Excel keeps it
    book[DATA_SHEET].append(row)
    book.save(path)
    preview = read_workbook(path)
    assert [p.code for p in preview.problems] == ["excel.phone_lost_zero"]
    (problem,) = preview.problems
    assert dict(problem.location) == {"file": "mau.xlsx", "sheet": DATA_SHEET, "cell": "F2"}
    said = describe(problem)
    assert "mất số 0 đầu" in said and "Văn bản (Text)" in said and "F2" in said and DATA_SHEET in said
    book[DATA_SHEET]["F2"] = "0912345678"  # the column formatted as text, typed again
    book.save(path)
    assert read_workbook(path).ok


def test_a_document_name_in_the_page_header_is_escaped_and_kept_short() -> None:
    _workbook, sheet = xlsx.new_sheet("x")
    xlsx.print_setup(sheet, "Trà & Mật  " * 40, landscape=False)
    text = sheet.oddHeader.left.text
    assert text.startswith("Trà && Mật Trà") and text.endswith("…") and len(text) <= xlsx.HEADER_FOOTER_CHARS
    assert "&" not in text.replace("&&", "")  # no single "&" left to start a code


def test_the_command_line_writes_the_template_of_a_province_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    def run(province: str, name: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "ocop_desktop", "dossiers", "template", "--province", province]
        return subprocess.run([*command, str(tmp_path / name)], capture_output=True, text=True, check=False)

    done = run("19", "a.xlsx")
    assert done.returncode == 0, done.stderr
    assert load_workbook(tmp_path / "a.xlsx")[COMMUNE_SHEET].max_row == 1 + 92
    bad = run("99", "b.xlsx")
    assert bad.returncode == 2 and "mã 99" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "b.xlsx").exists()
