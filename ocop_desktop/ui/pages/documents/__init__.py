"""The documents page (the round's papers, made off the GUI thread) and the import of a member's returned Excel
ballots, which the scoring page offers too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ocop_desktop.persistence.keys import InstallationKey
from ocop_desktop.services import council_key
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import inform
from ocop_desktop.ui.file.keys import obtain_signing_key
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.documents.ballot_import import BallotImportDialog, choose_ballot_workbook
from ocop_desktop.ui.pages.documents.view import DocumentsPage
from ocop_desktop.ui.pages.documents.view import default_folder as default_documents_folder

if TYPE_CHECKING:
    from ocop_desktop.services.round_documents import Progress


class DocumentsPageController(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = DocumentsPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.import_ballots_button.clicked.connect(self.import_ballots)

    def refresh(self) -> None:
        """The documents page for the chosen round; the files are made by the service on a worker thread."""
        ctx = self.ctx
        if ctx.db is None or ctx.round_id is None:
            return
        db, round_id, viewer = ctx.db, ctx.round_id, ctx.viewer()
        view = ctx.round_view()
        if view is None:
            return
        key: list[InstallationKey | None] = [None]

        def unlock(kinds: tuple[str, ...]) -> bool:
            """Certificates are signed: the key is opened here, on the GUI thread, before the batch (the demo round
            signs with its own demo key)."""
            key[0] = None
            if "certificates" in kinds:
                key[0] = council_key.demo_key(db.path) or obtain_signing_key(self, issuer=view.council_name)
            return "certificates" not in kinds or key[0] is not None

        def render(kinds: tuple[str, ...], out: Path, report: Progress) -> list[Path]:
            from ocop_desktop.services import round_documents  # ReportLab once documents are made

            return round_documents.render_round_documents(
                db, actor=viewer, round_id=round_id, out=out, kinds=kinds, progress=report, key=key[0]
            )

        self.view.prepare = unlock
        self.view.set_round(
            round_id,
            f"{view.council_name}\n{view.name}",
            default_documents_folder(db.path, round_id, view.name),
            render,
            can_import=ctx.can(Permission.SCORE_FOR_MEMBER),
        )

    def import_ballots(self) -> None:
        """A member's returned Excel ballots: read and checked off the GUI thread, previewed with every problem,
        saved only from a clean preview and only as previewed (its SHA-256); bound to the round chosen here."""
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.SCORE_FOR_MEMBER)
        if work is None:
            return
        path = choose_ballot_workbook(self)
        if path is None:
            return
        from ocop_desktop.services import ballot_workbooks  # openpyxl once a workbook is read

        db, actor, round_id = work.db, work.actor, work.round_id
        preview = run_op(
            self,
            ctx,
            lambda: ballot_workbooks.read_ballot_workbook(db, actor=actor, path=path, round_id=round_id),
            changes=Change.NONE,
            progress=tr("Đang đọc và kiểm tra phiếu chấm Excel…"),
            cancellable=True,
        )
        if preview is None or BallotImportDialog(self, preview).exec() != QDialog.DialogCode.Accepted:
            return
        done = run_op(
            self,
            ctx,
            lambda: ballot_workbooks.import_ballot_workbook(
                db,
                actor=actor,
                path=path,
                round_id=round_id,
                sha256=preview.sha256,
            ),
            progress=tr("Đang lưu và nộp các phiếu chấm…"),
        )
        if done is not None:
            inform(
                self,
                tr("Đã nhập phiếu chấm Excel"),
                tr("Đã lưu và nộp {count} phiếu chấm của {member}.\nBản sao lưu trước khi nhập: {backup}").format(
                    count=len(done.ballots), member=preview.member, backup=done.backup
                ),
            )
