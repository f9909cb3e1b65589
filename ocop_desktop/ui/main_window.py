"""The main window: the round, the dossier, scoring and results, each a page; the projector is a second window.
Views only show what services return and call services for every change; no rule and no SQL here."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.enums import BallotStatus, EntryMode, Role
from ocop_desktop.domain.errors import Problem, UserCancelled, UserFacingError, ValidationFailed
from ocop_desktop.domain.text import slug
from ocop_desktop.messages import describe
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import InstallationKey
from ocop_desktop.scoring.engine import DecisionKind
from ocop_desktop.services import (
    backups,
    ballot_workbooks,
    council_key,
    exchange,
    exchange_import,
    import_dossiers,
    province,
    queries,
    recognition,
    registry,
    results,
    round_documents,
    round_setup,
    scoring_session,
    settings,
)
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.exchange_import import ImportReport
from ocop_desktop.services.permissions import Permission, allowed
from ocop_desktop.ui.about import AboutDialog
from ocop_desktop.ui.backups import RestoreDialog, loss_text, open_backup_folder, size_text
from ocop_desktop.ui.criteria_browser import CriteriaBrowser
from ocop_desktop.ui.dialogs import (
    MemberPinDialog,
    SignInDialog,
    ask_text,
    confirm,
    inform,
    name_buttons,
    show_error,
)
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.manual import ManualWindow
from ocop_desktop.ui.tasks import run_with_progress
from ocop_desktop.ui.views.accounts import AccountsDialog, change_own_password
from ocop_desktop.ui.views.ballot_import import BallotImportDialog, choose_ballot_workbook
from ocop_desktop.ui.views.documents import DocumentsPage
from ocop_desktop.ui.views.documents import default_folder as default_documents_folder
from ocop_desktop.ui.views.dossier import DossierPage, self_assessment_total
from ocop_desktop.ui.views.exchange import (
    ExchangeImportDialog,
    choose_exchange_files,
    choose_export_path,
    outcome_text,
)
from ocop_desktop.ui.views.keys import CouncilKeyDialog, TrustedKeysDialog, obtain_signing_key
from ocop_desktop.ui.views.projector import ProjectorWindow
from ocop_desktop.ui.views.province import ProvincePage
from ocop_desktop.ui.views.recognition import RecognitionDialog, RevocationDialog, revocable
from ocop_desktop.ui.views.results import ResultsView
from ocop_desktop.ui.views.round import RoundPage
from ocop_desktop.ui.views.scoring import ScoringContext, ScoringView
from ocop_desktop.ui.views.setup import (
    AssessmentsDialog,
    ClosingDialog,
    CouncilDialog,
    DossierDialog,
    FormDialog,
    ImportPreviewDialog,
    MemberDialog,
    ProducerEditDialog,
    RecusalDialog,
    RoundDialog,
    SelfAssessmentDialog,
    SessionDialog,
    SetupPage,
    choose_excel,
    date_field,
)

PAGES = ("round", "setup", "dossier", "scoring", "results", "documents", "criteria", "province")


class StartPage(QWidget):
    """What a person sees before a data file is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr("OCOP Desktop"))
        title.setStyleSheet("font-size: 24pt; font-weight: bold;")
        subtitle = QLabel(tr("Đánh giá, phân hạng sản phẩm OCOP — làm việc không cần mạng"))
        subtitle.setStyleSheet("font-size: 13pt;")
        self.open_button = QPushButton(tr("Mở tệp dữ liệu của hội đồng…"))
        self.new_button = QPushButton(tr("Tạo tệp dữ liệu mới…"))
        self.demo_button = QPushButton(tr("Mở đợt đánh giá mẫu"))
        self.setup_button = QPushButton(tr("Thiết lập hội đồng mới (trợ lý)…"))
        self.recent = QListWidget()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        buttons = (self.open_button, self.setup_button, self.new_button, self.demo_button)
        for widget in (title, subtitle, *buttons):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(QLabel(tr("Mở gần đây")), 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.recent, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        for button in buttons:
            button.setMinimumWidth(360)
        self.recent.setMinimumWidth(520)
        self.recent.setMaximumHeight(160)


class MainWindow(QMainWindow):
    reopen_requested = Signal(object)  # a data file's Path to open again with sign-in (after a restore)

    def __init__(self, db: Database | None = None, actor: Actor | None = None) -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.round_id: str | None = None
        self.dossier_id: str | None = None
        self.ballot_id: str | None = None
        self.projector: ProjectorWindow | None = None
        self.manual: ManualWindow | None = None
        self._members_filled_for: tuple[str | None, Actor | None] | None = None
        self.setWindowTitle(tr("OCOP Desktop"))
        self.resize(1366, 820)

        self.start = StartPage()
        self.round_box = QComboBox()
        self.dossier_box = QComboBox()
        self.dossier_box.setMinimumWidth(420)
        self.nav = QListWidget()
        for label in (
            tr("Đợt đánh giá"),
            tr("Chuẩn bị đợt"),
            tr("Hồ sơ"),
            tr("Chấm điểm"),
            tr("Kết quả"),
            tr("Tài liệu"),
            tr("Bộ tiêu chí"),
            tr("Toàn tỉnh"),
        ):
            self.nav.addItem(label)
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.round_page = RoundPage()
        self.setup_page = SetupPage()
        self.council_id: str | None = None
        self.dossier_page = DossierPage()
        self.scoring = ScoringView()
        self.member_box = QComboBox()
        self.results_page = ResultsView()
        self.documents_page = DocumentsPage()
        self.criteria = CriteriaBrowser()
        self.province_page = ProvincePage()
        scoring_page = QWidget()
        scoring_layout = QVBoxLayout(scoring_page)
        member_row = QHBoxLayout()
        member_row.addWidget(QLabel(tr("Phiếu của")))
        member_row.addWidget(self.member_box, 1)
        self.import_ballots_button = QPushButton(tr("Nhập phiếu chấm Excel…"))
        self.import_ballots_button.setToolTip(tr("Nhập tệp phiếu chấm Excel một thành viên đã điền và gửi lại"))
        self.import_ballots_button.setEnabled(False)
        member_row.addWidget(self.import_ballots_button)
        scoring_layout.addLayout(member_row)
        scoring_layout.addWidget(self.scoring, 1)
        for page in (
            self.round_page,
            self.setup_page,
            self.dossier_page,
            scoring_page,
            self.results_page,
            self.documents_page,
            self.criteria,
            self.province_page,
        ):
            self.pages.addWidget(page)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Đợt")))
        top.addWidget(self.round_box, 1)
        top.addWidget(QLabel(tr("Hồ sơ")))
        top.addWidget(self.dossier_box, 2)
        work = QWidget()
        work_layout = QVBoxLayout(work)
        self.round_bar = QWidget()  # hidden on the province page, which is about every round
        self.round_bar.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.round_bar)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        work_layout.addLayout(body, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(work)
        self.setCentralWidget(self.stack)
        self._menus()
        self._account_actions()

        self.nav.currentRowChanged.connect(self._show_page)
        self.round_box.currentIndexChanged.connect(self._round_chosen)
        self.dossier_box.currentIndexChanged.connect(self._dossier_chosen)
        self.member_box.currentIndexChanged.connect(lambda _i: self._load_scoring())
        self.round_page.dossier_activated.connect(self.select_dossier)
        self.round_page.attendance_changed.connect(self._attendance)
        self.round_page.documents_button.clicked.connect(lambda: self.nav.setCurrentRow(PAGES.index("documents")))
        self.import_ballots_button.clicked.connect(self.import_ballots)
        self.documents_page.import_ballots_button.clicked.connect(self.import_ballots)
        self.scoring.record = self._record
        self.scoring.clear = self._clear
        self.scoring.submit_ballot = self._submit
        self.scoring.on_error = lambda exc: show_error(self, exc)
        self.scoring.submitted.connect(self._after_submit)
        self._connect_setup()
        self.dossier_page.add_button.clicked.connect(self._add_attachment)
        self.dossier_page.attachment_selected.connect(self._show_attachment)
        self.dossier_page.attachment_opened.connect(self._open_attachment)
        self.results_page.approve_button.clicked.connect(self._approve)
        self.results_page.reopen_button.clicked.connect(self._reopen)
        self.results_page.discuss_button.clicked.connect(self._discuss)
        self.results_page.rescore_button.clicked.connect(self._rescore)
        self.results_page.decision_button.clicked.connect(self._decision)
        self.results_page.recognise_button.clicked.connect(self.record_recognition)
        self.results_page.revoke_button.clicked.connect(self.revoke_certificate)
        if db is not None:
            self.open_database(db, actor)

    # menus ------------------------------------------------------------------------------------------------

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&Tệp"))
        self.open_action = QAction(tr("Mở…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addAction(self.open_action)
        switch = QAction(tr("Đổi người chấm (tên và mã PIN)…"), self)
        switch.setShortcut(QKeySequence("Ctrl+U"))
        switch.triggered.connect(self.switch_member)
        file_menu.addAction(switch)
        self.accounts_action = QAction(tr("Tài khoản và mã PIN…"), self)
        self.accounts_action.triggered.connect(self.show_accounts)
        self.own_password_action = QAction(tr("Đổi mật khẩu của tôi…"), self)
        self.own_password_action.triggered.connect(self.change_own_password)
        file_menu.addAction(self.accounts_action)
        file_menu.addAction(self.own_password_action)
        file_menu.addSeparator()
        self.import_exchange_action = QAction(tr("Nhập tệp trao đổi (.ocop)…"), self)
        self.import_exchange_action.triggered.connect(lambda _checked=False: self.import_exchange_files(None))
        self.export_round_action = QAction(tr("Xuất tệp trao đổi của đợt gửi tỉnh (.ocop)…"), self)
        self.export_round_action.triggered.connect(lambda: self.export_exchange_file(member=False))
        self.export_ballots_action = QAction(tr("Xuất phiếu chấm của tôi (.ocop)…"), self)
        self.export_ballots_action.triggered.connect(lambda: self.export_exchange_file(member=True))
        for action in (self.import_exchange_action, self.export_round_action, self.export_ballots_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.backup_action = QAction(tr("Sao lưu ngay"), self)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = QAction(tr("Khôi phục từ bản sao lưu…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.backup_folder_action = QAction(tr("Mở thư mục sao lưu"), self)
        self.backup_folder_action.triggered.connect(lambda: self.db and open_backup_folder(self.db.path))
        for action in (self.backup_action, self.restore_action, self.backup_folder_action):
            file_menu.addAction(action)
        file_menu.aboutToShow.connect(self._enable_backup_actions)
        file_menu.addSeparator()
        quit_action = QAction(tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(tr("&Sửa"))
        undo = self.scoring.undo_stack.createUndoAction(self, tr("Hoàn tác"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.scoring.undo_stack.createRedoAction(self, tr("Làm lại"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        view_menu = self.menuBar().addMenu(tr("&Xem"))
        projector = QAction(tr("Màn chiếu (F5)"), self)
        projector.setShortcut(QKeySequence("F5"))
        projector.triggered.connect(self.show_projector)
        view_menu.addAction(projector)
        for index, name in enumerate(
            (tr("Đợt đánh giá"), tr("Chuẩn bị đợt"), tr("Hồ sơ"), tr("Chấm điểm"), tr("Kết quả"), tr("Tài liệu"))
        ):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _c=False, i=index: self.nav.setCurrentRow(i))
            view_menu.addAction(action)
        whole = QAction(tr("Toàn tỉnh"), self)
        whole.setShortcut(QKeySequence("Alt+8"))  # its place in the list, after the criteria (not on a shortcut)
        whole.triggered.connect(lambda: self.nav.setCurrentRow(PAGES.index("province")))
        view_menu.addAction(whole)
        language_menu = self.menuBar().addMenu(tr("&Ngôn ngữ / Language"))
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(label, self)
            action.triggered.connect(lambda _c=False, c=code: self._choose_language(c))
            language_menu.addAction(action)
        keys_menu = self.menuBar().addMenu(tr("&Khóa ký"))
        keys_menu.addAction(tr("Khóa ký của hội đồng…"), self.show_council_key)
        keys_menu.addAction(tr("Khóa tin cậy (hội đồng, đơn vị cấp)…"), lambda: TrustedKeysDialog(self).exec())
        help_menu = self.menuBar().addMenu(tr("&Trợ giúp"))
        self.manual_action = QAction(tr("Hướng dẫn sử dụng"), self)
        self.manual_action.setShortcut(QKeySequence("F1"))
        self.manual_action.triggered.connect(self.show_manual)
        help_menu.addAction(self.manual_action)
        about = QAction(tr("Giới thiệu"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _enable_backup_actions(self) -> None:
        self.backup_action.setEnabled(self.db is not None and self.actor is not None)
        self.restore_action.setEnabled(self.db is not None and self.can(Permission.MANAGE_BACKUPS))
        self.backup_folder_action.setEnabled(self.db is not None)

    def backup_now(self) -> Path | None:
        """A verified backup of the open file now, made off the GUI thread; then where it is and how large."""
        if self.db is None or self.actor is None:
            return None
        path = self.db.path
        try:
            made = run_with_progress(
                self, tr("Đang sao lưu và kiểm tra bản sao lưu…"), lambda: backups.backup_now(path), cancellable=False
            )
        except Exception as exc:  # a person-sized message, never a traceback
            show_error(self, exc)
            return None
        inform(
            self,
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
        if self.db is None or not self.can(Permission.MANAGE_BACKUPS):
            return None
        path = self.db.path
        if chosen is None:
            dialog = RestoreDialog(self, path)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            chosen = dialog.chosen.path
        source = chosen
        try:
            good = run_with_progress(
                self, tr("Đang kiểm tra bản sao lưu…"), lambda: backups.check_backup(path, source), cancellable=False
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        if not confirm(self, tr("Khôi phục từ bản sao lưu"), loss_text(path, good)):
            return None
        db, self.db, self.actor = self.db, None, None
        self.stack.setCurrentIndex(0)
        db.close()
        kept: Path | None = None
        try:
            kept = run_with_progress(
                self, tr("Đang khôi phục…"), lambda: backups.restore(path, source), cancellable=False
            )
        except Exception as exc:
            show_error(self, exc)
        else:
            inform(
                self,
                tr("Đã khôi phục"),
                tr("Đã khôi phục {file} từ bản sao lưu {backup}.\nTệp trước khi khôi phục được giữ ở: {kept}").format(
                    file=path.name, backup=source.name, kept=kept or "—"
                ),
            )
        self.reopen_requested.emit(path)
        return kept

    def show_accounts(self) -> AccountsDialog | None:
        """Accounts (administrator) and the council members' PINs (secretary or administrator)."""
        if self.db is None or self.actor is None or not self.accounts_action.isEnabled():
            return None
        dialog = AccountsDialog(self.db, self.actor, self.round_id, self)
        dialog.exec()
        return dialog

    def change_own_password(self) -> None:
        if self.db is not None and self.actor is not None and self.actor.user_id is not None:
            change_own_password(self, self.db, self.actor)

    def _account_actions(self) -> None:
        """Enabled for whoever may use them; a member signed in by PIN has no password of their own here."""
        self.accounts_action.setEnabled(self.can(Permission.MANAGE_USERS) or self.can(Permission.SET_UP_ROUND))
        self.own_password_action.setEnabled(self.actor is not None and self.actor.user_id is not None)

    def show_council_key(self) -> None:
        name = queries.round_view(self.db, self.round_id).council_name if self.db and self.round_id else ""
        CouncilKeyDialog(self, council_name=name).exec()

    def _choose_language(self, code: str) -> None:
        """Stored for the next start (the open screens keep their words until then)."""
        QSettings().setValue("language", code)
        box = QMessageBox(self)
        box.setWindowTitle(tr("Ngôn ngữ / Language"))
        box.setText(
            tr("Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.") + "\nThe new language applies when you restart."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        name_buttons(box)
        box.exec()

    def show_manual(self) -> ManualWindow:
        """The user manual in the interface's language, one window kept open beside the work."""
        if self.manual is None:
            self.manual = ManualWindow(self)
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()
        return self.manual

    def _about(self) -> None:
        AboutDialog(self).exec()

    # opening ----------------------------------------------------------------------------------------------

    def open_database(self, db: Database, actor: Actor | None) -> None:
        self.db, self.actor = db, actor
        who = f"{actor.username}" if actor else tr("chỉ xem")
        self.statusBar().showMessage(f"{db.path} — {tr('người dùng')}: {who}")
        self.stack.setCurrentIndex(1)
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for summary in queries.list_rounds(db):
            self.round_box.addItem(f"{summary.name} ({summary.year}) — {summary.council_name}", summary.round_id)
        self.round_box.blockSignals(False)
        self._round_chosen()
        self._account_actions()
        self.nav.setCurrentRow(0)

    def switch_member(self) -> None:
        """The next member takes the shared laptop: their name and PIN; nobody else's choices are on screen."""
        if self.db is None or self.round_id is None:
            return
        members = [(m.member_id, m.full_name) for m in queries.council_members(self.db, self.round_id) if m.role.scores]
        dialog = MemberPinDialog(self.db, members, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return
        self.actor = dialog.actor
        self._account_actions()
        self._members_filled_for = None
        self.statusBar().showMessage(f"{self.db.path} — {tr('người dùng')}: {dialog.actor.username}")
        self.nav.setCurrentRow(PAGES.index("scoring"))
        self._show_page(PAGES.index("scoring"))

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and allowed(self.actor, permission)

    def _round_chosen(self) -> None:
        self.round_id = self.round_box.currentData()
        self.import_exchange_action.setEnabled(self.can(Permission.IMPORT_EXCHANGE))
        self.export_round_action.setEnabled(self.can(Permission.APPROVE_RESULT) and self.round_id is not None)
        self.export_ballots_action.setEnabled(
            self.actor is not None and self.actor.member_id is not None and self.round_id is not None
        )
        self.refresh_round()

    def refresh_round(self) -> None:
        if self.db is None or self.round_id is None:
            return
        view = queries.round_view(self.db, self.round_id)
        self.round_page.load(view, can_edit_attendance=self.can(Permission.SET_UP_ROUND))
        current = self.dossier_id
        self.dossier_box.blockSignals(True)
        self.dossier_box.clear()
        for row in view.dossiers:
            self.dossier_box.addItem(
                f"{row.agenda_order}. {row.product_name} ({row.product_code or '—'})", row.dossier_id
            )
        index = self.dossier_box.findData(current) if current else 0
        self.dossier_box.setCurrentIndex(max(index, 0))
        self.dossier_box.blockSignals(False)
        self._dossier_chosen()
        if self.projector is not None:
            self.projector.show_round(view, self._scoring_progress(view))

    def select_dossier(self, dossier_id: str) -> None:
        index = self.dossier_box.findData(dossier_id)
        if index >= 0:
            self.dossier_box.setCurrentIndex(index)
        self.nav.setCurrentRow(PAGES.index("dossier"))

    def _dossier_chosen(self) -> None:
        self.dossier_id = self.dossier_box.currentData()
        self._show_page(self.nav.currentRow())

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.pages.setCurrentIndex(index)
        self.round_bar.setVisible(PAGES[index] != "province")
        if self.db is None:
            return
        if PAGES[index] not in ("setup", "documents", "province") and self.dossier_id is None:
            return
        try:
            name = PAGES[index]
            if name == "setup":
                self.refresh_setup()
            elif name == "documents":
                self.load_documents()
            elif name == "dossier":
                self.dossier_page.load(queries.dossier_view(self.db, self.dossier_id))
            elif name == "scoring":
                self._fill_members()
            elif name == "results":
                self.load_results()
            elif name == "province":
                self.load_province()
        except UserFacingError as exc:
            show_error(self, exc)

    # documents --------------------------------------------------------------------------------------------------

    def load_documents(self) -> None:
        """The documents page for the chosen round; the files are made by the service on a worker thread."""
        if self.db is None or self.round_id is None:
            return
        db, round_id, viewer = self.db, self.round_id, self.viewer()
        view = queries.round_view(db, round_id)

        key: list[InstallationKey | None] = [None]

        def unlock(kinds: tuple[str, ...]) -> bool:
            """Certificates are signed: the key is opened here, on the GUI thread, before the batch (the demo round
            signs with its own demo key)."""
            key[0] = None
            if "certificates" in kinds:
                key[0] = council_key.demo_key(db.path) or obtain_signing_key(self, issuer=view.council_name)
            return "certificates" not in kinds or key[0] is not None

        def render(kinds: tuple[str, ...], out: Path, report: round_documents.Progress) -> list[Path]:
            return round_documents.render_round_documents(
                db, actor=viewer, round_id=round_id, out=out, kinds=kinds, progress=report, key=key[0]
            )

        self.documents_page.prepare = unlock

        self.documents_page.set_round(
            round_id,
            f"{view.council_name}\n{view.name}",
            default_documents_folder(db.path, round_id, view.name),
            render,
            can_import=self.can(Permission.SCORE_FOR_MEMBER),
        )

    def load_province(self) -> None:
        """Every round in the file, as of today (the page is the provincial office's; any file can show it)."""
        if self.db is not None:
            self.province_page.load(province.province_view(self.db, today=dt.date.today()))

    def import_ballots(self) -> None:
        """A member's returned Excel ballots: read and checked off the GUI thread, previewed with every problem,
        saved only from a clean preview and only as previewed (its SHA-256); bound to the round chosen here."""
        if self.db is None or self.actor is None or self.round_id is None:
            return
        path = choose_ballot_workbook(self)
        if path is None:
            return
        db, actor, round_id = self.db, self.actor, self.round_id
        try:
            preview = run_with_progress(
                self,
                tr("Đang đọc và kiểm tra phiếu chấm Excel…"),
                lambda: ballot_workbooks.read_ballot_workbook(db, actor=actor, path=path, round_id=round_id),
            )
        except Exception as exc:  # a person-sized message, never a traceback
            show_error(self, exc)
            return
        if preview is None or BallotImportDialog(self, preview).exec() != QDialog.DialogCode.Accepted:
            return
        try:
            done = run_with_progress(
                self,
                tr("Đang lưu và nộp các phiếu chấm…"),
                lambda: ballot_workbooks.import_ballot_workbook(
                    db, actor=actor, path=path, round_id=round_id, sha256=preview.sha256
                ),
                cancellable=False,
            )
        except Exception as exc:
            show_error(self, exc)
        else:
            inform(
                self,
                tr("Đã nhập phiếu chấm Excel"),
                tr("Đã lưu và nộp {count} phiếu chấm của {member}.\nBản sao lưu trước khi nhập: {backup}").format(
                    count=len(done.ballots), member=preview.member, backup=done.backup
                ),
            )
        self.refresh_round()

    def import_exchange_files(self, paths: list[Path] | None = None) -> ImportReport | None:
        """Preview, then import: councils' rounds at the province, a member's ballots at the secretary's laptop."""
        if self.db is None or self.actor is None:
            return None
        paths = paths if paths is not None else choose_exchange_files(self)
        if not paths:
            return None
        db, actor = self.db, self.actor
        accepted: frozenset[str] = frozenset()
        while True:
            try:
                preview = run_with_progress(
                    self,
                    tr("Đang kiểm tra tệp trao đổi…"),
                    functools.partial(
                        exchange_import.import_files, db, paths, actor=actor, accept_keys=accepted, dry_run=True
                    ),
                )
            except Exception as exc:  # a person-sized message, never a traceback
                show_error(self, exc)
                return None
            if preview is None:
                return None
            dialog = ExchangeImportDialog(self, preview, accepted)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if not dialog.wants_new_preview():
                break
            accepted = dialog.accepted_keys()
        expected = {str(f.source): f.file_sha256 for f in preview.files}
        try:
            done = run_with_progress(
                self,
                tr("Đang nhập tệp trao đổi…"),
                lambda: exchange_import.import_files(db, paths, actor=actor, accept_keys=accepted, expected=expected),
                cancellable=False,
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        lines = [f"{f.source.name}: {outcome_text(f, False)}" for f in done.files]
        lines += [describe(p, current_lang()) for f in done.files for p in f.problems]
        if done.backup is not None:
            lines.append(tr("Bản sao lưu trước khi nhập: {backup}").format(backup=done.backup))
        inform(self, tr("Nhập tệp trao đổi"), "\n".join(lines))
        self.open_database(db, actor)  # the rounds taken in appear in the list
        return done

    def export_exchange_file(self, *, member: bool, out: Path | None = None) -> Path | None:
        """The selected round signed into an exchange file for the province, or (member) the signed-in member's own
        ballots of the round for the secretary."""
        if self.db is None or self.actor is None or self.round_id is None:
            return None
        member_id = self.actor.member_id if member else None
        if member and member_id is None:
            return None
        summary = queries.round_view(self.db, self.round_id)
        suggested = slug(f"{summary.name}-{self.actor.username if member else 'gui-tinh'}") + ".ocop"
        out = out or choose_export_path(self, str(Path.home() / suggested))
        if out is None:
            return None
        db, actor, round_id = self.db, self.actor, self.round_id
        key = council_key.demo_key(db.path) or obtain_signing_key(self, issuer=summary.council_name)
        if key is None:
            return None
        try:
            done = run_with_progress(
                self,
                tr("Đang ghi và kiểm tra tệp trao đổi…"),
                lambda: exchange.export_round(
                    db, actor=actor, round_id=round_id, out=out, member_id=member_id, key=key
                ),
                cancellable=False,
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        inform(
            self,
            tr("Đã xuất tệp trao đổi"),
            tr("Đã ghi và đọc lại {file}.\nMã xác thực: {code} — lần xuất {revision}").format(
                file=done.path, code=done.fingerprint, revision=done.manifest["revision"]
            ),
        )
        return done.path

    def viewer(self) -> Actor:
        """Who reads: the signed-in person, or a read-only member when nobody is (the screenshot mode)."""
        return self.actor or Actor(None, "viewer", frozenset({Role.MEMBER}))

    # attachments ------------------------------------------------------------------------------------------

    def _add_attachment(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        name, _f = QFileDialog.getOpenFileName(
            self, tr("Thêm tài liệu vào hồ sơ"), "", tr("Tài liệu (*.pdf *.png *.jpg *.jpeg *.webp *.docx *.xlsx)")
        )
        if not name:
            return
        try:
            registry.add_attachment(
                self.db,
                actor=self.actor,
                dossier_id=self.dossier_id,
                filename=Path(name).name,
                content=Path(name).read_bytes(),
            )
        except (UserFacingError, OSError) as exc:
            show_error(self, exc)
        self._show_page(self.nav.currentRow())

    def _show_attachment(self, attachment_id: str) -> None:
        if self.db is None:
            return
        viewer = self.viewer()
        try:
            name, media_type, content = registry.attachment_content(self.db, actor=viewer, attachment_id=attachment_id)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.dossier_page.show_attachment(name, media_type, content, hashlib.sha256(content).hexdigest())

    def _open_attachment(self, attachment_id: str) -> None:
        """Write a checked copy to a temporary folder and hand it to the system's viewer (no network)."""
        if self.db is None:
            return
        viewer = self.viewer()
        try:
            name, _media_type, content = registry.attachment_content(self.db, actor=viewer, attachment_id=attachment_id)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        folder = Path(tempfile.mkdtemp(prefix="ocop-"))
        target = folder / Path(name).name
        target.write_bytes(content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # preparing a round ------------------------------------------------------------------------------------

    def _connect_setup(self) -> None:
        page = self.setup_page
        page.new_council.clicked.connect(self._new_council)
        page.edit_council.clicked.connect(self._edit_council)
        page.members.cellDoubleClicked.connect(lambda row, _column: self._edit_member(row))
        self.dossier_page.edit_button.clicked.connect(self._edit_producer)
        self.dossier_page.assessments_button.clicked.connect(self._edit_assessments)
        self.dossier_page.self_button.clicked.connect(self._edit_self_assessment)
        page.add_member.clicked.connect(self._add_member)
        page.new_round.clicked.connect(self._new_round)
        page.add_session.clicked.connect(self._add_session)
        page.close_session.clicked.connect(self._close_session)
        page.add_recusal.clicked.connect(self._add_recusal)
        page.add_dossier.clicked.connect(self._add_dossier)
        page.import_excel.clicked.connect(self._import_excel)
        page.excel_template.clicked.connect(self._excel_template)

    def refresh_setup(self) -> None:
        if self.db is None:
            return
        page = self.setup_page
        members: list[queries.MemberRow] = []
        text = tr("Chưa có hội đồng: hãy tạo hội đồng, rồi tạo đợt đánh giá.")
        if self.round_id is not None:
            view = queries.round_view(self.db, self.round_id)
            self.council_id = view.council_id
            members = list(view.members)
            text = f"<b>{view.council_name}</b> — {view.issuing_body}<br>{view.name} ({view.rule_version_id})"
        elif self.council_id is not None:
            members = queries.members_of_council(self.db, self.council_id)
            text = tr("Hội đồng mới: hãy thêm thành viên và tạo đợt đánh giá.")
        page.show_council(text, members)
        can_setup = self.can(Permission.SET_UP_ROUND)
        can_edit = self.can(Permission.EDIT_REGISTRY)
        page.new_council.setEnabled(can_setup)
        page.edit_council.setEnabled(can_setup and self.council_id is not None)
        for button in (page.add_member, page.new_round):
            button.setEnabled(can_setup and self.council_id is not None)
        for button in (page.add_session, page.close_session, page.add_recusal):
            button.setEnabled(can_setup and self.round_id is not None)
        page.add_recusal.setEnabled(page.add_recusal.isEnabled() and self.dossier_id is not None)
        for button in (page.add_dossier, page.import_excel):
            button.setEnabled(can_edit and self.round_id is not None)

    def _run_form(self, dialog: FormDialog, submit: object) -> object:
        dialog.submit = submit  # type: ignore[assignment]
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value

    def _new_council(self) -> None:
        if self.db is None or self.actor is None:
            return
        dialog = CouncilDialog(self)
        identity = settings.get_settings(self.db)  # the council the first-run assistant described
        if identity["council_name"]:
            dialog.suggest(identity["council_name"], identity["council_level"], identity["issuing_body"])
        province_code = identity["province_code"] or None
        council_id = self._run_form(
            dialog,
            lambda: round_setup.create_council(
                self.db,  # type: ignore[arg-type]
                actor=self.actor,  # type: ignore[arg-type]
                province_code=province_code,
                **dialog.values(),
            ),
        )
        if council_id:
            self.council_id, self.round_id = str(council_id), None
            self.refresh_setup()

    def _edit_council(self) -> None:
        if self.db is None or self.actor is None or self.council_id is None:
            return
        dialog = CouncilDialog(self)
        dialog.fill(queries.council_view(self.db, self.council_id))

        def submit() -> None:
            values = dialog.values()
            numerator, denominator = values.pop("quorum")
            round_setup.update_council(
                self.db,  # type: ignore[arg-type]
                actor=self.actor,  # type: ignore[arg-type]
                council_id=self.council_id,  # type: ignore[arg-type]
                quorum_numerator=numerator,
                quorum_denominator=denominator,
                **{k: v for k, v in values.items() if k != "level"},
            )

        self._run_form(dialog, submit)
        self.refresh_setup()

    def _edit_member(self, row: int) -> None:
        if self.db is None or self.actor is None or not self.can(Permission.SET_UP_ROUND):
            return
        member = self.setup_page.member_rows[row]
        dialog = MemberDialog(self, tr("Sửa thông tin thành viên"))
        dialog.full_name.setText(member.full_name)
        dialog.role.setCurrentIndex(dialog.role.findData(member.role))
        dialog.position.setText(member.position or "")
        self._run_form(
            dialog,
            lambda: round_setup.update_member(self.db, actor=self.actor, member_id=member.member_id, **dialog.values()),  # type: ignore[arg-type]
        )
        self._members_filled_for = None
        self.refresh_setup()

    def _edit_assessments(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        dossier_id = self.dossier_id
        dialog = AssessmentsDialog(self, queries.dossier_view(self.db, dossier_id))

        def submit() -> None:
            for item, (text, check) in dialog.items.items():
                if text.text().strip():
                    registry.set_commune_assessment(
                        self.db,
                        actor=self.actor,
                        dossier_id=dossier_id,
                        item=item,
                        finding=text.text(),
                        meets=check.isChecked(),  # type: ignore[arg-type]
                    )
            registry.set_advisory_report(
                self.db, actor=self.actor, dossier_id=dossier_id, report=dialog.report.toPlainText()
            )  # type: ignore[arg-type]

        self._run_form(dialog, submit)
        self._show_page(self.nav.currentRow())

    def _edit_self_assessment(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        dossier_id = self.dossier_id
        dialog = SelfAssessmentDialog(self, queries.dossier_view(self.db, dossier_id))
        self._run_form(
            dialog,
            lambda: registry.set_self_assessment(
                self.db, actor=self.actor, dossier_id=dossier_id, choices=dialog.choices()
            ),  # type: ignore[arg-type]
        )
        self._show_page(self.nav.currentRow())

    def _edit_producer(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        view = queries.producer_of_dossier(self.db, self.dossier_id)
        dialog = ProducerEditDialog(self, view)

        def submit() -> None:
            registry.update_producer(
                self.db, actor=self.actor, producer_id=view.producer_id, **dialog.producer_changes()
            )  # type: ignore[arg-type]
            registry.update_product(
                self.db,  # type: ignore[arg-type]
                actor=self.actor,  # type: ignore[arg-type]
                product_id=view.product_id,
                name=dialog.product.text(),
                code=dialog.code.text() or None,
            )
            registry.update_producer(
                self.db, actor=self.actor, producer_id=view.producer_id, **dialog.producer_changes()
            )  # type: ignore[arg-type]

        self._run_form(dialog, submit)
        self.refresh_round()

    def _add_member(self) -> None:
        if self.db is None or self.actor is None or self.council_id is None:
            return
        dialog = MemberDialog(self)
        if self._run_form(
            dialog,
            lambda: round_setup.add_member(self.db, actor=self.actor, council_id=self.council_id, **dialog.values()),  # type: ignore[arg-type]
        ):
            self._members_filled_for = None
            self.refresh_setup()

    def _new_round(self) -> None:
        if self.db is None or self.actor is None or self.council_id is None:
            return
        dialog = RoundDialog(self)
        round_id = self._run_form(
            dialog,
            lambda: round_setup.create_round(self.db, actor=self.actor, council_id=self.council_id, **dialog.values()),  # type: ignore[arg-type]
        )
        if round_id:
            self.open_database(self.db, self.actor)
            self.round_box.setCurrentIndex(max(0, self.round_box.findData(round_id)))
            self.nav.setCurrentRow(PAGES.index("setup"))

    def _add_session(self) -> None:
        if self.db is None or self.actor is None or self.round_id is None:
            return
        dialog = SessionDialog(self)
        if self._run_form(
            dialog,
            lambda: round_setup.add_meeting_session(
                self.db, actor=self.actor, round_id=self.round_id, **dialog.values()
            ),  # type: ignore[arg-type]
        ):
            self.refresh_round()

    def _close_session(self) -> None:
        """The closing time of the round's latest session, for the minutes."""
        if self.db is None or self.actor is None or self.round_id is None:
            return
        view = queries.round_view(self.db, self.round_id)
        if view.session_id is None:
            show_error(self, UserFacingError([Problem("setup.no_session", {})]))
            return
        dialog = ClosingDialog(self, view.session_date)
        session_id = view.session_id
        self._run_form(
            dialog,
            lambda: round_setup.close_meeting_session(
                self.db, actor=self.actor, session_id=session_id, **dialog.values()
            ),  # type: ignore[arg-type]
        )

    def _add_recusal(self) -> None:
        if self.db is None or self.actor is None or self.round_id is None or self.dossier_id is None:
            return
        dialog = RecusalDialog(self, queries.council_members(self.db, self.round_id))
        if self._run_form(
            dialog,
            lambda: round_setup.record_recusal(
                self.db, actor=self.actor, dossier_id=self.dossier_id, **dialog.values()
            ),  # type: ignore[arg-type]
        ):
            self.refresh_round()

    def _add_dossier(self) -> None:
        if self.db is None or self.actor is None or self.round_id is None:
            return
        view = queries.round_view(self.db, self.round_id)
        dialog = DossierDialog(self, view.rule_version_id)

        def submit() -> str:
            return registry.register_dossier(
                self.db,  # type: ignore[arg-type]
                actor=self.actor,  # type: ignore[arg-type]
                round_id=self.round_id,  # type: ignore[arg-type]
                producer_name=dialog.producer.text(),
                legal_form=dialog.legal_form.currentData(),
                producer_fields=dialog.producer_fields(),
                product_name=dialog.product.text(),
                sheet_id=dialog.sheet.currentData(),
                registration_type=dialog.registration.currentData(),
                submission_date=date_field(dialog.submitted.text(), "submission_date"),
                code=dialog.code.text() or None,
            )

        dossier_id = self._run_form(dialog, submit)
        if dossier_id:
            self.dossier_id = str(dossier_id)
            self.refresh_round()

    def _import_excel(self) -> None:
        if self.db is None or self.actor is None or self.round_id is None:
            return
        path = choose_excel(self, save=False)
        if path is None:
            return
        view = queries.round_view(self.db, self.round_id)
        preview = run_with_progress(
            self,
            tr("Đang đọc và kiểm tra tệp Excel…"),
            lambda: import_dossiers.read_workbook(path, rule_version_id=view.rule_version_id),
        )
        if preview is None or ImportPreviewDialog(self, preview).exec() != QDialog.DialogCode.Accepted:
            return
        db, actor, round_id = self.db, self.actor, self.round_id
        try:
            run_with_progress(
                self,
                tr("Đang lưu các hồ sơ…"),
                lambda: import_dossiers.import_dossiers(db, actor=actor, round_id=round_id, preview=preview),
                cancellable=False,
            )
        except UserFacingError as exc:
            show_error(self, exc)
        self.refresh_round()

    def _excel_template(self) -> None:
        path = choose_excel(self, save=True)
        if path is not None:
            import_dossiers.write_dossier_template(path)

    # scoring ----------------------------------------------------------------------------------------------

    def _fill_members(self) -> None:
        """A member scores their own ballot; the secretary types paper ballots for any scoring member."""
        if self.db is None or self.round_id is None:
            return
        self.import_ballots_button.setEnabled(self.can(Permission.SCORE_FOR_MEMBER))
        filled_for = (self.round_id, self.actor)
        if self._members_filled_for == filled_for and self.member_box.count():
            self._load_scoring()
            return
        self._members_filled_for = filled_for
        members = queries.council_members(self.db, self.round_id)
        self.member_box.blockSignals(True)
        self.member_box.clear()
        for member in members:
            if not member.role.scores:
                continue
            own = self.actor is not None and self.actor.member_id == member.member_id
            if own or self.can(Permission.SCORE_FOR_MEMBER) or self.actor is None:
                self.member_box.addItem(member.full_name, member.member_id)
        self.member_box.blockSignals(False)
        self._load_scoring()

    def _load_scoring(self) -> None:
        if self.db is None or self.dossier_id is None:
            return
        member_id = self.member_box.currentData()
        if member_id is None:
            return
        dossier = queries.dossier_view(self.db, self.dossier_id)
        title = f"{dossier.product_name} — {dossier.sheet.sheet_id} {dossier.sheet.title}"
        rows = [r for r in queries.ballots_of_dossier(self.db, self.dossier_id) if r.member_id == member_id]
        current = [r for r in rows if r.scoring_round == dossier.scoring_round]
        ballot = current[0] if current else None
        if ballot is None and self.actor is not None:
            own = self.actor.member_id == member_id
            mode = EntryMode.SELF if own else EntryMode.PAPER
            try:
                self.ballot_id = scoring_session.open_ballot(
                    self.db, actor=self.actor, dossier_id=self.dossier_id, member_id=member_id, entry_mode=mode
                )
            except UserFacingError as exc:
                self.ballot_id = None
                self.scoring.load(ScoringContext(title, self.member_box.currentText(), dossier.sheet, {}, True, 1))
                self.scoring.saved.setText("\n".join(describe(p, current_lang()) for p in exc.problems))
                return
        else:
            self.ballot_id = ballot.ballot_id if ballot else None
        choices: dict[str, int] = {}
        submitted = True
        if self.ballot_id is not None:
            state = queries.ballot_view(self.db, self.ballot_id)
            choices, submitted = state.choices, state.status is BallotStatus.SUBMITTED
        # Secrecy: another member's choices are never shown before the viewer has submitted their own.
        viewer_is_other_member = self.actor is not None and self.actor.member_id not in (None, member_id)
        if viewer_is_other_member:
            choices = {}
        self.scoring.load(
            ScoringContext(
                title, self.member_box.currentText(), dossier.sheet, choices, submitted, dossier.scoring_round
            )
        )

    def _record(self, item_id: str, number: int) -> object:
        if self.db is None or self.actor is None or self.ballot_id is None:
            raise UserCancelled
        return scoring_session.record_choice(
            self.db, actor=self.actor, ballot_id=self.ballot_id, item_id=item_id, option_number=number
        )

    def _clear(self, item_id: str) -> object:
        if self.db is None or self.actor is None or self.ballot_id is None:
            raise UserCancelled
        return scoring_session.clear_choice(self.db, actor=self.actor, ballot_id=self.ballot_id, item_id=item_id)

    def _submit(self) -> object:
        if self.db is None or self.actor is None or self.ballot_id is None:
            raise UserCancelled
        state = queries.ballot_view(self.db, self.ballot_id)
        if state.entry_mode is EntryMode.PAPER:
            return self._confirm_paper(state.choices)
        if not confirm(self, tr("Nộp phiếu"), tr("Sau khi nộp, phiếu không sửa được nữa. Nộp phiếu?")):
            raise UserCancelled
        return scoring_session.submit_ballot(self.db, actor=self.actor, ballot_id=self.ballot_id)

    def _confirm_paper(self, first: dict[str, int]) -> object:
        """A second person signs in and types the paper sheet again; mismatches are shown item by item."""
        if self.db is None or self.ballot_id is None:
            raise UserCancelled
        sign_in = SignInDialog(self.db, self)
        sign_in.setWindowTitle(tr("Người thứ hai đăng nhập để nhập lại phiếu giấy"))
        if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.actor is None:
            raise UserCancelled
        second = PaperSecondEntry(self, sorted(first))
        if second.exec() != QDialog.DialogCode.Accepted:
            raise UserCancelled
        mismatches = scoring_session.confirm_paper_ballot(
            self.db, actor=sign_in.actor, ballot_id=self.ballot_id, choices=second.choices()
        )
        if mismatches:
            lines = "\n".join(
                f"• {tr('Tiêu chí')} {m.item_id}: "
                f"{tr('lần 1')} {m.first_entry or '—'}, {tr('lần 2')} {m.second_entry or '—'}"
                for m in mismatches
            )
            QMessageBox.warning(self, tr("Hai lần nhập không khớp"), f"{tr('Phiếu chưa được tính.')}\n{lines}")
            raise UserCancelled
        return None

    def _after_submit(self) -> None:
        self.refresh_round()

    def _attendance(self, member_id: str, present: bool) -> None:
        if self.db is None or self.actor is None or self.round_id is None:
            return
        view = queries.round_view(self.db, self.round_id)
        if view.session_id is None:
            return
        try:
            round_setup.record_attendance(
                self.db, actor=self.actor, session_id=view.session_id, member_id=member_id, present=present
            )
        except UserFacingError as exc:
            show_error(self, exc)
        self.refresh_round()

    # results ----------------------------------------------------------------------------------------------

    def load_results(self) -> None:
        if self.db is None or self.dossier_id is None or self.round_id is None:
            return
        self._show_recognition()
        dossier = queries.dossier_view(self.db, self.dossier_id)
        title = f"{dossier.product_name} ({dossier.product_code or '—'}) — {dossier.producer_name}"
        row = next(
            (r for r in queries.round_view(self.db, self.round_id).dossiers if r.dossier_id == self.dossier_id), None
        )
        viewer = self.viewer()
        try:
            view = results.compute_result(self.db, actor=viewer, dossier_id=self.dossier_id)
        except UserFacingError:
            self.results_page.show_pending(title, row.submitted if row else 0, row.expected if row else 0)
            return
        if view.pending_members and not view.locked:
            self.results_page.show_pending(title, row.submitted if row else 0, row.expected if row else 0)
            self.results_page.show_blocking([])
            return
        names_by_id = queries.member_names(self.db, self.round_id)
        names = [names_by_id.get(m, m) for m in view.computed.get("members", [])]
        self.results_page.show_result(
            title,
            computed=view.computed,
            names=names,
            sheet=dossier.sheet,
            status=view.status,
            locked=view.locked,
            discussion=view.discussion,
        )
        self.results_page.show_blocking([])
        self.results_page.show_self_assessment(self_assessment_total(dossier))
        self.results_page.show_history(
            [
                (e.scoring_round, e.average_total, e.spread, e.spread_exceeds_limit, e.discussion)
                for e in queries.earlier_results(self.db, self.dossier_id)
            ]
        )
        self.results_page.show_fingerprint(
            exchange.meeting_fingerprint(self.db, self.round_id) if view.locked else None
        )
        can_chair = self.can(Permission.APPROVE_RESULT)
        self.results_page.approve_button.setEnabled(can_chair and not view.locked)
        self.results_page.reopen_button.setEnabled(self.can(Permission.REOPEN_RESULT) and view.locked)

    def _approve(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        if not confirm(
            self, tr("Phê duyệt kết quả"), tr("Kết quả sẽ được khóa; chỉ chủ tịch mở lại được, kèm lý do. Phê duyệt?")
        ):
            return
        try:
            results.approve_result(self.db, actor=self.actor, dossier_id=self.dossier_id)
        except ValidationFailed as exc:
            self.results_page.show_blocking([describe(p, current_lang()) for p in exc.problems])
            return
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.refresh_round()
        self.load_results()

    def _reopen(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        reason = ask_text(self, tr("Mở lại kết quả"), tr("Lý do mở lại (ghi vào nhật ký):"))
        if reason is None:
            return
        self._call(lambda: results.reopen_result(self.db, actor=self.actor, dossier_id=self.dossier_id, reason=reason))  # type: ignore[arg-type]

    def _discuss(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        text = ask_text(self, tr("Thảo luận của hội đồng"), tr("Nội dung thảo luận:"), multiline=True)
        if text is None:
            return
        self._call(lambda: results.record_discussion(self.db, actor=self.actor, dossier_id=self.dossier_id, text=text))  # type: ignore[arg-type]

    def _rescore(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        reason = ask_text(self, tr("Chấm lại"), tr("Lý do chấm lại (các phiếu cũ được giữ nguyên):"))
        if reason is None:
            return
        self._call(
            lambda: scoring_session.start_rescore(self.db, actor=self.actor, dossier_id=self.dossier_id, reason=reason)
        )  # type: ignore[arg-type]

    def _decision(self) -> None:
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        dialog = DecisionDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, item, reason = dialog.values()
        self._call(
            lambda: results.record_council_decision(
                self.db,
                actor=self.actor,
                dossier_id=self.dossier_id,
                kind=kind,
                reason=reason,
                item_id=item or None,  # type: ignore[arg-type]
            )
        )

    def _recognition_plan(self) -> recognition.RecognitionPlan | None:
        if self.db is None or self.round_id is None:
            return None
        return recognition.recognition_plan(self.db, round_id=self.round_id, date=dt.date.today())

    def _show_recognition(self) -> None:
        """The decision button while approved products still wait for one (for whoever may issue it); this
        product's certificate, and its revocation for whoever may revoke."""
        page = self.results_page
        plan = self._recognition_plan()
        if plan is None:
            return
        mine = next((c for c in plan.candidates if c.dossier_id == self.dossier_id), None)
        page.recognise_button.setEnabled(self.can(Permission.ISSUE_DECISION) and bool(plan.open_candidates))
        page.revoke_button.setEnabled(self.can(Permission.REVOKE_CERTIFICATE) and mine is not None and revocable(mine))
        text = ""
        if mine is not None and mine.certificate_number is not None:
            text = tr("Giấy chứng nhận số {number}, theo quyết định {decision}").format(
                number=mine.certificate_number, decision=mine.decision_number or "—"
            )
            if not revocable(mine):
                text += " — " + tr("đã thu hồi")
        page.certificate.setText(text)

    def record_recognition(self) -> recognition.DecisionIssued | None:
        """Quyết định công nhận from the dialog; on success, say how many certificates and offer the documents page
        to print them."""
        if self.db is None or self.actor is None or self.round_id is None:
            return None
        plan = self._recognition_plan()
        if plan is None:
            return None
        db, actor, round_id = self.db, self.actor, self.round_id
        dialog = RecognitionDialog(self, plan, dt.date.today())
        issued = self._run_form(
            dialog,
            lambda: recognition.issue_decision(db, actor=actor, round_id=round_id, **dialog.checked),  # type: ignore[arg-type]
        )
        if not isinstance(issued, recognition.DecisionIssued):
            return None
        self.refresh_round()
        self.load_results()
        lines = [
            tr("Đã ghi quyết định {number} và cấp {count} giấy chứng nhận.").format(
                number=dialog.checked["number"], count=len(issued.certificates)
            )
        ]
        lines += [f"• {c.number} — {c.stars} {tr('sao')}" for c in issued.certificates]
        if issued.not_recognised_here:
            lines.append(
                tr("{count} sản phẩm có hạng sao do cấp khác công nhận, không cấp giấy ở đây.").format(
                    count=len(issued.not_recognised_here)
                )
            )
        lines.append(tr("Mở trang Tài liệu để in quyết định và giấy chứng nhận?"))
        if confirm(self, tr("Đã ghi quyết định công nhận"), "\n".join(lines)):
            self.nav.setCurrentRow(PAGES.index("documents"))
        return issued

    def revoke_certificate(self) -> None:
        """Thu hồi the selected product's certificate, with the ground, the revoking decision and the reason."""
        if self.db is None or self.actor is None or self.dossier_id is None:
            return
        plan = self._recognition_plan()
        mine = next((c for c in plan.candidates if c.dossier_id == self.dossier_id), None) if plan else None
        if mine is None or not revocable(mine):
            return
        db, actor = self.db, self.actor
        dialog = RevocationDialog(self, mine, dt.date.today())
        self._run_form(dialog, lambda: recognition.revoke_certificate(db, actor=actor, **dialog.checked))  # type: ignore[arg-type]
        self.load_results()

    def _call(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except UserFacingError as exc:
            show_error(self, exc)
        self.refresh_round()
        self.load_results()

    # projector --------------------------------------------------------------------------------------------

    def show_projector(self) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow()
        if self.db is not None and self.round_id is not None:
            view = queries.round_view(self.db, self.round_id)
            self.projector.show_round(view, self._scoring_progress(view))
        self.projector.show()
        return self.projector

    def _scoring_progress(self, view: queries.RoundView) -> tuple[str, list[tuple[str, bool]]] | None:
        """Who has submitted a ballot for the selected dossier, while it is being scored."""
        if self.db is None or self.dossier_id is None:
            return None
        row = next((r for r in view.dossiers if r.dossier_id == self.dossier_id), None)
        if row is None or row.locked:
            return None
        submitted = {
            b.member_id
            for b in queries.ballots_of_dossier(self.db, self.dossier_id)
            if b.scoring_round == row.scoring_round and b.status is BallotStatus.SUBMITTED
        }
        members = [m for m in view.members if m.role.scores and m.present is not False]
        return row.product_name, [(m.full_name, m.member_id in submitted) for m in members]

    def open_file_dialog(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Mở tệp dữ liệu"), "", tr("Dữ liệu OCOP (*.ocopdb)"))
        return Path(name) if name else None


class PaperSecondEntry(QDialog):
    """The second typing of a paper ballot: an option number for every criterion, typed without seeing the
    first entry."""

    def __init__(self, parent: QWidget | None, items: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nhập lại phiếu giấy"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for item in items:
            field = QLineEdit()
            field.setMaximumWidth(60)
            self.fields[item] = field
            form.addRow(f"{tr('Tiêu chí')} {item}", field)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(360, 600)

    def choices(self) -> dict[str, int]:
        out = {}
        for item, field in self.fields.items():
            text = field.text().strip()
            if text.isdigit():
                out[item] = int(text)
        return out


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

    def values(self) -> tuple[DecisionKind, str, str]:
        return self.kind.currentData(), self.item.text().strip(), self.reason.text().strip()
