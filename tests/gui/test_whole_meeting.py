"""The whole meeting on the rehearsal round (`demo --before-meeting`), keyboard first, the way the council runs it
on one laptop: the secretary signs in and looks at the sheet; each member takes the laptop with Ctrl+U and a PIN and
scores; nobody's figures show on the agenda, the results page or the projector before every counted member has
submitted; one ballot comes on paper and is typed twice; a spread over the limit is discussed and re-scored; the
chair approves; the secretary signs back in and prints the minutes. The database and the screen are checked at
every step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.models import Ballot, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.services import queries
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DEMO_PASSWORD, RehearsalSummary, build_rehearsal
from ocop_desktop.ui import app
from ocop_desktop.ui.dialogs import MemberPinDialog, SignInDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.scoring.paper_entry import PaperSecondEntry
from tests.builders import best_choices, lowest_choices
from tests.gui.people import Dialogs, focused, keys, member_pin, press_button, shortcut, sign_in, write_text

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def rehearsal(tmp_path: Path) -> RehearsalSummary:
    return build_rehearsal(tmp_path / "dien-tap.ocopdb")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    made = MainWindow()
    made.show()
    yield made
    db = made.ctx.close_file()
    if db is not None:
        db.close()
    made.close()
    made.deleteLater()


def type_sheet(window: QDialog | MainWindow, sheet: Sheet, choices: dict[str, int]) -> None:
    for item in sheet.items:
        keys(focused(window), Qt.Key(Qt.Key.Key_0 + choices[item.id]), Qt.Key.Key_Return)


def nothing_shown(window: MainWindow) -> None:
    """No average, star or spread of any product on the agenda, the results page or the projector."""
    window.nav.setCurrentRow(PAGES.index("round"))
    model = window.round_page.model
    cells = [str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any("★" in cell for cell in cells), cells
    window.nav.setCurrentRow(PAGES.index("results"))
    page = window.results_page
    assert page.stars.text() == "" and page.members.rowCount() == 0 and page.disputed.text() == ""
    projector = window.show_projector()
    assert "★" not in projector.body.text()
    projector.close()


def test_the_rehearsal_round_from_first_sign_in_to_printed_minutes(
    qtbot: QtBot, window: MainWindow, rehearsal: RehearsalSummary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = Path(rehearsal.path)
    with Database.open(path) as db:
        row = queries.round_view(db, rehearsal.round_id, actor=SYSTEM).dossiers[0]
        dossier = queries.dossier_view(db, row.dossier_id)
    sheet = dossier.sheet
    counted = [m for m in rehearsal.members if m.present and m.name not in dossier.recused]
    chair, low, on_paper = counted[0], counted[1], counted[-1]
    best, lowest = best_choices(sheet), lowest_choices(sheet)

    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in("thuky", DEMO_PASSWORD))
    app.Controller(window).open_path(path)
    db = window.db
    assert db is not None and window.actor is not None and window.actor.username == "thuky"
    shortcut(window, Qt.Key.Key_4, ALT)  # the secretary looks at the sheet before handing the laptop over
    assert window.nav.currentRow() == PAGES.index("scoring") and window.dossier_id == row.dossier_id

    def ballots() -> int:
        with db.reading() as s:
            return s.scalar(select(func.count()).select_from(Ballot)) or 0

    assert ballots() == 0

    def member_scores(member: object, choices: dict[str, int]) -> None:
        dialogs.expect(MemberPinDialog, member_pin(member.name, member.pin))  # type: ignore[attr-defined]
        shortcut(window, Qt.Key.Key_U, CTRL)
        assert window.scoring.choices == {} and len(window.scoring.boxes) == len(sheet.items)
        type_sheet(window, sheet, choices)
        dialogs.expect(QMessageBox, press_button("Có"))
        shortcut(window, Qt.Key.Key_Return, CTRL)
        assert window.scoring.boxes == []  # cleared at the submit

    for member in counted[:-1]:
        member_scores(member, lowest if member is low else best)
        nothing_shown(window)

    # the last ballot is on paper: the secretary signs back in, types it, a second secretary types it again
    dialogs.expect(SignInDialog, sign_in("thuky", DEMO_PASSWORD))
    shortcut(window, Qt.Key.Key_L, CTRL)
    shortcut(window, Qt.Key.Key_4, ALT)
    window.member_box.setCurrentIndex(window.member_box.findText(on_paper.name))
    window.scoring_page.paper_button.click()
    assert on_paper.name in window.scoring_page.banner.text()
    type_sheet(window, sheet, best)
    nothing_shown(window)
    shortcut(window, Qt.Key.Key_4, ALT)

    def second_typing(dialog: PaperSecondEntry) -> None:
        assert window.scoring.boxes == []  # the first typing is not behind the dialog
        type_sheet(dialog, sheet, best)
        keys(focused(dialog), Qt.Key.Key_Return)

    def second_person(dialog: SignInDialog) -> None:
        """Offered the other secretary, never the one who typed first (who would be refused), and told why."""
        assert dialog.username.text() == "thuky2" and dialog.focusWidget() is dialog.password
        assert any("tài khoản «thuky» gõ" in label.text() for label in dialog.findChildren(QLabel))
        sign_in("thuky2", DEMO_PASSWORD)(dialog)

    dialogs.expect(SignInDialog, second_person).expect(PaperSecondEntry, second_typing)
    shortcut(window, Qt.Key.Key_Return, CTRL)
    with db.reading() as s:
        paper = s.scalars(select(Ballot).where(Ballot.entry_mode == EntryMode.PAPER)).one()
        assert paper.status is BallotStatus.SUBMITTED

    # every counted member has submitted: the figures show; the spread is over the limit
    dialogs.expect(MemberPinDialog, member_pin(chair.name, chair.pin))
    shortcut(window, Qt.Key.Key_U, CTRL)
    shortcut(window, Qt.Key.Key_5, ALT)
    page = window.results_page
    assert page.stars.text() and page.members.rowCount() >= len(counted)
    assert "vượt ngưỡng" in page.disputed.text()
    dialogs.expect(QDialog, write_text("Thành viên chấm thấp giải thích; hội đồng thống nhất chấm lại."))
    page.discuss_button.click()
    dialogs.expect(QDialog, write_text("Chênh lệch vượt 10 điểm"))
    page.rescore_button.click()
    assert f"0/{len(counted)}" in page.summary.text()

    for member in counted:
        member_scores(member, best)
    dialogs.expect(MemberPinDialog, member_pin(chair.name, chair.pin))
    shortcut(window, Qt.Key.Key_U, CTRL)
    shortcut(window, Qt.Key.Key_5, ALT)
    assert "vượt ngưỡng" not in page.disputed.text() and "Lượt chấm 1" in page.history.text()
    dialogs.expect(QMessageBox, press_button("Có"))
    page.approve_button.click()
    assert "kết quả đã khóa" in page.status.text()
    assert "mã tạm thời: còn 11 sản phẩm chưa phê duyệt" in page.fingerprint.text()  # one of the twelve approved
    with db.reading() as s:
        assert s.scalars(
            select(Result.locked).where(Result.dossier_id == row.dossier_id, Result.scoring_round == 2)
        ).one()

    # the secretary takes the laptop back and prints the minutes
    dialogs.expect(SignInDialog, sign_in("thuky", DEMO_PASSWORD))
    shortcut(window, Qt.Key.Key_L, CTRL)
    assert window.actor is not None and window.actor.username == "thuky"
    shortcut(window, Qt.Key.Key_6, ALT)
    documents = window.documents_page
    for kind, box in documents.kind_boxes.items():
        box.setChecked(kind == "minutes")
    documents.folder.setText(str(tmp_path / "in"))
    documents.generate_button.click()
    qtbot.waitUntil(lambda: documents.running is None, timeout=120000)
    (minutes,) = sorted((tmp_path / "in").rglob("bien-ban*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(minutes).pages)
    assert dossier.product_name.split()[0] in text
    assert "(mã tạm thời, tính khi in biên bản: còn 11 sản phẩm" in " ".join(text.split())
    dialogs.done()
