"""Excel ballots: a workbook per member out of the demo round, filled as a member would, imported back into
submitted ballots whose result is the scoring core's; every hostile or wrong workbook refused with its sheet and
cell named and the database left exactly as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from sqlalchemy import select

from ocop_desktop.documents import ballot_workbook as layout
from ocop_desktop.domain.enums import BallotStatus, EntryMode, LegalForm, MemberRole, RegistrationType
from ocop_desktop.domain.errors import Conflict, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import Ballot, CouncilMember, Dossier, Result, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Criterion, Sheet
from ocop_desktop.scoring.engine import MemberBallot, score_product
from ocop_desktop.services import accounts, recognition, registry, round_secrets, round_setup, scoring_session
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.ballot_workbooks import (
    export_ballot_workbooks,
    import_ballot_workbook,
    read_ballot_workbook,
)
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.demo import DEMO_PASSWORD
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.results import compute, gather_inputs

LATE_SHEET = "QD26-2026-11"  # sub-criteria (6.1.x, 6.2.x) and a conditional item (5.2)
LATE_TITLE = "13 Chè móc câu Trại Cài"


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def late_dossier(db: Database, round_id: str) -> str:
    """A dossier added to the demo round after its meeting, the round past its recognition decision reopened
    first (as the chair does, with a reason): nobody has scored it yet."""
    recognition.reopen_round(db, actor=SYSTEM, round_id=round_id, reason="Hồ sơ bổ sung sau cuộc họp")
    producer = registry.create_producer(
        db, actor=SYSTEM, name="Hợp tác xã Chè Trại Cài", legal_form=LegalForm.COOPERATIVE, province_code="19",
        commune_code="05503",
    )  # fmt: skip
    product = registry.create_product(
        db, actor=SYSTEM, producer_id=producer, name="Chè móc câu Trại Cài", sheet_id=LATE_SHEET, year=2026
    )
    return registry.create_dossier(
        db,
        actor=SYSTEM,
        round_id=round_id,
        product_id=product.product_id,
        registration_type=RegistrationType.FIRST,
        submission_date=dt.date(2026, 8, 12),
        agenda_order=13,  # after the demo round's twelve
    )


@pytest.fixture
def late(demo_db: Database) -> tuple[str, str]:
    round_id = _round(demo_db)
    return round_id, late_dossier(demo_db, round_id)


@pytest.fixture
def secretary(demo_db: Database) -> Actor:
    return accounts.authenticate(demo_db, username="thuky", password=DEMO_PASSWORD)


def _digest(db: Database) -> str:
    """Everything the import could change: ballots, choices, results, the audit trail."""
    with db.raw() as con:
        rows = [
            con.execute(sql).fetchall()
            for sql in (
                "SELECT id, dossier_id, member_id, scoring_round, status, entry_mode, opinion FROM ballots ORDER BY id",
                "SELECT ballot_id, item_id, option_number FROM ballot_choices ORDER BY ballot_id, item_id",
                "SELECT id, computed, locked FROM results ORDER BY id",
                "SELECT count(*) FROM audit_events",
            )
        ]
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def export_by_member(db: Database, round_id: str, out: Path) -> dict[str, Path]:
    files = export_ballot_workbooks(db, actor=SYSTEM, round_id=round_id, out=out)
    return {load_workbook(f, read_only=True)["Hướng dẫn"]["A4"].value.split(": ", 1)[1]: f for f in files}


def _choose_top(item: Criterion) -> int:
    return len(item.options)


def fill_sheet(
    path: Path, title: str, sheet: Sheet, choose: Callable[[Criterion], int], opinion: str = ""
) -> dict[str, int]:
    """Pick an option in every choice cell of one product sheet as a member would; returns what was chosen."""
    book = load_workbook(path)
    ws = book[title]
    chosen = {}
    for item_id, (row, item) in layout.choice_rows(sheet).items():
        number = choose(item)
        ws.cell(row, layout.CHOICE_COLUMN, layout.option_label(item, number))
        chosen[item_id] = number
    if opinion:
        ws.cell(layout.opinion_row(sheet), 1, opinion)
    book.save(path)
    return chosen


def test_round_trip_every_member_imported_and_the_result_is_the_scoring_cores(
    demo_db: Database, late: tuple[str, str], secretary: Actor, tmp_path: Path
) -> None:
    round_id, dossier_id = late
    files = export_by_member(demo_db, round_id, tmp_path / "phieu-excel")
    assert "Hoàng Minh Khôi" not in files  # absent from the meeting: nothing to score
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    expected: dict[str, dict[str, int]] = {}
    for index, (name, path) in enumerate(sorted(files.items())):

        def choose(item: Criterion, index: int = index) -> int:
            if item.applicable_if is not None and index % 2:
                return 0  # "không áp dụng"
            return max(1, len(item.options) - (index + len(item.id)) % 2)

        expected[name] = fill_sheet(path, LATE_TITLE, sheet, choose, opinion="Sản phẩm có hương vị đặc trưng.")
        done = import_ballot_workbook(demo_db, actor=secretary, path=path)
        assert [line.sheet for line in done.preview.lines if line.filled] == [LATE_TITLE]
        blank = {dict(n.location)["sheet"] for n in done.preview.notes if n.code == "ballots_xlsx.blank_sheet"}
        assert blank == {line.sheet for line in done.preview.lines if not line.filled}
        assert len(blank) == (11 if name == "Đặng Quốc Bảo" else 12)  # recused from the second product
        assert len(done.ballots) == 1 and done.backup and Path(done.backup).exists()
    with demo_db.reading() as s:
        names = {m.id: m.full_name for m in s.scalars(select(CouncilMember))}
        ballots = s.scalars(select(Ballot).where(Ballot.dossier_id == dossier_id)).all()
        assert {names[b.member_id] for b in ballots} == set(files)
        for ballot in ballots:
            assert ballot.status is BallotStatus.SUBMITTED and ballot.entry_mode is EntryMode.IMPORTED
            assert {c.item_id: c.option_number for c in ballot.choices} == expected[names[ballot.member_id]]
            assert ballot.opinion == "Sản phẩm có hương vị đặc trưng."
        dossier = s.get(Dossier, dossier_id)
        assert dossier is not None
        inputs = gather_inputs(s, dossier)
        core = score_product(
            inputs.sheet,
            inputs.version,
            [MemberBallot(n, c) for n, c in expected.items()],
            spread_limit=inputs.spread_limit,
        )
        result, computed = compute(inputs)
        stored = s.scalars(select(Result).where(Result.dossier_id == dossier_id)).one()
        assert result.average_total == core.average_total and result.stars == core.stars
        assert stored.computed == computed and stored.stars == core.stars


def test_written_workbook_has_drop_downs_protection_and_hidden_identification(
    demo_db: Database, late: tuple[str, str], tmp_path: Path
) -> None:
    round_id, dossier_id = late
    path = export_by_member(demo_db, round_id, tmp_path)["Trần Thị Hương"]
    book = load_workbook(path)
    assert book.sheetnames[0] == "Hướng dẫn" and book.security.lockStructure
    assert book["Danh mục"].sheet_state == "hidden" and book[layout.ID_SHEET].sheet_state == "veryHidden"
    titles = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"][1:]
    assert len(titles) == 13 and titles[-1] == LATE_TITLE
    assert all(len(t) <= 31 and not layout.BAD_TITLE.search(t) for t in titles)
    lists = {row[0].row: row[0].value for row in book["Danh mục"].iter_rows(max_col=1)}
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    ws = book[LATE_TITLE]
    assert all(w.protection.sheet for w in book.worksheets)
    validations = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    rows = layout.choice_rows(sheet)
    assert len(validations) == len(rows) == len(sheet.items)
    assert "6.1" not in rows and {"6.1.1", "6.1.2"} <= set(rows)  # scored through its sub-criteria only
    for item_id, (row, item) in rows.items():
        validation = validations[f"C{row}"]
        assert validation.type == "list" and validation.showErrorMessage and validation.error
        first, last = (int(part.split("$")[-1]) for part in validation.formula1.split("!")[1].split(":"))
        assert validation.formula1.startswith("'Danh mục'!$A$")
        assert [lists[r] for r in range(first, last + 1)] == list(layout.choice_labels(item))
        assert ws.cell(row, layout.CHOICE_COLUMN).protection.locked is False
        assert ws.cell(row, layout.CODE_COLUMN).value == item_id and ws.cell(row, layout.CODE_COLUMN).protection.locked
    assert layout.choice_labels(sheet.item("5.2"))["0 – Không áp dụng (0 điểm)"] == 0  # type: ignore[arg-type]
    assert ws.cell(layout.opinion_row(sheet), 1).protection.locked is False
    unlocked = [c for r in ws.iter_rows() for c in r if not c.protection.locked and not isinstance(c, MergedCell)]
    assert len(unlocked) == len(rows) + 1
    texts = [c.value for w in book.worksheets for r in w.iter_rows() for c in r if isinstance(c.value, str)]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert not any(t.startswith("=") for t in texts)  # no formula anywhere: the app computes the points
    ident = book[layout.ID_SHEET]
    assert ident["B2"].value == round_id and ident.cell(layout.ID_FIRST_ROW + 12, 2).value == dossier_id
    # a dossier whose ballot is already submitted is shown as such, its cells locked
    done = book[titles[0]]
    assert done["B9"].value.startswith("Phiếu đã nộp") and not done.data_validations.dataValidation


def _problem_cells(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str, str]]:
    return {(p.code, dict(p.location).get("sheet", ""), dict(p.location).get("cell", "")) for p in exc.value.problems}


def _refuse(db: Database, actor: Actor, path: Path, **kwargs: str) -> pytest.ExceptionInfo[ValidationFailed]:
    before = _digest(db)
    with pytest.raises(ValidationFailed) as info:
        import_ballot_workbook(db, actor=actor, path=path, **kwargs)
    assert _digest(db) == before
    for problem in info.value.problems:
        assert "Traceback" not in describe(problem) and dict(problem.location)["file"] == path.name
    return info


@pytest.fixture
def member_file(demo_db: Database, late: tuple[str, str], tmp_path: Path) -> Path:
    return export_by_member(demo_db, late[0], tmp_path)["Lê Đức Thắng"]


def _rows() -> dict[str, tuple[int, Criterion]]:
    return layout.choice_rows(load_sheet("QD26-2026", LATE_SHEET))


def test_formula_in_any_cell_is_refused(demo_db: Database, secretary: Actor, member_file: Path) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    book = load_workbook(member_file)
    book[LATE_TITLE]["C13"] = '=HYPERLINK("http://x","3 – ...")'
    book["Danh mục"]["A1"] = "=1+1"
    book.save(member_file)
    info = _refuse(demo_db, secretary, member_file)
    assert _problem_cells(info) == {("excel.formula", LATE_TITLE, "C13"), ("excel.formula", "Danh mục", "A1")}


def test_an_option_not_in_the_list_and_a_missing_choice_are_named_by_sheet_cell_and_criterion(
    demo_db: Database, secretary: Actor, member_file: Path
) -> None:
    rows = _rows()
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    book = load_workbook(member_file)
    book[LATE_TITLE].cell(rows["1.2"][0], layout.CHOICE_COLUMN, "Rất tốt (5 điểm)")
    book[LATE_TITLE].cell(rows["6.1.2"][0], layout.CHOICE_COLUMN).value = None
    book.save(member_file)
    info = _refuse(demo_db, secretary, member_file)
    assert _problem_cells(info) == {
        ("ballots_xlsx.unknown_option", LATE_TITLE, f"C{rows['1.2'][0]}"),
        ("ballot.missing_item", LATE_TITLE, f"C{rows['6.1.2'][0]}"),
    }
    missing = next(p for p in info.value.problems if p.code == "ballot.missing_item")
    assert describe(missing) == (
        f"Tệp «{member_file.name}», phiếu {LATE_TITLE}, ô C{rows['6.1.2'][0]}: chưa chọn phương án cho tiêu chí 6.1.2"
    )
    unknown = next(p for p in info.value.problems if p.code == "ballots_xlsx.unknown_option")
    assert "«Rất tốt (5 điểm)» không có trong danh sách phương án của tiêu chí 1.2" in describe(unknown)


def test_a_partly_filled_sheet_names_every_empty_cell(demo_db: Database, secretary: Actor, member_file: Path) -> None:
    rows = _rows()
    book = load_workbook(member_file)
    item = rows["1.1"][1]
    book[LATE_TITLE].cell(rows["1.1"][0], layout.CHOICE_COLUMN, layout.option_label(item, 2))
    book.save(member_file)
    info = _refuse(demo_db, secretary, member_file)
    assert _problem_cells(info) == {
        ("ballot.missing_item", LATE_TITLE, f"C{r}") for i, (r, _c) in rows.items() if i != "1.1"
    }


def test_a_blank_workbook_saves_nothing(demo_db: Database, secretary: Actor, member_file: Path) -> None:
    info = _refuse(demo_db, secretary, member_file)
    assert [p.code for p in info.value.problems] == ["ballots_xlsx.nothing_filled"]


@pytest.mark.parametrize("change", ["dossier", "member", "row"])
def test_tampered_identification_is_refused(
    demo_db: Database, secretary: Actor, member_file: Path, change: str
) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    book = load_workbook(member_file)
    ident = book[layout.ID_SHEET]
    if change == "dossier":  # point the filled sheet at another dossier of the round
        ident.cell(layout.ID_FIRST_ROW + 12, 2, ident.cell(layout.ID_FIRST_ROW + 11, 2).value)
        expected = {("ballots_xlsx.tampered", LATE_TITLE, "")}
    elif change == "member":  # hand one member's workbook in as another's
        with demo_db.reading() as s:
            other = s.scalars(select(CouncilMember.id).where(CouncilMember.full_name == "Vũ Thị Lan")).one()
        ident["B3"] = other
        expected = {("ballots_xlsx.tampered", t, "") for t in book.sheetnames if t[:2].isdigit()}
    else:  # a criterion code changed on the sheet itself
        book[LATE_TITLE].cell(_rows()["1.1"][0], 1, "1.9")
        expected = {("ballots_xlsx.row_changed", LATE_TITLE, f"A{_rows()['1.1'][0]}")}
    book.save(member_file)
    assert _problem_cells(_refuse(demo_db, secretary, member_file)) == expected


def test_a_workbook_of_another_round_or_database_is_refused(
    demo_db: Database, empty_db: Database, secretary: Actor, member_file: Path
) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    info = _refuse(demo_db, secretary, member_file, round_id="another-round")
    assert [p.code for p in info.value.problems] == ["ballots_xlsx.wrong_round"]
    info = _refuse(empty_db, SYSTEM, member_file)
    assert [p.code for p in info.value.problems] == ["ballots_xlsx.unknown_round"]


def test_a_workbook_without_identification_is_refused(demo_db: Database, secretary: Actor, tmp_path: Path) -> None:
    path = tmp_path / "la.xlsx"
    book = load_workbook(export_by_member(demo_db, _round(demo_db), tmp_path)["Lê Đức Thắng"])
    del book[layout.ID_SHEET]
    book.save(path)
    assert [p.code for p in _refuse(demo_db, secretary, path).value.problems] == ["ballots_xlsx.not_ballot_workbook"]


@pytest.mark.parametrize("kind", ["renamed_text", "truncated", "oversized", "zip_bomb"])
def test_files_that_are_not_workbooks_are_refused_whole(
    demo_db: Database, secretary: Actor, member_file: Path, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "phieu.xlsx"
    if kind == "renamed_text":
        path.write_text("Phiếu chấm: 1.1 = 3", encoding="utf-8")
        code = "excel.not_xlsx"
    elif kind == "truncated":
        path.write_bytes(member_file.read_bytes()[:4000])
        code = "excel.not_xlsx"
    elif kind == "oversized":
        path.write_bytes(member_file.read_bytes() + bytes(11 * 1024 * 1024))
        code = "excel.too_big"
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/big.xml", "w") as big:
            for _ in range(210):
                big.write(bytes(1024 * 1024))
        assert path.stat().st_size < 1024 * 1024
        code = "excel.unpacks_too_big"
    assert [p.code for p in _refuse(demo_db, secretary, path).value.problems] == [code]


def test_an_already_submitted_ballot_or_a_locked_result_is_refused(
    demo_db: Database, secretary: Actor, member_file: Path
) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    assert len(import_ballot_workbook(demo_db, actor=secretary, path=member_file).ballots) == 1
    info = _refuse(demo_db, secretary, member_file)  # the same file a second time
    assert _problem_cells(info) == {("scoring.ballot_submitted", LATE_TITLE, "")}
    book = load_workbook(member_file)
    first = next(t for t in book.sheetnames if t.startswith("01 "))  # approved at the demo meeting
    fill_sheet(member_file, first, load_sheet("QD26-2026", "QD26-2026-11"), _choose_top)
    info = _refuse(demo_db, secretary, member_file)
    assert _problem_cells(info) == {("scoring.ballot_submitted", LATE_TITLE, ""), ("result.locked", first, "")}


def test_a_begun_draft_or_a_recusal_after_the_export_refuses_the_sheet(
    demo_db: Database, late: tuple[str, str], secretary: Actor, member_file: Path, tmp_path: Path
) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    with demo_db.reading() as s:
        thang = s.scalars(select(CouncilMember).where(CouncilMember.full_name == "Lê Đức Thắng")).one()
    member = accounts.authenticate(demo_db, username="tv3", password=DEMO_PASSWORD)
    ballot = scoring_session.open_ballot(demo_db, actor=member, dossier_id=late[1], member_id=thang.id)
    scoring_session.record_choice(demo_db, actor=member, ballot_id=ballot, item_id="1.1", option_number=1)
    assert {p.code for p in _refuse(demo_db, secretary, member_file).value.problems} == {"scoring.draft_begun"}
    scoring_session.clear_choice(demo_db, actor=member, ballot_id=ballot, item_id="1.1")
    round_setup.record_recusal(demo_db, actor=SYSTEM, dossier_id=late[1], member_id=thang.id, reason="Người nhà")
    assert {p.code for p in _refuse(demo_db, secretary, member_file).value.problems} == {"scoring.member_recused"}


def test_a_rescore_after_the_export_refuses_the_old_sheet(
    demo_db: Database, late: tuple[str, str], secretary: Actor, member_file: Path
) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    scoring_session.start_rescore(demo_db, actor=SYSTEM, dossier_id=late[1], reason="Chấm lại theo ý kiến hội đồng")
    info = _refuse(demo_db, secretary, member_file)
    assert [p.code for p in info.value.problems] == ["scoring.other_scoring_round"]


def test_a_file_other_than_the_one_previewed_is_refused(demo_db: Database, secretary: Actor, member_file: Path) -> None:
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    previewed = hashlib.sha256(member_file.read_bytes()).hexdigest()
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), lambda item: 1)
    before = _digest(demo_db)
    with pytest.raises(Conflict) as info:
        import_ballot_workbook(demo_db, actor=secretary, path=member_file, sha256=previewed)
    assert [p.code for p in info.value.problems] == ["ballots_xlsx.changed_since_preview"]
    assert _digest(demo_db) == before
    current = hashlib.sha256(member_file.read_bytes()).hexdigest()
    assert len(import_ballot_workbook(demo_db, actor=secretary, path=member_file, sha256=current).ballots) == 1


def test_only_a_person_who_may_score_for_members_imports(demo_db: Database, member_file: Path) -> None:
    from ocop_desktop.domain.errors import PermissionDenied

    officer = accounts.authenticate(demo_db, username="canbotinh", password=DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        import_ballot_workbook(demo_db, actor=officer, path=member_file)


def test_sheet_titles_and_file_names_are_safe_and_unique() -> None:
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    products = [
        layout.ProductBallot("d1", 1, "Đợt", 1, "Mật ong bạc hà [Mèo Vạc]: loại *đặc biệt*?/\\ rất dài", "", "", "",
                             sheet, "s", False),
        layout.ProductBallot("d2", 1, "Đợt", 1, "Mật ong bạc hà [Mèo Vạc]: loại *đặc biệt*?/\\ rất dài", "", "", "",
                             sheet, "s", False),
    ]  # fmt: skip
    first, second = layout.sheet_titles(products)
    assert first.startswith("01 Mật ong bạc hà") and first.endswith("…") and len(first) <= 31
    assert second != first and len(second) <= 31 and second.endswith("(2)")
    assert not layout.BAD_TITLE.search(first + second)
    assert layout.file_names(["Đặng Quốc Bảo", "Đặng Quốc Bảo", "Ư"]) == [
        "dang-quoc-bao.xlsx",
        "dang-quoc-bao-2.xlsx",
        "u.xlsx",
    ]


def _plain_digest(**fields: object) -> str:
    """The identification code as the application computed it before issue 14: a SHA-256 of public values only,
    which anybody holding one workbook could recompute for another member."""
    sheet = fields.pop("sheet")
    assert isinstance(sheet, Sheet)
    body = {
        "format": layout.FORMAT,
        **fields,
        "sheet": sheet.sheet_id,
        "rows": [
            [row, item_id, list(layout.choice_labels(item))]
            for item_id, (row, item) in layout.choice_rows(sheet).items()
        ],
        "opinion": layout.opinion_row(sheet),
    }
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def test_the_chairs_workbook_re_pointed_to_another_member_with_its_codes_recomputed_is_refused(
    demo_db: Database, late: tuple[str, str], secretary: Actor, tmp_path: Path
) -> None:
    """Issue 14, point 5: the identification is bound by an HMAC under the round's secret, so re-pointing a filled
    workbook at another member and recomputing the public digests no longer makes it that member's ballot."""
    round_id, dossier_id = late
    with demo_db.reading() as s:
        chair = s.scalars(select(CouncilMember).where(CouncilMember.role == MemberRole.CHAIR)).one()
        victim = s.scalars(select(CouncilMember).where(CouncilMember.full_name == "Vũ Thị Lan")).one()
        chair_name, victim_id = chair.full_name, victim.id
    path = export_by_member(demo_db, round_id, tmp_path)[chair_name]
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    fill_sheet(path, LATE_TITLE, sheet, _choose_top)
    book = load_workbook(path)
    ident = book[layout.ID_SHEET]
    ident["B3"] = victim_id
    row = layout.ID_FIRST_ROW
    while ident.cell(row, 1).value is not None:
        title, dossier, scoring_round, sheet_id, snapshot = (ident.cell(row, c).value for c in range(1, 6))
        ident.cell(row, 6).value = _plain_digest(
            round=round_id, member=victim_id, title=title, dossier=dossier, scoring_round=int(scoring_round),
            sheet=load_sheet("QD26-2026", sheet_id), snapshot=snapshot,
        )  # fmt: skip
        row += 1
    book.save(path)
    info = _refuse(demo_db, secretary, path)
    refused = [p for p in info.value.problems if dict(p.location).get("sheet") == LATE_TITLE]
    (problem,) = refused
    assert problem.code == "ballots_xlsx.tampered"
    sentence = describe(problem, "en")
    assert "Vũ Thị Lan" in sentence and "nothing was saved" in sentence and "Chè móc câu Trại Cài" in sentence
    with demo_db.reading() as s:
        assert s.scalars(select(Ballot).where(Ballot.dossier_id == dossier_id)).all() == []


def test_the_round_secret_stays_in_the_councils_file(demo_db: Database, late: tuple[str, str], tmp_path: Path) -> None:
    """The key is made at the first export, the same at the next, and is in no workbook and no exchange file."""
    round_id, _dossier = late
    files = export_by_member(demo_db, round_id, tmp_path / "a")
    key = round_secrets.workbook_key(demo_db, round_id)
    export_by_member(demo_db, round_id, tmp_path / "b")
    assert round_secrets.workbook_key(demo_db, round_id) == key and len(key) == 32
    exchange = export_round(demo_db, actor=SYSTEM, round_id=round_id, out=tmp_path / "dot.ocop").path
    for path in [*files.values(), exchange]:
        data = path.read_bytes()
        assert key not in data and key.hex().encode() not in data, path.name
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                assert all(key.hex().encode() not in archive.read(n) for n in archive.namelist())


def test_a_superscript_scoring_round_or_a_damaged_sheet_is_named(
    demo_db: Database, secretary: Actor, member_file: Path
) -> None:
    """Issue 14, point 9: '²' in the identification, and a product sheet's XML cut off mid-row, each said by name."""
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    book = load_workbook(member_file)
    book[layout.ID_SHEET].cell(layout.ID_FIRST_ROW, 3, "²")
    book.save(member_file)
    (problem,) = _refuse(demo_db, secretary, member_file).value.problems
    assert problem.code == "value.not_integer"
    assert dict(problem.location) == {
        "file": member_file.name,
        "sheet": layout.ID_SHEET,
        "cell": f"C{layout.ID_FIRST_ROW}",
    }
    book[layout.ID_SHEET].cell(layout.ID_FIRST_ROW, 3, 1)
    book.save(member_file)
    with zipfile.ZipFile(member_file) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    part = "xl/worksheets/sheet3.xml"
    parts[part] = parts[part][: len(parts[part]) // 2]
    with zipfile.ZipFile(member_file, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    (problem,) = _refuse(demo_db, secretary, member_file).value.problems
    assert problem.code == "excel.damaged" and problem.params["part"] == part


def test_an_opinion_with_a_control_character_is_named_by_its_cell(
    demo_db: Database, secretary: Actor, member_file: Path
) -> None:
    sheet = load_sheet("QD26-2026", LATE_SHEET)
    fill_sheet(member_file, LATE_TITLE, sheet, _choose_top, opinion="Tốt\x9b31m")
    cells = _problem_cells(_refuse(demo_db, secretary, member_file))
    assert cells == {("value.control_char", LATE_TITLE, f"A{layout.opinion_row(sheet)}")}


def test_every_identification_cell_edited_is_refused_by_name(
    demo_db: Database, secretary: Actor, member_file: Path, tmp_path: Path
) -> None:
    """The fault family of a filled workbook's identification: every cell of it replaced by a hostile value — another
    member's or dossier's id, '²', 5,000 digits, a negative or zero round, a control character, a blank — is refused
    with sentences naming the file, never an exception, and nothing is saved."""
    fill_sheet(member_file, LATE_TITLE, load_sheet("QD26-2026", LATE_SHEET), _choose_top)
    with demo_db.reading() as s:
        other_member = s.scalars(select(CouncilMember.id).where(CouncilMember.full_name == "Vũ Thị Lan")).one()
        other_dossier = s.scalars(select(Dossier.id).order_by(Dossier.agenda_order)).first()
    hostile = [other_member, other_dossier, "²", "9" * 5000, "-1", "0", "Phiếu\x9b", " ", 2**63 - 1]
    ident = load_workbook(member_file)[layout.ID_SHEET]
    cells = [(2, 2), (3, 2)] + [
        (row, column) for row in range(layout.ID_FIRST_ROW, ident.max_row + 1) for column in range(1, 7)
    ]
    for n, (row, column) in enumerate(cells):
        value = hostile[n % len(hostile)]
        book = load_workbook(member_file)
        book[layout.ID_SHEET].cell(row, column, value)
        path = tmp_path / f"id-{n}.xlsx"
        book.save(path)
        info = _refuse(demo_db, secretary, path)
        assert info.value.problems, (row, column, value)


def test_a_workbook_mixing_tourism_cases_is_previewed_with_a_warning_and_imported(
    demo_db: Database, secretary: Actor, tmp_path: Path
) -> None:
    """Issue 16: criteria 8, 9 and 15 of the tourism sheet each choose their case; the filled cell shows the case
    (the option's label carries it), the preview warns, the import saves."""
    round_id = _round(demo_db)
    recognition.reopen_round(demo_db, actor=SYSTEM, round_id=round_id, reason="Hồ sơ du lịch bổ sung")
    producer = registry.create_producer(
        demo_db, actor=SYSTEM, name="Hợp tác xã Du lịch Thử", legal_form=LegalForm.COOPERATIVE, province_code="19",
        commune_code="05503",
    )  # fmt: skip
    product = registry.create_product(
        demo_db, actor=SYSTEM, producer_id=producer, name="Du lịch bản Thử", sheet_id="QD26-2026-26", year=2026
    )
    dossier = registry.create_dossier(
        demo_db,
        actor=SYSTEM,
        round_id=round_id,
        product_id=product.product_id,
        registration_type=RegistrationType.FIRST,
        submission_date=dt.date(2026, 8, 12),
        agenda_order=13,
    )
    path = export_by_member(demo_db, round_id, tmp_path)["Lê Đức Thắng"]
    title = next(name for name in load_workbook(path, read_only=True).sheetnames if name.startswith("13 "))
    sheet = load_sheet("QD26-2026", "QD26-2026-26")
    chosen = fill_sheet(path, title, sheet, lambda item: 2 if item.id == "9" else len(item.options))
    rows = layout.choice_rows(sheet)
    assert str(load_workbook(path)[title].cell(rows["9"][0], layout.CHOICE_COLUMN).value).startswith(
        "2 – [Trường hợp 1]"
    )
    preview = read_ballot_workbook(demo_db, actor=secretary, path=path)
    assert preview.problems == ()
    (warning,) = [n for n in preview.notes if n.code == "ballot.mixed_cases"]
    assert dict(warning.location)["sheet"] == title and "Trường hợp 2: 8, 15" in warning.params["detail"]
    import_ballot_workbook(demo_db, actor=secretary, path=path)
    with demo_db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.dossier_id == dossier)).one()
        assert ballot.status is BallotStatus.SUBMITTED
        assert {c.item_id: c.option_number for c in ballot.choices} == chosen
