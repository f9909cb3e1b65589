"""`ocop-desktop accounts`: a named account makes every change (its password from a file or the terminal),
secrets come from a file or are typed twice, and every refusal is a sentence with a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_desktop import cli_accounts
from ocop_desktop.cli import main
from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DEMO_PASSWORD


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("admin", DEMO_PASSWORD), ("new", "mat-khau-moi-2026"), ("pin", "2468"), ("bad_pin", "12")):
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text(text + "\n", encoding="utf-8")
    return out


def _admin(demo_path: Path, files: dict[str, Path]) -> list[str]:
    return ["--db", str(demo_path), "--admin", "quantri", "--user-password-file", str(files["admin"])]


def test_list_add_password_disable_and_roles(
    demo_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    admin = _admin(demo_path, files)
    assert main(["accounts", "list", *admin]) == 0
    assert "quantri" in capsys.readouterr().out
    add = ["accounts", "add", *admin, "--username", "ChuTich2", "--name", "Người Thử", "--role", "chair"]
    assert main([*add, "--password-file", str(files["new"])]) == 0
    assert "chutich2" in capsys.readouterr().out
    assert main([*add, "--password-file", str(files["new"])]) == 2
    assert "đã có" in capsys.readouterr().err
    with Database.open(demo_path) as db:
        assert accounts.authenticate(db, username="chutich2", password="mat-khau-moi-2026").username == "chutich2"
    assert main(["accounts", "password", *admin, "--username", "thuky", "--password-file", str(files["new"])]) == 0
    assert main(["accounts", "disable", *admin, "--username", "chutich2"]) == 0
    assert main(["accounts", "roles", *admin, "--username", "thuky", "--role", "secretary", "--role", "chair"]) == 0
    assert main(["accounts", "disable", *admin, "--username", "quantri", "--lang", "en"]) == 2
    assert "cannot disable your own account" in capsys.readouterr().err
    with Database.open(demo_path) as db:
        rows = {r.username: r for r in accounts.list_accounts(db, actor=SYSTEM)}
        assert not rows["chutich2"].active and rows["thuky"].roles == (Role.CHAIR, Role.SECRETARY)
        assert accounts.authenticate(db, username="thuky", password="mat-khau-moi-2026").username == "thuky"


def test_a_wrong_admin_password_changes_nothing(
    demo_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["accounts", "add", "--db", str(demo_path), "--admin", "quantri", "--user-password-file", str(files["new"])]
    assert main([*args, "--username", "x", "--role", "member", "--password-file", str(files["new"])]) == 2
    assert "mật khẩu không đúng" in capsys.readouterr().err
    with Database.open(demo_path) as db:
        assert "x" not in {r.username for r in accounts.list_accounts(db, actor=SYSTEM)}


def test_pin_from_a_file_or_typed_twice(
    demo_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Database.open(demo_path) as db:
        round_id = next(iter(db_round_ids(db)))
        member = accounts.member_pins(db, actor=SYSTEM, round_id=round_id)[1]
    admin = _admin(demo_path, files)
    assert main(["accounts", "pin", *admin, "--member", member.member_id, "--pin-file", str(files["bad_pin"])]) == 2
    assert "ít nhất 4 chữ số" in capsys.readouterr().err
    monkeypatch.setattr(cli_accounts, "_interactive", lambda: True)
    typed = iter(["2468", "2469"])
    monkeypatch.setattr(cli_accounts, "_ask", lambda _prompt: next(typed))
    assert main(["accounts", "pin", *admin, "--member", member.member_id]) == 2
    assert "không giống nhau" in capsys.readouterr().err
    typed = iter(["2468", "2468"])
    assert main(["accounts", "pin", *admin, "--member", member.member_id]) == 0
    with Database.open(demo_path) as db:
        assert accounts.sign_in_member(db, member_id=member.member_id, pin="2468").member_id == member.member_id
    assert main(["accounts", "list", *admin, "--round", round_id]) == 0
    assert "đã có mã PIN" in capsys.readouterr().out


def test_without_a_terminal_or_file_the_command_says_how(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["accounts", "disable", "--db", str(demo_path), "--admin", "quantri", "--username", "thuky"]) == 2
    assert "--…-file" in capsys.readouterr().err


def db_round_ids(db: Database) -> list[str]:
    from ocop_desktop.services import queries

    return [r.round_id for r in queries.list_rounds(db)]


def test_listing_accounts_and_pins_is_for_an_administrator(
    demo_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with Database.open(demo_path) as db:
        round_id = next(iter(db_round_ids(db)))
    with pytest.raises(SystemExit) as nobody:  # nobody named: the usage says --user
        main(["accounts", "list", "--db", str(demo_path), "--round", round_id])
    assert nobody.value.code == 2 and "--user" in capsys.readouterr().err
    secretary = ["--db", str(demo_path), "--as", "thuky", "--user-password-file", str(files["admin"])]
    assert main(["accounts", "list", *secretary, "--round", round_id]) == 2
    said = capsys.readouterr()
    assert "không có quyền" in said.err and "quantri" not in said.out
