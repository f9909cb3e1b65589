"""The first-run assistant and the start, offscreen: the assistant driven page by page makes the file, the
administrator, the settings, the key and its form, in the language chosen on its first page; cancelled midway it
leaves nothing; later starts open the last file; a damaged file offers its latest good backup and restores it, a
foreign file is said plainly, a newer file is never offered a restore; a screenshot never waits for the assistant."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.errors import DatabaseProblem
from ocop_desktop.persistence import backup, keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, settings
from ocop_desktop.ui import app, first_run, recovery
from ocop_desktop.ui.first_run import FIRST_RUN_DONE_KEY, FirstRunWizard, needs_first_run
from ocop_desktop.ui.i18n import current_lang, install
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.recovery import RecoveryDialog
from tests.integration.test_first_run import damage

PASSWORD = "mat-khau-thu-ky"
PASSPHRASE = "chè búp Tân Cương 2026"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A computer of the test's own: its data folder (where the new file goes by default) with no key yet; the
    interface back in Vietnamese afterwards whatever the assistant chose."""
    folder = tmp_path / "data"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(folder))
    yield folder
    instance = QApplication.instance()
    if instance is not None:
        install(instance, "vi")


def fill_to_the_end(wizard: FirstRunWizard, form_folder: Path) -> None:
    """Go through every page as the secretary would, up to the last one (nothing is made before Finish)."""
    wizard.show()
    assert wizard.currentPage() is wizard.language_page
    wizard.next()
    assert wizard.currentPage() is wizard.location_page
    wizard.next()
    admin = wizard.admin_page
    admin.username.setText("thuky")
    admin.full_name.setText("Nguyễn Thị Lan")
    admin.password.setText(PASSWORD)
    admin.again.setText(PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.identity_page
    wizard.identity_page.address.select("19", None)
    assert wizard.identity_page.issuing_body.text() == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    wizard.next()
    key = wizard.key_page
    assert key.new_key.isVisibleTo(wizard) and not key.old_key.isVisibleTo(wizard)
    key.passphrase.setText(PASSPHRASE)
    key.again.setText(PASSPHRASE)
    key.form_folder.setText(str(form_folder))
    wizard.next()
    assert wizard.currentPage() is wizard.finish_page


def test_the_assistant_sets_up_the_council_in_the_language_chosen(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    wizard.language_page.choices["en"].setChecked(True)
    assert current_lang() == "en" and QSettings().value("language") == "en"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >"
    assert wizard.location_page.title() == "Where the data file lives"
    assert wizard.identity_page.labels[0].text() == "Council level"
    wizard.language_page.choices["vi"].setChecked(True)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Tiếp tục >"
    assert wizard.location_page.title() == "Nơi lưu tệp dữ liệu"
    wizard.language_page.choices["en"].setChecked(True)
    identity = wizard.identity_page  # policy ABOVE_AUTHORITY of the councils the file will create
    assert identity.labels[6].text() == "Products above the council's authority"
    assert identity.above_authority.currentData() == "refer_and_wait"
    assert identity.above_authority.itemText(1).startswith("Recognise now the highest star")
    identity.above_authority.setCurrentIndex(identity.above_authority.findData("recognise_within_authority"))
    fill_to_the_end(wizard, tmp_path / "forms")
    path = data / "hoi-dong.ocopdb"
    assert not path.exists() and keys.stored_key(tmp_path / "key") is None  # nothing before Finish
    assert "hoi-dong.ocopdb" in wizard.finish_page.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted, wizard.finish_page.message.text()
    done = wizard.outcome.done
    assert done is not None and done.path == path and path.is_file()
    with Database.open(path) as db:
        assert accounts.authenticate(db, username="thuky", password=PASSWORD).username == "thuky"
        stored = settings.get_settings(db)
    assert (stored["province_code"], stored["council_level"], stored["place_name"]) == ("19", "tinh", "Thái Nguyên")
    assert stored["above_authority"] == "recognise_within_authority"
    key = keys.stored_key(tmp_path / "key")
    assert key is not None and done.key_id == key.key_id
    assert done.form is not None and done.form.parent == tmp_path / "forms"
    assert key.key_id in PdfReader(done.form).pages[0].extract_text()
    assert wizard.outcome.open_form and not wizard.outcome.open_demo
    assert wizard.key_page.passphrase.text() == ""  # not kept in the window once used


def test_the_new_file_opens_signed_in_and_is_remembered(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    fill_to_the_end(wizard, tmp_path / "forms")
    wizard.key_page.open_form.setChecked(False)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window).after_first_run(wizard.outcome)  # no sign-in asked: the password was just typed
    assert window.db is not None and window.actor is not None and window.actor.username == "thuky"
    assert app.recent_files() == [data / "hoi-dong.ocopdb"]
    QThreadPool.globalInstance().waitForDone()
    window.db.close()


def test_a_key_already_on_the_computer_is_shown_not_made_again(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    made = keys.create_key(PASSPHRASE, tmp_path / "key", issuer="Hội đồng OCOP tỉnh Thái Nguyên")
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setStartId(wizard.pageIds()[4])
    wizard.restart()
    assert wizard.currentPage() is wizard.key_page
    assert wizard.key_page.old_key.isVisibleTo(wizard) and not wizard.key_page.new_key.isVisibleTo(wizard)
    assert wizard.key_page.key_id.text() == made.key_id
    assert wizard.key_page.choice().passphrase is None


def test_the_pages_refuse_what_is_wrong_and_say_why(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    existing = data / "hoi-dong.ocopdb"
    existing.parent.mkdir(parents=True)
    existing.write_text("dữ liệu cũ", encoding="utf-8")
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.location_page
    assert page.open_button.isVisibleTo(wizard) and "hoi-dong.ocopdb" in page.message.text()
    wizard.next()
    assert wizard.currentPage() is page and "mở chính tệp này" in page.message.text()
    page.name.setText("hoi-dong-2026")
    assert page.path() == data / "hoi-dong-2026.ocopdb" and not page.open_button.isVisibleTo(wizard)
    wizard.next()
    admin = wizard.admin_page
    admin.username.setText("thuky")
    admin.password.setText(PASSWORD)
    admin.again.setText(PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is admin and "không giống nhau" in admin.message.text()
    page.name.setText("hoi-dong")
    page.open_button.click()  # the secretary would rather open the file that is there
    assert wizard.outcome.open_existing == existing and wizard.outcome.done is None
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_cancelled_midway_nothing_is_left(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    fill_to_the_end(wizard, tmp_path / "forms")
    wizard.back()
    wizard.reject()
    assert not (data / "hoi-dong.ocopdb").exists() and not (tmp_path / "key").exists()
    assert not (tmp_path / "forms").exists()
    assert needs_first_run(app.recent_files())


def test_a_failure_at_finish_is_said_on_the_page_and_leaves_nothing(qtbot: QtBot, data: Path, tmp_path: Path) -> None:
    wizard = FirstRunWizard(None, key_folder=tmp_path / "key")
    qtbot.addWidget(wizard)
    fill_to_the_end(wizard, tmp_path / "forms")
    wizard.language_page.choices["en"].setChecked(True)
    keys.create_key(PASSPHRASE, tmp_path / "key")  # made meanwhile, from another window
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentPage() is wizard.finish_page and wizard.result() != QDialog.DialogCode.Accepted
    assert "already" in wizard.finish_page.message.text()  # in the language chosen
    assert not (data / "hoi-dong.ocopdb").exists() and not list(data.glob("*.tmp*"))


def test_only_a_computer_never_set_up_opens_the_assistant(
    qtbot: QtBot, empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert needs_first_run([])
    QSettings().setValue(FIRST_RUN_DONE_KEY, True)
    assert not needs_first_run([])
    QSettings().remove(FIRST_RUN_DONE_KEY)
    assert not needs_first_run([empty_db.path])
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert first_run.run_first_run(None) is None
    assert needs_first_run([])  # a cancelled assistant comes back next time
    called: list[object] = []
    monkeypatch.setattr(app, "run_first_run", called.append)
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window)
    window.start.setup_button.click()
    assert called == [window]


def test_later_starts_open_the_last_file(
    qtbot: QtBot, empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = empty_db.path
    empty_db.close()
    app.remember(path)
    app.remember(tmp_path / "da-xoa.ocopdb")  # the newest entry is gone: the next one is opened
    assert app.recent_files() == [path]
    asked: list[Path] = []
    monkeypatch.setattr(app.SignInDialog, "exec", lambda self: asked.append(self.db.path) or 0)
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window).start()
    assert asked == [path]
    assert window.db is None and window.stack.currentIndex() == 0  # cancelled: the start page


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[RecoveryDialog]:
    """The recovery dialogs shown; each is answered by pressing Restore when offered, else closed."""
    shown: list[RecoveryDialog] = []

    def exec_(self: RecoveryDialog) -> int:
        shown.append(self)
        if self.restore_button.isVisibleTo(self):
            self.restore_button.click()
        return int(self.result())

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    monkeypatch.setattr(recovery, "inform", lambda _p, _t, text: shown[-1].setProperty("informed", text))
    return shown


def test_a_damaged_file_offers_its_latest_good_backup_and_restores_it(
    qtbot: QtBot, empty_db: Database, answered: list[RecoveryDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = empty_db.path
    good = empty_db.backup("hang-ngay")
    empty_db.close()
    damage(path)
    damaged = path.read_bytes()
    signed_in: list[Path] = []
    monkeypatch.setattr(app.SignInDialog, "exec", lambda self: signed_in.append(self.db.path) or 0)
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window).open_path(path)
    [dialog] = answered
    assert dialog.good is not None and dialog.good.path == good
    assert "hỏng" in dialog.what.text() and "Bản sao lưu tốt gần nhất" in dialog.backup_text.text()
    assert "phải nhập lại" in dialog.backup_text.text()
    kept = [p for p in path.parent.iterdir() if p.name.startswith(f"{path.name}.hong-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept aside, never deleted
    assert kept[0].name in str(dialog.property("informed"))
    assert backup.check_file(path).ok
    assert signed_in == [path]  # then opened: the sign-in comes up


def test_foreign_files_are_said_plainly(
    qtbot: QtBot, tmp_path: Path, answered: list[RecoveryDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    text_file = tmp_path / "ghi-chu.ocopdb"
    text_file.write_text("không phải dữ liệu của hội đồng", encoding="utf-8")
    other = tmp_path / "khac.ocopdb"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    window = MainWindow()
    qtbot.addWidget(window)
    controller = app.Controller(window)
    for path in (text_file, other):
        controller.open_path(path)
    assert [d.what.text() for d in answered] == [
        "• Đây không phải tệp dữ liệu SQLite",
        "• Đây không phải tệp dữ liệu của OCOP Desktop",
    ]
    assert all(d.good is None and not d.restore_button.isVisibleTo(d) for d in answered)
    assert "Không tìm thấy bản sao lưu" in answered[0].backup_text.text()
    assert text_file.read_text(encoding="utf-8") == "không phải dữ liệu của hội đồng"  # untouched


def test_a_newer_file_is_never_offered_a_restore(
    qtbot: QtBot, empty_db: Database, answered: list[RecoveryDialog]
) -> None:
    path = empty_db.path
    empty_db.backup("hang-ngay")
    with empty_db.raw() as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    empty_db.close()
    window = MainWindow()
    qtbot.addWidget(window)
    app.Controller(window).open_path(path)
    [dialog] = answered
    assert dialog.good is None and not dialog.restore_button.isVisibleTo(dialog)
    assert "cập nhật phần mềm" in dialog.what.text() and "Hãy cập nhật" in dialog.advice.text()
    assert backup.check_file(path).schema_revision == "9999"


def test_damage_found_after_opening_closes_the_file_and_offers_the_backup(
    qtbot: QtBot, empty_db: Database, answered: list[RecoveryDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = empty_db.path
    empty_db.backup("hang-ngay")
    empty_db.close()
    damage(path, path.stat().st_size // 2)  # a page the opening does not read; quick_check does
    db = app.open_interactive(path)
    window = MainWindow()
    qtbot.addWidget(window)
    controller = app.Controller(window)
    found: list[DatabaseProblem] = []
    monkeypatch.setattr(app.SignInDialog, "exec", lambda self: 0)
    app.start_background_checks(window, db, on_damage=lambda _db, exc: found.append(exc))
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    controller.damaged_after_opening(db, found[0])
    [dialog] = answered
    assert dialog.good is not None and backup.check_file(path).ok


def test_a_screenshot_never_waits_for_the_assistant(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), OCOP_DESKTOP_DATA=str(tmp_path / "data"))
    out = tmp_path / "start.png"
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_desktop", "gui", "--view", "start", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 10_000
    assert not (tmp_path / "data").exists()  # nothing made
