"""The demo round's papers read back page by page (pypdfium2), as a clerk checks them before a People's Committee
signs: each document numbers its pages from 1 with no number on its first page, every continuation page carries a
running line saying what it belongs to and "trang n/m", no page holds a signature block alone, no heading ends a
page, the NĐ 30 header has its sizes and drawn lines, and every date is the date of the event recorded — whatever
the clock says."""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import re
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import improvement_report, minutes, results_summary, scoring_sheet
from ocop_desktop.documents.pdf import layout
from ocop_desktop.models import Decision, MeetingSession, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import round_documents
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.round_documents import (
    certificates_data,
    feedback_data,
    minutes_data,
    render_round_documents,
    results_summary_data,
    scoring_sheets_data,
)

MM = 72 / 25.4
BAND = 15 * MM  # the top and foot bands outside the 20 mm margins: page number above, running line below


@dataclasses.dataclass(frozen=True)
class Page:
    top: str
    body: str
    foot: str


def _words(text: str) -> str:
    return " ".join(text.split())


def read_pages(pdf: Path) -> list[Page]:
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        foot = _words(text.get_text_bounded(0, 0, width, BAND))
        pages.append(
            Page(
                top=_words(text.get_text_bounded(0, height - BAND, width, height)),
                body=_words(text.get_text_bounded(0, BAND, width, height - BAND)),
                # the total m is drawn once the document ends (a form), and reads back as a word of its own
                foot=re.sub(r"trang (\d+)/ (\d+)", r"trang \1/\2", foot),
            )
        )
    document.close()
    return pages


def documents(pages: Sequence[Page], title: str) -> Iterator[list[Page]]:
    """The pages of each document of a pack, a document starting at each page showing its title."""
    starts = [i for i, page in enumerate(pages) if title in page.body]
    assert starts and starts[0] == 0
    for start, end in zip(starts, [*starts[1:], len(pages)], strict=True):
        yield list(pages[start:end])


def assert_numbered(document: Sequence[Page], running: str) -> None:
    """No number on the first page; on the others, the number at the top and the running line with "trang n/m"."""
    total = len(document)
    assert document[0].top == "" and "trang" not in document[0].foot, document[0]
    for number, page in enumerate(document[1:], start=2):
        assert page.top == str(number), (number, page.top)
        line, _, page_of = page.foot.rpartition(" ")
        assert page_of == f"{number}/{total}" and line.endswith(" trang"), page.foot
        line = line.removesuffix(" trang")
        # a line too long for the page is cut short, never wrapped: what is printed starts the running line
        assert line == running or (line.endswith("…") and running.startswith(line[:-1]) and len(line) > 40), line


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def test_each_scoring_sheet_numbers_from_one_and_ends_with_its_totals_date_and_signature(
    demo_db: Database, tmp_path: Path
) -> None:
    pages = scoring_sheets_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    # one sheet of every product (twelve sheet layouts), and two members of the first
    firsts = [next(p for p in pages if p.code == code) for code in dict.fromkeys(p.code for p in pages)]
    chosen = [pages[0], pages[1], *firsts[1:]]
    read = read_pages(scoring_sheet.render_pdf(chosen, tmp_path / "sheets.pdf"))
    sheets = list(documents(read, "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP"))
    assert len(sheets) == len(chosen)
    assert any(len(sheet) > 1 for sheet in sheets)
    for sheet, page in zip(sheets, chosen, strict=True):
        assert_numbered(sheet, f"Phiếu đánh giá · {page.code} · {page.product} · Người đánh giá: {page.member}")
        last = sheet[-1].body
        # the last rows, the date line and the signature together: never a signature alone on a page
        assert "TỔNG ĐIỂM:" in last and layout.vi_date_line(page.place, page.date) in last
        assert last.endswith(f"NGƯỜI ĐÁNH GIÁ {page.member}")
        assert all("NGƯỜI ĐÁNH GIÁ" not in p.body for p in sheet[:-1])


def test_improvement_reports_number_from_one_and_are_sent_signed_and_dated_by_the_decision(
    demo_db: Database, tmp_path: Path
) -> None:
    reports = feedback_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    read = read_pages(improvement_report.render_pdf(reports, tmp_path / "reports.pdf"))
    with demo_db.reading() as s:
        decision = s.scalars(select(Decision)).one()
    for report, page in zip(documents(read, "PHIẾU GÓP Ý HOÀN THIỆN SẢN PHẨM OCOP"), reports, strict=True):
        assert_numbered(report, f"Phiếu góp ý · {page.code} · {page.product} · {page.producer}")
        first, last = report[0].body, report[-1].body
        assert layout.vi_date_line("Thái Nguyên", decision.date) in first
        assert "Số: /PGY-HĐĐG" in first and f"Kính gửi: {page.producer}" in first
        assert "«" not in first and "»" not in first
        # the last rows of the averages, the Nơi nhận and the signer's lines, each on its own line
        assert _words(page.sheet.items[-1].text) in last
        assert "Nơi nhận: - Như trên; - Lưu: VT, HĐĐG." in last and "TM. HỘI ĐỒNG CHỦ TỊCH Nguyễn Văn Thành" in last
    assert len(read) > len(reports)  # some reports run over a page: the check above saw continuation pages


def test_minutes_are_the_councils_with_running_line_and_no_stranded_heading(demo_db: Database, tmp_path: Path) -> None:
    data = minutes_data(demo_db, actor=SYSTEM, round_id=_round(demo_db), number="15")
    pdf = minutes.render_pdf(data, tmp_path / "minutes.pdf")
    read = read_pages(pdf)
    assert len(read) > 2
    assert_numbered(read, "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên ngày 15/10/2026")
    first = read[0].body
    assert first.startswith(
        "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH THÁI NGUYÊN Số: 15/BB-HĐĐG"
    )
    assert (
        "Căn cứ Quyết định số 1520/QĐ-UBND ngày 02/9/2026 của Ủy ban nhân dân tỉnh Thái Nguyên về việc thành lập "
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên;" in first
    )
    text = " ".join(page.body for page in read)
    assert text.count("Chủ thể trình bày về sản phẩm, trả lời câu hỏi của thành viên hội đồng:") == len(data.products)
    tourism = [p for p in data.products if p.tourism]
    assert tourism and text.count("Kết quả kiểm tra thực tế dịch vụ du lịch") == len(tourism)
    assert text.endswith(
        "THƯ KÝ HỘI ĐỒNG Vũ Thị Lan CHỦ TỊCH HỘI ĐỒNG Nguyễn Văn Thành Nơi nhận: - Ủy ban nhân dân tỉnh Thái Nguyên "
        "(để báo cáo); - Thành viên Hội đồng; - Lưu: VT, HĐĐG."
    )
    # the signatures share their page with the closing of the meeting, not a page of their own
    assert "Cuộc họp kết thúc vào hồi" in read[-1].body
    headings = ["I. THÀNH PHẦN", "II. NỘI DUNG VÀ KẾT QUẢ ĐÁNH GIÁ", "III. KẾT LUẬN"]
    headings += [f"{n}. {title}:" for n, (title, _items) in enumerate(minutes.conclusions(data.products), start=1)]
    headings += [f"{p.order}. {p.product}, mã số {p.code}" for p in data.products]
    for page in read:
        assert not any(page.body.endswith(heading) for heading in headings), page.body[-80:]


def _clock_moved(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    class Date(dt.date):
        @classmethod
        def today(cls) -> Date:
            return cls(day.year, day.month, day.day)

    class DateTime(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> DateTime:  # type: ignore[override]
            return cls(day.year, day.month, day.day, 9, 0, tzinfo=tz)

    # a datetime module whose clock reads another day: the documents must not notice
    clock = types.SimpleNamespace(
        **{name: getattr(dt, name) for name in ("timedelta", "timezone", "UTC", "time", "tzinfo")}
    )
    clock.date, clock.datetime = Date, DateTime
    for module in (round_documents, layout):
        monkeypatch.setattr(module, "dt", clock)


def test_dates_are_the_events_whatever_the_clock(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    round_id = _round(demo_db)
    with demo_db.reading() as s:
        meeting = s.scalars(select(MeetingSession.date)).one()
        decision = s.scalars(select(Decision.date)).one()

    def dates() -> tuple[object, ...]:
        return (
            results_summary_data(demo_db, actor=SYSTEM, round_id=round_id).heading.date,
            {page.heading.date for page in feedback_data(demo_db, actor=SYSTEM, round_id=round_id)},
            minutes_data(demo_db, actor=SYSTEM, round_id=round_id).heading.date,
            {page.date for page in scoring_sheets_data(demo_db, actor=SYSTEM, round_id=round_id)},
        )

    expected = (meeting, {decision}, meeting, {meeting})
    assert dates() == expected
    _clock_moved(monkeypatch, dt.date(2031, 1, 9))
    assert dates() == expected


def _chars(page: pdfium.PdfPage, text: str) -> tuple[float, str, tuple[float, float, float, float]]:
    """Font size, font name and box (left, bottom, right, top) of `text` on the page."""
    textpage = page.get_textpage()
    found = textpage.search(text, match_case=True).get_next()
    assert found is not None, text
    index, count = found
    name = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, None)
    first, last = textpage.get_charbox(index), textpage.get_charbox(index + count - 1)
    box = (first[0], min(first[1], last[1]), last[2], max(first[3], last[3]))
    return pdfium_c.FPDFText_GetFontSize(textpage.raw, index), name.value.decode(), box


def _rule_under(page: pdfium.PdfPage, box: tuple[float, float, float, float]) -> tuple[float, float]:
    """The horizontal line drawn just under a text box: its left and right ends."""
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = path.get_bounds()
        if top - bottom < 2 and box[1] - 10 < top < box[1] and left < (box[0] + box[2]) / 2 < right:
            return left, right
    raise AssertionError(f"no line under {box}")


def _rule_between(page: pdfium.PdfPage, low: float, high: float, x_max: float) -> tuple[float, float]:
    """The horizontal line drawn left of `x_max` between two heights: its left and right ends."""
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = path.get_bounds()
        if top - bottom < 2 and low < bottom and top < high and right < x_max:
            return left, right
    raise AssertionError(f"no line between {low} and {high}")


HEADED = {
    "bien-ban-hop-hoi-dong.pdf": "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN",
    "bang-tong-hop-ket-qua.pdf": "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN",
    "phieu-gop-y.pdf": "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN",
}


def test_headers_have_decree_30_sizes_and_drawn_lines(demo_db: Database, tmp_path: Path) -> None:
    files = render_round_documents(
        demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("minutes", "results", "annex", "feedback")
    )
    by_name = {f.name: f for f in files}
    for name, body_start in HEADED.items():
        document = pdfium.PdfDocument(by_name[name])
        page = document[0]
        size, font, _box = _chars(page, layout.NATIONAL_TITLE)
        assert 12 <= size <= 13 and font.endswith("Bold"), name
        size, font, motto = _chars(page, layout.MOTTO)
        assert 13 <= size <= 14 and font.endswith("Bold"), name
        left, right = _rule_under(page, motto)
        assert abs((right - left) - (motto[2] - motto[0])) < 3, name  # as long as the Tiêu ngữ (stroke ends aside)
        size, font, parent = _chars(page, "ỦY BAN NHÂN DÂN")
        assert 12 <= size <= 13 and not font.endswith("Bold"), name  # the parent body is not bold
        size, font, body = _chars(page, body_start)
        assert 12 <= size <= 13 and font.endswith("Bold") and parent[1] > body[1], name
        numbered = name != "bang-tong-hop-ket-qua.pdf"  # the table of results has no number
        number_size, _font, number = _chars(page, "Số:") if numbered else (13, "", (0, 0, 0, body[1] - 25))
        left, right = _rule_between(page, number[3], body[1], page.get_width() / 2)
        widest = _widest_bold_line(page, number[3], parent[1])
        assert widest / 3 <= right - left <= widest / 2, (name, right - left, widest)
        assert number_size == 13, name
        document.close()
    annex = pdfium.PdfDocument(by_name["phu-luc-danh-sach-san-pham.pdf"])
    size, font, _box = _chars(annex[0], "Phụ lục")
    assert size == 14 and font.endswith("Bold")
    annex.close()


def _widest_bold_line(page: pdfium.PdfPage, above: float, below: float) -> float:
    """The widest line of bold text in the heading's left column between two heights (the issuing body)."""
    textpage = page.get_textpage()
    width = 0.0
    for k in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(k)
        if bottom > above and top < below + 1 and right < page.get_width() / 2:
            index = textpage.get_index((left + right) / 2, (bottom + top) / 2, 3, 3)
            name = ctypes.create_string_buffer(128)
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, None)
            if name.value.decode().endswith("Bold"):
                width = max(width, right - left)
    assert width > 0
    return width


def test_results_summary_wording_and_unscored_products(demo_db: Database, tmp_path: Path) -> None:
    summary = results_summary_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    unscored = dataclasses.replace(
        summary.lines[0], average="—", part_averages="—", band_stars=0, stars=None, scored=False,
        conclusion="Chưa có kết quả", notes="",
    )  # fmt: skip
    short = dataclasses.replace(summary, lines=(unscored, *summary.lines[1:]))
    read = read_pages(results_summary.render_pdf(short, tmp_path / "summary.pdf"))
    text = " ".join(page.body for page in read)
    assert "chưa chấm chưa chấm Chưa có kết quả" in text and "0 sao" not in text and "Không xếp hạng" not in text
    assert ". chưa" not in text and "Chưa đạt mức tối thiểu" in text  # a sentence opens with a capital
    assert "xã Tân Cương, tỉnh Thái Nguyên" in text and "Xã Tân Cương" not in text
    if len(read) > 1:
        assert_numbered(read, results_summary.running_line(short))
    last = read[-1].body
    assert last.endswith("THƯ KÝ HỘI ĐỒNG Vũ Thị Lan CHỦ TỊCH HỘI ĐỒNG Nguyễn Văn Thành")
    assert summary.lines[-1].product in last  # with the last lines of the table
    assert "Thái Nguyên, ngày 15 tháng 10 năm 2026" in read[0].body


def test_certificate_signer_lines_each_on_its_own_line(demo_db: Database) -> None:
    pages = certificates_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    assert pages and {p.fields["signer_title"] for p in pages} == {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}


def test_signer_lines_and_names_in_sentences() -> None:
    assert layout.signer_lines("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH") == (
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    )
    assert layout.signer_lines("Ủy ban nhân dân thành phố Hà Nội", "Chủ tịch") == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    assert layout.signer_lines(None, "TM. HỘI ĐỒNG\nCHỦ TỊCH") == "TM. HỘI ĐỒNG\nCHỦ TỊCH"


def test_every_pdf_names_its_title_author_subject_and_creator(demo_db: Database, tmp_path: Path) -> None:
    sheets = scoring_sheets_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))[:1]
    files = [
        f
        for f in render_round_documents(
            demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path,
            kinds=("minutes", "results", "annex", "feedback", "certificates"),
        )
        if f.suffix == ".pdf"
    ] + [scoring_sheet.render_pdf(sheets, tmp_path / "sheet.pdf")]  # fmt: skip
    assert len(files) == 6
    for pdf in files:
        meta = PdfReader(pdf).metadata
        assert meta is not None
        assert meta.title and meta.subject and meta.author, pdf.name
        assert meta.author not in ("anonymous", "OCOP Desktop") and "unspecified" not in meta.subject, pdf.name
        assert str(meta.creator).startswith("OCOP Desktop "), pdf.name


def test_a_row_taller_than_a_page_among_the_closing_rows_breaks_across_pages(demo_db: Database, tmp_path: Path) -> None:
    summary = results_summary_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    long_note = "; ".join(f"chưa đạt mức tối thiểu 4 sao ở tiêu chí {n}.{m}" for n in range(1, 9) for m in range(1, 9))
    tall = dataclasses.replace(summary.lines[1], notes=long_note)
    lines = (summary.lines[0], summary.lines[2], tall)  # the tall line among the rows kept with the signatures
    read = read_pages(results_summary.render_pdf(dataclasses.replace(summary, lines=lines), tmp_path / "tall.pdf"))
    text = " ".join(page.body for page in read)
    assert "tiêu chí 8.8" in text and len(read) >= 2
    assert "THƯ KÝ HỘI ĐỒNG" in read[-1].body
