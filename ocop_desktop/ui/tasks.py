"""Long work off the GUI thread: a plain callable (usually a service bound with its arguments) runs in the
thread pool, and its result or error comes back to the GUI thread through a queued signal. The callable never
touches widgets; each one opens its own database session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
