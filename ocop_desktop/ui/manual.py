"""Help → Manual: the bundled user manual (Markdown in `docs/manual/<lang>`, pictures in `docs/screenshots`) in a
QTextBrowser. Everything is read from disk: links between chapters are followed inside the window, and an outside
address is only shown, never opened (the application opens no network connection)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QStyle, QTextBrowser, QToolBar, QVBoxLayout, QWidget

from ocop_desktop.paths import manual_dir
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.widgets import fit_to_screen

INDEX = "index.md"
IMAGE_MARGIN = 24  # pixels left free beside a picture scaled to the page width (scroll bar, frame)
PAGE_MARGIN = 16
FITTED = "#fitted"  # suffix of the name under which a picture's copy scaled to the page is kept


def manual_index(lang: str) -> Path:
    return manual_dir(lang) / INDEX


def is_local(url: QUrl) -> bool:
    return url.scheme() in ("", "file")


class ManualBrowser(QTextBrowser):
    """A QTextBrowser that stays on local files and fits every picture to the page width (QTextBrowser shows an
    image at its own size, and the screenshots are wider than the window)."""

    outside_link = Signal(str)
    missing_page = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(PAGE_MARGIN)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 1)  # a page to read, one size above the forms
        self.setFont(font)
        self._pictures: dict[str, QImage] = {}
        self._fitted: dict[str, int] = {}  # picture name -> the width of its scaled copy in this page's resources
        self.anchorClicked.connect(self.follow)
        self.sourceChanged.connect(self._page_shown)

    def _page_shown(self, _url: QUrl) -> None:
        self._fitted.clear()  # a new page starts with no scaled copies among its resources
        self.fit_images()

    def show_file(self, path: Path) -> None:
        self.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def follow(self, url: QUrl) -> None:
        """A link clicked in the page: another chapter of the manual opens here; anything else is only reported."""
        if not is_local(url):
            self.outside_link.emit(url.toString())
            return
        target = self.source().resolved(url)
        path = Path(target.toLocalFile())
        if not path.is_file() or path.suffix.lower() != ".md":
            self.missing_page.emit(str(path))
            return
        self.setSource(target, QTextDocument.ResourceType.MarkdownResource)

    def _image_fragments(self) -> Iterator[tuple[int, int, QTextImageFormat]]:
        """(position, length, format) of every picture of the page shown, in order."""
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().isImageFormat():
                    yield fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()
                fragments += 1
            block = block.next()

    def image_names(self) -> list[str]:
        """The picture references of the page shown, in order."""
        return [image.name() for _position, _length, image in self._image_fragments()]

    def picture(self, name: str) -> QImage:
        """A picture of the page at its own size (loaded through the document, which resolves the name against
        the page shown); null when the file is missing. A scaled copy's name gives the picture it was made from."""
        name = name.removesuffix(FITTED)
        key = self.source().resolved(QUrl(name)).toString()
        if key not in self._pictures:
            resource = self.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            if isinstance(resource, QPixmap):
                resource = resource.toImage()
            self._pictures[key] = resource if isinstance(resource, QImage) else QImage()
        return self._pictures[key]

    def fit_images(self) -> None:
        """Show each picture wider than the page at the page's width, smoothly scaled (QTextDocument would draw a
        resized image without smoothing), and the others at their own size."""
        available = max(200, self.viewport().width() - int(2 * self.document().documentMargin()) - IMAGE_MARGIN)
        changes = [
            (position, length, fitted)
            for position, length, image in list(self._image_fragments())
            if (fitted := self._fitted_format(image, available)) is not None
        ]
        cursor = QTextCursor(self.document())
        for position, length, image in changes:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _fitted_format(self, image: QTextImageFormat, available: int) -> QTextImageFormat | None:
        """The format that shows `image` within `available` pixels, or None when it already does."""
        original = image.name().removesuffix(FITTED)
        picture = self.picture(original)
        if picture.isNull():
            return None
        width = min(picture.width(), available)
        name = original
        if width < picture.width():
            name = original + FITTED
            if self._fitted.get(original) != width:
                scaled = picture.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                key = self.source().resolved(QUrl(name))  # the document looks resources up resolved
                self.document().addResource(QTextDocument.ResourceType.ImageResource, key, scaled)
                self._fitted[original] = width
        height = picture.height() * width / picture.width()
        if image.name() == name and abs(image.width() - width) < 1 and abs(image.height() - height) < 1:
            return None
        image.setName(name)
        image.setWidth(width)
        image.setHeight(height)
        return image

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_images()


class ManualWindow(QMainWindow):
    """The manual of the interface's language, with back / forward / contents; a note line under the toolbar
    says what a link could not do (an outside address, a missing page)."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Hướng dẫn sử dụng — OCOP Desktop"))
        fit_to_screen(self, 1040, 780)
        self.lang = lang or current_lang()
        self.browser = ManualBrowser()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # an address is shown as it is written, never as markup
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet("color: #7a4b00; padding: 4px;")
        self.note.hide()
        self.browser.outside_link.connect(self.show_outside_link)
        self.browser.missing_page.connect(self.show_missing_page)
        self.browser.sourceChanged.connect(lambda _url: self.note.hide())
        self.browser.highlighted.connect(lambda url: self.statusBar().showMessage(url.toString()))

        bar = QToolBar()
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        icon = self.style().standardIcon
        self.back_action = QAction(icon(QStyle.StandardPixmap.SP_ArrowBack), tr("Quay lại"), self)
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.back_action.triggered.connect(self.browser.backward)
        self.forward_action = QAction(icon(QStyle.StandardPixmap.SP_ArrowForward), tr("Tiếp"), self)
        self.forward_action.setShortcut(QKeySequence.StandardKey.Forward)
        self.forward_action.triggered.connect(self.browser.forward)
        self.home_action = QAction(icon(QStyle.StandardPixmap.SP_FileDialogContentsView), tr("Mục lục"), self)
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.home_action.triggered.connect(self.go_home)
        close_action = QAction(tr("Đóng"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        for action in (self.back_action, self.forward_action, self.home_action, close_action):
            bar.addAction(action)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        self.addToolBar(bar)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        self.setCentralWidget(body)
        self.go_home()

    @property
    def index(self) -> Path:
        return manual_index(self.lang)

    def go_home(self) -> None:
        """The table of contents; when the manual is not installed, a message saying where it was looked for."""
        if self.index.is_file():
            self.home_action.setEnabled(True)
            self.browser.show_file(self.index)
            return
        self.home_action.setEnabled(False)
        self.browser.setMarkdown(
            "# "
            + tr("Không tìm thấy sách hướng dẫn")
            + "\n\n"
            + tr(
                "Sách hướng dẫn phải nằm trong thư mục {folder}, nhưng thư mục này không có tệp {file}. Bản cài đặt "
                "bị thiếu tệp: hãy chép lại cả thư mục phần mềm từ bộ cài đặt (USB)."
            ).format(folder=f"`{self.index.parent}`", file=f"`{INDEX}`")
        )

    def show_outside_link(self, address: str) -> None:
        self.note.setText(
            tr("Liên kết này dẫn ra ngoài; phần mềm không mở kết nối mạng. Địa chỉ: {address}").format(address=address)
        )
        self.note.show()

    def show_missing_page(self, path: str) -> None:
        self.note.setText(tr("Không tìm thấy trang {path} của sách hướng dẫn.").format(path=path))
        self.note.show()
