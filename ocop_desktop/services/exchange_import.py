"""Taking exchange files into a database: the province merging councils' rounds, and a secretary's laptop taking a
member's ballots from the member's own laptop. One pipeline for both, stopping at the first failure with the
database untouched:

1. copy into quarantine (size limit; the file's SHA-256 is its identity) and work only on the copy;
2. open it as hostile (`exchange_file.opened`: SQLite header, read-only and immutable, `trusted_schema=OFF`,
   quick_check, the known tables only, the versions — newer asks for an update —, the exact columns);
3. content digest, Ed25519 signature, and the key: trusted here, revoked from a date, or accepted once by an
   officer who says so (audited);
4. every value's type and shape, the file's own rules (keys, CHECKs, references), the round's scope, option numbers
   against the criteria snapshots carried in the file, and every result recomputed through the scoring core;
5. then, in one transaction after a backup: the replay rule (a lower revision is refused, the same revision with
   other content is the alarm of two signed versions), the comparison (new, changed, identical rows; rows held here
   and not in the file are kept), and conflicts — a record changed that may not change here, the same natural key
   under another id, the same product from two councils — which stop the file: nothing is overwritten silently.

A dry run does all of it on a scratch copy of the database, so its preview is exactly what the import would do,
including what one file of a batch does to the next."""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from ocop_desktop.domain import values
from ocop_desktop.domain.attachments import attachment_problem
from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.models import (
    Ballot,
    CouncilMember,
    Dossier,
    ExchangeImport,
    Product,
    Result,
    Round,
)
from ocop_desktop.paths import not_a_file, user_data_dir
from ocop_desktop.persistence import exchange_file, exchange_merge, exchange_values
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.exchange_merge import TableDiff
from ocop_desktop.persistence.keys import key_council, revocation, unb64
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot, version_from_snapshot
from ocop_desktop.services.eligibility import check_member
from ocop_desktop.services.exchange import Seal, Verification, check_seal
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.results import refresh_result
from ocop_desktop.services.verify_database import BallotReader, check_result, snapshot_problems

QUARANTINE_DIR = "quarantine"
# how far a round's revision may run ahead of the last one imported here (from 0 for its first file): a council
# exports a round a few times (members' laptops, corrections); a file claiming far more would lock the genuine
# next ones out as "older" (docs/exchange-format.md)
MAX_REVISION_STEP = 50
MAX_REVISION = 2**31 - 1  # the register's integer column, whatever the file claims
COPY_CHUNK = 1024 * 1024


class Outcome(enum.StrEnum):
    IMPORTED = "imported"  # taken in (or, in a dry run, would be)
    ALREADY = "already"  # this revision with this content is here already: nothing changes
    CONFLICTS = "conflicts"  # sound, but it would change what may not change here: not taken
    REFUSED = "refused"  # not to be trusted or not readable: not taken


@dataclass
class FileReport:
    source: Path
    outcome: Outcome = Outcome.REFUSED
    file_sha256: str = ""
    manifest: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""
    issuer: str | None = None
    key_accepted: bool = False
    verification: Verification | None = None  # the seal, once the file could be read as an exchange file
    problems: list[Problem] = field(default_factory=list)  # why refused, or the conflicts
    notes: list[Problem] = field(default_factory=list)  # taken in, but worth a look (rows kept, old key)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.manifest.get("kind", "round")


@dataclass
class ImportReport:
    files: list[FileReport]
    dry_run: bool
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        return all(f.outcome in (Outcome.IMPORTED, Outcome.ALREADY) for f in self.files)


class _Stop(Exception):
    """One file stops here; its problems say why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0].code if problems else "")
        self.problems = list(problems)


@dataclass
class _Inspected:
    report: FileReport
    staging: Path


def import_files(
    db: Database,
    paths: Sequence[Path],
    *,
    actor: Actor,
    accept_keys: Iterable[str] = (),
    dry_run: bool = False,
    data_folder: Path | None = None,
    expected: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import `paths` in order; each file goes in whole or not at all. `accept_keys` are key ids an officer has
    accepted although this installation does not trust them (recorded in the audit trail with the file).
    `expected` maps a path to the SHA-256 its preview showed: a file changed since is refused."""
    require(actor, Permission.IMPORT_EXCHANGE)
    accepted = frozenset(accept_keys)
    folder = data_folder or user_data_dir()
    (folder / QUARANTINE_DIR).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder / QUARANTINE_DIR) as work:
        inspected = [
            _inspect(Path(p), Path(work) / f"{n}", accepted, folder, (expected or {}).get(str(p)))
            for n, p in enumerate(paths)
        ]
        if dry_run:
            scratch = Path(work) / "scratch.ocopdb"
            with db.raw() as con, closing(sqlite3.connect(scratch)) as copy:
                con.backup(copy)
            target = Database.open(scratch, daily_backup=False, quick_check=False)
            try:
                reports = [_take(target, item, actor) for item in inspected]
            finally:
                target.close()
            return ImportReport(reports, dry_run=True)
        saved = db.backup("truoc-nhap-tep-trao-doi") if any(isinstance(i, _Inspected) for i in inspected) else None
        return ImportReport([_take(db, item, actor) for item in inspected], dry_run=False, backup=saved)


def inspect_file(path: Path, data_folder: Path | None = None) -> FileReport:
    """Everything that can be checked without a receiving database (for `ocop-desktop verify`): the file's shape,
    signature, every value and every result recomputed — whoever signed it, since nothing is taken in (whether the
    key is trusted here is in `verification`). `outcome` is IMPORTED when every check holds."""
    folder = data_folder or user_data_dir()
    (folder / QUARANTINE_DIR).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder / QUARANTINE_DIR) as work:
        item = _inspect(path, Path(work) / "0", frozenset(), folder, any_key=True)
        if isinstance(item, _Inspected):
            item.report.outcome = Outcome.IMPORTED
            return item.report
        return item


def _inspect(
    source: Path,
    work: Path,
    accepted: frozenset[str],
    folder: Path,
    expected: str | None = None,
    *,
    any_key: bool = False,
) -> _Inspected | FileReport:
    report = FileReport(source)
    work.mkdir()
    try:
        copy = work / "file.ocop"
        report.file_sha256 = _quarantine(source, copy)
        if expected is not None and expected != report.file_sha256:
            raise _Stop([Problem("import.file_changed", {})])
        with exchange_file.opened(copy) as con:
            manifest = exchange_file.read_manifest(con)
            report.manifest = manifest
            present = exchange_file.columns_at(manifest["schema_version"])
            verification = check_seal(con, manifest, folder, present)
        report.verification = verification
        report.fingerprint = verification.fingerprint
        report.issuer = verification.issuer
        _key_policy(report, verification, accepted, folder, any_key=any_key)
        staging = work / "staging.sqlite"
        exchange_merge.create_staging(staging)
        with closing(exchange_merge.staging_connection(staging)) as con:
            exchange_merge.load(con, copy, present)
            exchange_values.check(con)
            _check_staged(con, report)
            _check_attachments(con)
        _check_meaning(staging, report)
    except exchange_file.ExchangeFileError as exc:
        report.problems = [Problem(exc.code, dict(exc.params), (("file", source.name),))]
        return report
    except _Stop as stop:
        report.problems = [p.at(("file", source.name)) for p in stop.problems]
        return report
    except UserFacingError as exc:
        report.problems = [p.at(("file", source.name)) for p in exc.problems]
        return report
    return _Inspected(report, staging)


def _quarantine(source: Path, copy: Path) -> str:
    """Copy the file (never work on a USB stick or a mail attachment in place), refusing it past the size limit,
    and refusing a folder, a named pipe, a device or a socket before opening it."""
    refused = not_a_file(source)
    if refused is not None:
        raise exchange_file.ExchangeFileError(refused.code, **refused.params)
    digest = hashlib.sha256()
    copied = 0
    try:
        with open(source, "rb") as src, open(copy, "wb") as dst:
            while chunk := src.read(COPY_CHUNK):
                copied += len(chunk)
                if copied > exchange_file.MAX_BYTES:
                    raise exchange_file.ExchangeFileError("exchange.too_big", mb=exchange_file.MAX_BYTES // 1048576)
                digest.update(chunk)
                dst.write(chunk)
    except OSError as exc:
        raise exchange_file.ExchangeFileError("exchange.unreadable", detail=exc.strerror or str(exc)) from exc
    return digest.hexdigest()


def _key_policy(
    report: FileReport, check: Verification, accepted: frozenset[str], folder: Path, *, any_key: bool = False
) -> None:
    """The signature must hold; the key must be trusted here — not revoked before the file was signed — or
    accepted for this file by the officer (`any_key`: only checking, nothing is taken in)."""
    if check.seal is Seal.INVALID:
        raise _Stop([Problem(f"import.invalid.{check.reason}", {"computed": check.fingerprint})])
    public_raw = unb64(check.manifest["public_key"])
    key = check.manifest["key_id"]
    if check.seal is Seal.UNKNOWN_KEY:
        if key in accepted:
            report.key_accepted = True
        elif not any_key:
            raise _Stop([Problem("import.untrusted_key", {"key_id": key})])
        return
    bound = key_council(public_raw, folder) if check.issuer else None  # this installation's own key is unbound
    if bound is not None and bound[0] != check.manifest["council_id"]:
        raise _Stop([_other_council("import.key_for_other_council", check.manifest, bound)])
    withdrawn = revocation(public_raw, folder)
    if withdrawn is not None:
        signed = check.manifest["created_at"][:10]
        if signed >= withdrawn.since.isoformat():
            raise _Stop([Problem("import.key_revoked", {"key_id": key, "since": withdrawn.since.isoformat()})])
        report.notes.append(Problem("import.signed_before_revocation", {"key_id": key, "since": str(withdrawn.since)}))


def _other_council(code: str, manifest: Mapping[str, str], bound: tuple[str, str]) -> Problem:
    return Problem(
        code,
        {
            "key_id": manifest["key_id"],
            "council": manifest.get("council_name", ""),
            "council_id": manifest["council_id"],
            "bound": bound[1] or bound[0],
            "bound_id": bound[0],
        },
    )


def _key_spoke_for(s: Session, report: FileReport) -> None:
    """A key speaks for one council: one that has brought another council's files here (a key the registry binds
    to none, or accepted for a file) cannot bring this one's. This installation's own key is not bound."""
    if report.issuer == "":
        return
    manifest = report.manifest
    other = s.execute(
        select(ExchangeImport.council_id, ExchangeImport.manifest)
        .where(ExchangeImport.key_id == manifest["key_id"], ExchangeImport.council_id != manifest["council_id"])
        .limit(1)
    ).first()
    if other is not None:
        name = other.manifest.get("council_name", "") if isinstance(other.manifest, dict) else ""
        raise _Stop([_other_council("import.key_used_by_other_council", manifest, (other.council_id, name))])


def _check_staged(con: sqlite3.Connection, report: FileReport) -> None:
    """The file's rows against its own manifest: one round, the council it names, counts as signed, nothing
    pointing outside the file (a member's ballots point at the receiving database's round instead)."""
    manifest, kind = report.manifest, report.kind
    _revision(manifest)  # `verify` says so too, not only the import
    counts = {table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in exchange_merge.KEYS}  # noqa: S608
    try:
        signed_counts = values.loads_bounded(manifest["counts"])
    except (ValueError, UserFacingError):  # not JSON, too deep or too large: not the counts this file holds
        signed_counts = None
    if signed_counts != counts:
        raise _Stop([Problem("import.counts_differ", {})])
    if kind == "ballots":
        others = [t for t, n in counts.items() if n and t not in ("ballots", "ballot_choices")]
        if others:
            raise _Stop([Problem("import.out_of_scope", {"tables": ", ".join(others)})])
        members = {row[0] for row in con.execute("SELECT DISTINCT member_id FROM ballots")}
        if members - {manifest.get("member_id")}:
            raise _Stop([Problem("import.ballot_for_another_member", {"member": manifest.get("member_name", "")})])
        return
    if kind != "round":
        raise _Stop([Problem("exchange.bad_manifest", {"key": "kind"})])
    rounds = con.execute("SELECT id, council_id, rule_version_id FROM rounds").fetchall()
    expected = (manifest["round_id"], manifest["council_id"], manifest["rule_version"])
    if [tuple(r) for r in rounds] != [expected]:
        raise _Stop([Problem("import.manifest_differs", {})])
    outside = exchange_merge.out_of_scope(con, manifest["round_id"])
    if outside:
        raise _Stop([Problem("import.out_of_scope", {"tables": ", ".join(outside)})])
    dangling = exchange_merge.dangling_references(con)
    if dangling:
        raise _Stop([Problem("import.dangling", {"table": dangling[0][0], "parent": dangling[0][1]})])


def _check_attachments(con: sqlite3.Connection) -> None:
    """Each attachment is what its row says — its size and SHA-256 those of its content, its type the one its
    content shows — and a file a dossier may carry (`domain.attachments`: no executable, no hidden extension, an
    extension matching the content). A problem names the product and the attachment."""
    problems: list[Problem] = []
    rows = con.execute(
        "SELECT a.filename, a.media_type, a.size, a.sha256, a.content, coalesce(p.name, a.dossier_id) "
        "FROM attachments a LEFT JOIN dossiers d ON d.id = a.dossier_id LEFT JOIN products p ON p.id = d.product_id "
        "ORDER BY a.id"
    )
    for filename, recorded, size, sha256, content, product in rows:
        where = (("product", product), ("attachment", filename))
        if len(content) != size:
            problems.append(Problem("attachment.stale_checksum", {"name": filename, "column": "size"}, where))
        elif hashlib.sha256(content).hexdigest() != sha256:
            problems.append(Problem("attachment.stale_checksum", {"name": filename, "column": "sha256"}, where))
        found, refused = attachment_problem(filename, content)
        if refused is not None:
            problems.append(Problem(refused.code, refused.params, where))
        elif found != recorded:
            problems.append(
                Problem("attachment.type_differs", {"name": filename, "recorded": recorded, "found": found}, where)
            )
    if problems:
        raise _Stop(problems[:20])


@contextmanager
def _staged_session(staging: Path) -> Iterator[Session]:
    engine = create_engine(f"sqlite:///{staging}")
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def _check_meaning(staging: Path, report: FileReport) -> None:
    """The criteria snapshots are what they claim, every option exists on the sheet the dossier is scored with,
    and every stored result follows from the ballots through the scoring core."""
    if report.kind != "round":
        return  # a member's ballots are checked against the receiving round, inside the import
    problems: list[Problem] = []
    with _staged_session(staging) as s:
        altered = snapshot_problems(s)
        if altered:
            raise _Stop(altered[:1])
        try:
            problems += _option_problems(s, report.manifest["round_id"])
            ballots = BallotReader(s)  # every ballot's choices in one ordered pass, not two queries per result
            for row in s.scalars(select(Result).order_by(Result.dossier_id, Result.scoring_round)):
                problems += check_result(s, row, ballots.of(row.dossier_id, row.scoring_round))
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            # signed JSON of another shape (a result's inputs that are a list, a sheet that is not one): the
            # scoring core cannot read it, so it is not the council's record
            raise _Stop([Problem("import.malformed", {"detail": f"{type(exc).__name__}: {exc}"[:120]})]) from exc
    if problems:
        raise _Stop(problems[:20])


def _option_problems(s: Session, round_id: str, ballots_from: str = "main") -> list[Problem]:
    """Each chosen option exists for its item on the dossier's own sheet: ballots (from the staged file when
    `ballots_from` is "stg": a member's ballots, checked before they are written), self-assessment, evidence."""
    rnd = s.get(Round, round_id)
    if rnd is None:
        return [Problem("import.round_missing", {"round": round_id})]
    version = version_from_snapshot(s, rnd.version_snapshot)
    query = (
        f"SELECT d.sheet_snapshot, p.name, c.item_id, c.option_number FROM {ballots_from}.ballot_choices c "  # noqa: S608
        f"JOIN {ballots_from}.ballots b ON b.id = c.ballot_id JOIN main.dossiers d ON d.id = b.dossier_id "
        "JOIN main.products p ON p.id = d.product_id WHERE d.round_id = :round"
    )
    if ballots_from == "main":
        query += (
            " UNION SELECT d.sheet_snapshot, p.name, c.item_id, c.option_number "
            "FROM self_assessment_choices c JOIN dossiers d ON d.id = c.dossier_id "
            "JOIN products p ON p.id = d.product_id WHERE d.round_id = :round "
            "UNION SELECT d.sheet_snapshot, p.name, e.item_id, NULL FROM evidence_links e "
            "JOIN attachments a ON a.id = e.attachment_id JOIN dossiers d ON d.id = a.dossier_id "
            "JOIN products p ON p.id = d.product_id WHERE d.round_id = :round"
        )
    used = s.execute(text(query), {"round": round_id}).all()
    problems = []
    sheets: dict[str, Sheet] = {}  # one per dossier's sheet, not one per choice: each is read and hashed whole
    for sheet_sha, product, item_id, option in used:
        if sheet_sha not in sheets:
            sheets[sheet_sha] = sheet_from_snapshot(s, sheet_sha, version)
        item = sheets[sheet_sha].item(item_id)
        where = (("product", product), ("item", item_id))
        if item is None or not item.options:
            problems.append(Problem("import.unknown_item", {"item": item_id}, where))
        elif option is not None and item.option(int(option)) is None:
            problems.append(Problem("import.unknown_option", {"item": item_id, "option": option}, where))
    return problems


def _take(db: Database, item: _Inspected | FileReport, actor: Actor) -> FileReport:
    """One file, in one transaction: replay rule, comparison, conflicts, then the rows, the register and the
    audit trail — or nothing."""
    if isinstance(item, FileReport):
        return item
    report = item.report
    manifest = report.manifest
    with db.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        if not isinstance(dbapi, sqlite3.Connection):
            raise TypeError("the database is not an SQLite connection")
        dbapi.execute("ATTACH DATABASE ? AS stg", (str(item.staging),))
        try:
            with Session(bind=conn) as s, s.begin():
                try:
                    _key_spoke_for(s, report)
                    if _replayed(s, report):
                        report.outcome = Outcome.ALREADY
                        return report
                    diffs = exchange_merge.diff(dbapi, manifest["round_id"])
                    conflicts = _conflicts(s, dbapi, manifest, diffs)
                    if report.kind == "ballots":
                        conflicts += _ballot_problems(s, manifest)
                except _Stop as stop:
                    report.problems = [p.at(("file", report.source.name)) for p in stop.problems]
                    report.outcome = Outcome.REFUSED
                    s.rollback()
                    return report
                report.changes = _summary(diffs)
                report.notes += _kept(diffs)
                if conflicts:
                    report.problems = [p.at(("file", report.source.name)) for p in conflicts[:50]]
                    report.outcome = Outcome.CONFLICTS
                    s.rollback()
                    return report
                exchange_merge.apply(lambda sql, params: s.execute(text(sql), params), diffs)
                if report.kind == "ballots":
                    for dossier in s.scalars(select(Dossier).where(Dossier.id.in_(_staged_dossiers(dbapi)))):
                        refresh_result(s, dossier)
                _register(s, actor, report)
                db.check_identity()  # the file at the path is still the one opened: else roll back, say so
                report.outcome = Outcome.IMPORTED
        finally:
            conn.rollback()
            dbapi.execute("DETACH DATABASE stg")
    return report


def _revision(manifest: Mapping[str, str]) -> int:
    """The manifest's revision through the one integer parser ('²' passes `isdigit()` and fails `int()`)."""
    if values.int_problems(manifest.get("revision", ""), "revision", low=0, high=MAX_REVISION):
        raise _Stop([Problem("exchange.bad_manifest", {"key": "revision"})])
    return values.parse_int(manifest["revision"], "revision")


def _replayed(s: Session, report: FileReport) -> bool:
    """True when this revision with this content is here already; a lower revision, or the same one with other
    content, stops the file."""
    manifest = report.manifest
    revision = _revision(manifest)
    rows = s.execute(
        select(ExchangeImport.revision, ExchangeImport.content_sha256, ExchangeImport.imported_at).where(
            ExchangeImport.round_id == manifest["round_id"],
            ExchangeImport.kind == report.kind,
            ExchangeImport.member_id == manifest.get("member_id", ""),
        )
    ).all()
    for earlier, content, when in rows:
        if earlier == revision:
            if content == manifest["content_sha256"]:
                report.notes.append(Problem("import.already", {"revision": revision, "at": when.date().isoformat()}))
                return True
            raise _Stop([Problem("import.equivocation", {"revision": revision})])
    highest = max((r[0] for r in rows), default=0)
    if revision < highest:
        raise _Stop([Problem("import.older_revision", {"revision": revision, "highest": highest})])
    if revision > highest + MAX_REVISION_STEP:
        raise _Stop(
            [Problem("import.revision_jump", {"revision": revision, "highest": highest, "limit": MAX_REVISION_STEP})]
        )
    return False


IMMUTABLE_WHEN = {
    "ballots": ("status = 'submitted'", "import.changed_submitted_ballot"),
    "ballot_choices": (
        "ballot_id IN (SELECT id FROM main.ballots WHERE status = 'submitted')",
        "import.changed_submitted_ballot",
    ),
    "results": ("locked = 1", "import.changed_approved_result"),
    "certificates": ("status = 'revoked'", "import.changed_revoked_certificate"),
    "criteria_snapshots": ("1", "import.changed_snapshot"),
}


def _conflicts(
    s: Session, con: sqlite3.Connection, manifest: dict[str, str], diffs: dict[str, TableDiff]
) -> list[Problem]:
    """What the file would change that may not change here — never overwritten silently."""
    council = manifest["council_id"]
    problems: list[Problem] = []
    for table in exchange_merge.APPLY_ORDER:
        for staged, held, columns in exchange_merge.natural_key_clashes(con, table):
            values = con.execute(
                f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM stg."{table}" '  # noqa: S608
                f'WHERE "{exchange_merge.KEYS[table]}" = ?',
                (staged,),
            ).fetchone()
            problems.append(
                Problem(
                    "import.same_natural_key",
                    {
                        "table": table,
                        "columns": ", ".join(columns),
                        "value": " / ".join(map(str, values)),
                        "held": held,
                    },
                    (("record", f"{table} {staged}"),),
                )
            )
    imported_before = s.scalar(
        select(func.count())
        .select_from(ExchangeImport)
        .where(ExchangeImport.round_id == manifest["round_id"], ExchangeImport.council_id == council)
    )
    for table, found in diffs.items():
        if not found.changed:
            continue
        keys = json.dumps(found.changed)
        key = exchange_merge.KEYS[table]
        if table in IMMUTABLE_WHEN:
            condition, code = IMMUTABLE_WHEN[table]
            fixed = con.execute(
                f'SELECT "{key}" FROM main."{table}" WHERE {condition} '  # noqa: S608
                f'AND "{key}" IN (SELECT value FROM json_each(?))',
                (keys,),
            ).fetchall()
            problems += [Problem(code, {}, (("record", f"{table} {row[0]}"),)) for row in fixed]
        owner = _owned_elsewhere(con, table, council, keys)
        problems += [
            Problem("import.owned_by_other_council", {"table": table}, (("record", f"{table} {k}"),)) for k in owner
        ]
        if not imported_before and table not in exchange_merge.SHARED:
            problems.append(Problem("import.changed_not_imported", {"table": table, "count": len(found.changed)}))
    problems += _two_councils(con, manifest)
    return problems


def _owned_elsewhere(con: sqlite3.Connection, table: str, council: str, keys: str) -> list[str]:
    """Changed shared records another council's rounds use here (its members, its products and producers)."""
    queries = {
        "councils": "SELECT id FROM main.councils WHERE id != :council AND id IN (SELECT value FROM json_each(:k))",
        "council_members": "SELECT id FROM main.council_members WHERE council_id != :council "
        "AND id IN (SELECT value FROM json_each(:k))",
        "advisory_members": "SELECT id FROM main.advisory_members WHERE council_id != :council "
        "AND id IN (SELECT value FROM json_each(:k))",
        "rounds": "SELECT id FROM main.rounds WHERE council_id != :council AND id IN (SELECT value FROM json_each(:k))",
        "products": "SELECT DISTINCT d.product_id FROM main.dossiers d JOIN main.rounds r ON r.id = d.round_id "
        "WHERE r.council_id != :council AND d.product_id IN (SELECT value FROM json_each(:k))",
        "producers": "SELECT DISTINCT p.producer_id FROM main.products p JOIN main.dossiers d ON d.product_id = p.id "
        "JOIN main.rounds r ON r.id = d.round_id WHERE r.council_id != :council "
        "AND p.producer_id IN (SELECT value FROM json_each(:k))",
    }
    if table not in queries:
        return []
    return [row[0] for row in con.execute(queries[table], {"council": council, "k": keys})]


def _two_councils(con: sqlite3.Connection, manifest: dict[str, str]) -> list[Problem]:
    """The same product scored in the same year by another council: flagged for a person, never merged."""
    rows = con.execute(
        "SELECT p.name, c.name, r.year FROM stg.products sp JOIN main.products p ON p.id = sp.id "
        "JOIN main.dossiers d ON d.product_id = p.id JOIN main.rounds r ON r.id = d.round_id "
        "JOIN main.councils c ON c.id = r.council_id "
        "WHERE r.council_id != :council AND r.year = (SELECT year FROM stg.rounds WHERE id = :round)",
        {"council": manifest["council_id"], "round": manifest["round_id"]},
    ).fetchall()
    return [
        Problem("import.product_two_councils", {"product": product, "council": council, "year": year})
        for product, council, year in rows
    ]


def _ballot_problems(s: Session, manifest: dict[str, str]) -> list[Problem]:
    """A member's ballots: for dossiers of this round, by a member of its council whose ballot counts and may be
    written now (`scoring.eligibility`: role, recusal, attendance, scoring round, lock, the round's decision), on
    options that exist, and from a key that has not brought another member's."""
    problems: list[Problem] = []
    round_id, member_id = manifest["round_id"], manifest.get("member_id", "")
    rnd = s.get(Round, round_id)
    if rnd is None:
        raise _Stop([Problem("import.round_missing", {"round": manifest.get("round_name", round_id)})])
    if manifest["council_id"] != rnd.council_id:  # the council its key is bound to must be the round's
        raise _Stop([Problem("import.member_not_in_council", {"member": manifest.get("member_name", member_id)})])
    member = s.get(CouncilMember, member_id)
    if member is None or member.council_id != rnd.council_id:
        raise _Stop([Problem("import.member_not_in_council", {"member": manifest.get("member_name", member_id)})])
    other = s.scalars(
        select(ExchangeImport.member_id).where(
            ExchangeImport.round_id == round_id,
            ExchangeImport.kind == "ballots",
            ExchangeImport.key_id == manifest["key_id"],
            ExchangeImport.member_id != member_id,
        )
    ).first()
    if other is not None:
        raise _Stop([Problem("import.key_of_another_member", {"key_id": manifest["key_id"]})])
    staged = s.execute(text("SELECT id, dossier_id, scoring_round FROM stg.ballots")).all()
    for ballot_id, dossier_id, scoring_round in staged:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None or dossier.round_id != round_id:
            raise _Stop([Problem("import.dossier_not_in_round", {"dossier": dossier_id})])
        product = s.get(Product, dossier.product_id)
        where = ("product", product.name if product else dossier_id)
        if scoring_round != dossier.scoring_round and s.get(Ballot, ballot_id) is not None:
            continue  # an earlier scoring round's ballot this file holds already: history, kept as it is
        problems += [p.at(where) for p in check_member(s, dossier, member, scoring_round).problems()]
    problems += _option_problems(s, round_id, ballots_from="stg")
    return problems


def _staged_dossiers(con: sqlite3.Connection) -> list[str]:
    return [row[0] for row in con.execute("SELECT DISTINCT dossier_id FROM stg.ballots")]


def _summary(diffs: dict[str, TableDiff]) -> dict[str, dict[str, int]]:
    return {
        table: {"new": len(d.new), "changed": len(d.changed), "identical": d.identical, "kept": len(d.missing)}
        for table, d in diffs.items()
        if d.new or d.changed or d.missing or d.identical
    }


def _kept(diffs: dict[str, TableDiff]) -> list[Problem]:
    """Rows of the round held here and absent from the file stay as they are (a member's own drafts on a laptop,
    or rows the council removed since its last file): said, never deleted."""
    kept = [
        Problem("import.rows_kept", {"table": table, "count": len(d.missing)})
        for table, d in diffs.items()
        if d.missing and table not in ("ballots", "ballot_choices")
    ]
    if diffs["ballots"].missing:
        kept.append(Problem("import.ballots_kept", {"count": len(diffs["ballots"].missing)}))
    return kept


def _register(s: Session, actor: Actor, report: FileReport) -> None:
    manifest = report.manifest
    kind = report.kind
    if report.key_accepted:
        audit.record(
            s,
            actor,
            "accept_untrusted_key",
            "exchange_file",
            manifest["round_id"],
            after={"file": report.source.name, "key_id": manifest["key_id"], "file_sha256": report.file_sha256},
            reason="khóa chưa đăng ký, cán bộ chấp nhận cho tệp này",
        )
    s.add(
        ExchangeImport(
            kind=kind,
            round_id=manifest["round_id"],
            council_id=manifest["council_id"],
            member_id=manifest.get("member_id", ""),
            revision=_revision(manifest),
            content_sha256=manifest["content_sha256"],
            file_sha256=report.file_sha256,
            file_name=report.source.name,
            key_id=manifest["key_id"],
            issuer=report.issuer or "",
            key_accepted=report.key_accepted,
            signed_at=manifest["created_at"],
            imported_by=actor.user_id,
            manifest={k: v for k, v in manifest.items() if k != "signature"},
            changes=report.changes,
        )
    )
    audit.record(
        s,
        actor,
        "import_exchange",
        "round",
        manifest["round_id"],
        after={
            "file": report.source.name,
            "kind": kind,
            "revision": manifest["revision"],
            "content_sha256": manifest["content_sha256"],
            "key_id": manifest["key_id"],
            "changes": report.changes,
        },
    )
    s.flush()
