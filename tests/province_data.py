"""A province's data file as it looks after merging many councils' exchange files, written row by row in one
transaction (the services would take minutes for thousands of products): councils and rounds of several years,
producers and products in the communes of Thái Nguyên, approved results, decisions, certificates and the register of
imported files. The rows are what the council's services would have written; no ballot is stored, so these
results are not for `db verify`."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.enums import (
    CertificateStatus,
    CouncilLevel,
    LegalForm,
    RegistrationType,
    ResultStatus,
    RevocationGround,
)
from ocop_desktop.domain.text import fold
from ocop_desktop.models import (
    Certificate,
    Council,
    Decision,
    Dossier,
    ExchangeImport,
    Producer,
    Product,
    Result,
    Round,
)
from ocop_desktop.models.base import new_id
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.criteria_snapshots import snapshot_sheet, snapshot_version
from ocop_desktop.services.recognition import add_months

VERSION = "QD26-2026"
UTC = dt.UTC


@dataclass
class ProvinceBuilder:
    """Rows of a province file inside one open transaction; every method returns the new row's id. Ids are made
    here and the rows are written by `flush`, table after table in the order of their foreign keys, so thousands of
    rows go in at once (`province_rows` flushes when its block ends)."""

    session: Session
    _decisions: dict[str, str] = field(default_factory=dict)
    _producers: dict[str, str] = field(default_factory=dict)
    _sheets: dict[str, str] = field(default_factory=dict)
    _product_sheets: dict[str, str] = field(default_factory=dict)
    _round_years: dict[str, int] = field(default_factory=dict)
    _dossier_rounds: dict[str, str] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)
    _version: str | None = None
    _numbers: int = 0
    _pending: dict[type, list[object]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Numbers go on from those already in the file (a second builder on the same file)."""
        self._numbers = self.session.scalar(select(func.count()).select_from(Certificate)) or 0
        self._decision_base = 100 + (self.session.scalar(select(func.count()).select_from(Decision)) or 0)

    def _add(self, row: object) -> None:
        self._pending.setdefault(type(row), []).append(row)

    def flush(self) -> None:
        for model in (Council, Round, Producer, Product, Dossier, Result, Decision, Certificate, ExchangeImport):
            rows = self._pending.pop(model, [])
            if rows:
                self.session.add_all(rows)
                self.session.flush()

    def council(self, name: str, *, level: CouncilLevel = CouncilLevel.PROVINCE) -> str:
        council = Council(
            id=new_id(), name=name, level=level, issuing_body=f"ỦY BAN NHÂN DÂN — {name}", province_code="19"
        )
        self._add(council)
        self._names[council.id] = name
        return council.id

    def round(self, council_id: str, name: str, year: int) -> str:
        if self._version is None:
            self._version = snapshot_version(self.session, VERSION)
        rnd = Round(
            id=new_id(),
            council_id=council_id,
            name=name,
            year=year,
            rule_version_id=VERSION,
            version_snapshot=self._version,
        )
        self._add(rnd)
        self._round_years[rnd.id] = year
        self._names[rnd.id] = name
        return rnd.id

    def product(
        self,
        name: str,
        *,
        producer: str = "Hợp tác xã Thử",
        sheet_id: str = "QD26-2026-07",
        commune: str | None = "05503",
        province: str | None = "19",
        code: str | None = None,
    ) -> str:
        producer_id = self._producers.get(producer)
        if producer_id is None:
            row = Producer(
                id=new_id(),
                name=producer,
                name_fold=fold(producer),
                legal_form=LegalForm.COOPERATIVE,
                province_code=province,
                commune_code=commune,
            )
            self._add(row)
            producer_id = self._producers[producer] = row.id
        product = Product(
            id=new_id(),
            producer_id=producer_id,
            name=name,
            name_fold=fold(name),
            rule_version_id=VERSION,
            sheet_id=sheet_id,
            code=code,
        )
        self._add(product)
        self._product_sheets[product.id] = sheet_id
        return product.id

    def evaluate(
        self,
        round_id: str,
        product_id: str,
        *,
        stars: int | None,
        approved: bool = True,
        approved_at: dt.datetime | None = None,
        status: ResultStatus | None = None,
        average: str = "75.00",
        registration: RegistrationType = RegistrationType.FIRST,
    ) -> str:
        """A dossier of the product in the round with its current result (approved and locked, or only proposed)."""
        sheet_id = self._product_sheets[product_id]
        sheet = self._sheets.get(sheet_id)
        if sheet is None:
            sheet = self._sheets[sheet_id] = snapshot_sheet(self.session, VERSION, sheet_id)
        year = self._round_years[round_id]
        dossier = Dossier(
            id=new_id(),
            round_id=round_id,
            product_id=product_id,
            registration_type=registration,
            submission_date=dt.date(year, 8, 1),
            rule_version_id=VERSION,
            sheet_snapshot=sheet,
        )
        self._add(dossier)
        self._dossier_rounds[dossier.id] = round_id
        self._add(
            Result(
                dossier_id=dossier.id,
                scoring_round=1,
                computed={"status": "rated", "stars": stars},
                inputs={},
                inputs_hash=hashlib.sha256(dossier.id.encode()).hexdigest(),
                average_total=average,
                band_stars=stars or 0,
                stars=stars,
                certifiable=bool(stars and stars >= 3),
                spread_exceeds_limit=False,
                status=(status or ResultStatus.APPROVED) if approved else ResultStatus.PROPOSED,
                locked=approved,
                approved_at=(approved_at or dt.datetime(year, 10, 15, 9, tzinfo=UTC)) if approved else None,
            )
        )
        return dossier.id

    def certify(
        self,
        dossier_id: str,
        *,
        issued: dt.date,
        stars: int = 4,
        expiry: dt.date | None = None,
        number: str | None = None,
        revoked: dt.date | None = None,
    ) -> str:
        round_id = self._dossier_rounds[dossier_id]
        decision_id = self._decisions.get(round_id)
        if decision_id is None:
            decision = Decision(
                id=new_id(),
                round_id=round_id,
                number=f"{len(self._decisions) + self._decision_base}/QĐ-UBND",
                date=issued,
                signer="Nguyễn Văn Thành",
                issuing_body="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
            )
            self._add(decision)
            decision_id = self._decisions[round_id] = decision.id
        self._numbers += 1
        certificate = Certificate(
            id=new_id(),
            decision_id=decision_id,
            dossier_id=dossier_id,
            number=number or f"{self._numbers:04d}/{issued.year}/GCN-OCOP",
            stars=stars,
            issue_date=issued,
            expiry_date=expiry or add_months(issued, 36),
        )
        if revoked is not None:
            certificate.status = CertificateStatus.REVOKED
            certificate.revocation_date = revoked
            certificate.revocation_ground = RevocationGround.STOPPED_PRODUCTION
            certificate.revocation_decision = "99/QĐ-UBND"
            certificate.revocation_reason = "Chủ thể ngừng sản xuất"
        self._add(certificate)
        return certificate.id

    def exchange_file(
        self,
        round_id: str,
        council_id: str,
        *,
        file_name: str,
        revision: int = 1,
        issuer: str = "",
        key_accepted: bool = False,
        imported_at: dt.datetime | None = None,
        changes: dict[str, dict[str, int]] | None = None,
        meeting_sha256: str | None = None,
    ) -> str:
        content = hashlib.sha256(f"{round_id}-{revision}".encode()).hexdigest()
        manifest: dict[str, object] = {
            "round_name": self._names.get(round_id, ""),
            "council_name": self._names.get(council_id, ""),
            "revision": revision,
        }
        if meeting_sha256 is not None:
            manifest["meeting_sha256"] = meeting_sha256
        row = ExchangeImport(
            id=new_id(),
            kind="round",
            round_id=round_id,
            council_id=council_id,
            revision=revision,
            content_sha256=content,
            file_sha256=hashlib.sha256(content.encode()).hexdigest(),
            file_name=file_name,
            key_id=content[:16],
            issuer=issuer,
            key_accepted=key_accepted,
            signed_at="2026-10-20T08:00:00+00:00",
            imported_at=imported_at or dt.datetime(2026, 11, 1, 8, tzinfo=UTC),
            manifest=manifest,
            changes=changes or {"products": {"new": 3, "changed": 0, "removed": 0}},
        )
        self._add(row)
        return row.id


@contextlib.contextmanager
def province_rows(db: Database) -> Iterator[ProvinceBuilder]:
    """A builder whose rows are written and committed together when the block ends."""
    with db.transaction() as s:
        builder = ProvinceBuilder(s)
        yield builder
        builder.flush()


# a sample province for the screens, the screenshots and the load test ----------------------------------------

COMMUNES = ("05503", "05611", "05482", "05551", "05620", "05707", "05755", "05845", "05917", "01912", "01969", "02071")
KINDS = (
    ("Chè búp", "QD26-2026-11"),
    ("Chè móc câu", "QD26-2026-11"),
    ("Trà hoa vàng", "QD26-2026-12"),
    ("Mật ong rừng", "QD26-2026-04"),
    ("Gạo nếp vải", "QD26-2026-03"),
    ("Bánh chưng", "QD26-2026-06"),
    ("Bánh cooktail", "QD26-2026-06"),
    ("Mứt gừng", "QD26-2026-07"),
    ("Miến dong", "QD26-2026-06"),
    ("Rượu ngô men lá", "QD26-2026-14"),
    ("Giỏ mây tre đan", "QD26-2026-21"),
    ("Dầu sả chanh", "QD26-2026-20"),
    ("Thịt trâu gác bếp", "QD26-2026-08"),
    ("Nấm hương khô", "QD26-2026-04"),
    ("Du lịch cộng đồng", "QD26-2026-26"),
    ("Cà phê hạt rang", "QD26-2026-13"),
    ("Nước mắm cá suối", "QD26-2026-09"),
    ("Hoa lan rừng", "QD26-2026-23"),
)
PLACES = ("Tân Cương", "La Bằng", "Phú Đình", "Định Hóa", "Yên Trạch", "Đại Từ", "Hồ Núi Cốc", "Bắc Kạn", "Ba Bể",
          "Chợ Đồn", "Phú Lương", "Võ Nhai", "Đồng Hỷ", "Quân Chu", "Văn Lăng")  # fmt: skip
FORMS = ("Hợp tác xã", "Công ty TNHH", "Hộ kinh doanh", "Tổ hợp tác")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Vũ", "Đỗ", "Ma", "Lò", "Triệu", "Hà")
COUNCILS = (
    ("Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên", CouncilLevel.PROVINCE, (2024, 2025, 2026)),
    ("Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Đại Từ", CouncilLevel.DISTRICT, (2023, 2024)),
    ("Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Định Hóa", CouncilLevel.DISTRICT, (2023, 2024)),
)


@dataclass(frozen=True)
class SampleProvince:
    products: int
    councils: int
    rounds: int
    files: int
    certificates: int


def build_sample_province(db: Database, *, products: int = 120, seed: int = 19) -> SampleProvince:
    """A province file with `products` products over three councils and five years, about a tenth of them
    re-evaluated a later year, certificates for the 3★–4★ ones, a few revoked, and one file per round."""
    rnd = random.Random(seed)
    rounds_made = files = certificates = 0
    with province_rows(db) as b:
        rounds: list[tuple[str, str, int]] = []
        for name, level, years in COUNCILS:
            council_id = b.council(name, level=level)
            for year in years:
                round_id = b.round(council_id, f"Đợt 1 năm {year}", year)
                rounds.append((round_id, council_id, year))
                rounds_made += 1
                b.exchange_file(
                    round_id,
                    council_id,
                    file_name=f"{fold(name).split(' ocop ')[-1].replace(' ', '-')}-{year}.ocop",
                    revision=1 + (year % 2),
                    issuer="" if level is CouncilLevel.DISTRICT and year == 2023 else name.split(" OCOP ")[-1],
                    key_accepted=level is CouncilLevel.DISTRICT and year == 2023,
                    imported_at=dt.datetime(year, 11, 20, 9, 30, tzinfo=UTC),
                    changes={"products": {"new": products // len(rounds or [1]), "changed": 0, "removed": 0}},
                )
                files += 1
        seq: dict[tuple[str, int], int] = {}
        for index in range(products):
            kind, sheet_id = KINDS[index % len(KINDS)]
            place = rnd.choice(PLACES)
            commune = rnd.choice(COMMUNES)
            round_id, _council_id, year = rnd.choice(rounds)
            seq[(commune, year)] = seq.get((commune, year), 0) + 1
            producer = f"{rnd.choice(FORMS)} {kind.split()[0]} {place} {index // 3 + 1}"
            product_id = b.product(
                f"{kind} {place}" + (f" loại {index // len(KINDS) + 1}" if index >= len(KINDS) else ""),
                producer=producer,
                sheet_id=sheet_id,
                commune=commune,
                code=f"19-{commune}-{seq[(commune, year)]}-{year}",
            )
            stars = rnd.choices((3, 4, 5, 2, None), weights=(55, 30, 3, 8, 4))[0]
            approved = rnd.random() > 0.03
            dossier_id = b.evaluate(
                round_id, product_id, stars=stars, approved=approved, average=f"{rnd.uniform(50, 92):.2f}"
            )
            if approved and stars in (3, 4):
                issued = dt.date(year, rnd.randint(3, 12), rnd.randint(1, 28))
                revoked = dt.date(year + 1, 6, 1) if year < 2025 and rnd.random() < 0.03 else None
                b.certify(dossier_id, issued=issued, stars=stars, revoked=revoked)
                certificates += 1
                later = [r for r in rounds if r[2] >= year + 2]
                if later and rnd.random() < 0.1:
                    again_round, _c, again_year = rnd.choice(later)
                    again_stars = rnd.choice((3, 4, 4))
                    again = b.evaluate(
                        again_round, product_id, stars=again_stars, registration=RegistrationType.RE_EVALUATION
                    )
                    b.certify(again, issued=dt.date(again_year, 11, 5), stars=again_stars)
                    certificates += 1
    return SampleProvince(products, len(COUNCILS), rounds_made, files, certificates)
