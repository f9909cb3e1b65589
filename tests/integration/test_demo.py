"""The demo round shows what it promises: a dozen products over the five product groups, results from 2★ to 5★
as the scoring core gives them (one losing a star to a minimum, the 5★ sent to the central level, the 2★ without a
certificate), roles and an absence, a recusal, a paper ballot typed twice with its typing mistake caught, a spread
discussion then a re-score, attachments cited as evidence, a recognition decision and its certificates."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.enums import EntryMode, ResultStatus
from ocop_desktop.models import (
    Attachment,
    Attendance,
    AuditEvent,
    Ballot,
    Certificate,
    Decision,
    Dossier,
    EvidenceLink,
    Recusal,
    Result,
)
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.engine import MemberBallot, score_product
from ocop_desktop.services import demo, queries
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet, rule_version

ROOT = Path(__file__).resolve().parents[2]
GROUPS = {
    "Sản phẩm thực phẩm",
    "Sản phẩm đồ uống",
    "Sản phẩm dược liệu và sản phẩm từ dược liệu",
    "Sản phẩm hàng thủ công mỹ nghệ",
    "Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
}


def _rows(db: Database) -> tuple[queries.DossierRow, ...]:
    return queries.round_view(db, queries.list_rounds(db)[0].round_id, actor=SYSTEM).dossiers


def test_a_dozen_products_over_the_five_product_groups(demo_db: Database) -> None:
    rows = _rows(demo_db)
    groups = {s.sheet_id: s.group_path[0] for s in list_sheets("QD26-2026")}
    assert len(rows) == 12 and len({r.producer_name for r in rows}) == 12
    assert {groups[r.sheet_id] for r in rows} == GROUPS
    communes = {r.product_code.split("-")[1] for r in rows if r.product_code}
    assert len(communes) >= 5  # Tân Cương, Phú Lương, La Bằng, Nam Cường, Na Rì, Ba Bể, Bằng Thành


def test_the_stars_span_two_to_five_with_one_minimum_missed(demo_db: Database) -> None:
    rows = _rows(demo_db)
    assert all(r.locked for r in rows)
    assert sorted(r.stars for r in rows if r.stars is not None) == [2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5]
    missed = [r for r in rows if r.stars != r.band_stars]
    assert [(r.product_name, r.band_stars, r.stars) for r in missed] == [("Trà hoa vàng túi lọc", 4, 3)]
    five = next(r for r in rows if r.stars == 5)
    assert five.status is ResultStatus.REFERRED_CENTRAL
    with demo_db.reading() as s:
        certified = set(s.scalars(select(Certificate.dossier_id)))
        assert s.scalar(select(func.count()).select_from(Decision)) == 1
        assert s.scalars(select(Decision.number)).one() == "2150/QĐ-UBND"
    assert {r.dossier_id for r in rows if r.stars in (3, 4)} == certified  # 5★ goes to the centre, 2★ gets none
    assert len(certified) == 10


def test_absence_recusal_and_the_paper_ballot_typed_twice(demo_db: Database) -> None:
    with demo_db.reading() as s:
        absent = s.scalars(select(Attendance).where(Attendance.present.is_(False))).all()
        assert len(absent) == 1
        assert s.scalar(select(func.count()).select_from(Ballot).where(Ballot.member_id == absent[0].member_id)) == 0
        recusal = s.scalars(select(Recusal)).one()
        assert recusal.reason == "Có quan hệ gia đình với chủ thể"
        recused_ballots = select(Ballot).where(
            Ballot.dossier_id == recusal.dossier_id, Ballot.member_id == recusal.member_id
        )
        assert s.scalars(recused_ballots).first() is None
        paper = s.scalars(select(Ballot).where(Ballot.entry_mode == EntryMode.PAPER)).one()
        assert paper.entered_by and paper.confirmed_by and paper.entered_by != paper.confirmed_by
        caught = s.scalars(select(AuditEvent).where(AuditEvent.action == "paper_confirmation_mismatch")).one()
        assert caught.entity_id == paper.id and len(caught.after["items"]) == 1


def test_the_spread_discussion_then_the_rescore(demo_db: Database) -> None:
    with demo_db.reading() as s:
        dossier = s.scalars(select(Dossier).where(Dossier.scoring_round == 2)).one()
        first, second = s.scalars(select(Result).where(Result.dossier_id == dossier.id).order_by(Result.scoring_round))
        assert first.spread_exceeds_limit and first.discussion == demo.DISCUSSION and not first.locked
        assert not second.spread_exceeds_limit and second.locked and second.stars == 4
    code = next(r.product_code for r in _rows(demo_db) if r.dossier_id == dossier.id)
    script = (ROOT / "tools" / "screenshots.sh").read_text(encoding="utf-8")
    assert re.search(r'^PRODUCT="([^"]+)"', script, re.MULTILINE)[1] == code  # type: ignore[index]


def test_dossiers_carry_their_files_and_the_producers_own_view(demo_db: Database) -> None:
    first = _rows(demo_db)[0]
    view = queries.dossier_view(demo_db, first.dossier_id)
    assert [a.filename for a in view.attachments] == [
        "Phieu-dang-ky.pdf",
        "Anh-san-pham.png",
        "Phieu-ket-qua-thu-nghiem.pdf",
    ]
    assert view.advisory_report and view.self_assessment
    with demo_db.reading() as s:
        media = dict(
            s.execute(
                select(Attachment.filename, Attachment.media_type).where(Attachment.dossier_id == first.dossier_id)
            ).all()
        )
        cited = set(
            s.scalars(select(EvidenceLink.item_id).join(Attachment).where(Attachment.dossier_id == first.dossier_id))
        )
    assert media["Anh-san-pham.png"] == "image/png" and media["Phieu-dang-ky.pdf"] == "application/pdf"
    assert cited == {"2.2", "8"}


def test_only_the_demo_file_offers_the_demo_account(demo_db: Database, empty_db: Database) -> None:
    assert demo.demo_sign_in(demo_db) == ("thuky", demo.DEMO_PASSWORD)
    assert demo.demo_sign_in(empty_db) is None


@pytest.mark.parametrize("seed", [2026, 7, *range(1, 25)])
def test_every_design_holds_whatever_the_seed(seed: int) -> None:
    """The screenshot tools and the exchange tests build demos with other seeds: each product's drawn ballots give
    its designed band and stars in the scoring core (the build checks it too, and fails rather than mislead)."""
    version = rule_version("QD26-2026")
    for order, product in enumerate(demo.PRODUCTS, start=1):
        rnd = random.Random(f"{seed}-{order}")
        sheet = load_sheet("QD26-2026", product.sheet_id)
        common = demo._choices_for(sheet, product.design, rnd)
        ballots = [MemberBallot(f"tv{i}", demo._vary(sheet, common, rnd)) for i in range(6)]
        result = score_product(sheet, version, ballots)
        assert (result.band_stars, result.stars) == demo.DESIGNED[product.design], (seed, product.name)
        assert not result.spread_exceeds_limit
        if product.design == "spread":
            apart = [*ballots[:-1], MemberBallot("tv9", demo._lowest(sheet))]
            assert score_product(sheet, version, apart).spread_exceeds_limit, seed
