"""What a person sees before a data file is open, and while nobody is signed in to the open one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.ui.i18n import tr


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


class SignedOutPage(QWidget):
    """The file stays open and nothing of it shows until somebody signs in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = QLabel()
        self.file.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(tr("Không có ai đăng nhập. Dữ liệu đã lưu; không có gì hiện trên màn hình."))
        note.setStyleSheet("font-size: 13pt;")
        self.sign_in_button = QPushButton(tr("Đăng nhập…"))
        self.member_button = QPushButton(tr("Thành viên chấm điểm (tên và mã PIN)…"))
        self.open_button = QPushButton(tr("Mở tệp dữ liệu khác…"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (note, self.file, self.sign_in_button, self.member_button, self.open_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        for button in (self.sign_in_button, self.member_button, self.open_button):
            button.setMinimumWidth(360)
        layout.addStretch(2)
