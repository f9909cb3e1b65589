"""The one work context behind every page: the open file, who is signed in, the round and the dossier chosen.

Pages never keep their own copy of these: they read the context and refresh themselves when it says what changed
(`changed`, a `Change` flag), so no code calls another page's refresh by hand. Signing out or handing the laptop to
another person goes through `set_actor`, which also locks the council's signing key: a key unlocked by one person
never signs for the next."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import council_key, queries
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission, allowed
from ocop_desktop.services.queries import RoundView


class Change(enum.Flag):
    """What changed, so that each page knows whether what it shows is stale."""

    NONE = 0
    FILE = enum.auto()  # a data file was opened or closed
    ACTOR = enum.auto()  # another person signed in, or nobody is
    ROUNDS = enum.auto()  # rounds were added (the round list)
    ROUND = enum.auto()  # another round was chosen
    DOSSIER = enum.auto()  # another dossier was chosen
    DATA = enum.auto()  # something stored in the round changed (set-up, dossiers, ballots, results, decisions)
    ALL = FILE | ACTOR | ROUNDS | ROUND | DOSSIER | DATA


@dataclass(frozen=True)
class Work:
    """What a passed guard (`WorkContext.requires`) guarantees, typed so: the open file and the person signed in,
    and the round and dossier when the guard asked for them. Reading a round or dossier the guard did not ask for
    is a programming error, raised at once rather than acting on whatever happens to be chosen."""

    db: Database
    actor: Actor
    _round_id: str | None = field(default=None, repr=False)
    _dossier_id: str | None = field(default=None, repr=False)

    @property
    def round_id(self) -> str:
        if self._round_id is None:
            raise RuntimeError("the guard did not ask for a round: requires(round=True)")
        return self._round_id

    @property
    def dossier_id(self) -> str:
        if self._dossier_id is None:
            raise RuntimeError("the guard did not ask for a dossier: requires(dossier=True)")
        return self._dossier_id


class WorkContext(QObject):
    """File, actor, round and dossier, changed only through its methods, each emitting what changed."""

    changed = Signal(object)  # a Change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._actor: Actor | None = None
        self._round_id: str | None = None
        self._dossier_id: str | None = None
        self._view: tuple[tuple[Database, str, Actor], RoundView] | None = None
        self.changed.connect(self._forget_view)

    @property
    def db(self) -> Database | None:
        return self._db

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def round_id(self) -> str | None:
        return self._round_id

    @property
    def dossier_id(self) -> str | None:
        return self._dossier_id

    def viewer(self) -> Actor:
        """Who reads: the signed-in person, or a read-only member when nobody is (the screenshot mode)."""
        return self._actor or Actor(None, "viewer", frozenset({Role.MEMBER}))

    def round_view(self) -> RoundView | None:
        """The chosen round as the agenda shows it, read once for everything that refreshes after one change (the
        window's product list, the round page… on a 20,000-product file each reading costs a second); read again
        after the next change or once control is back in the event loop."""
        if self._db is None or self._round_id is None:
            return None
        key = (self._db, self._round_id, self.viewer())
        if self._view is None or self._view[0] != key:
            self._view = (key, queries.round_view(self._db, self._round_id, actor=key[2]))
            QTimer.singleShot(0, self, self._forget_view)
        return self._view[1]

    def _forget_view(self, change: object = None) -> None:
        """Any change but another dossier chosen (the agenda is the round's, whichever dossier is chosen)."""
        if change is not Change.DOSSIER:
            self._view = None

    def can(self, permission: Permission) -> bool:
        return self._actor is not None and allowed(self._actor, permission)

    def requires(
        self,
        *,
        round: bool = False,
        dossier: bool = False,
        permission: Permission | None = None,
    ) -> Work | None:
        """The one guard before an action: a file is open, someone is signed in and, as asked, a round and a dossier
        are chosen and the person holds the permission; then what the action may rely on. Buttons are disabled on
        the same conditions, so None here is a race (a click as the state changed), answered by doing nothing."""
        if self._db is None or self._actor is None:
            return None
        if (round or dossier) and self._round_id is None:
            return None
        if dossier and self._dossier_id is None:
            return None
        if permission is not None and not self.can(permission):
            return None
        return Work(
            self._db,
            self._actor,
            self._round_id if round or dossier else None,
            self._dossier_id if dossier else None,
        )

    def open_file(self, db: Database, actor: Actor | None) -> None:
        self._db, self._round_id, self._dossier_id = db, None, None
        self._set_actor(actor)
        self.changed.emit(Change.ALL)

    def close_file(self) -> Database | None:
        """Forget the file (the caller closes it) and whoever was signed in."""
        db, self._db, self._round_id, self._dossier_id = self._db, None, None, None
        self._set_actor(None)
        self.changed.emit(Change.ALL)
        return db

    def set_actor(self, actor: Actor | None) -> None:
        """Another person takes the laptop (or nobody: signed out); the signing key locks either way."""
        self._set_actor(actor)
        self.changed.emit(Change.ACTOR)

    def _set_actor(self, actor: Actor | None) -> None:
        council_key.lock()
        self._actor = actor

    def set_round(self, round_id: str | None, dossier_id: str | None = None) -> None:
        if round_id == self._round_id and dossier_id == self._dossier_id:
            return
        self._round_id, self._dossier_id = round_id, dossier_id
        self.changed.emit(Change.ROUND | Change.DOSSIER)

    def set_dossier(self, dossier_id: str | None) -> None:
        if dossier_id == self._dossier_id:
            return
        self._dossier_id = dossier_id
        self.changed.emit(Change.DOSSIER)

    def notify(self, change: Change) -> None:
        """Say that stored data changed (an operation succeeded): every page concerned refreshes itself."""
        if change:
            self.changed.emit(change)
