"""The round page: council, attendance (ticked by the secretary) and the agenda."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.services import queries, round_setup
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import show_error
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.round.view import RoundPage


class RoundPageController(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND | Change.DATA
    dossier_opened = Signal(str)  # a dossier activated in the agenda
    documents_wanted = Signal()

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = RoundPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.dossier_activated.connect(self.dossier_opened)
        self.view.attendance_changed.connect(self.record_attendance)
        self.view.documents_button.clicked.connect(self.documents_wanted)

    def refresh(self) -> None:
        view = self.ctx.round_view()
        if view is None:
            return
        self.view.load(view, can_edit_attendance=self.ctx.can(Permission.SET_UP_ROUND))

    def record_attendance(self, member_id: str, present: bool) -> None:
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor = work.db, work.actor
        session_id = queries.round_view(db, work.round_id, actor=ctx.viewer()).session_id
        if session_id is None:
            return
        run_op(
            self,
            ctx,
            lambda: round_setup.record_attendance(
                db, actor=actor, session_id=session_id, member_id=member_id, present=present
            ),
            on_refused=self._refused,
        )

    def _refused(self, exc: UserFacingError) -> bool:
        """Said, then the boxes go back to what is stored."""
        show_error(self, exc)
        self.refresh_now()
        return True
