"""The demo round: a dozen Vietnamese producers and products over the five product groups (food, drink, herbal,
handicraft, tourism), a provincial council with roles, attendance with one member absent, a recusal, ballots of
every present member (one on paper, typed twice with a typing mistake caught), one product over the spread limit
discussed then re-scored, one failing a star minimum, results from 2★ to 5★ approved, a recognition decision and
certificates — built through the same services the screens use, so every figure comes from the scoring core.

The rehearsal is the same round stopped where the chair opens the meeting (`_before_meeting` without `_meeting`),
with the members' PINs set, so a council can rehearse scoring on it."""

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
from ocop_desktop.paths import user_data_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Criterion, Option, Sheet
from ocop_desktop.services import (
    accounts,
    queries,
    recognition,
    registry,
    results,
    round_setup,
    scoring_session,
    settings,
)
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.criteria_catalogue import load_sheet

DEMO_PASSWORD = "ocop-demo-2026"  # printed by the demo command; the demo file is for trying the application
DEMO_SECRETARY = "thuky"  # the account the sign-in dialog offers on the demo file
DEMO_SECOND_SECRETARY = "thuky2"  # offered to type a paper ballot the second time
DEMO_FILE_NAME = "dot-mau.ocopdb"  # the demo round in the person's data folder (Tệp → Mở đợt mẫu, `gui --demo`)
DEMO_SETTING = "demo_file"  # set on the demo file only: the sign-in dialog shows the demo account there
# the rehearsal: the demo round as the meeting opens (`demo --before-meeting`, `gui --demo --before-meeting`)
REHEARSAL_FILE_NAME = "dot-mau-truoc-phien-hop.ocopdb"
REHEARSAL_SETTING = "demo_before_meeting"  # set on the rehearsal file only: the sign-in dialog lists the PINs there
MEETING_DATE = dt.date(2026, 10, 15)
MEETING_OPENS = "08:00"
ABSENT = "Hoàng Minh Khôi"  # absent from the meeting: he scores nothing
PAPER_SCORER = "Phạm Thị Ánh Tuyết"  # her ballot on the first dossier is on paper, typed by two secretaries
LOW_SCORER = "Lê Đức Thắng"  # far below the others on the spread product before the discussion
RECUSED = "Đặng Quốc Bảo"  # recused from the second dossier

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


@dataclass(frozen=True)
class DemoProduct:
    """One dossier of the demo. `design` is what its ballots are drawn to give — "5", "4", "3", "2" (stars),
    "spread" (one member far below the others, discussed, then re-scored near 4★) or "min" (a 4★ average that
    misses a 4★ minimum); the stars themselves always come from the scoring core."""

    producer: str
    legal_form: LegalForm
    commune: str  # 2025 commune code in Thái Nguyên (resources/admin_units)
    name: str
    sheet_id: str
    design: str
    representative: str
    gender: str


PRODUCTS = (
    DemoProduct(
        "Hợp tác xã Chè Tân Cương",
        LegalForm.COOPERATIVE,
        "05503",
        "Chè búp Tân Cương đặc biệt",
        "QD26-2026-11",
        "4",
        "Nguyễn Thị Hòa",
        "nu",
    ),
    DemoProduct(
        "Công ty TNHH Mứt gừng Bàu Đá",
        LegalForm.SME,
        "05503",
        "Mứt gừng Bàu Đá",
        "QD26-2026-07",
        "4",
        "Trần Văn Lực",
        "nam",
    ),
    DemoProduct(
        "Hộ kinh doanh Đỗ Thị Nga",
        LegalForm.HOUSEHOLD,
        "05611",
        "Bánh chưng Bờ Đậu",
        "QD26-2026-06",
        "3",
        "Đỗ Thị Nga",
        "nu",
    ),
    DemoProduct(
        "Hợp tác xã Rượu Làng Vân",
        LegalForm.COOPERATIVE,
        "05611",
        "Rượu trắng Làng Vân 40 độ",
        "QD26-2026-14",
        "spread",
        "Lưu Văn Quý",
        "nam",
    ),
    DemoProduct(
        "Hợp tác xã Dược liệu Hà Châu",
        LegalForm.COOPERATIVE,
        "05503",
        "Trà hoa vàng túi lọc",
        "QD26-2026-12",
        "min",
        "Ma Thị Hiền",
        "nu",
    ),
    DemoProduct(
        "Cơ sở Mây tre đan Phú Vinh",
        LegalForm.HOUSEHOLD,
        "05611",
        "Giỏ mây đan thủ công",
        "QD26-2026-21",
        "3",
        "Đinh Văn Tú",
        "nam",
    ),
    DemoProduct(
        "Hợp tác xã Du lịch cộng đồng Hồ Núi Cốc",
        LegalForm.COOPERATIVE,
        "05503",
        "Du lịch cộng đồng Hồ Núi Cốc",
        "QD26-2026-26",
        "4",
        "Lò Văn Khánh",
        "nam",
    ),
    DemoProduct(
        "Hợp tác xã Chè La Bằng",
        LegalForm.COOPERATIVE,
        "05818",
        "Chè đinh La Bằng",
        "QD26-2026-11",
        "5",
        "Trần Thị Tâm",
        "nu",
    ),
    DemoProduct(
        "Hợp tác xã Thảo dược Dao đỏ Nam Cường",
        LegalForm.COOPERATIVE,
        "02026",
        "Lá tắm thảo dược người Dao đỏ",
        "QD26-2026-19",
        "4",
        "Bàn Thị Mẩy",
        "nu",
    ),
    DemoProduct(
        "Công ty TNHH Tinh dầu quế Na Rì",
        LegalForm.SME,
        "02155",
        "Tinh dầu quế Na Rì",
        "QD26-2026-20",
        "3",
        "Hoàng Văn Thái",
        "nam",
    ),
    DemoProduct(
        "Hộ kinh doanh Nông Thị Hạnh",
        LegalForm.HOUSEHOLD,
        "01906",
        "Rượu táo mèo Ba Bể",
        "QD26-2026-15",
        "2",
        "Nông Thị Hạnh",
        "nu",
    ),
    DemoProduct(
        "Hợp tác xã Dệt thổ cẩm Bằng Thành",
        LegalForm.COOPERATIVE,
        "01864",
        "Khăn thổ cẩm dệt tay",
        "QD26-2026-22",
        "4",
        "Triệu Thị Lìu",
        "nu",
    ),
)
# (band star of the average, final star) each design is drawn to give; only "min" loses a star to a minimum
DESIGNED = {"5": (5, 5), "4": (4, 4), "3": (3, 3), "2": (2, 2), "spread": (4, 4), "min": (4, 3)}


DISCUSSION = (
    "Điểm của thành viên Lê Đức Thắng thấp hơn nhiều so với các thành viên khác ở phần A và C; hội đồng đã "
    "thảo luận về nguồn nguyên liệu và chất lượng cảm quan, thống nhất chấm lại."
)


# the accounts the demo command lists, each with its role (worded in the person's language by the command)
USERS = (
    ("quantri", Role.ADMIN),
    (DEMO_SECRETARY, Role.SECRETARY),
    (DEMO_SECOND_SECRETARY, Role.SECRETARY),
    ("canbotinh", Role.OFFICER),
    ("tv1", Role.CHAIR),
)


@dataclass(frozen=True)
class DemoSummary:
    path: str
    round_id: str
    dossiers: int
    ballots: int
    certificates: int
    users: tuple[tuple[str, Role], ...]
    rescored_code: str  # the product re-scored after the spread discussion (the one the screenshots show)


@dataclass(frozen=True)
class DemoMember:
    """A scoring member of the rehearsal: their account (demo password) and the PIN they score with."""

    name: str
    username: str
    pin: str
    present: bool


@dataclass(frozen=True)
class RehearsalSummary:
    path: str
    round_id: str
    dossiers: int
    users: tuple[tuple[str, Role], ...]
    members: tuple[DemoMember, ...]
    meeting_date: dt.date
    meeting_opens: str


def _case_options(item: Criterion) -> list[Option]:
    return [o for o in item.options if o.case in (None, "Trường hợp 1")]


# the total each design's common view is brought down to: around the middle of its band star
AIM = {"5": (93, 98), "4": (75, 86), "3": (55, 65), "2": (36, 45), "spread": (76, 84), "min": (75, 84)}


def _choices_for(sheet: Sheet, design: str, rnd: random.Random) -> dict[str, int]:
    """A plausible common view of the dossier for its design: every item at its best option, then one item
    after another (drawn at random) one option lower until the total reaches an aim drawn in the design's range,
    never below a minimum of the designed band star — except, for "min", one item of part 5 set below its 4★
    minimum."""
    star = DESIGNED[design][0]
    options = {item.id: _case_options(item) for item in sheet.items}
    index = {item_id: len(opts) - 1 for item_id, opts in options.items()}
    floor = {}
    for item in sheet.items:
        required = item.min_points_by_star.get(star, 0) if star >= 3 else 0
        floor[item.id] = min(i for i, o in enumerate(options[item.id]) if o.points >= required or i == index[item.id])
    if design == "min":
        missed = next(i for i in sheet.items if i.id.startswith("5") and i.min_points_by_star.get(4) is not None)
        required = missed.min_points_by_star[4]
        below = [i for i, o in enumerate(options[missed.id]) if o.points < required]
        index[missed.id] = floor[missed.id] = max(below)  # below the 4★ minimum on this item
    total = sum(options[item_id][i].points for item_id, i in index.items())
    aim = rnd.randint(*AIM[design])
    while total > aim:
        lowerable = [item_id for item_id, i in index.items() if i > floor[item_id]]
        if not lowerable:
            break
        item_id = rnd.choice(lowerable)
        total -= options[item_id][index[item_id]].points - options[item_id][index[item_id] - 1].points
        index[item_id] -= 1
    return {item_id: options[item_id][i].number for item_id, i in index.items()}


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


def _lowest(sheet: Sheet) -> dict[str, int]:
    return {i.id: min(o.number for o in _case_options(i)) for i in sheet.items}


def build_demo(path: Path, *, seed: int = 2026, decision: bool = True) -> DemoSummary:
    """Create the demo data file at `path` (which must not exist yet); without `decision`, the round stops at the
    approved results, before the recognition decision (to show recording one)."""
    db = Database.open(path, create=True)
    try:
        return _build(db, seed, decision)
    finally:
        db.close()


def build_rehearsal(path: Path, *, seed: int = 2026) -> RehearsalSummary:
    """Create the rehearsal file at `path` (which must not exist yet): the demo round as the chair opens the
    meeting — council, members with their accounts and PINs, the sitting opened with the attendance taken, the
    recusal, the dossiers — and not one ballot, result, decision or certificate."""
    db = Database.open(path, create=True)
    try:
        return _build_rehearsal(db, seed)
    finally:
        db.close()


def member_pin(index: int) -> str:
    """The rehearsal PIN of the council's `index`-th member (1-based, in council order): 1111, 2222…"""
    return str(index) * 4


def user_demo_file(*, before_meeting: bool = False) -> Path:
    """The demo data file in the person's data folder, built the first time it is asked for, with its demo
    signing key beside it (the start page's demo button and `gui --demo` both open this one); `before_meeting`
    gives the rehearsal instead, a file of its own, so the finished demo stays as it is."""
    path = user_data_dir() / (REHEARSAL_FILE_NAME if before_meeting else DEMO_FILE_NAME)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if before_meeting:
                build_rehearsal(path)
            else:
                build_demo(path)
        except BaseException:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)  # half a demo would be opened as if it were whole
            raise
    from ocop_desktop.services.council_key import make_demo_key  # keys and their PDF form: not for sign-in

    make_demo_key(path)
    return path


def demo_sign_in(db: Database, *, second_typist: bool = False) -> tuple[str, str] | None:
    """(account, password) to offer at sign-in when `db` is a demo file — the second secretary when a paper ballot
    is to be typed again by somebody else —; None for every other file."""
    if settings.get_settings(db).get(DEMO_SETTING) is not True:
        return None
    return (DEMO_SECOND_SECRETARY if second_typist else DEMO_SECRETARY), DEMO_PASSWORD


def demo_member_pins(db: Database) -> tuple[tuple[str, str], ...]:
    """(member, PIN) of every scoring member when `db` is the rehearsal file, for the sign-in dialog to show (the
    PINs a rehearsal needs at hand); nothing for any other file, the finished demo included."""
    if settings.get_settings(db).get(REHEARSAL_SETTING) is not True:
        return ()
    return tuple((name, member_pin(i)) for i, (name, role, _p) in enumerate(MEMBERS, start=1) if role.scores)


def _accounts(db: Database) -> tuple[Actor, Actor, Actor]:
    """The administrator, both secretaries and the province officer; returns (admin, secretary, second secretary)."""
    admin_id = accounts.create_user(
        db, actor=None, username="quantri", full_name="Quản trị hệ thống", password=DEMO_PASSWORD, roles={Role.ADMIN}
    )
    admin = accounts.authenticate(db, username="quantri", password=DEMO_PASSWORD)
    if admin.user_id != admin_id:
        raise RuntimeError("the demo administrator could not sign in")
    for username, full_name, role in (
        (DEMO_SECRETARY, "Vũ Thị Lan", Role.SECRETARY),
        (DEMO_SECOND_SECRETARY, "Ngô Văn Hải", Role.SECRETARY),
        ("canbotinh", "Cán bộ OCOP tỉnh", Role.OFFICER),
    ):
        accounts.create_user(
            db, actor=admin, username=username, full_name=full_name, password=DEMO_PASSWORD, roles={role}
        )
    secretary = accounts.authenticate(db, username=DEMO_SECRETARY, password=DEMO_PASSWORD)
    second = accounts.authenticate(db, username=DEMO_SECOND_SECRETARY, password=DEMO_PASSWORD)
    return admin, secretary, second


@dataclass(frozen=True)
class _Opened:
    """The demo round as the meeting opens: who is who, the round, its sitting and its dossiers in agenda order."""

    admin: Actor
    secretary: Actor
    second_secretary: Actor
    member_ids: dict[str, str]
    member_actors: dict[str, Actor]
    round_id: str
    sitting: str
    dossiers: list[str]
    recused_dossier: str


def _before_meeting(db: Database, seed: int) -> _Opened:
    """Everything the secretary does before the chair opens the meeting: accounts, the council and its members,
    the round, the dossiers with their files, the sitting opened with the attendance taken, and the recusal."""
    admin, secretary, second_secretary = _accounts(db)
    settings.set_setting(db, actor=secretary, key=DEMO_SETTING, value=True)
    settings.set_setting(db, actor=secretary, key="place_name", value="Thái Nguyên")
    settings.set_setting(db, actor=secretary, key="province_code", value="19")
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
    sitting = round_setup.add_meeting_session(
        db,
        actor=secretary,
        round_id=round_id,
        date=MEETING_DATE,
        place="Hội trường UBND tỉnh",
        opened_at=MEETING_OPENS,
    )
    for name, _role, _ in MEMBERS:
        round_setup.record_attendance(
            db, actor=secretary, session_id=sitting, member_id=member_ids[name], present=name != ABSENT
        )

    dossiers = [
        _register(db, secretary, round_id=round_id, order=order, product=product, rnd=random.Random(f"{seed}-{order}"))
        for order, product in enumerate(PRODUCTS, start=1)
    ]
    recused_dossier = dossiers[1]
    round_setup.record_recusal(
        db,
        actor=secretary,
        dossier_id=recused_dossier,
        member_id=member_ids[RECUSED],
        reason="Có quan hệ gia đình với chủ thể",
    )
    return _Opened(
        admin, secretary, second_secretary, member_ids, member_actors, round_id, sitting, dossiers, recused_dossier
    )


def _meeting(db: Database, opened: _Opened, seed: int, decision: bool) -> tuple[int, int]:
    """The meeting itself and what follows: every present member's ballots (one on paper, typed twice), the
    spread discussion and re-score, the chair's approvals, the sitting closed, then the recognition decision and
    its certificates. Returns (ballots, certificates)."""
    secretary, second_secretary = opened.secretary, opened.second_secretary
    member_ids, member_actors = opened.member_ids, opened.member_actors
    ballots = 0
    chair = member_actors["Nguyễn Văn Thành"]
    scorers = [n for n, role, _ in MEMBERS if role.scores and n != ABSENT]
    for order, (dossier_id, product) in enumerate(zip(opened.dossiers, PRODUCTS, strict=True), start=1):
        rnd = random.Random(f"{seed}-{order}-ballots")
        sheet = load_sheet("QD26-2026", product.sheet_id)
        base = _choices_for(sheet, product.design, rnd)
        for name in scorers:
            if dossier_id == opened.recused_dossier and name == RECUSED:
                continue
            choices = _vary(sheet, base, rnd)
            if product.design == "spread" and name == LOW_SCORER:
                choices = _lowest(sheet)
            paper = name == PAPER_SCORER and order == 1
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
        if product.design == "spread":
            results.record_discussion(db, actor=chair, dossier_id=dossier_id, text=DISCUSSION)
            scoring_session.start_rescore(db, actor=chair, dossier_id=dossier_id, reason="Chênh lệch điểm vượt 10 điểm")
            common = _choices_for(sheet, "4", rnd)
            for name in scorers:
                _score(
                    db,
                    member_actors[name],
                    second_secretary,
                    dossier_id=dossier_id,
                    member_id=member_ids[name],
                    choices=_vary(sheet, common, rnd),
                    paper=False,
                )
                ballots += 1
        results.approve_result(db, actor=chair, dossier_id=dossier_id)

    round_setup.close_meeting_session(db, actor=secretary, session_id=opened.sitting, closed_at="16:30")
    officer = accounts.authenticate(db, username="canbotinh", password=DEMO_PASSWORD)
    certificates = 0
    if decision:
        issued = recognition.issue_decision(
            db,
            actor=officer,
            round_id=opened.round_id,
            number="2150/QĐ-UBND",
            date=dt.date(2026, 11, 2),
            signer="Nguyễn Văn Thành",
            signer_title="KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
            issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        )
        certificates = len(issued.certificates)
    return ballots, certificates


def _build(db: Database, seed: int, decision: bool = True) -> DemoSummary:
    opened = _before_meeting(db, seed)
    ballots, certificates = _meeting(db, opened, seed, decision)
    rows = queries.round_view(db, opened.round_id, actor=SYSTEM).dossiers
    _check_design(rows)
    rescored = next(r.product_code for r, p in zip(rows, PRODUCTS, strict=True) if p.design == "spread")
    return DemoSummary(
        str(db.path),
        opened.round_id,
        len(opened.dossiers),
        ballots,
        certificates,
        USERS,
        rescored or "",
    )


def _build_rehearsal(db: Database, seed: int) -> RehearsalSummary:
    opened = _before_meeting(db, seed)
    settings.set_setting(db, actor=opened.secretary, key=REHEARSAL_SETTING, value=True)
    pins = []
    for index, (name, role, _position) in enumerate(MEMBERS, start=1):
        if role.scores:
            pin = member_pin(index)
            accounts.set_member_pin(db, actor=opened.secretary, member_id=opened.member_ids[name], pin=pin)
            pins.append(DemoMember(name, f"tv{index}", pin, name != ABSENT))
    return RehearsalSummary(
        str(db.path),
        opened.round_id,
        len(opened.dossiers),
        USERS,
        tuple(pins),
        MEETING_DATE,
        MEETING_OPENS,
    )


def _check_design(rows: tuple[queries.DossierRow, ...]) -> None:
    """The ballots are drawn for a designed outcome; if the scoring core disagrees the demo would not show what
    it promises (a 5★, a minimum missed, a product left without a certificate), so building it fails."""
    got = [(p.name, p.design, (r.band_stars, r.stars)) for r, p in zip(rows, PRODUCTS, strict=True)]
    wrong = [(name, design, stars) for name, design, stars in got if stars != DESIGNED[design]]
    if wrong or not all(r.locked for r in rows):
        raise RuntimeError(f"the demo's ballots do not give the designed stars: {wrong}")


def _register(
    db: Database, secretary: Actor, *, round_id: str, order: int, product: DemoProduct, rnd: random.Random
) -> str:
    """Producer, product and dossier with the commune's pre-assessment, the producer's self-assessment, the
    advisory team's report and the scanned files."""
    from ocop_desktop.documents.stand_ins import form_pdf, product_picture  # ReportLab only to build the demo

    head = "Giám đốc" if product.legal_form is LegalForm.SME else "Chủ hộ"
    producer_id = registry.create_producer(
        db,
        actor=secretary,
        name=product.producer,
        legal_form=product.legal_form,
        representative_name=product.representative,
        representative_gender=product.gender,
        representative_position="Giám đốc" if product.legal_form is LegalForm.COOPERATIVE else head,
        phone=f"09{rnd.randint(10000000, 99999999)}",
        province_code="19",
        commune_code=product.commune,
        street_address=f"Xóm {rnd.randint(1, 12)}",
    )
    created = registry.create_product(
        db, actor=secretary, producer_id=producer_id, name=product.name, sheet_id=product.sheet_id, year=2026
    )
    dossier_id = registry.create_dossier(
        db,
        actor=secretary,
        round_id=round_id,
        product_id=created.product_id,
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
    sheet = load_sheet("QD26-2026", product.sheet_id)
    hoped = {"2": "3", "3": "4"}.get(product.design, "5" if product.design == "5" else "4")
    registry.set_self_assessment(db, actor=secretary, dossier_id=dossier_id, choices=_choices_for(sheet, hoped, rnd))
    registry.set_advisory_report(db, actor=secretary, dossier_id=dossier_id, report=_advisory_report(product))
    form = form_pdf(
        "Phiếu đăng ký sản phẩm tham gia đánh giá, phân hạng OCOP",
        (
            f"Tên sản phẩm: {product.name}",
            f"Chủ thể: {product.producer}",
            f"Người đại diện: {product.representative}",
            f"Phiếu đánh giá: {sheet.sheet_id} — {sheet.title}",
            "Ngày nộp hồ sơ: 10/8/2026",
        ),
    )
    registry.add_attachment(db, actor=secretary, dossier_id=dossier_id, filename="Phieu-dang-ky.pdf", content=form)
    if product.design in ("spread", "5") or order == 1:  # the dossiers the screenshots and the tour open
        picture = registry.add_attachment(
            db,
            actor=secretary,
            dossier_id=dossier_id,
            filename="Anh-san-pham.png",
            content=product_picture(PICTURE_COLOURS[order % len(PICTURE_COLOURS)]),
            description="Ảnh sản phẩm và bao bì",
        )
        registry.link_evidence(db, actor=secretary, attachment_id=picture.attachment_id, item_id="2.2")
        report = registry.add_attachment(
            db,
            actor=secretary,
            dossier_id=dossier_id,
            filename="Phieu-ket-qua-thu-nghiem.pdf",
            content=form_pdf(
                "Phiếu kết quả thử nghiệm",
                (
                    f"Mẫu thử: {product.name}",
                    f"Đơn vị gửi mẫu: {product.producer}",
                    "Chỉ tiêu vi sinh vật, kim loại nặng: đạt theo quy chuẩn kỹ thuật quốc gia",
                    "Ngày trả kết quả: 25/7/2026",
                ),
            ),
            description="Kết quả thử nghiệm của phòng thử nghiệm được công nhận",
        )
        registry.link_evidence(db, actor=secretary, attachment_id=report.attachment_id, item_id="8")
    return dossier_id


PICTURE_COLOURS = ((46, 110, 64), (150, 46, 40), (176, 122, 36), (58, 84, 140))


def _advisory_report(product: DemoProduct) -> str:
    if product.design == "2":
        finding = (
            "Hồ sơ đủ thành phần nhưng sản phẩm mới sản xuất thử, chưa có liên kết tiêu thụ và chưa xây dựng câu "
            "chuyện sản phẩm; Tổ tư vấn đề nghị chủ thể tiếp tục hoàn thiện."
        )
    else:
        finding = "Hồ sơ đầy đủ theo quy định, cơ sở sản xuất đáp ứng điều kiện; đề nghị Hội đồng xem xét, đánh giá."
    return f"Tổ tư vấn đã khảo sát cơ sở sản xuất của {product.producer} ngày 20/8/2026. {finding}"


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
    scoring_session.record_choices(db, actor=actor, ballot_id=ballot_id, choices=choices)
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
