"""Issue 16 point 3 through the window: a member whose ballot would not count (absent from the sitting, recused, a
guest) cannot begin one, and the scoring page says every reason in full before anyone tries; the file holds no
ballot. Before, an absent member could score and their choices were then silently left out of the count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ocop_desktop.domain.enums import MemberRole, RegistrationType, Role, RoundStatus
from ocop_desktop.models import AuditEvent, Ballot, Producer, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, recognition, registry, results, round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.ui import app
from ocop_desktop.ui.dialogs import Dialog, MemberPinDialog, SignInDialog
from ocop_desktop.ui.main_window import MainWindow
from tests.gui.people import Dialogs, keys, member_pin, shortcut, sign_in, type_into
from tests.integration.meeting import NAMES, PASSWORD, Meeting, build_meeting

SHEET = "QD26-2026-07"
PINS = {name: f"{index + 1}" * 4 for index, name in enumerate(NAMES)}
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
ABSENT = NAMES[3]


@pytest.fixture
def meeting(empty_db: Database) -> Meeting:
    m = build_meeting(empty_db, (SHEET,))
    m.attend(ABSENT)
    for name, member_id in m.members.items():
        accounts.set_member_pin(empty_db, actor=m.secretary, member_id=member_id, pin=PINS[name])
    return m


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    made = MainWindow()
    made.show()
    made.activateWindow()
    yield made
    db = made.ctx.close_file()
    if db is not None:
        db.close()
    made.close()
    made.deleteLater()


def open_file(window: MainWindow, path: Path) -> None:
    app.Controller(window).open_path(path)


def pick(window: MainWindow, member_id: str) -> None:
    """The person picker («Phiếu của»), by keyboard: Down / Up until the member is shown."""
    box = window.member_box
    box.setFocus()
    target = box.findData(member_id)
    while box.currentIndex() != target:
        keys(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)


def ballots(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Ballot)) or 0


def test_an_absent_member_switched_in_with_ctrl_u_is_told_why_and_cannot_score(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    dialogs.expect(MemberPinDialog, member_pin(ABSENT, PINS[ABSENT]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert window.actor is not None and window.actor.member_id == meeting.members[ABSENT]
    notice = window.scoring.notice.text()
    assert f"{ABSENT} không chấm hồ sơ này — lý do:" in notice
    assert "vắng mặt ở phiên họp ngày 01/10/2026" in notice and "phiếu không được tính" in notice
    assert window.scoring.boxes == []  # no sheet to press an option on
    keys(window, Qt.Key.Key_1, Qt.Key.Key_Return)
    assert ballots(meeting.db) == 0
    dialogs.done()


def test_the_secretary_picking_members_sees_each_reason_and_a_present_one_scores(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_setup.record_recusal(
        meeting.db,
        actor=meeting.secretary,
        dossier_id=meeting.dossiers[SHEET],
        member_id=meeting.members[ABSENT],
        reason="Người thân của chủ thể",
    )
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    shortcut(window, Qt.Key.Key_4, ALT)  # Chấm điểm
    page = window.scoring_page
    pick(window, meeting.members[ABSENT])
    notice = window.scoring.notice.text()
    assert "không tham gia chấm sản phẩm này" in notice and "vắng mặt ở phiên họp" in notice  # both, in full
    assert not page.paper_button.isEnabled()
    pick(window, meeting.members[NAMES[1]])
    assert "chưa có phiếu" in window.scoring.saved.text()
    assert page.paper_button.isEnabled()
    assert ballots(meeting.db) == 0
    dialogs.done()


def test_a_guest_signed_in_with_an_account_is_told_guests_do_not_score(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = meeting.db
    with db.reading() as s:
        council_id = s.scalars(select(Round.council_id)).one()
    guest = round_setup.add_member(
        db, actor=meeting.secretary, council_id=council_id, full_name="Khach Moi", role=MemberRole.GUEST
    )
    accounts.create_user(
        db, actor=meeting.admin, username="khach", full_name="Khach Moi", password=PASSWORD, roles={Role.MEMBER},
        member_id=guest,
    )  # fmt: skip
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("khach", PASSWORD))
    open_file(window, db.path)
    assert window.actor is not None and window.actor.member_id == guest
    shortcut(window, Qt.Key.Key_4, ALT)  # Chấm điểm
    assert window.member_box.currentData() == guest
    notice = window.scoring.notice.text()
    assert "Khach Moi không chấm hồ sơ này — lý do:" in notice
    assert "khách mời không chấm điểm" in notice
    type_into(window.member_box, "")
    assert ballots(db) == 0
    dialogs.done()


def test_the_chair_reopens_a_decided_round_from_the_results_page_with_a_reason(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16 point 5: a round past its recognition decision says so on the results page, and its chair
    reopens it there through the audited path; a dossier can then be added."""
    db = meeting.db
    for name in (NAMES[0], NAMES[1], NAMES[2], NAMES[4]):
        meeting.score(SHEET, name)
    results.approve_result(db, actor=meeting.chair, dossier_id=meeting.dossiers[SHEET])
    recognition.issue_decision(
        db, actor=SYSTEM, round_id=meeting.round_id, number="15/QĐ-UBND", date=dt.date(2026, 10, 20),
        signer="Chủ tịch UBND tỉnh", issuing_body="UBND TỈNH THỬ",
    )  # fmt: skip
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("tv0", PASSWORD))
    open_file(window, db.path)
    shortcut(window, Qt.Key.Key_5, ALT)  # Kết quả
    page = window.results_page
    assert "quyết định công nhận số 15/QĐ-UBND" in page.certificate.text()
    button = page.reopen_round_button
    assert button.isEnabled()

    def reason(dialog: Dialog) -> None:
        field = dialog.findChild(QLineEdit)
        type_into(field, "Ho so bo sung cua xa")
        QTest.keyClick(field, Qt.Key.Key_Return)

    dialogs.expect(Dialog, reason)
    button.setFocus()
    keys(button, Qt.Key.Key_Space)
    with db.reading() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "reopen_round")).one()
        assert event.reason == "Ho so bo sung cua xa"
        assert s.get(Round, meeting.round_id).status is RoundStatus.OPEN
    assert "15/QĐ-UBND" not in page.certificate.text() and not button.isEnabled()
    product = registry.create_product(
        db, actor=meeting.secretary, producer_id=_producer(db), name="San pham bo sung", sheet_id=SHEET, year=2026
    )
    registry.create_dossier(
        db, actor=meeting.secretary, round_id=meeting.round_id, product_id=product.product_id,
        registration_type=RegistrationType.FIRST, submission_date=dt.date(2026, 9, 2),
    )  # fmt: skip
    dialogs.done()


def _producer(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Producer.id)).first() or ""
