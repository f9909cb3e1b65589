"""The quorum of a council meeting (điều kiện tiến hành họp): one rule for the approval check and the minutes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quorum:
    present: int
    scoring_members: int
    required: int
    chair_present: bool
    chair_required: bool
    recorded: bool
    rule: str = ""  # the council's fraction as people write it, "2/3"

    @property
    def met(self) -> bool:
        return self.recorded and self.present >= self.required and (self.chair_present or not self.chair_required)
