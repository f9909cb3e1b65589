"""The GUI ring's settings: Qt draws offscreen (without a display a window would abort the run), QSettings() is the
application's own in the throw-away settings folder, cleared before every test, and a modal dialog nobody answers
fails the test instead of hanging it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.conftest import SETTINGS_HOME

QCoreApplication.setOrganizationName("OCOP Desktop")  # the names make_app gives, so QSettings() is the app's
QCoreApplication.setApplicationName("OCOP Desktop")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # a file under SETTINGS_HOME on every platform (no registry)
for _scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
    QSettings.setPath(QSettings.Format.IniFormat, _scope, SETTINGS_HOME)


@pytest.fixture(autouse=True)
def fresh_settings() -> None:
    """Every test starts on a computer never set up: no language chosen, no recent file, no assistant run."""
    settings = QSettings()
    settings.clear()
    settings.sync()


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: in a test with a window, an unexpected one fails at once."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return

    def refuse(self: object, *_args: object) -> int:
        raise AssertionError(f"unexpected modal dialog in a test: {type(self).__name__}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
