"""Which star a council recognises now, and what it refers to a higher level: policy `ABOVE_AUTHORITY`.

A product whose star belongs to a higher level (5★ at a provincial council; 4★ at a district council under
QĐ 148 before 06/7/2025) is referred there. The texts leave open whether the council also recognises it now;
the council chooses (documented in `docs/scoring-rules.md`):

- `refer_and_wait`: no star now; the higher level decides (the application's first behaviour).
- `recognise_within_authority`: recognise now the highest star within the council's authority, and refer.
  Practice: Hà Nội 2024 certified "tiềm năng 5 sao" products (≥ 90) at 4★; Hội An 2025 (QĐ 148, district) certified
  3★ and proposed 4★ in one decision; QĐ 26/2026 Điều 7.4 lets the province recognise 3★ or 4★ when the central
  council gives under 90.

The star minimums accumulate (a product meeting the minimums of S meets those of every lower star, see
`Criterion.min_points_by_star`), so the highest star within authority at or below the final star has its
minimums met: no item averages are needed, and a stored result suffices.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

LEVEL_RANK = {"commune": 0, "district": 1, "province": 2, "central": 3}
"""Authority levels from the lowest; a level missing from a version's recognition table recognises nothing."""


class AboveAuthority(enum.StrEnum):
    REFER_AND_WAIT = "refer_and_wait"
    RECOGNISE_WITHIN_AUTHORITY = "recognise_within_authority"


@dataclass(frozen=True)
class RecognitionNow:
    """What the council's decision does for one product."""

    recognised_stars: int | None
    """The star this council recognises now (and certifies); None when it recognises none."""
    referred_to: str | None
    """The higher level the product is proposed to, for `stars`; None when nothing is referred."""
    stars: int | None
    """The product's final star (from the engine), which `referred_to` is asked to recognise."""

    @property
    def referred(self) -> bool:
        return self.referred_to is not None


def recognition_now(
    stars: int | None,
    certifiable: bool,
    levels: Mapping[int, str],
    council_level: str,
    policy: AboveAuthority,
) -> RecognitionNow:
    """The star a council of `council_level` recognises now for a product whose final star is `stars`.

    `levels` is the version's recognition table on the decision's date (star → level). Stars that belong to the
    council's level are recognised; stars of a higher level are referred there, with, under
    `recognise_within_authority`, the highest certifiable star of the council's own level below them recognised
    now. Stars of a lower level (a province council meeting on a district's 3★) are neither recognised nor referred.
    """
    if not certifiable or stars is None:
        return RecognitionNow(None, None, stars)
    owner = levels.get(stars)
    if owner == council_level:
        return RecognitionNow(stars, None, stars)
    if owner is None or LEVEL_RANK.get(owner, -1) <= LEVEL_RANK.get(council_level, -1):
        return RecognitionNow(None, None, stars)
    within = [s for s, level in levels.items() if level == council_level and s < stars]
    if policy is AboveAuthority.RECOGNISE_WITHIN_AUTHORITY and within:
        return RecognitionNow(max(within), owner, stars)
    return RecognitionNow(None, owner, stars)
