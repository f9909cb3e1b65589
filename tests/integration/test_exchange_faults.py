"""Hundreds of damaged, forged and conflicting exchange files taken into a province database that already holds a
council's round: each is refused or handled with its message — never an exception out of `import_files`, never a
traceback — and the province database is the same, row for row, before and after every file not taken in.

Every kind of fault draws its variants with its own fixed seed from one exported file: the copies are made in
memory or in the test's folder, never by building another round."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, select
from sqlalchemy.types import JSON

from ocop_desktop.messages import describe, has_text
from ocop_desktop.models import Round
from ocop_desktop.models.base import Base
from ocop_desktop.persistence import exchange_file, exchange_merge
from ocop_desktop.persistence.database import Database, known_revisions
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.exchange_import import FileReport, Outcome, import_files
from tests.exchange_helpers import covering_forgery, dump, other_council, resign

REFUSED = Outcome.REFUSED
TAKEN: Counter[Outcome] = Counter()  # every file the suite took in, by outcome
TEXT_KINDS = ("VARCHAR", "TEXT")


@dataclass
class Source:
    """The council's two genuine files (revisions 1 and 2 of one round) and the province that took in the second."""

    first: Path
    second: Path
    province: Database
    folder: Path

    @property
    def data(self) -> bytes:
        return self.second.read_bytes()


@pytest.fixture(scope="module")
def source(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Source]:
    folder = tmp_path_factory.mktemp("faults")
    council_path = folder / "council.ocopdb"
    council_path.write_bytes(demo_template.read_bytes())
    with Database.open(council_path, daily_backup=False) as council:
        with council.reading() as s:
            round_id = s.scalars(select(Round.id)).one()
        first = export_round(council, actor=SYSTEM, round_id=round_id, out=folder / "dot-r1.ocop").path
        second = export_round(council, actor=SYSTEM, round_id=round_id, out=folder / "dot-r2.ocop").path
    province = Database.open(folder / "tinh.ocopdb", create=True, daily_backup=False)
    assert import_files(province, [second], actor=SYSTEM).ok
    yield Source(first, second, province, folder)
    province.close()


def _take(source: Source, path: Path, *, dry_run: bool = False) -> FileReport:
    """One file into the province: the report, after checking that every problem reads as a sentence."""
    report = import_files(source.province, [path], actor=SYSTEM, dry_run=dry_run)
    (only,) = report.files
    TAKEN[only.outcome] += 1
    for problem in [*only.problems, *only.notes]:
        assert has_text(problem.code), problem.code
        sentence = describe(problem, "en")
        assert "Traceback" not in sentence and problem.code not in sentence, sentence
        assert dict(problem.location).get("file") == path.name or problem in only.notes
    if only.outcome is REFUSED or only.outcome is Outcome.CONFLICTS:
        assert only.problems, f"{path.name}: not taken in without saying why"
    return only


def _run(
    source: Source, variants: list[tuple[str, Callable[[Path], None]]], allowed: set[str], outcome: Outcome = REFUSED
) -> Counter[str]:
    """Each variant written from the second file, taken in, its first problem's code among `allowed`, and the
    province unchanged; returns how often each code came. A code ending in "." allows every code it begins."""
    before = dump(source.province)
    codes: Counter[str] = Counter()
    for name, mutate in variants:
        path = source.folder / f"{name}.ocop"
        path.write_bytes(source.data)
        mutate(path)
        report = _take(source, path)
        code = report.problems[0].code if report.problems else report.outcome.value
        assert report.outcome is outcome or (outcome is REFUSED and report.outcome is Outcome.ALREADY), (name, code)
        known = code in allowed or any(code.startswith(a) for a in allowed if a.endswith("."))
        assert known or report.outcome is Outcome.ALREADY, (name, code, report.problems[:3])
        assert dump(source.province) == before, name
        codes[code] += 1
        path.unlink()
    return codes


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _sql(*statements: str, sign: bool = True, recount: bool = True, **params: object) -> Callable[[Path], None]:
    """Run `statements` on the copy; with `sign`, digest, counts and signature made again with the trusted key."""

    def mutate(path: Path) -> None:
        with closing(sqlite3.connect(path)) as con:
            for statement in statements:
                con.execute(statement, params)
            con.commit()
        if sign:
            resign(path, recount=recount)

    return mutate


def _rowids(source: Source, table: str) -> list[int]:
    with closing(sqlite3.connect(source.second)) as con:
        return [r[0] for r in con.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]


# the bytes


def test_files_that_are_not_sqlite_are_refused_as_such(source: Source) -> None:
    rnd = random.Random(601)
    variants = []
    for n in range(8):
        variants.append((f"random-{n}", _write(rnd.randbytes(rnd.randrange(1, 70_000)))))
        variants.append((f"text-{n}", _write(("Biên bản họp hội đồng\n" * rnd.randrange(1, 500)).encode())))
        variants.append((f"zip-{n}", _write(b"PK\x03\x04\x14\x00\x00\x00" + rnd.randbytes(rnd.randrange(0, 5000)))))
    variants += [(f"empty-{n}", _write(b"")) for n in range(4)]
    variants += [("header-only", _write(b"SQLite format 3\x00")), ("short", _write(b"SQLite"))]
    codes = _run(source, variants, {"exchange.not_sqlite", "exchange.damaged"})
    assert codes["exchange.not_sqlite"] == 29 and sum(codes.values()) == 30


def test_truncated_files_are_refused(source: Source) -> None:
    rnd = random.Random(602)
    data = source.data
    cuts = sorted(rnd.randrange(0, len(data) - 1) for _ in range(40))
    codes = _run(source, [(f"cut-{c}", _write(data[:c])) for c in cuts], {"exchange.not_sqlite", "exchange.damaged"})
    assert codes["exchange.damaged"] >= 30


def test_random_byte_flips_past_the_header_are_refused_or_change_nothing(source: Source) -> None:
    rnd = random.Random(603)
    data = source.data
    variants = []
    for n in range(60):
        bad = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            position = rnd.randrange(100, len(bad))
            bad[position] ^= 1 << rnd.randrange(8)
        variants.append((f"flip-{n}", _write(bytes(bad))))
    allowed = {
        "exchange.damaged", "import.invalid.content", "import.invalid.signature", "exchange.bad_manifest",
        "exchange.not_exchange", "exchange.unexpected_object", "exchange.extra_object", "exchange.unexpected_columns",
        "exchange.missing_table",
        "exchange.not_nfc", "exchange.bad_value", "exchange.newer_format", "import.untrusted_key",
    }  # fmt: skip
    codes = _run(source, variants, allowed)
    assert codes["exchange.damaged"] + codes["import.invalid.content"] >= 40, codes  # a flip in free space: ALREADY


def test_random_byte_flips_in_the_header_are_refused_or_change_nothing(source: Source) -> None:
    rnd = random.Random(604)
    data = source.data
    variants = []
    for n in range(30):
        bad = bytearray(data)
        for _ in range(rnd.randint(1, 3)):
            bad[rnd.randrange(0, 100)] ^= 1 << rnd.randrange(8)
        variants.append((f"head-{n}", _write(bytes(bad))))
    codes = _run(source, variants, {"exchange.not_sqlite", "exchange.damaged", "import.invalid.content"})
    assert codes["exchange.not_sqlite"] >= 5, codes


# the seal and the versions


def test_a_changed_choice_with_the_manifest_kept_is_refused_as_changed(source: Source) -> None:
    rnd = random.Random(605)
    rows = rnd.sample(_rowids(source, "ballot_choices"), 20)
    variants = [
        (
            f"choice-{r}",
            _sql(f"UPDATE ballot_choices SET option_number = option_number + 1 WHERE rowid = {r}", sign=False),
        )
        for r in rows
    ]
    assert _run(source, variants, {"import.invalid.content"}) == Counter({"import.invalid.content": 20})


def test_a_manifest_re_signed_with_another_key_is_refused(source: Source) -> None:
    rnd = random.Random(606)
    variants = []
    for n in range(10):
        row = rnd.choice(_rowids(source, "results"))
        folder = source.folder / f"forger-{n}"

        def forge(path: Path, row: int = row, folder: Path = folder) -> None:
            with closing(sqlite3.connect(path)) as con:
                con.execute(f"UPDATE results SET discussion = 'Nhất trí' WHERE rowid = {row}")
                con.commit()
            resign(path, folder)

        variants.append((f"forged-{n}", forge))
    assert _run(source, variants, {"import.untrusted_key"}) == Counter({"import.untrusted_key": 10})


def test_extra_objects_and_columns_are_refused_before_any_row(source: Source) -> None:
    rnd = random.Random(607)
    tables = [name for name, _key, _where in exchange_file.TABLES]
    variants = []
    for n in range(3):
        table = rnd.choice(tables)
        variants += [
            (f"table-{n}", _sql(f"CREATE TABLE extra_{n} (x)", sign=False)),
            (f"trigger-{n}", _sql(f"CREATE TRIGGER t{n} AFTER INSERT ON {table} BEGIN SELECT 1; END", sign=False)),
            (f"view-{n}", _sql(f"CREATE VIEW v{n} AS SELECT * FROM {table}", sign=False)),
            (f"index-{n}", _sql(f"CREATE INDEX i{n} ON {table} ({exchange_merge.KEYS[table]})", sign=False)),
            (f"column-{n}", _sql(f"ALTER TABLE {table} ADD COLUMN extra_{n}", sign=False)),
            (f"dropped-{n}", _sql(f"DROP TABLE {table}", sign=False)),
        ]
    allowed = {
        "exchange.unexpected_object", "exchange.extra_object", "exchange.unexpected_columns", "exchange.missing_table"
    }  # fmt: skip
    codes = _run(source, variants, allowed)
    assert codes == Counter(
        {
            "exchange.unexpected_object": 6,
            "exchange.extra_object": 6,
            "exchange.unexpected_columns": 3,
            "exchange.missing_table": 3,
        }
    )


def test_values_forged_behind_a_covering_index_are_refused_without_any_key(source: Source) -> None:
    """Issue 14's key-less forgery on random tables and columns: the signed rows kept in a covering index named as
    the manifest key's, the table changed behind it, the signature untouched."""
    rnd = random.Random(617)
    candidates = [
        (table, name, kind)
        for table, cols in exchange_file.columns().items()
        for name, kind in cols
        if name != exchange_merge.KEYS[table] and kind.startswith(("VARCHAR", "INTEGER")) and _rowids(source, table)
    ]
    variants = []
    for n in range(12):
        table, column, kind = rnd.choice(candidates)
        change = (
            f'"{column}" = "{column}" || \'-giả\'' if kind.startswith("VARCHAR") else f'"{column}" = "{column}" + 1'
        )

        def forge(path: Path, table: str = table, change: str = change) -> None:
            covering_forgery(path, table, change)

        variants.append((f"covering-{n}", forge))
    assert _run(source, variants, {"exchange.unexpected_object"}) == Counter({"exchange.unexpected_object": 12})


def test_a_newer_format_or_schema_asks_for_an_update(source: Source) -> None:
    _revisions, head = known_revisions()
    newer = f"{int(head) + 1:04d}"
    variants = [
        ("format-2", lambda p: resign(p, format_version="2")),
        ("format-10", lambda p: resign(p, format_version="10")),
        ("schema-next", lambda p: resign(p, schema_version=newer)),
        ("schema-9999", lambda p: resign(p, schema_version="9999")),
        ("format-unsigned", _sql("UPDATE manifest SET value = '3' WHERE key = 'format_version'", sign=False)),
        ("schema-unsigned", _sql(f"UPDATE manifest SET value = '{newer}' WHERE key = 'schema_version'", sign=False)),
    ]
    assert _run(source, variants, {"exchange.newer_format"}) == Counter({"exchange.newer_format": 6})


def test_a_file_of_an_older_schema_is_read_with_its_own_columns(source: Source) -> None:
    revisions, head = known_revisions()
    older = [r for r in revisions if r < head]
    assert older, revisions
    for version in older:
        path = source.folder / f"schema-{version}.ocop"
        path.write_bytes(source.data)
        resign(path, schema_version=version)
        before = dump(source.province)
        assert _take(source, path).outcome is Outcome.ALREADY  # the same revision and content as held
        resign(path, schema_version=version, revision="3")
        preview = _take(source, path, dry_run=True)
        assert preview.outcome is Outcome.IMPORTED, preview.problems
        assert dump(source.province) == before


# the replay rule


def test_the_same_file_again_changes_nothing(source: Source) -> None:
    before = dump(source.province)
    for _ in range(5):
        report = _take(source, source.second)
        assert report.outcome is Outcome.ALREADY and report.notes[0].code == "import.already"
    assert dump(source.province) == before


def test_a_lower_revision_is_refused(source: Source) -> None:
    before = dump(source.province)
    report = _take(source, source.first)  # the council's own genuine first file
    assert report.outcome is REFUSED and report.problems[0].code == "import.older_revision"
    assert dump(source.province) == before
    variants = [("revision-0", lambda p: resign(p, revision="0")), ("revision-1", lambda p: resign(p, revision="1"))]
    assert _run(source, variants, {"import.older_revision"}) == Counter({"import.older_revision": 2})


def test_the_same_revision_with_other_content_is_refused_as_an_alarm(source: Source) -> None:
    edits = [
        "UPDATE rounds SET place = 'Hội trường B'",
        "UPDATE producers SET phone = '0912345678' WHERE rowid = 1",
        "UPDATE products SET description = 'Đóng hộp 500 g' WHERE rowid = 2",
        "UPDATE council_members SET position = 'Phó Giám đốc' WHERE rowid = 3",
        "UPDATE commune_assessments SET finding = 'Đạt' WHERE rowid = 1",
        "UPDATE attachments SET description = 'Bản chụp' WHERE rowid = 1",
        "UPDATE councils SET establishing_decision = '99/QĐ-UBND'",
        "UPDATE meeting_sessions SET closed_at = '17:30'",
    ]
    variants = [(f"twin-{n}", _sql(edit)) for n, edit in enumerate(edits)]
    assert _run(source, variants, {"import.equivocation"}) == Counter({"import.equivocation": len(edits)})


def test_another_council_with_the_same_products_conflicts(source: Source) -> None:
    with closing(sqlite3.connect(source.second)) as con:
        records = [r[0] for r in con.execute("SELECT id FROM products UNION ALL SELECT id FROM producers")]
    variants = []
    for n in range(1, 4):  # the same product records, and the same product codes under other records
        variants.append((f"same-products-{n}", lambda p, n=n: other_council(p, p, n, keep=records, numbers=False)))
        variants.append((f"same-codes-{n}", lambda p, n=n: other_council(p, p, n, numbers=False)))
    codes = _run(
        source, variants, {"import.same_natural_key", "import.product_two_councils"}, outcome=Outcome.CONFLICTS
    )
    assert sum(codes.values()) == 6
    path = source.folder / "independent.ocop"
    path.write_bytes(source.data)
    other_council(path, path, 9)
    assert _take(source, path, dry_run=True).outcome is Outcome.IMPORTED  # the same round under new numbers goes in


# values under a valid signature


def _wrong_values(kind: object, nullable: bool) -> list[object]:
    """Values of the wrong type or shape for a column of `kind` (NULL only where the schema forbids it) that stay
    wrong in the file: a column's affinity turns 42 into '42' in a text column and '12' into 12 in an integer one."""
    if isinstance(kind, Boolean):
        wrong: list[object] = [2, "true", -1]
    elif isinstance(kind, Integer):
        wrong = ["ba", b"\x03", "12 điểm"]
    elif isinstance(kind, LargeBinary):
        wrong = ["nội dung", 7]
    elif isinstance(kind, JSON):
        wrong = ["{không phải JSON", 5, b"{}"]
    elif isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        wrong = ["hôm qua", "2026-11-31 08:00:00", 20261120, "2026-11-20 08:00:00.5"]
    elif isinstance(kind, Date):
        wrong = ["2026-02-30", "20/11/2026", 20261120]
    else:
        length = getattr(kind, "length", None) or getattr(getattr(kind, "impl", None), "length", None)
        wrong = [b"chu", b""] + (["x" * (int(length) + 1)] if length else [])
    return wrong if nullable else [*wrong, None]


def _typed_cells(source: Source) -> list[tuple[str, str, object]]:
    cells = []
    for table, key, _where in exchange_file.TABLES:
        if not _rowids(source, table):
            continue
        model = Base.metadata.tables[table]
        for name, _kind in exchange_file.columns()[table]:
            if name == key:
                continue
            column = model.columns[name]
            cells += [(table, name, value) for value in _wrong_values(column.type, column.nullable)]
    return cells


def test_values_of_the_wrong_type_are_refused(source: Source) -> None:
    rnd = random.Random(608)
    variants = []
    for n, (table, column, value) in enumerate(rnd.sample(_typed_cells(source), 45)):
        row = rnd.choice(_rowids(source, table))
        variants.append(
            (f"type-{n}-{table}-{column}", _sql(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = {row}', v=value))
        )
    codes = _run(source, variants, {"exchange.bad_type"})
    assert codes == Counter({"exchange.bad_type": 45})


def test_values_against_the_rules_are_refused(source: Source) -> None:
    """Right type, wrong value: a status no rule knows, a duplicated natural key inside the file."""
    edits = [
        "UPDATE ballots SET status = 'lost' WHERE rowid = 2",
        "UPDATE certificates SET status = 'maybe' WHERE rowid = 1",
        "UPDATE councils SET level = 'galaxy'",
        "UPDATE products SET code = (SELECT code FROM products WHERE rowid = 1) WHERE rowid = 2",
        "UPDATE certificates SET number = (SELECT number FROM certificates WHERE rowid = 1) WHERE rowid = 3",
        "UPDATE ballots SET member_id = (SELECT b.member_id FROM ballots b WHERE b.dossier_id = ballots.dossier_id "
        "AND b.scoring_round = ballots.scoring_round AND b.member_id != ballots.member_id LIMIT 1) "
        "WHERE rowid = (SELECT min(rowid) FROM ballots)",
    ]
    variants = [(f"rule-{n}", _sql(edit)) for n, edit in enumerate(edits)]
    assert _run(source, variants, {"exchange.rule_broken"}) == Counter({"exchange.rule_broken": len(edits)})


def test_option_numbers_out_of_range_are_refused(source: Source) -> None:
    rnd = random.Random(609)
    rows = rnd.sample(_rowids(source, "ballot_choices"), 15)
    variants = [
        (f"option-{r}", _sql(f"UPDATE ballot_choices SET option_number = :v WHERE rowid = {r}", v=rnd.choice(
            [0, -1, 99, 1_000_000, 2**62])))
        for r in rows
    ]  # fmt: skip
    assert _run(source, variants, {"import.unknown_option"}) == Counter({"import.unknown_option": 15})


def test_dangling_references_are_refused(source: Source) -> None:
    rnd = random.Random(610)
    references = [
        ("ballots", "member_id"), ("ballot_choices", "ballot_id"), ("attendance", "member_id"),
        ("recusals", "member_id"), ("certificates", "decision_id"), ("products", "producer_id"),
        ("results", "dossier_id"), ("attachments", "dossier_id"), ("dossiers", "product_id"),
    ]  # fmt: skip
    variants = []
    for n in range(14):
        table, column = references[n % len(references)]
        row = rnd.choice(_rowids(source, table))
        stray = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        variants.append((f"stray-{n}", _sql(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = {row}', v=stray)))
    for n, parent in enumerate(("council_members", "producers", "decisions", "ballots", "dossiers", "products")):
        row = rnd.choice(_rowids(source, parent))
        variants.append((f"orphan-{n}", _sql(f'DELETE FROM "{parent}" WHERE rowid = {row}')))
    codes = _run(source, variants, {"import.dangling", "import.out_of_scope"})
    assert codes["import.dangling"] >= 10, codes


def test_rows_of_another_round_are_refused(source: Source) -> None:
    rnd = random.Random(611)
    variants = []
    for n in range(9):
        table = ("dossiers", "meeting_sessions", "decisions")[n % 3]
        row = rnd.choice(_rowids(source, table))
        stray = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        variants.append((f"round-{n}", _sql(f'UPDATE "{table}" SET round_id = :v WHERE rowid = {row}', v=stray)))
    variants.append(("second-round", _sql(
        "INSERT INTO rounds SELECT :v, council_id, name || ' (2)', year, rule_version_id, version_snapshot, status, "
        "spread_limit, place, created_at, updated_at FROM rounds", v=str(uuid.UUID(int=7, version=4)))))  # fmt: skip
    codes = _run(source, variants, {"import.out_of_scope", "import.manifest_differs"})
    assert codes["import.out_of_scope"] == 9, codes


def test_counts_other_than_signed_are_refused(source: Source) -> None:
    variants = [
        (
            f"count-{table}",
            _sql(f'DELETE FROM "{table}" WHERE rowid = (SELECT max(rowid) FROM "{table}")', recount=False),
        )
        for table in ("ballot_choices", "attendance", "commune_assessments", "criteria_snapshots")
    ]
    assert _run(source, variants, {"import.counts_differ"}) == Counter({"import.counts_differ": 4})


def test_text_not_in_nfc_and_floats_are_refused_by_the_digest(source: Source) -> None:
    rnd = random.Random(612)
    texts, numbers = [], []
    for table, _key, _where in exchange_file.TABLES:
        if not _rowids(source, table):
            continue
        for name, kind in exchange_file.columns()[table]:
            (texts if kind.startswith(TEXT_KINDS) else numbers if kind == "INTEGER" else []).append((table, name))
    variants = []
    for n in range(12):
        table, column = rnd.choice(texts)
        row = rnd.choice(_rowids(source, table))
        decomposed = unicodedata.normalize("NFD", rnd.choice(["Hợp tác xã Đồng Hỷ", "Chè Tân Cương", "Mật ong rừng"]))
        variants.append((f"nfd-{n}", _sql(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = {row}', v=decomposed,
                                          sign=False)))  # fmt: skip
    for n in range(8):
        table, column = rnd.choice(numbers)
        row = rnd.choice(_rowids(source, table))
        variants.append((f"float-{n}", _sql(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = {row}',
                                            v=rnd.choice([1.5, -2.25, 0.1, 1e300]), sign=False)))  # fmt: skip
    codes = _run(source, variants, {"exchange.not_nfc", "exchange.bad_value"})
    assert codes == Counter({"exchange.not_nfc": 12, "exchange.bad_value": 8})


def _snapshot_content(which: str, content: str) -> Callable[[Path], None]:
    """The round's rule version (or one dossier's sheet) swapped for other content under its own digest."""

    def mutate(path: Path) -> None:
        sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
        with closing(sqlite3.connect(path)) as con:
            if which == "version":
                (old,) = con.execute("SELECT version_snapshot FROM rounds").fetchone()
                con.execute("UPDATE rounds SET version_snapshot = ?", (sha,))
            else:
                (old,) = con.execute("SELECT sheet_snapshot FROM dossiers ORDER BY rowid LIMIT 1").fetchone()
                con.execute("UPDATE dossiers SET sheet_snapshot = ? WHERE sheet_snapshot = ?", (sha, old))
            con.execute("UPDATE criteria_snapshots SET sha256 = ?, content = ? WHERE sha256 = ?", (sha, content, old))
            con.commit()
        resign(path, recount=True)

    return mutate


def test_signed_json_of_the_wrong_shape_is_refused(source: Source) -> None:
    """Valid JSON that is not a result's inputs, a result or a set of criteria, signed: refused with its message
    (it used to escape `import_files` as an AttributeError from the recomputation)."""
    values = ["[]", "{}", "null", "5", '"chuỗi"', '{"members": 5}', '{"members": [{"ballot_id": 3}]}',
              '{"members": [7]}']  # fmt: skip
    variants = []
    for n, value in enumerate(values):
        variants.append((f"inputs-{n}", _sql("UPDATE results SET inputs = :v WHERE rowid = 1", v=value)))
        variants.append((f"computed-{n}", _sql("UPDATE results SET computed = :v WHERE rowid = 2", v=value)))
    for n, value in enumerate([*values[:4], '{"items": 5}']):
        variants.append((f"version-{n}", _snapshot_content("version", value)))
        variants.append((f"sheet-{n}", _snapshot_content("sheet", value)))
    allowed = {"verify.inputs_altered", "verify.result_differs", "verify.choices_altered", "import.malformed",
               "exchange.bad_type", "catalogue."}  # fmt: skip
    codes = _run(source, variants, allowed)
    assert sum(codes.values()) == 26 and codes["import.malformed"] >= 5, codes


def test_the_suite_took_at_least_three_hundred_files(request: pytest.FixtureRequest) -> None:
    """The files taken in by the tests above, counted as they went: the issue asks for at least 300."""
    here = [item for item in request.session.items if item.module is request.module]
    if len(here) != len([name for name in globals() if name.startswith("test_")]):
        pytest.skip("only part of the fault suite was selected")
    assert sum(TAKEN.values()) >= 300, TAKEN
    assert TAKEN[REFUSED] >= 250 and TAKEN[Outcome.CONFLICTS] >= 6 and TAKEN[Outcome.ALREADY] >= 6, TAKEN
