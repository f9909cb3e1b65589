"""The signing key from the window, offscreen: the Documents page asks for the passphrase before certificates (a
wrong one is said in the dialog) and offers to create the key when there is none; the council key dialog creates,
changes the passphrase, exports the public key and saves the form; the registry adds a key only after the officer
ticks that the key id matches the paper, and revokes from a date."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ocop_desktop.persistence import keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.ui.file import keys as keys_view
from ocop_desktop.ui.file.keys import (
    ConfirmKeyDialog,
    CouncilKeyDialog,
    NewPassphraseDialog,
    RevokeDialog,
    TrustedKeysDialog,
    UnlockDialog,
)
from ocop_desktop.ui.main_window import MainWindow
from tests.builders import TEST_PASSPHRASE
from tests.gui.test_documents_gui import choose, open_documents

PASSPHRASE = "hội đồng OCOP Đại Từ 2026"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(folder))
    keys.forget_unlocked_keys()
    yield folder
    keys.forget_unlocked_keys()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes said; confirmations are answered yes."""
    texts: list[str] = []

    def inform(_parent: object, _title: str, text: str) -> None:
        texts.append(text)

    def confirm(_parent: object, _title: str, text: str) -> bool:
        texts.append(text)
        return True

    monkeypatch.setattr(keys_view, "inform", inform)
    monkeypatch.setattr(keys_view, "confirm", confirm)
    monkeypatch.setattr(keys_view, "show_error", lambda _p, exc: texts.append(str(exc)))
    return texts


def ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def answer_with(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: object) -> list[QDialog]:
    """Replace `cls.exec` by filling the dialog as a person would and pressing OK."""
    shown: list[QDialog] = []

    def exec_(self: QDialog) -> int:
        shown.append(self)
        fill(self)  # type: ignore[operator]
        return int(self.result())

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


def test_creating_the_key_twice_typed(qtbot: QtBot, data: Path) -> None:
    dialog = NewPassphraseDialog(None, "create", issuer="Hội đồng OCOP huyện Đại Từ")
    qtbot.addWidget(dialog)
    dialog.first.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "!")
    ok(dialog)
    assert "không giống nhau" in dialog.message.text() and dialog.result() != QDialog.DialogCode.Accepted
    assert keys.stored_key(data) is None
    dialog.first.setText("ngắn")
    dialog.again.setText("ngắn")
    ok(dialog)
    assert "ít nhất 10 ký tự" in dialog.message.text()
    dialog.first.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key is not None
    stored = keys.stored_key(data)
    assert stored is not None and stored.issuer == "Hội đồng OCOP huyện Đại Từ" and stored.protected
    assert not dialog.first.text() and not dialog.again.text()  # the passphrase does not stay in the widgets


def test_documents_ask_for_the_passphrase_before_certificates(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = keys.create_key(PASSPHRASE, data)
    keys.forget_unlocked_keys()
    attempts = iter(["không phải cụm này", PASSPHRASE])
    messages: list[str] = []

    def type_passphrase(dialog: UnlockDialog) -> None:
        for attempt in attempts:
            dialog.passphrase.setText(attempt)
            ok(dialog)
            messages.append(dialog.message.text())
            if dialog.result() == QDialog.DialogCode.Accepted:
                return

    shown = answer_with(monkeypatch, UnlockDialog, type_passphrase)
    _window, page = open_documents(qtbot, demo_db, tmp_path / "out", passphrase=None)
    choose(page, "certificates")
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None and page.files.count() > 0, timeout=60000)
    assert len(shown) == 1 and messages == ["Cụm mật khẩu không đúng; khóa ký vẫn đang khóa", ""]
    assert keys.installation_key(data).public_raw == made.public_raw
    # the key stays open for the session: the next batch asks nothing
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None and page.files.count() > 0, timeout=60000)
    assert len(shown) == 1


def test_cancelling_the_passphrase_makes_nothing(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys.create_key(PASSPHRASE, data)
    keys.forget_unlocked_keys()
    answer_with(monkeypatch, UnlockDialog, lambda dialog: dialog.reject())
    _window, page = open_documents(qtbot, demo_db, tmp_path / "out", passphrase=None)
    choose(page, "certificates", "feedback")
    page.generate_button.click()
    assert page.running is None and page.files.count() == 0 and not (tmp_path / "out").exists()
    choose(page, "feedback")  # no certificate, no key needed
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None and page.files.count() > 0, timeout=60000)


def test_documents_offer_to_create_the_key_when_there_is_none(
    qtbot: QtBot, demo_db: Database, data: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    def create(dialog: NewPassphraseDialog) -> None:
        assert dialog.issuer.text()  # the council's name is offered
        dialog.first.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        ok(dialog)

    answer_with(monkeypatch, NewPassphraseDialog, create)
    _window, page = open_documents(qtbot, demo_db, data.parent / "out", passphrase=None)
    choose(page, "certificates")
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.running is None and page.files.count() > 0, timeout=60000)
    assert "chưa có khóa" in said[0]
    assert keys.stored_key(data) is not None


def test_the_council_key_dialog(
    qtbot: QtBot, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    dialog = CouncilKeyDialog(None, council_name="Hội đồng OCOP huyện Đại Từ")
    qtbot.addWidget(dialog)
    assert dialog.key_id.text() == "—" and not dialog.export_button.isEnabled()
    assert dialog.issuer.text() == "Hội đồng OCOP huyện Đại Từ"

    def create(new: NewPassphraseDialog) -> None:
        assert new.mode == "create" and new.issuer.text() == "Hội đồng OCOP huyện Đại Từ"
        new.first.setText(PASSPHRASE)
        new.again.setText(PASSPHRASE)
        ok(new)

    answer_with(monkeypatch, NewPassphraseDialog, create)
    dialog.create_button.click()
    stored = keys.stored_key(data)
    assert stored is not None and dialog.key_id.text() == stored.key_id
    assert dialog.create_button.isHidden() and not dialog.passphrase_button.isHidden()

    def change(new: NewPassphraseDialog) -> None:
        assert new.mode == "change"
        new.old.setText(PASSPHRASE)
        new.first.setText("cụm mật khẩu mới 2027")
        new.again.setText("cụm mật khẩu mới 2027")
        ok(new)

    answer_with(monkeypatch, NewPassphraseDialog, change)
    dialog.passphrase_button.click()
    assert said[-1] == "Đã đổi cụm mật khẩu. Khóa ký giữ nguyên."
    keys.forget_unlocked_keys()
    assert keys.unlock_key("cụm mật khẩu mới 2027", data).key_id == stored.key_id

    targets = iter([tmp_path / "khoa.json", tmp_path / "phieu.pdf"])
    monkeypatch.setattr(keys_view, "choose_save_path", lambda *_a: next(targets))
    dialog.export_button.click()
    assert json.loads((tmp_path / "khoa.json").read_text(encoding="utf-8"))["key_id"] == stored.key_id
    dialog.form_button.click()
    assert (tmp_path / "phieu.pdf").read_bytes().startswith(b"%PDF")
    assert "Chủ tịch hội đồng ký, đóng dấu" in said[-1]


def test_an_older_key_is_offered_protection(qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    data.mkdir()
    private = Ed25519PrivateKey.generate()
    (data / keys.LEGACY_KEY_FILE).write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    dialog = CouncilKeyDialog(None)
    qtbot.addWidget(dialog)
    assert "CHƯA BẢO VỆ" in dialog.state.text() and dialog.create_button.text() == "Đặt cụm mật khẩu…"

    def protect(new: NewPassphraseDialog) -> None:
        assert new.mode == "protect"
        new.first.setText(PASSPHRASE)
        new.again.setText(PASSPHRASE)
        ok(new)

    answer_with(monkeypatch, NewPassphraseDialog, protect)
    dialog.create_button.click()
    stored = keys.stored_key(data)
    assert stored is not None and stored.protected and not (data / keys.LEGACY_KEY_FILE).exists()
    assert stored.public_raw == private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def test_the_registry_adds_only_a_confirmed_key_and_revokes_from_a_date(
    qtbot: QtBot, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    council = keys.create_key(TEST_PASSPHRASE, tmp_path / "council", issuer="Hội đồng OCOP huyện Phú Lương")
    public = tmp_path / "khoa.json"
    public.write_text(keys.public_key_document(council, "Hội đồng OCOP huyện Phú Lương", dt.date.today()))
    dialog = TrustedKeysDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()
    monkeypatch.setattr(keys_view, "choose_public_key_file", lambda _parent: public)

    seen: list[tuple[str, bool]] = []

    def refuse(confirm: ConfirmKeyDialog) -> None:
        seen.append((confirm.key_id.text(), confirm.ok.isEnabled()))
        confirm.reject()

    answer_with(monkeypatch, ConfirmKeyDialog, refuse)
    dialog.add_button.click()
    assert seen == [(council.key_id, False)] and dialog.table.rowCount() == 0

    swapped = keys.create_key(TEST_PASSPHRASE, tmp_path / "swapped")

    def compare(confirm: ConfirmKeyDialog) -> None:
        # the file changed while the officer was comparing: what is added is still the key that was shown
        public.write_text(keys.public_key_document(swapped, "Hội đồng OCOP huyện Phú Lương", None))
        confirm.compared.setChecked(True)
        assert confirm.ok.isEnabled()
        confirm.ok.click()

    answer_with(monkeypatch, ConfirmKeyDialog, compare)
    dialog.add_button.click()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(5)]
    today = dt.date.today().strftime("%d/%m/%Y")
    assert row == ["Hội đồng OCOP huyện Phú Lương", council.key_id, "—", today, ""]  # a key file naming no council
    assert not dialog.revoke_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.revoke_button.isEnabled()

    def revoke(form: RevokeDialog) -> None:
        form.since.setText("31/02/2026")
        ok(form)
        assert "31/02/2026" in form.message.text()
        form.since.setText("01/12/2026")
        ok(form)
        assert "lý do" in form.message.text()
        form.reason.setText("mất máy tính")
        ok(form)

    answer_with(monkeypatch, RevokeDialog, revoke)
    dialog.revoke_button.click()
    assert dialog.table.item(0, 4).text() == "01/12/2026 — mất máy tính"
    assert keys.revocation(council.public_raw, data) == keys.Revocation(dt.date(2026, 12, 1), "mất máy tính")

    monkeypatch.setattr(keys_view, "choose_public_key_file", lambda _parent: tmp_path / "missing.json")
    dialog.add_button.click()
    assert said and dialog.table.rowCount() == 1


def test_the_menu_opens_both_dialogs(qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(demo_db, accounts.authenticate(demo_db, username="thuky", password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    opened: list[str] = []
    monkeypatch.setattr(CouncilKeyDialog, "exec", lambda self: opened.append(self.issuer.text()) or 0)
    monkeypatch.setattr(TrustedKeysDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Khóa ký")
    for action in menu.actions():
        action.trigger()
    assert opened == ["Hội đồng thử nghiệm", "TrustedKeysDialog"]  # the name given to the session's key


def test_the_demo_round_signs_with_its_demo_key_without_asking(
    qtbot: QtBot, tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.documents import certificate
    from ocop_desktop.services.certificate_seal import Seal, verify_payload
    from ocop_desktop.services.council_key import demo_key_folder
    from ocop_desktop.ui import app

    monkeypatch.setattr(app.SignInDialog, "exec", lambda self: 0)
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window).open_demo()
    path = data / "dot-mau.ocopdb"  # built in the person's data folder
    demo = keys.stored_key(demo_key_folder(path))
    assert demo is not None and demo.demo and keys.stored_key(data) is None
    keys.forget_unlocked_keys()  # the demo key is opened again from its published passphrase, nobody is asked
    with Database.open(path) as db:
        _window, page = open_documents(qtbot, db, tmp_path / "out", passphrase=None)
        choose(page, "certificates")
        page.generate_button.click()
        qtbot.waitUntil(lambda: page.running is None and page.files.count() > 0, timeout=60000)
    payload = certificate.read_qr_payloads(tmp_path / "out" / "giay-chung-nhan.pdf")[0]
    check = verify_payload(payload)
    assert check.seal is Seal.UNKNOWN_ISSUER and check.key_id == demo.key_id


def test_a_damaged_revocation_record_is_said_from_the_menu_not_as_an_unexpected_error(
    qtbot: QtBot, data: Path, tmp_path: Path, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.ui import menus

    council = keys.create_key(TEST_PASSPHRASE, tmp_path / "council", issuer="Hội đồng OCOP huyện Phú Lương")
    keys.trust_public_key(keys.public_key_line(council, "Hội đồng OCOP huyện Phú Lương"), data)
    (data / keys.TRUSTED_DIR / f"{council.key_id}.revoked").write_text("{cut off", encoding="utf-8")
    window = MainWindow(demo_db, accounts.authenticate(demo_db, username="thuky", password=DEMO_PASSWORD))
    qtbot.addWidget(window)
    said: list[str] = []
    monkeypatch.setattr(menus, "show_error", lambda _parent, exc: said.extend(p.code for p in exc.problems))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Khóa ký")
    menu.actions()[-1].trigger()
    assert said == ["key.revocation_damaged"]
