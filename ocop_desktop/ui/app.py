"""Start the Qt application: fonts, language, the data file, sign-in and the main window. With a screenshot
path, show the named view, wait until it is painted, save it and exit; `save_screenshots` saves several views in
one application (both work without a display).

The start: `--db FILE` opens that file; else the last file opened (sign-in, or the start page when cancelled); on a
computer never set up, the first-run assistant. A file that does not open offers its latest good backup."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThread, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop import __version__
from ocop_desktop.domain.errors import DatabaseProblem, UserFacingError
from ocop_desktop.paths import fonts_dir, user_data_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import backups, queries
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.first_run import DEFAULT_FILE_NAME
from ocop_desktop.ui import crash, file_dialogs
from ocop_desktop.ui.criteria_browser import CriteriaBrowser
from ocop_desktop.ui.dialogs import SignInDialog, open_in_system, show_error, tell_missing_catalogue
from ocop_desktop.ui.first_run import Outcome, needs_first_run, run_first_run
from ocop_desktop.ui.i18n import LANGUAGE_KEY, install, missing_catalogue, tr
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.pages import PAGES
from ocop_desktop.ui.recovery import OTHER_FILE, RESTORED, offer_recovery
from ocop_desktop.ui.tasks import run_in_background

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
UI_FONT_POINT_SIZE = 10
VIEWS = ("start", *PAGES, "projector")
RECENT_KEY = "recent_files"
MINUTES_FILE = "bien-ban-hop-hoi-dong.pdf"  # the document the documents page's screenshot previews
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # an attachment the dossier page's screenshot previews


def load_ui_font(app: QApplication) -> str | None:
    """Use the bundled Noto Sans: it draws every Vietnamese tone mark clearly at small sizes (the system's DejaVu
    Sans Bold makes "Ủ" look like "Ú"), and the UI looks the same on every machine."""
    family = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    if family:
        app.setFont(QFont(family, UI_FONT_POINT_SIZE))
    return family


def make_app(lang: str | None = None) -> QApplication:
    """The application with its font and language: `lang` when given, else the one chosen in the settings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("OCOP Desktop")
    app.setOrganizationName("OCOP Desktop")
    app.setApplicationVersion(__version__)
    load_ui_font(app)
    install(app, lang or str(QSettings().value(LANGUAGE_KEY) or "vi"))
    return app


def default_data_dir() -> Path:
    """The one folder for the person's own files (the council's key, new data files, the demo round)."""
    return user_data_dir()


def _remembered() -> list[str]:
    value = QSettings().value(RECENT_KEY) or []
    return [value] if isinstance(value, str) else [str(p) for p in value]  # one entry comes back as a string


def recent_files() -> list[Path]:
    """The files opened before, newest first, that are still there."""
    return [Path(p) for p in _remembered() if Path(p).is_file()]


def remember(path: Path) -> None:
    recent = [str(path), *[p for p in _remembered() if p != str(path)]][:8]
    QSettings().setValue(RECENT_KEY, recent)


class Controller:
    """Wires the start page's buttons: open, create, demo, recent files, the first-run assistant."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        start = window.start
        start.open_button.clicked.connect(self.open_file)
        window.open_action.triggered.connect(self.open_file)
        window.reopen_requested.connect(self.open_path)  # after a restore from the File menu
        start.new_button.clicked.connect(self.new_file)
        start.demo_button.clicked.connect(self.open_demo)
        start.setup_button.clicked.connect(self.set_up_council)
        start.recent.itemActivated.connect(lambda item: self.open_path(Path(item.text())))
        start.recent.addItems([str(p) for p in recent_files()])

    def start(self, db_path: Path | None = None, first: Outcome | None = None) -> None:
        """What the window does once shown: the file named, the assistant's result, or the last file."""
        if first is not None:
            self.after_first_run(first)
        elif db_path is not None:
            self.open_path(db_path)
        else:
            last = next(iter(recent_files()), None)
            if last is not None:
                self.open_path(last)

    def set_up_council(self) -> None:
        outcome = run_first_run(self.window)
        if outcome is not None:
            self.after_first_run(outcome)

    def after_first_run(self, outcome: Outcome) -> None:
        """Open what the assistant ended with: the new file, signed in as its administrator, or the demo round; the
        key's registration form in the system's viewer when asked."""
        if outcome.open_existing is not None:
            self.open_path(outcome.open_existing)
            return
        done = outcome.done
        if done is None:
            return
        remember(done.path)
        if done.form_problems:
            show_error(self.window, UserFacingError(done.form_problems))
        if done.form is not None and outcome.open_form:
            open_in_system(self.window, done.form)
        if outcome.open_demo:
            self.open_demo()
        else:
            self.open_path(done.path, actor=done.actor)

    def open_file(self) -> None:
        path = self.window.open_file_dialog()
        if path is not None:
            self.open_path(path)

    def new_file(self) -> None:
        path = file_dialogs.save_file(
            self.window,
            "data-file",
            tr("Tạo tệp dữ liệu mới"),
            tr("Dữ liệu OCOP (*.ocopdb)"),
            DEFAULT_FILE_NAME,
            suffix="ocopdb",
            fallback=default_data_dir(),
        )
        if path is not None:
            self.open_path(path, create=True)

    def open_demo(self) -> None:
        from ocop_desktop.services.demo import user_demo_file  # the demo's builder (documents, keys) when asked

        self.open_path(user_demo_file())

    def open_path(self, path: Path, *, create: bool = False, actor: Actor | None = None) -> None:
        """Open `path` and sign in (`actor`: already signed in, by the assistant); a file that does not open
        offers its latest good backup."""
        try:
            db = open_interactive(path, create=create)
        except DatabaseProblem as exc:
            self.recover(path, exc)
            return
        except Exception as exc:  # a locked or unreadable file: words, never a traceback
            show_error(self.window, exc)
            return
        if actor is None:
            sign_in = SignInDialog(db, self.window)
            if not sign_in.exec() or sign_in.actor is None:
                db.close()
                return
            actor = sign_in.actor
        remember(path)
        self.window.open_database(db, actor)
        start_background_checks(self.window, db, on_damage=self.damaged_after_opening)

    def recover(self, path: Path, exc: DatabaseProblem) -> None:
        """The file did not open: its backup, another file, or nothing (a file that is merely missing or locked
        is only said)."""
        if not backups.recoverable(exc.problems) and not any(p.code == "db.too_new" for p in exc.problems):
            show_error(self.window, exc)
            return
        choice = offer_recovery(self.window, path, exc)
        if choice == RESTORED:
            self.open_path(path)
        elif choice == OTHER_FILE:
            self.open_file()

    def damaged_after_opening(self, db: Database, exc: DatabaseProblem) -> None:
        """The check after opening found the file damaged: close it (nothing more is written to it) and recover."""
        if self.window.db is db:
            self.window.ctx.close_file()
        db.close()
        self.recover(db.path, exc)


def open_interactive(path: Path, *, create: bool = False) -> Database:
    """Open without the slow checks: the window comes up first, `start_background_checks` follows."""
    return Database.open(path, create=create, quick_check=False, daily_backup=False)


def start_background_checks(
    window: QWidget, db: Database, *, on_damage: Callable[[Database, DatabaseProblem], None] | None = None
) -> None:
    """quick_check and the day's backup off the GUI thread; a damaged file goes to `on_damage` at once (the
    recovery), any other failure is said."""

    def failed(exc: BaseException) -> None:
        if on_damage is not None and isinstance(exc, DatabaseProblem) and backups.recoverable(exc.problems):
            on_damage(db, exc)
        else:
            show_error(window, exc)

    run_in_background(db.background_checks, on_failure=failed)


def run_gui(
    *,
    db_path: Path | None = None,
    screenshot: Path | None = None,
    view: str = "round",
    product: str | None = None,
    lang: str | None = None,
    demo: bool = False,
    before_meeting: bool = False,
) -> int:
    """The window; `demo` opens the demo round (built in the person's data folder the first time), with
    `before_meeting` its rehearsal: the round as the meeting opens, in a file of its own. What slips through is
    logged and said (crash); a screenshot only logs it, nobody being there to answer."""
    app = make_app(lang)
    with crash.install(interactive=screenshot is None, what="screenshot" if screenshot else "window"):
        if demo:
            from ocop_desktop.services.demo import user_demo_file

            db_path = user_demo_file(before_meeting=before_meeting)
        db = None
        if db_path is not None and screenshot is not None:
            db = open_interactive(db_path)
        # the assistant comes before the window, so that the window is built in the language chosen in it; never
        # with a screenshot, which must stay non-interactive
        first = None
        if screenshot is None and db_path is None and needs_first_run(recent_files()):
            first = run_first_run(None)
        window = MainWindow()
        controller = Controller(window)
        if screenshot is not None:
            return 0 if _save_views(window, db, [(view, screenshot)], product=product) else 1
        window.show()
        QTimer.singleShot(0, lambda: begin(window, controller, db_path, first))
        return app.exec()


def begin(window: MainWindow, controller: Controller, db_path: Path | None, first: Outcome | None) -> None:
    """Once the window is up: say first if the language chosen could not be loaded, then open the file."""
    missing = missing_catalogue()
    if missing is not None:
        tell_missing_catalogue(window, missing)
    controller.start(db_path, first)


def save_screenshots(
    db_path: Path,
    folder: Path,
    *,
    lang: str | None = None,
    product: str | None = None,
    documents: tuple[Path, Sequence[Path]] | None = None,
) -> list[Path]:
    """A PNG of every view of `db_path` (VIEWS, named `<view>.png`) in `folder`, read-only and in one application;
    `documents` (a folder and the files already made in it) fill the documents page, the minutes in its preview.
    Returns the files written."""
    app = make_app(lang)
    with crash.install(interactive=False, what="screenshots"):
        db = open_interactive(db_path)
        window = MainWindow()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _save_views(
                window, db, [(view, folder / f"{view}.png") for view in VIEWS], product=product, documents=documents
            )
        finally:
            window.documents_page.preview.clear()  # the previewed PDF is closed before the file and the application
            window.close()
            db.close()
            app.processEvents()


def _settle(milliseconds: int = 400) -> None:
    """Let Qt lay out and paint (layouts, fonts and paints are queued, not immediate)."""
    for _ in range(milliseconds // 10):
        QCoreApplication.processEvents()
        QThread.msleep(10)


def _save_views(
    window: MainWindow,
    db: Database | None,
    shots: Sequence[tuple[str, Path]],
    *,
    product: str | None,
    documents: tuple[Path, Sequence[Path]] | None = None,
) -> list[Path]:
    """Show each view read-only (no sign-in), let it paint, save a PNG of it; the start page is taken before the
    file is opened, so it comes first in `shots`. Returns the files written."""
    written = []
    opened = False
    for view, path in shots:
        target: QWidget = window
        if db is None and view == "criteria":
            target = CriteriaBrowser()
        elif db is not None and view != "start":
            if not opened:
                window.is_screenshot = True  # every page shown read-only, with nobody signed in
                window.open_database(db, None)
                dossier_id = queries.find_dossier_by_code(db, product) if product else None
                if dossier_id is not None:
                    window.select_dossier(dossier_id)
                opened = True
            if view == "projector":
                target = window.show_projector()
            else:
                window.nav.setCurrentRow(PAGES.index(view) if view in PAGES else 0)
                if view == "documents" and documents is not None:
                    _show_documents(window, *documents)
        target.show()
        _settle()
        if view == "dossier" and db is not None:
            _preview_picture(window)
        if target.grab().save(str(path), "PNG"):
            written.append(path)
        if target is not window:
            target.close()
    return written


def _preview_picture(window: MainWindow) -> None:
    """Select the dossier's first picture, so that its preview is in the screenshot."""
    files = window.dossier_page.attachments
    for row in range(files.count()):
        if files.item(row).text().split("  (")[0].lower().endswith(PICTURE_SUFFIXES):
            files.setCurrentRow(row)
            _settle(100)
            return


def _show_documents(window: MainWindow, folder: Path, files: Sequence[Path]) -> None:
    """The documents page as after making `files` in `folder`: listed, the minutes (or the first PDF) previewed."""
    page = window.documents_page
    page.show_made(folder, list(files))
    names = [path.name for path in files]
    pdfs = [name for name in names if name.endswith(".pdf")]
    if pdfs:
        page.files.setCurrentRow(names.index(MINUTES_FILE if MINUTES_FILE in names else pdfs[0]))
        page.preview_selected()
