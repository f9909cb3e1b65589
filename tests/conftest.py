"""Test settings shared by every ring: throw-away data and settings folders, cheap key and password hashing, the demo
files built once. Qt belongs to the GUI ring (`tests/gui/conftest.py`): the unit ring never loads it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# the installation's signing key and trusted issuers go to a throw-away folder, never the person's own
os.environ["OCOP_DESKTOP_DATA"] = tempfile.mkdtemp(prefix="ocop-data-")
# and so do Qt's settings (language, recent files, "set up already"): a developer's own never steer a test
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ocop-settings-")

import pytest
from argon2 import PasswordHasher

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence import keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.demo import DEMO_PASSWORD, build_demo, build_rehearsal
from tests.builders import TEST_PASSPHRASE

# the command line speaks the person's language (LC_ALL, LC_MESSAGES, LANG): the tests expect the default, Vietnamese
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# the cost of the key's passphrase is stored in each key file: tests make theirs cheap (production: 64 MiB, t=3)
keys.DEFAULT_KDF = keys.KdfParams(memory_kib=8, iterations=1, lanes=1)
# and so is an account's password or PIN hash (argon2id's own defaults in production, ~0.1 s a hash or a check): a
# council of five with its accounts and PINs cost 2.6 s of hashing per test, over a minute of the suite
accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
DATA = Path(os.environ["OCOP_DESKTOP_DATA"])
keys.create_key(TEST_PASSPHRASE, DATA, issuer="Hội đồng thử nghiệm")

SETTINGS_HOME = os.environ["XDG_CONFIG_HOME"]

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
def council_key_unlocked() -> None:
    """Every test starts as after the chair typed the passphrase: the council's key unlocked, and only that one."""
    keys.forget_unlocked_keys()
    keys.unlock_key(TEST_PASSPHRASE, DATA)
