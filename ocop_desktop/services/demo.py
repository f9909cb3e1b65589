"""The demo round: realistic Vietnamese producers and products over several product groups, a provincial
council with roles, attendance, a recusal, ballots of every member (one on paper, typed twice), one product
over the spread limit then re-scored, one failing a star minimum, approved results, a decision and
certificates — built through the same services the screens use."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.enums import (
    CommuneItem,
    CouncilLevel,
    EntryMode,
    LegalForm,
    MemberRole,
    RegistrationType,
    Role,
)
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.services import accounts, recognition, registry, results, round_setup, scoring_session
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.criteria_catalogue import load_sheet

DEMO_PASSWORD = "ocop-demo-2026"  # printed by the demo command; the demo file is for trying the application

MEMBERS = (
    ("Nguyễn Văn Thành", MemberRole.CHAIR, "Phó Chủ tịch UBND tỉnh"),
    ("Trần Thị Hương", MemberRole.VICE_CHAIR, "Giám đốc Sở Nông nghiệp và Môi trường"),
    ("Lê Đức Thắng", MemberRole.MEMBER, "Phó Giám đốc Sở Công Thương"),
    ("Phạm Thị Ánh Tuyết", MemberRole.MEMBER, "Phó Giám đốc Sở Y tế"),
    ("Đặng Quốc Bảo", MemberRole.MEMBER, "Phó Giám đốc Sở Khoa học và Công nghệ"),
    ("Hoàng Minh Khôi", MemberRole.MEMBER, "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    ("Vũ Thị Lan", MemberRole.SECRETARY_MEMBER, "Chánh Văn phòng Điều phối nông thôn mới tỉnh"),
    ("Bùi Thanh Sơn", MemberRole.GUEST, "Chuyên gia, Hiệp hội OCOP"),
)

# (producer, legal form, commune code, product, sheet, target level, representative, gender)
PRODUCTS = (
    (
        "Hợp tác xã Chè Tân Cương",
        LegalForm.COOPERATIVE,
        "05503",
        "Chè búp Tân Cương đặc biệt",
        "QD26-2026-11",
        "4",
        "Nguyễn Thị Hòa",
        "nu",
    ),
    (
        "Công ty TNHH Mứt gừng Bàu Đá",
        LegalForm.SME,
        "05503",
        "Mứt gừng Bàu Đá",
        "QD26-2026-07",
        "4",
        "Trần Văn Lực",
        "nam",
    ),
    (
        "Hộ kinh doanh Đỗ Thị Nga",
        LegalForm.HOUSEHOLD,
        "05611",
        "Bánh chưng Bờ Đậu",
        "QD26-2026-06",
        "3",
        "Đỗ Thị Nga",
        "nu",
    ),
    (
        "Hợp tác xã Rượu Làng Vân",
        LegalForm.COOPERATIVE,
        "05611",
        "Rượu trắng Làng Vân 40 độ",
        "QD26-2026-14",
        "spread",
        "Lưu Văn Quý",
        "nam",
    ),
    (
        "Hợp tác xã Dược liệu Hà Châu",
        LegalForm.COOPERATIVE,
        "05503",
        "Trà hoa vàng túi lọc",
        "QD26-2026-12",
        "min",
        "Ma Thị Hiền",
        "nu",
    ),
    (
        "Cơ sở Mây tre đan Phú Vinh",
        LegalForm.HOUSEHOLD,
        "05611",
        "Giỏ mây đan thủ công",
        "QD26-2026-21",
        "3",
        "Đinh Văn Tú",
        "nam",
    ),
    (
        "Hợp tác xã Du lịch cộng đồng Hồ Núi Cốc",
        LegalForm.COOPERATIVE,
        "05503",
        "Du lịch cộng đồng Hồ Núi Cốc",
        "QD26-2026-26",
        "4",
        "Lò Văn Khánh",
        "nam",
    ),
)


DISCUSSION = (
    "Điểm của thành viên Lê Đức Thắng thấp hơn nhiều so với các thành viên khác ở phần A và C; hội đồng đã "
    "thảo luận về nguồn nguyên liệu và chất lượng cảm quan, thống nhất chấm lại."
)


@dataclass(frozen=True)
class DemoSummary:
    path: str
    round_id: str
    dossiers: int
    ballots: int
    certificates: int
    users: tuple[tuple[str, str], ...]


def _choices_for(sheet: Sheet, target: str, rnd: random.Random) -> dict[str, int]:
    """A plausible ballot: near the top for 4★ products, lower for 3★, with each item's 4★ minimum respected
    (or deliberately missed on one item for the product that fails a minimum)."""
    out: dict[str, int] = {}
    case = "Trường hợp 1"
    for item in sheet.items:
        options = [o for o in item.options if o.case in (None, case)]
        top = len(options) - 1
        drop = {
            "4": rnd.choice([0, 0, 1]),
            "3": rnd.choice([0, 1, 1, 2]),
            "spread": rnd.choice([0, 1]),
            "min": rnd.choice([0, 1, 1]),
        }[target]
        index = max(0, top - drop)
        required = item.min_points_by_star.get(4 if target in ("4", "min", "spread") else 3)
        while required is not None and options[index].points < required and index < top:
            index += 1
        out[item.id] = options[index].number
    if target == "min":
        for item in sheet.items:
            if item.min_points_by_star.get(4) is not None and item.id.startswith("5"):
                lowest_ok = min(o.number for o in item.options if o.points >= item.min_points_by_star.get(3, 0))
                out[item.id] = lowest_ok  # below the 4★ minimum on this item
                break
    return out


def _vary(sheet: Sheet, base: dict[str, int], rnd: random.Random) -> dict[str, int]:
    """One member's ballot: the dossier's common view, one option higher or lower on two items, never
    crossing a star minimum the common view meets."""
    choices = dict(base)
    for item in rnd.sample(list(sheet.items), 2):
        current = item.option(choices[item.id])
        step = rnd.choice([-1, 1])
        candidate = item.option(choices[item.id] + step)
        if current is None or candidate is None or candidate.case != current.case:
            continue
        required = max(item.min_points_by_star.values(), default=0)
        if candidate.points >= min(required, current.points):
            choices[item.id] = candidate.number
    return choices


def build_demo(path: Path, *, seed: int = 2026, decision: bool = True) -> DemoSummary:
    """Create the demo data file at `path` (which must not exist yet); without `decision`, the round stops at the
    approved results, before the recognition decision (to show recording one)."""
    rnd = random.Random(seed)
    db = Database.open(path, create=True)
    try:
        return _build(db, rnd, decision)
    finally:
        db.close()


def _build(db: Database, rnd: random.Random, decision: bool = True) -> DemoSummary:
    admin_id = accounts.create_user(
        db, actor=None, username="quantri", full_name="Quản trị hệ thống", password=DEMO_PASSWORD, roles={Role.ADMIN}
    )
    admin = accounts.authenticate(db, username="quantri", password=DEMO_PASSWORD)
    if admin.user_id != admin_id:
        raise RuntimeError("the demo administrator could not sign in")
    accounts.create_user(
        db, actor=admin, username="thuky", full_name="Vũ Thị Lan", password=DEMO_PASSWORD, roles={Role.SECRETARY}
    )
    accounts.create_user(
        db, actor=admin, username="thuky2", full_name="Ngô Văn Hải", password=DEMO_PASSWORD, roles={Role.SECRETARY}
    )
    accounts.create_user(
        db,
        actor=admin,
        username="canbotinh",
        full_name="Cán bộ OCOP tỉnh",
        password=DEMO_PASSWORD,
        roles={Role.OFFICER},
    )
    secretary = accounts.authenticate(db, username="thuky", password=DEMO_PASSWORD)
    council_id = round_setup.create_council(
        db,
        actor=secretary,
        name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
        level=CouncilLevel.PROVINCE,
        issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        quorum=(2, 3),
        establishing_decision="Quyết định số 1520/QĐ-UBND ngày 02/9/2026",
        province_code="19",
    )
    member_ids: dict[str, str] = {}
    member_actors: dict[str, Actor] = {}
    for index, (name, role, position) in enumerate(MEMBERS, start=1):
        member_id = round_setup.add_member(
            db, actor=secretary, council_id=council_id, full_name=name, role=role, position=position
        )
        member_ids[name] = member_id
        if role.scores:
            username = f"tv{index}"
            roles = {Role.CHAIR} if role is MemberRole.CHAIR else {Role.MEMBER}
            accounts.create_user(
                db,
                actor=admin,
                username=username,
                full_name=name,
                password=DEMO_PASSWORD,
                roles=roles,
                member_id=member_id,
            )
            member_actors[name] = accounts.authenticate(db, username=username, password=DEMO_PASSWORD)
    round_setup.add_advisory_member(
        db,
        actor=secretary,
        council_id=council_id,
        full_name="Triệu Thị Mai",
        organisation="Chi cục Phát triển nông thôn",
    )
    round_id = round_setup.create_round(
        db,
        actor=secretary,
        council_id=council_id,
        name="Đợt 2 năm 2026",
        year=2026,
        rule_version_id="QD26-2026",
        spread_limit="10",
        place="Hội trường UBND tỉnh Thái Nguyên",
    )
    meeting = round_setup.add_meeting_session(
        db,
        actor=secretary,
        round_id=round_id,
        date=dt.date(2026, 10, 15),
        place="Hội trường UBND tỉnh",
        opened_at="08:00",
    )
    for name, _role, _ in MEMBERS:
        present = name != "Hoàng Minh Khôi"  # one member absent
        round_setup.record_attendance(
            db, actor=secretary, session_id=meeting, member_id=member_ids[name], present=present
        )

    dossiers: list[tuple[str, str, str]] = []
    for order, (producer_name, form, commune, product_name, sheet_id, target, rep, gender) in enumerate(
        PRODUCTS, start=1
    ):
        producer_id = registry.create_producer(
            db,
            actor=secretary,
            name=producer_name,
            legal_form=form,
            representative_name=rep,
            representative_gender=gender,
            representative_position="Giám đốc" if form is not LegalForm.HOUSEHOLD else "Chủ hộ",
            phone=f"09{rnd.randint(10000000, 99999999)}",
            province_code="19",
            commune_code=commune,
            street_address=f"Xóm {rnd.randint(1, 12)}",
        )
        product = registry.create_product(
            db, actor=secretary, producer_id=producer_id, name=product_name, sheet_id=sheet_id, year=2026
        )
        dossier_id = registry.create_dossier(
            db,
            actor=secretary,
            round_id=round_id,
            product_id=product.product_id,
            registration_type=RegistrationType.FIRST if order != 2 else RegistrationType.UPGRADE,
            submission_date=dt.date(2026, 8, 10),
            agenda_order=order,
        )
        for item in CommuneItem:
            registry.set_commune_assessment(
                db,
                actor=secretary,
                dossier_id=dossier_id,
                item=item,
                finding="Đạt yêu cầu theo báo cáo của UBND xã.",
                meets=True,
            )
        registry.add_attachment(
            db, actor=secretary, dossier_id=dossier_id, filename="Phieu-dang-ky.pdf", content=_tiny_pdf(product_name)
        )
        dossiers.append((dossier_id, sheet_id, target))

    recused_dossier = dossiers[1][0]
    round_setup.record_recusal(
        db,
        actor=secretary,
        dossier_id=recused_dossier,
        member_id=member_ids["Đặng Quốc Bảo"],
        reason="Có quan hệ gia đình với chủ thể",
    )
    second_secretary = accounts.authenticate(db, username="thuky2", password=DEMO_PASSWORD)

    ballots = 0
    scorers = [n for n, role, _ in MEMBERS if role.scores and n != "Hoàng Minh Khôi"]
    for dossier_id, sheet_id, target in dossiers:
        sheet = load_sheet("QD26-2026", sheet_id)
        base = _choices_for(sheet, target, rnd)
        for name in scorers:
            if dossier_id == recused_dossier and name == "Đặng Quốc Bảo":
                continue
            choices = _vary(sheet, base, rnd)
            if target == "spread" and name == "Lê Đức Thắng":
                choices = {
                    i.id: min(o.number for o in i.options if o.case in (None, "Trường hợp 1")) for i in sheet.items
                }
            paper = name == "Phạm Thị Ánh Tuyết" and dossier_id == dossiers[0][0]
            _score(
                db,
                secretary if paper else member_actors[name],
                second_secretary,
                dossier_id=dossier_id,
                member_id=member_ids[name],
                choices=choices,
                paper=paper,
            )
            ballots += 1
        if target == "spread":
            chair = member_actors["Nguyễn Văn Thành"]
            results.record_discussion(
                db,
                actor=chair,
                dossier_id=dossier_id,
                text=DISCUSSION,
            )
            scoring_session.start_rescore(db, actor=chair, dossier_id=dossier_id, reason="Chênh lệch điểm vượt 10 điểm")
            for name in scorers:
                rescored = _vary(sheet, _choices_for(sheet, "4", rnd), rnd)
                _score(
                    db,
                    member_actors[name],
                    second_secretary,
                    dossier_id=dossier_id,
                    member_id=member_ids[name],
                    choices=rescored,
                    paper=False,
                )
                ballots += 1
        results.approve_result(db, actor=member_actors["Nguyễn Văn Thành"], dossier_id=dossier_id)

    round_setup.close_meeting_session(db, actor=secretary, session_id=meeting, closed_at="16:30")
    officer = accounts.authenticate(db, username="canbotinh", password=DEMO_PASSWORD)
    certificates = 0
    if decision:
        issued = recognition.issue_decision(
            db,
            actor=officer,
            round_id=round_id,
            number="2150/QĐ-UBND",
            date=dt.date(2026, 11, 2),
            signer="Nguyễn Văn Thành",
            signer_title="KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
            issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        )
        certificates = len(issued.certificates)
    users = (
        ("quantri", "quản trị"),
        ("thuky", "thư ký"),
        ("thuky2", "thư ký"),
        ("canbotinh", "cán bộ tỉnh"),
        ("tv1", "chủ tịch"),
    )
    return DemoSummary(str(db.path), round_id, len(dossiers), ballots, certificates, users)


def _score(
    db: Database,
    actor: Actor,
    confirmer: Actor,
    *,
    dossier_id: str,
    member_id: str,
    choices: dict[str, int],
    paper: bool,
) -> None:
    mode = EntryMode.PAPER if paper else EntryMode.SELF
    ballot_id = scoring_session.open_ballot(
        db, actor=actor, dossier_id=dossier_id, member_id=member_id, entry_mode=mode
    )
    for item_id, number in choices.items():
        scoring_session.record_choice(db, actor=actor, ballot_id=ballot_id, item_id=item_id, option_number=number)
    if paper:
        typo = dict(choices)
        first = next(iter(typo))
        typo[first] = 1 if typo[first] != 1 else 2
        mismatches = scoring_session.confirm_paper_ballot(db, actor=confirmer, ballot_id=ballot_id, choices=typo)
        if not mismatches:
            raise RuntimeError("the demo's second entry has a typing mistake that must be caught")
        scoring_session.confirm_paper_ballot(db, actor=confirmer, ballot_id=ballot_id, choices=choices)
    else:
        scoring_session.submit_ballot(db, actor=actor, ballot_id=ballot_id, opinion="Sản phẩm có tiềm năng phát triển.")


def _tiny_pdf(title: str) -> bytes:
    """A minimal valid one-page PDF standing in for a scanned registration form."""
    del title
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
