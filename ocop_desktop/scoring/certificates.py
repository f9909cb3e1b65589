"""The decree's rules about recognition and certificates that services used to write for themselves: which
products a council proposes for its own recognition decision, and the re-evaluation window of a certificate
(QĐ 26/2026/QĐ-TTg Điều 7.6). Pure: dates and rule-version data in, answers out."""

from __future__ import annotations

import datetime as dt
import enum

from ocop_desktop.domain.enums import CouncilLevel
from ocop_desktop.scoring.authority import AboveAuthority, RecognitionNow, recognition_now
from ocop_desktop.scoring.versions import RuleVersion

AUTHORITY = {
    CouncilLevel.COMMUNE: "commune",
    CouncilLevel.DISTRICT: "district",
    CouncilLevel.PROVINCE: "province",
    CouncilLevel.CENTRAL: "central",
}
"""A council's level as the rule versions' recognition tables name it (`versions.json`, "levels")."""


def council_recognition(
    version: RuleVersion,
    *,
    council_level: CouncilLevel,
    policy: AboveAuthority,
    day: dt.date,
    certifiable: bool,
    stars: int | None,
) -> RecognitionNow:
    """What the decision of a council of `council_level` taken on `day` does for a product: the star it recognises
    now and the level it refers the product to, under the version's recognition table on that day and the
    council's policy above its authority (`scoring.authority`)."""
    period = version.recognition_on(day)
    levels = period.levels if period is not None else {}
    return recognition_now(stars, certifiable, levels, AUTHORITY[council_level], policy)


def proposed_for_recognition(
    version: RuleVersion,
    *,
    council_level: CouncilLevel,
    policy: AboveAuthority,
    day: dt.date,
    approved: bool,
    certifiable: bool,
    stars: int | None,
) -> bool:
    """Whether the council proposes the product for its own recognition decision taken on `day`: the result is
    approved (locked) and the decision recognises a star for it (`council_recognition`): its own star when the
    council's level recognises it that day, or, under `recognise_within_authority`, the highest star within the
    council's authority while the product is referred higher. Anything else goes elsewhere or is not recognised."""
    if not approved:
        return False
    now = council_recognition(
        version, council_level=council_level, policy=policy, day=day, certifiable=certifiable, stars=stars
    )
    return now.recognised_stars is not None


REEVALUATION_WINDOW_OPENS_DAYS = 180
REEVALUATION_WINDOW_CLOSES_DAYS = 120
"""QĐ 26/2026/QĐ-TTg Điều 7.6: the re-evaluation dossier is submitted not earlier than 180 days and not later than
120 days before the certificate expires (both ends in)."""


class Reevaluation(enum.StrEnum):
    """Where a valid certificate stands against its re-evaluation window on a given day."""

    NOT_YET = "not_yet"  # more than 180 days left
    DUE = "due"  # inside the window
    WINDOW_MISSED = "window_missed"  # fewer than 120 days left, not expired yet
    EXPIRED = "expired"


def reevaluation_window(expiry: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a re-evaluation dossier may be submitted for a certificate expiring on `expiry`."""
    return (
        expiry - dt.timedelta(days=REEVALUATION_WINDOW_OPENS_DAYS),
        expiry - dt.timedelta(days=REEVALUATION_WINDOW_CLOSES_DAYS),
    )


def reevaluation(expiry: dt.date, today: dt.date) -> Reevaluation:
    """The certificate's re-evaluation state on `today` (the expiry day itself is still valid)."""
    first, last = reevaluation_window(expiry)
    if today > expiry:
        return Reevaluation.EXPIRED
    if today > last:
        return Reevaluation.WINDOW_MISSED
    if today >= first:
        return Reevaluation.DUE
    return Reevaluation.NOT_YET
