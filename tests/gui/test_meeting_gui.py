"""A council meeting driven through the real windows, offscreen, as people go: the secretary signs in, members take
the shared laptop with Ctrl+U and their PIN and score with the keyboard, the chair approves on the results page
(refused with reasons in plain words first), reopens, re-scores — checking both what the person was shown and what
the database holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.models import Ballot, BallotChoice, Result
from ocop_desktop.services import exchange, round_setup
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui.dialogs import MemberPinDialog, SignInDialog
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.pages.scoring.paper_entry import PaperSecondEntry
from tests.gui.people import Dialogs, focused, keys, member_pin, press_button, shortcut, sign_in, write_text
from tests.gui.test_meeting_people import (
    ALT,
    CTRL,
    OTHER,
    PINS,
    SHEET,
    choose_dossier,
    meeting,
    open_file,
    score_with_keys,
    window,
)
from tests.integration.meeting import NAMES, PASSWORD, Meeting

__all__ = ["meeting", "window"]  # the fixtures, shared with test_meeting_people


def as_member(window: MainWindow, dialogs: Dialogs, name: str) -> None:
    """The member takes the laptop: Ctrl+U, their name and PIN."""
    dialogs.expect(MemberPinDialog, member_pin(name, PINS[name]))
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert window.actor is not None and window.actor.username == name


def submit(window: MainWindow, dialogs: Dialogs) -> None:
    """Ctrl+Enter, and «Có» to the question whether to submit."""
    dialogs.expect(QMessageBox, press_button("Có"))
    shortcut(window, Qt.Key.Key_Return, CTRL)


def test_members_score_with_the_keyboard_and_the_chair_approves(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    sheet = load_sheet("QD26-2026", SHEET)
    top = [len(item.options) for item in sheet.items]
    as_member(window, dialogs, NAMES[1])
    score_with_keys(window, top)
    assert "Đã chấm đủ mọi tiêu chí." in window.scoring.unanswered.text()
    assert "100 / 100" in window.scoring.totals.text()
    assert window.scoring.saved.text().startswith("✔ Đã lưu 11")
    submit(window, dialogs)
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == meeting.members[NAMES[1]])).one()
        assert ballot.status is BallotStatus.SUBMITTED
        assert len(s.scalars(select(BallotChoice).where(BallotChoice.ballot_id == ballot.id)).all()) == len(top)
    for name, digits in ((NAMES[2], [1] * len(top)), (NAMES[3], top), (NAMES[4], top), (NAMES[0], top)):
        as_member(window, dialogs, name)
        assert window.scoring.choices == {}  # nobody's choices but one's own
        score_with_keys(window, digits)
        submit(window, dialogs)

    shortcut(window, Qt.Key.Key_5, ALT)  # the chair is at the laptop: Kết quả
    page = window.results_page
    assert "vượt ngưỡng" in page.disputed.text()
    assert f"thấp nhất: {NAMES[2]}; cao nhất: {', '.join(n for n in NAMES if n != NAMES[2])}" in page.disputed.text()
    dialogs.expect(QMessageBox, press_button("Có"))
    page.approve_button.click()
    assert "chưa ghi nội dung thảo luận" in page.blocking.text()
    with meeting.db.reading() as s:
        assert not s.scalars(select(Result.locked)).one()

    dialogs.expect(QDialog, write_text("Thành viên Lê Đức Thắng giải thích cách chấm."))
    page.discuss_button.click()
    dialogs.expect(QMessageBox, press_button("Có"))
    page.approve_button.click()
    assert page.blocking.text() == ""
    assert "kết quả đã khóa" in page.status.text() and page.stars.text().startswith("★")
    with meeting.db.reading() as s:
        assert s.scalars(select(Result.locked)).one()
    code = exchange.meeting_fingerprint(meeting.db, meeting.round_id)
    assert f"<b>{code}</b>" in page.fingerprint.text()  # shown at approval, as the minutes print it
    assert "mã tạm thời: còn 1 sản phẩm chưa phê duyệt" in page.fingerprint.text()  # the other dossier is open
    dialogs.done()


def test_reopen_asks_for_a_reason_and_unlocks(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in NAMES:
        meeting.score(SHEET, name)
    from ocop_desktop.services import results

    results.approve_result(meeting.db, actor=meeting.chair, dossier_id=meeting.dossiers[SHEET])
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    choose_dossier(window, meeting, SHEET)
    as_member(window, dialogs, NAMES[0])
    shortcut(window, Qt.Key.Key_5, ALT)
    page = window.results_page
    assert page.reopen_button.isEnabled() and not page.approve_button.isEnabled()
    dialogs.expect(QDialog, write_text("Bổ sung chứng cứ"))
    page.reopen_button.click()
    with meeting.db.reading() as s:
        assert not s.scalars(select(Result.locked)).one()
    assert page.fingerprint.text() == "" and "khóa" not in page.status.text()
    dialogs.done()


def test_minimum_failure_and_recusal_are_shown(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_setup.record_recusal(
        meeting.db,
        actor=meeting.secretary,
        dossier_id=meeting.dossiers[OTHER],
        member_id=meeting.members[NAMES[4]],
        reason="Người thân",
    )
    sheet = load_sheet("QD26-2026", OTHER)
    digits = {item.id: len(item.options) for item in sheet.items}
    digits["1.5"] = 2  # 1 point where 4★ needs 2
    for name in NAMES[:4]:
        meeting.score(OTHER, name, digits)
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    choose_dossier(window, meeting, OTHER)
    shortcut(window, Qt.Key.Key_5, ALT)
    summary = window.results_page.summary.text()
    assert "Chưa đạt mức tối thiểu 5 sao: 1.5" in summary and "kết quả: <b>3 sao</b>" in summary
    table = window.results_page.members
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    totals = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert names[4] == NAMES[4] and totals[4].startswith("không tính")
    dialogs.done()


def test_a_wrong_choice_is_refused_and_the_screen_shows_what_is_stored(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    as_member(window, dialogs, NAMES[1])
    view = window.scoring
    box = view.boxes[0]
    keys(focused(window), Qt.Key.Key_3)
    assert box.group.checkedId() == 3
    keys(focused(window), Qt.Key.Key_9)  # no option 9: nothing happens, nothing stored
    assert box.group.checkedId() == 3
    with meeting.db.reading() as s:
        assert [c.option_number for c in s.scalars(select(BallotChoice))] == [3]
    dialogs.done()


def test_undo_and_redo_of_choices_reach_the_database(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    as_member(window, dialogs, NAMES[1])
    view = window.scoring
    box = view.boxes[0]

    def stored() -> int | None:
        with meeting.db.reading() as s:
            return s.scalars(select(BallotChoice.option_number).where(BallotChoice.item_id == "1.1")).one_or_none()

    keys(focused(window), Qt.Key.Key_3)
    keys(focused(window), Qt.Key.Key_1)
    assert stored() == 1
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert stored() == 3 and box.group.checkedId() == 3
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert stored() is None and box.group.checkedId() == -1
    view.undo_stack.redo()
    view.undo_stack.redo()
    assert stored() == 1 and box.group.checkedId() == 1
    assert "1.1" in view.saved.text()
    dialogs.done()


def test_a_paper_ballot_counts_only_when_both_typings_match(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = load_sheet("QD26-2026", SHEET)
    first = {item.id: len(item.options) for item in sheet.items}
    typings = [dict(first, **{"2.2": 1}), first]

    def second_typing(dialog: PaperSecondEntry) -> None:
        typed = typings.pop(0)
        for item in sheet.items:
            keys(focused(dialog), Qt.Key(Qt.Key.Key_0 + typed[item.id]), Qt.Key.Key_Return)
        keys(focused(dialog), Qt.Key.Key_Return)

    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    shortcut(window, Qt.Key.Key_4, ALT)
    window.member_box.setCurrentIndex(window.member_box.findText(NAMES[3]))
    window.scoring_page.paper_button.click()
    score_with_keys(window, [first[item.id] for item in sheet.items])
    dialogs.expect(SignInDialog, sign_in("thuky2", PASSWORD)).expect(PaperSecondEntry, second_typing)
    dialogs.expect(QMessageBox, press_button("Đồng ý"))  # the mismatch, item by item
    shortcut(window, Qt.Key.Key_Return, CTRL)
    assert any("2.2" in text and "lần 1 4, lần 2 1" in text for text in dialogs.seen), dialogs.seen
    with meeting.db.reading() as s:
        assert s.scalars(select(Ballot.status)).one() is BallotStatus.DRAFT
    assert len(window.scoring.boxes) == len(sheet.items)  # the first typing is back for its typist to check
    dialogs.expect(SignInDialog, sign_in("thuky2", PASSWORD)).expect(PaperSecondEntry, second_typing)
    shortcut(window, Qt.Key.Key_Return, CTRL)
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot)).one()
        assert ballot.status is BallotStatus.SUBMITTED
        assert ballot.entered_by == meeting.secretary.user_id and ballot.confirmed_by == meeting.secretary2.user_id
    dialogs.done()


def test_a_wrong_pin_is_said_and_the_right_one_lets_the_member_in(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def wrong_then_right(dialog: MemberPinDialog) -> None:
        member_pin(NAMES[2], "9999")(dialog)
        said.append(dialog.message.text())
        member_pin(NAMES[2], PINS[NAMES[2]])(dialog)

    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    dialogs.expect(MemberPinDialog, wrong_then_right)
    shortcut(window, Qt.Key.Key_U, CTRL)
    assert said and "không đúng" in said[0]
    assert window.actor is not None and window.actor.member_id == meeting.members[NAMES[2]]
    dialogs.done()


def test_rescore_warns_that_everyone_scores_again_and_keeps_the_first_ballots(
    window: MainWindow, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = load_sheet("QD26-2026", SHEET)
    for name in NAMES:
        meeting.score(SHEET, name, None if name != NAMES[4] else {i.id: 1 for i in sheet.items})
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    as_member(window, dialogs, NAMES[0])
    shortcut(window, Qt.Key.Key_5, ALT)
    page = window.results_page
    assert "vượt ngưỡng" in page.disputed.text()
    asked: list[str] = []

    def reason(dialog: QDialog) -> None:
        asked.append(" ".join(label.text() for label in dialog.findChildren(type(page.title))))
        write_text("Chênh lệch lớn ở phần C")(dialog)

    dialogs.expect(QDialog, reason)
    page.rescore_button.click()
    assert "mọi thành viên chấm lại tất cả các tiêu chí" in asked[0]
    assert "0/5 phiếu đã nộp" in page.summary.text() and not page.rescore_button.isEnabled()
    shortcut(window, Qt.Key.Key_4, ALT)
    assert "chấm lại lần 1" in window.scoring.header.text() and window.scoring.choices == {}
    score_with_keys(window, [len(i.options) for i in sheet.items])
    submit(window, dialogs)
    with meeting.db.reading() as s:
        assert sorted(s.scalars(select(Ballot.scoring_round))) == [1, 1, 1, 1, 1, 2]
    shortcut(window, Qt.Key.Key_5, ALT)
    assert "1/5 phiếu đã nộp" in page.summary.text()
    dialogs.done()


def test_standard_buttons_speak_vietnamese(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ocop_desktop.domain.errors import Problem, ValidationFailed
    from ocop_desktop.ui import dialogs

    seen: list[list[str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append([b.text() for b in self.buttons()]) or 0)
    dialogs.confirm(None, "Nộp phiếu", "Nộp phiếu?")
    dialogs.show_error(None, ValidationFailed([Problem("result.locked", {})]))
    assert sorted(seen[0]) == ["Có", "Không"]
    assert seen[1] == ["Đồng ý"], seen
