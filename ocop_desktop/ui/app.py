"""Start the Qt application: fonts, language, the data file, sign-in and the main window. With a screenshot
path, show the named view, wait until it is painted, save it and exit; `save_screenshots` saves several views in
one application (both work without a display)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    QThread,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ocop_desktop import __version__
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.paths import fonts_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries
from ocop_desktop.services.demo import user_demo_file
from ocop_desktop.ui.criteria_browser import CriteriaBrowser
from ocop_desktop.ui.dialogs import SignInDialog, show_error
from ocop_desktop.ui.i18n import install, tr
from ocop_desktop.ui.main_window import PAGES, MainWindow
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


LANGUAGE_KEY = "language"


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
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def remember(path: Path) -> None:
    settings = QSettings()
    recent = [str(path), *[p for p in (settings.value(RECENT_KEY) or []) if p != str(path)]][:8]
    settings.setValue(RECENT_KEY, recent)


class Controller:
    """Wires the start page's buttons: open, create, demo, recent files."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        start = window.start
        start.open_button.clicked.connect(self.open_file)
        window.open_action.triggered.connect(self.open_file)
        start.new_button.clicked.connect(self.new_file)
        start.demo_button.clicked.connect(self.open_demo)
        start.recent.itemActivated.connect(lambda item: self.open_path(Path(item.text())))
        start.recent.addItems([p for p in (QSettings().value(RECENT_KEY) or []) if Path(p).exists()])

    def open_file(self) -> None:
        path = self.window.open_file_dialog()
        if path is not None:
            self.open_path(path)

    def new_file(self) -> None:
        default = default_data_dir() / "hoi-dong.ocopdb"
        name, _filter = QFileDialog.getSaveFileName(self.window, tr("Tạo tệp dữ liệu mới"), str(default), "*.ocopdb")
        if name:
            self.open_path(Path(name), create=True)

    def open_demo(self) -> None:
        self.open_path(user_demo_file())

    def open_path(self, path: Path, *, create: bool = False) -> None:
        try:
            db = open_interactive(path, create=create)
        except UserFacingError as exc:
            show_error(self.window, exc)
            return
        sign_in = SignInDialog(db, self.window)
        if not sign_in.exec() or sign_in.actor is None:
            db.close()
            return
        remember(path)
        self.window.open_database(db, sign_in.actor)
        start_background_checks(self.window, db)


def open_interactive(path: Path, *, create: bool = False) -> Database:
    """Open without the slow checks: the window comes up first, `start_background_checks` follows."""
    return Database.open(path, create=create, quick_check=False, daily_backup=False)


def start_background_checks(window: QWidget, db: Database) -> None:
    """quick_check and the day's backup off the GUI thread; a damaged file is reported at once."""
    run_in_background(db.background_checks, on_failure=lambda exc: show_error(window, exc))


def run_gui(
    *,
    db_path: Path | None = None,
    screenshot: Path | None = None,
    view: str = "round",
    product: str | None = None,
    lang: str | None = None,
    demo: bool = False,
) -> int:
    """The window; `demo` opens the demo round (built in the person's data folder the first time)."""
    app = make_app(lang)
    if demo:
        db_path = user_demo_file()
    db = None
    if db_path is not None:
        try:
            db = open_interactive(db_path)
        except UserFacingError as exc:
            if screenshot is not None:
                raise
            show_error(None, exc)
    window = MainWindow()
    controller = Controller(window)
    if screenshot is not None:
        return 0 if _save_views(window, db, [(view, screenshot)], product=product) else 1
    if db is not None:
        sign_in = SignInDialog(db, window)
        if sign_in.exec() and sign_in.actor is not None:
            remember(db.path)
            window.open_database(db, sign_in.actor)
            start_background_checks(window, db)
    window.show()
    del controller  # the signal connections keep what they need
    return app.exec()


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
    previous = qInstallMessageHandler(_without_size_hint_notes)
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
        qInstallMessageHandler(previous)


def _without_size_hint_notes(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's messages on standard error, less the offscreen platform's "does not support propagateSizeHints()"
    printed for every window (harmless: tech-notes), which would bury what the demo command prints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


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
