"""The secretary prepares a round through the real dialogs: council, members, round, session, a dossier typed
in the form (a wrong phone number is refused under the form, nothing saved), and a list imported from Excel."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ocop_desktop.domain.enums import MemberRole, Role
from ocop_desktop.models import Council, CouncilMember, Dossier, MeetingSession, Producer, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages import setup as setup_page_module
from ocop_desktop.ui.pages.setup import view as setup_view

PASSWORD = "mat-khau-thu-ky"


@pytest.fixture
def secretary_window(qtbot: QtBot, empty_db: Database) -> MainWindow:
    admin = accounts.authenticate(empty_db, username="quantri", password="ocop-demo-2026")
    accounts.create_user(
        empty_db, actor=admin, username="thuky", full_name="Vũ Thị Lan", password=PASSWORD, roles={Role.SECRETARY}
    )
    secretary = accounts.authenticate(empty_db, username="thuky", password=PASSWORD)
    window = MainWindow(empty_db, secretary)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGES.index("setup"))
    return window


def answer(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None], messages: list[str] | None = None) -> None:
    """The next form dialog is filled by `fill` and its OK pressed; what it showed under the form is kept."""

    def exec_(dialog: Any) -> int:
        fill(dialog)
        dialog.try_accept()
        if messages is not None:
            messages.append(dialog.errors.text())
        return int(dialog.result() == QDialog.DialogCode.Accepted)

    monkeypatch.setattr(setup_view.FormDialog, "exec", exec_)


def test_secretary_prepares_a_round(
    secretary_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = secretary_window
    db = window.db
    assert db is not None
    page = window.setup_page
    assert "Chưa có hội đồng" in page.council_label.text()

    def council(d: Any) -> None:
        d.name.setText("Hội đồng OCOP tỉnh Thái Nguyên")
        d.issuing_body.setText("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN")

    answer(monkeypatch, council)
    page.new_council.click()
    for name, role in (("Nguyễn Văn Thành", MemberRole.CHAIR), ("Trần Thị Hương", MemberRole.MEMBER)):

        def member(d: Any, name: str = name, role: MemberRole = role) -> None:
            d.full_name.setText(name)
            d.role.setCurrentIndex(d.role.findData(role))

        answer(monkeypatch, member)
        page.add_member.click()
    assert page.members.rowCount() == 2

    def new_round(d: Any) -> None:
        d.name.setText("Đợt 1 năm 2027")
        d.year.setValue(2027)

    answer(monkeypatch, new_round)
    page.new_round.click()
    assert window.round_id is not None

    def session(d: Any) -> None:
        d.date.setText("20/03/2027")

    answer(monkeypatch, session)
    page.add_session.click()

    closing_errors: list[str] = []
    answer(monkeypatch, lambda d: d.closed.setText("4 giờ chiều"), closing_errors)
    page.close_session.click()
    assert (
        "Giờ phải viết dạng giờ:phút, ví dụ 08:00 hoặc 16:30 (nhận được: 4 giờ chiều)" in closing_errors[-1]
    )  # refused under the form, nothing saved
    answer(monkeypatch, lambda d: d.closed.setText("16:30"), closing_errors)
    page.close_session.click()
    with db.reading() as s:
        assert s.scalars(select(MeetingSession.closed_at)).one() == "16:30"

    shown: list[str] = []

    def bad_dossier(d: Any) -> None:
        d.producer.setText("Hợp tác xã Chè Tân Cương")
        d.phone.setText("12345")
        d.product.setText("Chè búp")
        d.submitted.setText("15/02/2027")

    answer(monkeypatch, bad_dossier, shown)
    page.add_dossier.click()
    assert "Trường «điện thoại»: số điện thoại «12345» không hợp lệ" in shown[-1]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Producer)) == 0

    def good_dossier(d: Any) -> None:
        bad_dossier(d)
        d.phone.setText("0912 345 678")
        d.address.select("19", None)
        d.address.filter.setText("tan cuong")  # typed without accents
        d.sheet.setCurrentIndex(d.sheet.findData("QD26-2026-11"))

    answer(monkeypatch, good_dossier, shown)
    page.add_dossier.click()
    assert shown[-1] == ""
    with db.reading() as s:
        producer = s.scalars(select(Producer)).one()
        assert (producer.province_code, producer.commune_code) == ("19", "05503")
        assert s.scalars(select(MeetingSession.date)).one().isoformat() == "2027-03-20"
        assert s.scalars(select(Round.name)).one() == "Đợt 1 năm 2027"
        assert s.scalar(select(func.count()).select_from(CouncilMember)) == 2
        assert s.scalars(select(Council.issuing_body)).one() == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"

    template = tmp_path / "ds.xlsx"
    monkeypatch.setattr(setup_view, "choose_excel", lambda *_a, **_k: template)
    monkeypatch.setattr(setup_page_module, "choose_excel", lambda *_a, **_k: template)
    page.excel_template.click()
    assert template.exists()
    book = load_workbook(template)
    assert book.sheetnames == ["Danh sách hồ sơ", "Ví dụ", "Danh mục xã"]
    communes = [r[0] for r in book["Danh mục xã"].iter_rows(min_row=2, values_only=True)]
    assert "05503" in communes and len(communes) == 3321  # the settings name no province: the whole country
    book.worksheets[0].append([cell.value for cell in book["Ví dụ"][2]])  # filled as the example shows
    book.save(template)
    previews: list[str] = []
    monkeypatch.setattr(
        setup_page_module.ImportPreviewDialog, "exec", lambda self: previews.append(self.summary.text()) or 1
    )
    page.import_excel.click()
    assert previews == ["1 hồ sơ hợp lệ, sẵn sàng lưu."]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 2
    assert "Đã nhập 1 hồ sơ từ ds.xlsx" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(PAGES.index("round"))  # the agenda, with both
    assert window.round_page.model.rowCount() == 2


def test_attachments_are_added_checked_and_previewed(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import hashlib

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage

    from ocop_desktop.ui import file_dialogs

    secretary = accounts.authenticate(demo_db, username="thuky", password="ocop-demo-2026")
    window = MainWindow(demo_db, secretary)
    qtbot.addWidget(window)
    picture = tmp_path / "Ảnh sản phẩm.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    image.save(str(picture))
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: picture)
    window.nav.setCurrentRow(PAGES.index("dossier"))
    page = window.dossier_page
    before = page.attachments.count()
    page.add_button.click()
    assert page.attachments.count() == before + 1
    item = page.attachments.item(before)
    assert item.text().startswith("Ảnh sản phẩm.png")
    page.attachments.setCurrentItem(item)
    assert hashlib.sha256(picture.read_bytes()).hexdigest() in page.checksum.text()
    pixmap = page.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    assert item.data(Qt.ItemDataRole.UserRole)


def _release(pipe: Path) -> None:
    with contextlib.suppress(OSError):  # no reader waiting: nothing to release
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))


def test_a_named_pipe_chosen_as_an_attachment_is_refused_at_once(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ocop_desktop.ui import file_dialogs

    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    pipe = tmp_path / "Phieu-dang-ky.pdf"
    os.mkfifo(pipe)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    secretary = accounts.authenticate(demo_db, username="thuky", password="ocop-demo-2026")
    window = MainWindow(demo_db, secretary)
    qtbot.addWidget(window)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: pipe)
    window.nav.setCurrentRow(PAGES.index("dossier"))
    page = window.dossier_page
    before = page.attachments.count()
    release = threading.Timer(15, _release, (pipe,))  # should the page open the pipe, a writer ends its wait
    release.start()
    try:
        started = time.monotonic()
        page.add_button.click()
        assert time.monotonic() - started < 10
    finally:
        release.cancel()
    assert page.attachments.count() == before
    assert shown == ["• Tệp «Phieu-dang-ky.pdf»: đây không phải một tệp mà là một ống dẫn có tên (named pipe); "
                     "không mở, không có gì thay đổi — hãy chọn một tệp"]  # fmt: skip


def test_first_run_creates_the_administrator_then_signs_in(qtbot: QtBot, tmp_path: Path) -> None:
    from ocop_desktop.ui.dialogs import SignInDialog

    with Database.open(tmp_path / "moi.ocopdb", create=True) as db:
        first = SignInDialog(db)
        qtbot.addWidget(first)
        assert first.first_run and first.windowTitle() == "Tạo tài khoản quản trị"
        first.username.setText("quantri")
        first.full_name.setText("Nguyễn Thị Quản Trị")
        first.password.setText("ngắn")
        first._accept()
        assert first.actor is None and "mật khẩu cần ít nhất 8 ký tự" in first.message.text().lower()
        first.password.setText("mật-khẩu-dài")
        first._accept()
        assert first.actor is not None and first.actor.roles == {Role.ADMIN, Role.SECRETARY}
        again = SignInDialog(db)
        qtbot.addWidget(again)
        assert not again.first_run and again.windowTitle() == "Đăng nhập"
        again.username.setText("quantri")
        again.password.setText("sai")
        again._accept()
        assert again.actor is None and "không đúng" in again.message.text()


def test_secretary_corrects_council_member_and_producer(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    secretary = accounts.authenticate(demo_db, username="thuky", password="ocop-demo-2026")
    window = MainWindow(demo_db, secretary)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGES.index("setup"))
    answer(monkeypatch, lambda d: (d.numerator.setValue(3), d.denominator.setValue(4)))
    window.setup_page.edit_council.click()
    answer(monkeypatch, lambda d: d.position.setText("Giám đốc Sở Công Thương"))
    window.setup.edit_member(2)  # what double-clicking the third member does
    shown: list[str] = []
    window.nav.setCurrentRow(PAGES.index("dossier"))
    answer(monkeypatch, lambda d: (d.phone.setText("12"), d.product.setText("Chè búp Tân Cương loại 1")), shown)
    window.dossier_page.edit_button.click()
    assert "số điện thoại «12» không hợp lệ" in shown[-1]
    answer(
        monkeypatch, lambda d: (d.phone.setText("0988 111 222"), d.product.setText("Chè búp Tân Cương loại 1")), shown
    )
    window.dossier_page.edit_button.click()
    with demo_db.reading() as s:
        council = s.scalars(select(Council)).one()
        assert (council.quorum_numerator, council.quorum_denominator) == (3, 4)
        member = s.scalars(select(CouncilMember).where(CouncilMember.full_name == "Lê Đức Thắng")).one()
        assert member.position == "Giám đốc Sở Công Thương"
        from ocop_desktop.models import Product

        assert s.scalars(select(Product.name).where(Product.name.like("%loại 1"))).one() == "Chè búp Tân Cương loại 1"
        assert (
            s.scalars(select(Producer.phone).where(Producer.name == "Hợp tác xã Chè Tân Cương")).one() == "0988 111 222"
        )


def test_commune_opinion_advisory_report_and_self_assessment_are_entered(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    secretary = accounts.authenticate(demo_db, username="thuky", password="ocop-demo-2026")
    window = MainWindow(demo_db, secretary)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGES.index("dossier"))

    def assessments(d: Any) -> None:
        text, check = next(iter(d.items.values()))
        text.setText("Nguyên liệu 100% trong tỉnh")
        check.setChecked(True)
        d.report.setPlainText("Tổ tư vấn đã khảo sát cơ sở ngày 12/9/2026.")

    answer(monkeypatch, assessments)
    window.dossier_page.assessments_button.click()
    assert "Tổ tư vấn đã khảo sát cơ sở" in window.dossier_page.text.toPlainText()
    shown: list[str] = []
    answer(monkeypatch, lambda d: next(iter(d.fields.values())).setText("x"), shown)
    window.dossier_page.self_button.click()
    assert "phải là một số nguyên" in shown[-1]
    answer(monkeypatch, lambda d: [f.setText("1") for f in d.fields.values()], shown)
    window.dossier_page.self_button.click()
    assert "Tổng điểm tự đánh giá" in window.dossier_page.text.toPlainText()
    window.nav.setCurrentRow(PAGES.index("results"))
    assert "Tự đánh giá của chủ thể:" in window.results_page.summary.text()


@pytest.mark.parametrize(("username", "enabled"), [("thuky", True), ("tv1", False), ("canbotinh", False)])
def test_only_the_secretary_records_when_a_session_ended(
    qtbot: QtBot, demo_db: Database, username: str, enabled: bool
) -> None:
    window = MainWindow(demo_db, accounts.authenticate(demo_db, username=username, password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGES.index("setup"))
    assert window.setup_page.close_session.isEnabled() is enabled
    assert window.setup_page.add_session.isEnabled() is enabled


def test_the_council_policy_above_its_authority_is_chosen_and_shown(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    secretary = accounts.authenticate(demo_db, username="thuky", password="ocop-demo-2026")
    window = MainWindow(demo_db, secretary)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGES.index("setup"))
    page = window.setup_page
    assert "Sản phẩm vượt thẩm quyền: Đề nghị cấp trên và chờ" in page.council_label.text()
    shown: dict[str, str] = {}

    def choose(d: Any) -> None:
        shown["before"] = d.above_authority.currentData()
        d.above_authority.setCurrentIndex(d.above_authority.findData("recognise_within_authority"))

    answer(monkeypatch, choose)
    page.edit_council.click()
    assert shown["before"] == "refer_and_wait"
    with demo_db.reading() as s:
        assert s.scalars(select(Council.above_authority)).one() == "recognise_within_authority"
    assert "Công nhận ngay hạng sao cao nhất trong thẩm quyền" in page.council_label.text()
