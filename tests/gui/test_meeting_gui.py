"""A council meeting driven through the real windows, offscreen: members score with the keyboard on the shared
laptop, the results page refuses approval with reasons in plain words and then allows it, the result locks and
is reopened — checking both what the person was shown and what the database holds."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.models import Ballot, BallotChoice, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import exchange, round_setup
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui import main_window as main_window_module
from ocop_desktop.ui.main_window import PAGES, MainWindow
from tests.integration.meeting import NAMES, Meeting, build_meeting

SHEETS = ("QD26-2026-07", "QD26-2026-11", "QD26-2026-26")


def press(widget: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


@pytest.fixture
def meeting(empty_db: Database) -> Meeting:
    m = build_meeting(empty_db, SHEETS)
    m.attend()
    return m


def open_as(window: MainWindow, meeting: Meeting, name: str, sheet_id: str) -> None:
    window.actor = meeting.actors[name]
    window.select_dossier(meeting.dossiers[sheet_id])
    window.nav.setCurrentRow(PAGES.index("scoring"))


def score_with_keys(window: MainWindow, digits: list[int]) -> None:
    """Type one option number per criterion, as a member does: the number, and the view moves on with Enter."""
    view = window.scoring
    for digit in digits:
        box = view.boxes[view.current]
        press(box, Qt.Key(Qt.Key.Key_0 + digit))
        press(box, Qt.Key.Key_Return)


def test_members_score_with_the_keyboard_and_the_chair_approves(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window_module, "confirm", lambda *_a, **_k: True)
    shown: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, exc: shown.append(str(exc)))
    window = MainWindow(meeting.db, meeting.actors[NAMES[1]])
    qtbot.addWidget(window)
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    top = [len(item.options) for item in sheet.items]

    open_as(window, meeting, NAMES[1], "QD26-2026-07")
    assert window.member_box.count() == 1 and window.member_box.currentText() == NAMES[1]
    score_with_keys(window, top)
    assert "Đã chấm đủ mọi tiêu chí." in window.scoring.unanswered.text()
    assert "100 / 100" in window.scoring.totals.text()
    assert window.scoring.saved.text().startswith("✔ Đã lưu 11")
    press(window.scoring.boxes[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.scoring.saved.text() == "Phiếu đã nộp — chỉ xem"
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == meeting.members[NAMES[1]])).one()
        assert ballot.status is BallotStatus.SUBMITTED
        assert len(s.scalars(select(BallotChoice).where(BallotChoice.ballot_id == ballot.id)).all()) == len(top)

    # the next member cannot see the first member's choices
    open_as(window, meeting, NAMES[2], "QD26-2026-07")
    assert window.member_box.currentText() == NAMES[2]
    assert window.scoring.choices == {}

    # results stay hidden while members are still scoring
    window.nav.setCurrentRow(PAGES.index("results"))
    assert "1/5 phiếu đã nộp" in window.results_page.summary.text()
    assert window.results_page.members.rowCount() == 0

    low = [1] * len(top)
    for name, digits in ((NAMES[2], low), (NAMES[3], top), (NAMES[4], top), (NAMES[0], top)):
        open_as(window, meeting, name, "QD26-2026-07")
        score_with_keys(window, digits)
        press(window.scoring.boxes[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    window.actor = meeting.chair
    window.nav.setCurrentRow(PAGES.index("results"))
    assert "vượt ngưỡng" in window.results_page.disputed.text()
    window.results_page.approve_button.click()
    assert "chưa ghi nội dung thảo luận" in window.results_page.blocking.text()
    with meeting.db.reading() as s:
        assert not s.scalars(select(Result.locked)).one()

    monkeypatch.setattr(
        main_window_module, "ask_text", lambda *_a, **_k: "Thành viên Lê Đức Thắng giải thích cách chấm."
    )
    window.results_page.discuss_button.click()
    window.results_page.approve_button.click()
    assert window.results_page.blocking.text() == ""
    assert "kết quả đã khóa" in window.results_page.status.text()
    assert window.results_page.stars.text().startswith("★")
    with meeting.db.reading() as s:
        assert s.scalars(select(Result.locked)).one()
    code = exchange.meeting_fingerprint(meeting.db, meeting.round_id)
    assert f"<b>{code}</b>" in window.results_page.fingerprint.text()  # shown at approval, as the minutes print it

    monkeypatch.setattr(main_window_module, "ask_text", lambda *_a, **_k: "Bổ sung chứng cứ")
    window.results_page.reopen_button.click()
    with meeting.db.reading() as s:
        assert not s.scalars(select(Result.locked)).one()
    assert window.results_page.fingerprint.text() == ""
    assert shown == []


def test_minimum_failure_and_recusal_are_shown(qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window_module, "confirm", lambda *_a, **_k: True)
    round_setup.record_recusal(
        meeting.db,
        actor=meeting.secretary,
        dossier_id=meeting.dossiers["QD26-2026-11"],
        member_id=meeting.members[NAMES[4]],
        reason="Người thân",
    )
    window = MainWindow(meeting.db, meeting.chair)
    qtbot.addWidget(window)
    sheet = load_sheet("QD26-2026", "QD26-2026-11")
    digits = [len(item.options) for item in sheet.items]
    digits[[i.id for i in sheet.items].index("1.5")] = 2  # 1 point where 4★ needs 2
    for name in NAMES[:4]:
        open_as(window, meeting, name, "QD26-2026-11")
        score_with_keys(window, digits)
        press(window.scoring.boxes[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    open_as(window, meeting, NAMES[4], "QD26-2026-11")
    assert "không tham gia chấm" in window.scoring.saved.text()
    window.actor = meeting.chair
    window.nav.setCurrentRow(PAGES.index("results"))
    summary = window.results_page.summary.text()
    assert "Chưa đạt mức tối thiểu 5 sao: 1.5" in summary
    assert "kết quả: <b>3 sao</b>" in summary
    names = [window.results_page.members.item(r, 0).text() for r in range(window.results_page.members.rowCount())]
    totals = [window.results_page.members.item(r, 1).text() for r in range(window.results_page.members.rowCount())]
    assert names[4] == NAMES[4] and totals[4].startswith("không tính")


def test_a_wrong_choice_is_refused_and_the_screen_shows_what_is_stored(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self.text()) or 0)
    window = MainWindow(meeting.db, meeting.actors[NAMES[1]])
    qtbot.addWidget(window)
    open_as(window, meeting, NAMES[1], "QD26-2026-26")
    view = window.scoring
    assert "8" in {b.item.id for b in view.boxes}
    box8 = next(b for b in view.boxes if b.item.id == "8")
    box9 = next(b for b in view.boxes if b.item.id == "9")
    box8.buttons[1].click()  # case 1
    box9.buttons[4].click()  # case 2: refused, one case per ballot
    assert boxes and "hai trường hợp" in boxes[-1]
    assert box9.group.checkedId() == -1
    with meeting.db.reading() as s:
        items = set(s.scalars(select(BallotChoice.item_id)))
    assert items == {"8"}


def test_standard_buttons_speak_vietnamese(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ocop_desktop.domain.errors import Problem, ValidationFailed
    from ocop_desktop.ui import dialogs

    seen: list[list[str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append([b.text() for b in self.buttons()]) or 0)
    dialogs.confirm(None, "Nộp phiếu", "Nộp phiếu?")
    dialogs.show_error(None, ValidationFailed([Problem("result.locked", {})]))
    dialogs.show_error(None, RuntimeError("boom"))
    assert sorted(seen[0]) == ["Có", "Không"]
    assert seen[1] == ["Đồng ý"], seen
    assert seen[2] == ["Đồng ý"], seen


def test_undo_and_redo_of_choices_reach_the_database(qtbot: QtBot, meeting: Meeting) -> None:
    window = MainWindow(meeting.db, meeting.actors[NAMES[1]])
    qtbot.addWidget(window)
    open_as(window, meeting, NAMES[1], "QD26-2026-07")
    view = window.scoring
    box = view.boxes[0]

    def stored() -> int | None:
        with meeting.db.reading() as s:
            return s.scalars(select(BallotChoice.option_number).where(BallotChoice.item_id == "1.1")).one_or_none()

    press(box, Qt.Key.Key_3)
    press(box, Qt.Key.Key_1)
    assert stored() == 1
    view.undo_stack.undo()
    assert stored() == 3 and box.group.checkedId() == 3
    view.undo_stack.undo()
    assert stored() is None and box.group.checkedId() == -1
    view.undo_stack.redo()
    view.undo_stack.redo()
    assert stored() == 1 and box.group.checkedId() == 1
    assert "1.1" in view.saved.text()


def test_paper_ballot_is_typed_twice_and_counts_only_when_both_entries_match(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(meeting.db, meeting.secretary)
    qtbot.addWidget(window)
    window.select_dossier(meeting.dossiers["QD26-2026-07"])
    window.nav.setCurrentRow(PAGES.index("scoring"))
    assert window.member_box.count() == 5  # the secretary types paper ballots for every scoring member
    window.member_box.setCurrentIndex(window.member_box.findData(meeting.members[NAMES[3]]))
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    digits = [len(item.options) for item in sheet.items]
    score_with_keys(window, digits)

    class FakeSignIn:
        def __init__(self, *_a: Any) -> None:
            self.actor = meeting.secretary2

        def setWindowTitle(self, _t: str) -> None:
            pass

        def exec(self) -> int:
            return 1

    second_entry = {item.id: len(item.options) for item in sheet.items}
    typed: list[dict[str, int]] = [dict(second_entry, **{"2.2": 1}), second_entry]

    class FakeSecondEntry:
        def __init__(self, *_a: Any) -> None:
            self.values = typed.pop(0)

        def exec(self) -> int:
            return 1

        def choices(self) -> dict[str, int]:
            return self.values

    warnings: list[str] = []
    monkeypatch.setattr(main_window_module, "SignInDialog", FakeSignIn)
    monkeypatch.setattr(main_window_module, "PaperSecondEntry", FakeSecondEntry)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))

    window.scoring.submit_button.click()
    assert warnings and "Tiêu chí 2.2: lần 1 4, lần 2 1" in warnings[0]
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == meeting.members[NAMES[3]])).one()
        assert ballot.status is BallotStatus.DRAFT
    window.scoring.submit_button.click()
    assert window.scoring.saved.text() == "Phiếu đã nộp — chỉ xem"
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == meeting.members[NAMES[3]])).one()
        assert ballot.status is BallotStatus.SUBMITTED
        assert ballot.entered_by == meeting.secretary.user_id and ballot.confirmed_by == meeting.secretary2.user_id


def test_projector_shows_who_has_submitted_never_the_figures(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window_module, "confirm", lambda *_a, **_k: True)
    window = MainWindow(meeting.db, meeting.actors[NAMES[1]])
    qtbot.addWidget(window)
    open_as(window, meeting, NAMES[1], "QD26-2026-07")
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    score_with_keys(window, [len(i.options) for i in sheet.items])
    window.scoring.submit_button.click()
    projector = window.show_projector()
    qtbot.addWidget(projector)
    text = projector.body.text()
    assert f"✔ {NAMES[1]}" in text and f"… {NAMES[0]}" in text
    assert "1/5" in text and "100" not in text


def test_members_take_the_shared_laptop_with_their_pin(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.services import accounts
    from ocop_desktop.ui.dialogs import MemberPinDialog

    for name in NAMES[1:3]:
        accounts.set_member_pin(meeting.db, actor=meeting.secretary, member_id=meeting.members[name], pin="2468")
    window = MainWindow(meeting.db, meeting.secretary)
    qtbot.addWidget(window)
    window.select_dossier(meeting.dossiers["QD26-2026-07"])
    pins = iter(["1111", "2468"])

    def exec_(dialog: MemberPinDialog) -> int:
        dialog.member.setCurrentIndex(dialog.member.findData(meeting.members[NAMES[2]]))
        dialog.pin.setText(next(pins))
        dialog._accept()
        if dialog.actor is None:
            assert "không đúng" in dialog.message.text()
            dialog.pin.setText(next(pins))
            dialog._accept()
        return int(dialog.actor is not None)

    monkeypatch.setattr(MemberPinDialog, "exec", exec_)
    window.switch_member()
    assert window.actor is not None and window.actor.member_id == meeting.members[NAMES[2]]
    assert [window.member_box.itemText(i) for i in range(window.member_box.count())] == [NAMES[2]]
    press(window.scoring.boxes[0], Qt.Key.Key_2)
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot)).one()
        assert ballot.member_id == meeting.members[NAMES[2]]


def test_rescore_from_the_results_page_keeps_the_first_ballots(
    qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window_module, "confirm", lambda *_a, **_k: True)
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    top = [len(i.options) for i in sheet.items]
    for name in NAMES:
        meeting.score("QD26-2026-07", name, None if name != NAMES[4] else {i.id: 1 for i in sheet.items})
    window = MainWindow(meeting.db, meeting.chair)
    qtbot.addWidget(window)
    window.select_dossier(meeting.dossiers["QD26-2026-07"])
    window.nav.setCurrentRow(PAGES.index("results"))
    assert "vượt ngưỡng" in window.results_page.disputed.text()
    monkeypatch.setattr(main_window_module, "ask_text", lambda *_a, **_k: "Chênh lệch lớn ở phần C")
    window.results_page.rescore_button.click()
    assert "0/5 phiếu đã nộp" in window.results_page.summary.text()
    open_as(window, meeting, NAMES[0], "QD26-2026-07")
    assert "chấm lại lần 1" in window.scoring.header.text() and window.scoring.choices == {}
    score_with_keys(window, top)
    window.scoring.submit_button.click()
    with meeting.db.reading() as s:
        rounds = sorted(s.scalars(select(Ballot.scoring_round)))
    assert rounds == [1, 1, 1, 1, 1, 2]
    window.nav.setCurrentRow(PAGES.index("results"))
    assert "1/5 phiếu đã nộp" in window.results_page.summary.text()
