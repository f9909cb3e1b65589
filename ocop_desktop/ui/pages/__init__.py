"""The window's pages. Each page holds its widgets and its own actions, reads the work context, and refreshes
itself when the context says that what it shows changed — at once when it is the page on screen, else the next
time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import FormDialog, show_error
from ocop_desktop.ui.i18n import tr

PAGES = ("round", "setup", "dossier", "scoring", "results", "documents", "criteria", "province")


class Page(QWidget):
    watches: Change = Change.ALL  # what, when it changes, makes this page stale

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = False
        self.stale = True
        ctx.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        if change & self.watches:
            self.stale = True
            if self.current:
                self.refresh_now()

    def activate(self, current: bool) -> None:
        """The window shows this page (or another): a stale page refreshes as it comes on screen."""
        self.current = current
        if current and self.stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self.stale = False
        if self.ctx.db is None:
            self.clear()
            return
        try:
            self.refresh()
        except UserFacingError as exc:
            show_error(self, exc)

    def run_form(
        self, dialog: FormDialog, submit: Callable[[], object], done: str | None = None, shows: QWidget | None = None
    ) -> object:
        """The form dialog calls `submit` on OK and stays open with the problems when it is refused; once done, the
        pages concerned refresh, `done` (if any) says what was recorded and `shows` (if any), the list holding it,
        comes to the front. Returns the service's value or None."""
        dialog.submit = submit
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.ctx.notify(Change.DATA)
        if done:
            self.say(done)
        if shows is not None:
            bring_forward(shows)
        return dialog.result_value

    def say(self, text: str) -> None:
        """What was just recorded, on the window's status line for a few seconds: seen, never in the way."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"✔ {text}", 10000)

    def refresh(self) -> None:
        """Show what the context's file, actor, round and dossier hold now."""

    def clear(self) -> None:
        """No file is open: show nothing of the last one."""


def bring_forward(widget: QWidget) -> None:
    """Show `widget` even when it lies in a tab not chosen: each tab widget above it turns to the tab holding it."""
    chain = [widget]  # the widget and its ancestors: a tab's page is one of them, its parent the tabs' own stack
    while (parent := chain[-1].parentWidget()) is not None:
        if isinstance(parent, QTabWidget):
            for tab in chain:
                if parent.indexOf(tab) >= 0:
                    parent.setCurrentWidget(tab)
        chain.append(parent)


def nav_labels() -> tuple[str, ...]:
    """The pages' names, in the order of PAGES."""
    return (
        tr("Đợt đánh giá"),
        tr("Chuẩn bị đợt"),
        tr("Hồ sơ"),
        tr("Chấm điểm"),
        tr("Kết quả"),
        tr("Tài liệu"),
        tr("Bộ tiêu chí"),
        tr("Toàn tỉnh"),
    )
