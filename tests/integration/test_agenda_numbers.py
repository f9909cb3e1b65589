"""One numbering of a round's dossiers: whatever path adds a dossier (the form, an Excel list) it takes the number
after the highest of the round, and the agenda, the minutes and the results summary show that stored number for the
same product (issue 13, finding 6: a dossier typed in, then four from Excel, gave two dossiers numbered 1)."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.domain.enums import CouncilLevel, LegalForm, MemberRole, RegistrationType
from ocop_desktop.domain.errors import Conflict
from ocop_desktop.messages import describe
from ocop_desktop.models import AuditEvent, Dossier
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries, registry, round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.import_dossiers import COLUMNS, import_dossiers, read_workbook
from ocop_desktop.services.round_documents import render_round_documents

# (STT, product) in the order of the sheet's rows: the STT column orders the list, the round numbers it
EXCEL = ((3, "Bánh gai"), (1, "Mật ong"), (4, "Giỏ mây"), (2, "Nước mắm"))


@pytest.fixture
def round_id(empty_db: Database) -> str:
    council = round_setup.create_council(
        empty_db, actor=SYSTEM, name="HĐ thử", level=CouncilLevel.PROVINCE, issuing_body="UBND TỈNH"
    )
    for name, role in (("Nguyễn Văn Thành", MemberRole.CHAIR), ("Vũ Thị Lan", MemberRole.SECRETARY_MEMBER)):
        round_setup.add_member(empty_db, actor=SYSTEM, council_id=council, full_name=name, role=role)
    return round_setup.create_round(
        empty_db, actor=SYSTEM, council_id=council, name="Đợt 1", year=2026, rule_version_id="QD26-2026"
    )


def _by_form(db: Database, round_id: str, product: str, producer: str) -> str:
    """What the dossier form of the window sends."""
    return registry.register_dossier(
        db,
        actor=SYSTEM,
        round_id=round_id,
        producer_name=producer,
        legal_form=LegalForm.COOPERATIVE,
        producer_fields={"province_code": "19", "commune_code": "05503"},
        product_name=product,
        sheet_id="QD26-2026-11",
        registration_type=RegistrationType.FIRST,
        submission_date=dt.date(2026, 8, 10),
    )


def _excel(path: Path) -> Path:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append([header for _key, header in COLUMNS])
    for order, product in EXCEL:
        sheet.append([order, f"HTX {product}", "Hợp tác xã", "", "", "", "", "19", "05611", "", product, 6,
                      "Lần đầu", "12/08/2026", ""])  # fmt: skip
    book.save(path)
    return path


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_form_then_excel_then_form_numbers_one_to_six(empty_db: Database, round_id: str, tmp_path: Path) -> None:
    _by_form(empty_db, round_id, "Chè búp", "HTX Chè Tân Cương")
    preview = read_workbook(_excel(tmp_path / "danh-sach.xlsx"))
    assert preview.ok, preview.problems
    result = import_dossiers(empty_db, actor=SYSTEM, round_id=round_id, preview=preview)
    assert result.agenda == (2, 5)
    _by_form(empty_db, round_id, "Trà xanh", "HTX Trà Xanh")

    agenda = [(r.agenda_order, r.product_name) for r in queries.round_view(empty_db, round_id, actor=SYSTEM).dossiers]
    expected = [(1, "Chè búp"), (2, "Mật ong"), (3, "Nước mắm"), (4, "Bánh gai"), (5, "Giỏ mây"), (6, "Trà xanh")]
    assert agenda == expected

    files = render_round_documents(
        empty_db, actor=SYSTEM, round_id=round_id, out=tmp_path, kinds=("minutes", "results")
    )
    minutes = _pdf_text(next(f for f in files if f.name == "bien-ban-hop-hoi-dong.pdf"))
    summary = _pdf_text(next(f for f in files if f.name == "bang-tong-hop-ket-qua.pdf"))
    for number, product in expected:
        assert f"{number}. {product}, mã số" in minutes, product
        assert re.search(rf"(^| ){number} {product} 19-", summary), product
    numbers_in_minutes = [int(n) for n in re.findall(r"(\d+)\. [^,]+, mã số 19-", minutes)]
    assert numbers_in_minutes == [1, 2, 3, 4, 5, 6]


def test_two_secretaries_adding_at_once_never_share_a_number(empty_db: Database, round_id: str) -> None:
    """Two windows on one file (two connections): the number is taken inside the write transaction."""
    other = Database.open(empty_db.path)
    failures: list[BaseException] = []

    def add(db: Database, who: str) -> None:
        try:
            for n in range(6):
                _by_form(db, round_id, f"Sản phẩm {who} {n}", f"HTX {who} {n}")
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    try:
        threads = [threading.Thread(target=add, args=(db, who)) for db, who in ((empty_db, "A"), (other, "B"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert failures == []
    numbers = sorted(r.agenda_order for r in queries.round_view(empty_db, round_id, actor=SYSTEM).dossiers)
    assert numbers == list(range(1, 13))


def test_a_number_given_by_hand_must_be_free(empty_db: Database, round_id: str) -> None:
    first = _by_form(empty_db, round_id, "Chè búp", "HTX Chè Tân Cương")
    second = _by_form(empty_db, round_id, "Trà xanh", "HTX Trà Xanh")
    with pytest.raises(Conflict) as info:
        registry.update_dossier(empty_db, actor=SYSTEM, dossier_id=second, agenda_order=1)
    assert describe(info.value.problems[0], "en") == "Number 1 on the agenda already belongs to product 'Chè búp'"
    registry.update_dossier(empty_db, actor=SYSTEM, dossier_id=first, agenda_order=7)
    registry.update_dossier(empty_db, actor=SYSTEM, dossier_id=second, agenda_order=1)
    assert _by_form(empty_db, round_id, "Mật ong", "HTX Mật Ong")
    with empty_db.reading() as s:
        numbers = {d.id: d.agenda_order for d in s.scalars(select(Dossier))}
        moved = s.scalars(select(AuditEvent).where(AuditEvent.action == "update_dossier").order_by(AuditEvent.seq))
        moves = [(e.before["agenda_order"], e.after["agenda_order"]) for e in moved]  # type: ignore[index]
    assert sorted(numbers.values()) == [1, 7, 8] and numbers[first] == 7 and numbers[second] == 1
    assert moves == [(1, 7), (2, 1)]
