"""A province-sized data file for benchmarks: 20,000 products, each scored by 9 members on its own sheet
(~30 items), about 5.4 million choices, written with SQLAlchemy Core bulk inserts (never `add_all`)."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from sqlalchemy import insert, select, update

from ocop_desktop.domain.enums import BallotStatus, CouncilLevel, EntryMode, LegalForm, MemberRole, RegistrationType
from ocop_desktop.domain.text import fold
from ocop_desktop.models import Ballot, BallotChoice, Council, CouncilMember, Dossier, Producer, Product, Round
from ocop_desktop.models.base import new_id, utcnow
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet
from ocop_desktop.services.criteria_snapshots import snapshot_sheet, snapshot_version

BATCH = 100_000
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
GIVEN = ("Văn An", "Thị Bình", "Đức Cường", "Thị Dung", "Minh Đức", "Thị Hà", "Quốc Huy", "Thị Lan", "Thanh Sơn")
KINDS = ("Chè", "Mật ong", "Gạo", "Nước mắm", "Rượu", "Cà phê", "Mứt", "Bánh", "Tinh dầu", "Giỏ mây", "Hoa lan")


def build(
    path: Path, *, products: int = 20_000, members: int = 9, seed: int = 1, scored: bool = True
) -> dict[str, float]:
    """Create the file; returns timings of its parts (seconds). With `scored=False` the round has its dossiers
    and no ballot yet (the state in which Excel ballots are sent out)."""
    rnd = random.Random(seed)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    db = Database.open(path, create=True)
    sheets = [load_sheet("QD26-2026", s.sheet_id) for s in list_sheets("QD26-2026")]
    now = utcnow()
    with db.transaction() as s:
        version_sha = snapshot_version(s, "QD26-2026")
        sheet_sha = {sheet.sheet_id: snapshot_sheet(s, "QD26-2026", sheet.sheet_id) for sheet in sheets}
        council = Council(name="Hội đồng tỉnh (benchmark)", level=CouncilLevel.PROVINCE, issuing_body="UBND TỈNH")
        s.add(council)
        s.flush()
        member_ids = []
        for n in range(members):
            member = CouncilMember(
                council_id=council.id,
                full_name=f"{FAMILY[n % len(FAMILY)]} {GIVEN[n % len(GIVEN)]}",
                role=MemberRole.CHAIR if n == 0 else MemberRole.MEMBER,
                sort_order=n,
            )
            s.add(member)
            s.flush()
            member_ids.append(member.id)
        rnd_row = Round(
            council_id=council.id,
            name="Benchmark",
            year=2026,
            rule_version_id="QD26-2026",
            version_snapshot=version_sha,
            spread_limit="10",
        )
        s.add(rnd_row)
        s.flush()
        round_id = rnd_row.id
    common = {"created_at": now, "updated_at": now}
    producer_rows, product_rows, dossier_rows, ballot_rows = [], [], [], []
    plan = []
    for n in range(products):
        producer_id, product_id, dossier_id = new_id(), new_id(), new_id()
        name = f"Hợp tác xã {KINDS[n % len(KINDS)]} {FAMILY[n % len(FAMILY)]} {n}"
        producer_rows.append(
            {"id": producer_id, "name": name, "name_fold": fold(name), "legal_form": LegalForm.COOPERATIVE, **common}
        )
        sheet = sheets[n % len(sheets)]
        pname = f"{KINDS[n % len(KINDS)]} đặc sản số {n}"
        commune = f"{n % 3321:05d}"
        product_rows.append(
            {
                "id": product_id,
                "producer_id": producer_id,
                "name": pname,
                "name_fold": fold(pname),
                "rule_version_id": "QD26-2026",
                "sheet_id": sheet.sheet_id,
                "code": f"19-{commune}-{n // 3321 + 1}-2026",
                "code_province": "19",
                "code_commune": commune,
                "code_seq": n // 3321 + 1,
                "code_year": 2026,
                **common,
            }
        )
        dossier_rows.append(
            {
                "id": dossier_id,
                "round_id": round_id,
                "product_id": product_id,
                "registration_type": RegistrationType.FIRST,
                "submission_date": dt.date(2026, 9, 1),
                "rule_version_id": "QD26-2026",
                "sheet_snapshot": sheet_sha[sheet.sheet_id],
                "agenda_order": n,
                "scoring_round": 1,
                **common,
            }
        )
        plan.append((dossier_id, sheet))
    with db.engine.begin() as conn:
        for table, rows in ((Producer, producer_rows), (Product, product_rows), (Dossier, dossier_rows)):
            for i in range(0, len(rows), BATCH):
                conn.execute(insert(table), rows[i : i + BATCH])
    timings["registry"] = time.perf_counter() - start
    if not scored:
        db.close()
        return timings
    start = time.perf_counter()
    choices = 0
    with db.engine.begin() as conn:
        batch: list[dict[str, object]] = []
        for dossier_id, sheet in plan:
            for member_id in member_ids:
                ballot_id = new_id()
                ballot_rows.append(
                    {
                        "id": ballot_id,
                        "dossier_id": dossier_id,
                        "member_id": member_id,
                        "scoring_round": 1,
                        "status": BallotStatus.DRAFT,
                        "entry_mode": EntryMode.SELF,
                        **common,
                    }
                )
                for item in sheet.items:
                    options = [o for o in item.options if o.case in (None, "Trường hợp 1")]
                    option = options[min(len(options) - 1, max(0, len(options) - 1 - rnd.choice((0, 0, 1, 2))))]
                    batch.append(
                        {
                            "id": new_id(),
                            "ballot_id": ballot_id,
                            "item_id": item.id,
                            "option_number": option.number,
                            "recorded_at": now,
                        }
                    )
                    choices += 1
            if len(batch) >= BATCH:  # ballots first: their choices refer to them
                conn.execute(insert(Ballot), ballot_rows)
                conn.execute(insert(BallotChoice), batch)
                ballot_rows, batch = [], []
        if ballot_rows:
            conn.execute(insert(Ballot), ballot_rows)
        if batch:
            conn.execute(insert(BallotChoice), batch)
        conn.execute(update(Ballot).values(status=BallotStatus.SUBMITTED, submitted_at=now))
    timings["choices"] = time.perf_counter() - start
    timings["choice_rows"] = choices
    db.close()
    return timings


def store_results(path: Path) -> int:
    """Compute every dossier's result through the scoring core and store it as `refresh_result` does (the same
    fields), written with Core bulk inserts; returns how many. For `db verify` on a province-sized file."""
    from ocop_desktop.models import Result, Round
    from ocop_desktop.services.criteria_snapshots import sheet_from_snapshot
    from ocop_desktop.services.recompute import _choices_by_dossier
    from ocop_desktop.services.results import assemble_inputs, compute, round_context

    db = Database.open(path, daily_backup=False)
    rows: list[dict[str, object]] = []
    now = utcnow()
    with db.reading() as s:
        for rnd in s.scalars(select(Round)):
            ctx = round_context(s, rnd)
            info = {
                d.id: (d.scoring_round, d.sheet_snapshot)
                for d in s.execute(
                    select(Dossier.id, Dossier.scoring_round, Dossier.sheet_snapshot).where(Dossier.round_id == rnd.id)
                )
            }
            for dossier_id, submitted in _choices_by_dossier(s, rnd.id):
                scoring_round, snapshot = info[dossier_id]
                inputs = assemble_inputs(
                    ctx,
                    dossier_id=dossier_id,
                    scoring_round=scoring_round,
                    sheet_snapshot=snapshot,
                    sheet=sheet_from_snapshot(s, snapshot, ctx.version),
                    recused=set(),
                    submitted=submitted,
                    decisions=(),
                )
                result, computed = compute(inputs)
                rows.append(
                    {
                        "id": new_id(),
                        "dossier_id": dossier_id,
                        "scoring_round": scoring_round,
                        "computed": computed,
                        "inputs": inputs.data,
                        "inputs_hash": inputs.digest,
                        "average_total": computed["average_total"],
                        "band_stars": result.band_stars,
                        "stars": result.stars,
                        "certifiable": result.certifiable,
                        "spread_exceeds_limit": result.spread_exceeds_limit,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
    with db.engine.begin() as conn:
        for i in range(0, len(rows), 2_000):
            conn.execute(insert(Result), rows[i : i + 2_000])
    db.close()
    return len(rows)
