"""Issue 16 point 6: the minimum requirements QĐ 781/2020 added to QĐ 1048 are not in the data (no text of its
annex was found), so a 1048 sheet in the criteria browser and the result of a 1048 round say that its star
minimums are not checked; a QĐ 26 sheet and round, whose minimums are checked, say nothing of the kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.enums import CouncilLevel, EntryMode, LegalForm, MemberRole, RegistrationType, Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, registry, results, round_setup, scoring_session
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet
from ocop_desktop.ui import app
from ocop_desktop.ui.criteria_browser import CriteriaBrowser
from ocop_desktop.ui.dialogs import SignInDialog
from ocop_desktop.ui.main_window import MainWindow
from tests.builders import best_choices
from tests.gui.people import Dialogs, shortcut, sign_in
from tests.integration.meeting import NAMES, PASSWORD, build_meeting

NOTICE = "KHÔNG được kiểm tra"
ALT = Qt.KeyboardModifier.AltModifier


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


def test_the_criteria_browser_says_so_on_every_1048_sheet_and_on_no_other(qtbot: QtBot) -> None:
    browser = CriteriaBrowser()
    qtbot.addWidget(browser)
    for version_id in ("QD1048-2019", "QD26-2026"):
        for summary in list_sheets(version_id):
            assert browser.select_sheet(summary.sheet_id)
            said = NOTICE in browser.header.text() and "781/QĐ-TTg" in browser.details.toHtml()
            assert said is (version_id == "QD1048-2019"), summary.sheet_id


def _round_1048(db: Database) -> str:
    """A 2020 provincial round under QĐ 1048 with three members, every one of whom has scored its one dossier."""
    admin = accounts.authenticate(db, username="quantri", password="ocop-demo-2026")
    accounts.create_user(
        db, actor=admin, username="thuky", full_name="thuky", password=PASSWORD, roles={Role.SECRETARY}
    )
    accounts.create_user(
        db, actor=admin, username="thuky2", full_name="thuky2", password=PASSWORD, roles={Role.SECRETARY}
    )
    secretary = accounts.authenticate(db, username="thuky", password=PASSWORD)
    second = accounts.authenticate(db, username="thuky2", password=PASSWORD)  # types each paper ballot again
    council = round_setup.create_council(
        db, actor=secretary, name="Hội đồng 2020", level=CouncilLevel.PROVINCE, issuing_body="UBND TỈNH THỬ"
    )
    round_id = round_setup.create_round(
        db, actor=secretary, council_id=council, name="Đợt 2020", year=2020, rule_version_id="QD1048-2019"
    )
    producer = registry.create_producer(
        db, actor=secretary, name="Hợp tác xã Cũ", legal_form=LegalForm.COOPERATIVE, province_code="19",
        commune_code="05503",
    )  # fmt: skip
    sheet_id = list_sheets("QD1048-2019")[0].sheet_id
    product = registry.create_product(
        db,
        actor=secretary,
        producer_id=producer,
        name="Sản phẩm 2020",
        sheet_id=sheet_id,
        year=2020,
        rule_version_id="QD1048-2019",
    )
    dossier = registry.create_dossier(
        db, actor=secretary, round_id=round_id, product_id=product.product_id,
        registration_type=RegistrationType.FIRST, submission_date=dt.date(2020, 9, 1),
    )  # fmt: skip
    choices = best_choices(load_sheet("QD1048-2019", sheet_id))
    for index, name in enumerate(NAMES[:3]):
        member = round_setup.add_member(
            db, actor=secretary, council_id=council, full_name=name,
            role=MemberRole.CHAIR if index == 0 else MemberRole.MEMBER,
        )  # fmt: skip
        ballot = scoring_session.open_ballot(
            db, actor=secretary, dossier_id=dossier, member_id=member, entry_mode=EntryMode.PAPER
        )
        scoring_session.record_choices(db, actor=secretary, ballot_id=ballot, choices=choices)
        scoring_session.confirm_paper_ballot(db, actor=second, ballot_id=ballot, choices=choices)
    assert results.compute_result(db, actor=secretary, dossier_id=dossier).revealed
    return round_id


@pytest.mark.parametrize("version_id", ["QD1048-2019", "QD26-2026"])
def test_the_result_of_a_1048_round_says_its_minimums_are_not_checked(
    window: MainWindow, empty_db: Database, monkeypatch: pytest.MonkeyPatch, version_id: str
) -> None:
    if version_id == "QD1048-2019":
        _round_1048(empty_db)
    else:
        meeting = build_meeting(empty_db)
        for name in NAMES:
            meeting.score("QD26-2026-07", name)
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", PASSWORD))
    app.Controller(window).open_path(empty_db.path)
    shortcut(window, Qt.Key.Key_5, ALT)  # Kết quả
    summary = window.results_page.summary.text()
    assert "Điểm trung bình" in summary  # the result is shown
    assert (NOTICE in summary and "781/QĐ-TTg" in summary) is (version_id == "QD1048-2019")
    dialogs.done()
