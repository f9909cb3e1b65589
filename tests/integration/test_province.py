"""The province's picture over rounds of several councils and years: the current stars are those of the latest
approved result, the counts agree with the list, the re-evaluation window is 180 to 120 days before expiry (both
days in), superseded certificates are no task, and every council shows the files taken from it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from ocop_desktop.domain.enums import CertificateStatus, CouncilLevel, ResultStatus
from ocop_desktop.models import CriteriaSnapshot
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.exchange_file import fingerprint
from ocop_desktop.scoring.certificates import (
    REEVALUATION_WINDOW_CLOSES_DAYS,
    REEVALUATION_WINDOW_OPENS_DAYS,
    reevaluation_window,
)
from ocop_desktop.services import province, queries
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round, verify_exchange
from ocop_desktop.services.exchange_import import import_files
from ocop_desktop.services.province import province_view
from tests.province_data import build_sample_province, province_rows

TODAY = dt.date(2026, 11, 22)
UTC = dt.UTC


def _by_name(view: province.ProvinceView) -> dict[str, province.ProductLine]:
    return {p.name: p for p in view.products}


def test_the_window_is_the_decrees_180_to_120_days() -> None:
    assert (REEVALUATION_WINDOW_OPENS_DAYS, REEVALUATION_WINDOW_CLOSES_DAYS) == (180, 120)
    assert reevaluation_window(dt.date(2027, 6, 30)) == (dt.date(2027, 1, 1), dt.date(2027, 3, 2))


def test_the_latest_approved_result_gives_the_current_stars(empty_db: Database) -> None:
    with province_rows(empty_db) as b:
        district = b.council("Hội đồng huyện Đại Từ", level=CouncilLevel.DISTRICT)
        provincial = b.council("Hội đồng tỉnh Thái Nguyên")
        r2023 = b.round(district, "Đợt 1 năm 2023", 2023)
        r2026 = b.round(provincial, "Đợt 2 năm 2026", 2026)
        r2026b = b.round(provincial, "Đợt 3 năm 2026", 2026)
        lowered = b.product("Chè búp Tân Cương", sheet_id="QD26-2026-11")
        b.evaluate(r2023, lowered, stars=4)
        b.evaluate(r2026, lowered, stars=3)
        pending_again = b.product("Mứt gừng Bàu Đá")
        b.evaluate(r2023, pending_again, stars=4)
        b.evaluate(r2026, pending_again, stars=5, approved=False)
        same_year = b.product("Bánh chưng Bờ Đậu", sheet_id="QD26-2026-06")
        b.evaluate(r2026b, same_year, stars=4, approved_at=dt.datetime(2026, 12, 1, tzinfo=UTC))
        b.evaluate(r2026, same_year, stars=3, approved_at=dt.datetime(2026, 10, 1, tzinfo=UTC))
        never = b.product("Rượu trắng Làng Vân", sheet_id="QD26-2026-14")
        b.evaluate(r2026, never, stars=4, approved=False)
        eliminated = b.product("Giỏ mây đan", sheet_id="QD26-2026-21")
        b.evaluate(r2026, eliminated, stars=None, status=ResultStatus.ELIMINATED)
        b.product("Mật ong bạc hà", sheet_id="QD26-2026-04")  # registered, no dossier yet
    lines = _by_name(province_view(empty_db, today=TODAY))
    assert (lines["Chè búp Tân Cương"].stars, lines["Chè búp Tân Cương"].year) == (3, 2026)
    assert lines["Chè búp Tân Cương"].council == "Hội đồng tỉnh Thái Nguyên"
    assert (lines["Mứt gừng Bàu Đá"].stars, lines["Mứt gừng Bàu Đá"].year) == (4, 2023)
    assert lines["Mứt gừng Bàu Đá"].council == "Hội đồng huyện Đại Từ"
    assert (lines["Bánh chưng Bờ Đậu"].stars, lines["Bánh chưng Bờ Đậu"].round_name) == (4, "Đợt 3 năm 2026")
    never_line = lines["Rượu trắng Làng Vân"]
    assert (never_line.approved, never_line.stars, never_line.year) == (False, None, 2026)
    assert (lines["Giỏ mây đan"].approved, lines["Giỏ mây đan"].stars) == (True, None)
    assert lines["Giỏ mây đan"].result_status is ResultStatus.ELIMINATED
    assert (lines["Mật ong bạc hà"].approved, lines["Mật ong bạc hà"].year, lines["Mật ong bạc hà"].council) == (
        False,
        None,
        "",
    )


def test_counts_agree_with_the_list(empty_db: Database) -> None:
    with province_rows(empty_db) as b:
        council = b.council("Hội đồng tỉnh Thái Nguyên")
        r2025 = b.round(council, "Đợt 1 năm 2025", 2025)
        r2026 = b.round(council, "Đợt 1 năm 2026", 2026)
        for name, sheet, commune, rnd, stars in (
            ("Chè búp", "QD26-2026-11", "05503", r2025, 4),
            ("Chè móc câu", "QD26-2026-11", "05503", r2026, 3),
            ("Chè xanh", "QD26-2026-11", "05611", r2026, 3),
            ("Mứt gừng", "QD26-2026-07", "05611", r2026, 5),
            ("Miến dong", "QD26-2026-06", "01912", r2026, 2),
        ):
            b.evaluate(rnd, b.product(name, sheet_id=sheet, commune=commune, producer=f"Chủ thể {name}"), stars=stars)
        b.product("Không rõ địa chỉ", commune=None, province=None, producer="Chủ thể không rõ")
    view = province_view(empty_db, today=TODAY)
    assert view.by_stars == ((5, 1), (4, 1), (3, 2), (2, 1), (None, 1))
    groups = {t.label: (t.total, t.count(3)) for t in view.by_group}
    assert groups == {
        "Chè tươi, chè chế biến": (3, 2),
        "Chế biến từ rau, củ, quả, hạt": (2, 0),
        "Chế biến từ gạo, ngũ cốc": (1, 0),
    }
    assert view.by_group[0].label == "Chè tươi, chè chế biến"  # largest first
    communes = {t.label: t.total for t in view.by_commune}
    assert communes == {
        "Xã Tân Cương, Tỉnh Thái Nguyên": 2,
        "Xã Phú Lương, Tỉnh Thái Nguyên": 2,
        "Xã Chợ Rã, Tỉnh Thái Nguyên": 1,
        "": 1,
    }
    assert view.by_commune[-1].key == province.UNKNOWN  # unknown last
    assert [(t.label, t.total) for t in view.by_province] == [("Tỉnh Thái Nguyên", 5), ("", 1)]
    assert [(t.label, t.total) for t in view.by_year] == [("2026", 4), ("2025", 1), ("", 1)]
    for tallies in (view.by_group, view.by_province, view.by_commune, view.by_year):
        assert sum(t.total for t in tallies) == len(view.products)


def test_a_provincial_variant_sheet_is_named_from_its_stored_copy(empty_db: Database) -> None:
    with empty_db.transaction() as s:
        s.add(
            CriteriaSnapshot(
                sha256="0" * 64,
                kind="sheet",
                version_id="QD26-2026",
                sheet_id="TN-2026-01",
                content=json.dumps({"sheet_id": "TN-2026-01", "title": "Chè Thái Nguyên (phiếu của tỉnh)"}),
            )
        )
    with province_rows(empty_db) as b:
        b.product("Chè đinh", sheet_id="TN-2026-01")
    assert province_view(empty_db, today=TODAY).products[0].group == "Chè Thái Nguyên (phiếu của tỉnh)"


def test_the_reevaluation_window_edges_expiry_and_revocation(empty_db: Database) -> None:
    days = {
        "mở cửa sổ (180 ngày)": 180,
        "trước cửa sổ (181 ngày)": 181,
        "đóng cửa sổ (120 ngày)": 120,
        "quá hạn nộp (119 ngày)": 119,
        "hết hạn hôm nay": 0,
        "hết hạn hôm qua": -1,
    }
    with province_rows(empty_db) as b:
        council = b.council("Hội đồng tỉnh Thái Nguyên")
        rnd = b.round(council, "Đợt 1 năm 2023", 2023)
        for name, left in days.items():
            dossier = b.evaluate(rnd, b.product(name), stars=4)
            b.certify(dossier, issued=dt.date(2023, 11, 1), expiry=TODAY + dt.timedelta(days=left))
        revoked = b.evaluate(rnd, b.product("thu hồi, trong cửa sổ"), stars=3)
        b.certify(
            revoked, issued=dt.date(2023, 11, 1), expiry=TODAY + dt.timedelta(days=150), revoked=dt.date(2025, 3, 1)
        )
        renewed = b.product("đã đánh giá lại")
        b.certify(b.evaluate(rnd, renewed, stars=4), issued=dt.date(2023, 11, 1), expiry=TODAY - dt.timedelta(days=30))
        again = b.round(council, "Đợt 1 năm 2026", 2026)
        b.certify(b.evaluate(again, renewed, stars=4), issued=dt.date(2026, 10, 1))
    view = province_view(empty_db, today=TODAY)
    assert [c.product for c in view.due] == ["đóng cửa sổ (120 ngày)", "mở cửa sổ (180 ngày)"]
    assert [c.days_left for c in view.due] == [120, 180]
    assert [c.product for c in view.window_missed] == ["hết hạn hôm nay", "quá hạn nộp (119 ngày)"]
    assert [c.product for c in view.expired] == ["hết hạn hôm qua"]
    assert [c.product for c in view.revoked] == ["thu hồi, trong cửa sổ"]
    assert view.revoked[0].revocation_decision == "99/QĐ-UBND"
    states = {p.name: p.certificate_state for p in view.products}
    assert states["hết hạn hôm qua"] is CertificateStatus.EXPIRED
    assert states["hết hạn hôm nay"] is CertificateStatus.VALID
    assert states["thu hồi, trong cửa sổ"] is CertificateStatus.REVOKED
    assert states["đã đánh giá lại"] is CertificateStatus.VALID  # the newer certificate, not the expired one
    # one day later the 180-day certificate is 179 days out (still due) and the 120-day one has missed the window
    later = province_view(empty_db, today=TODAY + dt.timedelta(days=1))
    assert [c.product for c in later.due] == ["mở cửa sổ (180 ngày)", "trước cửa sổ (181 ngày)"]


def test_councils_list_the_files_taken_from_them(empty_db: Database) -> None:
    with province_rows(empty_db) as b:
        dai_tu = b.council("Hội đồng huyện Đại Từ", level=CouncilLevel.DISTRICT)
        tinh = b.council("Hội đồng tỉnh Thái Nguyên")
        b.council("Hội đồng chưa gửi tệp")
        r1 = b.round(dai_tu, "Đợt 1 năm 2024", 2024)
        r2 = b.round(tinh, "Đợt 2 năm 2026", 2026)
        b.evaluate(r1, b.product("Chè búp"), stars=3)
        b.exchange_file(
            r1,
            dai_tu,
            file_name="dai-tu-2024.ocop",
            key_accepted=True,
            imported_at=dt.datetime(2026, 1, 5, tzinfo=UTC),
            meeting_sha256="ab12" * 16,
        )
        b.exchange_file(
            r2,
            tinh,
            file_name="tinh-2026-lan-1.ocop",
            issuer="UBND tỉnh Thái Nguyên",
            imported_at=dt.datetime(2026, 11, 1, tzinfo=UTC),
        )
        newest = b.exchange_file(
            r2,
            tinh,
            file_name="tinh-2026-lan-2.ocop",
            revision=2,
            issuer="UBND tỉnh Thái Nguyên",
            imported_at=dt.datetime(2026, 11, 20, tzinfo=UTC),
            changes={"results": {"new": 0, "changed": 2, "removed": 0}, "certificates": {"new": 5}},
        )
    councils = {c.name: c for c in province_view(empty_db, today=TODAY).councils}
    assert list(councils) == ["Hội đồng chưa gửi tệp", "Hội đồng huyện Đại Từ", "Hội đồng tỉnh Thái Nguyên"]
    assert councils["Hội đồng chưa gửi tệp"].files == ()
    dai_tu_line = councils["Hội đồng huyện Đại Từ"]
    assert (dai_tu_line.rounds, dai_tu_line.products, dai_tu_line.level) == (1, 1, "huyen")
    accepted = dai_tu_line.files[0]
    assert (accepted.key_accepted, accepted.issuer, accepted.round_name) == (True, "", "Đợt 1 năm 2024")
    assert accepted.fingerprint == fingerprint("ab12" * 16)  # the meeting's data, when the manifest carries it
    files = councils["Hội đồng tỉnh Thái Nguyên"].files
    assert [(f.file_name, f.revision) for f in files] == [("tinh-2026-lan-2.ocop", 2), ("tinh-2026-lan-1.ocop", 1)]
    with empty_db.reading() as s:
        from ocop_desktop.models import ExchangeImport

        row = s.get(ExchangeImport, newest)
        assert row is not None
        assert files[0].fingerprint == fingerprint(row.content_sha256)  # a file from before meeting_sha256
        assert files[0].key_id == row.key_id
    assert files[0].changes == (5, 2, 0)


def test_the_demo_round_built_by_the_services(demo_db: Database) -> None:
    view = province_view(demo_db, today=dt.date(2026, 11, 22))
    round_id = queries.list_rounds(demo_db)[0].round_id
    approved = {
        d.product_name: d.stars for d in queries.round_view(demo_db, round_id, actor=SYSTEM).dossiers if d.locked
    }
    referred = {p.name for p in view.products if p.referred_central}
    assert referred == {"Chè đinh La Bằng"}  # 5★, proposed to the central level: not a 5★ product of the province
    assert {p.name: p.stars for p in view.products} == {n: None if n in referred else s for n, s in approved.items()}
    assert approved["Chè đinh La Bằng"] == 5 and view.referred_waiting == 1 and 5 not in dict(view.by_stars)
    certified = [p for p in view.products if p.certificate_number]
    assert len(certified) == 10 and all(p.certificate_state is CertificateStatus.VALID for p in certified)
    assert all(p.certificate_expiry == dt.date(2029, 11, 2) for p in certified)
    assert {p.stars for p in view.products if not p.certificate_number} == {2, None}  # below 3★; the central level's
    assert {p.group for p in view.products} >= {"Chè tươi, chè chế biến", "Thủ công mỹ nghệ"}
    assert {p.commune for p in view.products} == {
        "Xã Tân Cương",
        "Xã Phú Lương",
        "Xã La Bằng",
        "Xã Nam Cường",
        "Xã Na Rì",
        "Xã Ba Bể",
        "Xã Bằng Thành",
    }
    assert [c.name for c in view.councils] == ["Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên"]
    assert view.due == view.expired == view.revoked == ()


@pytest.fixture
def statements(empty_db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(empty_db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(empty_db.engine, "before_cursor_execute", count)


def test_the_number_of_queries_does_not_grow_with_the_products(empty_db: Database, statements: list[str]) -> None:
    build_sample_province(empty_db, products=20)
    statements.clear()
    province_view(empty_db, today=TODAY)
    few = len(statements)
    with province_rows(empty_db) as b:
        council = b.council("Hội đồng thêm")
        rnd = b.round(council, "Đợt thêm", 2025)
        for index in range(300):
            dossier = b.evaluate(rnd, b.product(f"Sản phẩm {index}", producer=f"Chủ thể {index}"), stars=3)
            b.certify(dossier, issued=dt.date(2025, 5, 1))
            b.exchange_file(rnd, council, file_name=f"{index}.ocop", revision=index + 1)
    statements.clear()
    view = province_view(empty_db, today=TODAY)
    assert len(view.products) == 320
    assert len(statements) == few <= 8


def test_the_workbook_of_a_filtered_list_counts_what_it_lists(empty_db: Database, tmp_path: Path) -> None:
    build_sample_province(empty_db, products=60)
    view = province_view(empty_db, today=TODAY)
    four = [p for p in view.products if p.stars == 4]
    path = province.write_workbook(view, tmp_path / "4-sao.xlsx", products=four, filters="4 sao")
    book = load_workbook(path)
    sheet = book["Danh sách sản phẩm"]
    assert sheet["A2"].value == f"Tính đến ngày 22/11/2026 — {len(four)} sản phẩm — lọc: 4 sao"
    assert [r[1] for r in sheet.iter_rows(min_row=4, values_only=True)] == [p.name for p in four]
    everything = next(r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[0] == "Toàn tỉnh")
    assert everything[1:] == (0, len(four), 0, 0, 0, 0, len(four))  # (the sixth: proposed to the central level)


def test_a_round_taken_in_through_the_import_pipeline(demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    """The demo round exported as a signed file and imported into a province file: the page's picture is the
    council's, and the file carries the Mã xác thực that `verify` prints, signed by this installation."""
    round_id = queries.list_rounds(demo_db)[0].round_id
    exported = export_round(demo_db, actor=SYSTEM, round_id=round_id, out=tmp_path / "dot-2.ocop")
    report = import_files(empty_db, [exported.path], actor=SYSTEM)
    assert report.ok, [p.code for r in report.files for p in r.problems]
    council_view = province_view(demo_db, today=TODAY)
    view = province_view(empty_db, today=TODAY)
    assert {(p.name, p.stars, p.certificate_number) for p in view.products} == {
        (p.name, p.stars, p.certificate_number) for p in council_view.products
    }
    (council,) = view.councils
    (taken,) = council.files
    assert taken.fingerprint == verify_exchange(exported.path).fingerprint == exported.fingerprint
    assert (taken.file_name, taken.revision, taken.issuer, taken.key_accepted) == ("dot-2.ocop", 1, "", False)
    assert "chính cài đặt này" in "\n".join(province.summary_lines(view, "vi"))
