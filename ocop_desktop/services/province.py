"""The province's picture (toàn tỉnh) over the rounds merged from many councils' exchange files: every product with
its current stars, the counts by stars, group, place and year, the councils with the files taken from them, and the
certificates to act on (re-evaluation window, expired, revoked). Read-only: one query per question, plain data out.

"Current stars" of a product evaluated in several years: the stars of its latest *approved* result (the chair's
locked decision on the dossier's current scoring round), latest by the round's year, then by the time of approval.
A product with no approved result yet shows no stars and is counted apart. Certificates are those of the product's
latest certificate (by issue date): an older certificate replaced by a newer one is not a task any more.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.admin_units import Commune, Province, load_units_2025
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.enums import CertificateStatus, ResultStatus, RevocationGround
from ocop_desktop.domain.text import fold, vi_sort_key
from ocop_desktop.messages import ui_text
from ocop_desktop.models import (
    Certificate,
    Council,
    CriteriaSnapshot,
    Decision,
    Dossier,
    ExchangeImport,
    Producer,
    Product,
    Result,
    Round,
    User,
)
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.exchange_file import fingerprint
from ocop_desktop.scoring.certificates import (
    REEVALUATION_WINDOW_CLOSES_DAYS,
    REEVALUATION_WINDOW_OPENS_DAYS,
    Reevaluation,
    reevaluation,
)
from ocop_desktop.services.criteria_catalogue import list_sheets
from ocop_desktop.services.recognition import certificate_status

if TYPE_CHECKING:  # openpyxl: imported when a workbook is made
    from ocop_desktop.documents import province_list

UNKNOWN = "?"  # the key of products whose place or year is not recorded (a filter can choose it; "" is "any")


@dataclass(frozen=True)
class ProductLine:
    """One product of the province as it stands today."""

    product_id: str
    name: str
    code: str | None
    producer: str
    sheet_id: str
    group: str  # the sheet's title: the product group (nhóm sản phẩm) it is scored in
    province_code: str | None
    province: str
    commune_code: str | None
    commune: str
    year: int | None  # the year of the round that gave the current stars (or of its latest dossier)
    council_id: str | None
    council: str
    round_name: str
    approved: bool  # has an approved result
    stars: int | None  # the latest approved result's stars; None when not rated or not approved yet
    result_status: ResultStatus | None
    average: str | None
    certificate_number: str | None
    certificate_issued: dt.date | None
    certificate_expiry: dt.date | None
    certificate_state: CertificateStatus | None  # valid / expired (today) / revoked
    search_key: str
    referred_central: bool = False
    """Approved and proposed to the central level (5★): then `stars` is the star the council recognised within its
    authority (its certificate, policy ABOVE_AUTHORITY), or None while it waits; never 5."""


@dataclass(frozen=True)
class Tally:
    """How many products fall under one key (a group, a province, a year…), split by current stars; stars None is
    "no stars" (not approved yet, or approved without a star rating)."""

    key: str
    label: str
    by_stars: tuple[tuple[int | None, int], ...]
    total: int
    referred_waiting: int = 0
    """Proposed to the central level with no star recognised here: counted apart from 5★ and from "no stars"."""

    def count(self, stars: int | None) -> int:
        return dict(self.by_stars).get(stars, 0)


@dataclass(frozen=True)
class FileLine:
    """One exchange file recorded in `exchange_imports`."""

    file_name: str
    kind: str
    round_id: str
    round_name: str
    revision: int
    fingerprint: str  # mã xác thực: of the meeting's data (manifest `meeting_sha256`), else of the whole content
    key_id: str
    issuer: str  # the name the key is trusted under; "" for this installation's own key (or one accepted once)
    key_accepted: bool  # an untrusted key accepted for this one file
    signed_at: str
    imported_at: dt.datetime
    imported_by: str
    changes: tuple[int, int, int]  # rows new, changed, removed


@dataclass(frozen=True)
class CouncilLine:
    council_id: str
    name: str
    level: str
    rounds: int
    products: int  # products whose current line comes from this council
    files: tuple[FileLine, ...]


@dataclass(frozen=True)
class CertificateLine:
    certificate_id: str
    number: str
    product: str
    code: str | None
    producer: str
    council: str
    stars: int
    issued: dt.date
    expiry: dt.date
    days_left: int  # to the expiry date (negative once expired)
    state: CertificateStatus
    revocation_date: dt.date | None
    revocation_ground: RevocationGround | None
    revocation_decision: str | None
    revocation_reason: str | None


@dataclass(frozen=True)
class ProvinceView:
    today: dt.date
    products: tuple[ProductLine, ...]
    by_stars: tuple[tuple[int | None, int], ...]
    by_group: tuple[Tally, ...]
    by_province: tuple[Tally, ...]
    by_commune: tuple[Tally, ...]
    by_year: tuple[Tally, ...]
    councils: tuple[CouncilLine, ...]
    due: tuple[CertificateLine, ...]  # inside the re-evaluation window today
    window_missed: tuple[CertificateLine, ...]  # fewer than 120 days left, not expired yet
    expired: tuple[CertificateLine, ...]
    revoked: tuple[CertificateLine, ...]
    referred_waiting: int = 0
    """Products proposed to the central level with no star recognised here (apart from `by_stars`)."""
    referred_recognised: int = 0
    """Products proposed to the central level and recognised here within the council's authority (in `by_stars`)."""


def province_view(db: Database, *, today: dt.date) -> ProvinceView:
    """Everything the province page and `province show` display, as of `today`. The counts are made from the
    product lines themselves, so they always agree with the list."""
    with db.reading() as s:
        products = _product_lines(s, today)
        latest, revoked = _certificates(s, today)
        councils = _councils(s, products)
    valid = [c for c in latest if c.state is CertificateStatus.VALID]
    return ProvinceView(
        today=today,
        products=products,
        by_stars=_by_stars(products),
        by_group=tally(products, *BY_GROUP),
        by_province=tally(products, *BY_PROVINCE),
        by_commune=tally(products, *BY_COMMUNE),
        by_year=tally(products, *BY_YEAR),
        councils=councils,
        due=tuple(c for c in valid if reevaluation(c.expiry, today) is Reevaluation.DUE),
        window_missed=tuple(c for c in valid if reevaluation(c.expiry, today) is Reevaluation.WINDOW_MISSED),
        expired=tuple(c for c in latest if c.state is CertificateStatus.EXPIRED),
        revoked=revoked,
        referred_waiting=sum(1 for p in products if _waiting(p)),
        referred_recognised=sum(1 for p in products if p.referred_central and not _waiting(p)),
    )


def _waiting(product: ProductLine) -> bool:
    """Proposed to the central level and not recognised at any star here: neither 5★ nor "no stars"."""
    return product.referred_central and product.stars is None


def _by_stars(products: Iterable[ProductLine]) -> tuple[tuple[int | None, int], ...]:
    return tuple(sorted(Counter(p.stars for p in products if not _waiting(p)).items(), key=_stars_order))


Grouping = tuple[Callable[[ProductLine], str], Callable[[ProductLine], str]]  # (key, label) of a count
BY_GROUP: Grouping = (lambda p: p.sheet_id, lambda p: p.group)
BY_PROVINCE: Grouping = (lambda p: p.province_code or UNKNOWN, lambda p: p.province)
BY_COMMUNE: Grouping = (
    lambda p: p.commune_code or UNKNOWN,
    lambda p: f"{p.commune}, {p.province}" if p.commune_code else "",
)
BY_YEAR: Grouping = (lambda p: str(p.year or UNKNOWN), lambda p: str(p.year or ""))
BY_COUNCIL: Grouping = (lambda p: p.council_id or UNKNOWN, lambda p: p.council)


def _stars_order(item: tuple[int | None, int]) -> tuple[int, int]:
    """5★ first, down to 1★, then "no stars"."""
    return (0, -item[0]) if item[0] is not None else (1, 0)


def tally(
    products: Iterable[ProductLine], key: Callable[[ProductLine], Hashable], label: Callable[[ProductLine], str]
) -> tuple[Tally, ...]:
    """Products counted under `key`, largest first, then in Vietnamese order of the label; unknown last."""
    counts: dict[Hashable, Counter[int | None]] = {}
    waiting: Counter[Hashable] = Counter()
    labels: dict[Hashable, str] = {}
    for product in products:
        k = key(product)
        counter = counts.setdefault(k, Counter())
        if _waiting(product):
            waiting[k] += 1
        else:
            counter[product.stars] += 1
        labels.setdefault(k, label(product))
    out = [
        Tally(str(k), labels[k], tuple(sorted(c.items(), key=_stars_order)), sum(c.values()) + waiting[k], waiting[k])
        for k, c in counts.items()
    ]
    out.sort(key=lambda t: (t.key == UNKNOWN, -t.total, vi_sort_key(t.label)))
    return tuple(out)


# places and groups ---------------------------------------------------------------------------------------------


@functools.cache
def _places(folder: Path) -> tuple[dict[str, Province], dict[str, tuple[Province, Commune]]]:
    """Provinces and communes of 2025 by code, built once (a linear search per product would cost seconds)."""
    provinces = load_units_2025(folder)
    return (
        {p.code: p for p in provinces},
        {c.code: (p, c) for p in provinces for c in p.communes},
    )


def _placer(folder: Path) -> Callable[[str | None, str | None], tuple[str | None, str, str | None, str]]:
    """(province code, commune code) -> (province code, name, commune code, name) on the 2025 units; a commune code
    decides its province; unknown codes are kept and shown as codes."""
    provinces, communes = _places(folder)

    def place(province_code: str | None, commune_code: str | None) -> tuple[str | None, str, str | None, str]:
        found = communes.get(commune_code or "")
        if found is not None:
            return found[0].code, found[0].name, found[1].code, found[1].name
        province = provinces.get(province_code or "")
        return province_code, province.name if province else (province_code or ""), commune_code, commune_code or ""

    return place


@functools.cache
def _bundled_group_titles() -> dict[str, str]:
    return {s.sheet_id: s.title for s in list_sheets()}


def _group_titles(s: Session, sheet_ids: set[str]) -> dict[str, str]:
    """Sheet id -> title: the bundled catalogues, then the sheets stored with the rounds (a provincial variant)."""
    titles = {k: v for k, v in _bundled_group_titles().items() if k in sheet_ids}
    missing = sheet_ids - titles.keys()
    if missing:
        for sheet_id, content in s.execute(
            select(CriteriaSnapshot.sheet_id, CriteriaSnapshot.content).where(
                CriteriaSnapshot.kind == "sheet", CriteriaSnapshot.sheet_id.in_(missing)
            )
        ):
            title = json.loads(content).get("title")
            if isinstance(title, str) and sheet_id is not None and sheet_id not in titles:
                titles[sheet_id] = title
    return titles


# products ------------------------------------------------------------------------------------------------------

_APPROVED = (ResultStatus.APPROVED, ResultStatus.REFERRED_CENTRAL, ResultStatus.ELIMINATED)


def _product_lines(s: Session, today: dt.date) -> tuple[ProductLine, ...]:
    """One line per product: its representative dossier (the latest approved, else the latest) and its latest
    certificate, chosen with window functions in a single query."""
    approved = and_(Result.locked.is_(True), Result.status.in_(_APPROVED))
    ranked = (
        select(
            Dossier.product_id,
            Dossier.id.label("dossier_id"),
            Dossier.round_id,
            Round.year,
            Round.name.label("round_name"),
            Round.council_id,
            approved.label("approved"),
            Result.stars,
            Result.status,
            Result.average_total,
            func.row_number()
            .over(
                partition_by=Dossier.product_id,
                order_by=(
                    func.coalesce(approved, False).desc(),
                    Round.year.desc(),
                    Result.approved_at.desc().nulls_last(),
                    Dossier.submission_date.desc(),
                    Dossier.id.desc(),
                ),
            )
            .label("rank"),
        )
        .join(Round, Round.id == Dossier.round_id)
        .outerjoin(Result, (Result.dossier_id == Dossier.id) & (Result.scoring_round == Dossier.scoring_round))
        .subquery()
    )
    certificates = (
        select(
            Dossier.product_id,
            Certificate.number,
            Certificate.issue_date,
            Certificate.expiry_date,
            Certificate.status,
            Certificate.stars.label("certificate_stars"),
            Certificate.dossier_id.label("certificate_dossier"),
            func.row_number()
            .over(
                partition_by=Dossier.product_id,
                order_by=(Certificate.issue_date.desc(), Certificate.number.desc()),
            )
            .label("rank"),
        )
        .join(Dossier, Dossier.id == Certificate.dossier_id)
        .subquery()
    )
    rows = s.execute(
        select(
            Product.id,
            Product.name,
            Product.code,
            Product.sheet_id,
            Product.code_province,
            Product.code_commune,
            Producer.name.label("producer"),
            Producer.province_code,
            Producer.commune_code,
            ranked.c.year,
            ranked.c.round_name,
            ranked.c.council_id,
            Council.name.label("council"),
            ranked.c.approved,
            ranked.c.stars,
            ranked.c.status,
            ranked.c.average_total,
            ranked.c.dossier_id,
            certificates.c.certificate_stars,
            certificates.c.certificate_dossier,
            certificates.c.number,
            certificates.c.issue_date,
            certificates.c.expiry_date,
            certificates.c.status.label("certificate_status"),
        )
        .join(Producer, Producer.id == Product.producer_id)
        .outerjoin(ranked, (ranked.c.product_id == Product.id) & (ranked.c.rank == 1))
        .outerjoin(Council, Council.id == ranked.c.council_id)
        .outerjoin(certificates, (certificates.c.product_id == Product.id) & (certificates.c.rank == 1))
    ).all()
    titles = _group_titles(s, {r.sheet_id for r in rows})
    place = _placer(admin_units_dir())
    lines = []
    for r in rows:
        province_code, province, commune_code, commune = place(
            r.province_code or r.code_province, r.commune_code or r.code_commune
        )
        approved_now = bool(r.approved)
        referred = approved_now and r.status == ResultStatus.REFERRED_CENTRAL
        stars = r.stars if approved_now else None
        if referred:  # 5★ is the central level's to recognise: here, only a certificate within authority counts
            stars = r.certificate_stars if r.certificate_dossier == r.dossier_id else None
        state = (
            certificate_status(CertificateStatus(r.certificate_status), r.expiry_date, today)
            if r.number is not None
            else None
        )
        lines.append(
            ProductLine(
                product_id=r.id,
                name=r.name,
                code=r.code,
                producer=r.producer,
                sheet_id=r.sheet_id,
                group=titles.get(r.sheet_id, r.sheet_id),
                province_code=province_code,
                province=province,
                commune_code=commune_code,
                commune=commune,
                year=r.year,
                council_id=r.council_id,
                council=r.council or "",
                round_name=r.round_name or "",
                approved=approved_now,
                stars=stars,
                result_status=ResultStatus(r.status) if approved_now and r.status else None,
                average=r.average_total if approved_now else None,
                certificate_number=r.number,
                certificate_issued=r.issue_date,
                certificate_expiry=r.expiry_date,
                certificate_state=state,
                search_key=fold(f"{r.name} {r.code or ''} {r.producer}"),
                referred_central=referred,
            )
        )
    lines.sort(key=lambda p: (vi_sort_key(p.name), p.code or ""))
    return tuple(lines)


# certificates --------------------------------------------------------------------------------------------------


def _certificates(s: Session, today: dt.date) -> tuple[list[CertificateLine], tuple[CertificateLine, ...]]:
    """Every certificate with its product and council in one query: each product's latest one (soonest expiry
    first) for the re-evaluation and expiry lists, and every revoked one (latest revocation first)."""
    rank = (
        func.row_number()
        .over(partition_by=Dossier.product_id, order_by=(Certificate.issue_date.desc(), Certificate.number.desc()))
        .label("rank")
    )
    rows = s.execute(
        select(
            Certificate.id,
            Certificate.number,
            Certificate.stars,
            Certificate.issue_date,
            Certificate.expiry_date,
            Certificate.status,
            Certificate.product_code,
            Certificate.revocation_date,
            Certificate.revocation_ground,
            Certificate.revocation_decision,
            Certificate.revocation_reason,
            Product.name.label("product"),
            Product.code,
            Producer.name.label("producer"),
            Council.name.label("council"),
            rank,
        )
        .join(Dossier, Dossier.id == Certificate.dossier_id)
        .join(Product, Product.id == Dossier.product_id)
        .join(Producer, Producer.id == Product.producer_id)
        .join(Decision, Decision.id == Certificate.decision_id)
        .join(Round, Round.id == Decision.round_id)
        .join(Council, Council.id == Round.council_id)
    ).all()
    latest, revoked = [], []
    for c in rows:
        line = CertificateLine(
            certificate_id=c.id,
            number=c.number,
            product=c.product,
            code=c.product_code or c.code,
            producer=c.producer,
            council=c.council,
            stars=c.stars,
            issued=c.issue_date,
            expiry=c.expiry_date,
            days_left=(c.expiry_date - today).days,
            state=certificate_status(c.status, c.expiry_date, today),
            revocation_date=c.revocation_date,
            revocation_ground=c.revocation_ground,
            revocation_decision=c.revocation_decision,
            revocation_reason=c.revocation_reason,
        )
        if c.rank == 1:
            latest.append(line)
        if line.state is CertificateStatus.REVOKED:
            revoked.append(line)
    latest.sort(key=lambda c: (c.expiry, vi_sort_key(c.product)))
    revoked.sort(key=lambda c: (c.revocation_date or dt.date.min, c.number), reverse=True)
    return latest, tuple(revoked)


# councils and their files --------------------------------------------------------------------------------------


def _councils(s: Session, products: Iterable[ProductLine]) -> tuple[CouncilLine, ...]:
    """Every council in the file, with its rounds and the exchange files taken from it (newest first). Files whose
    council is not in the file (none should be) are listed under the council name their manifest gives."""
    round_rows = s.execute(select(Round.id, Round.name, Round.council_id)).all()
    rounds = Counter(r.council_id for r in round_rows)
    round_names = {r.id: r.name for r in round_rows}
    councils = {c.id: c for c in s.scalars(select(Council))}
    product_counts = Counter(p.council_id for p in products if p.council_id)
    files: dict[str, list[FileLine]] = {}
    names: dict[str, str] = {}
    for imp, username in s.execute(
        select(ExchangeImport, User.full_name)
        .outerjoin(User, User.id == ExchangeImport.imported_by)
        .order_by(ExchangeImport.imported_at.desc())
    ):
        manifest = imp.manifest if isinstance(imp.manifest, dict) else {}
        names.setdefault(imp.council_id, str(manifest.get("council_name") or imp.council_id))
        files.setdefault(imp.council_id, []).append(
            FileLine(
                file_name=imp.file_name,
                kind=imp.kind,
                round_id=imp.round_id,
                round_name=round_names.get(imp.round_id) or str(manifest.get("round_name") or ""),
                revision=imp.revision,
                fingerprint=fingerprint(str(manifest.get("meeting_sha256") or imp.content_sha256)),
                key_id=imp.key_id,
                issuer=imp.issuer,
                key_accepted=imp.key_accepted,
                signed_at=imp.signed_at,
                imported_at=imp.imported_at,
                imported_by=username or "",
                changes=_change_totals(imp.changes),
            )
        )
    out = []
    for council_id in councils.keys() | files.keys():
        council = councils.get(council_id)
        out.append(
            CouncilLine(
                council_id=council_id,
                name=council.name if council else names[council_id],
                level=council.level.value if council else "",
                rounds=rounds.get(council_id, 0),
                products=product_counts.get(council_id, 0),
                files=tuple(files.get(council_id, ())),
            )
        )
    out.sort(key=lambda c: vi_sort_key(c.name))
    return tuple(out)


def _change_totals(changes: object) -> tuple[int, int, int]:
    """Rows new / changed / removed over every table of an import's `changes` record."""
    totals = [0, 0, 0]
    if isinstance(changes, dict):
        for counts in changes.values():
            if isinstance(counts, dict):
                for index, name in enumerate(("new", "changed", "removed")):
                    value = counts.get(name)
                    totals[index] += value if isinstance(value, int) else 0
    return totals[0], totals[1], totals[2]


# the workbook ----------------------------------------------------------------------------------------------------

SITUATIONS = {
    "due": "Đến hạn nộp hồ sơ đánh giá lại",
    "window_missed": "Đã qua hạn nộp, sắp hết hạn",
    "expired": "Đã hết hạn",
    "revoked": "Đã thu hồi",
}
CERTIFICATE_STATES = {
    CertificateStatus.VALID: "Còn hiệu lực",
    CertificateStatus.EXPIRED: "Hết hạn",
    CertificateStatus.REVOKED: "Đã thu hồi",
}


def result_words(line: ProductLine) -> str:
    """The current result in the document's words."""
    if not line.approved:
        return "Chưa phê duyệt"
    if line.referred_central:
        referral = "Đề nghị Trung ương đánh giá, công nhận 5 sao"
        return f"{line.stars} sao; {referral[0].lower()}{referral[1:]}" if line.stars is not None else referral
    if line.stars is None:
        return "Không đạt" if line.result_status is ResultStatus.ELIMINATED else "Không xếp hạng"
    return f"{line.stars} sao"


def window_words(today: dt.date) -> str:
    return (
        f"Cửa sổ nộp hồ sơ đánh giá lại: từ {REEVALUATION_WINDOW_OPENS_DAYS} đến {REEVALUATION_WINDOW_CLOSES_DAYS} "
        f"ngày trước khi giấy chứng nhận hết hạn (QĐ 26/2026/QĐ-TTg, Điều 7.6). Tính đến ngày {format_vi_date(today)}."
    )


def _count_row(t: Tally) -> province_list.CountRow:
    from ocop_desktop.documents import province_list

    return province_list.CountRow(
        t.label,
        t.count(5),
        t.count(4),
        t.count(3),
        t.count(2) + t.count(1),
        t.count(None),
        t.total,
        t.referred_waiting,
    )


def workbook_data(
    view: ProvinceView, *, products: Sequence[ProductLine] | None = None, filters: str = ""
) -> province_list.ProvinceWorkbook:
    """The workbook of `products` (all of the view's by default; the screen passes what its filter shows, and
    `filters` says which filter in words). The counts are of those products; the certificates are the province's."""
    from ocop_desktop.documents import province_list  # openpyxl when a workbook is made, not with the window

    lines = tuple(view.products if products is None else products)
    subtitle = f"Tính đến ngày {format_vi_date(view.today)} — {len(lines)} sản phẩm"
    if filters:
        subtitle += f" — lọc: {filters}"
    every = Tally("", "Toàn tỉnh", _by_stars(lines), len(lines), sum(1 for p in lines if _waiting(p)))
    counts = (
        ("Tất cả sản phẩm", (_count_row(every),)),
        *(
            (heading, tuple(_count_row(t) for t in tally(lines, *grouping)))
            for heading, grouping in (
                ("Theo nhóm sản phẩm", BY_GROUP),
                ("Theo năm đánh giá", BY_YEAR),
                ("Theo tỉnh, thành phố", BY_PROVINCE),
                ("Theo xã, phường", BY_COMMUNE),
                ("Theo hội đồng", BY_COUNCIL),
            )
        ),
    )
    certificates = tuple(
        province_list.CertificateRow(
            situation=SITUATIONS[situation],
            number=c.number,
            product=c.product,
            code=c.code or "",
            producer=c.producer,
            council=c.council,
            stars=c.stars,
            issued=c.issued,
            expiry=c.expiry,
            days_left=c.days_left,
            revocation=(
                f"{format_vi_date(c.revocation_date) if c.revocation_date else ''} {c.revocation_decision or ''}: "
                f"{c.revocation_reason or ''}".strip(" :")
                if situation == "revoked"
                else ""
            ),
        )
        for situation, group in (
            ("due", view.due),
            ("window_missed", view.window_missed),
            ("expired", view.expired),
            ("revoked", view.revoked),
        )
        for c in group
    )
    return province_list.ProvinceWorkbook(
        title="DANH SÁCH SẢN PHẨM OCOP TOÀN TỈNH",
        subtitle=subtitle,
        products=tuple(
            province_list.ProductRow(
                product=p.name,
                code=p.code or "",
                producer=p.producer,
                group=p.group,
                province=p.province,
                commune=p.commune,
                year=p.year,
                council=p.council,
                stars=p.stars,
                result=result_words(p),
                certificate=p.certificate_number or "",
                issued=p.certificate_issued,
                expiry=p.certificate_expiry,
                certificate_state=CERTIFICATE_STATES[p.certificate_state] if p.certificate_state else "",
            )
            for p in lines
        ),
        counts=counts,
        certificates=certificates,
        certificates_note=window_words(view.today),
    )


def write_workbook(
    view: ProvinceView, path: Path, *, products: Sequence[ProductLine] | None = None, filters: str = ""
) -> Path:
    """The province's Excel workbook at `path`, written atomically (no database access: safe on a worker thread)."""
    from ocop_desktop.documents import province_list

    return province_list.render_xlsx(workbook_data(view, products=products, filters=filters), path)


# the summary of `province show` ------------------------------------------------------------------------------------


def _stars_words(stars: int | None, lang: str) -> str:
    return ui_text("province.stars", lang, stars=stars) if stars is not None else ui_text("province.no_stars", lang)


def _tally_line(t: Tally, lang: str) -> str:
    split = " · ".join(f"{_stars_words(stars, lang)} {count}" for stars, count in t.by_stars)
    if t.referred_waiting:
        split += f" · {ui_text('province.referred_waiting', lang)} {t.referred_waiting}"
    return f"  {t.label or ui_text('province.unknown', lang)}: {t.total} ({split})"


def local_time(moment: dt.datetime) -> str:
    """An import time on this computer's clock, as people read it."""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def summary_lines(view: ProvinceView, lang: str) -> list[str]:
    """What `province show` prints: the counts, the councils with their files, and the certificates to act on."""
    out = [ui_text("province.head", lang, date=format_vi_date(view.today), count=len(view.products))]
    out.append(
        f"{ui_text('province.by_stars', lang)}: "
        + " · ".join(f"{_stars_words(stars, lang)} {count}" for stars, count in view.by_stars)
    )
    if view.referred_waiting or view.referred_recognised:
        out.append(
            ui_text(
                "province.referred_central",
                lang,
                waiting=view.referred_waiting,
                recognised=view.referred_recognised,
            )
        )
    for key, tallies in (
        ("province.by_group", view.by_group),
        ("province.by_year", view.by_year),
        ("province.by_province", view.by_province),
        ("province.by_commune", view.by_commune),
    ):
        out.append(f"{ui_text(key, lang)}:")
        out.extend(_tally_line(t, lang) for t in tallies)
    out.append(f"{ui_text('province.councils', lang)}:")
    for council in view.councils:
        out.append(
            "  "
            + ui_text("province.council", lang, name=council.name, rounds=council.rounds, products=council.products)
        )
        if not council.files:
            out.append(f"    {ui_text('province.no_files', lang)}")
        for f in council.files:
            issuer = (
                ui_text("province.key_accepted_once", lang)
                if f.key_accepted
                else f.issuer or ui_text("seal.this_installation", lang)
            )
            out.append(
                "    "
                + ui_text(
                    "province.file",
                    lang,
                    file=f.file_name,
                    round=f.round_name,
                    revision=f.revision,
                    fingerprint=f.fingerprint,
                    key_id=f.key_id,
                    issuer=issuer,
                    imported=local_time(f.imported_at),
                )
            )
    window = {"opens": REEVALUATION_WINDOW_OPENS_DAYS, "closes": REEVALUATION_WINDOW_CLOSES_DAYS}
    for key, lines, line_key in (
        ("province.due", view.due, "province.certificate"),
        ("province.window_missed", view.window_missed, "province.certificate"),
        ("province.expired", view.expired, "province.certificate_expired"),
        ("province.revoked", view.revoked, "province.certificate_revoked"),
    ):
        out.append(ui_text(key, lang, count=len(lines), **window))
        for c in lines:
            out.append(
                "  "
                + ui_text(
                    line_key,
                    lang,
                    number=c.number,
                    product=c.product,
                    code=c.code or "—",
                    stars=c.stars,
                    expiry=format_vi_date(c.expiry),
                    days=c.days_left,
                    date=format_vi_date(c.revocation_date) if c.revocation_date else "—",
                    decision=c.revocation_decision or "—",
                    reason=c.revocation_reason or "—",
                )
            )
    return out
