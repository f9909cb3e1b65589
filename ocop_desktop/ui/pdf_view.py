"""Showing and printing the PDFs the app writes. PySide6-Essentials 6.11 has no QtPdf (it is in the 175 MB Addons
wheel; the separate pyside6-pdf wheel starts at 6.12), so pages are rasterised with PDFium through pypdfium2
(Apache-2.0 / BSD-3-Clause, 4 MB wheel) and drawn by Qt: in a scroll area for the preview, on a QPrinter to print.

PDFium is not thread-safe: every call here runs on the GUI thread. The file is read into memory, so the preview
never holds it open (on Windows an open file could not be replaced by the next generation)."""

from __future__ import annotations

import atexit
import importlib
import logging
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.ui.i18n import current_lang, tr

log = logging.getLogger(__name__)
POINTS_PER_INCH = 72
PRINT_DPI = 300  # enough for 11 pt text and hairlines; a printer's 1200 dpi would only make the job larger
PAGE_GAP = 12
_OPEN: weakref.WeakSet[PdfPages] = weakref.WeakSet()  # what a preview still shows
_OPEN_CLOSER: list[object] = []  # the exit handler, once registered


def _pdfium() -> ModuleType:
    """PDFium, loaded when the first PDF is shown rather than with the window. The closing of what is left open is
    registered after it: exit handlers run last-registered first, so ours runs before PDFium is shut down."""
    module = importlib.import_module("pypdfium2")
    if not _OPEN_CLOSER:
        _OPEN_CLOSER.append(atexit.register(_close_left_open))
    return module


class PdfPages:
    """One PDF, page by page, as white-backed images. A preview keeps its document open while it is shown; what is
    still open when the program ends is closed here (`_close_left_open`), before PDFium itself is shut down."""

    def __init__(self, path: Path) -> None:
        """Raises UserFacingError naming the file when it cannot be read or is no PDF (a file deleted, moved or
        still locked by another program; a damaged download)."""
        self.path = path
        where = (("file", str(path)),)
        pdfium = _pdfium()
        try:
            self._pdf = pdfium.PdfDocument(path.read_bytes())
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise UserFacingError([Problem("pdf.unreadable", {"detail": detail}, where)]) from exc
        except pdfium.PdfiumError as exc:
            raise UserFacingError([Problem("pdf.damaged", {}, where)]) from exc
        self.sizes = [self._pdf.get_page_size(i) for i in range(len(self._pdf))]  # points
        _OPEN.add(self)

    def __len__(self) -> int:
        return len(self.sizes)

    def image(self, index: int, width_px: int) -> QImage:
        """Page `index` rendered `width_px` wide (height in proportion)."""
        page = self._pdf[index]
        try:
            scale = width_px / self.sizes[index][0]
            bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            try:
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
                return image.copy()  # the bitmap's buffer is freed with it
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()
        _OPEN.discard(self)


def _close_left_open() -> None:
    for pages in list(_OPEN):
        pages.close()


class _Canvas(QWidget):
    """All pages one under another on one surface; only the pages inside the repainted area are drawn, so a
    3,000-page sheet pack costs what the visible pages cost."""

    def __init__(self, preview: PdfPreview) -> None:
        super().__init__()
        self.preview = preview
        self.rects: list[QRect] = []

    def lay_out(self, sizes: list[tuple[float, float]], width: int) -> None:
        """The widest page as wide as `width`; the others at the same scale, centred."""
        self.rects = []
        scale = width / max(w for w, _h in sizes) if sizes else 1.0
        top = PAGE_GAP
        for w, h in sizes:
            page_w, page_h = round(w * scale), round(h * scale)
            self.rects.append(QRect(PAGE_GAP + (width - page_w) // 2, top, page_w, page_h))
            top += page_h + PAGE_GAP
        self.setFixedSize(width + 2 * PAGE_GAP, top if sizes else 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8f96"))
        for index, rect in enumerate(self.rects):
            if rect.intersects(event.rect()):
                painter.drawImage(rect, self.preview.page_image(index, rect.width()))
        painter.end()


class PdfPreview(QWidget):
    """Every page of a PDF, one under another, as wide as the view; pages are rendered as they come into view and
    the last few are kept."""

    CACHE = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self.failed_pages: set[int] = set()
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.canvas = _Canvas(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setStyleSheet("QScrollArea { background: #8a8f96; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll_area, 1)
        self.clear()

    def show_pdf(self, path: Path) -> None:
        """Raises UserFacingError naming the file when it cannot be shown (the view is left empty)."""
        self.clear()
        self.pages = PdfPages(path)
        self.title.setText(tr("Xem trước: {name} — {count} trang", name=path.name, count=len(self.pages)))
        self._fit()
        self.scroll_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self._cache.clear()
        self.failed_pages.clear()
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        self.canvas.lay_out([], 0)
        self.title.setText(tr("Chọn một tệp PDF rồi bấm «Xem trước»."))

    def page_count(self) -> int:
        """Pages laid out in the view (zero when nothing is shown)."""
        return len(self.canvas.rects)

    def page_image(self, index: int, width: int) -> QImage:
        """The page as an image, from the cache or drawn now; a page PDFium cannot draw stays blank, is logged
        once and said in the title (this runs while painting: no dialog here)."""
        key = (index, width)
        image = self._cache.get(key)
        if image is None and self.pages is not None:
            try:
                image = self._cache[key] = self.pages.image(index, width)
            except (_pdfium().PdfiumError, MemoryError) as exc:
                self._page_failed(self.pages.path, index, exc)
                return QImage()
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        elif image is not None:
            self._cache.move_to_end(key)
        return image if image is not None else QImage()

    def _page_failed(self, path: Path, index: int, exc: BaseException) -> None:
        if index in self.failed_pages:
            return
        self.failed_pages.add(index)
        log.warning("page %d of %s could not be drawn", index + 1, path, exc_info=exc)
        problem = Problem("pdf.page_failed", {"page": index + 1}, (("file", str(path)),))
        self.title.setText(describe(problem, current_lang()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.pages is not None:
            # room for the vertical scroll bar kept, or it would bring a horizontal one with it
            room = (
                self.scroll_area.width()
                - self.scroll_area.verticalScrollBar().sizeHint().width()
                - 2 * self.scroll_area.frameWidth()
            )
            width = max(200, room - 2 * PAGE_GAP)
            self.canvas.lay_out(self.pages.sizes, width)


def print_pdf(path: Path, printer: QPrinter, on_page: Callable[[int, int], bool] | None = None) -> int:
    """Draw every page of the PDF on `printer`, each on paper of its own orientation, at up to PRINT_DPI; returns
    the pages printed. `on_page(done, total)` returning False stops after the current page (the printer gets the
    pages already sent)."""
    pages = PdfPages(path)
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    printed = 0
    try:
        for index, (width, height) in enumerate(pages.sizes):
            orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
            printer.setPageOrientation(orientation)
            if index == 0:
                if not painter.begin(printer):
                    return 0
            elif not printer.newPage():
                break
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            dpi = min(PRINT_DPI, printer.resolution())
            image = pages.image(index, round(width / POINTS_PER_INCH * dpi))
            painter.drawImage(QRect(0, 0, paper.width(), paper.height()), image)
            printed += 1
            if on_page is not None and not on_page(printed, len(pages)):
                break
    finally:
        if painter.isActive():
            painter.end()
        pages.close()
    return printed
