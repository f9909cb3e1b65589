"""The File menu's operations on the open file: backups and restore, accounts and PINs, exchange files in and
out. Each reads the work context and tells it what changed."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.text import slug
from ocop_desktop.messages import describe
from ocop_desktop.services import backups, council_key, exchange, exchange_import, queries
from ocop_desktop.services.exchange_import import ImportReport
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.backups import RestoreDialog, loss_text, size_text
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.dialogs import confirm, inform
from ocop_desktop.ui.file.accounts import AccountsDialog, change_own_password
from ocop_desktop.ui.file.exchange import (
    ExchangeImportDialog,
    choose_exchange_files,
    choose_export_path,
)
from ocop_desktop.ui.file.keys import CouncilKeyDialog, obtain_signing_key
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.operations import run_op
from ocop_desktop.ui.words import outcome_text


class FileActions(QObject):
    reopen_requested = Signal(object)  # a data file's Path to open again with sign-in (after a restore)

    def __init__(self, window: QWidget, ctx: WorkContext) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx

    def backup_now(self) -> Path | None:
        """A verified backup of the open file now, made off the GUI thread; then where it is and how large."""
        ctx = self.ctx
        work = ctx.requires()
        if work is None:
            return None
        path = work.db.path
        made = run_op(
            self.window,
            ctx,
            lambda: backups.backup_now(path),
            changes=Change.NONE,
            progress=tr("Đang sao lưu và kiểm tra bản sao lưu…"),
        )
        if made is None:
            return None
        inform(
            self.window,
            tr("Đã sao lưu"),
            tr("Đã sao lưu và kiểm tra tệp dữ liệu.\nBản sao lưu: {file}\nDung lượng: {size}").format(
                file=made, size=size_text(made.stat().st_size)
            ),
        )
        return Path(made)

    def restore_backup(self, chosen: Path | None = None) -> Path | None:
        """A backup the person chooses replaces the open file: checked first (a refused one changes nothing),
        confirmed with what would be lost since, the current file backed up before it is replaced; then the file is
        opened again with sign-in. Returns the backup of the replaced file."""
        ctx = self.ctx
        work = ctx.requires(permission=Permission.MANAGE_BACKUPS)
        if work is None:
            return None
        path = work.db.path
        if chosen is None:
            dialog = RestoreDialog(self.window, path)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            chosen = dialog.chosen.path
        source = chosen
        good = run_op(
            self.window,
            ctx,
            lambda: backups.check_backup(path, source),
            changes=Change.NONE,
            progress=tr("Đang kiểm tra bản sao lưu…"),
        )
        if good is None or not confirm(self.window, tr("Khôi phục từ bản sao lưu"), loss_text(path, good)):
            return None
        actor = ctx.actor
        db = ctx.close_file()
        if db is not None:
            db.close()
        kept = run_op(
            self.window,
            ctx,
            lambda: backups.restore(path, source, actor=actor),
            changes=Change.NONE,
            progress=tr("Đang khôi phục…"),
        )
        if kept is not None:
            inform(
                self.window,
                tr("Đã khôi phục"),
                tr("Đã khôi phục {file} từ bản sao lưu {backup}.\nTệp trước khi khôi phục được giữ ở: {kept}").format(
                    file=path.name, backup=source.name, kept=kept or "—"
                ),
            )
        self.reopen_requested.emit(path)
        return kept

    def show_accounts(self) -> AccountsDialog | None:
        """Accounts (administrator) and the council members' PINs (secretary or administrator)."""
        ctx = self.ctx
        work = ctx.requires()
        if work is None or not (ctx.can(Permission.MANAGE_USERS) or ctx.can(Permission.SET_UP_ROUND)):
            return None
        dialog = AccountsDialog(work.db, work.actor, ctx.round_id, self.window)
        dialog.exec()
        return dialog

    def change_own_password(self) -> None:
        ctx = self.ctx
        if ctx.db is not None and ctx.actor is not None and ctx.actor.user_id is not None:
            change_own_password(self.window, ctx.db, ctx.actor)

    def show_council_key(self) -> None:
        ctx = self.ctx
        db, round_id = ctx.db, ctx.round_id
        view = queries.round_view(db, round_id, actor=ctx.viewer()) if db and round_id else None
        name, council_id = (view.council_name, view.council_id) if view else ("", "")
        CouncilKeyDialog(self.window, council_name=name, council_id=council_id).exec()

    def import_exchange_files(self, paths: list[Path] | None = None) -> ImportReport | None:
        """Preview, then import: councils' rounds at the province, a member's ballots at the secretary's laptop."""
        ctx = self.ctx
        work = ctx.requires(permission=Permission.IMPORT_EXCHANGE)
        if work is None:
            return None
        paths = paths if paths is not None else choose_exchange_files(self.window)
        if not paths:
            return None
        db, actor = work.db, work.actor
        accepted: frozenset[str] = frozenset()
        while True:
            preview = run_op(
                self.window,
                ctx,
                functools.partial(
                    exchange_import.import_files,
                    db,
                    paths,
                    actor=actor,
                    accept_keys=accepted,
                    dry_run=True,
                ),
                changes=Change.NONE,
                progress=tr("Đang kiểm tra tệp trao đổi…"),
                cancellable=True,
            )
            if preview is None:
                return None
            dialog = ExchangeImportDialog(self.window, preview, accepted)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if not dialog.wants_new_preview():
                break
            accepted = dialog.accepted_keys()
        expected = {str(f.source): f.file_sha256 for f in preview.files}
        done = run_op(
            self.window,
            ctx,
            lambda: exchange_import.import_files(db, paths, actor=actor, accept_keys=accepted, expected=expected),
            changes=Change.ROUNDS | Change.DATA,
            progress=tr("Đang nhập tệp trao đổi…"),
        )
        if done is None:
            return None
        lines = [f"{f.source.name}: {outcome_text(f, False)}" for f in done.files]
        lines += [describe(p, current_lang()) for f in done.files for p in f.problems]
        if done.backup is not None:
            lines.append(tr("Bản sao lưu trước khi nhập: {backup}").format(backup=done.backup))
        inform(self.window, tr("Nhập tệp trao đổi"), "\n".join(lines))
        return done

    def export_exchange_file(self, *, member: bool, out: Path | None = None) -> Path | None:
        """The selected round signed into an exchange file for the province, or (member) the signed-in member's own
        ballots of the round for the secretary."""
        ctx = self.ctx
        work = ctx.requires(round=True)
        if work is None:
            return None
        db, actor, round_id = work.db, work.actor, work.round_id
        member_id = actor.member_id if member else None
        if member and member_id is None:
            return None
        summary = queries.round_view(db, round_id, actor=ctx.viewer())
        suggested = slug(f"{summary.name}-{actor.username if member else 'gui-tinh'}") + ".ocop"
        out = out or choose_export_path(self.window, suggested)
        if out is None:
            return None
        key = council_key.demo_key(db.path) or obtain_signing_key(self.window, issuer=summary.council_name)
        if key is None:
            return None
        target = out
        done = run_op(
            self.window,
            ctx,
            lambda: exchange.export_round(db, actor=actor, round_id=round_id, out=target, member_id=member_id, key=key),
            changes=Change.NONE,
            progress=tr("Đang ghi và kiểm tra tệp trao đổi…"),
        )
        if done is None:
            return None
        inform(
            self.window,
            tr("Đã xuất tệp trao đổi"),
            tr("Đã ghi và đọc lại {file}.\nMã xác thực: {code} — lần xuất {revision}").format(
                file=done.path, code=done.fingerprint, revision=done.manifest["revision"]
            ),
        )
        return done.path
