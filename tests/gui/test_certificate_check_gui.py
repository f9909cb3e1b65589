"""Help → Kiểm tra giấy chứng nhận, offscreen: the text a phone's scanner showed is pasted and judged valid with the
certificate's facts; the same text with the stars raised is invalid; a PNG of a printed certificate is opened and
judged; a file that is no picture is refused by its name, and an empty box is said, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.documents import certificate
from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.services.round_documents import render_round_documents
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.certificate_check import CertificateCheckDialog
from ocop_desktop.ui.main_window import MainWindow
from tests.gui.people import Dialogs


@pytest.fixture
def certificates_pdf(demo_db: Database, tmp_path: Path) -> Path:
    with demo_db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    return render_round_documents(demo_db, actor=SYSTEM, round_id=round_id, out=tmp_path, kinds=("certificates",))[0]


def _paste(dialog: CertificateCheckDialog, text: str) -> None:
    """Select what is in the box and paste over it with Ctrl+V, as a person does with what the phone sent."""
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    dialog.text.setFocus()
    QTest.keyClick(dialog.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_help_menu_checks_pasted_text_a_photo_and_refuses_what_is_no_picture(
    qtbot: QtBot, demo_db: Database, certificates_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    document = pypdfium2.PdfDocument(str(certificates_pdf))
    photo = tmp_path / "giay-chung-nhan-trang-1.png"
    document[0].render(scale=150 / 72).to_pil().save(photo)
    document.close()
    not_a_photo = tmp_path / "anh-giay.jpg"
    not_a_photo.write_text("không phải ảnh", encoding="utf-8")
    chosen = iter([photo, not_a_photo])
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: next(chosen))
    window = MainWindow(demo_db, accounts.authenticate(demo_db, username="thuky", password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    said: list[str] = []

    def check(dialog: Any) -> None:
        assert isinstance(dialog, CertificateCheckDialog)
        QTest.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        said.append(dialog.verdict.text())  # nothing pasted yet
        _paste(dialog, payload + "\n")  # a scanner's line ending
        assert dialog.text.toPlainText().startswith("0001/2026/GCN-OCOP · Chè búp Tân Cương đặc biệt · 4 sao")
        QTest.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        said.append(dialog.verdict.text())
        _paste(dialog, payload.replace(" · 4 sao · ", " · 5 sao · "))
        QTest.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        said.append(dialog.verdict.text())
        for _ in range(2):
            QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
            said.append(dialog.verdict.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    dialogs = Dialogs(monkeypatch).expect(CertificateCheckDialog, check)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp")
    action = next(a for a in help_menu.actions() if a.text() == "Kiểm tra giấy chứng nhận…")
    action.trigger()
    dialogs.done()
    empty, valid, raised, from_photo, refused = said
    assert empty == "Chưa có nội dung nào để kiểm tra: hãy dán nội dung mã QR vào ô trên."
    assert valid.startswith("HỢP LỆ: giấy chứng nhận do chính cài đặt này cấp")
    for fact in (
        "Số giấy chứng nhận: 0001/2026/GCN-OCOP",
        "Tên sản phẩm: Chè búp Tân Cương đặc biệt",
        "Hạng sao: 4",
        "Chủ thể: HTX Chè Tân Cương",
        "Có giá trị đến: 02/11/2029",
    ):
        assert fact in valid, fact
    assert raised.startswith("KHÔNG HỢP LỆ: nội dung đã bị sửa")
    assert from_photo.startswith("Tệp giay-chung-nhan-trang-1.png: 1 mã QR\n\nHỢP LỆ: giấy chứng nhận do")
    assert "Số giấy chứng nhận: 0001/2026/GCN-OCOP" in from_photo
    assert "anh-giay.jpg" in refused and "tệp không phải ảnh (PNG, JPEG) hay PDF đọc được" in refused
    assert "Traceback" not in refused
