"""The recognition decision recorded from the results page (refused inputs said in words, nothing written until
they are right), its certificates printed, a certificate revoked; and who may do it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.enums import CertificateStatus, RevocationGround
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import council_key, queries, recognition, results, round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.round_documents import render_round_documents
from ocop_desktop.ui.dialogs import SignInDialog
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages import results as results_module
from ocop_desktop.ui.pages.results.recognition_dialogs import RecognitionDialog, RevocationDialog
from tests.builders import TEST_PASSPHRASE
from tests.gui.people import Dialogs, shortcut, sign_in
from tests.integration.meeting import NAMES, PASSWORD, Meeting, build_meeting


@pytest.fixture
def approved(empty_db: Database) -> Meeting:
    """Two products approved: 3★ (recognised by the province) and 5★ (by the central level)."""
    m = build_meeting(empty_db, sheets=("QD26-2026-07", "QD26-2026-11"))
    m.attend()
    sheet11 = load_sheet("QD26-2026", "QD26-2026-11")
    weaker = {i.id: max(1, len(i.options) - 1) for i in sheet11.items}
    for name in NAMES:
        m.score("QD26-2026-07", name)
        m.score("QD26-2026-11", name, weaker)
    for dossier in m.dossiers.values():
        results.approve_result(empty_db, actor=m.chair, dossier_id=dossier)
    return m


def results_window(qtbot: QtBot, db: Database, meeting: Meeting, actor: Any, sheet: str) -> MainWindow:
    window = MainWindow(db, actor)
    qtbot.addWidget(window)
    window.select_dossier(meeting.dossiers[sheet])
    window.nav.setCurrentRow(PAGES.index("results"))
    return window


def take_over(window: MainWindow, monkeypatch: pytest.MonkeyPatch, username: str) -> None:
    """The person at the laptop signs out (Ctrl+L) and the next one signs in with their password."""
    window.show()
    dialogs = Dialogs(monkeypatch).expect(SignInDialog, sign_in(username, PASSWORD))
    shortcut(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialogs.done()


def fill(dialog: RecognitionDialog, **fields: str) -> None:
    for name, value in fields.items():
        getattr(dialog, name).setText(value)


def test_only_whoever_may_issue_sees_the_decision_button(
    qtbot: QtBot, empty_db: Database, approved: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = results_window(qtbot, empty_db, approved, approved.secretary, "QD26-2026-11")
    assert not window.results_page.recognise_button.isEnabled()
    take_over(window, monkeypatch, "canbo")
    assert window.results_page.recognise_button.isEnabled()
    assert not window.results_page.revoke_button.isEnabled()  # no certificate yet


def test_decision_recorded_from_the_dialog_issues_certificates_that_print(
    qtbot: QtBot, empty_db: Database, approved: Meeting, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = results_window(qtbot, empty_db, approved, approved.officer, "QD26-2026-11")
    council_key.unlock(TEST_PASSPHRASE)  # the officer typed the passphrase (opening the file locked the key)
    seen: dict[str, Any] = {}

    def exec_(dialog: RecognitionDialog) -> int:
        texts = [dialog.products.item(i).text() for i in range(dialog.products.count())]
        seen["products"] = texts
        seen["validity"] = dialog.validity.text()
        fill(dialog, number="", date="31/02/2026", signer="")
        dialog.try_accept()  # a date that is not a day: refused in the window, naming the field
        seen["bad date"] = dialog.errors.text()
        fill(dialog, date="30/11/2026")
        dialog.try_accept()  # the service names every missing field
        seen["missing"] = dialog.errors.text()
        fill(dialog, number="123/QĐ-UBND", signer="Nguyễn Văn A", signer_title="KT. CHỦ TỊCH - PHÓ CHỦ TỊCH")
        dialog.try_accept()
        return int(dialog.result())

    monkeypatch.setattr(RecognitionDialog, "exec", exec_)
    asked: list[str] = []
    monkeypatch.setattr(results_module, "confirm", lambda _p, _t, text: asked.append(text) or True)
    issued = window.results.record_recognition()

    assert issued is not None and len(issued.certificates) == 1
    assert "đề nghị cấp trung ương đánh giá, công nhận 5 sao" in seen["products"][0]
    assert "Chưa công nhận hạng sao nào" in seen["products"][0] and seen["products"][1].startswith(
        "★★★ Sản phẩm QD26-2026-11"
    )
    assert "36 tháng" in seen["validity"]
    assert "Ngày ký «31/02/2026» không hợp lệ" in seen["bad date"]
    assert "số quyết định" in seen["missing"] and "người ký" in seen["missing"]
    assert "1 giấy chứng nhận" in asked[0] and issued.certificates[0].number in asked[0]
    assert window.pages.currentIndex() == PAGES.index("documents")  # offered, and taken, to print them
    plan = recognition.recognition_plan(empty_db, round_id=approved.round_id, date=dt.date(2026, 11, 30))
    certified = [c for c in plan.candidates if c.certificate_number is not None]
    assert [c.decision_number for c in certified] == ["123/QĐ-UBND"]
    assert issued.certificates[0].expiry_date == dt.date(2029, 11, 30)
    (pdf,) = [
        p
        for p in render_round_documents(
            empty_db, actor=SYSTEM, round_id=approved.round_id, out=tmp_path / "out", kinds=("certificates",)
        )
        if p.suffix == ".pdf"
    ]
    assert issued.certificates[0].number in PdfReader(pdf).pages[0].extract_text()
    window.select_dossier(approved.dossiers["QD26-2026-11"])
    window.nav.setCurrentRow(PAGES.index("results"))
    assert not window.results_page.recognise_button.isEnabled()  # nothing left to recognise
    assert issued.certificates[0].number in window.results_page.certificate.text()


def test_a_refused_decision_changes_nothing_and_a_cancelled_one_neither(
    qtbot: QtBot, empty_db: Database, approved: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = results_window(qtbot, empty_db, approved, approved.officer, "QD26-2026-11")
    errors: list[str] = []

    def exec_(dialog: RecognitionDialog) -> int:
        for i in range(dialog.products.count()):
            dialog.products.item(i).setCheckState(Qt.CheckState.Unchecked)
        fill(dialog, number="1/QĐ-UBND", signer="A")
        dialog.try_accept()
        errors.append(dialog.errors.text())
        return int(dialog.result())

    monkeypatch.setattr(RecognitionDialog, "exec", exec_)
    assert window.results.record_recognition() is None
    assert "ít nhất một sản phẩm" in errors[0]
    plan = recognition.recognition_plan(empty_db, round_id=approved.round_id, date=dt.date.today())
    assert all(c.certificate_id is None for c in plan.candidates)


def test_a_certificate_is_revoked_from_the_results_page(
    qtbot: QtBot, empty_db: Database, approved: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    recognition.issue_decision(
        empty_db,
        actor=approved.officer,
        round_id=approved.round_id,
        number="1/QĐ-UBND",
        date=dt.date(2026, 11, 30),
        signer="Nguyễn Văn A",
        issuing_body="UBND TỈNH THỬ",
    )
    window = results_window(qtbot, empty_db, approved, approved.secretary, "QD26-2026-11")
    assert not window.results_page.revoke_button.isEnabled()
    take_over(window, monkeypatch, "canbo")
    assert window.results_page.revoke_button.isEnabled()
    errors: list[str] = []

    def exec_(dialog: RevocationDialog) -> int:
        dialog.try_accept()
        errors.append(dialog.errors.text())
        dialog.ground.setCurrentIndex(dialog.ground.findData(RevocationGround.STOPPED_PRODUCTION))
        dialog.decision_number.setText("99/QĐ-UBND")
        dialog.reason.setText("Chủ thể ngừng sản xuất")
        dialog.date.setText("01/05/2027")
        dialog.try_accept()
        return int(dialog.result())

    monkeypatch.setattr(RevocationDialog, "exec", exec_)
    window.results.revoke_certificate()
    assert "số quyết định và lý do thu hồi" in errors[0]
    plan = recognition.recognition_plan(empty_db, round_id=approved.round_id, date=dt.date(2026, 11, 30))
    (revoked,) = [c for c in plan.candidates if c.certificate_id is not None]
    assert revoked.certificate_status is CertificateStatus.REVOKED
    assert not window.results_page.revoke_button.isEnabled()
    assert "đã thu hồi" in window.results_page.certificate.text()


def test_a_council_that_recognises_within_its_authority_certifies_the_five_star_product_at_four(
    qtbot: QtBot, empty_db: Database, approved: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Policy ABOVE_AUTHORITY set to recognise_within_authority: the results page and the decision dialog say that
    the 5★ product is recognised now at 4★ and proposed to the central level; its certificate carries 4★."""
    council_id = queries.round_view(empty_db, approved.round_id, actor=approved.secretary).council_id
    round_setup.update_council(
        empty_db, actor=approved.secretary, council_id=council_id, above_authority="recognise_within_authority"
    )
    window = results_window(qtbot, empty_db, approved, approved.officer, "QD26-2026-07")
    summary = window.results_page.summary.text()
    assert "Công nhận ngay 4 sao trong thẩm quyền; đề nghị cấp trung ương đánh giá, công nhận 5 sao" in summary
    council_key.unlock(TEST_PASSPHRASE)
    seen: dict[str, Any] = {}

    def exec_(dialog: RecognitionDialog) -> int:
        first = dialog.products.item(0)
        seen["text"], seen["checked"] = first.text(), first.checkState()
        fill(dialog, number="7/QĐ-UBND", date="30/11/2026", signer="Nguyễn Văn A")
        dialog.try_accept()
        return int(dialog.result())

    monkeypatch.setattr(RecognitionDialog, "exec", exec_)
    monkeypatch.setattr(results_module, "confirm", lambda *_a: False)
    issued = window.results.record_recognition()
    assert "Công nhận ngay 4 sao trong thẩm quyền" in seen["text"] and seen["checked"] == Qt.CheckState.Checked
    assert issued is not None
    assert sorted((c.dossier_id, c.stars) for c in issued.certificates) == sorted(
        [(approved.dossiers["QD26-2026-07"], 4), (approved.dossiers["QD26-2026-11"], 3)]
    )
