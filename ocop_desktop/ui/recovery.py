"""When a data file does not open (damaged, not a data file of ours, or from a newer version), or the check after
opening finds it damaged: say what is wrong with which file, and offer the latest good backup from the folder
beside it — when it was taken and what would be lost since — restored through the verified restore, the damaged
file kept aside under another name; or another file; or nothing. A file from a newer version is never offered a
restore: the person is told to update the program instead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.services import backups
from ocop_desktop.services.backups import GoodBackup
from ocop_desktop.ui.dialogs import inform, name_buttons, show_error
from ocop_desktop.ui.i18n import current_lang, tr

RESTORED = "restored"
OTHER_FILE = "other"


def when(moment: dt.datetime) -> str:
    """A moment as people read it, in this computer's time: "14:05 ngày 20/11/2026"."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return tr("{time} ngày {date}").format(time=local.strftime("%H:%M"), date=format_vi_date(local.date()))


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _label(text: str = "", *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    return label


class RecoveryDialog(QDialog):
    """What is wrong with the file and what can be done. `choice` is RESTORED or OTHER_FILE once accepted."""

    def __init__(
        self, parent: QWidget | None, path: Path, problems: tuple[Problem, ...], good: GoodBackup | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Không mở được tệp dữ liệu"))
        self.setMinimumWidth(680)
        self.choice: str | None = None
        self.newer = any(p.code == "db.too_new" for p in problems)
        self.good = good if backups.recoverable(problems) else None
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_label(tr("Không mở được tệp dữ liệu:"), bold=True))
        layout.addWidget(_label(str(path)))
        # the path is said once above; each problem's own words follow without it
        self.what = _label("\n".join(f"• {describe(Problem(p.code, p.params), current_lang())}" for p in problems))
        self.what.setStyleSheet("color: #a00;")
        layout.addWidget(self.what)
        self.advice = _label()
        layout.addWidget(self.advice)
        self.backup_text = _label()
        layout.addWidget(self.backup_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        self.restore_button = QPushButton(tr("Khôi phục bản sao lưu này"))
        self.other_button = QPushButton(tr("Mở tệp khác…"))
        self.restore_button.clicked.connect(lambda: self._choose(RESTORED))
        self.other_button.clicked.connect(lambda: self._choose(OTHER_FILE))
        if self.good is not None:
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setDefault(True)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.restore_button.setVisible(self.good is not None)
        self._explain(path, problems)
        self.backup_text.setVisible(bool(self.backup_text.text()))
        self.advice.setVisible(bool(self.advice.text()))
        self.resize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))  # wrapped lines, no gaps

    def _explain(self, path: Path, problems: tuple[Problem, ...]) -> None:
        if self.newer:
            self.advice.setText(
                tr(
                    "Tệp này được tạo bằng một phiên bản OCOP Desktop mới hơn phiên bản trên máy này. Hãy cập nhật "
                    "phần mềm rồi mở lại tệp. Không khôi phục bản sao lưu cũ: sẽ mất những gì phiên bản mới đã ghi."
                )
            )
            return
        if not backups.recoverable(problems):
            return
        self.advice.setText(
            tr(
                "Tệp có thể đã bị hỏng (mất điện, rút USB khi đang ghi, ổ đĩa lỗi) hoặc bị một tệp khác ghi đè. "
                "Phần mềm tự sao lưu tệp vào thư mục «backups» bên cạnh nó."
            )
        )
        if self.good is None:
            self.backup_text.setText(
                tr("Không tìm thấy bản sao lưu dùng được trong thư mục {folder}.").format(
                    folder=path.parent / "backups"
                )
            )
            return
        good = self.good
        since = good.last_change or (good.taken.astimezone() if good.taken else None)
        lines = [
            tr("Bản sao lưu tốt gần nhất (đã kiểm tra): {time}.").format(time=when(good.taken) if good.taken else "—"),
            tr("Thay đổi cuối cùng ghi trong bản sao lưu: {time}.").format(time=when(since) if since else "—"),
        ]
        modified = _modified(path)
        if modified is not None and since is not None:
            lines.append(
                tr(
                    "Tệp hỏng được ghi lần cuối lúc {modified}: những gì nhập từ {since} đến lúc đó không có trong "
                    "bản sao lưu và phải nhập lại."
                ).format(modified=when(modified), since=when(since))
            )
        lines.append(
            tr("Tệp hỏng không bị xóa: nó được đổi tên và giữ lại trong cùng thư mục, để chuyên viên xem lại.")
        )
        self.backup_text.setText("\n".join(lines))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def offer_recovery(parent: QWidget | None, path: Path, exc: UserFacingError) -> str | None:
    """Show what is wrong with `path` and do what the person chooses: RESTORED (the backup is in place; open the
    file again), OTHER_FILE (they want to choose another file) or None."""
    good = None
    if backups.recoverable(exc.problems):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            good = backups.latest_good_backup(path)
        finally:
            QGuiApplication.restoreOverrideCursor()
    dialog = RecoveryDialog(parent, path, exc.problems, good)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
        return None
    if dialog.choice == OTHER_FILE or good is None:
        return OTHER_FILE
    try:
        kept = backups.restore(path, good.path)
    except (UserFacingError, OSError) as error:
        show_error(parent, error)
        return None
    inform(
        parent,
        tr("Đã khôi phục"),
        tr("Đã khôi phục {file} từ bản sao lưu lúc {time}.\nTệp hỏng được giữ lại với tên {kept}.").format(
            file=path.name, time=when(good.taken) if good.taken else good.path.name, kept=kept.name if kept else "—"
        ),
    )
    return RESTORED
