"""Preparing a round: the council and its members, the round, meeting sessions, recusals, and the dossiers (by
the form or from an Excel list)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.services import queries, registry, round_setup, settings
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import date_field, show_error
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.pages import Page, bring_forward
from ocop_desktop.ui.pages.setup.view import (
    ClosingDialog,
    CouncilDialog,
    DossierDialog,
    ImportPreviewDialog,
    MemberDialog,
    RecusalDialog,
    RoundDialog,
    SessionDialog,
    SetupPage,
    choose_excel,
)
from ocop_desktop.ui.words import above_authority_text


class SetupPageController(Page):
    watches = Change.FILE | Change.ACTOR | Change.ROUND | Change.DOSSIER | Change.DATA
    round_created = Signal(str)  # the shell lists it and chooses it

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.council_id: str | None = None  # a council made before its first round
        self.view = page = SetupPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        page.new_council.clicked.connect(self.new_council)
        page.edit_council.clicked.connect(self.edit_council)
        page.members.cellDoubleClicked.connect(lambda row, _column: self.edit_member(row))
        page.add_member.clicked.connect(self.add_member)
        page.new_round.clicked.connect(self.new_round)
        page.add_session.clicked.connect(self.add_session)
        page.close_session.clicked.connect(self.close_session)
        page.add_recusal.clicked.connect(self.add_recusal)
        page.add_dossier.clicked.connect(self.add_dossier)
        page.import_excel.clicked.connect(self.import_excel)
        page.excel_template.clicked.connect(self.excel_template)

    def refresh(self) -> None:
        ctx, page = self.ctx, self.view
        if ctx.db is None:
            return
        members: list[queries.MemberRow] = []
        text = tr("Chưa có hội đồng: hãy tạo hội đồng, rồi tạo đợt đánh giá.")
        preparation = queries.Preparation((), ())
        dossiers: tuple[queries.DossierRow, ...] = ()
        if ctx.round_id is not None:
            view = queries.round_view(ctx.db, ctx.round_id, actor=ctx.viewer())
            self.council_id = view.council_id
            members = list(view.members)
            text = f"<b>{view.council_name}</b> — {view.issuing_body}<br>{view.name} ({view.rule_version_id})"
            preparation, dossiers = queries.preparation(ctx.db, ctx.round_id), view.dossiers
        elif self.council_id is not None:
            members = queries.members_of_council(ctx.db, self.council_id)
            text = tr("Hội đồng mới: hãy thêm thành viên và tạo đợt đánh giá.")
        if self.council_id is not None:  # the council's policy above its authority, for the secretary to see
            policy = queries.council_view(ctx.db, self.council_id).above_authority
            text += f"<br>{tr('Sản phẩm vượt thẩm quyền')}: {above_authority_text(policy)}"
        page.show_council(text, members)
        page.show_preparation(preparation, dossiers)
        can_setup = ctx.can(Permission.SET_UP_ROUND)
        can_edit = ctx.can(Permission.EDIT_REGISTRY)
        page.new_council.setEnabled(can_setup)
        page.edit_council.setEnabled(can_setup and self.council_id is not None)
        for button in (page.add_member, page.new_round):
            button.setEnabled(can_setup and self.council_id is not None)
        for button in (page.add_session, page.close_session, page.add_recusal):
            button.setEnabled(can_setup and ctx.round_id is not None)
        page.add_recusal.setEnabled(page.add_recusal.isEnabled() and ctx.dossier_id is not None)
        for button in (page.add_dossier, page.import_excel):
            button.setEnabled(can_edit and ctx.round_id is not None)

    def new_council(self) -> None:
        ctx = self.ctx
        work = ctx.requires(permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor = work.db, work.actor
        dialog = CouncilDialog(self)
        identity = settings.get_settings(db)  # the council the first-run assistant described
        if identity["council_name"]:
            dialog.suggest(
                identity["council_name"],
                identity["council_level"],
                identity["issuing_body"],
                identity["above_authority"],
            )
        province_code = identity["province_code"] or None
        council_id = self.run_form(
            dialog,
            lambda: round_setup.create_council(
                db,
                actor=actor,
                province_code=province_code,
                **dialog.values(),
            ),
        )
        if council_id:
            self.council_id = str(council_id)
            ctx.set_round(None)
            self.refresh_now()

    def edit_council(self) -> None:
        ctx = self.ctx
        council_id = self.council_id
        work = ctx.requires(permission=Permission.SET_UP_ROUND)
        if work is None or council_id is None:
            return
        db, actor = work.db, work.actor
        dialog = CouncilDialog(self)
        dialog.fill(queries.council_view(db, council_id))

        def submit() -> None:
            values = dialog.values()
            numerator, denominator = values.pop("quorum")
            round_setup.update_council(
                db,
                actor=actor,
                council_id=council_id,
                quorum_numerator=numerator,
                quorum_denominator=denominator,
                **{k: v for k, v in values.items() if k != "level"},
            )

        self.run_form(dialog, submit)

    def edit_member(self, row: int) -> None:
        ctx = self.ctx
        work = ctx.requires(permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor = work.db, work.actor
        member = self.view.member_rows[row]
        dialog = MemberDialog(self, tr("Sửa thông tin thành viên"))
        dialog.full_name.setText(member.full_name)
        dialog.role.setCurrentIndex(dialog.role.findData(member.role))
        dialog.position.setText(member.position or "")
        self.run_form(
            dialog,
            lambda: round_setup.update_member(db, actor=actor, member_id=member.member_id, **dialog.values()),
        )

    def add_member(self) -> None:
        ctx = self.ctx
        council_id = self.council_id
        work = ctx.requires(permission=Permission.SET_UP_ROUND)
        if work is None or council_id is None:
            return
        db, actor = work.db, work.actor
        dialog = MemberDialog(self)
        self.run_form(
            dialog,
            lambda: round_setup.add_member(db, actor=actor, council_id=council_id, **dialog.values()),
            tr("Đã thêm thành viên {name}.").format(name=dialog.full_name.text().strip()),
            shows=self.view.members,
        )

    def new_round(self) -> None:
        ctx = self.ctx
        council_id = self.council_id
        work = ctx.requires(permission=Permission.SET_UP_ROUND)
        if work is None or council_id is None:
            return
        db, actor = work.db, work.actor
        dialog = RoundDialog(self)
        round_id = self.run_form(
            dialog,
            lambda: round_setup.create_round(db, actor=actor, council_id=council_id, **dialog.values()),
        )
        if round_id:
            ctx.notify(Change.ROUNDS)
            self.round_created.emit(str(round_id))

    def add_session(self) -> None:
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor, round_id = work.db, work.actor, work.round_id
        dialog = SessionDialog(self)
        self.run_form(
            dialog,
            lambda: round_setup.add_meeting_session(db, actor=actor, round_id=round_id, **dialog.values()),
            tr("Đã thêm phiên họp. Điểm danh thành viên ở trang Đợt đánh giá (Alt+1)."),
            shows=self.view.sessions,
        )

    def close_session(self) -> None:
        """The closing time of the round's latest session, for the minutes."""
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor = work.db, work.actor
        view = queries.round_view(db, work.round_id, actor=ctx.viewer())
        if view.session_id is None:
            show_error(self, UserFacingError([Problem("setup.no_session", {})]))
            return
        dialog = ClosingDialog(self, view.session_date)
        session_id = view.session_id
        self.run_form(
            dialog,
            lambda: round_setup.close_meeting_session(db, actor=actor, session_id=session_id, **dialog.values()),
            tr("Đã ghi giờ kết thúc phiên họp."),
            shows=self.view.sessions,
        )

    def add_recusal(self) -> None:
        ctx = self.ctx
        work = ctx.requires(dossier=True, permission=Permission.SET_UP_ROUND)
        if work is None:
            return
        db, actor, dossier_id = work.db, work.actor, work.dossier_id
        dialog = RecusalDialog(self, queries.council_members(db, work.round_id))
        self.run_form(
            dialog,
            lambda: round_setup.record_recusal(db, actor=actor, dossier_id=dossier_id, **dialog.values()),
            tr("Đã ghi nhận thành viên không tham gia chấm hồ sơ này."),
            shows=self.view.recusals,
        )

    def add_dossier(self) -> None:
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        db, actor, round_id = work.db, work.actor, work.round_id
        view = queries.round_view(db, round_id, actor=ctx.viewer())
        dialog = DossierDialog(self, view.rule_version_id)

        def submit() -> str:
            return registry.register_dossier(
                db,
                actor=actor,
                round_id=round_id,
                producer_name=dialog.producer.text(),
                legal_form=dialog.legal_form.currentData(),
                producer_fields=dialog.producer_fields(),
                product_name=dialog.product.text(),
                sheet_id=dialog.sheet.currentData(),
                registration_type=dialog.registration.currentData(),
                submission_date=date_field(dialog.submitted.text(), "submission_date"),
                code=dialog.code.text() or None,
            )

        dossier_id = self.run_form(dialog, submit)
        if dossier_id:
            ctx.set_dossier(str(dossier_id))
            bring_forward(self.view.dossiers)
            self.say(tr("Đã thêm hồ sơ {product}.").format(product=dialog.product.text().strip()))

    def import_excel(self) -> None:
        ctx = self.ctx
        work = ctx.requires(round=True, permission=Permission.EDIT_REGISTRY)
        if work is None:
            return
        path = choose_excel(self, save=False)
        if path is None:
            return
        from ocop_desktop.services import import_dossiers  # openpyxl once a workbook is read

        db, actor, round_id = work.db, work.actor, work.round_id
        view = queries.round_view(db, round_id, actor=ctx.viewer())
        preview = run_op(
            self,
            ctx,
            lambda: import_dossiers.read_workbook(path, rule_version_id=view.rule_version_id),
            changes=Change.NONE,
            progress=tr("Đang đọc và kiểm tra tệp Excel…"),
            cancellable=True,
        )
        if preview is None or ImportPreviewDialog(self, preview).exec() != QDialog.DialogCode.Accepted:
            return
        done = run_op(
            self,
            ctx,
            lambda: import_dossiers.import_dossiers(db, actor=actor, round_id=round_id, preview=preview),
            progress=tr("Đang lưu các hồ sơ…"),
        )
        if done is not None:
            bring_forward(self.view.dossiers)
            self.say(tr("Đã nhập {count} hồ sơ từ {file}.", count=len(preview.rows), file=path.name))

    def excel_template(self) -> None:
        from ocop_desktop.services import import_dossiers

        path = choose_excel(self, save=True)
        if path is None:
            return
        db = self.ctx.db  # the communes listed are those of the council's province, when the settings name it
        province = (settings.get_settings(db)["province_code"] or None) if db is not None else None
        run_op(self, self.ctx, lambda: import_dossiers.write_dossier_template(path, province), changes=Change.NONE)
