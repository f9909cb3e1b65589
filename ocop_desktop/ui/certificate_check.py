"""Help → Kiểm tra giấy chứng nhận: the text a phone's scanner showed, pasted, or a photo, scan or PDF of a
certificate, opened; every QR code in it verified offline and the verdict said plainly (valid — issued by whom,
with the certificate's number, product, stars, holder and validity — or invalid, or an unknown issuer). A file
that is no picture or PDF, too large a picture, or one with no code is said by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.services.certificate_seal import Seal, payloads_in_file, verdict_lines, verify_payload
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import Dialog, name_buttons
from ocop_desktop.ui.i18n import current_lang, tr

VALID_STYLE = "color: #1b5e20;"
INVALID_STYLE = "color: #b71c1c;"


class CertificateCheckDialog(Dialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Kiểm tra giấy chứng nhận"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Dán nội dung mà ứng dụng quét mã QR trên điện thoại hiển thị, hoặc mở ảnh chụp, ảnh quét (PNG, "
                "JPEG) hay tệp PDF của giấy chứng nhận. Chữ ký số trong mã được kiểm tra ngay trên máy, không cần "
                "mạng."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("Nội dung mã QR (dòng đầu bắt đầu bằng số giấy chứng nhận)"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.check_button = QPushButton(tr("&Kiểm tra nội dung đã dán"))
        self.check_button.clicked.connect(self.check_text)
        self.open_button = QPushButton(tr("&Mở ảnh hoặc PDF…"))
        self.open_button.clicked.connect(self.check_file)
        row.addWidget(self.check_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.verdict, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)

    def check_text(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self._say(tr("Chưa có nội dung nào để kiểm tra: hãy dán nội dung mã QR vào ô trên."), valid=False)
            return
        self._verify([text], None)

    def check_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            "certificate-check",
            tr("Chọn ảnh hoặc tệp PDF của giấy chứng nhận"),
            tr("Ảnh hoặc PDF (*.png *.jpg *.jpeg *.pdf);;Mọi tệp (*)"),
        )
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            payloads = payloads_in_file(path)
        except UserFacingError as exc:
            self._say("\n".join(describe(p, current_lang()) for p in exc.problems), valid=False)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._verify(payloads, path.name)

    def _verify(self, payloads: list[str], file: str | None) -> None:
        lang = current_lang()
        blocks = [tr("Tệp {file}: {n} mã QR", file=file, n=len(payloads))] if file is not None else []
        all_valid = True
        try:
            for payload in payloads:
                check = verify_payload(payload)
                all_valid = all_valid and check.seal is Seal.VALID
                blocks.append("\n".join(verdict_lines(check, lang)))
        except UserFacingError as exc:  # the registry of trusted keys cannot be read (a damaged revocation)
            self._say("\n".join(describe(p, lang) for p in exc.problems), valid=False)
            return
        self._say("\n\n".join(blocks), valid=all_valid)

    def _say(self, text: str, *, valid: bool) -> None:
        self.verdict.setStyleSheet(VALID_STYLE if valid else INVALID_STYLE)
        self.verdict.setText(text)
