"""The round's documents from the window, offscreen, on the demo round: made off the GUI thread and listed; a
Cancel pressed on the progress dialog stops the sheet pack within a page and leaves no file; a refused set shows
its reason in words and writes nothing; the preview lays out every page; printing to a PDF printer gives every
page."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.sqlite import TRIGGERS
from ocop_desktop.services import accounts, council_key, round_documents
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.documents import view as documents_view
from ocop_desktop.ui.pages.documents.view import DocumentsPage
from tests.builders import TEST_PASSPHRASE

# the six scoring members present (the absent one gets no workbook; the guest does not score)
WORKBOOKS = ["nguyen-van-thanh", "tran-thi-huong", "le-duc-thang", "pham-thi-anh-tuyet", "dang-quoc-bao", "vu-thi-lan"]
ALL_FILES = [
    "bang-tong-hop-ket-qua.pdf",
    "bang-tong-hop-ket-qua.xlsx",
    "bien-ban-hop-hoi-dong.pdf",
    "giay-chung-nhan.pdf",
    "giay-chung-nhan.xlsx",
    "phieu-danh-gia.pdf",
    "phieu-gop-y.pdf",
    "phu-luc-danh-sach-san-pham.pdf",
    "phu-luc-danh-sach-san-pham.xlsx",
]


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered folder goes to a settings file of the test's own, not the person's."""
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(documents_view, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))


def open_documents(
    qtbot: QtBot, db: Database, out: Path, *, passphrase: str | None = TEST_PASSPHRASE
) -> tuple[MainWindow, DocumentsPage]:
    """The documents page as the secretary opens it; with `passphrase`, the chair has typed it to unlock the key
    (opening the file locked it)."""
    secretary = accounts.authenticate(db, username="thuky", password=DEMO_PASSWORD)
    window = MainWindow(db, secretary)
    qtbot.addWidget(window)
    if passphrase is not None:
        council_key.unlock(passphrase)
    window.round_page.documents_button.click()
    assert window.nav.currentRow() == PAGES.index("documents")
    page = window.documents_page
    page.folder.setText(str(out))
    return window, page


def choose(page: DocumentsPage, *kinds: str) -> None:
    for kind, box in page.kind_boxes.items():
        box.setChecked(kind in kinds)


def listed(page: DocumentsPage) -> list[str]:
    return [page.files.item(i).text() for i in range(page.files.count())]


def test_generating_writes_the_files_and_lists_them(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "tai-lieu"
    _window, page = open_documents(qtbot, demo_db, out)
    assert [box.text() for box in page.kind_boxes.values()] == [
        "Phiếu đánh giá sản phẩm",
        "Biên bản họp hội đồng",
        "Bảng tổng hợp kết quả (PDF, Excel)",
        "Phụ lục danh sách sản phẩm (PDF, Excel)",
        "Giấy chứng nhận (PDF, sổ Excel)",
        "Phiếu góp ý hoàn thiện sản phẩm",
        "Phiếu chấm Excel",
    ]
    page.generate_button.click()
    assert page.running is not None and not page.generate_button.isEnabled()
    qtbot.waitUntil(lambda: page.running is None, timeout=60_000)
    workbooks = [f"phieu-excel/{name}.xlsx" for name in WORKBOOKS]
    assert sorted(listed(page)) == sorted(ALL_FILES + workbooks)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == sorted(ALL_FILES + workbooks)
    assert page.status.text() == f"Đã tạo {len(ALL_FILES) + len(WORKBOOKS)} tệp trong thư mục {out}"
    assert documents_view.default_folder(demo_db.path, page.round_id or "", "") == out  # remembered for the round

    opened: list[QUrl] = []
    page.files.setCurrentRow(listed(page).index("bang-tong-hop-ket-qua.xlsx"))
    assert not page.preview_button.isEnabled() and not page.print_button.isEnabled()
    original = QDesktopServices.openUrl
    try:
        QDesktopServices.openUrl = lambda url: opened.append(url) or True  # type: ignore[method-assign]
        page.open_button.click()
        page.folder_button.click()
    finally:
        QDesktopServices.openUrl = original  # type: ignore[method-assign]
    assert [u.toLocalFile() for u in opened] == [str(out / "bang-tong-hop-ket-qua.xlsx"), str(out)]


def test_cancel_on_the_progress_dialog_stops_the_sheet_pack_and_leaves_no_file(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held at the first page until Cancel has been pressed, so the pack cannot end first; after that
    it may not report a single page more."""
    out = tmp_path / "tai-lieu"
    _window, page = open_documents(qtbot, demo_db, out)
    choose(page, "sheets")
    holding, pressed = threading.Event(), threading.Event()
    reports_after_cancel: list[int] = []
    real = round_documents.render_round_documents

    def held(*args: object, progress: round_documents.Progress, **kwargs: object) -> list[Path]:
        sheet_reports = []

        def report(done: int, total: int, kind: str) -> bool:
            if pressed.is_set():
                reports_after_cancel.append(done)
            go_on = progress(done, total, kind)
            sheet_reports.append(kind == "sheets")
            if go_on and sum(sheet_reports) == 2 and not pressed.is_set():  # before the file, then its first page
                holding.set()
                assert pressed.wait(30)
                go_on = progress(done, total, kind)
            return go_on

        return real(*args, progress=report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(round_documents, "render_round_documents", held)
    page.generate_button.click()
    qtbot.waitUntil(holding.is_set, timeout=60_000)
    qtbot.waitUntil(lambda: page.progress_dialog is not None and "Phiếu" in page.progress_dialog.labelText())
    dialog = page.progress_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.labelText() == "Đang tạo: Phiếu đánh giá sản phẩm"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.labelText() == "Đang dừng…"
    pressed.set()
    qtbot.waitUntil(lambda: page.running is None, timeout=60_000)
    assert reports_after_cancel == []  # the page that saw the Cancel was the last
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file
    assert listed(page) == []
    assert page.status.text() == "Đã dừng theo yêu cầu. Đã ghi đầy đủ: không có. Chưa ghi: phieu-danh-gia.pdf."
    assert page.generate_button.isEnabled()


def test_a_refused_set_says_why_in_words_and_writes_nothing(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = sqlite3.connect(demo_path)
    con.execute("DROP TRIGGER trg_result_locked_update")
    con.execute("UPDATE results SET computed = json_set(computed, '$.stars', 5) WHERE stars = 3")
    con.execute(TRIGGERS["trg_result_locked_update"])  # put back: a file missing a guard trigger is not opened
    con.commit()
    con.close()
    shown: list[BaseException] = []
    monkeypatch.setattr(documents_view, "show_error", lambda _parent, exc: shown.append(exc))
    out = tmp_path / "tai-lieu"
    with Database.open(demo_path) as db:
        _window, page = open_documents(qtbot, db, out)
        page.generate_button.click()
        qtbot.waitUntil(lambda: page.running is None, timeout=60_000)
    assert len(shown) == 1 and isinstance(shown[0], round_documents.DocumentRefused)
    assert page.status.text().startswith("Không tạo tài liệu nào:\n• ")
    assert "khác kết quả tính lại từ các phiếu; không in tài liệu" in page.status.text()
    assert "Traceback" not in page.status.text()
    assert not out.exists() and listed(page) == []


def test_preview_shows_every_page_and_printing_gives_every_page(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tai-lieu"
    _window, page = open_documents(qtbot, demo_db, out)
    choose(page, "results", "feedback")
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None, timeout=60_000)
    for name in ("phieu-gop-y.pdf", "bang-tong-hop-ket-qua.pdf"):
        expected = len(PdfReader(out / name).pages)
        page.files.setCurrentRow(listed(page).index(name))
        page.preview_button.click()
        assert page.preview.page_count() == expected
        assert page.preview.title.text() == f"Xem trước: {name} — {expected} trang"

        printed_to = tmp_path / f"in-{name}"

        def pdf_printer(_path: Path, target: Path = printed_to) -> QPrinter:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            return printer

        monkeypatch.setattr(page, "choose_printer", pdf_printer)
        page.print_button.click()
        printed = PdfReader(printed_to)
        assert len(printed.pages) == expected
        wide = name.startswith("bang-tong-hop")  # the summary is landscape, and printed so
        assert (printed.pages[0].mediabox.width > printed.pages[0].mediabox.height) is wide
        assert page.status.text() == f"Đã gửi {expected} trang của {name} tới máy in."


def test_certificates_asked_before_any_decision_are_said_missing(
    qtbot: QtBot, empty_db: Database, tmp_path: Path
) -> None:
    from ocop_desktop.services import results
    from tests.integration.meeting import NAMES, build_meeting

    meeting = build_meeting(empty_db)
    meeting.attend()
    for name in NAMES:
        meeting.score("QD26-2026-07", name)
    results.approve_result(empty_db, actor=meeting.chair, dossier_id=meeting.dossiers["QD26-2026-07"])
    out = tmp_path / "tai-lieu"
    window = MainWindow(empty_db, meeting.secretary)
    qtbot.addWidget(window)
    council_key.unlock(TEST_PASSPHRASE)
    window.round_page.documents_button.click()
    page = window.documents_page
    page.folder.setText(str(out))
    choose(page, "minutes", "certificates")
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None, timeout=60_000)
    assert listed(page) == ["bien-ban-hop-hoi-dong.pdf"]
    assert "Không có giấy chứng nhận: đợt chưa có quyết định công nhận" in page.status.text()
