"""What slips through: an exception no code caught (in a slot, a paint, a worker thread) and Qt's own warnings. Each
is written to the log file with its traceback (`ocop_desktop.logfile`); an exception is also said to the person in
ONE plain dialog in their language: what happened in a line, that the work saved before it is kept (every choice is
committed before "Đã lưu" is shown), and where the log is, with a button to open its folder. The program keeps
running.

Without this, PySide6 prints such an exception on standard error and carries on: in the Windows program (no
console) it went nowhere. A burst of the same error (a paint that fails on every repaint) shows one dialog and logs
one traceback, then a line per repeat; an error while the dialog is open is logged only."""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections import Counter
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ocop_desktop import logfile
from ocop_desktop.ui.i18n import tr

log = logging.getLogger("ocop_desktop.crash")
qt_log = logging.getLogger("ocop_desktop.qt")
QUIET_SECONDS = 300.0  # the same error again within this time after its dialog: logged in one line, not shown
DETAIL_CHARS = 160
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
# the offscreen platform's "does not support propagateSizeHints()", printed for every window: harmless (tech-notes),
# and it would bury what the demo command prints
IGNORED_QT_NOTES = ("propagateSizeHints",)


def summary(exc: BaseException) -> str:
    """What happened, in one line of the person's language: the file and the system's reason for a file error,
    else the error's own first line; its class name only when it says nothing else."""
    if isinstance(exc, MemoryError):
        return tr("Máy tính không còn đủ bộ nhớ để làm tiếp thao tác vừa rồi.")
    if isinstance(exc, OSError) and exc.filename:
        reason = exc.strerror or _first_line(exc)
        return tr("Không đọc hoặc ghi được tệp {file}: {reason}").format(file=exc.filename, reason=reason)
    detail = _first_line(exc) or type(exc).__name__
    return tr("Thao tác vừa rồi không làm xong được vì một lỗi trong chương trình: {detail}").format(detail=detail)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= DETAIL_CHARS else line[: DETAIL_CHARS - 1] + "…"


class UnexpectedErrorBox(QMessageBox):
    """The one dialog for an error nobody foresaw: what happened, what was kept, where the log is."""

    def __init__(self, parent: QWidget | None, exc: BaseException) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("Đã xảy ra lỗi"))
        self.setText(summary(exc))
        kept = tr(
            "Những gì đã lưu trước khi xảy ra lỗi vẫn được giữ nguyên: mỗi lựa chọn được ghi vào tệp dữ liệu "
            "trước khi chương trình báo «Đã lưu». Bạn có thể làm việc tiếp."
        )
        where = tr(
            "Chi tiết lỗi đã được ghi vào tệp nhật ký:\n{path}\nNếu lỗi lặp lại, hãy gửi tệp này cho người hỗ trợ."
        )
        self.setInformativeText(f"{kept}\n\n{where.format(path=logfile.log_file())}")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        self.open_logs_button = self.addButton(tr("Mở thư mục nhật ký"), QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(QMessageBox.StandardButton.Ok)
        self.close_button.setText(tr("Đóng"))  # Qt would word it in English
        self.setDefaultButton(self.close_button)  # Enter closes; the folder opens only when asked for
        self.setEscapeButton(self.close_button)

    def ask(self) -> None:
        """Show it; open the logs folder when the person asks for it."""
        self.exec()
        if self.clickedButton() is self.open_logs_button:
            open_log_folder()


def open_log_folder() -> None:
    folder = logfile.log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        log.warning("the system opened no file manager for %s", folder)


def show_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    """An exception a caller caught but has no words for (dialogs.show_error): logged with its traceback, said."""
    log.error("unexpected error: %s", _first_line(exc) or type(exc).__name__, exc_info=exc)
    UnexpectedErrorBox(parent, exc).ask()


def _signature(exc: BaseException) -> tuple[str, ...]:
    """The same error: the same kind raised at the same line (its message may differ from one repeat to the next)."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ is not None else []
    if frames:
        return (type(exc).__qualname__, frames[-1].filename, str(frames[-1].lineno))
    return (type(exc).__qualname__, str(exc))


class CrashReporter(QObject):
    """The hooks: `sys.excepthook`, `threading.excepthook` and Qt's message handler, installed by `install` and put
    back as they were by `uninstall` (or around a `with` block). `interactive=False` (screenshots, the demo's
    pictures) logs only: nobody is there to answer a dialog."""

    _present = Signal(object, object)  # the exception and its signature, to the GUI thread

    def __init__(self, *, interactive: bool = True) -> None:
        super().__init__()
        self.interactive = interactive
        self.showing = False  # a dialog is on screen or on its way
        self.dialogs = 0
        self._lock = threading.Lock()
        self._logged: dict[tuple[str, ...], float] = {}  # when its traceback was last written
        self._shown: dict[tuple[str, ...], float] = {}  # when its dialog was closed
        self._repeats: Counter[tuple[str, ...]] = Counter()
        self._previous: tuple[Any, Any, Any] | None = None
        self._present.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashReporter:
        if self._previous is None:
            previous_handler = qInstallMessageHandler(self._qt_message)
            self._previous = (sys.excepthook, threading.excepthook, previous_handler)
            sys.excepthook = self._sys_hook
            threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook, previous_handler = self._previous
            qInstallMessageHandler(previous_handler)
            self._previous = None

    def __enter__(self) -> CrashReporter:
        return self.install()

    def __exit__(self, *_exc: object) -> None:
        self.uninstall()

    # the hooks ------------------------------------------------------------------------------------------------

    def _sys_hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal it was started from
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc.with_traceback(tb), threading.current_thread().name)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value.with_traceback(args.exc_traceback), name)

    def _qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's warnings, criticals and fatals into the log (and on standard error, as Qt prints them)."""
        if any(note in message for note in IGNORED_QT_NOTES):
            return
        where = f" ({context.file}:{context.line})" if context.file else ""
        qt_log.log(QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
        _to_stderr(message + "\n")
        if mode == QtMsgType.QtFatalMsg:
            logfile.flush()  # Qt ends the process when this returns

    # reporting ------------------------------------------------------------------------------------------------

    def report(self, exc: BaseException, thread: str) -> None:
        """Log `exc` (the traceback once per quiet period, then a line per repeat) and, on the GUI thread, show the
        dialog unless one is up or this error was shown a moment ago. Safe from any thread."""
        signature = _signature(exc)
        now = time.monotonic()
        with self._lock:
            fresh = now - self._logged.get(signature, -QUIET_SECONDS) >= QUIET_SECONDS
            if fresh:
                self._logged[signature] = now
                self._repeats[signature] = 0
            else:
                self._repeats[signature] += 1
            repeats = self._repeats[signature]
            show = (
                self.interactive
                and not self.showing
                and now - self._shown.get(signature, -QUIET_SECONDS) >= QUIET_SECONDS
                and isinstance(QApplication.instance(), QApplication)  # widgets, not only an event loop
            )
            if show:
                self.showing = True
        if fresh:
            log.error("unexpected error in thread %s", thread, exc_info=exc)
            _to_stderr("".join(traceback.format_exception(exc)))
        else:
            log.error("the same error again (%d since its traceback): %s", repeats, _first_line(exc))
        if show:
            self._present.emit(exc, signature)

    def _show(self, exc: BaseException, signature: tuple[str, ...]) -> None:
        self.dialogs += 1
        try:
            UnexpectedErrorBox(QApplication.activeWindow(), exc).ask()
        finally:
            with self._lock:
                self.showing = False
                self._shown[signature] = time.monotonic()


def _to_stderr(text: str) -> None:
    """For a developer's terminal; the Windows program's standard error is a null device, or closed."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass


def install(*, interactive: bool = True, what: str = "window") -> CrashReporter:
    """Open the log file, note the start (`what` was started), and install the hooks; `uninstall` on the result,
    or the end of a `with` block around it, puts back what was there. A run nobody watches (a screenshot) logs
    only what goes wrong, so that it leaves nothing behind when nothing does."""
    logfile.configure(logging.INFO if interactive else logging.WARNING)
    logfile.started(what, Qt=qVersion())
    return CrashReporter(interactive=interactive).install()
