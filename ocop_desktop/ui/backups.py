"""Backups from the File menu: one made now (off the GUI thread, then where and how large), and a restore of a
backup the person chooses from the folder beside the open file — checked before anything changes, confirmed with
what would be lost since, the current file kept as a backup of its own (never deleted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services import backups
from ocop_desktop.services.backups import BackupEntry, GoodBackup
from ocop_desktop.ui.dialogs import Dialog, name_buttons, open_in_system
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.recovery import when
from ocop_desktop.ui.words import backup_reason_text


def size_text(size: int) -> str:
    """A file size as people read it: "2,4 MB", "830 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


def open_backup_folder(path: Path) -> None:
    """The folder in the system's file manager (made first, so that it opens even before the first backup)."""
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    open_in_system(None, folder)


class RestoreDialog(Dialog):
    """The backups beside the open file, newest first: when, why, how large. `chosen` is the one to restore."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Khôi phục từ bản sao lưu"))
        self.path = path
        self.entries: list[BackupEntry] = backups.list_backups(path)
        self.chosen: BackupEntry | None = None
        intro = QLabel(
            tr(
                "Các bản sao lưu của tệp {file} trong thư mục {folder}, mới nhất ở trên. Chọn một bản: phần mềm kiểm "
                "tra nó trước, rồi hỏi lại trước khi thay tệp đang mở."
            ).format(file=path.name, folder=backup_folder(path))
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.entries), 3)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([tr("Thời điểm sao lưu"), tr("Lý do"), tr("Dung lượng")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, entry in enumerate(self.entries):
            size = QTableWidgetItem(size_text(entry.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(
                (QTableWidgetItem(when(entry.taken)), QTableWidgetItem(backup_reason_text(entry.reason)), size)
            ):
                item.setToolTip(entry.path.name)
                self.table.setItem(row, column, item)
        self.empty = QLabel(tr("Chưa có bản sao lưu nào của tệp này."))
        self.empty.setVisible(not self.entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        self.restore_button = QPushButton(tr("Khôi phục bản đã chọn…"))
        self.restore_button.setEnabled(False)
        self.folder_button = QPushButton(tr("Mở thư mục sao lưu"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._choose)
        self.folder_button.clicked.connect(lambda: open_backup_folder(path))
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._choose())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.entries[rows[0].row()]
        self.accept()


def loss_text(path: Path, good: GoodBackup) -> str:
    """What restoring `good` over `path` loses: everything recorded in the open file after the backup's last change."""
    current = backups.last_change(path)
    since = good.last_change
    lines = [
        tr("Khôi phục tệp {file} từ bản sao lưu lúc {time}?").format(
            file=path.name, time=when(good.taken) if good.taken else good.path.name
        ),
        tr("Bản sao lưu đã được kiểm tra: đọc được, đầy đủ, mọi giá trị hợp lệ."),
    ]
    if since is not None:
        lines.append(tr("Thay đổi cuối cùng ghi trong bản sao lưu: {time}.").format(time=when(since)))
    if current is not None and (since is None or current > since):
        lines.append(
            tr(
                "Tệp đang mở có thay đổi đến {current}: mọi điều ghi sau {since} sẽ không còn trong tệp sau khi khôi "
                "phục."
            ).format(current=when(current), since=when(since) if since else "—")
        )
    else:
        lines.append(tr("Tệp đang mở không có thay đổi nào sau bản sao lưu này."))
    lines.append(
        tr(
            "Tệp hiện tại không bị xóa: nó được sao lưu trước (lý do «trước khi khôi phục») và giữ trong "
            "thư mục sao lưu."
        )
    )
    lines.append(tr("Sau khi khôi phục, tệp được mở lại và mọi người cần đăng nhập lại."))
    return "\n".join(lines)
