"""The dossier page: what the producer submitted, the commune's and the advisory team's findings, the attachments
(checked, previewed, opened in the system viewer), and their corrections."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.paths import regular_file
from ocop_desktop.services import queries, registry
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import open_in_system, show_error
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.dossier.view import DossierPage
from ocop_desktop.ui.pages.setup.view import AssessmentsDialog, ProducerEditDialog, SelfAssessmentDialog


class DossierPageController(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND | Change.DOSSIER | Change.DATA

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = page = DossierPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        page.add_button.clicked.connect(self.add_attachment)
        page.attachment_selected.connect(self.show_attachment)
        page.attachment_opened.connect(self.open_attachment)
        page.edit_button.clicked.connect(self.edit_producer)
        page.assessments_button.clicked.connect(self.edit_assessments)
        page.self_button.clicked.connect(self.edit_self_assessment)

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx.db is None or ctx.dossier_id is None:
            return
        self.view.load(queries.dossier_view(ctx.db, ctx.dossier_id))
        editable = ctx.can(Permission.EDIT_REGISTRY)
        for button in (
            self.view.add_button,
            self.view.edit_button,
            self.view.assessments_button,
            self.view.self_button,
        ):
            button.setEnabled(editable)

    def add_attachment(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        path = file_dialogs.open_file(
            self,
            "attachments",
            tr("Thêm tài liệu vào hồ sơ"),
            tr("Tài liệu (*.pdf *.png *.jpg *.jpeg *.webp *.docx *.xlsx)"),
        )
        if path is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        try:  # a folder or a named pipe is refused before it is opened (a pipe would never answer)
            content = regular_file(path).read_bytes()
        except UserFacingError as exc:
            show_error(self, exc)
            return
        except OSError as exc:
            detail = exc.strerror or str(exc)
            show_error(self, UserFacingError([Problem("input.unreadable", {"detail": detail}, (("file", path.name),))]))
            return
        run_op(
            self,
            ctx,
            lambda: registry.add_attachment(
                db,
                actor=actor,
                dossier_id=dossier_id,
                filename=path.name,
                content=content,
            ),
        )

    def _attachment(self, attachment_id: str) -> tuple[str, str, bytes] | None:
        """The attachment's name, type and checked content, as the person reading may have them; None if refused."""
        ctx = self.ctx
        if ctx.db is None:
            return None
        db, viewer = ctx.db, ctx.viewer()
        return run_op(
            self,
            ctx,
            lambda: registry.attachment_content(db, actor=viewer, attachment_id=attachment_id),
            changes=Change.NONE,
        )

    def show_attachment(self, attachment_id: str) -> None:
        found = self._attachment(attachment_id)
        if found is not None:
            name, media_type, content = found
            self.view.show_attachment(name, media_type, content, hashlib.sha256(content).hexdigest())

    def open_attachment(self, attachment_id: str) -> None:
        """Write a checked copy to a temporary folder and hand it to the system's viewer (no network)."""
        found = self._attachment(attachment_id)
        if found is None:
            return
        name, _media_type, content = found
        target = Path(tempfile.mkdtemp(prefix="ocop-")) / Path(name).name
        target.write_bytes(content)
        open_in_system(self, target)

    def edit_assessments(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        dialog = AssessmentsDialog(self, queries.dossier_view(db, dossier_id))

        def submit() -> None:
            for item, (text, check) in dialog.items.items():
                if text.text().strip():
                    registry.set_commune_assessment(
                        db,
                        actor=actor,
                        dossier_id=dossier_id,
                        item=item,
                        finding=text.text(),
                        meets=check.isChecked(),
                    )
            registry.set_advisory_report(
                db,
                actor=actor,
                dossier_id=dossier_id,
                report=dialog.report.toPlainText(),
            )

        self.run_form(dialog, submit)

    def edit_self_assessment(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        dialog = SelfAssessmentDialog(self, queries.dossier_view(db, dossier_id))
        self.run_form(
            dialog,
            lambda: registry.set_self_assessment(db, actor=actor, dossier_id=dossier_id, choices=dialog.choices()),
        )

    def edit_producer(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        db, actor = work.db, work.actor
        view = queries.producer_of_dossier(db, work.dossier_id)
        dialog = ProducerEditDialog(self, view)

        def submit() -> None:
            registry.update_product(
                db,
                actor=actor,
                product_id=view.product_id,
                name=dialog.product.text(),
                code=dialog.code.text() or None,
            )
            registry.update_producer(db, actor=actor, producer_id=view.producer_id, **dialog.producer_changes())

        self.run_form(dialog, submit)
