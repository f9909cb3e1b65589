"""Issue 16 point 1 through the scoring screen: a member scores the tourism sheet with the keyboard, taking case 2
on criteria 8 and 15 and case 1 on criterion 9; the screen names the case of each criterion and warns, and the
ballot is stored and submitted, never refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.models import Ballot, BallotChoice
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui.dialogs import SignInDialog
from ocop_desktop.ui.main_window import MainWindow
from tests.gui.people import Dialogs, sign_in
from tests.gui.test_meeting_gui import as_member, submit
from tests.gui.test_meeting_people import PINS, open_file, score_with_keys, window
from tests.integration.meeting import NAMES, PASSWORD, Meeting, build_meeting

__all__ = ["window"]  # the fixture, shared with test_meeting_people
TOURISM = "QD26-2026-26"


@pytest.fixture
def tourism_meeting(empty_db: Database) -> Meeting:
    m = build_meeting(empty_db, (TOURISM,))
    m.attend()
    for name, member_id in m.members.items():
        accounts.set_member_pin(empty_db, actor=m.secretary, member_id=member_id, pin=PINS[name])
    return m


def test_each_tourism_criterion_shows_its_case_and_a_mixed_ballot_is_warned_then_submitted(
    window: MainWindow, tourism_meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = tourism_meeting
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    open_file(window, meeting.db.path)
    sheet = load_sheet("QD26-2026", TOURISM)
    digits = [2 if item.id == "9" else len(item.options) for item in sheet.items]  # 9: case 1, option 2
    as_member(window, dialogs, NAMES[1])
    view = window.scoring
    boxes = {box.item.id: box for box in view.boxes}
    assert boxes["8"].case_label is not None and boxes["8"].case_label.text() == "Chưa chọn trường hợp"
    assert boxes["1.1"].case_label is None  # only the criteria with two cases
    score_with_keys(window, digits)
    for item_id, case in (("8", "Trường hợp 2"), ("9", "Trường hợp 1"), ("15", "Trường hợp 2")):
        label = boxes[item_id].case_label
        assert label is not None and label.text() == f"Trường hợp đã chọn: {case}"
    text = view.cases.text()
    assert "Trường hợp đã chọn: 8: Trường hợp 2; 9: Trường hợp 1; 15: Trường hợp 2" in text
    assert "⚠" in text and "phiếu vẫn được nhận" in text and NAMES[1] in text
    assert "Đã chấm đủ mọi tiêu chí." in view.unanswered.text()
    submit(window, dialogs)
    dialogs.done()
    with meeting.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == meeting.members[NAMES[1]])).one()
        assert ballot.status is BallotStatus.SUBMITTED
        stored = {c.item_id: c.option_number for c in s.scalars(select(BallotChoice))}
        assert (stored["8"], stored["9"], stored["15"]) == (4, 2, 4)
