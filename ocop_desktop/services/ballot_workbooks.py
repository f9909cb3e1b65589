"""Excel ballots (phiếu chấm Excel): a workbook per member out, the filled workbook back in.

A returned workbook is untrusted (`services.xlsx_input`): refused whole when it is not a real .xlsx, too large, has
too many sheets or rows, carries a formula anywhere, or when its hidden identification is missing or does not match
what this database would write for that round, member, dossier and scoring round (an HMAC under the round's
secret, `services.round_secrets`, which never leaves this data file). Otherwise every choice cell is
read back to an option number through the drop-down texts recomputed from the dossier's own criteria (never from
the file), checked by the scoring core's `check_ballot`, and every problem is reported with its sheet, cell and
criterion before anything is saved. A blank product sheet is skipped with a note; a partly filled one is an error.

Saving is one transaction after a backup: every filled sheet becomes the member's submitted ballot (entry mode
IMPORTED), or nothing is saved. No second person confirms it, unlike a paper ballot typed by the secretary: the
member chose the options in the file themselves, so there is no retyping to check; the secretary (who may score
for members) imports it, the member's name is on the workbook, and the per-product summary (`--dry-run`, or the
preview) is shown before saving. The audit trail records the file's SHA-256 with every ballot.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.documents import ballot_workbook as layout
from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Conflict, Problem, ValidationFailed
from ocop_desktop.models import CouncilMember, Dossier, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.engine import MemberBallot, ballot_warnings, check_ballot, evaluated_items, member_score
from ocop_desktop.services import audit
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.results import gather_inputs
from ocop_desktop.services.round_documents import ballot_workbooks_data
from ocop_desktop.services.round_secrets import existing_key
from ocop_desktop.services.scoring_session import import_ballot, import_refusals
from ocop_desktop.services.xlsx_input import (
    MAX_BYTES,
    SheetCells,
    cell_text,
    formula_problem,
    open_untrusted,
    read_cells,
)

MAX_SHEETS = 260  # the guide, the lists, the identification and up to 257 products
MAX_ROWS = 20_000  # a product sheet has about 200 rows; the lists of 26 criteria sheets about 4,000
MAX_COLUMNS = 8
MAX_OPINION = 4000
OPINION = values.Text(MAX_OPINION, multiline=True)
Where = tuple[tuple[str, str], ...]


def export_ballot_workbooks(db: Database, *, actor: Actor, round_id: str, out: Path) -> list[Path]:
    """Write every scoring member's workbook into `out` (named after the member); returns the files."""
    return layout.write_workbooks(ballot_workbooks_data(db, actor=actor, round_id=round_id), out)


@dataclass(frozen=True)
class ProductLine:
    """One product sheet of the workbook as read: empty `choices` when the member left it blank."""

    sheet: str
    dossier_id: str
    scoring_round: int
    agenda_order: int
    product: str
    code: str
    choices: dict[str, int] = field(default_factory=dict)
    opinion: str | None = None
    total: int | None = None
    part_totals: dict[str, int] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    """Told with the preview, never refused: different tourism cases on different criteria (CASE_PER_CRITERION)."""

    @property
    def filled(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class BallotWorkbookPreview:
    """What the workbook holds and everything wrong with it; nothing is saved while `problems` is not empty."""

    file: str
    sha256: str
    round_id: str = ""
    round_name: str = ""
    member_id: str = ""
    member: str = ""
    lines: tuple[ProductLine, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and any(line.filled for line in self.lines)


@dataclass(frozen=True)
class BallotWorkbookImport:
    preview: BallotWorkbookPreview
    ballots: tuple[str, ...]  # ids of the ballots saved and submitted; empty on a dry run
    backup: str | None


@dataclass(frozen=True)
class _Entry:
    """One row of the hidden identification sheet."""

    title: str
    dossier_id: str
    scoring_round: int
    digest: str
    criteria: str = ""  # the sheet and snapshot as written: shown to people, so checked too
    snapshot: str = ""


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _identity(cells: SheetCells | None, origin: Where) -> tuple[str, str, list[_Entry]] | Problem:
    """Round id, member id and the product sheets the identification names, or why it cannot be read (missing,
    malformed, a scoring round that is not a number — '²' included — named by its cell)."""
    broken = Problem("ballots_xlsx.not_ballot_workbook", {}, origin)
    if cells is None:
        return broken
    value = cells.values.get
    if value((1, 1)) != "format" or value((1, 2)) != layout.FORMAT:
        return broken
    round_id, member_id = cell_text(value((2, 2))), cell_text(value((3, 2)))
    entries: list[_Entry] = []
    row = layout.ID_FIRST_ROW
    while value((row, 1)) is not None:
        title, dossier_id, criteria, snapshot, digest = (cell_text(value((row, c))) for c in (1, 2, 4, 5, 6))
        if not (dossier_id and digest):
            return broken
        bad = values.SCORING_ROUND.problems(value((row, 3)), "scoring_round")
        if bad:
            where = (*origin, ("sheet", layout.ID_SHEET), ("cell", f"C{row}"))
            return Problem(bad[0].code, bad[0].params, where)
        scoring_round = values.SCORING_ROUND.convert(value((row, 3)))
        entries.append(_Entry(title, dossier_id, scoring_round, digest, criteria, snapshot))
        row += 1
    if not round_id or not member_id or len({e.title for e in entries}) != len(entries):
        return broken
    return round_id, member_id, entries


def _choice_text(value: Any) -> str:
    return " ".join(cell_text(value).split())


def _read_sheet(
    entry: _Entry, cells: SheetCells, sheet: Sheet, required: tuple[str, ...], origin: Where
) -> tuple[dict[str, int], str | None, list[Problem]]:
    """The choices and opinion of one product sheet, with every cell that cannot be read back."""
    where = (*origin, ("sheet", entry.title))
    problems: list[Problem] = []
    choices: dict[str, int] = {}
    rows = layout.choice_rows(sheet)
    filled = False
    for item_id, (row, item) in rows.items():
        cell = (*where, ("cell", f"C{row}"), ("item", item_id))
        code = cell_text(cells.values.get((row, layout.CODE_COLUMN)))
        if code != item_id:
            at = (*where, ("cell", f"A{row}"), ("item", item_id))
            problems.append(Problem("ballots_xlsx.row_changed", {"item": item_id, "value": code}, at))
        text = _choice_text(cells.values.get((row, layout.CHOICE_COLUMN)))
        if not text:
            continue
        filled = True
        labels = {_choice_text(label): number for label, number in layout.choice_labels(item).items()}
        if text in labels:
            choices[item_id] = labels[text]
        else:
            problems.append(Problem("ballots_xlsx.unknown_option", {"item": item_id, "value": text[:120]}, cell))
    opinion = cell_text(cells.values.get((layout.opinion_row(sheet), 1))) or None
    at = (*where, ("cell", f"A{layout.opinion_row(sheet)}"))
    problems += [Problem(p.code, p.params, at) for p in OPINION.problems(opinion, "opinion")]
    if not filled and opinion is None:
        return {}, None, problems
    missing = [i for i in required if i not in choices and not any(p.location[-1] == ("item", i) for p in problems)]
    for problem in check_ballot(sheet, MemberBallot("", choices), [c for c in sheet.items if c.id in required]):
        if problem.code in ("ballot.missing_item", "ballot.missing_items"):
            continue  # placed below, one per cell
        named = dict(problem.location).get("item")
        at = (*where, ("cell", f"C{rows[named][0]}"), ("item", named)) if named in rows else where
        problems.append(Problem(problem.code, problem.params, at))
    for item_id in missing:
        cell = (*where, ("cell", f"C{rows[item_id][0]}"), ("item", item_id))
        problems.append(Problem("ballot.missing_item", {"item": item_id}, cell))
    return choices, opinion, problems


def _refused(path: Path, sha: str, problems: list[Problem]) -> BallotWorkbookPreview:
    return BallotWorkbookPreview(path.name, sha, problems=tuple(problems))


def read_ballot_workbook(
    db: Database, *, actor: Actor, path: Path, round_id: str | None = None
) -> BallotWorkbookPreview:
    """Read and check a returned workbook against the database; nothing is saved. With `round_id`, the workbook
    must belong to that round."""
    require(actor, Permission.SCORE_FOR_MEMBER)
    origin: Where = (("file", path.name),)
    sheets: dict[str, SheetCells] = {}
    with open_untrusted(path, MAX_BYTES) as (workbook, refusal):
        if workbook is None:
            return _refused(path, "", [refusal] if refusal is not None else [])
        sha = _sha256(path)  # the file is known to be small by now
        if len(workbook.sheetnames) > MAX_SHEETS:
            return _refused(path, sha, [Problem("excel.too_many_sheets", {"max": MAX_SHEETS}, origin)])
        problems: list[Problem] = []
        for index in range(len(workbook.sheetnames)):
            cells = read_cells(workbook, index, MAX_ROWS, MAX_COLUMNS)
            if cells.too_many_rows:
                problems.append(Problem("excel.too_many_rows", {"max": MAX_ROWS}, (*origin, ("sheet", cells.title))))
            problems.extend(formula_problem(origin, cells.title, c) for c in cells.formulas)
            sheets[cells.title] = cells
    if problems:
        return _refused(path, sha, problems)
    identity = _identity(sheets.get(layout.ID_SHEET), origin)
    if isinstance(identity, Problem):
        return _refused(path, sha, [identity])
    file_round, member_id, entries = identity
    if round_id is not None and file_round != round_id:
        return _refused(path, sha, [Problem("ballots_xlsx.wrong_round", {}, origin)])
    with db.reading() as s:
        rnd = s.get(Round, file_round)
        if rnd is None:
            return _refused(path, sha, [Problem("ballots_xlsx.unknown_round", {}, origin)])
        member = s.get(CouncilMember, member_id)
        if member is None or member.council_id != rnd.council_id:
            return _refused(path, sha, [Problem("ballots_xlsx.unknown_member", {}, origin)])
        lines: list[ProductLine] = []
        notes: list[Problem] = []
        for entry in entries:
            line, found = _check_entry(s, entry, sheets=sheets, rnd=rnd, member=member, origin=origin)
            problems.extend(found)
            if line is None:
                continue
            lines.append(line)
            notes.extend(line.warnings)
            if not line.filled and not found:
                notes.append(
                    Problem("ballots_xlsx.blank_sheet", {"product": line.product}, (*origin, ("sheet", entry.title)))
                )
        if not problems and not any(line.filled for line in lines):
            problems.append(Problem("ballots_xlsx.nothing_filled", {}, origin))
        return BallotWorkbookPreview(
            path.name, sha, rnd.id, rnd.name, member.id, member.full_name, tuple(lines), tuple(problems), tuple(notes)
        )


def _save_problems(
    s: Session,
    dossier: Dossier,
    member: CouncilMember,
    *,
    scoring_round: int,
    where: Where,
) -> list[Problem]:
    """Why a filled sheet cannot become the member's ballot now; checked when reading and again when saving."""
    return [p.at(*where) for p in import_refusals(s, dossier, member, scoring_round)]


def _check_entry(
    s: Session,
    entry: _Entry,
    *,
    sheets: dict[str, SheetCells],
    rnd: Round,
    member: CouncilMember,
    origin: Where,
) -> tuple[ProductLine | None, list[Problem]]:
    """One product sheet: bound to its ballot by the digest, read, checked, and refused if the ballot cannot
    be saved now (already submitted, recused, absent, result locked, re-scored since the export)."""
    where = (*origin, ("sheet", entry.title))
    dossier = s.get(Dossier, entry.dossier_id)
    says = {
        "member": member.full_name,
        "product": dossier.product.name if dossier is not None else entry.dossier_id[:40],
        "scoring_round": entry.scoring_round,
    }
    key = existing_key(s, rnd.id)
    if dossier is None or dossier.round_id != rnd.id or key is None:
        return None, [Problem("ballots_xlsx.tampered", says, where)]
    cells = sheets.get(entry.title)
    if cells is None:
        return None, [Problem("ballots_xlsx.sheet_missing", {}, where)]
    inputs = gather_inputs(s, dossier)
    expected = layout.sheet_digest(
        key=key,
        round_id=rnd.id,
        member_id=member.id,
        title=entry.title,
        dossier_id=dossier.id,
        scoring_round=entry.scoring_round,
        sheet=inputs.sheet,
        snapshot=dossier.sheet_snapshot,
    )
    shown = (entry.criteria, entry.snapshot) == (inputs.sheet.sheet_id, dossier.sheet_snapshot)
    if not hmac.compare_digest(expected, entry.digest) or not shown:
        return None, [Problem("ballots_xlsx.tampered", says, where)]
    items = evaluated_items(inputs.sheet, inputs.decisions)
    choices, opinion, problems = _read_sheet(entry, cells, inputs.sheet, tuple(i.id for i in items), origin)
    product = dossier.product
    line = ProductLine(
        entry.title, dossier.id, entry.scoring_round, dossier.agenda_order, product.name, product.code or ""
    )
    if not choices and opinion is None:
        return line, problems
    problems.extend(_save_problems(s, dossier, member, scoring_round=entry.scoring_round, where=where))
    if problems:
        return line, problems
    score = member_score(inputs.sheet, MemberBallot(member.id, choices), items)
    warnings = tuple(
        Problem(w.code, w.params, where, w.severity)
        for w in ballot_warnings(inputs.sheet, MemberBallot(member.full_name, choices))
    )
    return replace(
        line,
        choices=choices,
        opinion=opinion,
        total=score.total,
        part_totals=dict(score.part_totals),
        warnings=warnings,
    ), []


def import_ballot_workbook(
    db: Database,
    *,
    actor: Actor,
    path: Path,
    round_id: str | None = None,
    dry_run: bool = False,
    sha256: str | None = None,
) -> BallotWorkbookImport:
    """Check the workbook and, unless `dry_run`, save every filled sheet as the member's submitted ballot: one
    transaction after a backup, all or nothing. Raises ValidationFailed with every problem found. With `sha256`
    (the file as previewed), a file replaced since the preview is refused: only what was shown is saved."""
    preview = read_ballot_workbook(db, actor=actor, path=path, round_id=round_id)
    if sha256 is not None and preview.sha256 != sha256:
        raise Conflict([Problem("ballots_xlsx.changed_since_preview", {}, (("file", path.name),))])
    if not preview.ok:
        raise ValidationFailed(preview.problems)
    if dry_run:
        return BallotWorkbookImport(preview, (), None)
    saved = db.backup("truoc-nhap-phieu-excel")
    filled = [line for line in preview.lines if line.filled]
    source = f"{preview.file} sha256:{preview.sha256}"
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, preview.round_id, "round")
        member = get_or_fail(s, CouncilMember, preview.member_id, "council_member")
        problems = []
        for line in filled:
            dossier = get_or_fail(s, Dossier, line.dossier_id, "dossier")
            where = (("file", preview.file), ("sheet", line.sheet))
            problems.extend(_save_problems(s, dossier, member, scoring_round=line.scoring_round, where=where))
        if problems:
            raise Conflict(problems)
        ballots = tuple(
            import_ballot(
                s,
                actor,
                dossier=get_or_fail(s, Dossier, line.dossier_id, "dossier"),
                member=member,
                choices=line.choices,
                opinion=line.opinion,
                source=source,
            )
            for line in filled
        )
        audit.record(
            s,
            actor,
            "import_ballot_workbook",
            "council_member",
            member.id,
            after={
                "file": preview.file,
                "sha256": preview.sha256,
                "round": rnd.id,
                "ballots": list(ballots),
                "skipped": [line.dossier_id for line in preview.lines if not line.filled],
            },
            acting_for=member.id,
        )
    return BallotWorkbookImport(preview, ballots, str(saved))
