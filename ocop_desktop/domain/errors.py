"""The application's error hierarchy. Errors carry problem codes; `messages` turns them into words."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """An error refuses the input; a warning is told to the person and the input is kept."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with some input, with where it is.

    `code` selects the sentence in `ocop_desktop.messages`; `params` fill it; `location` is a path from the
    outside in (file, sheet, part, criterion, option / member, item), each element a (kind, value) pair.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    location: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR

    def at(self, *outer: tuple[str, str]) -> Problem:
        """The same problem seen from further out (prefix the location)."""
        return Problem(self.code, self.params, tuple(outer) + self.location, self.severity)


class OcopError(Exception):
    """Root of every error the application raises on purpose."""


class UserCancelled(OcopError):
    """The person stopped an action (closed a dialog); nothing to report."""


class UserFacingError(OcopError):
    """An error whose problems are fit to show to a person (never a traceback)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.code for p in self.problems))


class ValidationFailed(UserFacingError):
    """Input was checked and found wrong; every problem found is listed."""


class NotFound(UserFacingError):
    """Something named by the user does not exist (a sheet, a rule version)."""


class PermissionDenied(UserFacingError):
    """The signed-in person's role does not allow the action."""


class Conflict(UserFacingError):
    """The action contradicts the state of the data (a submitted ballot, an approved result…)."""


class DatabaseProblem(UserFacingError):
    """The data file cannot be used as it is: not an OCOP file, damaged, or from a newer version."""


class StorageFailed(UserFacingError):
    """The disk refused a write (a read-only folder, a full disk): nothing was changed, and the message says so."""
