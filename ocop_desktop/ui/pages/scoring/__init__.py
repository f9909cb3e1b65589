"""The scoring page: one member's ballot for the chosen dossier.

Looking never writes: a member's ballot comes into being with their first choice, and a paper ballot only when the
secretary starts the named action «Nhập phiếu giấy cho …», after which a banner says whose ballot is typed and by
whom. What a person may see of a ballot is the services' decision; between two people the sheet is cleared."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.domain.errors import Problem, UserCancelled, UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.services import queries, scoring_session
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import SignInDialog, confirm, show_error, warn
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.scoring.paper_entry import PaperSecondEntry
from ocop_desktop.ui.pages.scoring.view import ScoringContext, ScoringView


def _words(exc: UserFacingError) -> str:
    return "\n".join(describe(p, current_lang()) for p in exc.problems)


class ScoringPage(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND | Change.DOSSIER | Change.DATA
    import_wanted = Signal()

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ballot_id: str | None = None
        self.member_box = QComboBox()
        self.paper_button = QPushButton(tr("Nhập phiếu giấy cho thành viên này…"))
        self.paper_button.setToolTip(tr("Thư ký nhập phiếu chấm trên giấy của thành viên; người thứ hai nhập lại"))
        self.discard_button = QPushButton(tr("Bỏ phiếu giấy chưa nhập"))
        self.import_ballots_button = QPushButton(tr("Nhập phiếu chấm Excel…"))
        self.import_ballots_button.setToolTip(tr("Nhập tệp phiếu chấm Excel một thành viên đã điền và gửi lại"))
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; font-weight: bold;")
        self.banner.hide()
        self.scoring = ScoringView()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Phiếu của")))
        row.addWidget(self.member_box, 1)
        for button in (self.paper_button, self.discard_button, self.import_ballots_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.scoring, 1)
        self.member_box.currentIndexChanged.connect(lambda _i: self.refresh_now())
        self.paper_button.clicked.connect(self.start_paper_entry)
        self.discard_button.clicked.connect(self.discard_paper_ballot)
        self.import_ballots_button.clicked.connect(self.import_wanted)
        self.scoring.record = self._record
        self.scoring.clear = self._clear
        self.scoring.submit_ballot = self._submit
        self.scoring.on_error = lambda exc: show_error(self, exc)
        self.scoring.submitted.connect(self._after_submit)
        self._members_for: tuple[str | None, object] | None = None

    # what is shown ----------------------------------------------------------------------------------------

    def clear(self) -> None:
        self.ballot_id = None
        self.member_box.blockSignals(True)
        self.member_box.clear()
        self.member_box.blockSignals(False)
        self._members_for = None
        self.banner.hide()
        self.scoring.show_notice("")
        for button in (self.paper_button, self.discard_button, self.import_ballots_button):
            button.setEnabled(False)

    def hide_ballot(self, text: str = "") -> None:
        """Nothing of anyone's ballot on screen (before another person's PIN dialog, behind the second typing)."""
        self.ballot_id = None
        self.banner.hide()
        self.scoring.show_notice(text)

    def _fill_members(self) -> None:
        """A member sees their own name only; the secretary, every scoring member (for paper ballots)."""
        ctx = self.ctx
        key = (ctx.round_id, ctx.actor)
        if self._members_for == key and self.member_box.count():
            return
        self._members_for = key
        current = self.member_box.currentData()
        self.member_box.blockSignals(True)
        self.member_box.clear()
        if ctx.db is not None and ctx.round_id is not None:
            for member in queries.council_members(ctx.db, ctx.round_id):
                own = ctx.actor is not None and ctx.actor.member_id == member.member_id
                if own or (member.role.scores and (ctx.can(Permission.SCORE_FOR_MEMBER) or ctx.actor is None)):
                    self.member_box.addItem(member.full_name, member.member_id)
        mine = self.member_box.findData(ctx.actor.member_id) if ctx.actor is not None else -1
        kept = self.member_box.findData(current)
        self.member_box.setCurrentIndex(mine if mine >= 0 else max(kept, 0))
        self.member_box.blockSignals(False)

    def refresh(self) -> None:
        ctx = self.ctx
        typist = ctx.can(Permission.SCORE_FOR_MEMBER)
        for button in (self.paper_button, self.discard_button, self.import_ballots_button):
            button.setVisible(typist)  # the secretary's; a member scoring sees only their own sheet
        self.import_ballots_button.setEnabled(typist and ctx.round_id is not None)
        self.paper_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.banner.hide()
        self.ballot_id = None
        self._fill_members()
        if ctx.db is None or ctx.dossier_id is None:
            self.scoring.show_notice(tr("Chưa có hồ sơ nào trong đợt."))
            return
        member_id = self.member_box.currentData()
        if member_id is None:
            self.scoring.show_notice(tr("Tài khoản này không chấm điểm. Thành viên hội đồng đăng nhập bằng Ctrl+U."))
            return
        db, viewer = ctx.db, ctx.viewer()
        member_name = self.member_box.currentText()
        dossier = queries.dossier_view(db, ctx.dossier_id)
        standing = scoring_session.standing(db, dossier_id=dossier.dossier_id, member_id=member_id)
        if not standing.counts:
            self.scoring.show_notice(self._refused(member_name, standing))
            return
        title = f"{dossier.product_name} — {dossier.sheet.sheet_id} {dossier.sheet.title}"
        blank = ScoringContext(title, member_name, dossier.sheet, {}, False, dossier.scoring_round)
        try:
            ballot = scoring_session.ballot_for(db, actor=viewer, dossier_id=dossier.dossier_id, member_id=member_id)
        except UserFacingError as exc:
            self.scoring.show_notice(_words(exc))
            return
        own = ctx.actor is not None and ctx.actor.member_id == member_id
        typist = ctx.can(Permission.SCORE_FOR_MEMBER) and not own
        if ballot is None and not standing.may_write:
            self.scoring.show_notice(self._refused(member_name, standing))
            return
        if ballot is None:
            if own:
                self.scoring.load(blank)
                return
            self.paper_button.setEnabled(typist)
            note = tr("{member} chưa có phiếu cho hồ sơ này.").format(member=member_name)
            if typist:
                note += " " + tr("Phiếu chấm trên giấy: bấm «Nhập phiếu giấy cho thành viên này…».")
            self.scoring.load(
                ScoringContext(title, member_name, dossier.sheet, {}, False, 1, read_only=True, note=note)
            )
            return
        self.ballot_id = ballot.ballot_id
        submitted = ballot.status is BallotStatus.SUBMITTED
        paper_draft = ballot.entry_mode is EntryMode.PAPER and not submitted
        mine_to_type = paper_draft and ctx.actor is not None and ballot.entered_by == ctx.actor.user_id
        if paper_draft:
            self.banner.setText(
                tr("Đang nhập phiếu giấy của {member} — người nhập: {typist}").format(
                    member=member_name, typist=ballot.entered_by_name or "—"
                )
            )
            self.banner.show()
            self.discard_button.setEnabled(typist and ballot.answered == 0)
        if ballot.view is None:
            hidden = describe(ballot.hidden, current_lang()) if ballot.hidden is not None else ""
            state = (
                tr("Đã nộp phiếu.") if submitted else tr("Đang chấm: {n} tiêu chí đã chọn.").format(n=ballot.answered)
            )
            self.scoring.show_notice(f"{member_name}\n{state}\n{hidden}")
            return
        if own:
            writable = not submitted and (ballot.entry_mode is EntryMode.SELF or ballot.answered == 0)
        else:
            writable = mine_to_type
        writable = writable and standing.may_write
        note = "" if standing.may_write or submitted else self._refused(member_name, standing)
        if own and paper_draft and ballot.answered:
            note = tr("Thư ký đang nhập phiếu giấy của bạn; phiếu này không sửa ở đây được.")
        self.scoring.load(
            ScoringContext(
                title,
                member_name,
                dossier.sheet,
                dict(ballot.view.choices),
                submitted,
                ballot.scoring_round,
                read_only=not writable,
                note=note,
            )
        )
        if own and paper_draft and ballot.answered == 0:
            self.ballot_id = None  # the member's first choice takes the empty paper ballot over

    @staticmethod
    def _refused(member_name: str, standing: scoring_session.Standing) -> str:
        """Every reason the member's ballot does not count or cannot be written, in full (the heading names them)."""
        reasons = "\n".join(f"• {describe(Problem(p.code, p.params), current_lang())}" for p in standing.reasons)
        return tr("{member} không chấm hồ sơ này — lý do:").format(member=member_name) + "\n" + reasons

    # actions ----------------------------------------------------------------------------------------------

    def start_paper_entry(self) -> None:
        """«Nhập phiếu giấy cho …»: the secretary begins typing the chosen member's paper ballot."""
        ctx = self.ctx
        member_id = self.member_box.currentData()
        work = ctx.requires(dossier=True, permission=Permission.SCORE_FOR_MEMBER)
        if work is None or member_id is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        run_op(
            self,
            ctx,
            lambda: scoring_session.start_paper_entry(db, actor=actor, dossier_id=dossier_id, member_id=member_id),
        )

    def discard_paper_ballot(self) -> None:
        ctx = self.ctx
        ballot_id = self.ballot_id
        work = ctx.requires(dossier=True, permission=Permission.SCORE_FOR_MEMBER)
        if work is None or ballot_id is None:
            return
        db, actor = work.db, work.actor
        run_op(self, ctx, lambda: scoring_session.discard_paper_ballot(db, actor=actor, ballot_id=ballot_id))

    def _record(self, item_id: str, number: int) -> object:
        ctx = self.ctx
        if ctx.db is None or ctx.actor is None or ctx.dossier_id is None:
            raise UserCancelled
        if self.ballot_id is None:  # the member's first choice brings their ballot into being
            done = scoring_session.record_own_choice(
                ctx.db, actor=ctx.actor, dossier_id=ctx.dossier_id, item_id=item_id, option_number=number
            )
            self.ballot_id = done.ballot_id
            return done
        return scoring_session.record_choice(
            ctx.db, actor=ctx.actor, ballot_id=self.ballot_id, item_id=item_id, option_number=number
        )

    def _clear(self, item_id: str) -> object:
        ctx = self.ctx
        if ctx.db is None or ctx.actor is None or self.ballot_id is None:
            raise UserCancelled
        scoring_session.clear_choice(ctx.db, actor=ctx.actor, ballot_id=self.ballot_id, item_id=item_id)
        return None

    def _submit(self) -> object:
        ctx = self.ctx
        if ctx.db is None or ctx.actor is None or self.ballot_id is None:
            raise UserCancelled
        state = queries.ballot_view(ctx.db, self.ballot_id, actor=ctx.actor)
        if state.entry_mode is EntryMode.PAPER:
            return self._confirm_paper()
        if not confirm(self, tr("Nộp phiếu"), tr("Sau khi nộp, phiếu không sửa được nữa. Nộp phiếu?")):
            raise UserCancelled
        scoring_session.submit_ballot(ctx.db, actor=ctx.actor, ballot_id=self.ballot_id)
        return None

    def _confirm_paper(self) -> object:
        """A second person signs in and types the paper sheet again, without the first entry on screen; differences
        are listed item by item and nothing is submitted."""
        ctx = self.ctx
        ballot_id, member_name = self.ballot_id, self.member_box.currentText()
        if ctx.db is None or ctx.dossier_id is None or ballot_id is None:
            raise UserCancelled
        dossier = queries.dossier_view(ctx.db, ctx.dossier_id)
        self.hide_ballot(tr("Người thứ hai đang nhập lại phiếu giấy của {member}.").format(member=member_name))
        try:
            sign_in = SignInDialog(ctx.db, self, after=ctx.actor.username if ctx.actor else None)
            sign_in.setWindowTitle(tr("Người thứ hai đăng nhập để nhập lại phiếu giấy"))
            if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.actor is None:
                raise UserCancelled
            second = PaperSecondEntry(self, dossier.sheet, member_name, dossier.product_name)
            if second.exec() != QDialog.DialogCode.Accepted:
                raise UserCancelled
            mismatches = scoring_session.confirm_paper_ballot(
                ctx.db, actor=sign_in.actor, ballot_id=ballot_id, choices=second.choices()
            )
        except UserCancelled:
            self.refresh_now()
            raise
        if mismatches:
            names = {item.id: item.text for item in dossier.sheet.items}
            lines = "\n".join(
                f"• {m.item_id} {names.get(m.item_id, '')}: "
                f"{tr('lần 1')} {m.first_entry or '—'}, {tr('lần 2')} {m.second_entry or '—'}"
                for m in mismatches
            )
            warn(
                self,
                tr("Hai lần nhập không khớp"),
                f"{tr('Phiếu chưa được tính. Hãy đối chiếu phiếu giấy và sửa lần nhập thứ nhất.')}\n{lines}",
            )
            self.refresh_now()
            raise UserCancelled
        return None

    def _after_submit(self) -> None:
        """The submitted ballot leaves the screen at once; the next member takes the laptop with Ctrl+U."""
        member = self.member_box.currentText()
        self.ctx.notify(Change.DATA)
        self.hide_ballot(
            tr("Đã nộp phiếu của {member}.\nMời thành viên tiếp theo: Tệp → Đổi người chấm (Ctrl+U).").format(
                member=member
            )
        )

    def unsubmitted(self) -> str | None:
        """The name of the member whose begun ballot is on screen and not submitted (asked about before quitting)."""
        view = self.scoring
        if self.ballot_id is None or not view.editable() or not view.choices:
            return None
        return self.member_box.currentText()
