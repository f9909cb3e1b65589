"""Long work off the GUI thread: a plain callable (usually a service bound with its arguments) runs in the
thread pool, and its result or error comes back to the GUI thread through a queued signal. The callable never
touches widgets; each one opens its own database session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ocop_desktop.ui.i18n import tr


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


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], Any], *, cancellable: bool = True) -> Any:
    """Run `work` off the GUI thread behind a progress dialog; the window stays responsive.

    Returns the result, or raises the work's exception on the GUI thread. Cancelling (only offered for work
    that changes nothing, like reading a file) returns None at once and the result is discarded."""
    dialog = QProgressDialog(label, tr("Hủy") if cancellable else "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    if not cancellable:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    dialog.canceled.connect(loop.quit)
    task = run_in_background(work, done, failed)
    loop.exec()
    dialog.reset()
    if "error" in outcome:
        raise outcome["error"]
    del task
    return outcome.get("result")
