"""What slips through, offscreen: an exception raised in a slot (or a worker thread) is written with its traceback to
the log file in the person's data folder (a temporary one here) and said in ONE dialog naming the log, answered by a
key press; a burst of the same error shows one dialog; an error while the dialog is up is logged only; the program
goes on; the log rotates. Files the window cannot preview or hand to the system are named in words and logged. The
hooks are put back after every test."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qCritical, qWarning
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ocop_desktop import logfile
from ocop_desktop.ui import crash, dialogs
from ocop_desktop.ui.crash import UnexpectedErrorBox
from ocop_desktop.ui.pages.documents.view import DocumentsPage

REAL_EXEC = QMessageBox.exec  # taken before the autouse fixture refuses every modal dialog


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder of the test's own; the log file is closed after it (the next `configure` opens its own)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(folder))
    yield folder
    logfile.close()
    for hook in (sys.excepthook, threading.excepthook):  # every test put the hooks back
        assert not isinstance(getattr(hook, "__self__", None), crash.CrashReporter)


def log_text(data: Path) -> str:
    logfile.flush()
    return (data / "logs" / "ocop-desktop.log").read_text(encoding="utf-8")


class Answerer:
    """Waits for the error dialog, notes what it says, then presses Enter on it (`before` runs first, once)."""

    def __init__(self, before: Callable[[], None] | None = None) -> None:
        self.seen: list[tuple[str, str, list[str]]] = []
        self.before = before
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, UnexpectedErrorBox):
            return
        if self.before is not None:
            before, self.before = self.before, None
            before()
            return  # pressed on the next tick: what `before` queued runs while the dialog is up
        self.seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        QTest.keyClick(box, Qt.Key.Key_Return)


def settle(qtbot: QtBot, reporter: crash.CrashReporter, answerer: Answerer, dialogs_shown: int) -> None:
    qtbot.waitUntil(lambda: len(answerer.seen) == dialogs_shown and not reporter.showing, timeout=5000)
    qtbot.wait(100)  # nothing more comes
    answerer.timer.stop()


def sheet_went_missing() -> None:
    raise LookupError("phiếu QD26-2026-07 không còn trong danh mục")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_said_once_and_the_program_goes_on(
    qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnexpectedErrorBox, "exec", REAL_EXEC)
    later: list[str] = []
    with crash.install() as reporter:
        answerer = Answerer()
        QTimer.singleShot(0, sheet_went_missing)
        settle(qtbot, reporter, answerer, 1)
        QTimer.singleShot(0, lambda: later.append("still running"))
        qtbot.waitUntil(lambda: later == ["still running"])
    log = log_text(data)
    assert "started (window)" in log
    assert "Traceback (most recent call last)" in log and "in sheet_went_missing" in log
    assert "LookupError: phiếu QD26-2026-07 không còn trong danh mục" in log  # UTF-8, Vietnamese intact
    ((text, informative, buttons),) = answerer.seen
    assert text == (
        "Thao tác vừa rồi không làm xong được vì một lỗi trong chương trình: "
        "phiếu QD26-2026-07 không còn trong danh mục"
    )
    assert "LookupError" not in text and "Traceback" not in text + informative
    assert "Những gì đã lưu trước khi xảy ra lỗi vẫn được giữ nguyên" in informative
    assert str(data / "logs" / "ocop-desktop.log") in informative
    assert sorted(buttons) == ["Mở thư mục nhật ký", "Đóng"]
    assert reporter.dialogs == 1


@pytest.mark.qt_no_exception_capture
def test_a_burst_of_the_same_error_shows_one_dialog_and_another_error_meanwhile_is_logged_only(
    qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnexpectedErrorBox, "exec", REAL_EXEC)

    def another() -> None:
        raise ZeroDivisionError("tổng điểm chia cho 0 thành viên")

    with crash.install() as reporter:
        answerer = Answerer(before=lambda: QTimer.singleShot(0, another))
        for _ in range(20):
            QTimer.singleShot(0, sheet_went_missing)
        settle(qtbot, reporter, answerer, 1)
        QTimer.singleShot(0, sheet_went_missing)  # the same again just after its dialog: logged only
        qtbot.wait(100)
    assert reporter.dialogs == 1 and len(answerer.seen) == 1
    log = log_text(data)
    assert log.count("in sheet_went_missing") == 1  # one traceback, then a line per repeat
    assert "the same error again (20 since its traceback)" in log
    assert "ZeroDivisionError: tổng điểm chia cho 0 thành viên" in log


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_is_logged_there_and_said_on_the_gui_thread(
    qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnexpectedErrorBox, "exec", REAL_EXEC)
    with crash.install() as reporter:
        answerer = Answerer()
        worker = threading.Thread(target=sheet_went_missing, name="worker-7")
        worker.start()
        worker.join()
        settle(qtbot, reporter, answerer, 1)
    assert "unexpected error in thread worker-7" in log_text(data)
    assert answerer.seen[0][0].endswith("phiếu QD26-2026-07 không còn trong danh mục")


def test_qt_warnings_go_to_the_log_less_the_offscreen_size_hint_notes(qtbot: QtBot, data: Path) -> None:
    with crash.install(interactive=False):
        qWarning("QFont: điểm cỡ chữ không hợp lệ")
        qCritical("QPainter: không vẽ được")
        qWarning("This plugin does not support propagateSizeHints()")
    log = log_text(data)
    assert "WARNING" in log and "QFont: điểm cỡ chữ không hợp lệ" in log
    assert "ERROR" in log and "QPainter: không vẽ được" in log
    assert "propagateSizeHints" not in log


def test_an_error_a_caller_has_no_words_for_names_the_file_and_the_log(
    qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dialogs.show_error's last resort: logged with its traceback through the same log, said as the hook says it."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(f"{self.text()}\n{self.informativeText()}") or 0)
    logfile.configure()
    try:
        (data / "khong-co.ocopdb").read_bytes()
    except OSError as exc:
        dialogs.show_error(None, exc)
    (text,) = shown
    assert text.startswith(f"Không đọc hoặc ghi được tệp {data / 'khong-co.ocopdb'}: No such file or directory")
    assert str(data / "logs" / "ocop-desktop.log") in text
    assert "FileNotFoundError" in log_text(data) and "Traceback" in log_text(data)


def test_the_log_rotates_at_one_mebibyte_and_keeps_five(data: Path) -> None:
    path = logfile.configure(logging.WARNING)
    line = "điểm " * 200  # about 1.2 KB in UTF-8
    for n in range(6500):
        logfile.log.warning("%d %s", n, line)
    logfile.flush()
    folder = data / "logs"
    assert sorted(p.name for p in folder.iterdir()) == [
        f"ocop-desktop.log{s}" for s in ("", ".1", ".2", ".3", ".4", ".5")
    ]
    assert all(p.stat().st_size <= logfile.MAX_BYTES for p in folder.iterdir())
    assert path.read_text(encoding="utf-8").rstrip().endswith(f"6499 {line}".rstrip())


# files the documents page cannot show ------------------------------------------------------------------------


def page_with(qtbot: QtBot, folder: Path, *files: Path) -> DocumentsPage:
    page = DocumentsPage()
    qtbot.addWidget(page)
    page.show_made(folder, list(files))
    return page


def test_a_damaged_pdf_is_named_in_words_and_logged_instead_of_a_line_on_stderr(
    qtbot: QtBot, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logfile.configure()
    damaged = tmp_path / "bien-ban-hop-hoi-dong.pdf"
    damaged.write_bytes(b"%PDF-1.7\n cut short by a full disk")
    page = page_with(qtbot, tmp_path, damaged)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    page.preview_button.click()
    assert shown == [f"• Tệp «{damaged}»: tệp không phải PDF hoặc đã hỏng, không xem trước được"]
    assert page.preview.page_count() == 0
    assert f"no preview of {damaged}" in log_text(data)

    damaged.unlink()  # deleted or moved since it was listed
    page.preview_button.click()
    assert shown[1].startswith(f"• Tệp «{damaged}»: không đọc được tệp để xem trước: ")


def test_a_file_the_system_opens_no_application_for_is_named(
    qtbot: QtBot, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform opens nothing, as a computer without a PDF viewer would (Qt only printed a line)."""
    logfile.configure()
    form = tmp_path / "phieu-dang-ky-khoa.pdf"
    form.write_bytes(b"%PDF-1.7\n")
    page = page_with(qtbot, tmp_path, form)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    page.open_button.click()
    assert shown == [
        f"• Tệp «{form}»: máy tính không có ứng dụng nào mở được tệp này, hoặc ứng dụng không khởi động được; "
        "hãy mở tệp từ thư mục chứa nó"
    ]
    assert f"the system opened no application for {form}" in log_text(data)
