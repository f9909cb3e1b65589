"""Test settings shared by every ring. Qt must run offscreen: without a display a Qt import aborts the run."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the installation's signing key and trusted issuers go to a throw-away folder, never the person's own
os.environ["OCOP_DESKTOP_DATA"] = tempfile.mkdtemp(prefix="ocop-data-")
# and so do Qt's settings (language, recent files, "set up already"): a developer's own never steer a test
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ocop-settings-")

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QSettings

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence import keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.demo import DEMO_PASSWORD, build_demo, build_rehearsal
from tests.builders import TEST_PASSPHRASE

# the cost of the key's passphrase is stored in each key file: tests make theirs cheap (production: 64 MiB, t=3)
keys.DEFAULT_KDF = keys.KdfParams(memory_kib=8, iterations=1, lanes=1)
# and so is an account's password or PIN hash (argon2id's own defaults in production, ~0.1 s a hash or a check): a
# council of five with its accounts and PINs cost 2.6 s of hashing per test, over a minute of the suite
accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
DATA = Path(os.environ["OCOP_DESKTOP_DATA"])
keys.create_key(TEST_PASSPHRASE, DATA, issuer="Hội đồng thử nghiệm")

SETTINGS_HOME = os.environ["XDG_CONFIG_HOME"]
QCoreApplication.setOrganizationName("OCOP Desktop")  # the names make_app gives, so QSettings() is the app's
QCoreApplication.setApplicationName("OCOP Desktop")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # a file under SETTINGS_HOME on every platform (no registry)
for _scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
    QSettings.setPath(QSettings.Format.IniFormat, _scope, SETTINGS_HOME)

ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Nothing left in the system's temporary folder: the throw-away data and settings folders above, and pytest's
    own folder of this run (with its parent `pytest-of-<user>` when no other run's folder is in it)."""
    shutil.rmtree(DATA, ignore_errors=True)
    shutil.rmtree(SETTINGS_HOME, ignore_errors=True)
    factory = getattr(session.config, "_tmp_path_factory", None)
    made = getattr(factory, "_basetemp", None) if factory is not None else None
    if made is not None and session.config.option.basetemp is None:  # a --basetemp given is the caller's to keep
        base = Path(made)
        shutil.rmtree(base, ignore_errors=True)
        current = base.parent / "pytest-current"  # pytest's link to its newest run
        with contextlib.suppress(OSError):
            if current.is_symlink() and Path(os.readlink(current)) == base:
                current.unlink()
            base.parent.rmdir()  # only when empty


SHARED_DOMAIN = ROOT.parent / "shared" / "domain"


@pytest.fixture
def shared_domain() -> Path:
    """The shared domain folder beside the checkout (present for developers and CI, not for users)."""
    if not SHARED_DOMAIN.is_dir():
        pytest.skip("../shared/domain is not beside this checkout")
    return SHARED_DOMAIN


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.ocopdb"
    build_demo(path)
    return path


@pytest.fixture(scope="session")
def rehearsal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo round as the meeting opens (`demo --before-meeting`), built once."""
    path = tmp_path_factory.mktemp("rehearsal") / "rehearsal.ocopdb"
    build_rehearsal(path)
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.ocopdb"
    db = Database.open(path, create=True)
    accounts.create_user(
        db, actor=None, username="quantri", full_name="Quản trị", password=DEMO_PASSWORD, roles={Role.ADMIN}
    )
    db.close()
    return path


def _copy(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / template.name
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    return _copy(demo_template, tmp_path)


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = Database.open(demo_path)
    yield db
    db.close()


@pytest.fixture
def empty_db(empty_template: Path, tmp_path: Path) -> Iterator[Database]:
    db = Database.open(_copy(empty_template, tmp_path))
    yield db
    db.close()


@pytest.fixture(autouse=True)
def fresh_settings() -> None:
    """Every test starts on a computer never set up: no language chosen, no recent file, no assistant run."""
    settings = QSettings()
    settings.clear()
    settings.sync()


@pytest.fixture(autouse=True)
def council_key_unlocked() -> None:
    """Every test starts as after the chair typed the passphrase: the council's key unlocked, and only that one."""
    keys.forget_unlocked_keys()
    keys.unlock_key(TEST_PASSPHRASE, DATA)


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: in GUI tests, an unexpected one fails at once."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(self: object, *_args: object) -> int:
        raise AssertionError(f"unexpected modal dialog in a test: {type(self).__name__}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
