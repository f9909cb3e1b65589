"""Who performs an action: the signed-in account, its roles, and the council member it is (if any)."""

from __future__ import annotations

from dataclasses import dataclass

from ocop_desktop.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    user_id: str | None
    username: str
    roles: frozenset[Role]
    member_id: str | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles


SYSTEM = Actor(None, "hệ thống", frozenset({Role.ADMIN, Role.SECRETARY, Role.CHAIR, Role.OFFICER}))
"""The application itself (demo, command-line batch jobs run by the file's owner)."""
