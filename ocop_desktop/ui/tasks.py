"""Long work off the GUI thread: a plain callable (usually a service bound with its arguments) runs in the
thread pool, and its result or error comes back to the GUI thread through a queued signal. The callable never
touches widgets; each one opens its own database session."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ocop_desktop.ui.i18n import tr

T = TypeVar("T")


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread, which shows it to the person
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Task:
    task = Task(work)
    if on_success is not None:
        task.signals.finished.connect(on_success)
    if on_failure is not None:
        task.signals.failed.connect(on_failure)
    QThreadPool.globalInstance().start(task)
    return task


def run_with_progress(
    parent: QWidget | None, label: str, work: Callable[[], T], *, cancellable: bool = True
) -> T | None:
    """Run `work` off the GUI thread behind a progress dialog; the window stays responsive.

    Returns the result, or raises the work's exception on the GUI thread. Cancelling (only offered for work
    that changes nothing, like reading a file) returns None at once and the result is discarded."""
    dialog = QProgressDialog(label, tr("Hủy") if cancellable else "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    if not cancellable:
        dialog.setCancelButton(None)
    loop = QEventLoop()
    results: list[T] = []
    errors: list[BaseException] = []

    def done(result: T) -> None:
        results.append(result)
        loop.quit()

    def failed(exc: BaseException) -> None:
        errors.append(exc)
        loop.quit()

    dialog.canceled.connect(loop.quit)
    task = run_in_background(work, done, failed)
    loop.exec()
    dialog.reset()
    if errors:
        raise errors[0]
    del task
    return results[0] if results else None


class Progress(QObject):
    """Between work on a worker thread and the GUI: the work reports through `report`, which says whether to go on;
    the person's Cancel sets `stop`. Reports reach the GUI thread as queued signals."""

    changed = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.stop = threading.Event()

    def report(self, done: int, total: int, what: str) -> bool:
        if not self.stop.is_set():
            self.changed.emit(done, total, what)
        return not self.stop.is_set()


@dataclass
class Running:
    """Work started by `start_with_progress`: its dialog, its progress link and its task (kept alive here)."""

    dialog: QProgressDialog
    progress: Progress
    task: Task


def start_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Callable[[int, int, str], bool]], Any],
    *,
    describe: Callable[[str], str],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> Running:
    """Start `work(report)` off the GUI thread behind a progress bar with a Cancel that really stops it: `report`
    returns False once Cancel is pressed, and the work is expected to end at its next report by raising. The dialog
    stays up, saying it is stopping, until the work has ended; then `on_success` or `on_failure` runs on the GUI
    thread. `describe(what)` words the step the work reports ("" before the first report)."""
    dialog = QProgressDialog(describe(""), tr("Hủy"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    dialog.canceled.disconnect(dialog.cancel)  # Qt would hide it at once, while the work is still stopping
    progress = Progress()

    def changed(done: int, total: int, what: str) -> None:
        if progress.stop.is_set():
            return
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(describe(what))

    def cancel() -> None:
        progress.stop.set()
        dialog.setLabelText(tr("Đang dừng…"))
        button = dialog.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)

    def ended(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def end(value: Any) -> None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            callback(value)

        return end

    progress.changed.connect(changed, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(cancel)
    task = run_in_background(lambda: work(progress.report), ended(on_success), ended(on_failure))
    dialog.show()
    return Running(dialog, progress, task)
