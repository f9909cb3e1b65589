"""Dossier lists from Excel: every bad cell reported with its sheet and cell before anything is saved; a good
file saved in one transaction after a backup; hostile files refused whole."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from ocop_desktop.domain.enums import CouncilLevel, Role
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import Dossier, Producer, Product
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.services.import_dossiers import COLUMNS, import_dossiers, read_workbook, write_dossier_template

GOOD = [
    (
        1,
        "Hợp tác xã Chè Tân Cương",
        "Hợp tác xã",
        "Nguyễn Thị Hòa",
        "Nữ",
        "0912345678",
        "",
        "19",
        "05503",
        "Xóm 6",
        "Chè búp",
        11,
        "Lần đầu",
        "10/08/2026",
        "",
    ),
    (
        2,
        "Hợp tác xã Chè Tân Cương",
        "HTX",
        "Nguyễn Thị Hòa",
        "Nữ",
        "0912345678",
        "",
        "19",
        "05503",
        "Xóm 6",
        "Trà xanh",
        12,
        "Nâng hạng",
        "11/08/2026",
        "",
    ),
    (
        3,
        "Hộ kinh doanh Đỗ Thị Nga",
        "Hộ kinh doanh",
        "Đỗ Thị Nga",
        "nu",
        "",
        "",
        "19",
        "5611",
        "",
        "Bánh chưng",
        "6",
        "lan dau",
        "12/08/2026",
        "83-829-28780-3-2022",
    ),
]


def workbook(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Hồ sơ"
    sheet.append([h for _k, h in COLUMNS])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def round_id(empty_db: Database) -> str:
    council = round_setup.create_council(
        empty_db, actor=SYSTEM, name="HĐ", level=CouncilLevel.PROVINCE, issuing_body="UBND"
    )
    return round_setup.create_round(
        empty_db, actor=SYSTEM, council_id=council, name="Đợt 1", year=2026, rule_version_id="QD26-2026"
    )


def test_a_good_list_is_saved_in_one_go(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    preview = read_workbook(workbook(tmp_path / "ds.xlsx", GOOD))
    assert preview.problems == () and len(preview.rows) == 3
    result = import_dossiers(empty_db, actor=SYSTEM, round_id=round_id, preview=preview)
    assert (result.dossiers, result.producers_created, result.producers_reused) == (3, 2, 1)
    assert Path(result.backup).exists()
    with empty_db.reading() as s:
        codes = sorted(s.scalars(select(Product.code)))
        assert codes == ["19-05503-1-2026", "19-05503-2-2026", "83-829-28780-3-2022"]
        assert s.scalar(select(func.count()).select_from(Dossier)) == 3
        assert (
            s.scalars(select(Producer.commune_code).where(Producer.name == "Hộ kinh doanh Đỗ Thị Nga")).one() == "05611"
        )


def test_every_bad_cell_is_named_and_nothing_is_saved(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    bad = [
        (1, "", "Công ty", "A", "Nam", "12345", "sai@", "19", "05503", "", "Chè", 27, "Lần hai", "31/02/2026", ""),
        GOOD[0],
    ]
    preview = read_workbook(workbook(tmp_path / "sai.xlsx", bad))
    where = {dict(p.location)["cell"]: p.code for p in preview.problems}
    assert where == {
        "B2": "excel.missing",
        "F2": "registry.bad_phone",
        "G2": "registry.bad_email",
        "L2": "excel.bad_sheet",
        "M2": "excel.bad_registration",
        "N2": "excel.bad_date",
    }
    sentence = describe(next(p for p in preview.problems if dict(p.location)["cell"] == "N2"))
    assert sentence == "Tệp «sai.xlsx», phiếu Hồ sơ, ô N2: ngày «31/02/2026» không hợp lệ (dd/mm/yyyy)"
    with pytest.raises(ValidationFailed):
        import_dossiers(empty_db, actor=SYSTEM, round_id=round_id, preview=preview)
    with empty_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 0


def test_a_failing_row_rolls_back_the_whole_import(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    rows = [
        *GOOD,
        (4, "Hợp tác xã Mới", "HTX", "", "", "", "", "19", "05503", "", "Mật ong", 4, "Lần đầu", "10/05/2026", ""),
    ]
    preview = read_workbook(workbook(tmp_path / "ds.xlsx", rows))
    assert preview.ok  # 10/05/2026 falls under QĐ 148: only the round can tell
    with pytest.raises(ValidationFailed) as info:
        import_dossiers(empty_db, actor=SYSTEM, round_id=round_id, preview=preview)
    assert dict(info.value.problems[0].location)["row"] == "5"
    with empty_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Producer)) == 0


def _with_entities(path: Path) -> None:
    """The workbook's sheet rewritten to declare XML entities (the seed of a billion-laughs file)."""
    parts = {}
    with zipfile.ZipFile(path) as source:
        for name in source.namelist():
            parts[name] = source.read(name)
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    start = sheet.index("<worksheet")
    entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + entities + sheet[start:]).encode("utf-8")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize("kind", ["text", "truncated", "formula", "empty", "entities"])
def test_hostile_or_empty_workbooks_are_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.xlsx"
    if kind == "text":
        path.write_text("không phải Excel", encoding="utf-8")
        code = "excel.not_xlsx"
    elif kind == "truncated":
        workbook(path, GOOD)
        path.write_bytes(path.read_bytes()[:500])
        code = "excel.not_xlsx"
    elif kind == "formula":
        workbook(path, [GOOD[0]])
        book = load_workbook(path)
        book.worksheets[0]["K2"] = '=HYPERLINK("http://x","Chè")'
        book.save(path)
        code = "excel.formula"
    elif kind == "entities":  # refused because defusedxml forbids entity declarations (openpyxl parses through it)
        workbook(path, GOOD)
        _with_entities(path)
        code = "excel.damaged"  # the part declaring entities is named
    else:
        workbook(path, [])
        code = "excel.empty"
    preview = read_workbook(path)
    assert [p.code for p in preview.problems] == [code]
    assert preview.rows == ()


def filled_template(path: Path, rows: list[tuple[object, ...]], province: str | None = "19") -> Path:
    """The template as a person fills it: the rows typed on the first sheet from row 2, the example sheet left."""
    write_dossier_template(path, province)
    book = load_workbook(path)
    for row in rows:
        book.worksheets[0].append(list(row))
    book.save(path)
    return path


def test_template_reads_back_and_the_command_line_imports(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    empty = read_workbook(write_dossier_template(tmp_path / "trong.xlsx"))
    assert [p.code for p in empty.problems] == ["excel.empty"]  # the example is not a dossier
    template = filled_template(tmp_path / "mau.xlsx", GOOD[:1])
    preview = read_workbook(template)
    assert preview.ok and preview.rows[0].sheet_id == "QD26-2026-11"
    admin = accounts.authenticate(empty_db, username="quantri", password=DEMO_PASSWORD)
    accounts.create_user(
        empty_db, actor=admin, username="thuky", full_name="Thư ký", password=DEMO_PASSWORD, roles={Role.SECRETARY}
    )
    password = tmp_path / "mat-khau.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    path = empty_db.path
    empty_db.close()
    command = [sys.executable, "-m", "ocop_desktop", "dossiers", "import", "--db", str(path), "--round", round_id]
    denied = subprocess.run(
        [*command, "--as", "quantri", "--user-password-file", str(password), str(template)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert denied.returncode == 2 and "không có quyền" in denied.stderr  # the administrator edits no registry
    command += ["--as", "thuky", "--user-password-file", str(password)]
    bad = subprocess.run(
        [*command, str(workbook(tmp_path / "sai.xlsx", [(1, "", "HTX")]))], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1 and "ô B2" in bad.stderr and "Traceback" not in bad.stderr
    ok = subprocess.run([*command, str(template)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "đã lưu: 1 hồ sơ" in ok.stdout


def _rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("xl/worksheets/sheet1.xml", lambda data: data[: len(data) * 2 // 3]),  # cut off mid-row
        ("xl/worksheets/sheet1.xml", lambda data: data.replace(b"<sheetData>", b"<sheetData>&bomb;", 1)),
        ("xl/workbook.xml", lambda data: data[: len(data) // 2]),
    ],
    ids=["sheet-cut-mid-row", "undefined-entity", "workbook-part-cut"],
)
def test_a_damaged_part_is_named_not_a_parse_error(tmp_path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Issue 14, point 9: openpyxl's ParseError reached the last-resort handler, naming no file and no part."""
    path = workbook(tmp_path / "ds.xlsx", GOOD * 40)
    _rewrite_part(path, part, change)
    try:
        problems = read_workbook(path).problems
    except ValidationFailed as exc:
        problems = exc.problems
    (problem,) = problems
    assert problem.code == "excel.damaged" and problem.params["part"] == part
    sentence = describe(problem, "en")
    assert (
        sentence.startswith("File 'ds.xlsx': the workbook is damaged: part " + part) and "nothing was saved" in sentence
    )


def test_superscript_digits_in_the_list_are_named_by_cell(tmp_path: Path) -> None:
    """'²' passes `str.isdigit()` and fails `int()`: the STT and sheet columns go through the one parser."""
    row = list(GOOD[0])
    row[0], row[11] = "²", "1²"
    preview = read_workbook(workbook(tmp_path / "ds.xlsx", [tuple(row)]))
    cells = {(p.code, dict(p.location)["cell"]) for p in preview.problems}
    assert ("value.not_integer", "A2") in cells and ("excel.bad_sheet", "L2") in cells
    control = list(GOOD[0])
    control[1] = "HTX Chè\x9b31m"  # a terminal escape (an .xlsx cannot hold NUL itself)
    preview = read_workbook(workbook(tmp_path / "control.xlsx", [tuple(control)]))
    assert {(p.code, dict(p.location)["cell"]) for p in preview.problems} == {("value.control_char", "B2")}


def test_the_command_line_names_a_damaged_list(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    path = workbook(tmp_path / "ds.xlsx", GOOD)
    _rewrite_part(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b"<sheetData>", b"<sheetData>&x;", 1))
    admin = accounts.authenticate(empty_db, username="quantri", password=DEMO_PASSWORD)
    accounts.create_user(
        empty_db, actor=admin, username="thuky", full_name="Thư ký", password=DEMO_PASSWORD, roles={Role.SECRETARY}
    )
    password = tmp_path / "mat-khau.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    db = empty_db.path
    empty_db.close()
    command = [sys.executable, "-m", "ocop_desktop", "dossiers", "import", "--db", str(db), "--round", round_id]
    command += ["--as", "thuky", "--user-password-file", str(password)]
    done = subprocess.run([*command, str(path), "--lang", "en"], capture_output=True, text=True, check=False)
    assert "the workbook is damaged: part xl/worksheets/sheet1.xml cannot be read" in done.stderr, done.stderr
    assert done.returncode == 2 and "Unexpected" not in done.stderr and "Traceback" not in done.stderr
