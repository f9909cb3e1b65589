"""The round's documents from the window: pick which, pick a folder, make them off the GUI thread with a progress
bar and a Cancel that stops within a page; then the files written, each to preview in the window, open in another
application, print, or find in its folder."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.documents.kinds import KINDS
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.domain.text import slug
from ocop_desktop.messages import describe
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import open_in_system, show_error
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.pdf_view import PdfPreview, print_pdf
from ocop_desktop.ui.tasks import Running, start_with_progress

if TYPE_CHECKING:  # the document service brings ReportLab: imported when documents are made, not with the window
    from ocop_desktop.services.round_documents import Progress

log = logging.getLogger(__name__)
Render = Callable[[tuple[str, ...], Path, "Progress"], list[Path]]
FOLDER_KEY = "documents_folder/{round_id}"


def kind_label(kind: str) -> str:
    """The name of a kind of document; a kind added to the service before it has a name here shows as itself."""
    words = {
        "sheets": tr("Phiếu đánh giá sản phẩm"),
        "results": tr("Bảng tổng hợp kết quả (PDF, Excel)"),
        "annex": tr("Phụ lục danh sách sản phẩm (PDF, Excel)"),
        "feedback": tr("Phiếu góp ý hoàn thiện sản phẩm"),
        "minutes": tr("Biên bản họp hội đồng"),
        "certificates": tr("Giấy chứng nhận (PDF, sổ Excel)"),
        "ballots": tr("Phiếu chấm Excel"),
    }
    return words.get(kind, kind)


def settings() -> QSettings:
    return QSettings()


def default_folder(db_path: Path, round_id: str, round_name: str) -> Path:
    """The folder last used for this round; else one named after the round next to the data file, or in the
    person's Documents when the data file sits in the application's own hidden folder (the demo round)."""
    remembered = settings().value(FOLDER_KEY.format(round_id=round_id))
    if remembered:
        return Path(str(remembered))
    app_data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    base = db_path.parent
    if base.is_relative_to(app_data):
        base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return base / f"tai-lieu-{slug(round_name) or 'dot-danh-gia'}"


CERTIFICATES_STEM = "giay-chung-nhan"  # the certificates' files: made only once a recognition decision is recorded


class DocumentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer: Render | None = None
        # asked before a batch starts, on the GUI thread (the window unlocks the signing key for certificates)
        self.prepare: Callable[[tuple[str, ...]], bool] | None = None
        self.round_id: str | None = None
        self.running: Running | None = None
        self.asked: tuple[str, ...] = ()  # the kinds of the last batch started
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)

        kinds_box = QGroupBox(tr("Tài liệu cần tạo"))
        kinds_layout = QVBoxLayout(kinds_box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        # beside the Excel ballots they were made with, the returned ones come back (the window connects it and
        # says who may: `can_import_ballots`)
        self.import_ballots_button = QPushButton(tr("Nhập phiếu chấm Excel…"))
        self.import_ballots_button.setToolTip(tr("Nhập tệp phiếu chấm Excel một thành viên đã điền và gửi lại"))
        self.can_import_ballots = False
        for kind in KINDS:
            box = QCheckBox(kind_label(kind))
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.kind_boxes[kind] = box
            if kind == "ballots":
                row = QHBoxLayout()
                row.addWidget(box)
                row.addStretch(1)
                row.addWidget(self.import_ballots_button)
                kinds_layout.addLayout(row)
            else:
                kinds_layout.addWidget(box)

        self.folder = QLineEdit()
        self.folder.textChanged.connect(self._update_buttons)
        self.choose_button = QPushButton(tr("Chọn…"))
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.generate_button = QPushButton(tr("Tạo tài liệu"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        files_box = QGroupBox(tr("Tệp đã tạo"))
        self.files = QListWidget()
        self.files.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.files.itemActivated.connect(lambda _item: self.preview_selected())
        self.preview_button = QPushButton(tr("Xem trước"))
        self.open_button = QPushButton(tr("Mở bằng ứng dụng khác"))
        self.print_button = QPushButton(tr("In…"))
        self.folder_button = QPushButton(tr("Mở thư mục"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.folder_button.clicked.connect(self.open_folder)
        actions = QGridLayout()
        actions.addWidget(self.preview_button, 0, 0)
        actions.addWidget(self.open_button, 0, 1)
        actions.addWidget(self.print_button, 1, 0)
        actions.addWidget(self.folder_button, 1, 1)
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.files, 1)
        files_layout.addLayout(actions)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(kinds_box)
        left_layout.addWidget(QLabel(tr("Thư mục lưu")))
        left_layout.addLayout(folder_row)
        left_layout.addWidget(self.generate_button)
        left_layout.addWidget(self.status)
        left_layout.addWidget(files_box, 1)
        self.preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    # the round ------------------------------------------------------------------------------------------------

    def set_round(self, round_id: str, title: str, folder: Path, render: Render, *, can_import: bool = False) -> None:
        if round_id != self.round_id:
            self.files.clear()
            self.preview.clear()
            self.status.clear()
            self.folder.setText(str(folder))
        self.round_id, self.renderer, self.can_import_ballots = round_id, render, can_import
        self.title.setText(title)
        self._update_buttons()

    def chosen_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, box in self.kind_boxes.items() if box.isChecked())

    def _choose_folder(self) -> None:
        folder = file_dialogs.choose_folder(self, "documents", tr("Thư mục lưu tài liệu"), self.folder.text())
        if folder is not None:
            self.folder.setText(str(folder))

    # making the documents -----------------------------------------------------------------------------------

    def generate(self) -> None:
        """Start the batch; the window stays responsive and the result arrives in `_done` or `_failed`."""
        kinds, folder, render = self.chosen_kinds(), Path(self.folder.text().strip()), self.renderer
        if self.running is not None or render is None or self.round_id is None or not kinds or not folder.name:
            return
        if self.prepare is not None and not self.prepare(kinds):
            return
        settings().setValue(FOLDER_KEY.format(round_id=self.round_id), str(folder))
        self.asked = kinds
        self.files.clear()
        self.preview.clear()
        self.status.setText(tr("Đang tạo tài liệu…"))
        self.running = start_with_progress(
            self,
            tr("Tài liệu của đợt"),
            lambda report: render(kinds, folder, report),
            describe=self._step,
            on_success=self._done,
            on_failure=self._failed,
        )
        self._update_buttons()

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self.running.dialog if self.running is not None else None

    def _step(self, kind: str) -> str:
        if not kind:
            return tr("Đang kiểm tra số liệu…")
        return tr("Đang tạo: {document}").format(document=kind_label(kind))

    def _done(self, written: list[Path]) -> None:
        self.running = None
        self.show_made(Path(self.folder.text().strip()), written)
        if "certificates" in self.asked and not any(p.name.startswith(CERTIFICATES_STEM) for p in written):
            self.status.setText(
                self.status.text()
                + "\n"
                + tr(
                    "Không có giấy chứng nhận: đợt chưa có quyết định công nhận "
                    "(trang Kết quả → Ghi quyết định công nhận…)."
                )
            )

    def show_made(self, folder: Path, written: list[Path]) -> None:
        """The page as after making `written` in `folder` (also for files made elsewhere: the demo's screenshot)."""
        self.folder.setText(str(folder))
        self._list(written)
        self.status.setText(tr("Đã tạo {count} tệp trong thư mục {folder}", count=len(written), folder=folder))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.running = None
        from ocop_desktop.services.round_documents import DocumentsCancelled  # loaded by the batch that failed

        if isinstance(exc, DocumentsCancelled):
            self._list(list(exc.written))
            kept = ", ".join(p.name for p in exc.written) or tr("không có")
            self.status.setText(
                tr("Đã dừng theo yêu cầu. Đã ghi đầy đủ: {kept}. Chưa ghi: {missing}.").format(
                    kept=kept, missing=", ".join(exc.not_written)
                )
            )
        else:
            if isinstance(exc, UserFacingError):
                lines = "\n".join(f"• {describe(p, current_lang())}" for p in exc.problems)
                self.status.setText(tr("Không tạo tài liệu nào:") + "\n" + lines)
            else:
                self.status.setText(tr("Không tạo tài liệu nào."))
            show_error(self, exc)
        self._update_buttons()

    def _list(self, paths: list[Path]) -> None:
        """The files made, named as they sit in the folder (a member's Excel ballots under phieu-excel/)."""
        self.files.clear()
        base = Path(self.folder.text().strip())
        for path in paths:
            item = QListWidgetItem(path.relative_to(base).as_posix() if path.is_relative_to(base) else path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.files.addItem(item)
        if paths:
            self.files.setCurrentRow(0)

    # what to do with a file ---------------------------------------------------------------------------------

    def selected(self) -> Path | None:
        item = self.files.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def preview_selected(self) -> None:
        """A file that cannot be shown (moved, locked, damaged) is said by name and logged, the preview left empty."""
        path = self.selected()
        if path is None or path.suffix != ".pdf":
            return
        try:
            self.preview.show_pdf(path)
        except UserFacingError as exc:
            log.warning("no preview of %s", path, exc_info=exc)
            show_error(self, exc)

    def open_selected(self) -> None:
        """In the system's own viewer or spreadsheet program (a local file: nothing goes on the network)."""
        path = self.selected()
        if path is not None:
            open_in_system(self, path)

    def open_folder(self) -> None:
        folder = Path(self.folder.text().strip())
        if folder.is_dir():
            open_in_system(self, folder)

    def choose_printer(self, path: Path) -> QPrinter | None:
        """The system's print dialog for `path`; None when the person closes it."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("In {name}").format(name=path.name))
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_selected(self) -> None:
        """Pages go to the printer one by one behind a progress bar; Cancel stops after the page being sent."""
        path = self.selected()
        if path is None or path.suffix != ".pdf":
            return
        printer = self.choose_printer(path)
        if printer is None:
            return
        dialog = QProgressDialog(tr("Đang in {name}…").format(name=path.name), tr("Hủy"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def on_page(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)  # a modal progress dialog lets events through here, so Cancel is seen
            return not dialog.wasCanceled()

        try:
            printed = print_pdf(path, printer, on_page)
        except UserFacingError as exc:
            log.warning("cannot print %s", path, exc_info=exc)
            show_error(self, exc)
            return
        except (OSError, RuntimeError) as exc:  # logged by show_error, with its traceback
            show_error(self, exc)
            return
        finally:
            dialog.reset()
            dialog.deleteLater()
        self.status.setText(tr("Đã gửi {printed} trang của {name} tới máy in.", printed=printed, name=path.name))

    def _update_buttons(self) -> None:
        idle = self.running is None
        path = self.selected()
        ready = idle and self.renderer is not None and bool(self.chosen_kinds()) and bool(self.folder.text().strip())
        self.generate_button.setEnabled(ready)
        for button in (self.preview_button, self.print_button):
            button.setEnabled(idle and path is not None and path.suffix == ".pdf")
        self.open_button.setEnabled(idle and path is not None)
        self.import_ballots_button.setEnabled(idle and self.can_import_ballots and self.round_id is not None)
        self.folder_button.setEnabled(idle and bool(self.folder.text().strip()))
