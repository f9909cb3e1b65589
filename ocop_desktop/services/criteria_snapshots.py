"""Criteria data stored inside the data file: each round keeps the rule version and the sheets it was scored
with (content-addressed), and every computation reads them from there, not from the bundled catalogue."""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.models import CriteriaSnapshot
from ocop_desktop.scoring.catalogue import Sheet, parse_sheet
from ocop_desktop.scoring.versions import RuleVersion, parse_versions
from ocop_desktop.services.criteria_catalogue import raw_sheet, raw_version


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _store(session: Session, kind: str, version_id: str, sheet_id: str | None, data: Any) -> str:
    content = canonical_json(data)
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    if session.get(CriteriaSnapshot, sha) is None:
        session.add(CriteriaSnapshot(sha256=sha, kind=kind, version_id=version_id, sheet_id=sheet_id, content=content))
        session.flush()
    return sha


def snapshot_version(session: Session, version_id: str) -> str:
    return _store(session, "version", version_id, None, raw_version(version_id))


def snapshot_sheet(session: Session, version_id: str, sheet_id: str) -> str:
    return _store(session, "sheet", version_id, sheet_id, raw_sheet(version_id, sheet_id)[1])


@functools.lru_cache(maxsize=64)
def _parse_version(content: str) -> RuleVersion:
    versions, problems = parse_versions({"versions": [json.loads(content)]})
    if problems or not versions:
        raise ValidationFailed(problems or [Problem("catalogue.bad_version", {"detail": "snapshot"})])
    return versions[0]


@functools.lru_cache(maxsize=256)
def _parse_sheet(content: str, parts: tuple[tuple[str, int], ...]) -> Sheet:
    sheet, problems = parse_sheet(json.loads(content), parts_max=dict(parts))
    if problems or sheet is None:
        raise ValidationFailed(problems)
    return sheet


SESSION_CACHE = "criteria_snapshots"  # the session's checked snapshots: a result after another reads the same ones


def _content(session: Session, sha: str) -> str:
    """The snapshot's content, checked against its address once per session (each result of a large file names
    the same few snapshots; a session reads one unchanging state of the file)."""
    checked: dict[str, str] = session.info.setdefault(SESSION_CACHE, {})
    if sha in checked:
        return checked[sha]
    snapshot = session.get(CriteriaSnapshot, sha)
    if snapshot is None:
        raise ValidationFailed([Problem("db.snapshot_missing", {"sha": sha[:12]})])
    actual = hashlib.sha256(snapshot.content.encode("utf-8")).hexdigest()
    if actual != sha:
        raise ValidationFailed([Problem("db.snapshot_altered", {"sha": sha[:12]})])
    checked[sha] = snapshot.content
    return snapshot.content


def version_from_snapshot(session: Session, sha: str) -> RuleVersion:
    return _parse_version(_content(session, sha))


def sheet_from_snapshot(session: Session, sha: str, version: RuleVersion) -> Sheet:
    return _parse_sheet(_content(session, sha), tuple(sorted(version.parts_max.items())))
