"""One council meeting from set-up to approved results, through the real windows only: the secretary prepares
the round in the dialogs, five members take turns on the shared laptop with their PIN and score three products
from the keyboard (one recusal; one product over the spread limit, discussed and re-scored; one failing a 4★
minimum), one paper ballot is typed twice with a mismatch, approval is refused and then given, the result is
locked and reopened — checking what the people saw and what the file holds."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.domain.enums import BallotStatus, MemberRole, ResultStatus, Role
from ocop_desktop.models import Ballot, CouncilMember, Dossier, Product, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui import main_window as main_window_module
from ocop_desktop.ui.dialogs import MemberPinDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from tests.gui.test_meeting_gui import press, score_with_keys
from tests.gui.test_setup_gui import answer

MEMBERS = (
    ("Nguyễn Văn Thành", MemberRole.CHAIR),
    ("Trần Thị Hương", MemberRole.VICE_CHAIR),
    ("Lê Đức Thắng", MemberRole.MEMBER),
    ("Phạm Thị Ánh Tuyết", MemberRole.MEMBER),
    ("Đặng Quốc Bảo", MemberRole.SECRETARY_MEMBER),
)
PRODUCTS = (
    ("Chè búp Tân Cương", "QD26-2026-11"),
    ("Mứt gừng Bàu Đá", "QD26-2026-07"),
    ("Rượu Làng Vân", "QD26-2026-14"),
)
PIN = "1357"


def test_a_whole_meeting_through_the_windows(qtbot: QtBot, empty_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    admin = accounts.authenticate(empty_db, username="quantri", password="ocop-demo-2026")
    for username in ("thuky", "thuky2"):
        accounts.create_user(
            empty_db, actor=admin, username=username, full_name=username, password="mat-khau-1", roles={Role.SECRETARY}
        )
    secretary = accounts.authenticate(empty_db, username="thuky", password="mat-khau-1")
    secretary2 = accounts.authenticate(empty_db, username="thuky2", password="mat-khau-1")
    window = MainWindow(empty_db, secretary)
    qtbot.addWidget(window)
    monkeypatch.setattr(main_window_module, "confirm", lambda *_a, **_k: True)
    page = window.setup_page
    window.nav.setCurrentRow(PAGES.index("setup"))

    # --- the secretary prepares the round -------------------------------------------------------------------
    answer(
        monkeypatch, lambda d: (d.name.setText("Hội đồng OCOP tỉnh Thái Nguyên"), d.issuing_body.setText("UBND TỈNH"))
    )
    page.new_council.click()
    for name, role in MEMBERS:
        answer(
            monkeypatch, lambda d, n=name, r=role: (d.full_name.setText(n), d.role.setCurrentIndex(d.role.findData(r)))
        )
        page.add_member.click()
    answer(monkeypatch, lambda d: (d.name.setText("Đợt 1 năm 2027"), d.year.setValue(2027)))
    page.new_round.click()
    answer(monkeypatch, lambda d: d.date.setText("20/03/2027"))
    page.add_session.click()
    for product, sheet in PRODUCTS:

        def dossier(d: Any, product: str = product, sheet: str = sheet) -> None:
            d.producer.setText(f"Hợp tác xã {product}")
            d.product.setText(product)
            d.sheet.setCurrentIndex(d.sheet.findData(sheet))
            d.submitted.setText("10/02/2027")

        answer(monkeypatch, dossier)
        page.add_dossier.click()
    with empty_db.reading() as s:
        member_ids = {m.full_name: m.id for m in s.scalars(select(CouncilMember))}
        dossier_ids = {p.sheet_id: d.id for d, p in s.execute(select(Dossier, Product).join(Product))}
    for member_id in member_ids.values():
        accounts.set_member_pin(empty_db, actor=secretary, member_id=member_id, pin=PIN)
    for name in member_ids:  # everyone present
        window.round_page.members_grid.itemAt(list(member_ids).index(name)).widget().setChecked(True)
    window.select_dossier(dossier_ids["QD26-2026-07"])
    answer(
        monkeypatch,
        lambda d: (
            d.member.setCurrentIndex(d.member.findData(member_ids[MEMBERS[4][0]])),
            d.reason.setText("Người thân của chủ thể"),
        ),
    )
    window.nav.setCurrentRow(PAGES.index("setup"))
    page.add_recusal.click()

    # --- members score on the shared laptop ----------------------------------------------------------------
    def take_laptop(name: str) -> None:
        def exec_(dialog: MemberPinDialog) -> int:
            dialog.member.setCurrentIndex(dialog.member.findData(member_ids[name]))
            dialog.pin.setText(PIN)
            dialog._accept()
            return 1

        monkeypatch.setattr(MemberPinDialog, "exec", exec_)
        window.switch_member()

    def score(name: str, sheet_id: str, choose: Any) -> None:
        take_laptop(name)
        window.dossier_box.setCurrentIndex(window.dossier_box.findData(dossier_ids[sheet_id]))
        window.nav.setCurrentRow(PAGES.index("scoring"))
        assert window.member_box.currentText() == name and window.scoring.choices == {}
        sheet = load_sheet("QD26-2026", sheet_id)
        score_with_keys(window, [choose(item) for item in sheet.items])
        press(window.scoring.boxes[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.scoring.saved.text() == "Phiếu đã nộp — chỉ xem"

    best = lambda item: len(item.options)  # noqa: E731
    for name, _role in MEMBERS:  # product 1: a clean 5★ result
        score(name, "QD26-2026-11", best)
    for name, _role in MEMBERS[:4]:  # product 2: one member far below the others, one member recused
        score(name, "QD26-2026-07", (lambda item: 1) if name == MEMBERS[2][0] else best)
    minimum_item = "1.4"  # option 1 gives 0 points where 4★ needs 2
    for name, _role in MEMBERS:  # product 3: misses the 4★ minimum of 1.5 everywhere
        if name == MEMBERS[3][0]:
            continue
        score(name, "QD26-2026-14", lambda item: 1 if item.id == minimum_item else len(item.options))

    # one paper ballot, typed twice by two people, with a mismatch the first time
    window.actor = secretary
    window._members_filled_for = None
    window.dossier_box.setCurrentIndex(window.dossier_box.findData(dossier_ids["QD26-2026-14"]))
    window.nav.setCurrentRow(PAGES.index("scoring"))
    window._fill_members()  # the secretary took the laptop back (signed in again in the real window)
    window.member_box.setCurrentIndex(window.member_box.findData(member_ids[MEMBERS[3][0]]))
    sheet14 = load_sheet("QD26-2026", "QD26-2026-14")
    paper = {item.id: (1 if item.id == minimum_item else len(item.options)) for item in sheet14.items}
    score_with_keys(window, [paper[item.id] for item in sheet14.items])
    typed = [dict(paper, **{"2.2": 1}), paper]
    warnings: list[str] = []

    class Second:
        def __init__(self, *_a: Any) -> None:
            self.values = typed.pop(0)

        def exec(self) -> int:
            return 1

        def choices(self) -> dict[str, int]:
            return self.values

    class SignIn:
        def __init__(self, *_a: Any) -> None:
            self.actor = secretary2

        def setWindowTitle(self, _t: str) -> None:
            pass

        def exec(self) -> int:
            return 1

    monkeypatch.setattr(main_window_module, "PaperSecondEntry", Second)
    monkeypatch.setattr(main_window_module, "SignInDialog", SignIn)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.scoring.submit_button.click()
    assert warnings and "Tiêu chí 2.2" in warnings[0]
    window.scoring.submit_button.click()
    assert window.scoring.saved.text() == "Phiếu đã nộp — chỉ xem"

    # --- the chair: results, discussion, re-score, approval, lock, reopen ------------------------------------
    take_laptop(MEMBERS[0][0])
    results = window.results_page

    def show_results(sheet_id: str) -> None:
        window.dossier_box.setCurrentIndex(window.dossier_box.findData(dossier_ids[sheet_id]))
        window.nav.setCurrentRow(PAGES.index("results"))

    show_results("QD26-2026-07")
    assert "vượt ngưỡng" in results.disputed.text()
    names = [results.members.item(r, 0).text() for r in range(results.members.rowCount())]
    assert results.members.item(names.index(MEMBERS[4][0]), 1).text().startswith("không tính")
    results.approve_button.click()
    assert "chưa ghi nội dung thảo luận" in results.blocking.text()
    monkeypatch.setattr(
        main_window_module, "ask_text", lambda *_a, **_k: "Thành viên Lê Đức Thắng chấm thấp; thống nhất chấm lại."
    )
    results.discuss_button.click()
    results.rescore_button.click()
    for name, _role in MEMBERS[:4]:
        score(name, "QD26-2026-07", best)
    take_laptop(MEMBERS[0][0])
    show_results("QD26-2026-07")
    assert "Lượt chấm 1" in results.history.text()
    results.approve_button.click()
    assert results.blocking.text() == "" and "kết quả đã khóa" in results.status.text()

    show_results("QD26-2026-14")
    assert (
        "Chưa đạt mức tối thiểu 5 sao: 1.4" in results.summary.text()
        and "kết quả: <b>3 sao</b>" in results.summary.text()
    )
    results.approve_button.click()
    show_results("QD26-2026-11")
    results.approve_button.click()
    monkeypatch.setattr(main_window_module, "ask_text", lambda *_a, **_k: "Bổ sung hồ sơ")
    results.reopen_button.click()
    assert "kết quả đã khóa" not in results.status.text()

    with empty_db.reading() as s:
        current = {
            d.product_id: r
            for d, r in s.execute(
                select(Dossier, Result).join(
                    Result, (Result.dossier_id == Dossier.id) & (Result.scoring_round == Dossier.scoring_round)
                )
            )
        }
        by_sheet = {s.get(Product, pid).sheet_id: r for pid, r in current.items()}  # type: ignore[union-attr]
        assert (by_sheet["QD26-2026-07"].status, by_sheet["QD26-2026-07"].stars, by_sheet["QD26-2026-07"].locked) == (
            ResultStatus.REFERRED_CENTRAL,
            5,
            True,
        )
        assert by_sheet["QD26-2026-14"].band_stars == 5 and by_sheet["QD26-2026-14"].stars == 3
        assert by_sheet["QD26-2026-11"].locked is False
        paper_ballot = s.scalars(select(Ballot).where(Ballot.entered_by == secretary.user_id)).one()
        assert paper_ballot.status is BallotStatus.SUBMITTED and paper_ballot.confirmed_by == secretary2.user_id
