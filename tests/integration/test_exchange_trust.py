"""Issue 14's attacks on the exchange file, each refused by name with nothing changed: the key-less forgery kept
behind a covering index, a key speaking for another council, a revision far ahead, attachments that are not what
they say, and a file that is not a file."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from ocop_desktop.cli import main
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.models import Round
from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round, verify_exchange
from ocop_desktop.services.exchange_import import Outcome, import_files, inspect_file
from tests.exchange_helpers import covering_forgery, dump


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


@pytest.fixture
def province(tmp_path: Path) -> Database:
    db = Database.open(tmp_path / "tinh.ocopdb", create=True, daily_backup=False)
    yield db
    db.close()


@pytest.fixture
def exported(demo_db: Database, tmp_path: Path) -> Path:
    return export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "dot-1.ocop").path


def _copy(path: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(path, target)
    return target


FORGERIES = [
    ("producers", "name = 'Công ty GIẢ MẠO', phone = '0999999999'"),
    ("certificates", "stars = 5"),
]


@pytest.mark.parametrize(("table", "assignments"), FORGERIES)
def test_values_forged_behind_a_covering_index_are_refused_by_verify_and_import(
    exported: Path, province: Database, tmp_path: Path, table: str, assignments: str
) -> None:
    forged = _copy(exported, tmp_path, f"forged-{table}.ocop")
    covering_forgery(forged, table, assignments)
    with closing(sqlite3.connect(forged)) as con:  # the forgery is there: the table differs from the signed rows
        with closing(sqlite3.connect(exported)) as genuine:
            query = f'SELECT * FROM "{table}" NOT INDEXED ORDER BY rowid'
            assert con.execute(query).fetchall() != genuine.execute(query).fetchall()
    with pytest.raises(ValidationFailed) as caught:
        verify_exchange(forged)
    problem = caught.value.problems[0]
    assert problem.code == "exchange.unexpected_object"
    assert problem.params["name"] == "sqlite_autoindex_manifest_2" and problem.params["table"] == table
    before = dump(province)
    report = import_files(province, [forged], actor=SYSTEM)
    (only,) = report.files
    assert only.outcome is Outcome.REFUSED and only.problems[0].code == "exchange.unexpected_object"
    assert dict(only.problems[0].location)["file"] == forged.name
    assert dump(province) == before
    assert main(["verify", str(forged)]) != 0


@pytest.mark.parametrize(("table", "assignments"), FORGERIES)
def test_the_digest_reads_the_table_itself_never_an_index(
    exported: Path, tmp_path: Path, table: str, assignments: str
) -> None:
    forged = _copy(exported, tmp_path, f"forged-{table}.ocop")
    covering_forgery(forged, table, assignments)
    with closing(sqlite3.connect(exported)) as genuine:
        signed = exchange_file.digests(genuine)[0]
    with closing(sqlite3.connect(f"file:{forged}?mode=ro", uri=True)) as con:
        assert exchange_file.digests(con)[0] != signed  # the forged table, not the signed index, was read


def _edit_schema(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            con.execute(statement)
        con.commit()


@pytest.mark.parametrize(
    ("statements", "code", "params"),
    [
        (  # the same columns, one declared another way (INT, the same affinity): the table's definition is not the format's
            ["UPDATE sqlite_master SET sql = replace(sql, '\"stars\" INTEGER', '\"stars\" INT') "
             "WHERE name = 'certificates'"],
            "exchange.unexpected_columns",
            {"table": "certificates"},
        ),
        (  # the manifest's own key index moved onto another table under its usual name
            ["UPDATE sqlite_master SET tbl_name = 'producers' WHERE name = 'sqlite_autoindex_manifest_1'"],
            "exchange.unexpected_object",
            {"name": "sqlite_autoindex_manifest_1", "table": "producers", "what": "index"},
        ),
    ],
)  # fmt: skip
def test_every_definition_of_the_schema_is_compared_with_the_format(
    exported: Path, tmp_path: Path, statements: list[str], code: str, params: dict[str, str]
) -> None:
    odd = _copy(exported, tmp_path, "odd.ocop")
    _edit_schema(odd, *statements)
    with pytest.raises(ValidationFailed) as caught:
        verify_exchange(odd)
    (problem,) = caught.value.problems
    assert problem.code == code, problem.params
    assert params.items() <= problem.params.items()


def _attachment_rows(path: Path) -> list[tuple[int, str, bytes]]:
    with closing(sqlite3.connect(path)) as con:
        return con.execute("SELECT rowid, filename, content FROM attachments ORDER BY rowid").fetchall()


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.mark.parametrize(
    ("statement", "code", "params"),
    [
        (  # a blob swapped, its sha256 and size left as they were
            "UPDATE attachments SET content = :other WHERE rowid = :row",
            "attachment.stale_checksum",
            {"column": "size"},
        ),
        (  # the same size, another content
            "UPDATE attachments SET content = :flipped WHERE rowid = :row",
            "attachment.stale_checksum",
            {"column": "sha256"},
        ),
        (  # a Windows program, its columns made consistent, behind a double extension
            "UPDATE attachments SET content = :exe, size = length(:exe), sha256 = :exe_sha, "
            "filename = 'Phieu-dang-ky.pdf.exe', media_type = 'application/x-msdownload' WHERE rowid = :row",
            "attachment.executable",
            {"name": "Phieu-dang-ky.pdf.exe"},
        ),
        (  # the program under a PDF's name
            "UPDATE attachments SET content = :exe, size = length(:exe), sha256 = :exe_sha WHERE rowid = :row",
            "attachment.executable",
            {},
        ),
        (  # a PDF recorded as a picture
            "UPDATE attachments SET media_type = 'image/png' WHERE rowid = :row",
            "attachment.type_differs",
            {"recorded": "image/png", "found": "application/pdf"},
        ),
        (  # a PDF named as a picture
            "UPDATE attachments SET filename = 'Phieu-dang-ky.png' WHERE rowid = :row",
            "attachment.extension_mismatch",
            {"media_type": "application/pdf"},
        ),
    ],
)
def test_attachments_are_checked_against_their_columns_and_the_allow_list(
    exported: Path, province: Database, tmp_path: Path, *, statement: str, code: str, params: dict[str, str]
) -> None:
    import hashlib

    from tests.exchange_helpers import resign

    bad = _copy(exported, tmp_path, "dot-1-tep.ocop")
    rows = _attachment_rows(bad)
    row, filename, content = next(r for r in rows if r[1].endswith(".pdf"))
    other = next(c for _r, _f, c in rows if c != content and len(c) != len(content))
    with closing(sqlite3.connect(bad)) as con:
        flipped = content[:-1] + bytes([content[-1] ^ 1])
        values = {
            "row": row,
            "other": other,
            "flipped": flipped,
            "exe": EXE,
            "exe_sha": hashlib.sha256(EXE).hexdigest(),
        }
        con.execute(statement, values)
        con.commit()
    resign(bad)  # the forger holds a trusted key: only the content can tell
    before = dump(province)
    report = import_files(province, [bad], actor=SYSTEM)
    (only,) = report.files
    assert only.outcome is Outcome.REFUSED
    problem = only.problems[0]
    assert problem.code == code and params.items() <= problem.params.items(), problem
    location = dict(problem.location)
    assert location["file"] == bad.name and location["product"]
    assert location["attachment"] in (filename, "Phieu-dang-ky.pdf.exe", "Phieu-dang-ky.png")
    assert dump(province) == before
    assert inspect_file(bad).outcome is Outcome.REFUSED  # `verify` says the same


# a key speaks for one council


@pytest.fixture
def council_a(demo_db: Database) -> tuple[str, str]:
    from ocop_desktop.models import Council

    with demo_db.reading() as s:
        council = s.scalars(select(Council)).one()
        return council.id, council.name


@pytest.fixture
def revisions(demo_db: Database, tmp_path: Path) -> list[Path]:
    """Council A's genuine files of its round: revisions 1, 2 and 3."""
    rnd = _round(demo_db)
    return [export_round(demo_db, actor=SYSTEM, round_id=rnd, out=tmp_path / f"dot-r{n}.ocop").path for n in (1, 2, 3)]


def _registry(tmp_path: Path, council_a: tuple[str, str], *, bind_b: bool = True) -> tuple[Path, Path]:
    """The province's data folder trusting A's key (bound to A) and B's (bound to B, or to nothing); B's key folder."""
    from ocop_desktop.persistence.keys import installation_key, public_key_document, trust_public_key
    from tests.builders import council_key

    province, b_folder = tmp_path / "tinh-data", tmp_path / "khoa-b"
    a_key, b_key = installation_key(), council_key(b_folder)
    trust_public_key(
        public_key_document(a_key, "Hội đồng A", None, council_id=council_a[0], council_name=council_a[1]), province
    )
    bound = {"council_id": "00000000-0000-4000-8000-00000000000b", "council_name": "Hội đồng B"} if bind_b else {}
    trust_public_key(public_key_document(b_key, "Hội đồng B", None, **bound), province)
    return province, b_folder


def test_a_key_bound_to_council_b_cannot_sign_council_a_s_round(
    revisions: list[Path], province: Database, tmp_path: Path, council_a: tuple[str, str]
) -> None:
    from tests.exchange_helpers import resign

    data, b_folder = _registry(tmp_path, council_a)
    before = dump(province)
    forged = _copy(revisions[2], tmp_path, "dot-a-boi-b.ocop")
    with closing(sqlite3.connect(forged)) as con:
        con.execute("UPDATE producers SET phone = '0999999999'")
        con.commit()
    resign(forged, b_folder)
    ahead = _copy(revisions[2], tmp_path, "dot-a-999.ocop")
    resign(ahead, b_folder, revision="999")
    for path in (forged, ahead):
        report = import_files(province, [path], actor=SYSTEM, data_folder=data)
        (only,) = report.files
        assert only.outcome is Outcome.REFUSED
        problem = only.problems[0]
        assert problem.code == "import.key_for_other_council", problem
        assert problem.params["council_id"] == council_a[0] and problem.params["bound"] == "Hội đồng B"
        assert dict(problem.location)["file"] == path.name
        assert dump(province) == before
        assert inspect_file(path, data).problems[0].code == "import.key_for_other_council"  # `verify` says it too
    genuine = import_files(province, [revisions[2]], actor=SYSTEM, data_folder=data)
    assert genuine.ok and genuine.files[0].outcome is Outcome.IMPORTED


def test_a_revision_far_ahead_is_refused_and_the_genuine_next_one_still_imports(
    revisions: list[Path], province: Database, tmp_path: Path, council_a: tuple[str, str]
) -> None:
    from ocop_desktop.services.exchange_import import MAX_REVISION_STEP
    from tests.exchange_helpers import resign

    data, _b_folder = _registry(tmp_path, council_a)
    assert import_files(province, [revisions[0]], actor=SYSTEM, data_folder=data).ok
    before = dump(province)
    ahead = _copy(revisions[0], tmp_path, "dot-a-999.ocop")
    resign(ahead, revision="999")  # signed with A's own key: only the bound can stop it
    (only,) = import_files(province, [ahead], actor=SYSTEM, data_folder=data).files
    assert only.outcome is Outcome.REFUSED
    assert only.problems[0].code == "import.revision_jump"
    assert only.problems[0].params == {"revision": 999, "highest": 1, "limit": MAX_REVISION_STEP}
    assert dump(province) == before
    first = _copy(revisions[0], tmp_path, "dot-a-first-999.ocop")  # a round's first file is bound from 0
    resign(first, revision=str(MAX_REVISION_STEP + 1))
    with Database.open(tmp_path / "tinh-2.ocopdb", create=True, daily_backup=False) as other:
        (refused,) = import_files(other, [first], actor=SYSTEM, data_folder=data).files
        assert refused.problems[0].code == "import.revision_jump"
    genuine = import_files(province, [revisions[2]], actor=SYSTEM, data_folder=data)
    assert genuine.ok and genuine.files[0].outcome is Outcome.IMPORTED


def test_a_key_bound_to_no_council_speaks_for_the_first_whose_files_it_brought(
    revisions: list[Path], province: Database, tmp_path: Path, council_a: tuple[str, str]
) -> None:
    from tests.exchange_helpers import other_council, resign

    data, b_folder = _registry(tmp_path, council_a, bind_b=False)
    own = other_council(revisions[0], tmp_path / "dot-b.ocop", 1)  # council B's own round
    resign(own, b_folder)
    assert import_files(province, [own], actor=SYSTEM, data_folder=data).ok
    before = dump(province)
    forged = _copy(revisions[2], tmp_path, "dot-a-boi-b.ocop")
    resign(forged, b_folder)
    (only,) = import_files(province, [forged], actor=SYSTEM, data_folder=data).files
    assert only.outcome is Outcome.REFUSED
    problem = only.problems[0]
    assert problem.code == "import.key_used_by_other_council" and problem.params["council_id"] == council_a[0]
    assert dump(province) == before
    assert import_files(province, [revisions[2]], actor=SYSTEM, data_folder=data).ok


def test_the_council_s_public_key_file_carries_its_council_and_trusting_it_binds_the_key(
    demo_path: Path, tmp_path: Path, council_a: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from ocop_desktop.persistence.keys import trusted_keys

    out = tmp_path / "khoa.json"
    assert main(["keys", "export", "--out", str(out), "--db", str(demo_path)]) == 0
    assert council_a[0] in out.read_text(encoding="utf-8")
    data = tmp_path / "tinh-data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OCOP_DESKTOP_DATA", str(data))
        assert main(["keys", "trust", str(out), "--yes"]) == 0
        assert f"hội đồng «{council_a[1]}» ({council_a[0]})" in capsys.readouterr().out
    (entry,) = trusted_keys(data)
    assert (entry.council_id, entry.council_name) == council_a
