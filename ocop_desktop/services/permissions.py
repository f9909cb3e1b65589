"""The one role × action table (docs/permissions.md is generated from it) and the check every service makes."""

from __future__ import annotations

import enum

from ocop_desktop.domain.enums import Role
from ocop_desktop.domain.errors import PermissionDenied, Problem
from ocop_desktop.services.actor import Actor


class Permission(enum.StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_BACKUPS = "manage_backups"
    EDIT_REGISTRY = "edit_registry"  # producers, products, dossiers, attachments
    SET_UP_ROUND = "set_up_round"  # council, members, round, sessions, attendance, recusals
    SCORE_OWN = "score_own"  # record choices on one's own ballot
    SCORE_FOR_MEMBER = "score_for_member"  # type a paper ballot for a member / confirm it
    START_RESCORE = "start_rescore"
    RECORD_DISCUSSION = "record_discussion"  # spread discussion, elimination / stop decisions
    APPROVE_RESULT = "approve_result"
    REOPEN_RESULT = "reopen_result"
    ISSUE_DECISION = "issue_decision"  # decision and certificates
    REVOKE_CERTIFICATE = "revoke_certificate"
    IMPORT_EXCHANGE = "import_exchange"  # take in exchange files: councils' rounds (province), members' ballots
    VIEW = "view"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset({Permission.MANAGE_USERS, Permission.MANAGE_BACKUPS, Permission.VIEW}),
    Role.SECRETARY: frozenset(
        {
            Permission.EDIT_REGISTRY,
            Permission.SET_UP_ROUND,
            Permission.SCORE_FOR_MEMBER,
            Permission.START_RESCORE,
            Permission.RECORD_DISCUSSION,
            Permission.MANAGE_BACKUPS,
            Permission.IMPORT_EXCHANGE,
            Permission.VIEW,
        }
    ),
    Role.CHAIR: frozenset(
        {
            Permission.SCORE_OWN,
            Permission.START_RESCORE,
            Permission.RECORD_DISCUSSION,
            Permission.APPROVE_RESULT,
            Permission.REOPEN_RESULT,
            Permission.VIEW,
        }
    ),
    Role.MEMBER: frozenset({Permission.SCORE_OWN, Permission.VIEW}),
    Role.OFFICER: frozenset(
        {Permission.ISSUE_DECISION, Permission.REVOKE_CERTIFICATE, Permission.IMPORT_EXCHANGE, Permission.VIEW}
    ),
}


def allowed(actor: Actor, permission: Permission) -> bool:
    return any(permission in PERMISSIONS[role] for role in actor.roles)


def require(actor: Actor, permission: Permission) -> None:
    if not allowed(actor, permission):
        raise PermissionDenied([Problem("auth.not_allowed", {"user": actor.username, "action": permission.value})])


ROLE_NAMES = {
    Role.ADMIN: "quản trị (admin)",
    Role.SECRETARY: "thư ký (secretary)",
    Role.CHAIR: "chủ tịch (chair)",
    Role.MEMBER: "thành viên (member)",
    Role.OFFICER: "cán bộ tỉnh (officer)",
}


def permission_table_markdown() -> str:
    """The role × action table as Markdown (docs/permissions.md embeds it; a test keeps them equal)."""
    roles = list(Role)
    lines = [
        "| action | " + " | ".join(ROLE_NAMES[r] for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for permission in Permission:
        marks = " | ".join("✔" if permission in PERMISSIONS[r] else "" for r in roles)
        lines.append(f"| `{permission.value}` | {marks} |")
    return "\n".join(lines) + "\n"
