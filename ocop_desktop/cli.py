"""The `ocop-desktop` command line: wiring only. Every command calls a service and words its problems through
`ocop_desktop.messages`; no traceback reaches a user. Heavy modules are imported inside the commands that need
them, so `ocop-desktop score` starts fast."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop import __version__, logfile
from ocop_desktop.documents.kinds import KINDS
from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Problem, UserFacingError, ValidationFailed
from ocop_desktop.messages import LANGS, describe, language_of, ui_text

if TYPE_CHECKING:
    from ocop_desktop.domain.enums import Role
    from ocop_desktop.services.demo import RehearsalSummary

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

STAR = "★"


def _print_problems(problems: Sequence[Problem], lang: str) -> None:
    sys.stdout.flush()  # what was printed before the problems stays before them
    label = ui_text("error", lang)
    for problem in problems:
        print(f"{label}: {describe(problem, lang)}", file=sys.stderr)


def _read_json_input(name: str) -> Any:
    """The ballots document from a file or standard input ("-"); raises UserFacingError with the reason."""
    location = (("file", name),)
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserFacingError(
            [Problem("input.unreadable", {"detail": getattr(exc, "strerror", None) or str(exc)}, location)]
        ) from exc
    try:
        return values.loads_bounded(text)
    except json.JSONDecodeError as exc:
        raise UserFacingError(
            [Problem("input.not_json", {"line": exc.lineno, "column": exc.colno, "detail": exc.msg}, location)]
        ) from exc
    except UserFacingError as exc:
        raise UserFacingError([p.at(*location) for p in exc.problems]) from exc


def _count(text: str) -> int:
    """A number argument through the one integer parser: '²' or 5,000 digits get argparse's usage message."""
    problems = values.int_problems(text, "count", low=1, high=10_000_000)
    if problems:
        raise argparse.ArgumentTypeError(describe(problems[0]))
    return values.parse_int(text, "count")


def cmd_score(args: argparse.Namespace) -> int:
    from ocop_desktop.services.score_ballots import score_document

    result = score_document(_read_json_input(args.ballots))
    print(json.dumps(result, ensure_ascii=False))
    return EXIT_OK


def cmd_criteria_list(args: argparse.Namespace) -> int:
    from ocop_desktop.services.criteria_catalogue import list_sheets, rule_version

    if args.version:
        rule_version(args.version)
    sheets = list_sheets(args.version)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "version": s.version_id,
                        "sheet": s.sheet_id,
                        "no": s.sheet_no,
                        "title": s.title,
                        "group_path": s.group_path,
                    }
                    for s in sheets
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    for s in sheets:
        print(f"{s.sheet_id:<28} {s.title}  [{' / '.join(s.group_path)}]")
    return EXIT_OK


def _stars(level: int | None) -> str:
    return STAR * level if level else ""


def cmd_criteria_show(args: argparse.Namespace) -> int:
    from ocop_desktop.services.criteria_catalogue import load_sheet, rule_version, version_of_sheet

    version_id = args.version or version_of_sheet(args.sheet)
    version = rule_version(version_id)
    sheet = load_sheet(version_id, args.sheet)
    if args.json:
        from dataclasses import asdict

        data = asdict(sheet)
        data.pop("items", None)
        data.pop("_index", None)
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    lang = args.lang
    print(f"{sheet.sheet_id} — {sheet.title}")
    print(ui_text("criteria.rule_version", lang, title=version.title))
    print(ui_text("criteria.group", lang, path=" / ".join(sheet.group_path)))
    if sheet.managing_body:
        print(ui_text("criteria.managing_body", lang, body=sheet.managing_body))
    for text in sheet.dossier_rejected_if:
        print(f"! {text}")
    for part in sheet.parts:
        print("\n" + ui_text("criteria.part", lang, part=part.id, title=part.title, max=part.max))
        for group in part.groups:
            print(f"  {group.id}. {group.title} ({group.max})")
            for crit in group.criteria:
                for item in (crit, *crit.sub_criteria):
                    _show_item(item, group.single_criterion and item is crit, lang)
    return EXIT_OK


def _show_item(item: Any, same_as_group: bool, lang: str) -> None:
    indent = "      " if item.parent_id else "    "
    if not same_as_group:
        print(f"{indent}{item.id} {item.text} ({item.max})")
    flags = []
    if item.elimination_rule:
        flags.append(ui_text("criteria.elimination_rule", lang))
    if item.stop_rule:
        flags.append(ui_text("criteria.stop_rule", lang))
    if item.applicable_if:
        flags.append(item.applicable_if)
    if flags:
        print(f"{indent}  [{'; '.join(flags)}]")
    for option in item.options:
        case = f" ({option.case})" if option.case else ""
        marker = f" {_stars(option.star_minimum)}" if option.star_minimum else ""
        print(f"{indent}  {option.number}) {option.points:>2} — {option.condition}{case}{marker}")


def cmd_criteria_validate(args: argparse.Namespace) -> int:
    from ocop_desktop.services.validate_criteria_file import check_criteria_file

    worst = EXIT_OK
    for name in args.files:
        check = check_criteria_file(Path(name))
        if check.ok and check.criteria_set is not None:
            count = len(check.criteria_set.sheets)
            print(f"{name}: {ui_text('valid', args.lang)} — {ui_text('sheets_checked', args.lang, count=count)}")
        else:
            print(
                f"{name}: {ui_text('invalid', args.lang)} — "
                f"{ui_text('problems_found', args.lang, count=len(check.problems))}"
            )
            _print_problems(check.problems, args.lang)
            worst = EXIT_PROBLEMS
    return worst


def _parse_date(text: str, field: str = "--date") -> dt.date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise UserFacingError([Problem("catalogue.bad_date", {"field": field, "value": text})])


def cmd_criteria_versions(args: argparse.Namespace) -> int:
    from ocop_desktop.scoring.versions import rule_version_for
    from ocop_desktop.services.criteria_catalogue import rule_versions

    versions = rule_versions()
    if args.date:
        day = _parse_date(args.date)
        version = rule_version_for(day, versions)
        period = version.recognition_on(day)
        levels = dict(period.levels) if period else {}
        if args.json:
            print(
                json.dumps(
                    {
                        "date": day.isoformat(),
                        "version": version.id,
                        "recognition": {str(k): v for k, v in levels.items()},
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(f"{day.strftime('%d/%m/%Y')}: {version.id} — {version.title}")
            for stars, level in sorted(levels.items()):
                print(f"  {_stars(stars)}: {level}")
        return EXIT_OK
    for version in reversed(versions):
        until = version.submissions_to.strftime("%d/%m/%Y") if version.submissions_to else "…"
        parts = "/".join(f"{k} {v}" for k, v in version.parts_max.items())
        print(
            f"{version.id:<12} {version.submissions_from.strftime('%d/%m/%Y')}–{until}  {parts}  "
            f"{version.title} [{version.sheets_status}]"
        )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """The demo round built into a new data file with all its documents (and with --screenshots a picture of every
    view): into a new dated folder here, into --out, or into --db (documents only with --out or --screenshots).
    --before-meeting stops the round where the chair opens the meeting (a rehearsal, with the members' PINs);
    --ballots scores the bundled demo ballots instead."""
    if args.ballots:
        if args.db or args.out or args.screenshots or args.before_meeting:
            raise UserFacingError([Problem("demo.ballots_alone", {})])
        return _demo_ballots(args.lang)
    if args.db:
        path = Path(args.db)
        out = Path(args.out) if args.out else (path.parent if args.screenshots else None)
    else:
        out = Path(args.out) if args.out else Path.cwd() / f"ocop-demo-{dt.datetime.now():%Y%m%d-%H%M%S}"
        path = out / ("demo-truoc-phien-hop.ocopdb" if args.before_meeting else "demo.ocopdb")
    return _demo_db(path, args.lang, out, screenshots=args.screenshots, before_meeting=args.before_meeting)


def _demo_ballots(lang: str) -> int:
    from ocop_desktop.paths import resource_root
    from ocop_desktop.services.score_ballots import score_document

    sample = resource_root() / "examples" / "ballots-demo.json"
    result = score_document(_read_json_input(str(sample)))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    average = result["average_total"] if lang == "en" else result["average_total"].replace(".", ",")
    summary = ui_text(
        "demo.ballots_summary",
        lang,
        sheet=result["sheet"],
        average=average,
        band=result["band_stars"],
        stars=result["stars"],
    )
    print(summary, file=sys.stderr)
    print(ui_text("demo.ballots_file", lang, file=sample), file=sys.stderr)
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """The window; `--screenshot` shows one view read-only, saves a PNG and exits (offscreen without a display)."""
    if args.before_meeting and not args.demo:
        raise UserFacingError([Problem("demo.before_meeting_alone", {})])
    if args.screenshot:
        _offscreen_without_display()
    from ocop_desktop.ui.app import run_gui

    return run_gui(
        db_path=Path(args.db) if args.db else None,
        screenshot=Path(args.screenshot) if args.screenshot else None,
        view=args.view,
        product=args.product,
        lang=args.lang if args.lang_given else None,
        demo=args.demo,
        before_meeting=args.before_meeting,
    )


def _demo_db(
    path: Path, lang: str, out: Path | None, *, screenshots: bool = False, before_meeting: bool = False
) -> int:
    from ocop_desktop.services.demo import build_demo, build_rehearsal

    where = (("file", str(path)),)
    if path.exists():
        raise UserFacingError([Problem("demo.exists", {}, where)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(exist_ok=False)  # writable here, before a minute of building
        path.unlink()
    except OSError as exc:
        raise UserFacingError([Problem("demo.cannot_write", {"detail": exc.strerror or str(exc)}, where)]) from exc
    if before_meeting:
        rehearsal = build_rehearsal(path)
        path_text, round_id, product = rehearsal.path, rehearsal.round_id, None
        kinds: tuple[str, ...] = ("sheets", "ballots")  # what a council prints before its meeting
        _print_rehearsal(rehearsal, lang)
    else:
        summary = build_demo(path)
        path_text, round_id, product, kinds = summary.path, summary.round_id, summary.rescored_code, KINDS
        print(ui_text("demo.file", lang, file=summary.path))
        print(
            ui_text(
                "demo.counts",
                lang,
                dossiers=summary.dossiers,
                ballots=summary.ballots,
                certificates=summary.certificates,
                round=summary.round_id,
            )
        )
        _print_demo_accounts(summary.users, lang)
    if out is None:
        return EXIT_OK
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.actor import SYSTEM
    from ocop_desktop.services.council_key import DEMO_KEY_PASSPHRASE, demo_key_folder, make_demo_key
    from ocop_desktop.services.round_documents import render_round_documents

    key = make_demo_key(path)
    folder = demo_key_folder(path)
    print(ui_text("keys.demo", lang, key_id=key.key_id, folder=folder, passphrase=DEMO_KEY_PASSPHRASE))
    with Database.open(Path(path_text)) as db:
        files = render_round_documents(db, actor=SYSTEM, round_id=round_id, out=out, kinds=kinds, key=key)
    print(ui_text("demo.documents", lang, folder=out.resolve()))
    for file in files:
        print(f"  {file.relative_to(out).as_posix()}")
    if screenshots:
        _offscreen_without_display()
        from ocop_desktop.ui.app import save_screenshots

        shots = out / "screenshots"
        made = save_screenshots(path, shots, lang=lang, product=product, documents=(out, files))
        print(ui_text("demo.screenshots", lang, folder=shots.resolve()))
        for shot in made:
            print(f"  {shot.name}")
    return EXIT_OK


def _print_demo_accounts(users: Sequence[tuple[str, Role]], lang: str) -> None:
    from ocop_desktop.services.demo import DEMO_PASSWORD

    accounts = ", ".join(f"{user} ({ui_text(f'demo.role.{role.value}', lang)})" for user, role in users)
    print(ui_text("demo.accounts", lang, accounts=accounts, password=DEMO_PASSWORD))


def _print_rehearsal(summary: RehearsalSummary, lang: str) -> None:
    """What a rehearsal needs at hand: the file, the state of the round, the accounts, and each member's PIN."""
    print(ui_text("demo.file", lang, file=summary.path))
    present = sum(1 for m in summary.members if m.present)
    print(
        ui_text(
            "demo.rehearsal",
            lang,
            dossiers=summary.dossiers,
            date=summary.meeting_date.strftime("%d/%m/%Y"),
            time=summary.meeting_opens,
            present=present,
            members=len(summary.members),
            round=summary.round_id,
        )
    )
    _print_demo_accounts(summary.users, lang)
    print(ui_text("demo.pins", lang))
    for member in summary.members:
        line = ui_text("demo.pin_line", lang, name=member.name, username=member.username, pin=member.pin)
        print(f"  {line}" + ("" if member.present else f" ({ui_text('demo.absent', lang)})"))


def _offscreen_without_display() -> None:
    """Pictures of the window need no screen: Qt draws offscreen when there is no display to draw on."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_db_verify(args: argparse.Namespace) -> int:
    from ocop_desktop.services.verify_database import verify_file

    report = verify_file(Path(args.file))
    if report.read_only:
        print(f"{args.file}: {ui_text('verify_read_only', args.lang)}")
    if report.ok:
        print(
            f"{args.file}: {ui_text('valid', args.lang)} — "
            f"{ui_text('verify_summary', args.lang, results=report.results_checked, events=report.audit_events)}"
        )
        return EXIT_OK
    count = len(report.problems)
    print(f"{args.file}: {ui_text('invalid', args.lang)} — {ui_text('problems_found', args.lang, count=count)}")
    _print_problems(report.problems, args.lang)
    return EXIT_PROBLEMS


def cmd_db_backup(args: argparse.Namespace) -> int:
    from ocop_desktop.services.backups import backup_now

    print(backup_now(Path(args.db)))
    return EXIT_OK


def cmd_db_restore(args: argparse.Namespace) -> int:
    """Restore as a named account allowed to manage backups: signed in on the current file, or — when it does not
    open (damaged, missing) — on a scratch copy of the backup that would replace it."""
    import shutil
    import tempfile

    from ocop_desktop.cli_accounts import acting_account
    from ocop_desktop.domain.errors import DatabaseProblem
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.backups import check_backup, restore
    from ocop_desktop.services.permissions import Permission, require

    target, source = Path(args.db), Path(args.backup)
    check_backup(target, source)  # a refused backup is said before any password is asked
    try:
        with Database.open(target, migrate=False, daily_backup=False) as db:
            actor = acting_account(db, args)
    except DatabaseProblem as exc:
        if any(p.code == "db.in_use" for p in exc.problems):
            raise
        with tempfile.TemporaryDirectory(prefix="ocop-restore-") as folder:
            scratch = Path(folder) / "ban-sao.ocopdb"
            shutil.copyfile(source, scratch)
            with Database.open(scratch, daily_backup=False) as db:
                actor = acting_account(db, args)
    require(actor, Permission.MANAGE_BACKUPS)
    saved = restore(target, source, actor=actor)
    print(ui_text("restored", args.lang, file=args.db, saved=saved or "-"))
    return EXIT_OK


def cmd_db_exercise(args: argparse.Namespace) -> int:
    from ocop_desktop.services.exercise import exercise

    def announce(choice_id: str) -> None:
        sys.stdout.write(f"ACK {choice_id}\n")
        sys.stdout.flush()

    exercise(Path(args.db), args.count, announce)
    return EXIT_OK


def cmd_db_list_choices(args: argparse.Namespace) -> int:
    from ocop_desktop.services.exercise import list_choices

    sys.stdout.write("".join(f"{choice_id}\n" for choice_id in list_choices(Path(args.db))))
    return EXIT_OK


def cmd_dossiers_template(args: argparse.Namespace) -> int:
    from ocop_desktop.services.import_dossiers import write_dossier_template

    print(write_dossier_template(Path(args.file), args.province))
    return EXIT_OK


def cmd_dossiers_import(args: argparse.Namespace) -> int:
    """Check the workbook, print every problem with its cell, and save only a file without problems."""
    from ocop_desktop.cli_accounts import acting_account
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.import_dossiers import import_dossiers, read_workbook
    from ocop_desktop.services.permissions import Permission, require

    with Database.open(Path(args.db)) as db:
        from ocop_desktop.services.queries import list_rounds

        actor = acting_account(db, args)
        require(actor, Permission.EDIT_REGISTRY)  # said before the workbook is read, --dry-run included

        rounds = {r.round_id: r for r in list_rounds(db)}
        if args.round not in rounds:
            raise UserFacingError([Problem("db.not_found", {"what": "round", "id": args.round})])
        preview = read_workbook(Path(args.file), rule_version_id=rounds[args.round].rule_version_id)
        if preview.problems:
            _print_problems(preview.problems, args.lang)
            return EXIT_PROBLEMS
        print(ui_text("dossiers.checked", args.lang, count=len(preview.rows)))
        if args.dry_run:
            return EXIT_OK
        result = import_dossiers(db, actor=actor, round_id=args.round, preview=preview)
        first, last = result.agenda
        print(
            ui_text(
                "dossiers.saved",
                args.lang,
                count=result.dossiers,
                first=first,
                last=last,
                producers=result.producers_created,
                backup=result.backup,
            )
        )
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    """Render a round's documents into a folder; refused whole when a stored figure does not follow from the data."""
    from ocop_desktop.cli_keys import signing_key
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.actor import SYSTEM
    from ocop_desktop.services.round_documents import render_round_documents

    kinds = (args.kind,) if args.kind else KINDS
    key = signing_key(args, Path(args.db)) if "certificates" in kinds else None
    with Database.open(Path(args.db)) as db:
        for path in render_round_documents(
            db,
            actor=SYSTEM,
            round_id=args.round,
            out=Path(args.out),
            kinds=kinds,
            minutes_number=args.minutes_number,
            certificate_template=Path(args.certificate_template) if args.certificate_template else None,
            key=key,
            blank_sheets=args.blank,
        ):
            print(path)
    return EXIT_OK


def cmd_verify_certificate(args: argparse.Namespace) -> int:
    """Valid / invalid / unknown issuer for a QR payload, or for every QR code of a certificate's PDF or of a photo
    of one, offline."""
    from ocop_desktop.services.certificate_seal import Seal, payloads_in_file, verdict_lines, verify_payload

    payloads = [args.payload] if args.payload is not None else payloads_in_file(Path(args.pdf or args.image))
    all_valid = True
    for index, payload in enumerate(payloads):
        if index:
            print()
        check = verify_payload(payload)
        all_valid = all_valid and check.seal is Seal.VALID
        print("\n".join(verdict_lines(check, args.lang)))
    return EXIT_OK if all_valid else EXIT_PROBLEMS


def cmd_ballots_import(args: argparse.Namespace) -> int:
    """Check a member's returned Excel ballots; print every problem with its sheet and cell, or the per-product
    summary; save (all or nothing) unless --dry-run."""
    from ocop_desktop.cli_accounts import acting_account
    from ocop_desktop.domain.errors import Conflict
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.ballot_workbooks import import_ballot_workbook

    lang = args.lang
    with Database.open(Path(args.db)) as db:
        actor = acting_account(db, args)
        try:
            done = import_ballot_workbook(
                db, actor=actor, path=Path(args.file), round_id=args.round, dry_run=args.dry_run
            )
        except (ValidationFailed, Conflict) as exc:
            _print_problems(exc.problems, lang)
            return EXIT_PROBLEMS
    preview = done.preview
    print(ui_text("ballots_head", lang, member=preview.member, round=preview.round_name, file=preview.file,
                  sha=preview.sha256[:16]))  # fmt: skip
    for line in preview.lines:
        if line.filled:
            parts = " · ".join(f"{part} {points}" for part, points in line.part_totals.items())
            print("  " + ui_text("ballots_line", lang, sheet=line.sheet, total=line.total, parts=parts))
    for note in preview.notes:
        print(f"{ui_text('note', lang)}: {describe(note, lang)}")
    filled = sum(1 for line in preview.lines if line.filled)
    if args.dry_run:
        print(ui_text("ballots_checked", lang, count=filled))
    else:
        print(ui_text("ballots_saved", lang, count=len(done.ballots), backup=done.backup))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ocop_desktop.cli_keys import signing_key
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.actor import SYSTEM
    from ocop_desktop.services.exchange import export_round

    key = signing_key(args, Path(args.db))
    with Database.open(Path(args.db)) as db:
        done = export_round(db, actor=SYSTEM, round_id=args.round, out=Path(args.out), key=key, member_id=args.member)
    print(
        ui_text(
            "exchange.exported",
            args.lang,
            file=done.path,
            fingerprint=done.fingerprint,
            revision=done.manifest["revision"],
        )
    )
    return EXIT_OK


def _print_import(report: Any, lang: str) -> None:
    from ocop_desktop.messages import describe
    from ocop_desktop.services.exchange_import import Outcome

    for file in report.files:
        word = "would_import" if report.dry_run and file.outcome is Outcome.IMPORTED else file.outcome.value
        print(f"{ui_text('import.outcome.' + word, lang)}: {file.source.name}")
        m = file.manifest
        if m:
            if file.issuer is None:
                issuer = ui_text("import.key_not_registered", lang)
            else:
                issuer = file.issuer or ui_text("seal.this_installation", lang)
            print(
                ui_text(
                    "import.file_summary",
                    lang,
                    council=m.get("council_name", "?"),
                    round=m.get("round_name", "?"),
                    revision=m.get("revision", "?"),
                    fingerprint=file.fingerprint,
                    key_id=m.get("key_id", "?"),
                    issuer=issuer,
                )
            )
        for table, counts in file.changes.items():
            print(f"  {table}: " + ui_text("import.table_counts", lang, **counts))
        for problem in file.problems:
            print(f"  ✗ {describe(problem, lang)}")
        for note in file.notes:
            print(f"  • {describe(note, lang)}")
    if report.backup is not None:
        print(ui_text("import.backup", lang, path=report.backup))


def cmd_import(args: argparse.Namespace) -> int:
    """Take exchange files into a database, creating it (a province's) if it does not exist; exit 1 if any file
    is refused or conflicts."""
    from ocop_desktop.cli_accounts import acting_or_first_account
    from ocop_desktop.domain.enums import Role
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.exchange_import import import_files

    target = Path(args.db)
    target.parent.mkdir(parents=True, exist_ok=True)
    with Database.open(target, create=True) as db:
        actor = acting_or_first_account(db, args, frozenset({Role.ADMIN, Role.OFFICER}))
        report = import_files(
            db, [Path(f) for f in args.files], actor=actor, accept_keys=args.accept_key, dry_run=args.dry_run
        )
    _print_import(report, args.lang)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_verify_exchange(args: argparse.Namespace) -> int:
    """Authenticity and integrity of an exchange file, offline; exit 1 unless it is valid and its key trusted."""
    from ocop_desktop.messages import describe
    from ocop_desktop.paths import user_data_dir
    from ocop_desktop.services.exchange import Seal
    from ocop_desktop.services.exchange_import import inspect_file

    report = inspect_file(Path(args.file))  # one pass: shape, seal, every value, every result recomputed
    check = report.verification
    if check is None:
        raise ValidationFailed(report.problems)
    if check.seal is Seal.VALID:
        issuer = check.issuer or ui_text("seal.this_installation", args.lang)
        print(ui_text("exchange.valid", args.lang, issuer=issuer, key_id=check.manifest["key_id"]))
    elif check.seal is Seal.UNKNOWN_KEY:
        folder = user_data_dir() / "trusted-issuers"
        print(ui_text("exchange.unknown_key", args.lang, key_id=check.manifest["key_id"], folder=folder))
    else:
        print(ui_text(f"exchange.invalid.{check.reason}", args.lang, computed=check.fingerprint))
    m = check.manifest
    print(
        ui_text(
            "exchange.summary",
            args.lang,
            fingerprint=check.fingerprint,
            round=m["round_name"],
            council=m["council_name"],
            revision=m["revision"],
            created=m["created_at"],
            rows=sum(check.counts.values()),
            dossiers=check.counts["dossiers"],
            ballots=check.counts["ballots"],
            results=check.counts["results"],
        )
    )
    if check.seal is Seal.INVALID:
        return EXIT_PROBLEMS
    for problem in report.problems:
        print(f"✗ {describe(problem, args.lang)}")
    if not report.problems:
        print(ui_text("import.recomputed_ok", args.lang, results=check.counts["results"]))
    return EXIT_OK if check.seal is Seal.VALID and not report.problems else EXIT_PROBLEMS


def _today(args: argparse.Namespace) -> dt.date:
    return _parse_date(args.today, "--today") if args.today else dt.date.today()


def cmd_province_show(args: argparse.Namespace) -> int:
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.province import province_view, summary_lines

    with Database.open(Path(args.db)) as db:
        view = province_view(db, today=_today(args))
    print("\n".join(summary_lines(view, args.lang)))
    return EXIT_OK


def cmd_province_export(args: argparse.Namespace) -> int:
    from ocop_desktop.persistence.database import Database
    from ocop_desktop.services.province import province_view, write_workbook

    with Database.open(Path(args.db)) as db:
        view = province_view(db, today=_today(args))
    path = write_workbook(view, Path(args.out))
    print(ui_text("province.exported", args.lang, file=path, count=len(view.products)))
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors without a traceback and with the project's exit code."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    from ocop_desktop.cli_accounts import add_accounts_parser, add_acting_account
    from ocop_desktop.cli_keys import add_keys_parser, add_passphrase_option

    lang_parent = _Parser(add_help=False)
    lang_parent.add_argument(
        "--lang",
        choices=LANGS,
        default=argparse.SUPPRESS,
        help="vi | en (mặc định: theo LANG của máy, nếu không thì vi)",
    )
    parser = _Parser(
        prog="ocop-desktop", description="OCOP Desktop — đánh giá, phân hạng sản phẩm OCOP", parents=[lang_parent]
    )
    parser.add_argument("--version", action="version", version=f"OCOP Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    score = sub.add_parser("score", parents=[lang_parent], help="chấm một sản phẩm từ tệp phiếu (JSON)")
    score.add_argument(
        "--ballots", required=True, metavar="FILE", help="tệp JSON các phiếu chấm, hoặc - để đọc từ stdin"
    )
    score.set_defaults(func=cmd_score)

    criteria = sub.add_parser("criteria", parents=[lang_parent], help="bộ tiêu chí: xem, kiểm tra")
    csub = criteria.add_subparsers(dest="criteria_command", required=True, parser_class=_Parser)
    c_list = csub.add_parser("list", parents=[lang_parent], help="danh sách phiếu")
    c_list.add_argument("--version", dest="version", metavar="ID", help="ví dụ QD26-2026")
    c_list.add_argument("--json", action="store_true")
    c_list.set_defaults(func=cmd_criteria_list)
    c_show = csub.add_parser("show", parents=[lang_parent], help="xem một phiếu")
    c_show.add_argument("sheet", metavar="SHEET", help="ví dụ QD26-2026-07")
    c_show.add_argument("--version", dest="version", metavar="ID")
    c_show.add_argument("--json", action="store_true")
    c_show.set_defaults(func=cmd_criteria_show)
    c_val = csub.add_parser("validate", parents=[lang_parent], help="kiểm tra tệp bộ tiêu chí (YAML/JSON)")
    c_val.add_argument("files", nargs="+", metavar="FILE")
    c_val.set_defaults(func=cmd_criteria_validate)
    c_ver = csub.add_parser(
        "versions", parents=[lang_parent], help="các phiên bản quy định; --date chọn theo ngày nộp hồ sơ"
    )
    c_ver.add_argument("--date", metavar="DD/MM/YYYY")
    c_ver.add_argument("--json", action="store_true")
    c_ver.set_defaults(func=cmd_criteria_versions)

    gui = sub.add_parser("gui", parents=[lang_parent], help="mở cửa sổ ứng dụng")
    opened = gui.add_mutually_exclusive_group()
    opened.add_argument("--db", metavar="FILE", help="tệp dữ liệu của hội đồng")
    opened.add_argument(
        "--demo", action="store_true", help="mở đợt đánh giá mẫu (tạo trong thư mục dữ liệu của bạn ở lần đầu)"
    )
    gui.add_argument(
        "--before-meeting",
        action="store_true",
        help="với --demo: đợt mẫu như lúc khai mạc phiên họp, để tập dượt (tệp riêng, đợt mẫu đầy đủ vẫn giữ)",
    )
    gui.add_argument(
        "--screenshot", metavar="PNG", help="lưu ảnh một màn hình rồi thoát (chạy được khi không có màn hình)"
    )
    gui.add_argument(
        "--view",
        default="round",
        choices=(
            "start",
            "round",
            "setup",
            "dossier",
            "scoring",
            "results",
            "documents",
            "criteria",
            "province",
            "projector",
        ),
    )
    gui.add_argument("--product", metavar="CODE", help="mã số sản phẩm cần mở, ví dụ 19-05503-1-2026")
    gui.set_defaults(func=cmd_gui)

    demo = sub.add_parser(
        "demo",
        parents=[lang_parent],
        help="chạy thử: tạo đợt đánh giá mẫu và in tài liệu của nó vào thư mục mới ocop-demo-NGÀY-GIỜ/",
    )
    demo.add_argument("--db", metavar="FILE", help="tạo đợt đánh giá mẫu trong tệp dữ liệu mới này")
    demo.add_argument(
        "--out", metavar="DIR", help="in toàn bộ tài liệu của đợt mẫu vào thư mục này (không có --db: DIR/demo.ocopdb)"
    )
    demo.add_argument(
        "--screenshots", action="store_true", help="lưu thêm ảnh mọi màn hình vào DIR/screenshots/ (không cần màn hình)"
    )
    demo.add_argument("--ballots", action="store_true", help="chỉ chấm bộ phiếu mẫu (JSON) có sẵn và in kết quả")
    demo.add_argument(
        "--before-meeting",
        action="store_true",
        help="đợt mẫu như lúc khai mạc phiên họp (đã điểm danh, chưa có phiếu chấm), có mã PIN để tập dượt",
    )
    demo.set_defaults(func=cmd_demo)

    documents = sub.add_parser("documents", parents=[lang_parent], help="in tài liệu của một đợt (PDF, Excel)")
    documents.add_argument("--db", required=True, metavar="FILE")
    documents.add_argument("--round", required=True, metavar="ID")
    documents.add_argument("--out", required=True, metavar="DIR")
    documents.add_argument(
        "--kind",
        default=None,
        choices=KINDS,
        help="một loại tài liệu (mặc định: tất cả); ballots: phiếu chấm Excel của từng thành viên",
    )
    documents.add_argument(
        "--minutes-number", default=None, metavar="SỐ", help="số của biên bản (mặc định: để trống để ghi tay)"
    )
    documents.add_argument(
        "--certificate-template", default=None, metavar="FILE.json", help="mẫu giấy chứng nhận (mặc định: mẫu sẵn có)"
    )
    documents.add_argument(
        "--blank",
        action="store_true",
        help="in phiếu đánh giá trống cho mọi thành viên (in được cả khi điểm còn được giữ kín)",
    )
    add_passphrase_option(documents)
    documents.set_defaults(func=cmd_documents)

    export = sub.add_parser("export", parents=[lang_parent], help="xuất một đợt ra tệp trao đổi có chữ ký (.ocop)")
    export.add_argument("--db", required=True, metavar="FILE")
    export.add_argument("--round", required=True, metavar="ID")
    export.add_argument("--out", required=True, metavar="FILE.ocop")
    export.add_argument(
        "--member", default=None, metavar="ID", help="chỉ xuất phiếu của thành viên này (máy riêng của thành viên)"
    )
    add_passphrase_option(export)
    export.set_defaults(func=cmd_export)
    imp = sub.add_parser(
        "import", parents=[lang_parent], help="nhập tệp trao đổi (.ocop) vào cơ sở dữ liệu (tạo mới nếu chưa có)"
    )
    imp.add_argument("--db", required=True, metavar="FILE")
    imp.add_argument("files", nargs="+", metavar="FILE.ocop")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    add_acting_account(imp)  # in a new province file: its first account (administrator and province officer)
    imp.add_argument(
        "--accept-key",
        action="append",
        default=[],
        metavar="KEY-ID",
        help="chấp nhận khóa chưa đăng ký cho lần nhập này (ghi vào nhật ký)",
    )
    imp.set_defaults(func=cmd_import)
    v_exchange = sub.add_parser(
        "verify", parents=[lang_parent], help="kiểm tra tệp trao đổi (.ocop): chữ ký, toàn vẹn, mã xác thực"
    )
    v_exchange.add_argument("file", metavar="FILE.ocop")
    v_exchange.set_defaults(func=cmd_verify_exchange)

    province = sub.add_parser("province", parents=[lang_parent], help="toàn tỉnh: sản phẩm, số liệu, giấy chứng nhận")
    psub = province.add_subparsers(dest="province_command", required=True, parser_class=_Parser)
    for name, func, text in (
        ("show", cmd_province_show, "in số liệu toàn tỉnh, hội đồng và tệp, giấy chứng nhận cần theo dõi"),
        ("export", cmd_province_export, "xuất danh sách sản phẩm toàn tỉnh ra Excel"),
    ):
        command = psub.add_parser(name, parents=[lang_parent], help=text)
        command.add_argument("--db", required=True, metavar="FILE")
        if name == "export":
            command.add_argument("--out", required=True, metavar="FILE.xlsx")
        command.add_argument("--today", metavar="DD/MM/YYYY", help="tính hạn giấy chứng nhận theo ngày này")
        command.set_defaults(func=func)

    verify = sub.add_parser(
        "verify-certificate", parents=[lang_parent], help="kiểm tra giấy chứng nhận (mã QR có chữ ký), không cần mạng"
    )
    source = verify.add_mutually_exclusive_group(required=True)
    source.add_argument("--payload", metavar="TEXT", help="nội dung mã QR")
    source.add_argument("--pdf", metavar="FILE", help="tệp PDF giấy chứng nhận (đọc mọi mã QR trong tệp)")
    source.add_argument("--image", metavar="FILE", help="ảnh chụp hoặc ảnh quét giấy chứng nhận (PNG, JPEG)")
    verify.set_defaults(func=cmd_verify_certificate)

    add_keys_parser(sub, lang_parent, _Parser)
    add_accounts_parser(sub, lang_parent, _Parser)

    ballots = sub.add_parser("ballots", parents=[lang_parent], help="phiếu chấm Excel của thành viên")
    bsub = ballots.add_subparsers(dest="ballots_command", required=True, parser_class=_Parser)
    b_imp = bsub.add_parser(
        "import", parents=[lang_parent], help="nhập phiếu chấm Excel một thành viên gửi lại (kiểm tra mọi ô trước)"
    )
    b_imp.add_argument("--db", required=True, metavar="FILE")
    b_imp.add_argument("--file", required=True, metavar="FILE.xlsx")
    b_imp.add_argument("--round", default=None, metavar="ID", help="chỉ nhận phiếu của đợt này")
    b_imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và in tóm tắt, không lưu")
    add_acting_account(b_imp)
    b_imp.set_defaults(func=cmd_ballots_import)

    dossiers = sub.add_parser("dossiers", parents=[lang_parent], help="danh sách hồ sơ từ Excel")
    dos = dossiers.add_subparsers(dest="dossiers_command", required=True, parser_class=_Parser)
    d_tpl = dos.add_parser("template", parents=[lang_parent], help="tạo tệp Excel mẫu")
    d_tpl.add_argument("file", metavar="FILE.xlsx")
    d_tpl.add_argument(
        "--province", default=None, metavar="MÃ", help="mã tỉnh (2 chữ số) có danh mục xã kèm theo (mặc định: cả nước)"
    )
    d_tpl.set_defaults(func=cmd_dossiers_template)
    d_imp = dos.add_parser("import", parents=[lang_parent], help="nhập danh sách hồ sơ vào một đợt")
    d_imp.add_argument("--db", required=True, metavar="FILE")
    d_imp.add_argument("--round", required=True, metavar="ID")
    d_imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
    add_acting_account(d_imp)
    d_imp.add_argument("file", metavar="FILE.xlsx")
    d_imp.set_defaults(func=cmd_dossiers_import)

    db = sub.add_parser("db", parents=[lang_parent], help="tệp dữ liệu: kiểm tra, sao lưu, khôi phục")
    dsub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    d_verify = dsub.add_parser(
        "verify", parents=[lang_parent], help="kiểm tra toàn vẹn, nhật ký và tính lại mọi kết quả"
    )
    d_verify.add_argument("file", metavar="FILE")
    d_verify.set_defaults(func=cmd_db_verify)
    d_backup = dsub.add_parser("backup", parents=[lang_parent], help="sao lưu ngay (thư mục backups/ cạnh tệp)")
    d_backup.add_argument("--db", required=True, metavar="FILE")
    d_backup.set_defaults(func=cmd_db_backup)
    d_restore = dsub.add_parser("restore", parents=[lang_parent], help="khôi phục từ bản sao lưu đã kiểm tra")
    d_restore.add_argument("--db", required=True, metavar="FILE")
    d_restore.add_argument("backup", metavar="BACKUP")
    add_acting_account(d_restore)
    d_restore.set_defaults(func=cmd_db_restore)
    d_ex = dsub.add_parser("exercise", parents=[lang_parent], help="ghi thử N lựa chọn, in ACK sau mỗi lần ghi bền")
    d_ex.add_argument("--db", required=True, metavar="FILE")
    d_ex.add_argument("--count", type=_count, default=1000)
    d_ex.set_defaults(func=cmd_db_exercise)
    d_list = dsub.add_parser("list-choices", parents=[lang_parent], help="mã của mọi lựa chọn đã lưu")
    d_list.add_argument("--db", required=True, metavar="FILE")
    d_list.set_defaults(func=cmd_db_list_choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logfile.configure(logging.WARNING)  # the window raises it to INFO
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = hasattr(args, "lang")
    if not args.lang_given:
        args.lang = language_of(os.environ)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UserFacingError as exc:
        _print_problems(exc.problems, args.lang)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a message and the log file, never a traceback
        logfile.log.error("unexpected error in %s", func.__name__, exc_info=exc)
        print(f"{ui_text('unexpected', args.lang)}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(ui_text("log_file", args.lang, path=logfile.log_file()), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
