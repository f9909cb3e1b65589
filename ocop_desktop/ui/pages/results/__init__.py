"""The results page: the chosen dossier's result once every counted member has submitted, the council's
discussion, decisions and re-scores, the chair's approval with every blocking reason, and the recognition decision.
Every line and every button is set from the dossier shown, never left from the one before."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import UserFacingError, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.scoring.engine import DecisionKind
from ocop_desktop.services import exchange, queries, results, scoring_session

# the page's own `recognition` module (its dialogs) would shadow the service of that name
from ocop_desktop.services import recognition as recognition_service
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import ask_text, confirm, name_buttons
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.dossier.view import self_assessment_total
from ocop_desktop.ui.pages.results.recognition_dialogs import RecognitionDialog, RevocationDialog, revocable
from ocop_desktop.ui.pages.results.view import ResultsView
from ocop_desktop.ui.words import recognition_text


class DecisionDialog(QDialog):
    """Elimination, stop or dossier rejection, with the criterion and the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Quyết định của hội đồng"))
        self.kind = QComboBox()
        self.kind.addItem(tr("Loại sản phẩm theo tiêu chí"), DecisionKind.ELIMINATION)
        self.kind.addItem(tr("Dừng đánh giá các bước tiếp theo"), DecisionKind.STOP)
        self.kind.addItem(tr("Hồ sơ bị loại"), DecisionKind.DOSSIER_REJECTED)
        self.item = QLineEdit()
        self.reason = QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("Loại quyết định"), self.kind)
        form.addRow(tr("Tiêu chí (ví dụ 2.1)"), self.item)
        form.addRow(tr("Lý do"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.setFocus()

    def values(self) -> tuple[DecisionKind, str, str]:
        return self.kind.currentData(), self.item.text().strip(), self.reason.text().strip()


class ResultsPage(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND | Change.DOSSIER | Change.DATA
    documents_wanted = Signal()

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = ResultsView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.approve_button.clicked.connect(self.approve)
        self.view.reopen_button.clicked.connect(self.reopen)
        self.view.discuss_button.clicked.connect(self.discuss)
        self.view.rescore_button.clicked.connect(self.rescore)
        self.view.decision_button.clicked.connect(self.decide)
        self.view.recognise_button.clicked.connect(self.record_recognition)
        self.view.revoke_button.clicked.connect(self.revoke_certificate)
        self.view.reopen_round_button.clicked.connect(self.reopen_round)

    def clear(self) -> None:
        self.view.reset("")

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx.db is None or ctx.round_id is None or ctx.dossier_id is None:
            self.view.reset(tr("Chưa có hồ sơ nào trong đợt."))
            return
        db, dossier_id = ctx.db, ctx.dossier_id
        dossier = queries.dossier_view(db, dossier_id)
        agenda = queries.round_view(db, ctx.round_id, actor=ctx.viewer()).dossiers
        row = next((r for r in agenda if r.dossier_id == dossier_id), None)
        number = f"{row.agenda_order}. " if row is not None else ""
        title = f"{number}{dossier.product_name} ({dossier.product_code or '—'}) — {dossier.producer_name}"
        submitted, expected = (row.submitted, row.expected) if row is not None else (0, 0)
        try:
            view = results.compute_result(db, actor=ctx.viewer(), dossier_id=dossier_id)
        except UserFacingError:
            view = None
        figures = view.figures if view is not None and view.revealed else None
        if view is None or figures is None:
            self.view.show_pending(title, submitted, expected)
            self._show_recognition()
            return
        names_by_id = queries.member_names(db, ctx.round_id)
        self.view.show_result(
            title,
            figures=figures,
            names=[names_by_id.get(m, m) for m in figures.members],
            sheet=dossier.sheet,
            status=view.status,
            locked=view.locked,
            discussion=view.discussion,
            disputes=view.disputes,
            recognition=recognition_text(
                view.recognition.stars, view.recognition.recognised_stars, view.recognition.referred_to
            )
            if view.recognition is not None and view.recognition.referred
            else "",
        )
        self.view.show_self_assessment(self_assessment_total(dossier))
        self.view.show_history(
            [
                (e.scoring_round, e.average_total, e.spread, e.spread_exceeds_limit, e.discussion)
                for e in queries.earlier_results(db, dossier_id, actor=ctx.viewer())
                if e.revealed
            ]
        )
        self.view.show_fingerprint(exchange.meeting_code(db, ctx.round_id) if view.locked else None)
        open_result = not view.locked
        self.view.approve_button.setEnabled(ctx.can(Permission.APPROVE_RESULT) and open_result)
        self.view.reopen_button.setEnabled(ctx.can(Permission.REOPEN_RESULT) and view.locked)
        self.view.discuss_button.setEnabled(ctx.can(Permission.RECORD_DISCUSSION) and open_result)
        self.view.decision_button.setEnabled(ctx.can(Permission.RECORD_DISCUSSION) and open_result)
        self.view.rescore_button.setEnabled(ctx.can(Permission.START_RESCORE) and open_result)
        self._show_recognition()

    # the council's actions --------------------------------------------------------------------------------

    def _refused_here(self, exc: UserFacingError) -> bool:
        """Approval's blocking reasons are listed on the page, under the result, where the chair looks."""
        if not isinstance(exc, ValidationFailed):
            return False
        self.view.show_blocking([describe(p, current_lang()) for p in exc.problems])
        return True

    def approve(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.APPROVE_RESULT)
        if work is None:
            return
        if not confirm(
            self, tr("Phê duyệt kết quả"), tr("Kết quả sẽ được khóa; chỉ chủ tịch mở lại được, kèm lý do. Phê duyệt?")
        ):
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(
            self,
            ctx,
            lambda: results.approve_result(db, actor=actor, dossier_id=dossier_id),
            on_refused=self._refused_here,
        )

    def reopen(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.REOPEN_RESULT)
        if work is None:
            return
        reason = ask_text(self, tr("Mở lại kết quả"), tr("Lý do mở lại (ghi vào nhật ký):"))
        if reason is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(self, ctx, lambda: results.reopen_result(db, actor=actor, dossier_id=dossier_id, reason=reason))

    def reopen_round(self) -> None:
        """The chair reopens a round past its recognition decision, with a reason (audited)."""
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.REOPEN_RESULT)
        if work is None:
            return
        reason = ask_text(
            self,
            tr("Mở lại đợt"),
            tr(
                "Đợt sẽ nhận thêm hồ sơ, phiếu chấm và lượt chấm lại; quyết định và giấy chứng nhận đã cấp giữ "
                "nguyên.\nLý do mở lại (ghi vào nhật ký):"
            ),
        )
        if reason is None:
            return
        db, actor, round_id = work.db, work.actor, work.round_id
        run_op(self, ctx, lambda: recognition_service.reopen_round(db, actor=actor, round_id=round_id, reason=reason))

    def discuss(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.RECORD_DISCUSSION)
        if work is None:
            return
        text = ask_text(self, tr("Thảo luận của hội đồng"), tr("Nội dung thảo luận:"), multiline=True)
        if text is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(self, ctx, lambda: results.record_discussion(db, actor=actor, dossier_id=dossier_id, text=text))

    def rescore(self) -> None:
        """A new scoring round: every member scores every criterion again (the earlier ballots are kept)."""
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.START_RESCORE)
        if work is None:
            return
        reason = ask_text(
            self,
            tr("Chấm lại"),
            tr(
                "Chấm lại mở một lượt chấm mới: mọi thành viên chấm lại tất cả các tiêu chí của sản phẩm; các phiếu "
                "cũ được giữ nguyên trong hồ sơ.\nLý do chấm lại:"
            ),
        )
        if reason is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(
            self,
            ctx,
            lambda: scoring_session.start_rescore(db, actor=actor, dossier_id=dossier_id, reason=reason),
        )

    def decide(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.RECORD_DISCUSSION)
        if work is None:
            return
        dialog = DecisionDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, item, reason = dialog.values()
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(
            self,
            ctx,
            lambda: results.record_council_decision(
                db,
                actor=actor,
                dossier_id=dossier_id,
                kind=kind,
                reason=reason,
                item_id=item or None,
            ),
        )

    # recognition ------------------------------------------------------------------------------------------

    def _plan(self) -> recognition_service.RecognitionPlan | None:
        if self.ctx.db is None or self.ctx.round_id is None:
            return None
        return recognition_service.recognition_plan(self.ctx.db, round_id=self.ctx.round_id, date=dt.date.today())

    def _show_recognition(self) -> None:
        """The decision button while approved products still wait for one (for whoever may issue it); this
        product's certificate, and its revocation for whoever may revoke."""
        page, ctx = self.view, self.ctx
        plan = self._plan()
        if plan is None:
            return
        mine = next((c for c in plan.candidates if c.dossier_id == ctx.dossier_id), None)
        page.recognise_button.setEnabled(ctx.can(Permission.ISSUE_DECISION) and bool(plan.open_candidates))
        page.revoke_button.setEnabled(ctx.can(Permission.REVOKE_CERTIFICATE) and mine is not None and revocable(mine))
        page.reopen_round_button.setEnabled(ctx.can(Permission.REOPEN_RESULT) and plan.closed_by is not None)
        text = ""
        if mine is not None and mine.certificate_number is not None:
            text = tr("Giấy chứng nhận số {number}, theo quyết định {decision}").format(
                number=mine.certificate_number, decision=mine.decision_number or "—"
            )
            if not revocable(mine):
                text += " — " + tr("đã thu hồi")
        if plan.closed_by is not None:
            closed = tr(
                "Đợt đã có quyết định công nhận số {number}: không nhận thêm hồ sơ, phiếu chấm hay chấm lại cho đến "
                "khi Chủ tịch Hội đồng mở lại đợt."
            ).format(number=plan.closed_by)
            text = f"{text}\n{closed}" if text else closed
        page.certificate.setText(text)

    def record_recognition(self) -> recognition_service.DecisionIssued | None:
        """Quyết định công nhận from the dialog; on success, say how many certificates and offer the documents page
        to print them."""
        ctx = self.ctx
        plan = self._plan()
        work = ctx.requires(round=True, permission=Permission.ISSUE_DECISION)
        if work is None or plan is None:
            return None
        db, actor, round_id = work.db, work.actor, work.round_id
        dialog = RecognitionDialog(self, plan, dt.date.today())
        issued = self.run_form(
            dialog,
            lambda: recognition_service.issue_decision(db, actor=actor, round_id=round_id, **dialog.checked),
        )
        if not isinstance(issued, recognition_service.DecisionIssued):
            return None
        lines = [
            tr(
                "Đã ghi quyết định {number} và cấp {count} giấy chứng nhận.",
                number=dialog.checked["number"],
                count=len(issued.certificates),
            )
        ]
        lines += [f"• {c.number} — {c.stars} {tr('sao')}" for c in issued.certificates]
        if issued.not_recognised_here:
            lines.append(
                tr(
                    "{count} sản phẩm có hạng sao do cấp khác công nhận, không cấp giấy ở đây.",
                    count=len(issued.not_recognised_here),
                )
            )
        lines.append(tr("Mở trang Tài liệu để in quyết định và giấy chứng nhận?"))
        if confirm(self, tr("Đã ghi quyết định công nhận"), "\n".join(lines)):
            self.documents_wanted.emit()
        return issued

    def revoke_certificate(self) -> None:
        """Thu hồi the selected product's certificate, with the ground, the revoking decision and the reason."""
        ctx = self.ctx
        plan = self._plan()
        work = ctx.requires(dossier=True, permission=Permission.REVOKE_CERTIFICATE)
        if work is None or plan is None:
            return
        mine = next((c for c in plan.candidates if c.dossier_id == work.dossier_id), None)
        if mine is None or not revocable(mine):
            return
        db, actor = work.db, work.actor
        dialog = RevocationDialog(self, mine, dt.date.today())
        self.run_form(dialog, lambda: recognition_service.revoke_certificate(db, actor=actor, **dialog.checked))
