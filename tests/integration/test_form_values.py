"""Issue 14, point 3, in the forms' services: the same domains as the exchange import and the Excel imports — a
control character in a name, a year of 2^63−1, '²' in a time, a role nobody knows, a product code in digits
other than ASCII — each refused by field, with nothing stored (several of these crashed or were stored before)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.enums import CouncilLevel, LegalForm, MemberRole
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.models import Council, MeetingSession, Producer, Product, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import registry, round_setup, settings
from ocop_desktop.services.actor import SYSTEM


def _refused(call: object, field: str, code: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        call()  # type: ignore[operator]
    found = {(p.code, dict(p.location).get("field")) for p in info.value.problems}
    assert (code, field) in found, found


def _count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_round_set_up_fields_take_their_domains(empty_db: Database) -> None:
    council = round_setup.create_council(empty_db, actor=SYSTEM, name="Hội đồng", level=CouncilLevel.PROVINCE,
                                         issuing_body="UBND tỉnh")  # fmt: skip
    _refused(lambda: round_setup.create_council(empty_db, actor=SYSTEM, name="Hội\x00đồng",
                                                level=CouncilLevel.PROVINCE, issuing_body="UBND"),
             "name", "value.control_char")  # fmt: skip
    _refused(lambda: round_setup.create_council(empty_db, actor=SYSTEM, name="HĐ", level=CouncilLevel.PROVINCE,
                                                issuing_body="UBND", quorum=(2, 0)),
             "quorum_denominator", "setup.bad_quorum")  # fmt: skip
    _refused(lambda: round_setup.create_round(empty_db, actor=SYSTEM, council_id=council, name="Đợt 1",
                                              year=2**63 - 1, rule_version_id="QD26-2026"),
             "year", "value.out_of_range")  # fmt: skip
    _refused(lambda: round_setup.create_round(empty_db, actor=SYSTEM, council_id=council, name="Đợt 1", year=2026,
                                              rule_version_id="QD26-2026", spread_limit="1e9"),
             "spread_limit", "value.not_decimal")  # fmt: skip
    assert _count(empty_db, Round) == 0 and _count(empty_db, Council) == 1
    rnd = round_setup.create_round(empty_db, actor=SYSTEM, council_id=council, name="Đợt 1", year=2026,
                                   rule_version_id="QD26-2026", spread_limit="7,5")  # fmt: skip
    _refused(lambda: round_setup.add_meeting_session(empty_db, actor=SYSTEM, round_id=rnd, date=dt.date(2026, 9, 1),
                                                     opened_at="²:00"),
             "opened_at", "input.bad_time")  # fmt: skip
    assert _count(empty_db, MeetingSession) == 0
    member = round_setup.add_member(empty_db, actor=SYSTEM, council_id=council, full_name="Nguyễn Văn A",
                                    role=MemberRole.MEMBER)  # fmt: skip
    _refused(lambda: round_setup.update_member(empty_db, actor=SYSTEM, member_id=member, role="vua"),
             "role", "value.not_in_list")  # fmt: skip


def test_registry_fields_take_their_domains(empty_db: Database) -> None:
    _refused(lambda: registry.create_producer(empty_db, actor=SYSTEM, name="HTX\x00Chè", legal_form=LegalForm.SME),
             "name", "value.control_char")  # fmt: skip
    _refused(lambda: registry.create_producer(empty_db, actor=SYSTEM, name="HTX", legal_form=LegalForm.SME,
                                              province_code="²9"),
             "province_code", "registry.bad_admin_code")  # fmt: skip
    assert _count(empty_db, Producer) == 0
    producer = registry.create_producer(empty_db, actor=SYSTEM, name="HTX Chè", legal_form=LegalForm.SME)
    _refused(lambda: registry.create_product(empty_db, actor=SYSTEM, producer_id=producer, name="Chè\x1b[31m",
                                             sheet_id="QD26-2026-11"),
             "name", "value.control_char")  # fmt: skip
    assert _count(empty_db, Product) == 0
    for code in ("١٩-05503-1-2026", "19-05503-" + "9" * 5000 + "-2026"):  # Arabic-Indic digits, 5,000 digits
        made = registry.create_product(empty_db, actor=SYSTEM, producer_id=producer, name=f"Chè {len(code)}",
                                       sheet_id="QD26-2026-11", code=code[:64])  # fmt: skip
        with empty_db.reading() as s:
            product = s.get(Product, made.product_id)
            assert product is not None and product.code_seq is None  # kept as written, not read as a number


def test_settings_take_their_domains(empty_db: Database) -> None:
    """'²²' passed `isdigit()` as a province code and '²' as a spread limit; a control character as any text."""
    for key, value in (("province_code", "²²"), ("spread_limit", "²"), ("place_name", "Thái\x00Nguyên"),
                       ("certificate_prefix", "GCN\x1b")):  # fmt: skip
        with pytest.raises(ValidationFailed):
            settings.set_setting(empty_db, actor=SYSTEM, key=key, value=value)
    assert settings.get_settings(empty_db)["spread_limit"] == "10"
