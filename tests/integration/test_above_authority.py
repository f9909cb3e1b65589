"""Issue 16: a product above a provincial council's authority (≥ 90, 5★) under both policies of the council, through
results, minutes, summary, annex, decision, certificates and the province view; and the tourism cases per criterion
through the scoring session."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import decision_annex, minutes
from ocop_desktop.domain.errors import Severity, ValidationFailed
from ocop_desktop.models import Dossier, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries, recognition, results, round_setup, scoring_session
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.province import province_view
from ocop_desktop.services.round_documents import (
    certificates_data,
    decision_annex_data,
    minutes_data,
    render_round_documents,
    results_summary_data,
)
from tests.builders import best_choices
from tests.integration.meeting import NAMES, Meeting, build_meeting

TOURISM, FOOD = "QD26-2026-26", "QD26-2026-11"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _council(m: Meeting) -> str:
    return queries.round_view(m.db, m.round_id, actor=m.secretary).council_id


def _code(data: minutes.Minutes, order: int) -> str:
    return next(p.code for p in data.products if p.order == order)


def _approved_meeting(db: Database, policy: str | None) -> Meeting:
    """5 members: the tourism product at 100 (5★; one member mixing cases), the food product at 3★; approved."""
    m = build_meeting(db, sheets=(TOURISM, FOOD))
    if policy is not None:
        round_setup.update_council(db, actor=m.secretary, council_id=_council(m), above_authority=policy)
    m.attend()
    tourism = load_sheet("QD26-2026", TOURISM)
    food = load_sheet("QD26-2026", FOOD)
    weaker = {i.id: max(1, len(i.options) - 1) for i in food.items}
    for index, name in enumerate(NAMES):
        m.score(TOURISM, name, dict(best_choices(tourism), **{"9": 4}) if index == 1 else None)
        m.score(FOOD, name, weaker)
    for dossier in m.dossiers.values():
        results.approve_result(db, actor=m.chair, dossier_id=dossier)
    return m


POLICIES = [
    # policy (None: the default), the tourism product's star recognised now, certificates issued
    (None, None, 1),
    ("refer_and_wait", None, 1),
    ("recognise_within_authority", 4, 2),
]


@pytest.mark.parametrize(("policy", "recognised", "certificates"), POLICIES)
def test_a_five_star_product_at_a_provincial_council(
    empty_db: Database, policy: str | None, recognised: int | None, certificates: int
) -> None:
    m = _approved_meeting(empty_db, policy)
    tourism = m.dossiers[TOURISM]
    assert queries.council_view(empty_db, _council(m)).above_authority == (policy or "refer_and_wait")

    view = results.compute_result(empty_db, actor=m.secretary, dossier_id=tourism)
    assert view.computed is not None and view.computed["stars"] == 5 and view.computed["refer_to_central"]
    assert view.recognition is not None
    assert (view.recognition.recognised_stars, view.recognition.referred_to) == (recognised, "central")

    minutes_ = minutes_data(empty_db, actor=m.secretary, round_id=m.round_id)
    product = next(p for p in minutes_.products if p.order == 1)
    assert (product.outcome, product.recognised_stars, product.referred_to) == ("referred", recognised, "central")
    groups = dict(minutes.conclusions(minutes_.products))
    assert "Đề nghị Trung ương đánh giá, công nhận sản phẩm OCOP 5 sao (1 sản phẩm)" in groups
    proposed_four = groups.get("Đề nghị công nhận sản phẩm OCOP 4 sao (1 sản phẩm)")
    if recognised:  # recognised now at 4★ and, in the same line, proposed to the central level
        assert proposed_four == [
            f"Sản phẩm {TOURISM} ({_code(minutes_, 1)}) — Hợp tác xã Thử (đồng thời đề nghị Trung ương 5 sao)"
        ]
    else:
        assert proposed_four is None
    if recognised:
        assert product.conclusion == (
            "Đề nghị công nhận 4 sao (trong thẩm quyền) và đề nghị Trung ương đánh giá, công nhận 5 sao"
        )
    else:
        assert product.conclusion == "Đề nghị Trung ương đánh giá, công nhận 5 sao"
    # the case each member chose on criteria 8, 9 and 15, in the minutes
    assert any(
        line.startswith(f"{NAMES[1]}: 8 Trường hợp 1; 9 Trường hợp 2; 15 Trường hợp 1") for line in product.cases
    )

    summary = results_summary_data(empty_db, actor=m.secretary, round_id=m.round_id)
    line = next(x for x in summary.lines if x.order == 1)
    assert line.proposed is (recognised is not None) and line.recognised_stars == recognised
    annex = decision_annex_data(empty_db, actor=m.secretary, round_id=m.round_id, summary=summary)
    expected = [(4, 1), (3, 1)] if recognised else [(3, 1)]  # the food product is 3★
    assert [(stars, len(lines)) for stars, lines in decision_annex.by_stars(annex.lines)] == expected

    issued = recognition.issue_decision(
        empty_db,
        actor=m.officer,
        round_id=m.round_id,
        number="1/QĐ-UBND",
        date=dt.date(2026, 11, 30),
        signer="Nguyễn Văn A",
        issuing_body="UBND TỈNH THỬ",
    )
    assert len(issued.certificates) == certificates
    assert sorted(c.stars for c in issued.certificates) == ([3, 4] if recognised else [3])  # never 5★ here
    assert issued.not_recognised_here == (() if recognised else (tourism,))
    pages = certificates_data(empty_db, actor=m.secretary, round_id=m.round_id)
    notes = [p.fields["authority_note"] for p in pages]
    if recognised:
        assert notes == [
            "Công nhận trong thẩm quyền; sản phẩm đã được đề nghị Trung ương đánh giá, công nhận 5 sao",
            "",
        ]
    else:
        assert notes == [""]

    province = province_view(empty_db, today=dt.date(2026, 12, 1))
    line_ = next(p for p in province.products if p.name == f"Sản phẩm {TOURISM}")
    assert line_.referred_central and line_.stars == recognised
    assert dict(province.by_stars).get(5, 0) == 0  # proposed to the central level is not 5★
    assert (province.referred_waiting, province.referred_recognised) == ((0, 1) if recognised else (1, 0))
    assert sum(n for _s, n in province.by_stars) + province.referred_waiting == len(province.products)


def test_the_policy_is_checked_and_audited(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    with pytest.raises(ValidationFailed) as info:
        round_setup.update_council(empty_db, actor=m.secretary, council_id=_council(m), above_authority="cho")
    assert [p.params.get("field") or dict(p.location).get("field") for p in info.value.problems] == ["above_authority"]
    assert queries.council_view(empty_db, _council(m)).above_authority == "refer_and_wait"


def test_a_choice_that_mixes_cases_is_saved_with_a_warning(empty_db: Database) -> None:
    m = build_meeting(empty_db, sheets=(TOURISM,))
    m.attend()
    name = NAMES[2]
    ballot = scoring_session.open_ballot(
        empty_db, actor=m.actors[name], dossier_id=m.dossiers[TOURISM], member_id=m.members[name]
    )
    first = scoring_session.record_choice(
        empty_db, actor=m.actors[name], ballot_id=ballot, item_id="8", option_number=2
    )
    assert first.warnings == ()
    mixed = scoring_session.record_choice(
        empty_db, actor=m.actors[name], ballot_id=ballot, item_id="9", option_number=4
    )
    (warning,) = mixed.warnings
    assert (warning.code, warning.severity, warning.location) == (
        "ballot.mixed_cases",
        Severity.WARNING,
        (("member", name),),
    )
    state = queries.ballot_view(empty_db, ballot, actor=m.actors[name])
    assert state.choices == {"8": 2, "9": 4}  # stored, not refused


def test_ballots_stored_before_score_the_same(tmp_path: Path) -> None:
    """A file of the previous schema (with a tourism product among its results) opens, and every stored result is
    what the engine computes now from the stored ballots."""
    path = tmp_path / "old.ocopdb"
    shutil.copyfile(FIXTURES / "schema-0004.ocopdb", path)
    with Database.open(path) as db, db.reading() as s:
        rows = s.execute(select(Result, Dossier).join(Dossier, Dossier.id == Result.dossier_id)).all()
        assert rows
        sheets = set()
        for row, dossier in rows:
            inputs = results.gather_inputs(s, dossier, row.scoring_round)
            _result, computed = results.compute(inputs)
            assert computed == row.computed, dossier.id
            assert inputs.digest == row.inputs_hash
            sheets.add(inputs.sheet.sheet_id)
        assert TOURISM in sheets


def test_the_printed_documents_say_the_case_and_the_referral(empty_db: Database, tmp_path: Path) -> None:
    """Rendered, not only assembled: the member's sheet names the case of criteria 8, 9, 15; the minutes, the annex
    and the certificate say what was recognised within the council's authority and what was proposed."""
    m = _approved_meeting(empty_db, "recognise_within_authority")
    recognition.issue_decision(
        empty_db,
        actor=m.officer,
        round_id=m.round_id,
        number="2/QĐ-UBND",
        date=dt.date(2026, 11, 30),
        signer="Nguyễn Văn A",
        issuing_body="UBND TỈNH THỬ",
    )
    files = render_round_documents(
        empty_db,
        actor=m.secretary,
        round_id=m.round_id,
        out=tmp_path / "out",
        kinds=("sheets", "minutes", "annex", "certificates"),
    )

    def text(name: str) -> str:
        pdf = next(f for f in files if f.name.startswith(name) and f.suffix == ".pdf")
        return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())

    sheets = text("phieu")
    assert "Trường hợp đã chọn: Trường hợp 1" in sheets and "Trường hợp đã chọn: Trường hợp 2" in sheets
    minutes_text = text("bien-ban")
    assert "đồng thời đề nghị Trung ương 5 sao" in minutes_text
    assert "Trường hợp thành viên chọn ở các tiêu chí có hai trường hợp" in minutes_text
    assert "đề nghị Trung ương đánh giá, công nhận 5 sao" in text("phu-luc")
    assert "Công nhận trong thẩm quyền; sản phẩm đã được đề nghị Trung ương" in text("giay-chung-nhan")
