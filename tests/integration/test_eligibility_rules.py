"""Issue 16 points 3 and 5 through the services: the one eligibility rule answers every caller alike (opening a
ballot, writing and submitting it, the agenda's progress, the result), and a round past its recognition decision
refuses new dossiers (form and Excel list), new ballots and re-scores by the decision's name until the chair
reopens it (audited), after which the additions work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.enums import EntryMode, LegalForm, MemberRole, RegistrationType, RoundStatus
from ocop_desktop.domain.errors import Conflict, PermissionDenied, UserFacingError, ValidationFailed
from ocop_desktop.messages import describe
from ocop_desktop.models import AuditEvent, Ballot, Dossier, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import queries, recognition, registry, results, round_setup, scoring_session
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.import_dossiers import import_dossiers, read_workbook
from tests.builders import best_choices
from tests.exchange_helpers import dump
from tests.integration.meeting import NAMES, Meeting, build_meeting
from tests.integration.test_import_dossiers import GOOD, workbook

SHEET, OTHER = "QD26-2026-07", "QD26-2026-11"


@pytest.fixture
def meeting(empty_db: Database) -> Meeting:
    m = build_meeting(empty_db, (SHEET, OTHER))
    m.attend(NAMES[3])
    round_setup.record_recusal(
        empty_db, actor=m.secretary, dossier_id=m.dossiers[SHEET], member_id=m.members[NAMES[4]], reason="Người thân"
    )
    return m


def ballots(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Ballot)) or 0


@pytest.mark.parametrize(
    ("name", "mode", "codes"),
    [
        (NAMES[3], EntryMode.SELF, ["scoring.member_absent"]),
        (NAMES[3], EntryMode.PAPER, ["scoring.member_absent"]),
        (NAMES[4], EntryMode.SELF, ["scoring.member_recused"]),
        (NAMES[4], EntryMode.PAPER, ["scoring.member_recused"]),
    ],
)
def test_a_member_who_does_not_count_cannot_begin_a_ballot(
    meeting: Meeting, name: str, mode: EntryMode, codes: list[str]
) -> None:
    """Before, `_refusal` did not look at attendance: an absent member began a ballot left out of the count."""
    actor = meeting.actors[name] if mode is EntryMode.SELF else meeting.secretary
    with pytest.raises(Conflict) as info:
        scoring_session.open_ballot(
            meeting.db,
            actor=actor,
            dossier_id=meeting.dossiers[SHEET],
            member_id=meeting.members[name],
            entry_mode=mode,
        )
    assert [p.code for p in info.value.problems] == codes
    assert ("member", name) in info.value.problems[0].location
    assert ballots(meeting.db) == 0


def test_a_guest_cannot_begin_a_ballot(meeting: Meeting) -> None:
    with meeting.db.reading() as s:
        council_id = s.scalars(select(Round.council_id)).one()
    guest = round_setup.add_member(
        meeting.db, actor=meeting.secretary, council_id=council_id, full_name="Khách mời", role=MemberRole.GUEST
    )
    with pytest.raises(ValidationFailed) as info:
        scoring_session.start_paper_entry(
            meeting.db, actor=meeting.secretary, dossier_id=meeting.dossiers[OTHER], member_id=guest
        )
    # every reason, in full: the guest is not on the sitting's attendance either
    assert [p.code for p in info.value.problems] == ["scoring.not_a_scoring_member", "scoring.member_absent"]
    assert "khách mời không chấm điểm" in describe(info.value.problems[0])
    assert ballots(meeting.db) == 0


def test_a_draft_of_a_member_marked_absent_afterwards_can_neither_grow_nor_be_submitted(meeting: Meeting) -> None:
    ballot_id = meeting.score(OTHER, NAMES[2], submit=False)
    meeting.attend(NAMES[2], NAMES[3])
    for action in (
        lambda: scoring_session.record_choice(
            meeting.db, actor=meeting.actors[NAMES[2]], ballot_id=ballot_id, item_id="1.1", option_number=1
        ),
        lambda: scoring_session.submit_ballot(meeting.db, actor=meeting.actors[NAMES[2]], ballot_id=ballot_id),
    ):
        with pytest.raises(Conflict) as info:
            action()
        assert [p.code for p in info.value.problems] == ["scoring.member_absent"]
    with meeting.db.reading() as s:
        assert s.get(Ballot, ballot_id).status == "draft"


def test_the_agenda_and_the_result_expect_the_same_members(meeting: Meeting) -> None:
    """`round_view` recomputed the expected ballots apart from `assemble_inputs`; both now ask the one rule."""
    rows = {r.dossier_id: r for r in queries.round_view(meeting.db, meeting.round_id, actor=SYSTEM).dossiers}
    assert (rows[meeting.dossiers[SHEET]].expected, rows[meeting.dossiers[OTHER]].expected) == (3, 4)
    for sheet_id in (SHEET, OTHER):
        with meeting.db.reading() as s:
            _inputs, progress = results.scoring_progress(s, s.get(Dossier, meeting.dossiers[sheet_id]))
        assert progress.expected == rows[meeting.dossiers[sheet_id]].expected
    view = scoring_session.standing(meeting.db, dossier_id=meeting.dossiers[SHEET], member_id=meeting.members[NAMES[3]])
    assert (view.counts, view.may_write) == (False, False)
    assert "01/10/2026" in describe(view.reasons[0])


# a round past its recognition decision


@pytest.fixture
def decided(meeting: Meeting) -> Meeting:
    """The first product scored by the three members who count, approved and recognised by decision 15/QĐ-UBND;
    the second never scored."""
    for name in NAMES[:3]:
        meeting.score(SHEET, name)
    results.approve_result(meeting.db, actor=meeting.chair, dossier_id=meeting.dossiers[SHEET])
    recognition.issue_decision(
        meeting.db,
        actor=SYSTEM,
        round_id=meeting.round_id,
        number="15/QĐ-UBND",
        date=dt.date(2026, 10, 20),
        signer="Chủ tịch UBND tỉnh",
        issuing_body="UBND TỈNH THỬ",
    )
    return meeting


def _new_product(meeting: Meeting) -> str:
    with meeting.db.reading() as s:
        producer_id = s.scalars(select(Dossier)).first().product.producer_id
    return registry.create_product(
        meeting.db, actor=meeting.secretary, producer_id=producer_id, name="Sản phẩm bổ sung", sheet_id=SHEET,
        year=2026,
    ).product_id  # fmt: skip


def _add_by_form(meeting: Meeting, product_id: str) -> str:
    return registry.create_dossier(
        meeting.db, actor=meeting.secretary, round_id=meeting.round_id, product_id=product_id,
        registration_type=RegistrationType.FIRST, submission_date=dt.date(2026, 9, 2),
    )  # fmt: skip


def _register(meeting: Meeting) -> str:
    return registry.register_dossier(
        meeting.db, actor=meeting.secretary, round_id=meeting.round_id, producer_name="Hộ Lê Văn Mười",
        legal_form=LegalForm.HOUSEHOLD, producer_fields={"province_code": "19", "commune_code": "05503"},
        product_name="Mật ong", sheet_id=SHEET, registration_type=RegistrationType.FIRST,
        submission_date=dt.date(2026, 9, 3),
    )  # fmt: skip


def _import_list(meeting: Meeting, tmp_path: Path) -> object:
    preview = read_workbook(workbook(tmp_path / "ds.xlsx", GOOD[:1]))
    assert preview.ok, preview.problems
    return import_dossiers(meeting.db, actor=meeting.secretary, round_id=meeting.round_id, preview=preview)


def test_a_decided_round_refuses_every_addition_by_the_decisions_name(decided: Meeting, tmp_path: Path) -> None:
    """Before, an Excel list went into a round past its decision (its agenda numbers then repeated)."""
    db, product_id = decided.db, _new_product(decided)
    before = dump(db)
    additions = {
        "form": lambda: _add_by_form(decided, product_id),
        "register": lambda: _register(decided),
        "excel list": lambda: _import_list(decided, tmp_path),
        "own ballot": lambda: decided.score(OTHER, NAMES[1]),
        "paper ballot": lambda: decided.paper_ballot(OTHER, NAMES[2], {}),
        "re-score": lambda: scoring_session.start_rescore(
            db, actor=decided.chair, dossier_id=decided.dossiers[OTHER], reason="Chấm lại"
        ),
    }
    for what, action in additions.items():
        with pytest.raises(Conflict) as info:
            action()
        assert [p.code for p in info.value.problems] == ["round.decided"], what
        words = describe(info.value.problems[0])
        assert "quyết định công nhận số 15/QĐ-UBND ngày 20/10/2026" in words and "mở lại đợt" in words, what
    assert dump(db) == before


def test_reopening_needs_the_chair_and_a_reason_and_then_the_additions_work(decided: Meeting, tmp_path: Path) -> None:
    db = decided.db
    with pytest.raises(PermissionDenied):
        recognition.reopen_round(db, actor=decided.actors[NAMES[1]], round_id=decided.round_id, reason="Bổ sung")
    with pytest.raises(ValidationFailed) as info:
        recognition.reopen_round(db, actor=decided.chair, round_id=decided.round_id, reason="  ")
    assert [p.code for p in info.value.problems] == ["round.reopen_needs_reason"]

    recognition.reopen_round(db, actor=decided.chair, round_id=decided.round_id, reason="Hồ sơ bổ sung của xã")
    with db.reading() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "reopen_round")).one()
        assert event.reason == "Hồ sơ bổ sung của xã" and event.before["decision"] == "15/QĐ-UBND"
        assert s.get(Round, decided.round_id).status is RoundStatus.OPEN
    with pytest.raises(Conflict) as again:
        recognition.reopen_round(db, actor=decided.chair, round_id=decided.round_id, reason="Lần nữa")
    assert [p.code for p in again.value.problems] == ["round.not_decided"]

    added = _add_by_form(decided, _new_product(decided))
    imported = _import_list(decided, tmp_path)
    with db.reading() as s:
        assert s.get(Dossier, added).agenda_order == 3
    assert imported.agenda == (4, 4)  # type: ignore[attr-defined]
    decided.score(OTHER, NAMES[1])
    assert scoring_session.start_rescore(db, actor=decided.chair, dossier_id=decided.dossiers[OTHER], reason="Lại") == 2

    decided.dossiers["added"] = added
    for name in (NAMES[0], NAMES[1], NAMES[2], NAMES[4]):
        ballot_id = scoring_session.open_ballot(
            db, actor=decided.actors[name], dossier_id=added, member_id=decided.members[name]
        )
        scoring_session.record_choices(
            db, actor=decided.actors[name], ballot_id=ballot_id, choices=best_choices(load_sheet("QD26-2026", SHEET))
        )
        scoring_session.submit_ballot(db, actor=decided.actors[name], ballot_id=ballot_id)
    results.approve_result(db, actor=decided.chair, dossier_id=added)
    recognition.issue_decision(
        db, actor=SYSTEM, round_id=decided.round_id, number="16/QĐ-UBND", date=dt.date(2026, 11, 2),
        signer="Chủ tịch UBND tỉnh", issuing_body="UBND TỈNH THỬ",
    )  # fmt: skip
    with pytest.raises(Conflict) as closed:  # the next decision closes the round again
        _register(decided)
    assert "16/QĐ-UBND" in describe(closed.value.problems[0])


def test_a_round_without_a_decision_cannot_be_reopened(meeting: Meeting) -> None:
    with pytest.raises(UserFacingError) as info:
        recognition.reopen_round(meeting.db, actor=meeting.chair, round_id=meeting.round_id, reason="Thử")
    assert [p.code for p in info.value.problems] == ["round.not_decided"]
