"""The secretary imports a member's returned Excel ballots from the window, offscreen, on the demo round with a
dossier added after its meeting: the file chosen, read off the GUI thread, previewed (member, round, file, SHA-256,
one row per product sheet), saved only from a clean preview, and the new ballot submitted and counted on the round
page; a bad cell, a file that is no workbook, a workbook of another round and a file changed after its preview are
each shown in words with nothing saved."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.documents import ballot_workbook as layout
from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.models import Ballot, CouncilMember, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.engine import MemberBallot, evaluated_items, member_score
from ocop_desktop.services import accounts, round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.documents.ballot_import import BallotImportDialog
from tests.integration.test_ballot_workbooks import (
    LATE_SHEET,
    LATE_TITLE,
    _digest,
    export_by_member,
    fill_sheet,
    late_dossier,
)

MEMBER = "Lê Đức Thắng"
OPINION = "Chè thơm, nước xanh; nên ghi rõ hạn dùng."


@pytest.fixture
def late(demo_db: Database) -> tuple[str, str]:
    """The demo round and a dossier of it nobody has scored yet."""
    with demo_db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    return round_id, late_dossier(demo_db, round_id)


@pytest.fixture
def workbook(demo_db: Database, late: tuple[str, str], tmp_path: Path) -> Path:
    """The member's workbook as exported, the late product's sheet filled with the top option everywhere."""
    path = export_by_member(demo_db, late[0], tmp_path / "phieu-excel")[MEMBER]
    fill_sheet(path, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), lambda item: len(item.options), OPINION)
    return path


def open_window(qtbot: QtBot, db: Database, username: str = "thuky") -> MainWindow:
    window = MainWindow(db, accounts.authenticate(db, username=username, password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    return window


def seen(monkeypatch: pytest.MonkeyPatch, path: Path, answer: Callable[[BallotImportDialog], None]) -> list[Any]:
    """The file dialog returns `path`; the preview is recorded, then `answer` acts on it as the person would.
    Message boxes shown afterwards are recorded too (title, text)."""
    shown: list[Any] = []
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: path)

    def exec_(dialog: BallotImportDialog) -> int:
        shown.append(
            {
                "member": dialog.member.text(),
                "round": dialog.round.text(),
                "file": dialog.file.text(),
                "sha": dialog.sha.text(),
                "summary": dialog.summary.text(),
                "rows": dialog.rows(),
                "problems": dialog.problem_texts(),
                "save": dialog.save.text(),
                "save_enabled": dialog.save.isEnabled(),
            }
        )
        answer(dialog)
        return dialog.result()

    def message(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(BallotImportDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "exec", message)
    return shown


def press_save(dialog: BallotImportDialog) -> None:
    dialog.save.click()


def cancel(dialog: BallotImportDialog) -> None:
    dialog.reject()


def ballots_of(db: Database, dossier_id: str) -> list[tuple[str, BallotStatus, EntryMode, str | None, dict[str, int]]]:
    """Who, status, entry mode, opinion and choices of every ballot of the dossier."""
    with db.reading() as s:
        return [
            (b.member_id, b.status, b.entry_mode, b.opinion, {c.item_id: c.option_number for c in b.choices})
            for b in s.scalars(select(Ballot).where(Ballot.dossier_id == dossier_id))
        ]


def agenda_progress(window: MainWindow, dossier_id: str) -> str:
    """The "submitted / expected" cell of the dossier's row on the round page."""
    model = window.round_page.model
    row = next(r for r in range(model.rowCount()) if model.dossier_at(r) == dossier_id)
    return str(model.index(row, 5).data())


def test_secretary_imports_a_workbook_from_the_documents_page(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db)
    assert agenda_progress(window, late[1]) == "0/6"
    window.nav.setCurrentRow(PAGES.index("documents"))
    button = window.documents_page.import_ballots_button
    assert button.isEnabled() and button.text() == "Nhập phiếu chấm Excel…"
    shown = seen(monkeypatch, workbook, press_save)
    button.click()

    preview, (title, text) = shown
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    chosen = {item_id: len(item.options) for item_id, (_row, item) in layout.choice_rows(sheet).items()}
    score = member_score(sheet, MemberBallot("", chosen), evaluated_items(sheet, []))
    parts = " · ".join(f"Phần {part}: {points}" for part, points in score.part_totals.items())
    titles = [t for t in load_workbook(workbook, read_only=True).sheetnames if t[:2].isdigit()]
    assert preview["member"] == MEMBER and preview["round"] == "Đợt 2 năm 2026"
    assert preview["file"] == "le-duc-thang.xlsx"
    assert preview["sha"] == hashlib.sha256(workbook.read_bytes()).hexdigest()[:16]
    assert preview["summary"] == "1 phiếu hợp lệ, sẵn sàng lưu và nộp."
    blank = [(t, "để trống", "bỏ qua, không lưu phiếu cho sản phẩm này") for t in titles[:-1]]
    assert preview["rows"] == [*blank, (LATE_TITLE, str(score.total), parts)]
    assert preview["problems"] == [] and preview["save"] == "Lưu và nộp phiếu" and preview["save_enabled"]

    with demo_db.reading() as s:
        thang = s.scalars(select(CouncilMember.id).where(CouncilMember.full_name == MEMBER)).one()
    assert ballots_of(demo_db, late[1]) == [(thang, BallotStatus.SUBMITTED, EntryMode.IMPORTED, OPINION, chosen)]
    assert title == "Đã nhập phiếu chấm Excel"
    saved, backup = text.split("\nBản sao lưu trước khi nhập: ")
    assert saved == f"Đã lưu và nộp 1 phiếu chấm của {MEMBER}." and Path(backup).is_file()
    window.nav.setCurrentRow(PAGES.index("round"))
    assert agenda_progress(window, late[1]) == "1/6"  # the round page shows the new ballot


def test_a_bad_cell_is_named_by_sheet_and_cell_and_nothing_is_saved(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = layout.choice_rows(load_sheet("QD26-2026", LATE_SHEET))["1.2"][0]
    book = load_workbook(workbook)
    book[LATE_TITLE].cell(row, layout.CHOICE_COLUMN, "Rất tốt (5 điểm)")
    book.save(workbook)
    window = open_window(qtbot, demo_db)
    window.nav.setCurrentRow(PAGES.index("documents"))
    before = _digest(demo_db)  # after signing in, which is audited
    shown = seen(monkeypatch, workbook, cancel)
    window.documents_page.import_ballots_button.click()

    (preview,) = shown  # no message after a cancelled preview
    assert preview["summary"] == "Tệp có 1 lỗi; chưa lưu gì. Hãy sửa trong Excel rồi nhập lại."
    assert preview["rows"][-1] == (LATE_TITLE, "có lỗi", "xem danh sách lỗi bên dưới")
    assert preview["problems"] == [
        f"• Tệp «le-duc-thang.xlsx», phiếu {LATE_TITLE}, ô C{row}: «Rất tốt (5 điểm)» không có trong "
        "danh sách phương án của tiêu chí 1.2; hãy chọn trong danh sách thả xuống"
    ]
    assert not preview["save_enabled"]
    assert _digest(demo_db) == before and ballots_of(demo_db, late[1]) == []


def test_a_file_that_is_not_a_workbook_is_refused_whole_with_its_message(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "phieu-cham.xlsx"
    path.write_text("Phiếu chấm: 1.1 = 3", encoding="utf-8")
    window = open_window(qtbot, demo_db)
    window.nav.setCurrentRow(PAGES.index("documents"))
    before = _digest(demo_db)  # after signing in, which is audited
    shown = seen(monkeypatch, path, cancel)
    window.documents_page.import_ballots_button.click()

    (preview,) = shown
    assert (preview["member"], preview["round"], preview["file"]) == ("—", "—", "phieu-cham.xlsx")
    assert preview["rows"] == [] and not preview["save_enabled"]
    (problem,) = preview["problems"]
    assert problem.startswith("• Tệp «phieu-cham.xlsx»: ") and "Traceback" not in problem
    assert _digest(demo_db) == before


def test_a_workbook_of_another_round_than_the_one_chosen_is_refused(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo_db.reading() as s:
        council = s.scalars(select(Round.council_id)).one()
    other = round_setup.create_round(
        demo_db, actor=SYSTEM, council_id=council, name="Đợt 3 năm 2026", year=2026, rule_version_id="QD26-2026"
    )
    window = open_window(qtbot, demo_db)
    window.round_box.setCurrentIndex(window.round_box.findData(other))
    assert window.round_id == other
    window.nav.setCurrentRow(PAGES.index("documents"))
    before = _digest(demo_db)  # after signing in, which is audited
    shown = seen(monkeypatch, workbook, cancel)
    window.documents_page.import_ballots_button.click()

    (preview,) = shown
    assert preview["problems"] == ["• Tệp «le-duc-thang.xlsx»: phiếu chấm thuộc một đợt đánh giá khác"]
    assert not preview["save_enabled"] and _digest(demo_db) == before


def test_a_file_changed_after_its_preview_is_not_saved(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the scoring page this time: the member sends a corrected file over the one being previewed."""
    window = open_window(qtbot, demo_db)
    window.nav.setCurrentRow(PAGES.index("scoring"))
    assert window.import_ballots_button.isEnabled()

    def replaced_then_saved(dialog: BallotImportDialog) -> None:
        book = load_workbook(workbook)
        book[LATE_TITLE].cell(layout.opinion_row(load_sheet("QD26-2026", LATE_SHEET)), 1, "Ý kiến đã sửa")
        book.save(workbook)
        dialog.save.click()

    before = _digest(demo_db)  # after signing in, which is audited
    shown = seen(monkeypatch, workbook, replaced_then_saved)
    window.import_ballots_button.click()

    preview, (title, text) = shown
    assert preview["save_enabled"]
    assert title == "Không thực hiện được"
    assert text == (
        "• Tệp «le-duc-thang.xlsx»: tệp đã thay đổi sau khi xem trước; chưa lưu gì, hãy nhập lại để xem nội dung mới"
    )
    assert _digest(demo_db) == before


@pytest.mark.parametrize("username", ["tv1", "canbotinh"])
def test_only_a_person_who_may_score_for_members_sees_the_import_enabled(
    qtbot: QtBot, demo_db: Database, username: str
) -> None:
    window = open_window(qtbot, demo_db, username)
    for page in ("documents", "scoring"):
        window.nav.setCurrentRow(PAGES.index(page))
    buttons: list[QPushButton] = [window.documents_page.import_ballots_button, window.import_ballots_button]
    assert [b.isEnabled() for b in buttons] == [False, False]
    secretary = open_window(qtbot, demo_db)
    for page in ("documents", "scoring"):
        secretary.nav.setCurrentRow(PAGES.index(page))
    assert secretary.documents_page.import_ballots_button.isEnabled() and secretary.import_ballots_button.isEnabled()


def test_cancelling_the_file_dialog_does_nothing(
    qtbot: QtBot, demo_db: Database, late: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db)
    window.nav.setCurrentRow(PAGES.index("documents"))
    before = _digest(demo_db)  # after signing in, which is audited
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: None)
    window.documents_page.import_ballots_button.click()  # an unexpected dialog would fail the test
    assert _digest(demo_db) == before
