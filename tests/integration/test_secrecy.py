"""Independent scoring decided by the services: nobody sees a product's figures or another member's ballot until
every counted member has submitted; looking at a ballot, the agenda or a result never writes; paper entry is a
named action that never overwrites a ballot begun by someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.enums import BallotStatus, EntryMode
from ocop_desktop.domain.errors import Conflict, PermissionDenied, Problem, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import AuditEvent, Ballot, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries, results, round_documents, round_setup, scoring_session
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.exchange import export_round
from tests.builders import best_choices, lowest_choices
from tests.integration.meeting import NAMES, Meeting, build_meeting

HIDDEN, OPEN = "QD26-2026-07", "QD26-2026-11"  # the product being scored, and one every member has scored


def _viewers(m: Meeting) -> dict[str, Actor]:
    """Everyone who might look: the waiting member is the chair, who has not submitted yet."""
    return {
        "chair (not submitted)": m.chair,
        "secretary": m.secretary,
        "second secretary": m.secretary2,
        "administrator": m.admin,
        "provincial officer": m.officer,
        "member who submitted": m.actors[NAMES[1]],
        "the application": SYSTEM,
    }


def _score_open_product(m: Meeting) -> None:
    for name in NAMES:
        m.score(OPEN, name)


def _counts(db: Database) -> tuple[int, ...]:
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0 for t in (Ballot, AuditEvent, Result))


def _problems(exc: pytest.ExceptionInfo[Exception]) -> list[Problem]:
    return list(exc.value.problems)  # type: ignore[attr-defined]


@pytest.mark.parametrize("submitted", [1, 4])
def test_no_figure_of_a_product_reaches_anyone_before_every_member_has_submitted(
    empty_db: Database, submitted: int
) -> None:
    m = build_meeting(empty_db, sheets=(HIDDEN, OPEN))
    low = lowest_choices(load_sheet("QD26-2026", HIDDEN))
    for name in NAMES[1 : 1 + submitted]:
        m.score(HIDDEN, name, low if name == NAMES[1] else None)
    _score_open_product(m)
    hidden, shown = m.dossiers[HIDDEN], m.dossiers[OPEN]
    for who, viewer in _viewers(m).items():
        rows = {r.dossier_id: r for r in queries.round_view(empty_db, m.round_id, actor=viewer).dossiers}
        row = rows[hidden]
        figures = (row.revealed, row.average, row.stars, row.band_stars, row.status, row.spread_exceeds_limit)
        assert figures == (False, None, None, None, None, None), who
        assert (row.submitted, row.expected) == (submitted, 5), who  # progress is never secret
        assert rows[shown].revealed and rows[shown].average == "100.00" and rows[shown].stars == 5, who
        view = results.compute_result(empty_db, actor=viewer, dossier_id=hidden)
        assert (view.revealed, view.computed, view.status, view.discussion) == (False, None, None, None), who
        assert (view.submitted, view.expected, len(view.pending_members)) == (submitted, 5, 5 - submitted), who
        assert results.compute_result(empty_db, actor=viewer, dossier_id=shown).computed is not None, who


def test_every_figure_once_the_last_member_has_submitted(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    dossier = m.dossiers[HIDDEN]
    m.score(HIDDEN, NAMES[1], lowest_choices(load_sheet("QD26-2026", HIDDEN)))
    for name in NAMES[2:]:
        m.score(HIDDEN, name)
    assert queries.round_view(empty_db, m.round_id, actor=m.secretary).dossiers[0].revealed is False
    m.score(HIDDEN, NAMES[0])
    for who, viewer in _viewers(m).items():
        (row,) = queries.round_view(empty_db, m.round_id, actor=viewer).dossiers
        assert row.revealed and row.average is not None and row.band_stars is not None, who
        assert row.spread_exceeds_limit is True and (row.submitted, row.expected) == (5, 5), who
        view = results.compute_result(empty_db, actor=viewer, dossier_id=dossier)
        assert view.revealed and view.computed is not None and view.computed["spread_exceeds_limit"], who
        assert view.computed["average_total"] == row.average, who


@pytest.mark.parametrize("excluded", ["absent", "recused"])
def test_an_absent_or_recused_member_does_not_hold_the_figures_back(empty_db: Database, excluded: str) -> None:
    m = build_meeting(empty_db)
    dossier = m.dossiers[HIDDEN]
    if excluded == "absent":
        m.attend(NAMES[4])
    else:
        round_setup.record_recusal(
            empty_db, actor=m.secretary, dossier_id=dossier, member_id=m.members[NAMES[4]], reason="Người thân"
        )
    for name in NAMES[:4]:
        m.score(HIDDEN, name)
    (row,) = queries.round_view(empty_db, m.round_id, actor=m.secretary).dossiers
    assert (row.revealed, row.submitted, row.expected, row.average) == (True, 4, 4, "100.00")
    view = results.compute_result(empty_db, actor=m.actors[NAMES[1]], dossier_id=dossier)
    assert view.revealed and view.computed is not None and view.pending_members == ()


def test_an_absent_member_marked_after_the_others_submitted_reveals_fresh_figures(empty_db: Database) -> None:
    """Attendance changes who counts: the stored result follows at once, so the documents print it."""
    m = build_meeting(empty_db)
    m.attend()
    for name in NAMES[:4]:
        m.score(HIDDEN, name)
    with pytest.raises(round_documents.DocumentRefused):
        round_documents.results_summary_data(empty_db, actor=m.secretary, round_id=m.round_id)
    m.attend(NAMES[4])
    summary = round_documents.results_summary_data(empty_db, actor=m.secretary, round_id=m.round_id)
    assert [(line.members, line.average) for line in summary.lines] == [("4/5", "100,00")]


def test_a_member_reads_only_their_own_ballot_until_everyone_has_submitted(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    own = m.score(HIDDEN, NAMES[1])
    draft = m.score(HIDDEN, NAMES[2], {"1.1": 2}, submit=False)
    assert queries.ballot_view(empty_db, own, actor=m.actors[NAMES[1]]).choices
    assert queries.ballot_view(empty_db, draft, actor=m.actors[NAMES[2]]).choices == {"1.1": 2}
    for who, viewer in _viewers(m).items():
        for ballot, name in ((draft, NAMES[2]), *(() if viewer is m.actors[NAMES[1]] else ((own, NAMES[1]),))):
            with pytest.raises(PermissionDenied) as info:
                queries.ballot_view(empty_db, ballot, actor=viewer)
            (problem,) = _problems(info)
            assert (problem.code, problem.location) == ("secrecy.ballot_hidden", (("member", name),)), who
            assert describe(problem).startswith(f"Thành viên «{name}»: phiếu của thành viên được giữ kín"), who
    for name in NAMES[2:]:
        m.score(HIDDEN, name, best_choices(load_sheet("QD26-2026", HIDDEN)))
    m.score(HIDDEN, NAMES[0])
    for who, viewer in _viewers(m).items():
        assert len(queries.ballot_view(empty_db, own, actor=viewer).choices) > 20, who


def test_the_second_typist_cannot_read_the_first_entry(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    member = m.members[NAMES[3]]
    choices = best_choices(load_sheet("QD26-2026", HIDDEN))
    ballot = m.paper_ballot(HIDDEN, NAMES[3], choices)
    assert queries.ballot_view(empty_db, ballot, actor=m.secretary).choices == choices  # the typist
    assert queries.ballot_view(empty_db, ballot, actor=m.actors[NAMES[3]]).choices == choices  # the member
    with pytest.raises(PermissionDenied) as info:
        queries.ballot_view(empty_db, ballot, actor=m.secretary2)
    assert [p.code for p in _problems(info)] == ["secrecy.ballot_hidden"]
    seen = scoring_session.ballot_for(empty_db, actor=m.secretary2, dossier_id=m.dossiers[HIDDEN], member_id=member)
    assert seen is not None and seen.view is None and seen.hidden is not None
    assert (seen.entry_mode, seen.entered_by_name, seen.answered) == (EntryMode.PAPER, "thuky", len(choices))
    assert scoring_session.confirm_paper_ballot(empty_db, actor=m.secretary2, ballot_id=ballot, choices=choices) == ()
    with pytest.raises(PermissionDenied):  # confirmed: no longer a draft, so its typist no longer reads it either
        queries.ballot_view(empty_db, ballot, actor=m.secretary)


def test_looking_never_writes(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    dossier = m.dossiers[HIDDEN]
    m.score(HIDDEN, NAMES[1])
    m.paper_ballot(HIDDEN, NAMES[3], {"1.1": 1})
    before = _counts(empty_db)
    for viewer in _viewers(m).values():
        for name in NAMES:
            found = scoring_session.ballot_for(empty_db, actor=viewer, dossier_id=dossier, member_id=m.members[name])
            assert (found is None) == (name not in (NAMES[1], NAMES[3]))
        queries.round_view(empty_db, m.round_id, actor=viewer)
        results.compute_result(empty_db, actor=viewer, dossier_id=dossier)
        queries.earlier_results(empty_db, dossier, actor=viewer)
        round_documents.scoring_sheets_data(empty_db, actor=viewer, round_id=m.round_id, blank=True)
    assert _counts(empty_db) == before


def test_a_members_first_choice_opens_their_ballot_in_one_step(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    dossier, chair = m.dossiers[HIDDEN], m.chair
    assert (
        scoring_session.ballot_for(empty_db, actor=m.secretary, dossier_id=dossier, member_id=m.members[NAMES[0]])
        is None
    )
    before = _counts(empty_db)
    done = scoring_session.record_own_choice(empty_db, actor=chair, dossier_id=dossier, item_id="1.1", option_number=2)
    assert _counts(empty_db)[:2] == (before[0] + 1, before[1] + 2)  # the ballot; open_ballot and record_choice
    mine = scoring_session.ballot_for(empty_db, actor=chair, dossier_id=dossier, member_id=m.members[NAMES[0]])
    assert mine is not None and mine.ballot_id == done.ballot_id and mine.entry_mode is EntryMode.SELF
    assert mine.view is not None and mine.view.choices == {"1.1": 2}
    again = scoring_session.record_own_choice(empty_db, actor=chair, dossier_id=dossier, item_id="1.2", option_number=1)
    assert again.ballot_id == done.ballot_id
    with pytest.raises(PermissionDenied):  # a secretary has no ballot of their own
        scoring_session.record_own_choice(
            empty_db, actor=m.secretary, dossier_id=dossier, item_id="1.1", option_number=1
        )


def test_paper_entry_is_started_discarded_taken_over_or_refused_by_name(empty_db: Database) -> None:
    m = build_meeting(empty_db)
    dossier = m.dossiers[HIDDEN]
    chair_id, typed_id = m.members[NAMES[0]], m.members[NAMES[3]]

    # the tester's case: a paper ballot begun for the chair, left empty; the chair's first choice takes it over
    empty = scoring_session.start_paper_entry(empty_db, actor=m.secretary, dossier_id=dossier, member_id=chair_id)
    assert (
        scoring_session.start_paper_entry(empty_db, actor=m.secretary, dossier_id=dossier, member_id=chair_id) == empty
    )
    done = scoring_session.record_own_choice(
        empty_db, actor=m.chair, dossier_id=dossier, item_id="1.1", option_number=2
    )
    assert done.ballot_id == empty
    with empty_db.reading() as s:
        taken = s.get(Ballot, empty)
        assert taken is not None and taken.entry_mode is EntryMode.SELF and taken.entered_by == m.chair.user_id
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "take_over_ballot")).one()
        assert event.entity_id == empty and event.username == "tv0"
    with pytest.raises(Conflict) as info:  # now the chair's own ballot: no paper entry over it
        scoring_session.start_paper_entry(empty_db, actor=m.secretary, dossier_id=dossier, member_id=chair_id)
    (problem,) = _problems(info)
    assert (problem.code, problem.params, problem.location) == (
        "scoring.own_ballot_begun",
        {"count": 1},
        (("member", NAMES[0]),),
    )

    # a paper ballot with choices is never overwritten: not by the member, not by another typist
    typed = m.paper_ballot(HIDDEN, NAMES[3], {"1.1": 1})
    for attempt in (
        lambda: scoring_session.record_own_choice(
            empty_db, actor=m.actors[NAMES[3]], dossier_id=dossier, item_id="1.1", option_number=2
        ),
        lambda: scoring_session.start_paper_entry(empty_db, actor=m.secretary2, dossier_id=dossier, member_id=typed_id),
    ):
        with pytest.raises(Conflict) as info:
            attempt()
        (problem,) = _problems(info)
        assert (problem.code, problem.params) == ("scoring.paper_being_typed", {"by": "thuky", "count": 1})
        assert describe(problem).startswith(f"Thành viên «{NAMES[3]}»: phiếu giấy của thành viên đang được thuky nhập")

    # discarding: only an empty paper draft, by someone who types for members, audited
    with pytest.raises(Conflict) as info:
        scoring_session.discard_paper_ballot(empty_db, actor=m.secretary, ballot_id=typed)
    assert [p.code for p in _problems(info)] == ["scoring.discard_not_empty"]
    with pytest.raises(Conflict) as info:
        scoring_session.discard_paper_ballot(empty_db, actor=m.secretary, ballot_id=empty)
    assert [p.code for p in _problems(info)] == ["scoring.not_paper"]
    scoring_session.clear_choice(empty_db, actor=m.secretary, ballot_id=typed, item_id="1.1")
    with pytest.raises(PermissionDenied):
        scoring_session.discard_paper_ballot(empty_db, actor=m.actors[NAMES[3]], ballot_id=typed)
    scoring_session.discard_paper_ballot(empty_db, actor=m.secretary2, ballot_id=typed)
    assert scoring_session.ballot_for(empty_db, actor=m.secretary, dossier_id=dossier, member_id=typed_id) is None
    with empty_db.reading() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "discard_paper_ballot")).one()
        assert (event.entity_id, event.acting_for, event.username) == (typed, typed_id, "thuky2")

    # an empty draft begun by another typist is taken over by the next one
    first = scoring_session.start_paper_entry(empty_db, actor=m.secretary, dossier_id=dossier, member_id=typed_id)
    second = scoring_session.start_paper_entry(empty_db, actor=m.secretary2, dossier_id=dossier, member_id=typed_id)
    found = scoring_session.ballot_for(empty_db, actor=m.secretary2, dossier_id=dossier, member_id=typed_id)
    assert first == second and found is not None and found.entered_by == m.secretary2.user_id
    assert found.view is not None and found.status is BallotStatus.DRAFT


DOCUMENTS = {
    "results summary": lambda db, m: round_documents.results_summary_data(db, actor=m.secretary, round_id=m.round_id),
    "minutes": lambda db, m: round_documents.minutes_data(db, actor=m.chair, round_id=m.round_id),
    "improvement reports": lambda db, m: round_documents.feedback_data(db, actor=m.secretary, round_id=m.round_id),
    "filled scoring sheets": lambda db, m: round_documents.scoring_sheets_data(db, actor=SYSTEM, round_id=m.round_id),
    "round file": lambda db, m: export_round(db, actor=m.chair, round_id=m.round_id, out=db.path.parent / "d.ocop"),
}


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_documents_and_exports_refuse_a_product_whose_figures_are_secret(
    empty_db: Database, tmp_path: Path, document: str
) -> None:
    m = build_meeting(empty_db, sheets=(HIDDEN, OPEN))
    DOCUMENTS[document](empty_db, m)  # nothing scored yet: nothing secret, the document is made
    for name in NAMES[:3]:
        m.score(HIDDEN, name)
    with pytest.raises((round_documents.DocumentRefused, ValidationFailed)) as info:
        DOCUMENTS[document](empty_db, m)
    (problem,) = _problems(info)
    product = f"Sản phẩm {HIDDEN}"
    assert (problem.code, problem.location) == ("secrecy.figures_hidden", (("product", product),))
    assert problem.params == {"remaining": 2, "submitted": 3, "expected": 5}
    assert "còn 2 trong 5 thành viên chưa nộp" in describe(problem) and product in describe(problem)
    pages = round_documents.scoring_sheets_data(empty_db, actor=m.secretary, round_id=m.round_id, blank=True)
    assert len(pages) == 10 and all(p.choices is None for p in pages)
    written = round_documents.render_round_documents(
        empty_db, actor=m.secretary, round_id=m.round_id, out=tmp_path / "in", kinds=("sheets",), blank_sheets=True
    )
    assert [p.name for p in written] == ["phieu-danh-gia.pdf"]
    for name in NAMES[3:]:
        m.score(HIDDEN, name)
    DOCUMENTS[document](empty_db, m)
