"""What a product lacks for the next star: the points gap, the minimums it misses, and the criteria where it
has the most room to gain. Plain data; the documents put it in words the producer can act on."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ocop_desktop.scoring.catalogue import Criterion, Option, Sheet
from ocop_desktop.scoring.engine import ProductResult, ResultStatus, UnmetMinimum, minimums_unmet
from ocop_desktop.scoring.versions import RuleVersion


@dataclass(frozen=True)
class Gain:
    """Room to grow on one item: the members' average against the item's maximum."""

    item_id: str
    average: Fraction
    max: int

    @property
    def gap(self) -> Fraction:
        return self.max - self.average


@dataclass(frozen=True)
class Improvement:
    current_stars: int
    next_stars: int | None
    points_needed: Fraction
    unmet_minimums: tuple[UnmetMinimum, ...]
    gains: tuple[Gain, ...]


def improvement_for(sheet: Sheet, version: RuleVersion, result: ProductResult) -> Improvement | None:
    """The way to the next star for a rated product (None for an eliminated or stopped one).

    `points_needed` is how far the average total is below the next band (0 when the total already reaches it
    and only minimums hold the product back); `gains` lists every item below its maximum, largest gap first.
    """
    if result.status is not ResultStatus.RATED or result.stars is None:
        return None
    top = max(b.stars for b in version.star_bands)
    next_stars = result.stars + 1 if result.stars < top else None
    needed = Fraction(0)
    unmet: tuple[UnmetMinimum, ...] = ()
    items = [i for i in sheet.items if i.id in result.item_averages]
    if next_stars is not None:
        low = version.band_min(next_stars)
        if low is not None and result.average_total < low:
            needed = low - result.average_total
        unmet = minimums_unmet(items, result.item_averages, next_stars)
    order = {item.id: i for i, item in enumerate(items)}
    gains = [Gain(i.id, result.item_averages[i.id], i.max) for i in items if result.item_averages[i.id] < i.max]
    gains.sort(key=lambda g: (-g.gap, order[g.item_id]))
    return Improvement(result.stars, next_stars, needed, unmet, tuple(gains))


def best_option(item: Criterion) -> Option:
    """The option worth most: where the producer can aim on a criterion."""
    return max(item.options, key=lambda o: o.points)


def option_reaching(item: Criterion, points: int) -> Option | None:
    """The lowest option worth at least `points`: what the producer has to reach to meet a minimum."""
    reaching = [o for o in item.options if o.points >= points]
    return min(reaching, key=lambda o: o.points) if reaching else None
