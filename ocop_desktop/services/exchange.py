"""Export a round as a signed exchange file (`.ocop`) for the province, and verify such a file offline.

The manifest names the format and versions, the round, a revision that only goes up, the row counts, the head of
the audit chain, the council's key, the SHA-256 of the canonical content and the Ed25519 signature over all of it.
Verification never trusts the file: `persistence.exchange_file.opened` checks its shape before any row is read."""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop import __version__
from ocop_desktop.domain.enums import BallotStatus
from ocop_desktop.domain.errors import PermissionDenied, Problem, ValidationFailed
from ocop_desktop.models import AuditEvent, Ballot, Council, CouncilMember, Dossier, Product, Round
from ocop_desktop.paths import make_folder
from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import (
    InstallationKey,
    b64,
    installation_key,
    key_id,
    trusted_issuers,
    unb64,
    verify_signature,
)
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.results import round_progress
from ocop_desktop.services.secrecy import figures_hidden, may_see_figures

REQUIRED = (
    "format", "format_version", "schema_version", "app_version", "round_id", "round_name", "council_id",
    "council_name", "rule_version", "revision", "created_at", "counts", "audit_head", "key_id", "public_key",
    "content_sha256", "meeting_sha256", "signature",
)  # fmt: skip


class Seal(enum.StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN_KEY = "unknown_key"


@dataclass(frozen=True)
class Exported:
    path: Path
    manifest: dict[str, str]

    @property
    def fingerprint(self) -> str:
        return exchange_file.fingerprint(self.manifest["meeting_sha256"])


@dataclass(frozen=True)
class Verification:
    seal: Seal
    manifest: dict[str, str]
    fingerprint: str
    counts: dict[str, int]
    reason: str  # why it is invalid: "content" (a value changed), "signature", "" when valid
    issuer: str | None  # "" for this installation itself


def export_round(
    db: Database,
    *,
    actor: Actor,
    round_id: str,
    out: Path,
    key: InstallationKey | None = None,
    member_id: str | None = None,
) -> Exported:
    """Write the round's exchange file, signed with the installation's key; each export raises the revision.

    With `member_id`, the file carries only that member's ballots of the round (kind "ballots"): what a member
    who scored on their own laptop hands to the secretary. A member exports their own ballots only. A whole round
    is refused, naming the products, while a product's ballots are begun but its figures still secret."""
    if member_id is None:
        require(actor, Permission.APPROVE_RESULT)
    elif actor.member_id is not None and actor.member_id != member_id:
        raise PermissionDenied([Problem("auth.not_allowed", {"user": actor.username, "action": "export_ballots"})])
    else:
        require(actor, Permission.SCORE_OWN if actor.member_id else Permission.SCORE_FOR_MEMBER)
    key = key or installation_key()
    action = "export_round" if member_id is None else "export_ballots"
    with db.reading() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        council = get_or_fail(s, Council, rnd.council_id, "council")
        earlier = s.scalars(
            select(AuditEvent.after).where(AuditEvent.action == action, AuditEvent.entity_id == (member_id or round_id))
        ).all()
        if member_id is not None:
            earlier = [e for e in earlier if isinstance(e, dict) and e.get("round") == round_id]
        head = s.scalars(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first() or ""
        fields = {
            "format": exchange_file.FORMAT,
            "format_version": str(exchange_file.FORMAT_VERSION),
            "kind": "round" if member_id is None else "ballots",
            "schema_version": db.schema_revision() or "",
            "app_version": __version__,
            "round_id": rnd.id,
            "round_name": rnd.name,
            "council_id": council.id,
            "council_name": council.name,
            "rule_version": rnd.rule_version_id,
            "revision": str(len(earlier) + 1),
            "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "audit_head": head,
            "key_id": key.key_id,
            "public_key": b64(key.public_raw),
        }
        if member_id is None:
            secret = _secret_products(s, actor, rnd)
            if secret:
                raise ValidationFailed(secret)
        if member_id is not None:
            member = get_or_fail(s, CouncilMember, member_id, "member")
            if member.council_id != council.id:
                raise ValidationFailed([Problem("import.member_not_in_council", {"member": member.full_name})])
            fields |= {"member_id": member.id, "member_name": member.full_name}

    def make_manifest(content_sha256: str, meeting_sha256: str, counts: dict[str, int]) -> dict[str, str]:
        manifest = {
            **fields,
            "content_sha256": content_sha256,
            "meeting_sha256": meeting_sha256,
            "counts": json.dumps(counts, sort_keys=True),
        }
        manifest["signature"] = b64(key.sign(exchange_file.canonical_manifest(manifest)))
        return manifest

    make_folder(out.parent)
    try:
        manifest = exchange_file.write(db.path, round_id, out, make_manifest, member_id=member_id)
    except exchange_file.ExchangeFileError as exc:
        raise ValidationFailed([Problem(exc.code, dict(exc.params), (("file", out.name),))]) from exc
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            action,
            "round" if member_id is None else "council_member",
            member_id or round_id,
            after={
                "file": out.name,
                "round": round_id,
                "revision": manifest["revision"],
                "content_sha256": manifest["content_sha256"],
            },
        )
    return Exported(out, manifest)


def _secret_products(s: Session, actor: Actor, rnd: Round) -> list[Problem]:
    """The products whose current-round ballots are begun but still secret (services/secrecy): a round file
    carries every ballot, and goes to members' laptops, so it is not written until they are revealed."""
    progress = round_progress(s, rnd)
    begun = (Ballot.status == BallotStatus.SUBMITTED) | Ballot.choices.any()
    rows = s.execute(
        select(Dossier.id, Product.name)
        .join(Product, Product.id == Dossier.product_id)
        .join(Ballot, (Ballot.dossier_id == Dossier.id) & (Ballot.scoring_round == Dossier.scoring_round))
        .where(Dossier.round_id == rnd.id, begun)
        .distinct()
        .order_by(Dossier.agenda_order)
    )
    return [figures_hidden(name, progress[d]) for d, name in rows if not may_see_figures(actor, progress[d])]


def meeting_fingerprint(db: Database, round_id: str) -> str:
    """The "mã xác thực" of the round as it stands: what its exchange file will show and the minutes print, so the
    province compares the file it receives with the signed paper."""
    with db.raw() as con:
        try:
            return exchange_file.fingerprint(exchange_file.digests(con, round_id=round_id)[1])
        except exchange_file.ExchangeFileError as exc:
            raise ValidationFailed([Problem(exc.code, dict(exc.params))]) from exc


@dataclass(frozen=True)
class MeetingCode:
    """The round's "mã xác thực" and whether it is final: it changes at each approval, so minutes printed while
    results are still open carry a code the file sent later will not show — the paper and the screen say so."""

    code: str
    open_results: int  # the round's dossiers whose result is not yet approved and locked

    @property
    def final(self) -> bool:
        return self.open_results == 0


def meeting_code(db: Database, round_id: str) -> MeetingCode:
    code = meeting_fingerprint(db, round_id)
    with db.reading() as s:
        progress = round_progress(s, get_or_fail(s, Round, round_id, "round"))
    return MeetingCode(code, sum(1 for state in progress.values() if not state.locked))


def verify_exchange(path: Path, data_folder: Path | None = None) -> Verification:
    """Authenticity and integrity of an exchange file: its shape, its manifest, the content digest recomputed from
    the rows, the signature over the manifest and whether the key is trusted here. Raises ValidationFailed, with
    the file named, when the file cannot be read as an exchange file at all."""
    try:
        with exchange_file.opened(path) as con:
            manifest = exchange_file.read_manifest(con)
            present = exchange_file.columns_at(manifest["schema_version"])
            return check_seal(con, manifest, data_folder, present)
    except exchange_file.ExchangeFileError as exc:
        raise ValidationFailed([Problem(exc.code, dict(exc.params), (("file", path.name),))]) from exc


def check_seal(
    con: sqlite3.Connection,
    manifest: dict[str, str],
    data_folder: Path | None,
    present: dict[str, list[str]] | None = None,
) -> Verification:
    """The seal of an opened exchange file: the digest of its rows against the manifest, the signature over the
    manifest, and whether this installation trusts the key."""
    missing = [k for k in REQUIRED if k not in manifest]
    if missing:
        raise exchange_file.ExchangeFileError("exchange.bad_manifest", key=", ".join(missing))
    content_sha256, meeting_sha256, counts = exchange_file.digests(con, present=present)
    fingerprint = exchange_file.fingerprint(manifest["meeting_sha256"])
    if content_sha256 != manifest["content_sha256"] or meeting_sha256 != manifest["meeting_sha256"]:
        return Verification(Seal.INVALID, manifest, exchange_file.fingerprint(meeting_sha256), counts, "content", None)
    try:
        public_raw, signature = unb64(manifest["public_key"]), unb64(manifest["signature"])
    except ValueError:
        return Verification(Seal.INVALID, manifest, fingerprint, counts, "signature", None)
    signed = verify_signature(public_raw, signature, exchange_file.canonical_manifest(manifest))
    if len(public_raw) != 32 or not signed or key_id(public_raw) != manifest["key_id"]:
        return Verification(Seal.INVALID, manifest, fingerprint, counts, "signature", None)
    issuer = trusted_issuers(data_folder).get(public_raw)
    seal = Seal.UNKNOWN_KEY if issuer is None else Seal.VALID
    return Verification(seal, manifest, fingerprint, counts, "", issuer)
