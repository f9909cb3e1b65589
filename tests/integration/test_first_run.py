"""The first-run set-up and the recovery of a file that does not open, as services: a new council's file with its
administrator, identity and key (and the form), all or nothing; the latest good backup of a damaged file, restored
with the damaged file kept aside; a damaged file is a message, not an SQLite error."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ocop_desktop.domain.enums import CouncilLevel, Role
from ocop_desktop.domain.errors import DatabaseProblem, UserFacingError, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.persistence import backup, keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, backups, first_run, settings
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.round_documents import _place

PASSWORD = "mat-khau-thu-ky"
PASSPHRASE = "chè búp Tân Cương 2026"
ADMIN = first_run.Administrator("ThuKy", "Nguyễn Thị Lan", PASSWORD)
THAI_NGUYEN = first_run.CouncilIdentity(
    level=CouncilLevel.PROVINCE,
    province_code="19",
    commune_code="",
    council_name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
    issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
    parent_body="",
    place_name="Thái Nguyên",
)


def damage(path: Path, offset: int = 4096) -> None:
    """What a power cut in the middle of a write can leave: a page of garbage."""
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\x00\xff" * 2048)


def test_a_new_council_is_set_up_with_its_administrator_identity_key_and_form(tmp_path: Path) -> None:
    path = tmp_path / "Hội đồng" / "hoi-dong.ocopdb"
    key_folder = tmp_path / "khoa"
    done = first_run.set_up(
        path,
        admin=ADMIN,
        identity=THAI_NGUYEN,
        key=first_run.KeyChoice(PASSPHRASE, tmp_path / "Tài liệu", key_folder),
    )
    assert done.path == path and not done.form_problems
    assert sorted(p.name for p in path.parent.iterdir()) == ["hoi-dong.ocopdb"]  # no temporary file left
    with Database.open(path) as db:
        actor = accounts.authenticate(db, username="thuky", password=PASSWORD)
        assert actor.roles == {Role.ADMIN, Role.SECRETARY} == done.actor.roles
        stored = settings.get_settings(db)
    assert {k: stored[k] for k in ("council_level", "province_code", "commune_code", "place_name")} == {
        "council_level": "tinh",
        "province_code": "19",
        "commune_code": "",
        "place_name": "Thái Nguyên",
    }
    assert stored["issuing_body"] == THAI_NGUYEN.issuing_body and stored["council_name"] == THAI_NGUYEN.council_name
    key = keys.stored_key(key_folder)
    assert key is not None and key.protected and key.issuer == THAI_NGUYEN.council_name
    assert done.key_id == key.key_id
    keys.forget_unlocked_keys()
    assert keys.unlock_key(PASSPHRASE, key_folder).key_id == key.key_id
    assert done.form is not None and done.form.parent == tmp_path / "Tài liệu"
    text = PdfReader(done.form).pages[0].extract_text()
    assert key.key_id in text and "Thái Nguyên" in text


def test_a_failure_leaves_no_file_and_no_folder_made_for_it(tmp_path: Path) -> None:
    key_folder = tmp_path / "khoa"
    keys.create_key(PASSPHRASE, key_folder)  # a key appeared since the page looked: making another one fails
    path = tmp_path / "moi" / "sau" / "hoi-dong.ocopdb"
    with pytest.raises(UserFacingError) as info:
        first_run.set_up(path, admin=ADMIN, identity=THAI_NGUYEN, key=first_run.KeyChoice(PASSPHRASE, None, key_folder))
    assert info.value.problems[0].code == "key.exists"
    assert not (tmp_path / "moi").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoa"]


def test_an_existing_file_is_never_overwritten(empty_db: Database, tmp_path: Path) -> None:
    path = empty_db.path
    empty_db.close()
    before = path.read_bytes()
    with pytest.raises(ValidationFailed) as info:
        first_run.set_up(path, admin=ADMIN, identity=THAI_NGUYEN, key=first_run.KeyChoice(None, None, tmp_path))
    assert info.value.problems[0].code == "first_run.file_exists"
    assert "mở chính tệp này" in describe(info.value.problems[0])
    assert path.read_bytes() == before
    with pytest.raises(ValidationFailed) as info:
        first_run.check_location(tmp_path)
    assert info.value.problems[0].code == "first_run.is_folder"


def test_the_pages_are_checked_with_every_problem_at_once() -> None:
    with pytest.raises(ValidationFailed) as info:
        first_run.check_administrator(first_run.Administrator("thu ky", "", "ngan"), "khac")
    assert [p.code for p in info.value.problems] == [
        "auth.bad_username",
        "auth.password_too_short",
        "auth.password_mismatch",
    ]
    commune = first_run.CouncilIdentity(CouncilLevel.COMMUNE, "19", "", "", "", "", "")
    with pytest.raises(ValidationFailed) as info:
        first_run.check_identity(commune)
    assert [p.code for p in info.value.problems] == [
        "first_run.no_commune",
        "first_run.no_council_name",
        "first_run.no_issuing_body",
    ]
    elsewhere = first_run.CouncilIdentity(CouncilLevel.COMMUNE, "01", "01840", "Hội đồng", "UBND", "", "")
    with pytest.raises(ValidationFailed) as info:  # Phường Đức Xuân is in Thái Nguyên, not Hà Nội
        first_run.check_identity(elsewhere)
    assert [p.code for p in info.value.problems] == ["registry.commune_elsewhere"]
    with pytest.raises(UserFacingError) as info:
        first_run.check_identity(first_run.CouncilIdentity(CouncilLevel.DISTRICT, "", "", "x", "x", "", ""))
    assert [p.code for p in info.value.problems] == ["first_run.bad_level", "first_run.no_province"]


def test_the_names_follow_the_place_chosen() -> None:
    province = first_run.suggest(CouncilLevel.PROVINCE, "19", None)
    assert province == first_run.Suggestion(
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên", "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "Thái Nguyên"
    )
    commune = first_run.suggest(CouncilLevel.COMMUNE, "19", "01840")
    assert commune is not None and commune.issuing_body == "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC XUÂN"
    assert commune.place_name == "Đức Xuân"
    assert first_run.suggest(CouncilLevel.COMMUNE, "19", None) is None


def test_documents_take_the_place_from_the_files_identity() -> None:
    stored = {"place_name": "", "province_code": "19"}
    assert _place(stored, SimpleNamespace(province_code=None)) == "Thái Nguyên"  # type: ignore[arg-type]
    assert _place(stored, SimpleNamespace(province_code="01")) == "Hà Nội"  # type: ignore[arg-type]


def test_settings_refuse_bad_codes(empty_db: Database) -> None:
    for key, value in (("commune_code", "123"), ("council_level", "thon")):
        with pytest.raises(ValidationFailed):
            settings.set_settings(empty_db, actor=SYSTEM, values={"place_name": "Đại Từ", key: value})
    assert settings.get_settings(empty_db)["place_name"] == ""  # nothing stored when one value is wrong


def test_a_damaged_file_is_said_to_be_damaged_not_an_sqlite_error(empty_db: Database) -> None:
    path = empty_db.path
    empty_db.close()
    for offset in (200, 4096):
        broken = path.with_name(f"hong-{offset}.ocopdb")
        shutil.copyfile(path, broken)
        damage(broken, offset)
        with pytest.raises(DatabaseProblem) as info:
            Database.open(broken, quick_check=False, daily_backup=False)
        assert [p.code for p in info.value.problems] == ["db.damaged"]
        assert backups.recoverable(info.value.problems)


def test_the_latest_good_backup_is_restored_and_the_damaged_file_kept_aside(empty_db: Database) -> None:
    path = empty_db.path
    good = empty_db.backup("hang-ngay")
    newest_but_bad = backup.backup_name(path, "truoc-phe-duyet")
    newest_but_bad.write_bytes(b"not a database")
    other_files = path.parent / "backups" / f"{path.stem}-2-20990101-000000-000000-x.ocopdb"
    shutil.copyfile(good, other_files)  # the backup of another file whose name starts the same way
    empty_db.close()
    damage(path)
    damaged = path.read_bytes()
    found = backups.latest_good_backup(path)
    assert found is not None and found.path == good
    assert found.taken is not None and found.last_change is not None
    kept = backups.restore(path, found.path)
    assert kept is not None and kept.parent == path.parent and kept.name.startswith(f"{path.name}.hong-")
    assert kept.read_bytes() == damaged  # renamed, never deleted
    assert backup.check_file(path).ok
    with Database.open(path) as db:
        accounts.authenticate(db, username="quantri", password="ocop-demo-2026")


def test_no_backup_to_offer_for_a_newer_file_or_a_foreign_one(empty_db: Database, tmp_path: Path) -> None:
    path = empty_db.path
    with empty_db.raw() as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    empty_db.close()
    with pytest.raises(DatabaseProblem) as info:
        Database.open(path)
    assert not backups.recoverable(info.value.problems)
    foreign = tmp_path / "khac.ocopdb"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as info:
        Database.open(foreign)
    assert backups.recoverable(info.value.problems) and backups.latest_good_backup(foreign) is None


def test_backup_times_belong_to_their_own_file(tmp_path: Path) -> None:
    path = tmp_path / "hoi-dong.ocopdb"
    mine = backup.backup_name(path, "hang-ngay")
    assert backup.backup_time(path, mine) is not None
    assert backup.backup_time(path, mine.with_name("hoi-dong-2-20260101-080000-000000-x.ocopdb")) is None
    os.makedirs(mine.parent)
    assert backup.last_change(mine) is None  # no such file: nothing to say, no error
