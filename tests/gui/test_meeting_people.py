"""The meeting as people run it on one laptop, through the real sign-in, the PIN dialog and the keyboard: what
the tester of issue 13 met, each written against what the window did before (a ballot created by looking, figures
shown before everyone submitted, no way back to the secretary, a key left unlocked, a page showing another
product's state, paper ballots typed out of order)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.models import AuditEvent, Ballot, Dossier, Product, Recusal
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, council_key, results
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui import app
from ocop_desktop.ui.dialogs import MemberPinDialog, SignInDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.scoring.paper_entry import PaperSecondEntry
from tests.builders import best_choices
from tests.gui.people import Dialogs, focused, keys, member_pin, press_button, shortcut, sign_in, type_into
from tests.integration.meeting import NAMES, PASSWORD, Meeting, build_meeting

SHEET = "QD26-2026-07"
OTHER = "QD26-2026-11"
PINS = {name: f"{index + 1}" * 4 for index, name in enumerate(NAMES)}  # 1111, 2222, …
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def meeting(empty_db: Database) -> Meeting:
    m = build_meeting(empty_db, (SHEET, OTHER))
    m.attend()
    for name, member_id in m.members.items():
        accounts.set_member_pin(empty_db, actor=m.secretary, member_id=member_id, pin=PINS[name])
    return m


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The application's window, closed after the test with its file (nothing left on screen to ask about)."""
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
    """The file opened as the application does: the sign-in dialog comes up and is answered."""
    app.Controller(window).open_path(path)


def ballots(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Ballot)) or 0


def audit_events(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


def score_with_keys(window: MainWindow, digits: list[int]) -> None:
    """One option number per criterion and Enter, as a member types; the sheet starts at its first open item."""
    for digit in digits:
        keys(focused(window), Qt.Key(Qt.Key.Key_0 + digit), Qt.Key.Key_Return)


def choose_dossier(window: MainWindow, meeting: Meeting, sheet_id: str) -> None:
    """The Hồ sơ box, by keyboard: Down / Up until the dossier is shown."""
    box = window.dossier_box
    box.setFocus()
    target = box.findData(meeting.dossiers[sheet_id])
    while box.currentIndex() != target:
        keys(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)


def agenda_figures(window: MainWindow) -> list[str]:
    """Every cell of the agenda as shown."""
    model = window.round_page.model
    return [
        str(model.data(model.index(row, column)) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def test_looking_at_the_scoring_page_writes_nothing_and_the_chair_then_scores_his_own(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = meeting.db
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    assert window.actor is not None and window.actor.username == "thuky"
    before = (ballots(db), audit_events(db))
    shortcut(window, Qt.Key.Key_4, ALT)  # Chấm điểm
    assert window.nav.currentRow() == PAGES.index("scoring")
    assert window.member_box.count() == len(NAMES)
    choose_dossier(window, meeting, OTHER)
    choose_dossier(window, meeting, SHEET)
    window.member_box.setFocus()
    keys(window.member_box, Qt.Key.Key_Down)  # another member shown: still only looking
    assert (ballots(db), audit_events(db)) == before
    assert "chưa có phiếu" in window.scoring.saved.text()
    assert window.scoring_page.paper_button.isEnabled()

    dialogs.expect(MemberPinDialog, member_pin(NAMES[0], PINS[NAMES[0]]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert window.actor is not None and window.actor.member_id == meeting.members[NAMES[0]]
    assert [window.member_box.itemText(i) for i in range(window.member_box.count())] == [NAMES[0]]
    sheet = load_sheet("QD26-2026", SHEET)
    score_with_keys(window, [len(item.options) for item in sheet.items[:3]])
    with db.reading() as s:
        ballot = s.scalars(select(Ballot)).one()
        assert ballot.entry_mode is EntryMode.SELF and ballot.member_id == meeting.members[NAMES[0]]
        assert len(ballot.choices) == 3
    assert window.scoring.saved.text().startswith("✔ Đã lưu")
    dialogs.done()


def test_nobody_sees_a_figure_until_every_member_has_submitted(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = meeting.db
    for name in NAMES[1:]:
        meeting.score(SHEET, name)
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    cells = agenda_figures(window)
    assert "4/5" in " ".join(cells)
    assert not any("★" in cell or "," in cell for cell in cells), cells  # no average, no star
    shortcut(window, Qt.Key.Key_5, ALT)  # Kết quả
    assert "4/5" in window.results_page.summary.text()
    assert window.results_page.members.rowCount() == 0 and window.results_page.stars.text() == ""
    assert not window.results_page.approve_button.isEnabled()
    projector = window.show_projector()
    assert "★" not in projector.body.text() and "4/5" in projector.body.text()

    dialogs.expect(MemberPinDialog, member_pin(NAMES[0], PINS[NAMES[0]]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    sheet = load_sheet("QD26-2026", SHEET)
    score_with_keys(window, [len(item.options) for item in sheet.items])
    dialogs.expect(QMessageBox, press_button("Có"))
    shortcut(window, Qt.Key.Key_Return, CTRL)  # submit
    assert window.scoring.boxes == [] and "Đã nộp phiếu" in window.scoring.notice.text()  # the screen is cleared
    with db.reading() as s:
        assert s.scalar(select(func.count()).where(Ballot.status == BallotStatus.SUBMITTED)) == len(NAMES)
    shortcut(window, Qt.Key.Key_5, ALT)
    assert window.results_page.members.rowCount() == len(NAMES)
    assert window.results_page.stars.text().startswith("★")
    assert "★" in projector.body.text() or "chờ phê duyệt" in projector.body.text()
    projector.close()
    dialogs.done()


def test_the_next_members_pin_dialog_shows_nothing_of_the_last_ballot(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_behind: list[str] = []

    def look_then_answer(dialog: MemberPinDialog) -> None:
        seen_behind.append(f"{len(window.scoring.boxes)} {window.scoring.totals.text()}")
        member_pin(NAMES[2], PINS[NAMES[2]])(dialog)

    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    dialogs.expect(MemberPinDialog, member_pin(NAMES[1], PINS[NAMES[1]]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    sheet = load_sheet("QD26-2026", SHEET)
    score_with_keys(window, [1] * 4)
    assert window.scoring.boxes  # the member's own sheet
    dialogs.expect(MemberPinDialog, look_then_answer)
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert seen_behind == ["0 "]
    assert window.scoring.choices == {}  # the next member sees a blank sheet of their own
    assert len(window.scoring.boxes) == len(sheet.items)
    dialogs.done()


def test_sign_out_locks_the_key_and_hands_the_window_to_the_next_account(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("tv0", PASSWORD))
    open_file(window, meeting.db.path)
    assert council_key.unlocked() is None  # a new person at the file: the key was locked on sign-in
    from tests.builders import TEST_PASSPHRASE

    council_key.unlock(TEST_PASSPHRASE)  # the chair typed the passphrase to sign
    assert council_key.unlocked() is not None
    dialogs.expect(SignInDialog, sign_in("canbo", PASSWORD))
    shortcut(window, Qt.Key.Key_L, CTRL)
    assert window.actor is not None and window.actor.username == "canbo"
    assert council_key.unlocked() is None  # the officer cannot sign with the chair's unlocked key
    dialogs.expect(SignInDialog, lambda d: d.reject())
    shortcut(window, Qt.Key.Key_L, CTRL)
    assert window.actor is None and window.stack.currentWidget() is window.signed_out
    assert str(meeting.db.path) in window.signed_out.file.text()
    dialogs.expect(SignInDialog, sign_in("thuky", PASSWORD))
    window.signed_out.sign_in_button.click()
    assert window.actor is not None and window.actor.username == "thuky"
    dialogs.done()


def test_the_results_page_shows_the_state_of_the_product_it_shows(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = meeting.db
    for name in NAMES:
        meeting.score(SHEET, name)
    results.approve_result(db, actor=meeting.chair, dossier_id=meeting.dossiers[SHEET])
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    choose_dossier(window, meeting, SHEET)
    shortcut(window, Qt.Key.Key_5, ALT)
    page = window.results_page
    assert "Đã phê duyệt" in page.status.text() and page.fingerprint.text()
    choose_dossier(window, meeting, OTHER)
    assert "Đã phê duyệt" not in page.status.text() and "khóa" not in page.status.text()
    assert page.fingerprint.text() == "" and page.stars.text() == ""
    assert "0/5" in page.summary.text()
    assert not any(button.isEnabled() for button in page.buttons())  # the secretary approves nothing
    dialogs.done()


def test_a_paper_ballot_is_typed_twice_in_sheet_order_with_the_first_entry_hidden(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = meeting.db
    sheet = load_sheet("QD26-2026", SHEET)
    paper = best_choices(sheet)
    behind: list[int] = []

    def second_typing(dialog: PaperSecondEntry) -> None:
        behind.append(len(window.scoring.boxes))
        for item in sheet.items:  # in the order of the paper sheet
            keys(focused(dialog), Qt.Key(Qt.Key.Key_0 + paper[item.id]), Qt.Key.Key_Return)
        keys(focused(dialog), Qt.Key.Key_Return)  # the last Enter went on to OK; this one presses it

    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    shortcut(window, Qt.Key.Key_4, ALT)
    choose_dossier(window, meeting, SHEET)
    window.member_box.setCurrentIndex(window.member_box.findText(NAMES[3]))
    assert ballots(db) == 0
    window.scoring_page.paper_button.click()
    assert window.scoring_page.banner.isVisible()
    assert NAMES[3] in window.scoring_page.banner.text() and "thuky" in window.scoring_page.banner.text()
    score_with_keys(window, [paper[item.id] for item in sheet.items])
    dialogs.expect(SignInDialog, sign_in("thuky2", PASSWORD)).expect(PaperSecondEntry, second_typing)
    shortcut(window, Qt.Key.Key_Return, CTRL)
    assert behind == [0]  # the first entry was not on screen behind the second typing
    with db.reading() as s:
        ballot = s.scalars(select(Ballot)).one()
        assert ballot.entry_mode is EntryMode.PAPER and ballot.status is BallotStatus.SUBMITTED
        assert {c.item_id: c.option_number for c in ballot.choices} == paper
    dialogs.done()


def test_quitting_with_a_begun_ballot_asks_first(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    dialogs.expect(MemberPinDialog, member_pin(NAMES[1], PINS[NAMES[1]]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    score_with_keys(window, [1, 1])
    dialogs.expect(QMessageBox, press_button("Không"))
    shortcut(window, Qt.Key.Key_Q, CTRL)
    assert window.isVisible()
    assert any(NAMES[1] in text and "chưa nộp" in text for text in dialogs.seen)
    dialogs.done()


def test_a_recused_member_is_told_so_in_full(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.services import round_setup

    round_setup.record_recusal(
        meeting.db,
        actor=meeting.secretary,
        dossier_id=meeting.dossiers[SHEET],
        member_id=meeting.members[NAMES[4]],
        reason="Người thân của chủ thể",
    )
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    choose_dossier(window, meeting, SHEET)
    dialogs.expect(MemberPinDialog, member_pin(NAMES[4], PINS[NAMES[4]]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert window.scoring.boxes == []
    assert f"{NAMES[4]} không chấm hồ sơ này — lý do:" in window.scoring.notice.text()
    assert "Thành viên không tham gia chấm sản phẩm này" in window.scoring.notice.text()
    type_into(window.member_box, "")
    assert ballots(meeting.db) == 0
    dialogs.done()


def test_attendance_reads_not_taken_until_someone_is_ticked(
    qtbot: QtBot, window: MainWindow, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_meeting(empty_db, (SHEET,))  # a sitting, nobody ticked yet
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, empty_db.path)
    quorum = window.round_page.quorum.text()
    assert "chưa điểm danh" in quorum and "5/5" not in quorum and "chưa đủ túc số" not in quorum
    first = window.round_page.members_grid.itemAt(0).widget()
    qtbot.waitUntil(first.isVisible)
    QTest.mouseClick(first, Qt.MouseButton.LeftButton, pos=first.rect().center())
    assert "có mặt 1/5" in window.round_page.quorum.text()
    dialogs.done()


def test_the_set_up_page_lists_what_was_set_up_and_turns_to_each_addition(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding a sitting or a recusal used to confirm nothing and the page listed neither sittings nor dossiers."""
    from ocop_desktop.ui.pages.setup.view import RecusalDialog, SessionDialog

    db = meeting.db
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    shortcut(window, Qt.Key.Key_2, ALT)  # Chuẩn bị đợt
    page = window.setup_page
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == [f"Thành viên ({len(NAMES)})", "Phiên họp (1)", "Hồ sơ (2)", "Không tham gia chấm (0)"]
    assert page.sessions.item(0, 3).text() == f"{len(NAMES)} có mặt, 0 vắng"
    listed = [page.dossiers.item(row, 3).text() for row in range(page.dossiers.rowCount())]
    assert sorted(listed) == sorted((SHEET, OTHER))

    def session(dialog: SessionDialog) -> None:
        type_into(dialog.date, "21/03/2027")
        type_into(dialog.place, "Hội trường tầng 2")
        keys(dialog.opened, Qt.Key.Key_Return)

    dialogs.expect(SessionDialog, session)
    page.add_session.setFocus()
    keys(page.add_session, Qt.Key.Key_Space)
    assert page.tabs.currentWidget() is page.sessions
    assert page.tabs.tabText(1) == "Phiên họp (2)"
    assert [page.sessions.item(1, c).text() for c in (0, 2, 3)] == ["21/03/2027", "Hội trường tầng 2", "chưa điểm danh"]

    choose_dossier(window, meeting, OTHER)

    def recusal(dialog: RecusalDialog) -> None:
        keys(dialog.member, Qt.Key.Key_Down)
        type_into(dialog.reason, "Là thành viên của hợp tác xã")
        keys(dialog.reason, Qt.Key.Key_Return)

    dialogs.expect(RecusalDialog, recusal)
    page.add_recusal.setFocus()
    keys(page.add_recusal, Qt.Key.Key_Space)
    assert page.tabs.currentWidget() is page.recusals
    row = [page.recusals.item(0, c).text() for c in range(4)]
    with db.reading() as s:
        order, product = s.execute(
            select(Dossier.agenda_order, Product.name)
            .join(Product, Product.id == Dossier.product_id)
            .where(Dossier.id == meeting.dossiers[OTHER])
        ).one()
        assert s.scalars(select(Recusal.reason)).one() == "Là thành viên của hợp tác xã"
    assert row == [str(order), product, NAMES[1], "Là thành viên của hợp tác xã"]
    assert "Đã ghi nhận thành viên không tham gia chấm" in window.statusBar().currentMessage()
    dialogs.done()


class LinuxLineEdit(QLineEdit):
    """A text field as Qt makes it on Linux (X11 key bindings): Ctrl+U is "delete the whole line", so the field
    claims the key before any window shortcut. The offscreen platform has no such binding."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_U and event.modifiers() == CTRL:
                event.accept()
                return True
        return super().event(event)


def test_ctrl_u_brings_the_pin_dialog_with_the_focus_in_a_text_field(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen under Xvfb: with the focus in the agenda's search field, Ctrl+U deleted the field's line and the next
    member's name and PIN went into the search."""
    db = meeting.db
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, db.path)
    field = LinuxLineEdit()
    window.statusBar().addWidget(field)
    field.show()
    focused(window)  # the window active, as the person's click makes it
    field.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is field
    dialogs.expect(MemberPinDialog, member_pin(NAMES[1], PINS[NAMES[1]]))
    QTest.keyClick(field, Qt.Key.Key_U, CTRL)
    QApplication.processEvents()
    assert window.actor is not None and window.actor.member_id == meeting.members[NAMES[1]]
    dialogs.done()
