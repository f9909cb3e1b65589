"""The results summary of a round: exact Vietnamese text read back from the PDF, every figure equal to the
scoring core's, fonts embedded, the Excel twin, and a refusal when a stored result no longer follows from the
ballots."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import results_summary, scoring_sheet
from ocop_desktop.documents.pdf.fonts import missing_glyphs
from ocop_desktop.documents.pdf.layout import body_lines, content_width, vi_date_line
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.models import Decision, Dossier, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.sqlite import TRIGGERS
from ocop_desktop.scoring.improvement import improvement_for
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.results import compute, gather_inputs
from ocop_desktop.services.round_documents import (
    DocumentRefused,
    render_round_documents,
    results_summary_data,
    scoring_sheets_data,
)

VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"


def test_the_document_font_draws_every_vietnamese_letter() -> None:
    assert missing_glyphs(VIETNAMESE + VIETNAMESE.upper() + "–—“”…₫") == set()


def test_date_line_follows_decree_30() -> None:
    assert vi_date_line("Thái Nguyên", dt.date(2026, 2, 5)) == "Thái Nguyên, ngày 05 tháng 02 năm 2026"
    assert vi_date_line("Hà Nội", dt.date(2026, 11, 22)) == "Hà Nội, ngày 22 tháng 11 năm 2026"


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def test_results_summary_text_and_figures(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("results",))
    pdf = next(f for f in files if f.suffix == ".pdf")
    reader = PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" in text
    assert "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" in text and "Thái Nguyên, ngày" in text
    with demo_db.reading() as s:
        for dossier in s.scalars(select(Dossier)):
            result, _computed = compute(gather_inputs(s, dossier))
            assert format_points_vi(result.average_total) in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add((font.get_object()["/BaseFont"], "/FontFile2" in font.get_object().get("/FontDescriptor", {})))
    assert fonts and all(
        name.endswith(("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic")) for name, _ in fonts
    )
    assert all(embedded for _name, embedded in fonts)
    sheet = load_workbook(next(f for f in files if f.suffix == ".xlsx")).worksheets[0]
    assert sheet["B5"].value == "Chè búp Tân Cương đặc biệt" and sheet["I4"].value == "Điểm trung bình"
    assert sheet["I5"].value == 79.17 and sheet["I5"].number_format == "0.00"  # a number, shown with two decimals


def test_a_result_edited_behind_the_apps_back_refuses_the_document(demo_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    con.execute("DROP TRIGGER trg_result_locked_update")
    con.execute("UPDATE results SET computed = json_set(computed, '$.stars', 5) WHERE stars = 3")
    con.execute(TRIGGERS["trg_result_locked_update"])  # put back: a file missing a guard trigger is not opened
    con.commit()
    con.close()
    with Database.open(demo_path) as db, pytest.raises(DocumentRefused) as info:
        render_round_documents(db, actor=SYSTEM, round_id=_round(db), out=tmp_path / "out")
    assert info.value.problems[0].code == "documents.result_differs"
    assert not (tmp_path / "out").exists()  # nothing written, not even the sheets that would have passed


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_decision_annex_lists_the_recognised_products_by_stars(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("annex",))
    text = _pdf_text(next(f for f in files if f.suffix == ".pdf"))
    with demo_db.reading() as s:
        decision = s.scalars(select(Decision)).one()
        expected: dict[int, list[str]] = {4: [], 3: []}
        central = []  # 5★: the province's decision does not recognise it, the central level does
        for dossier in s.scalars(select(Dossier).order_by(Dossier.agenda_order)):
            result, _computed = compute(gather_inputs(s, dossier))
            if result.certifiable and result.stars == 5:
                central.append(dossier.product.name)
            elif result.certifiable:
                expected[result.stars].append(format_points_vi(result.average_total))
    assert "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT SẢN PHẨM OCOP" in text
    assert central == ["Chè đinh La Bằng"] and central[0] not in text and "5 SAO" not in text
    assert f"Kèm theo Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y}" in text
    four, three = text.index("SẢN PHẨM ĐẠT 4 SAO"), text.index("SẢN PHẨM ĐẠT 3 SAO")
    assert four < three
    assert all(four < text.index(avg) < three for avg in expected[4])
    assert all(text.index(avg) > three for avg in expected[3])
    total = len(expected[4]) + len(expected[3])
    assert f"Tổng cộng: {total} sản phẩm ({len(expected[4])} sản phẩm 4 sao, {len(expected[3])} sản phẩm 3 sao)" in text
    rows = list(load_workbook(next(f for f in files if f.suffix == ".xlsx")).worksheets[0].iter_rows(values_only=True))
    assert sum(1 for row in rows if isinstance(row[0], int)) == total


def test_user_text_with_markup_characters_prints_as_text(demo_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    con.execute("UPDATE products SET name = 'Trà & Mật <b>đặc biệt' WHERE rowid = (SELECT min(rowid) FROM products)")
    con.commit()
    con.close()
    with Database.open(demo_path) as db:
        files = render_round_documents(db, actor=SYSTEM, round_id=_round(db), out=tmp_path, kinds=("results",))
    assert "Trà & Mật <b>đặc biệt" in _pdf_text(files[0])


def test_scoring_sheet_pack_ticks_and_totals_each_members_ballot(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("sheets",))
    reader = PdfReader(files[0])
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    sheets = text.split("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP")[1:]
    expected = []
    with demo_db.reading() as s:
        for dossier in s.scalars(select(Dossier).order_by(Dossier.agenda_order)):
            inputs = gather_inputs(s, dossier)
            result, _computed = compute(inputs)
            for member in result.members:
                if not member.excluded:
                    expected.append((inputs.names[member.member], member.part_totals, member.total))
    assert len(sheets) == len(expected)
    for sheet, (name, part_totals, total) in zip(sheets, expected, strict=True):
        assert f"Người đánh giá: {name}" in sheet
        for part_id, points in part_totals.items():
            assert f"Tổng điểm phần {part_id}: {points} /" in sheet
        assert f"TỔNG ĐIỂM: {total} / 100 điểm" in sheet


def test_blank_scoring_sheets_leave_the_totals_to_write(demo_db: Database, tmp_path: Path) -> None:
    pages = scoring_sheets_data(demo_db, actor=SYSTEM, round_id=_round(demo_db), blank=True)
    pdf = scoring_sheet.render_pdf(pages[:1], tmp_path / "blank.pdf")
    text = _pdf_text(pdf)
    assert "TỔNG ĐIỂM: ...... / 100 điểm" in text and "■" not in text
    assert text.count("□") == sum(len(i.options) + (i.applicable_if is not None) for i in pages[0].sheet.items)


def test_a_row_taller_than_a_page_breaks_across_pages(demo_db: Database, tmp_path: Path) -> None:
    summary = results_summary_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    long_note = "; ".join(f"chưa đạt mức tối thiểu 4 sao ở tiêu chí {n}.{m}" for n in range(1, 9) for m in range(1, 9))
    line = dataclasses.replace(summary.lines[0], notes=long_note)
    pdf = results_summary.render_pdf(dataclasses.replace(summary, lines=(line,)), tmp_path / "tall.pdf")
    assert "tiêu chí 8.8" in _pdf_text(pdf) and len(PdfReader(pdf).pages) >= 2


def test_improvement_report_says_what_the_next_star_needs(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("feedback",))
    reports = _pdf_text(files[0]).split("PHIẾU GÓP Ý HOÀN THIỆN SẢN PHẨM OCOP")[1:]
    with demo_db.reading() as s:
        dossiers = list(s.scalars(select(Dossier).order_by(Dossier.agenda_order)))
        expected = []
        for dossier in dossiers:
            inputs = gather_inputs(s, dossier)
            result, _computed = compute(inputs)
            expected.append((dossier.product.name, improvement_for(inputs.sheet, inputs.version, result)))
    assert len(reports) == len(expected)
    for report, (name, plan) in zip(reports, expected, strict=True):
        assert f"Tên sản phẩm: {name}" in report
        assert plan is not None
        if plan.next_stars is None:
            assert plan.current_stars == 5 and "Sản phẩm đạt 5 sao, hạng cao nhất ở cấp đánh giá này." in report
        elif plan.points_needed > 0:
            needed = format_points_vi(plan.points_needed)
            assert f"Để đạt {plan.next_stars} sao, điểm trung bình cần tăng thêm ít nhất {needed} điểm." in report
        for unmet in plan.unmet_minimums:
            assert f"Tiêu chí {unmet.item_id} “" in report and f"cần tối thiểu {unmet.required} điểm" in report
        top = plan.gains[0]
        assert f"{format_points_vi(top.average)}/{top.max} điểm; mức cao nhất:" in report


def test_an_issuing_body_too_wide_breaks_before_the_units_name() -> None:
    narrow = content_width() * 0.4 - 4
    assert body_lines("Ủy ban nhân dân tỉnh Thái Nguyên", narrow) == "ỦY BAN NHÂN DÂN<br/>TỈNH THÁI NGUYÊN"
    assert body_lines("Ủy ban nhân dân tỉnh Thái Nguyên", content_width(wide=True) * 0.4) == (
        "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    )
    assert body_lines("Sở Nông nghiệp & Môi trường", 30) == "SỞ NÔNG NGHIỆP &amp; MÔI TRƯỜNG"  # no unit: as it is


def test_every_pdf_of_the_set_embeds_only_the_bundled_fonts(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path)
    pdfs = [f for f in files if f.suffix == ".pdf"]
    assert {f.name for f in pdfs} == {
        "phieu-danh-gia.pdf", "bien-ban-hop-hoi-dong.pdf", "bang-tong-hop-ket-qua.pdf",
        "phu-luc-danh-sach-san-pham.pdf", "giay-chung-nhan.pdf", "phieu-gop-y.pdf",
    }  # fmt: skip
    for pdf in pdfs:
        fonts = set()
        for page in PdfReader(pdf).pages:
            for font in page["/Resources"].get("/Font", {}).values():
                obj = font.get_object()
                fonts.add((str(obj["/BaseFont"]).split("+")[-1], "/FontFile2" in obj.get("/FontDescriptor", {})))
        assert fonts and all(name.startswith("LiberationSerif") and embedded for name, embedded in fonts), pdf.name
