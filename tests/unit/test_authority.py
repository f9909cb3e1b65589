"""Policy ABOVE_AUTHORITY (scoring/authority.py): the star a council recognises now and what it refers higher."""

from __future__ import annotations

import datetime as dt

import pytest

from ocop_desktop.scoring.authority import AboveAuthority, recognition_now
from ocop_desktop.services.criteria_catalogue import rule_version

WAIT = AboveAuthority.REFER_AND_WAIT
WITHIN = AboveAuthority.RECOGNISE_WITHIN_AUTHORITY
QD26 = rule_version("QD26-2026").recognition_on(dt.date(2026, 9, 1))
QD148_DISTRICT_ERA = rule_version("QD148-2023").recognition_on(dt.date(2025, 3, 1))  # district 3★, province 4★
QD148_AFTER_1489 = rule_version("QD148-2023").recognition_on(dt.date(2025, 9, 1))  # province 3★–4★, commune none


CASES = [
    # (period, council level, final stars, certifiable, policy) → (recognised now, referred to)
    ("QD26", "province", 5, True, WAIT, None, "central"),  # today's behaviour: no provincial certificate
    ("QD26", "province", 5, True, WITHIN, 4, "central"),  # Hà Nội 2024: "tiềm năng 5 sao" certified 4★
    ("QD26", "province", 4, True, WAIT, 4, None),
    ("QD26", "province", 4, True, WITHIN, 4, None),
    ("QD26", "province", 3, True, WITHIN, 3, None),
    ("QD26", "province", 2, False, WITHIN, None, None),  # 1★–2★: nothing recognised, nothing referred
    ("QD26", "province", None, False, WITHIN, None, None),  # eliminated / stopped
    ("QD26", "commune", 4, True, WITHIN, None, "province"),  # the commune only pre-assesses: nothing within
    ("QD26", "central", 5, True, WAIT, 5, None),
    ("QD148-district", "district", 4, True, WAIT, None, "province"),
    ("QD148-district", "district", 4, True, WITHIN, 3, "province"),  # Hội An 2025: 3★ certified, 4★ proposed
    ("QD148-district", "district", 5, True, WITHIN, 3, "central"),
    ("QD148-district", "district", 3, True, WAIT, 3, None),
    ("QD148-district", "province", 5, True, WITHIN, 4, "central"),
    ("QD148-district", "province", 3, True, WITHIN, None, None),  # the district's star: not this council's
    ("QD148-after", "province", 5, True, WITHIN, 4, "central"),
    ("QD148-after", "district", 4, True, WITHIN, None, "province"),  # no district authority after QĐ 1489
]
PERIODS = {"QD26": QD26, "QD148-district": QD148_DISTRICT_ERA, "QD148-after": QD148_AFTER_1489}


@pytest.mark.parametrize("case", CASES)
def test_the_star_recognised_now_and_the_referral(
    case: tuple[str, str, int | None, bool, AboveAuthority, int | None, str | None],
) -> None:
    period, level, stars, certifiable, policy, recognised, referred_to = case
    levels = PERIODS[period]
    assert levels is not None
    now = recognition_now(stars, certifiable, levels.levels, level, policy)
    assert (now.recognised_stars, now.referred_to, now.stars) == (recognised, referred_to, stars)
    assert now.referred is (referred_to is not None)


def test_a_recognised_star_is_always_within_the_councils_authority_and_below_the_result() -> None:
    for period in PERIODS.values():
        assert period is not None
        for level in ("commune", "district", "province", "central"):
            for stars in (3, 4, 5):
                for policy in AboveAuthority:
                    now = recognition_now(stars, True, period.levels, level, policy)
                    if now.recognised_stars is not None:
                        assert period.levels[now.recognised_stars] == level
                        assert now.recognised_stars <= stars
                    if policy is WAIT and now.referred:
                        assert now.recognised_stars is None
