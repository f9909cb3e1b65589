"""`ocop-desktop accounts …`: list accounts, add one, give a new password, disable/enable, change roles, set a
council member's PIN. Every command is run by a named account (`--user`, its password asked on the terminal or
read from `--user-password-file`) so the audit trail says who; `list` too, for an administrator only.
Secrets are never arguments: typed twice on the terminal (not echoed) or read from a file's first line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.cli_keys import _ask, _interactive, read_secret_file
from ocop_desktop.domain.enums import Role
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.messages import ui_text

if TYPE_CHECKING:
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.actor import Actor

EXIT_OK = 0


def _secret(file_name: str | None, prompt: str, *, twice: str | None, mismatch: str) -> str:
    """From the file, else typed on the terminal (twice for a new secret), else a message saying how."""
    if file_name:
        return read_secret_file(file_name)
    if not _interactive():
        raise UserFacingError([Problem("auth.secret_needed", {})])
    first = _ask(prompt)
    if twice is not None and _ask(twice) != first:
        raise ValidationFailed([Problem(mismatch, {})])
    return first


def _signed_in(db: Database, args: argparse.Namespace) -> Actor:
    from ocop_desktop.services import accounts

    password = _secret(
        args.user_password_file,
        ui_text("accounts.ask_password", args.lang, user=args.user),
        twice=None,
        mismatch="auth.password_mismatch",
    )
    return accounts.authenticate(db, username=args.user, password=password)


def add_acting_account(parser: argparse.ArgumentParser) -> None:
    """`--user U` (or `--as U`) and `--user-password-file FILE`: who makes the change, for the audit trail and the
    permission check (the password is asked on the terminal when no file is given)."""
    parser.add_argument(
        "--user", "--as", dest="user", required=True, metavar="U", help="tài khoản thực hiện (ghi nhật ký)"
    )
    parser.add_argument("--user-password-file", default=None, metavar="FILE", help="mật khẩu của --user (dòng đầu tệp)")


def acting_account(db: Database, args: argparse.Namespace) -> Actor:
    """The account named by `--user`, signed in with its password (a wrong one counts toward its lock)."""
    return _signed_in(db, args)


def acting_or_first_account(db: Database, args: argparse.Namespace, roles: frozenset[Role]) -> Actor:
    """The account named by `--user`; in a file with no account yet (a province file `import` creates), that
    account is created first, with `roles` and a password typed twice or read from `--user-password-file`."""
    from ocop_desktop.services import accounts

    if accounts.has_users(db):
        return _signed_in(db, args)
    password = _secret(
        args.user_password_file,
        ui_text("accounts.ask_new_password", args.lang, minimum=accounts.MIN_PASSWORD_LENGTH),
        twice=ui_text("accounts.ask_again", args.lang),
        mismatch="auth.password_mismatch",
    )
    accounts.create_user(db, actor=None, username=args.user, full_name=args.user, password=password, roles=set(roles))
    return accounts.authenticate(db, username=args.user, password=password)


def _new_password(args: argparse.Namespace) -> str:
    from ocop_desktop.services.accounts import MIN_PASSWORD_LENGTH

    return _secret(
        args.password_file,
        ui_text("accounts.ask_new_password", args.lang, minimum=MIN_PASSWORD_LENGTH),
        twice=ui_text("accounts.ask_again", args.lang),
        mismatch="auth.password_mismatch",
    )


def _user_id(db: Database, actor: Actor, username: str) -> str:
    from ocop_desktop.domain.text import nfc
    from ocop_desktop.services import accounts

    wanted = nfc(username.strip()).lower()
    for row in accounts.list_accounts(db, actor=actor):
        if row.username == wanted:
            return row.user_id
    raise ValidationFailed([Problem("db.not_found", {"what": "user", "id": username})])


def _roles(args: argparse.Namespace) -> set[Role]:
    return {Role(r) for r in args.role or []}


def _open(args: argparse.Namespace) -> Database:
    from ocop_desktop.persistence.database import Database

    return Database.open(Path(args.db))


def cmd_accounts_list(args: argparse.Namespace) -> int:
    """Read-only, for an administrator (docs/permissions.md): the accounts and, with --round, which scoring
    members of that round's council have a PIN."""
    from ocop_desktop.services import accounts
    from ocop_desktop.services.permissions import Permission, require

    lang = args.lang
    with _open(args) as db:
        actor = _signed_in(db, args)
        require(actor, Permission.MANAGE_USERS)
        rows = accounts.list_accounts(db, actor=actor)
        print(ui_text("accounts.head", lang, count=len(rows)))
        for row in rows:
            state = ui_text("accounts.active" if row.active else "accounts.disabled", lang)
            member = f" [{row.member_name}]" if row.member_name and row.member_name != row.full_name else ""
            roles = ", ".join(r.value for r in row.roles)
            print(f"  {row.username:<16} {row.full_name}{member} — {roles} — {state}")
        if args.round:
            members = accounts.member_pins(db, actor=actor, round_id=args.round)
            print(ui_text("accounts.members_head", lang))
            for m in members:
                pin = ui_text("accounts.has_pin" if m.has_pin else "accounts.no_pin", lang)
                print(f"  {m.member_id}  {m.full_name} ({m.role.value}) — {pin}")
    return EXIT_OK


def cmd_accounts_add(args: argparse.Namespace) -> int:
    from ocop_desktop.services import accounts

    with _open(args) as db:
        actor = _signed_in(db, args)
        problems = accounts.account_problems(args.username, "x" * accounts.MIN_PASSWORD_LENGTH, _roles(args))
        if problems:  # a wrong name or no role is said before the password is asked
            raise ValidationFailed(problems)
        password = _new_password(args)
        accounts.create_user(
            db,
            actor=actor,
            username=args.username,
            full_name=args.name or args.username,
            password=password,
            roles=_roles(args),
            member_id=args.member,
        )
    print(ui_text("accounts.created", args.lang, username=args.username.strip().lower()))
    return EXIT_OK


def cmd_accounts_password(args: argparse.Namespace) -> int:
    """Someone else's account: the administrator's reset. One's own: a change checked against the password just
    typed to sign in."""
    from ocop_desktop.domain.text import nfc
    from ocop_desktop.services import accounts

    with _open(args) as db:
        password = _secret(
            args.user_password_file,
            ui_text("accounts.ask_password", args.lang, user=args.user),
            twice=None,
            mismatch="auth.password_mismatch",
        )
        actor = accounts.authenticate(db, username=args.user, password=password)
        own = nfc(args.username.strip()).lower() == actor.username
        if own:
            accounts.change_password(db, actor=actor, old_password=password, new_password=_new_password(args))
        else:
            user_id = _user_id(db, actor, args.username)
            accounts.reset_password(db, actor=actor, user_id=user_id, new_password=_new_password(args))
    print(ui_text("accounts.password_set", args.lang, username=args.username.strip().lower()))
    return EXIT_OK


def cmd_accounts_active(args: argparse.Namespace) -> int:
    from ocop_desktop.services import accounts

    active = args.accounts_command == "enable"
    with _open(args) as db:
        actor = _signed_in(db, args)
        accounts.set_active(db, actor=actor, user_id=_user_id(db, actor, args.username), active=active)
    key = "accounts.enabled" if active else "accounts.disabled_now"
    print(ui_text(key, args.lang, username=args.username.strip().lower()))
    return EXIT_OK


def cmd_accounts_roles(args: argparse.Namespace) -> int:
    from ocop_desktop.services import accounts

    with _open(args) as db:
        actor = _signed_in(db, args)
        accounts.set_roles(db, actor=actor, user_id=_user_id(db, actor, args.username), roles=_roles(args))
    roles = ", ".join(sorted(r.value for r in _roles(args)))
    print(ui_text("accounts.roles_set", args.lang, username=args.username.strip().lower(), roles=roles))
    return EXIT_OK


def cmd_accounts_pin(args: argparse.Namespace) -> int:
    from ocop_desktop.services import accounts

    with _open(args) as db:
        actor = _signed_in(db, args)
        pin = _secret(
            args.pin_file,
            ui_text("accounts.ask_pin", args.lang, minimum=accounts.MIN_PIN_LENGTH),
            twice=ui_text("accounts.ask_pin_again", args.lang),
            mismatch="auth.pin_mismatch",
        )
        accounts.set_member_pin(db, actor=actor, member_id=args.member, pin=pin)
    print(ui_text("accounts.pin_set", args.lang, member=args.member))
    return EXIT_OK


def add_accounts_parser(
    sub: Any, lang_parent: argparse.ArgumentParser, parser_class: type[argparse.ArgumentParser]
) -> None:
    """The `accounts` group, beside the other groups of `cli.build_parser`."""
    group = sub.add_parser("accounts", parents=[lang_parent], help="tài khoản người dùng và mã PIN của thành viên")
    asub = group.add_subparsers(dest="accounts_command", required=True, parser_class=parser_class)
    roles = [r.value for r in Role]

    def command(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = asub.add_parser(name, parents=[lang_parent], help=text)
        parser.add_argument("--db", required=True, metavar="FILE")
        parser.add_argument(
            "--user",
            "--admin",
            "--as",
            dest="user",
            required=True,
            metavar="U",
            help="tài khoản thực hiện (ghi nhật ký)",
        )
        parser.add_argument(
            "--user-password-file", default=None, metavar="FILE", help="mật khẩu của --user (dòng đầu tệp)"
        )
        return parser

    listing = command("list", "danh sách tài khoản (và mã PIN của thành viên với --round); chỉ quản trị")
    listing.add_argument("--round", default=None, metavar="ID")
    listing.set_defaults(func=cmd_accounts_list)
    add = command("add", "thêm tài khoản (mật khẩu nhập hai lần hoặc từ --password-file)")
    add.add_argument("--username", required=True, metavar="U")
    add.add_argument("--name", default=None, metavar="N", help="họ và tên")
    add.add_argument("--role", action="append", choices=roles, required=True)
    add.add_argument("--member", default=None, metavar="ID", help="thành viên hội đồng mà tài khoản này là")
    add.add_argument("--password-file", default=None, metavar="FILE")
    add.set_defaults(func=cmd_accounts_add)
    password = command("password", "đặt mật khẩu mới cho một tài khoản (của mình: đổi mật khẩu)")
    password.add_argument("--username", required=True, metavar="U")
    password.add_argument("--password-file", default=None, metavar="FILE")
    password.set_defaults(func=cmd_accounts_password)
    for name, text in (("disable", "khóa một tài khoản"), ("enable", "mở lại một tài khoản")):
        toggle = command(name, text)
        toggle.add_argument("--username", required=True, metavar="U")
        toggle.set_defaults(func=cmd_accounts_active)
    change = command("roles", "thay vai trò của một tài khoản")
    change.add_argument("--username", required=True, metavar="U")
    change.add_argument("--role", action="append", choices=roles, required=True)
    change.set_defaults(func=cmd_accounts_roles)
    pin = command("pin", "đặt mã PIN cho một thành viên hội đồng (nhập hai lần hoặc từ --pin-file)")
    pin.add_argument("--member", required=True, metavar="ID")
    pin.add_argument("--pin-file", default=None, metavar="FILE")
    pin.set_defaults(func=cmd_accounts_pin)
