"""Issue 16 point 4: the decree's rules the services wrote for themselves, now one function each in `scoring/`:
which products a council proposes for its own recognition decision, and a certificate's re-evaluation window
(QĐ 26/2026/QĐ-TTg Điều 7.6)."""

from __future__ import annotations

import datetime as dt

import pytest

from ocop_desktop.domain.enums import CouncilLevel
from ocop_desktop.scoring.authority import AboveAuthority
from ocop_desktop.scoring.certificates import Reevaluation, proposed_for_recognition, reevaluation
from ocop_desktop.scoring.engine import star_minimums_checked
from ocop_desktop.scoring.versions import RuleVersion
from ocop_desktop.services.criteria_catalogue import list_sheets, load_sheet, rule_version

D, P = CouncilLevel.DISTRICT, CouncilLevel.PROVINCE
WAIT, WITHIN = AboveAuthority.REFER_AND_WAIT, AboveAuthority.RECOGNISE_WITHIN_AUTHORITY
V1048, V148, V26 = (rule_version(v) for v in ("QD1048-2019", "QD148-2023", "QD26-2026"))


@pytest.mark.parametrize(
    ("version", "council", "day", "result", "proposed"),
    [
        (V26, (P, WAIT), dt.date(2026, 10, 1), (True, True, 3), True),
        (V26, (P, WAIT), dt.date(2026, 10, 1), (True, True, 4), True),
        (V26, (P, WAIT), dt.date(2026, 10, 1), (True, True, 5), False),  # the central level's
        (V26, (P, WAIT), dt.date(2026, 10, 1), (False, True, 4), False),  # not approved yet
        (V26, (P, WAIT), dt.date(2026, 10, 1), (True, False, 2), False),  # no certificate below 3★
        (V26, (P, WAIT), dt.date(2026, 10, 1), (True, True, None), False),  # eliminated
        (V148, (D, WAIT), dt.date(2024, 5, 10), (True, True, 3), True),  # QĐ 148: the district recognises 3★ …
        (V148, (D, WAIT), dt.date(2024, 5, 10), (True, True, 4), False),  # … and 4★ is the province's
        (V148, (P, WAIT), dt.date(2024, 5, 10), (True, True, 3), False),
        (V148, (P, WAIT), dt.date(2024, 5, 10), (True, True, 4), True),
        (V148, (D, WAIT), dt.date(2025, 7, 6), (True, True, 3), False),  # from 6/7/2025 the districts are gone
        (V148, (P, WAIT), dt.date(2025, 7, 6), (True, True, 3), True),
        (V1048, (P, WAIT), dt.date(2020, 6, 30), (True, True, 4), True),
        (V1048, (P, WAIT), dt.date(2020, 6, 30), (True, True, 5), False),
        # recognise_within_authority: a star above the council's authority brings the highest star within it
        (V26, (P, WITHIN), dt.date(2026, 10, 1), (True, True, 5), True),
        (V26, (P, WITHIN), dt.date(2026, 10, 1), (False, True, 5), False),  # not approved yet
        (V148, (D, WITHIN), dt.date(2024, 5, 10), (True, True, 4), True),  # the district recognises 3★ now
        (V148, (P, WITHIN), dt.date(2024, 5, 10), (True, True, 3), False),  # a lower level's star: never
    ],
)
def test_which_products_a_council_proposes_for_its_own_decision(
    version: RuleVersion,
    council: tuple[CouncilLevel, AboveAuthority],
    day: dt.date,
    result: tuple[bool, bool, int | None],
    proposed: bool,
) -> None:
    """`council`: (level, policy above its authority); `result`: (approved, certifiable, stars)."""
    level, policy = council
    approved, certifiable, stars = result
    answer = proposed_for_recognition(
        version,
        council_level=level,
        policy=policy,
        day=day,
        approved=approved,
        certifiable=certifiable,
        stars=stars,
    )
    assert answer is proposed


EXPIRY = dt.date(2027, 6, 30)  # the window: 1/1/2027 (180 days before) to 2/3/2027 (120 days before)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (dt.date(2026, 12, 31), Reevaluation.NOT_YET),
        (dt.date(2027, 1, 1), Reevaluation.DUE),
        (dt.date(2027, 2, 1), Reevaluation.DUE),
        (dt.date(2027, 3, 2), Reevaluation.DUE),
        (dt.date(2027, 3, 3), Reevaluation.WINDOW_MISSED),
        (EXPIRY, Reevaluation.WINDOW_MISSED),  # the expiry day is still valid
        (dt.date(2027, 7, 1), Reevaluation.EXPIRED),
    ],
)
def test_the_reevaluation_window_of_article_7_6(today: dt.date, state: Reevaluation) -> None:
    assert reevaluation(EXPIRY, today) is state


@pytest.mark.parametrize(
    ("version_id", "checked"),
    [("QD1048-2019", False), ("QD26-2026", True)],
)
def test_only_the_1048_sheets_carry_no_star_minimums(version_id: str, checked: bool) -> None:
    """Point 6: QĐ 781/2020's minimums are not in the data, so every 1048 result is by points alone (and says so);
    every QĐ 26 sheet has its minimums checked."""
    sheets = [load_sheet(version_id, s.sheet_id) for s in list_sheets(version_id)]
    assert sheets
    assert {star_minimums_checked(sheet) for sheet in sheets} == {checked}
