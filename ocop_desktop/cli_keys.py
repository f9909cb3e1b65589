"""`ocop-desktop keys …` and the one way every signing command gets the council's key unlocked: the passphrase
from `--passphrase-file`, else `OCOP_KEY_PASSPHRASE`, else asked on the terminal (never echoed), else a message.
Wiring only; the work is in `services.council_key`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.dates import format_vi_date, parse_vi_date
from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.messages import ui_text

if TYPE_CHECKING:
    from ocop_desktop.persistence.keys import InstallationKey

EXIT_OK = 0


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def read_secret_file(name: str) -> str:
    """The first line of the file, without its line ending (a passphrase may hold spaces, even at its ends)."""
    from ocop_desktop.paths import regular_file

    regular_file(Path(name))
    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        raise UserFacingError([Problem("input.unreadable", {"detail": detail}, (("file", name),))]) from exc
    return text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""


def given_passphrase(args: argparse.Namespace, prompt: str) -> str:
    """The passphrase from the file, the environment, or the terminal; a message when there is no way to get it."""
    from ocop_desktop.services.council_key import passphrase_from_environment

    name = getattr(args, "passphrase_file", None)
    if name:
        return read_secret_file(name)
    from_env = passphrase_from_environment()
    if from_env is not None:
        return from_env
    if _interactive():
        return _ask(ui_text(prompt, args.lang))
    raise UserFacingError([Problem("key.passphrase_needed", {})])


def new_passphrase(args: argparse.Namespace, file_attribute: str = "passphrase_file") -> tuple[str, str]:
    """A new passphrase: once from a file (scripts), else typed twice on the terminal. The environment variable
    gives the passphrase of a new key only: when changing it, it holds the old one."""
    from ocop_desktop.persistence.keys import MIN_PASSPHRASE
    from ocop_desktop.services.council_key import passphrase_from_environment

    name = getattr(args, file_attribute, None)
    if name:
        text = read_secret_file(name)
        return text, text
    from_env = passphrase_from_environment() if file_attribute == "passphrase_file" else None
    if from_env is not None:
        return from_env, from_env
    if not _interactive():
        raise UserFacingError([Problem("key.passphrase_needed", {})])
    first = _ask(ui_text("keys.ask_new", args.lang, minimum=MIN_PASSPHRASE))
    return first, _ask(ui_text("keys.ask_again", args.lang))


def signing_key(args: argparse.Namespace, db_path: Path | None = None) -> InstallationKey:
    """The key a signing command signs with: the demo key of a demo data file, else the council's own key opened
    with its passphrase (an older unencrypted key signs as it is, with a reminder to protect it)."""
    from ocop_desktop.services import council_key

    if db_path is not None:
        demo = council_key.demo_key(db_path)
        if demo is not None:
            return demo
    stored = council_key.current()
    if stored is None:
        raise UserFacingError([Problem("key.none", {})])
    if not stored.protected:
        print(ui_text("keys.legacy_warning", args.lang), file=sys.stderr)
        return council_key.unlock("")
    return council_key.unlocked() or council_key.unlock(given_passphrase(args, "keys.ask"))


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="tệp chứa cụm mật khẩu của khóa ký (dòng đầu); hoặc biến môi trường OCOP_KEY_PASSPHRASE",
    )


def cmd_keys_show(args: argparse.Namespace) -> int:
    from ocop_desktop.persistence.keys import b64
    from ocop_desktop.services import council_key

    stored = council_key.current()
    if stored is None:
        raise UserFacingError([Problem("key.none", {})])
    unknown = ui_text("keys.unknown", args.lang)
    print(
        ui_text(
            "keys.show",
            args.lang,
            key_id=stored.key_id,
            issuer=args.issuer or stored.issuer or unknown,
            created=format_vi_date(stored.created) if stored.created else unknown,
            protection=ui_text("keys.protected" if stored.protected else "keys.unprotected", args.lang),
            public=b64(stored.public_raw),
        )
    )
    return EXIT_OK


def cmd_keys_create(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    before = council_key.current()
    first, again = new_passphrase(args)
    key = council_key.create(first, again, issuer=args.issuer or "")
    converted = before is not None and not before.protected
    print(ui_text("keys.converted" if converted else "keys.created", args.lang, key_id=key.key_id))
    return EXIT_OK


def cmd_keys_passphrase(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    stored = council_key.current()
    if stored is None:
        raise UserFacingError([Problem("key.none", {})])
    old = given_passphrase(args, "keys.ask_old") if stored.protected else ""
    if stored.protected:
        council_key.unlock(old)  # a wrong passphrase is said before the new one is asked for
    first, again = new_passphrase(args, "new_passphrase_file")
    key = council_key.change(old, first, again)
    code = "keys.passphrase_changed" if stored.protected else "keys.converted"
    print(ui_text(code, args.lang, key_id=key.key_id))
    return EXIT_OK


def cmd_keys_export(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    council = None
    if args.db:
        from ocop_desktop.persistence.database import Database

        with Database.open(Path(args.db), daily_backup=False) as db:
            council = council_key.council_of(db, args.council)
    done = council_key.export(
        Path(args.out),
        issuer=args.issuer,
        form=Path(args.form) if args.form else None,
        place=args.place or "",
        council=council,
    )
    print(ui_text("keys.exported", args.lang, file=done.file))
    if done.form is not None:
        print(ui_text("keys.form_written", args.lang, file=done.form))
    print(f"{done.key_id} — {done.issuer}" + (f" — {council[1]} ({council[0]})" if council else ""))
    return EXIT_OK


def cmd_keys_trust(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    path = Path(args.file)
    found = council_key.read_public_key_file(path)
    council = (args.council_id.strip(), (args.council_name or "").strip()) if args.council_id else None
    issuer = found.issuer or found.key_id
    created = format_vi_date(found.created) if found.created else ui_text("keys.unknown", args.lang)
    if not args.yes:
        if not _interactive():
            raise UserFacingError([Problem("key.confirm_needed", {})])
        answer = input(ui_text("keys.trust_prompt", args.lang, key_id=found.key_id, issuer=issuer, created=created))
        if answer.strip().casefold() not in ("c", "có", "co", "y", "yes"):
            raise UserFacingError([Problem("key.not_confirmed", {})])
    identifier, name = council_key.trust(found, source=path.name, council=council)
    print(ui_text("keys.trusted", args.lang, key_id=identifier, issuer=name))
    bound_id, bound_name = council or (found.council_id, found.council_name)
    if bound_id:
        print(ui_text("keys.bound", args.lang, council=bound_name or bound_id, council_id=bound_id))
    return EXIT_OK


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    try:
        since = parse_vi_date(args.since)
    except ValueError:
        raise UserFacingError([Problem("catalogue.bad_date", {"field": "--since", "value": args.since})]) from None
    entry = council_key.revoke(args.key_id, since=since, reason=args.reason)
    print(ui_text("keys.revoked", args.lang, key_id=entry.key_id, issuer=entry.issuer, since=format_vi_date(since)))
    return EXIT_OK


def cmd_keys_list(args: argparse.Namespace) -> int:
    from ocop_desktop.services import council_key

    entries = council_key.registry()
    if not entries:
        print(ui_text("keys.list_empty", args.lang))
        return EXIT_OK
    print(ui_text("keys.list_head", args.lang))
    for entry in entries:
        added = format_vi_date(entry.added) if entry.added else "-"
        revoked = f"{format_vi_date(entry.revoked.since)} ({entry.revoked.reason})" if entry.revoked else "-"
        council = f"{entry.council_name} ({entry.council_id})" if entry.council_id else "-"
        print(f"{entry.issuer} | {entry.key_id} | {council} | {added} | {revoked}")
    return EXIT_OK


def add_keys_parser(
    sub: Any, lang_parent: argparse.ArgumentParser, parser_class: type[argparse.ArgumentParser]
) -> None:
    """The `keys` group, beside the other groups of `cli.build_parser`."""
    keys = sub.add_parser(
        "keys",
        aliases=["key"],
        parents=[lang_parent],
        help="khóa ký của hội đồng và danh sách khóa tin cậy (đơn vị cấp)",
    )
    ksub = keys.add_subparsers(dest="keys_command", required=True, parser_class=parser_class)
    show = ksub.add_parser("show", parents=[lang_parent], help="mã khóa, khóa công khai, tên đơn vị (không tạo gì)")
    show.add_argument("--issuer", default=None, help="tên đơn vị hiển thị kèm (mặc định: tên đã ghi với khóa)")
    show.set_defaults(func=cmd_keys_show)
    create = ksub.add_parser(
        "create", parents=[lang_parent], help="tạo khóa ký, bảo vệ bằng cụm mật khẩu (nhập hai lần hoặc từ tệp)"
    )
    create.add_argument("--issuer", default=None, help="tên hội đồng hoặc đơn vị giữ khóa")
    add_passphrase_option(create)
    create.set_defaults(func=cmd_keys_create)
    change = ksub.add_parser("passphrase", parents=[lang_parent], help="đổi cụm mật khẩu của khóa ký")
    add_passphrase_option(change)
    change.add_argument("--new-passphrase-file", metavar="FILE", help="tệp chứa cụm mật khẩu mới (dòng đầu)")
    change.set_defaults(func=cmd_keys_passphrase)
    export = ksub.add_parser(
        "export", parents=[lang_parent], help="ghi tệp khóa công khai để gửi tỉnh, và phiếu đăng ký (PDF)"
    )
    export.add_argument("--out", required=True, metavar="FILE.json")
    export.add_argument("--issuer", default=None, help="tên hội đồng hoặc đơn vị (được ghi nhớ cùng khóa)")
    export.add_argument("--form", default=None, metavar="FORM.pdf", help="ghi thêm phiếu đăng ký khóa (PDF)")
    export.add_argument("--place", default=None, metavar="ĐỊA DANH", help="địa danh ghi trên phiếu")
    export.add_argument(
        "--db", default=None, metavar="FILE.ocopdb", help="tệp dữ liệu của hội đồng: ghi hội đồng mà khóa ký cho"
    )
    export.add_argument("--council", default=None, metavar="ID", help="hội đồng (khi tệp dữ liệu có nhiều hội đồng)")
    export.set_defaults(func=cmd_keys_export)
    trust = ksub.add_parser(
        "trust", parents=[lang_parent], help="tin cậy khóa công khai của một hội đồng, sau khi đối chiếu mã khóa"
    )
    trust.add_argument("file", metavar="FILE")
    trust.add_argument("--yes", action="store_true", help="đã đối chiếu mã khóa với phiếu giấy (không hỏi lại)")
    trust.add_argument(
        "--council-id", default=None, metavar="ID", help="hội đồng mà khóa được ký cho (khi tệp khóa không ghi)"
    )
    trust.add_argument("--council-name", default=None, metavar="TÊN", help="tên hội đồng đó")
    trust.set_defaults(func=cmd_keys_trust)
    revoke = ksub.add_parser("revoke", parents=[lang_parent], help="thu hồi một khóa tin cậy từ một ngày")
    revoke.add_argument("key_id", metavar="ID", help="mã khóa, ví dụ D5F6-474A-8021-5BD4")
    revoke.add_argument("--since", required=True, metavar="DD/MM/YYYY")
    revoke.add_argument("--reason", required=True, metavar="TEXT")
    revoke.set_defaults(func=cmd_keys_revoke)
    listing = ksub.add_parser("list", parents=[lang_parent], help="danh sách khóa tin cậy")
    listing.set_defaults(func=cmd_keys_list)
