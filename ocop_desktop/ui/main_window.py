"""The window's shell: menus, the page list, the round and dossier bar, who is signed in. The pages (`ui/pages/`)
hold their own widgets and actions and refresh themselves from the one work context (`ui/context.py`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries
from ocop_desktop.services.actor import Actor
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.criteria_browser import CriteriaBrowser
from ocop_desktop.ui.dialogs import MemberPinDialog, SignInDialog, confirm, inform, tell_missing_catalogue
from ocop_desktop.ui.file.actions import FileActions
from ocop_desktop.ui.i18n import LANGUAGE_KEY, available, catalogue, tr
from ocop_desktop.ui.manual import ManualWindow
from ocop_desktop.ui.menus import build_menus, update_actions
from ocop_desktop.ui.pages import PAGES, nav_labels
from ocop_desktop.ui.pages.documents import DocumentsPageController
from ocop_desktop.ui.pages.documents.view import DocumentsPage
from ocop_desktop.ui.pages.dossier import DossierPageController
from ocop_desktop.ui.pages.dossier.view import DossierPage
from ocop_desktop.ui.pages.province import ProvincePageController
from ocop_desktop.ui.pages.province.view import ProvincePage
from ocop_desktop.ui.pages.results import ResultsPage
from ocop_desktop.ui.pages.results.view import ResultsView
from ocop_desktop.ui.pages.round import RoundPageController
from ocop_desktop.ui.pages.round.projector import ProjectorWindow, scoring_progress
from ocop_desktop.ui.pages.round.view import RoundPage
from ocop_desktop.ui.pages.scoring import ScoringPage
from ocop_desktop.ui.pages.scoring.view import ScoringView
from ocop_desktop.ui.pages.setup import SetupPageController
from ocop_desktop.ui.pages.setup.view import SetupPage
from ocop_desktop.ui.start_page import SignedOutPage, StartPage
from ocop_desktop.ui.widgets import ElidedComboBox, fit_to_screen

START, WORK, SIGNED_OUT = range(3)
LAST_DOSSIER_KEY = "last_dossier/{round_id}"  # QSettings: the dossier shown last in each round, for the next start


class MainWindow(QMainWindow):
    reopen_requested = Signal(object)  # a data file's Path to open again with sign-in (after a restore)
    # the File and Help menus' actions, made by build_menus (menus.py) as __init__ runs: the start page, the sign-in
    # page, update_actions and the tests reach them here
    open_action: QAction
    sign_out_action: QAction
    switch_action: QAction
    accounts_action: QAction
    own_password_action: QAction
    import_exchange_action: QAction
    export_round_action: QAction
    export_ballots_action: QAction
    backup_action: QAction
    restore_action: QAction
    backup_folder_action: QAction
    manual_action: QAction

    def __init__(self, db: Database | None = None, actor: Actor | None = None) -> None:
        super().__init__()
        self.ctx = ctx = WorkContext(self)
        self.files = FileActions(self, ctx)
        self.files.reopen_requested.connect(self.reopen_requested)
        self.projector: ProjectorWindow | None = None
        self.manual: ManualWindow | None = None
        self.setWindowTitle(tr("OCOP Desktop"))
        fit_to_screen(self, 1366, 820)
        self.start, self.signed_out = StartPage(), SignedOutPage()
        self.round_box, self.dossier_box = ElidedComboBox(), ElidedComboBox()
        for box in (self.round_box, self.dossier_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(24)
        self.nav = QListWidget()
        self.nav.addItems(nav_labels())
        self.nav.setFixedWidth(170)
        self.agenda = RoundPageController(ctx)
        self.setup = SetupPageController(ctx)
        self.dossier = DossierPageController(ctx)
        self.scoring_page = ScoringPage(ctx)
        self.results = ResultsPage(ctx)
        self.documents = DocumentsPageController(ctx)
        self.criteria = CriteriaBrowser()
        self.province = ProvincePageController(ctx)
        self.page_list = (self.agenda, self.setup, self.dossier, self.scoring_page, self.results, self.documents)
        self.pages = QStackedWidget()
        for page in (*self.page_list, self.criteria, self.province):
            self.pages.addWidget(page)
        self.round_bar = QWidget()  # hidden on the province page, which is about every round
        top = QHBoxLayout(self.round_bar)
        top.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((QLabel(tr("Đợt")), 0), (self.round_box, 1), (QLabel(tr("Hồ sơ")), 0)):
            top.addWidget(widget, stretch)
        top.addWidget(self.dossier_box, 2)
        work = QWidget()
        work_layout = QVBoxLayout(work)
        work_layout.addWidget(self.round_bar)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        work_layout.addLayout(body, 1)
        self.stack = QStackedWidget()
        for screen in (self.start, work, self.signed_out):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        build_menus(self)
        ctx.changed.connect(self._context_changed)
        self.nav.currentRowChanged.connect(self._show_page)
        self.round_box.currentIndexChanged.connect(lambda _i: self._round_chosen())
        self.dossier_box.currentIndexChanged.connect(lambda _i: ctx.set_dossier(self.dossier_box.currentData()))
        self.agenda.dossier_opened.connect(self.select_dossier)
        for signal in (self.agenda.documents_wanted, self.results.documents_wanted):
            signal.connect(lambda: self.nav.setCurrentRow(PAGES.index("documents")))
        self.scoring_page.import_wanted.connect(self.documents.import_ballots)
        self.setup.round_created.connect(self._round_created)
        self.signed_out.sign_in_button.clicked.connect(self.sign_in)
        self.signed_out.member_button.clicked.connect(self.switch_member)
        self.signed_out.open_button.clicked.connect(self.open_action.trigger)
        if db is not None:
            self.open_database(db, actor)

    # the screen parts tests and screenshots look at

    @property
    def scoring(self) -> ScoringView:
        return self.scoring_page.scoring

    @property
    def member_box(self) -> QComboBox:
        return self.scoring_page.member_box

    @property
    def import_ballots_button(self) -> QPushButton:
        return self.scoring_page.import_ballots_button

    @property
    def round_page(self) -> RoundPage:
        return self.agenda.view

    @property
    def results_page(self) -> ResultsView:
        return self.results.view

    @property
    def setup_page(self) -> SetupPage:
        return self.setup.view

    @property
    def dossier_page(self) -> DossierPage:
        return self.dossier.view

    @property
    def documents_page(self) -> DocumentsPage:
        return self.documents.view

    @property
    def province_page(self) -> ProvincePage:
        return self.province.view

    @property
    def db(self) -> Database | None:
        return self.ctx.db

    @property
    def actor(self) -> Actor | None:
        return self.ctx.actor

    @property
    def round_id(self) -> str | None:
        return self.ctx.round_id

    @property
    def dossier_id(self) -> str | None:
        return self.ctx.dossier_id

    # who is signed in ---------------------------------------------------------------------------------------

    def open_database(self, db: Database, actor: Actor | None) -> None:
        self.ctx.open_file(db, actor)

    def sign_out(self) -> None:
        """Nobody is signed in any more: nothing of the file shows, the signing key is locked; then sign-in."""
        if self.ctx.db is None:
            return
        self.scoring_page.hide_ballot()
        self.ctx.set_actor(None)
        self.sign_in()

    def sign_in(self) -> None:
        if self.ctx.db is None:
            return
        dialog = SignInDialog(self.ctx.db, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None:
            self.ctx.set_actor(dialog.actor)

    def switch_member(self) -> None:
        """The next member takes the shared laptop: the sheet is cleared before their name and PIN are asked."""
        ctx = self.ctx
        if ctx.db is None or ctx.round_id is None:
            return
        members = [(m.member_id, m.full_name) for m in queries.council_members(ctx.db, ctx.round_id) if m.role.scores]
        self.scoring_page.hide_ballot(tr("Đổi người chấm: chọn tên và nhập mã PIN."))
        dialog = MemberPinDialog(ctx.db, members, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            self.scoring_page.refresh_now()
            return
        ctx.set_actor(dialog.actor)
        self.nav.setCurrentRow(PAGES.index("scoring"))

    # the round bar and the pages ------------------------------------------------------------------------------

    def _context_changed(self, change: Change) -> None:
        ctx = self.ctx
        if ctx.db is None:
            self.stack.setCurrentIndex(START)
        else:
            self.stack.setCurrentIndex(WORK if ctx.actor is not None or self.is_screenshot else SIGNED_OUT)
            nobody = tr("chỉ xem") if self.is_screenshot else tr("chưa đăng nhập")
            who = ctx.actor.username if ctx.actor else nobody
            self.statusBar().showMessage(f"{ctx.db.path} — {tr('người dùng')}: {who}")
            self.signed_out.file.setText(str(ctx.db.path))
        if change & (Change.FILE | Change.ROUNDS):
            self._fill_rounds()
        elif change & (Change.ROUND | Change.DATA):
            self._fill_dossiers()
        if change & Change.FILE:
            self.nav.setCurrentRow(0)
        if change & Change.DOSSIER and ctx.round_id is not None and ctx.dossier_id is not None:
            QSettings().setValue(LAST_DOSSIER_KEY.format(round_id=ctx.round_id), ctx.dossier_id)
            self.dossier_box.blockSignals(True)
            self.dossier_box.setCurrentIndex(max(self.dossier_box.findData(ctx.dossier_id), 0))
            self.dossier_box.blockSignals(False)
        update_actions(self)
        if self.projector is not None and self.projector.isVisible():
            self._project()

    is_screenshot = False  # the screenshot mode shows the pages with nobody signed in

    def _fill_rounds(self) -> None:
        db = self.ctx.db
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for summary in queries.list_rounds(db) if db is not None else []:
            text = f"{summary.name} ({summary.year}) — {summary.council_name}"
            self.round_box.addItem(text, summary.round_id)
        index = self.round_box.findData(self.ctx.round_id)
        self.round_box.setCurrentIndex(max(index, 0))
        self.round_box.blockSignals(False)
        self._round_chosen()

    def _round_chosen(self) -> None:
        round_id = self.round_box.currentData()
        if round_id != self.ctx.round_id:
            remembered = QSettings().value(LAST_DOSSIER_KEY.format(round_id=round_id))
            self.ctx.set_round(round_id, str(remembered) if remembered else None)
            return  # the change filled the product list (`_context_changed`)
        self._fill_dossiers()

    def _fill_dossiers(self) -> None:
        ctx = self.ctx
        view = ctx.round_view()
        rows = view.dossiers if view is not None else ()
        self.dossier_box.blockSignals(True)
        self.dossier_box.clear()
        for row in rows:
            self.dossier_box.addItem(
                f"{row.agenda_order}. {row.product_name} ({row.product_code or '—'})", row.dossier_id
            )
        index = self.dossier_box.findData(ctx.dossier_id)
        self.dossier_box.setCurrentIndex(index if index >= 0 else 0)
        self.dossier_box.blockSignals(False)
        ctx.set_dossier(self.dossier_box.currentData())

    def _round_created(self, round_id: str) -> None:
        self.ctx.set_round(round_id)
        self._fill_rounds()
        self.nav.setCurrentRow(PAGES.index("setup"))

    def select_dossier(self, dossier_id: str) -> None:
        self.ctx.set_dossier(dossier_id)
        self.nav.setCurrentRow(PAGES.index("dossier"))

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.pages.setCurrentIndex(index)
        self.round_bar.setVisible(PAGES[index] != "province")
        for number, page in enumerate((*self.page_list, None, self.province)):
            if page is not None:
                page.activate(number == index)

    # other windows ------------------------------------------------------------------------------------------

    def show_projector(self) -> ProjectorWindow:
        """The projector window, full screen, kept up to date while open."""
        if self.projector is None:
            self.projector = ProjectorWindow()
        self._project()
        if not self.projector.isVisible():
            self.projector.present()
        return self.projector

    def _project(self) -> None:
        ctx, projector = self.ctx, self.projector
        if projector is not None and ctx.db is not None and ctx.round_id is not None:
            view = queries.round_view(ctx.db, ctx.round_id, actor=ctx.viewer())
            projector.show_round(view, scoring_progress(ctx.db, view, ctx.dossier_id))

    def show_manual(self) -> ManualWindow:
        """The user manual in the interface's language, one window kept open beside the work."""
        if self.manual is None:
            self.manual = ManualWindow(self)
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()
        return self.manual

    def _choose_language(self, code: str) -> None:
        """Stored for the next start (the open screens keep their words until then); a language whose catalogue is
        missing is said, in both languages, and not stored."""
        if not available(code):
            tell_missing_catalogue(self, catalogue(f"ocop_{code}"))
            return
        QSettings().setValue(LANGUAGE_KEY, code)
        inform(
            self,
            tr("Ngôn ngữ / Language"),
            tr("Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.") + "\nThe new language applies when you restart.",
        )

    def open_file_dialog(self) -> Path | None:
        return file_dialogs.open_file(self, "data-file", tr("Mở tệp dữ liệu"), tr("Dữ liệu OCOP (*.ocopdb)"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting with a begun, unsubmitted ballot on screen asks first (its choices are saved either way)."""
        member = self.scoring_page.unsubmitted()
        if member is not None and not confirm(
            self,
            tr("Phiếu chưa nộp"),
            tr("Phiếu của {member} chưa nộp. Các lựa chọn đã lưu và sẽ còn khi mở lại. Vẫn thoát?").format(
                member=member
            ),
        ):
            event.ignore()
            return
        if self.projector is not None:
            self.projector.close()
        super().closeEvent(event)
