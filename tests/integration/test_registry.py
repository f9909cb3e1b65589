"""Producers, products and dossiers: validation with the field named, 2025 administrative units, product codes,
attachments, settings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ocop_desktop.domain.enums import LegalForm
from ocop_desktop.domain.errors import Conflict, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import Product
from ocop_desktop.persistence import backup
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import registry, settings
from ocop_desktop.services.actor import SYSTEM


def test_producer_fields_are_checked_with_their_names(empty_db: Database) -> None:
    with pytest.raises(ValidationFailed) as info:
        registry.create_producer(
            empty_db,
            actor=SYSTEM,
            name=" ",
            legal_form=LegalForm.SME,
            phone="12345",
            email="khong-hop-le",
            province_code="1",
        )
    sentences = [describe(p) for p in info.value.problems]
    assert sentences == [
        "Chưa điền «tên»",
        "Trường «điện thoại»: số điện thoại «12345» không hợp lệ",
        "Trường «thư điện tử»: địa chỉ thư điện tử «khong-hop-le» không hợp lệ",
        "Trường «tỉnh, thành phố»: mã đơn vị hành chính «1» phải gồm 2 chữ số",
    ]


def test_address_uses_the_2025_units(empty_db: Database) -> None:
    ok = registry.create_producer(
        empty_db,
        actor=SYSTEM,
        name="HTX Chè",
        legal_form=LegalForm.COOPERATIVE,
        province_code="19",
        commune_code="05503",
        phone="0912 345 678",
        email="htx@example.vn",
    )
    assert ok
    for province, commune, code in (
        ("99", None, "registry.unknown_province"),
        ("19", "99999", "registry.unknown_commune"),
        ("01", "05503", "registry.commune_elsewhere"),
    ):
        with pytest.raises(ValidationFailed) as info:
            registry.create_producer(
                empty_db, actor=SYSTEM, name="X", legal_form=LegalForm.SME, province_code=province, commune_code=commune
            )
        assert info.value.problems[0].code == code
    with pytest.raises(ValidationFailed) as info:
        registry.create_producer(
            empty_db, actor=SYSTEM, name="X", legal_form=LegalForm.SME, province_code="01", commune_code="05503"
        )
    assert "Xã Tân Cương thuộc Tỉnh Thái Nguyên" in describe(info.value.problems[0])


def test_product_codes_per_commune_and_year_and_historic_codes(empty_db: Database) -> None:
    producer = registry.create_producer(
        empty_db, actor=SYSTEM, name="HTX", legal_form=LegalForm.COOPERATIVE, province_code="19", commune_code="05503"
    )
    first = registry.create_product(
        empty_db, actor=SYSTEM, producer_id=producer, name="Chè", sheet_id="QD26-2026-11", year=2026
    )
    second = registry.create_product(
        empty_db, actor=SYSTEM, producer_id=producer, name="Trà", sheet_id="QD26-2026-12", year=2026
    )
    next_year = registry.create_product(
        empty_db, actor=SYSTEM, producer_id=producer, name="Mật", sheet_id="QD26-2026-04", year=2027
    )
    assert (first.code, second.code, next_year.code) == ("19-05503-1-2026", "19-05503-2-2026", "19-05503-1-2027")
    historic = registry.create_product(
        empty_db, actor=SYSTEM, producer_id=producer, name="Cũ", sheet_id="QD26-2026-11", code="83-829-28780-3-2022"
    )
    assert historic.code == "83-829-28780-3-2022"
    with pytest.raises(Conflict):
        registry.update_product(empty_db, actor=SYSTEM, product_id=historic.product_id, code="19-05503-1-2026")
    registry.update_product(
        empty_db, actor=SYSTEM, product_id=historic.product_id, code="19-05503-7-2024", name="Chè cũ"
    )
    with empty_db.reading() as s:
        row = s.get(Product, historic.product_id)
        assert row is not None and (row.code_seq, row.code_year, row.name) == (7, 2024, "Chè cũ")
    with pytest.raises(ValidationFailed):
        registry.create_product(empty_db, actor=SYSTEM, producer_id=producer, name="X", sheet_id="QD26-2026-99")


def test_attachments_are_typed_by_content_and_limited(demo_db: Database) -> None:
    from ocop_desktop.models import Dossier

    with demo_db.reading() as s:
        dossier = s.scalars(select(Dossier.id).order_by(Dossier.agenda_order)).first()  # sheet 11: it has 6.1
    assert dossier is not None
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    added = registry.add_attachment(demo_db, actor=SYSTEM, dossier_id=dossier, filename="Ảnh sản phẩm.png", content=png)
    assert added.media_type == "image/png" and added.size == 108
    name, media_type, content = registry.attachment_content(demo_db, actor=SYSTEM, attachment_id=added.attachment_id)
    assert (name, media_type, content) == ("Ảnh sản phẩm.png", "image/png", png)
    registry.link_evidence(demo_db, actor=SYSTEM, attachment_id=added.attachment_id, item_id="6.1")
    for filename, content, code in (
        ("virus.exe", b"MZ\x90\x00" * 10, "attachment.executable"),
        ("Phieu-dang-ky.pdf.exe", b"MZ\x90\x00" * 10, "attachment.executable"),
        ("Phieu-dang-ky.exe.pdf", b"%PDF-1.4 " * 10, "attachment.double_extension"),
        ("Phieu-dang-ky.png", b"%PDF-1.4 " * 10, "attachment.extension_mismatch"),
        ("Phieu-dang-ky", b"%PDF-1.4 " * 10, "attachment.extension_mismatch"),
        ("cai-dat.pdf", b"#!/bin/sh\nrm -rf ~\n", "attachment.executable"),
        ("ghi-chu.txt", b"just text", "registry.attachment_type"),
        ("rong.pdf", b"", "registry.attachment_empty"),
        ("to.pdf", b"%PDF-" + b"0" * (25 * 1024 * 1024), "registry.attachment_too_big"),
    ):
        with pytest.raises(ValidationFailed) as info:
            registry.add_attachment(demo_db, actor=SYSTEM, dossier_id=dossier, filename=filename, content=content)
        assert info.value.problems[0].code == code
    registry.set_advisory_report(
        demo_db, actor=SYSTEM, dossier_id=dossier, report="Tổ tư vấn đã khảo sát cơ sở sản xuất."
    )


def test_dossier_rule_version_follows_submission_date(empty_db: Database) -> None:
    from ocop_desktop.domain.enums import CouncilLevel, RegistrationType
    from ocop_desktop.services import round_setup

    council = round_setup.create_council(
        empty_db, actor=SYSTEM, name="HĐ", level=CouncilLevel.PROVINCE, issuing_body="UBND"
    )
    rnd = round_setup.create_round(
        empty_db, actor=SYSTEM, council_id=council, name="Đợt 1", year=2026, rule_version_id="QD26-2026"
    )
    producer = registry.create_producer(empty_db, actor=SYSTEM, name="HTX", legal_form=LegalForm.COOPERATIVE)
    product = registry.create_product(empty_db, actor=SYSTEM, producer_id=producer, name="Chè", sheet_id="QD26-2026-11")
    with pytest.raises(ValidationFailed) as info:
        registry.create_dossier(
            empty_db,
            actor=SYSTEM,
            round_id=rnd,
            product_id=product.product_id,
            registration_type=RegistrationType.FIRST,
            submission_date=dt.date(2026, 5, 21),
        )
    assert "QD148-2023" in describe(info.value.problems[0])
    assert registry.create_dossier(
        empty_db,
        actor=SYSTEM,
        round_id=rnd,
        product_id=product.product_id,
        registration_type=RegistrationType.FIRST,
        submission_date=dt.date(2026, 5, 22),
    )


def test_settings_have_defaults_and_checks(empty_db: Database) -> None:
    assert settings.get_settings(empty_db)["certificate_prefix"] == "GCN-OCOP"
    settings.set_setting(empty_db, actor=SYSTEM, key="issuing_body", value="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN")
    assert settings.get_settings(empty_db)["issuing_body"] == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    with pytest.raises(ValidationFailed):
        settings.set_setting(empty_db, actor=SYSTEM, key="province_code", value="1234")
    with pytest.raises(ValidationFailed):
        settings.set_setting(empty_db, actor=SYSTEM, key="khong_co", value="x")


def test_opening_an_existing_file_makes_the_days_backup_once(empty_db: Database) -> None:
    path = empty_db.path
    empty_db.close()
    for _ in range(3):
        Database.open(path).close()
    daily = [p for p in backup.list_backups(path) if p.name.endswith("hang-ngay.ocopdb")]
    assert len(daily) == 1 and backup.check_file(daily[0]).ok


def test_council_member_round_and_dossier_edits_are_audited(demo_db: Database) -> None:
    from ocop_desktop.domain.enums import MemberRole, RegistrationType
    from ocop_desktop.models import AuditEvent, Council, CouncilMember, Dossier, Round
    from ocop_desktop.services import round_setup

    with demo_db.reading() as s:
        council = s.scalars(select(Council.id)).one()
        member = s.scalars(select(CouncilMember.id).where(CouncilMember.role == MemberRole.MEMBER)).first()
        rnd = s.scalars(select(Round.id)).one()
        dossier = s.scalars(select(Dossier.id).where(Dossier.agenda_order == 1)).first()
    assert member is not None and dossier is not None
    round_setup.update_council(demo_db, actor=SYSTEM, council_id=council, quorum_numerator=3, quorum_denominator=4)
    with pytest.raises(ValidationFailed):
        round_setup.update_council(demo_db, actor=SYSTEM, council_id=council, quorum_numerator=5)
    with pytest.raises(Conflict):
        round_setup.update_member(demo_db, actor=SYSTEM, member_id=member, role=MemberRole.CHAIR)
    round_setup.update_member(demo_db, actor=SYSTEM, member_id=member, position="Giám đốc Sở Công Thương")
    round_setup.update_round(demo_db, actor=SYSTEM, round_id=rnd, spread_limit="12,5", place="Hội trường A")
    with pytest.raises(ValidationFailed):
        round_setup.update_round(demo_db, actor=SYSTEM, round_id=rnd, spread_limit="mười")
    with pytest.raises(Conflict) as taken:  # the demo's twelve dossiers hold 1–12
        registry.update_dossier(demo_db, actor=SYSTEM, dossier_id=dossier, agenda_order=9)
    assert "Số thứ tự 9 trong chương trình họp đã là của sản phẩm «" in describe(taken.value.problems[0])
    with pytest.raises(ValidationFailed):
        registry.update_dossier(demo_db, actor=SYSTEM, dossier_id=dossier, agenda_order=0)
    registry.update_dossier(
        demo_db, actor=SYSTEM, dossier_id=dossier, registration_type=RegistrationType.RE_EVALUATION, agenda_order=20
    )
    with demo_db.reading() as s:
        changes = select(AuditEvent).where(AuditEvent.action != "seal")  # not the seals of the rows changed
        actions = [e.action for e in s.scalars(changes.order_by(AuditEvent.seq.desc()).limit(4))]
        assert s.get(Round, rnd).spread_limit == "12.5"  # type: ignore[union-attr]
        assert s.get(Dossier, dossier).agenda_order == 20  # type: ignore[union-attr]
    assert actions == ["update_dossier", "update_round", "update_member", "update_council"]
