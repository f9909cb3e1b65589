"""One helper for every user operation, in the manner of Anki's `CollectionOp` (`qt/aqt/operations/`): a page
writes a small function that calls one service; this runs it (off the GUI thread behind a progress dialog when
it takes a label), sends a refusal to the one error presenter, and on success tells the work context what
changed so that every page concerned refreshes itself. No page calls another page's refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.errors import UserCancelled, UserFacingError
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import show_error
from ocop_desktop.ui.tasks import run_with_progress

T = TypeVar("T")


def run_op(
    parent: QWidget,
    ctx: WorkContext,
    op: Callable[[], T],
    *,
    changes: Change = Change.DATA,
    progress: str | None = None,
    cancellable: bool = False,
    on_success: Callable[[T], None] | None = None,
    on_refused: Callable[[UserFacingError], bool] | None = None,
) -> T | None:
    """Run `op`; None when it was refused (said to the person) or cancelled. `on_refused` may show the refusal
    where the person is looking (a page's own line) and return True, else the error dialog says it. Anything that
    is not a person-sized refusal goes on to the exception hook, which logs it and says where the log is."""
    try:
        value = run_with_progress(parent, progress, op, cancellable=cancellable) if progress else op()
    except UserCancelled:
        return None
    except UserFacingError as exc:
        if on_refused is None or not on_refused(exc):
            show_error(parent, exc)
        return None
    if progress and cancellable and value is None:
        return None
    done = cast(T, value)  # not cancelled: the value is op's own (None when op returns None)
    ctx.notify(changes)
    if on_success is not None:
        on_success(done)
    return done
