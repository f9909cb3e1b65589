"""Taking exchange files into a database: the province merging councils' rounds and a secretary taking a member's
ballots from the member's laptop — each refusal with its message, conflicts never overwritten, the same file twice
changing nothing, and the receiving database untouched whenever a file is not taken."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.cli import main
from ocop_desktop.domain.enums import CertificateStatus, RevocationGround, Role
from ocop_desktop.models import AuditEvent, Ballot, Certificate, ExchangeImport, Result, Round
from ocop_desktop.persistence import exchange_file
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import (
    installation_key,
    public_key_line,
    revoke_key,
    trust_public_key,
)
from ocop_desktop.services import accounts, scoring_session
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.exchange_import import Outcome, import_files
from ocop_desktop.services.verify_database import verify_file
from tests.builders import best_choices, council_key
from tests.exchange_helpers import dump, resign
from tests.integration.meeting import NAMES, PASSWORD, build_meeting

EXCHANGED = [name for name, _key, _where in exchange_file.TABLES] + ["exchange_imports"]


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


@pytest.fixture
def province(tmp_path: Path) -> Database:
    db = Database.open(tmp_path / "tinh.ocopdb", create=True)
    yield db
    db.close()


@pytest.fixture
def exported(demo_db: Database, tmp_path: Path) -> Path:
    return export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "dot-1.ocop").path


def test_a_round_goes_in_whole_and_comes_out_with_the_same_code(
    province: Database, exported: Path, tmp_path: Path
) -> None:
    report = import_files(province, [exported], actor=SYSTEM)
    assert report.ok and not report.dry_run and report.backup is not None
    (only,) = report.files
    assert only.outcome is Outcome.IMPORTED and only.issuer == ""
    assert only.changes["ballot_choices"]["new"] > 1000 and only.changes["certificates"]["new"] == 10
    again = export_round(province, actor=SYSTEM, round_id=only.manifest["round_id"], out=tmp_path / "back.ocop")
    assert again.manifest["content_sha256"] == only.manifest["content_sha256"]
    assert verify_file(province.path).ok
    with province.reading() as s:
        row = s.scalars(select(ExchangeImport)).one()
        assert (row.revision, row.file_name, row.key_accepted) == (1, "dot-1.ocop", False)
        assert s.scalar(select(func.count()).where(AuditEvent.action == "import_exchange")) == 1


def test_the_same_file_twice_changes_nothing(province: Database, exported: Path) -> None:
    import_files(province, [exported], actor=SYSTEM)
    before = dump(province)
    report = import_files(province, [exported], actor=SYSTEM)
    assert report.ok and report.files[0].outcome is Outcome.ALREADY
    assert report.files[0].notes[0].code == "import.already"
    assert dump(province) == before


def test_a_dry_run_previews_exactly_and_touches_nothing(province: Database, exported: Path) -> None:
    before = dump(province)
    preview = import_files(province, [exported, exported], actor=SYSTEM, dry_run=True)
    assert dump(province) == before
    assert [f.outcome for f in preview.files] == [Outcome.IMPORTED, Outcome.ALREADY]
    real = import_files(province, [exported], actor=SYSTEM)
    assert real.files[0].changes == preview.files[0].changes


def test_a_later_revision_changes_what_may_change_and_an_older_one_is_refused(
    demo_db: Database, province: Database, exported: Path, tmp_path: Path
) -> None:
    import_files(province, [exported], actor=SYSTEM)
    skipped = export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "dot-2.ocop").path
    with demo_db.transaction() as s:  # the council revokes a certificate after its first file
        certificate = s.scalars(select(Certificate).order_by(Certificate.number)).first()
        assert certificate is not None
        certificate.revocation_reason = "Vi phạm an toàn thực phẩm"
        certificate.status = CertificateStatus.REVOKED
        certificate.revocation_date = dt.date(2026, 11, 20)
        certificate.revocation_ground = RevocationGround.VIOLATION
        number = certificate.number
    third = export_round(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "dot-3.ocop").path
    report = import_files(province, [third], actor=SYSTEM)
    assert report.ok and report.files[0].changes["certificates"]["changed"] == 1
    with province.reading() as s:
        assert s.scalars(select(Certificate.status).where(Certificate.number == number)).one() == "revoked"
    before = dump(province)
    older = import_files(province, [skipped], actor=SYSTEM)
    assert older.files[0].outcome is Outcome.REFUSED
    assert older.files[0].problems[0].code == "import.older_revision"
    assert dump(province) == before


def test_the_same_revision_with_other_content_is_an_alarm(province: Database, exported: Path, tmp_path: Path) -> None:
    import_files(province, [exported], actor=SYSTEM)
    twin = tmp_path / "twin.ocop"
    shutil.copy(exported, twin)
    with sqlite3.connect(twin) as con:
        con.execute("UPDATE rounds SET place = 'Hội trường B'")
    resign(twin)
    before = dump(province)
    report = import_files(province, [twin], actor=SYSTEM)
    assert report.files[0].problems[0].code == "import.equivocation"
    assert dump(province) == before


def test_an_unknown_key_is_refused_unless_an_officer_accepts_it(
    province: Database, exported: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "foreign.ocop"
    shutil.copy(exported, foreign)
    resign(foreign, tmp_path / "other-council")
    before = dump(province)
    refused = import_files(province, [foreign], actor=SYSTEM)
    assert refused.files[0].problems[0].code == "import.untrusted_key"
    assert dump(province) == before
    key = council_key(tmp_path / "other-council").key_id
    taken = import_files(province, [foreign], actor=SYSTEM, accept_keys=[key])
    assert taken.ok and taken.files[0].key_accepted
    with province.reading() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "accept_untrusted_key")).one()
        assert event.after["key_id"] == key and event.after["file"] == "foreign.ocop"
        assert s.scalars(select(ExchangeImport.key_accepted)).one() is True


def test_a_trusted_key_revoked_before_the_signing_date_is_refused(exported: Path, province: Database) -> None:
    own = installation_key()
    revoke_key(own.key_id, dt.date.today() - dt.timedelta(days=1), "máy bị mất")
    report = import_files(province, [exported], actor=SYSTEM)
    assert report.files[0].problems[0].code == "import.key_revoked"
    revoke_key(own.key_id, dt.date.today() + dt.timedelta(days=1), "máy bị mất")
    report = import_files(province, [exported], actor=SYSTEM)
    assert report.ok and report.files[0].notes[0].code == "import.signed_before_revocation"


def test_a_changed_value_under_a_valid_signature_is_still_checked_by_recomputation(
    exported: Path, province: Database, tmp_path: Path
) -> None:
    """The council's own key signs a file whose stored stars no longer follow from its ballots."""
    wrong = tmp_path / "wrong.ocop"
    shutil.copy(exported, wrong)
    with sqlite3.connect(wrong) as con:
        con.execute("UPDATE results SET stars = 5, band_stars = 5 WHERE stars = 3")
    resign(wrong)
    report = import_files(province, [wrong], actor=SYSTEM)
    assert report.files[0].outcome is Outcome.REFUSED
    assert {p.code for p in report.files[0].problems} == {"verify.result_differs"}


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        ("UPDATE ballot_choices SET option_number = 99 WHERE rowid = 1", "import.unknown_option"),
        ("UPDATE ballots SET status = 'lost' WHERE rowid = 1", "exchange.rule_broken"),
        ("UPDATE ballots SET scoring_round = 'một' WHERE rowid = 1", "exchange.bad_type"),
        ("UPDATE certificates SET issue_date = '2026-02-30' WHERE rowid = 1", "exchange.bad_type"),
        ("UPDATE results SET locked = 2 WHERE rowid = 1", "exchange.bad_type"),
        ("DELETE FROM council_members WHERE rowid = 1", "import.dangling"),
        ("UPDATE dossiers SET round_id = 'khác' WHERE rowid = 1", "import.out_of_scope"),
        ("UPDATE criteria_snapshots SET content = content || ' ' WHERE rowid = 1", "verify.snapshot_altered"),
        ("UPDATE results SET inputs = '[]' WHERE rowid = 1", "import.malformed"),
    ],
)
def test_every_value_is_checked_even_under_a_valid_signature(
    exported: Path, province: Database, tmp_path: Path, statement: str, code: str
) -> None:
    odd = tmp_path / "odd.ocop"
    shutil.copy(exported, odd)
    with sqlite3.connect(odd) as con:
        con.execute(statement)
        counts = exchange_file.content_digest(con)[1]
    resign(odd, counts=__import__("json").dumps(counts, sort_keys=True))
    before = dump(province)
    report = import_files(province, [odd], actor=SYSTEM)
    assert report.files[0].outcome is Outcome.REFUSED
    assert report.files[0].problems[0].code == code
    assert dict(report.files[0].problems[0].location)["file"] == "odd.ocop"
    assert dump(province) == before


def test_two_councils_with_the_same_product_codes_conflict_and_nothing_is_overwritten(
    province: Database, exported: Path, tmp_path: Path
) -> None:
    other_path = tmp_path / "other" / "demo.ocopdb"
    other_path.parent.mkdir()
    from ocop_desktop.services.demo import build_demo

    build_demo(other_path, seed=7)
    with Database.open(other_path) as other:
        second = export_round(other, actor=SYSTEM, round_id=_round(other), out=tmp_path / "other.ocop").path
    import_files(province, [exported], actor=SYSTEM)
    before = dump(province)
    report = import_files(province, [second], actor=SYSTEM)
    assert report.files[0].outcome is Outcome.CONFLICTS
    clashes = {p.params["table"] for p in report.files[0].problems if p.code == "import.same_natural_key"}
    assert {"products", "certificates"} <= clashes
    assert dump(province) == before


def test_a_product_scored_by_two_councils_in_one_year_is_flagged(
    province: Database, exported: Path, tmp_path: Path
) -> None:
    import_files(province, [exported], actor=SYSTEM)
    copy = tmp_path / "copy.ocop"
    shutil.copy(exported, copy)
    with sqlite3.connect(copy) as con:  # another council's round over the same product records
        con.execute("UPDATE councils SET id = 'hoi-dong-khac', name = 'Hội đồng khác'")
        for table in ("rounds", "council_members", "advisory_members"):
            con.execute(f"UPDATE {table} SET council_id = 'hoi-dong-khac'")
        con.execute("UPDATE rounds SET id = 'dot-khac'")
        for table in ("dossiers", "meeting_sessions", "decisions"):
            con.execute(f"UPDATE {table} SET round_id = 'dot-khac'")
        for table in ("dossiers", "ballots", "results", "certificates", "decisions", "council_members"):
            con.execute(f"UPDATE {table} SET id = id || '-2'")
    resign(copy, round_id="dot-khac", council_id="hoi-dong-khac", council_name="Hội đồng khác")
    report = import_files(province, [copy], actor=SYSTEM, dry_run=True)
    codes = {p.code for p in report.files[0].problems}
    assert report.files[0].outcome in (Outcome.CONFLICTS, Outcome.REFUSED)
    assert "import.product_two_councils" in codes or report.files[0].outcome is Outcome.REFUSED


# a member's ballots from the member's own laptop


@pytest.fixture
def council(empty_db: Database, tmp_path: Path) -> object:
    """Four members score at the secretary's laptop after the round went out to the fifth member's laptop (a round
    file carries every ballot, so it is not written while ballots are in and still secret)."""
    meeting = build_meeting(empty_db)
    meeting.attend()
    export_round(empty_db, actor=SYSTEM, round_id=meeting.round_id, out=tmp_path / "round.ocop")
    for name in NAMES[:4]:
        meeting.score("QD26-2026-07", name)
    return meeting


def _laptop(council: object, tmp_path: Path) -> tuple[Database, object]:
    """The last member's laptop: the round taken in from the secretary's file, the member signed in there."""
    laptop = Database.open(tmp_path / "laptop.ocopdb", create=True)
    assert import_files(laptop, [tmp_path / "round.ocop"], actor=SYSTEM).ok
    admin_id = accounts.create_user(
        laptop, actor=None, username="admin", full_name="Quản trị", password=PASSWORD, roles={Role.ADMIN}
    )
    del admin_id
    admin = accounts.authenticate(laptop, username="admin", password=PASSWORD)
    member_id = council.members[NAMES[4]]
    accounts.create_user(
        laptop,
        actor=admin,
        username="tv4",
        full_name=NAMES[4],
        password=PASSWORD,
        roles={Role.MEMBER},
        member_id=member_id,
    )
    return laptop, accounts.authenticate(laptop, username="tv4", password=PASSWORD)


def _score_on(laptop: Database, member: object, dossier_id: str) -> None:
    ballot_id = scoring_session.open_ballot(laptop, actor=member, dossier_id=dossier_id, member_id=member.member_id)
    for item_id, number in best_choices(load_sheet("QD26-2026", "QD26-2026-07")).items():
        scoring_session.record_choice(laptop, actor=member, ballot_id=ballot_id, item_id=item_id, option_number=number)
    scoring_session.submit_ballot(laptop, actor=member, ballot_id=ballot_id)


def test_a_members_ballots_travel_from_their_laptop_to_the_secretary(council: object, tmp_path: Path) -> None:
    laptop, member = _laptop(council, tmp_path)
    dossier_id = council.dossiers["QD26-2026-07"]
    _score_on(laptop, member, dossier_id)
    laptop_key = council_key(tmp_path / "laptop-key")
    ballots = export_round(
        laptop, actor=member, round_id=council.round_id, out=tmp_path / "tv4.ocop", member_id=member.member_id,
        key=laptop_key,
    )  # fmt: skip
    assert ballots.manifest["kind"] == "ballots" and ballots.manifest["member_name"] == NAMES[4]
    laptop.close()
    trust_public_key(public_key_line(laptop_key, f"Máy của {NAMES[4]}"))
    with council.db.reading() as s:
        before = s.scalars(select(Result).where(Result.dossier_id == dossier_id)).one().inputs_hash
    report = import_files(council.db, [ballots.path], actor=council.secretary)
    assert report.ok, report.files[0].problems
    assert report.files[0].changes["ballots"]["new"] == 1
    with council.db.reading() as s:
        ballot = s.scalars(select(Ballot).where(Ballot.member_id == member.member_id)).one()
        assert ballot.status == "submitted" and len(ballot.choices) > 20
        after = s.scalars(select(Result).where(Result.dossier_id == dossier_id)).one()
        assert after.inputs_hash != before and member.member_id in after.computed["members"]
    again = import_files(council.db, [ballots.path], actor=council.secretary)
    assert again.files[0].outcome is Outcome.ALREADY


def test_a_member_cannot_bring_another_members_ballot(council: object, tmp_path: Path) -> None:
    laptop, member = _laptop(council, tmp_path)
    _score_on(laptop, member, council.dossiers["QD26-2026-07"])
    laptop_key = council_key(tmp_path / "laptop-key")
    path = tmp_path / "tv4.ocop"
    export_round(laptop, actor=member, round_id=council.round_id, out=path, member_id=member.member_id, key=laptop_key)
    laptop.close()
    with sqlite3.connect(path) as con:  # the ballot relabelled as the chair's
        con.execute("UPDATE ballots SET member_id = ?", (council.members[NAMES[0]],))
    resign(path, tmp_path / "laptop-key")
    report = import_files(council.db, [path], actor=council.secretary, accept_keys=[laptop_key.key_id])
    assert report.files[0].problems[0].code == "import.ballot_for_another_member"


def test_a_ballot_already_submitted_here_is_a_conflict(council: object, tmp_path: Path) -> None:
    laptop, member = _laptop(council, tmp_path)
    dossier_id = council.dossiers["QD26-2026-07"]
    _score_on(laptop, member, dossier_id)
    laptop_key = council_key(tmp_path / "laptop-key")
    path = export_round(
        laptop, actor=member, round_id=council.round_id, out=tmp_path / "tv4.ocop", member_id=member.member_id,
        key=laptop_key,
    ).path  # fmt: skip
    laptop.close()
    council.score("QD26-2026-07", NAMES[4])  # meanwhile typed in at the secretary's laptop
    before = dump(council.db)
    report = import_files(council.db, [path], actor=council.secretary, accept_keys=[laptop_key.key_id])
    assert report.files[0].outcome is Outcome.CONFLICTS
    assert report.files[0].problems[0].code == "import.same_natural_key"
    assert dump(council.db) == before


def test_import_command_creates_the_province_file_previews_and_refuses(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tinh" / "tinh.ocopdb"
    password = tmp_path / "mat-khau.txt"
    password.write_text("mat-khau-tinh-2026\n", encoding="utf-8")
    officer = ["--as", "canbo", "--user-password-file", str(password)]  # a new file: its first account
    assert main(["import", "--db", str(target), *officer, str(exported), "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "SẼ NHẬP" in shown and "ballot_choices" in shown and "Mã xác thực" in shown
    assert main(["import", "--db", str(target), *officer, str(exported)]) == 0
    assert "ĐÃ NHẬP" in capsys.readouterr().out
    assert main(["import", "--db", str(target), *officer, str(exported), "--lang", "en"]) == 0
    assert "ALREADY HERE" in capsys.readouterr().out
    junk = tmp_path / "junk.ocop"
    junk.write_bytes(b"not sqlite at all")
    assert main(["import", "--db", str(target), *officer, str(junk)]) == 1
    assert "KHÔNG NHẬP" in capsys.readouterr().out
    password.write_text("sai-mat-khau-2026\n", encoding="utf-8")
    assert main(["import", "--db", str(target), *officer, str(exported)]) == 2
    assert "mật khẩu không đúng" in capsys.readouterr().err
    with Database.open(target) as db, db.reading() as s:
        imported = s.scalars(select(AuditEvent).where(AuditEvent.action == "import_exchange")).all()
        assert [e.username for e in imported] == ["canbo"]


def test_the_minutes_print_the_code_the_file_carries(demo_db: Database, tmp_path: Path) -> None:
    """The province compares the file's code with the signed minutes: the same code, and it does not move when the
    decision's certificates change after the meeting."""
    from ocop_desktop.services.exchange import meeting_fingerprint
    from ocop_desktop.services.round_documents import minutes_data

    round_id = _round(demo_db)
    printed = minutes_data(demo_db, actor=SYSTEM, round_id=round_id).fingerprint
    exported = export_round(demo_db, actor=SYSTEM, round_id=round_id, out=tmp_path / "dot.ocop")
    assert printed == exported.fingerprint and len(printed) == 24
    with demo_db.transaction() as s:
        certificate = s.scalars(select(Certificate)).first()
        assert certificate is not None
        certificate.revocation_reason = "Vi phạm nhãn hàng hóa"
    assert meeting_fingerprint(demo_db, round_id) == printed
    with demo_db.transaction() as s:
        rnd = s.get(Round, round_id)
        assert rnd is not None
        rnd.place = "Hội trường khác"
    assert meeting_fingerprint(demo_db, round_id) != printed


def test_an_import_into_a_data_file_replaced_meanwhile_is_not_acknowledged(
    province: Database, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import writes through its own session: it too checks, before committing, that the file at the path is
    still the one it opened (an office copied an older file over it while the officer imported)."""
    from ocop_desktop.domain.errors import DatabaseProblem
    from ocop_desktop.services import exchange_import

    older = tmp_path / "older.ocopdb"
    shutil.copyfile(province.path, older)
    register = exchange_import._register

    def replaced_meanwhile(*args: object, **kwargs: object) -> None:
        os.replace(older, province.path)  # the older copy now at the path
        register(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(exchange_import, "_register", replaced_meanwhile)
    with pytest.raises(DatabaseProblem) as stopped:
        import_files(province, [exported], actor=SYSTEM)
    assert stopped.value.problems[0].code.startswith("db.file_replaced")


def test_a_ballot_from_the_laptop_of_a_member_marked_absent_here_is_refused(council: object, tmp_path: Path) -> None:
    """Issue 16: the import re-implemented recusal and lock only; a member the sitting marked absent brought a
    ballot that was stored and then silently left out of the count."""
    laptop, member = _laptop(council, tmp_path)
    _score_on(laptop, member, council.dossiers["QD26-2026-07"])
    laptop_key = council_key(tmp_path / "laptop-key")
    path = export_round(
        laptop, actor=member, round_id=council.round_id, out=tmp_path / "tv4.ocop", member_id=member.member_id,
        key=laptop_key,
    ).path  # fmt: skip
    laptop.close()
    council.attend(NAMES[4])  # the secretary's record of the sitting: the fifth member was not there
    before = dump(council.db)
    report = import_files(council.db, [path], actor=council.secretary, accept_keys=[laptop_key.key_id])
    assert report.files[0].outcome is Outcome.CONFLICTS
    problem = report.files[0].problems[0]
    assert problem.code == "scoring.member_absent" and problem.params == {"date": "01/10/2026"}
    assert ("member", NAMES[4]) in problem.location and ("product", "Sản phẩm QD26-2026-07") in problem.location
    assert dump(council.db) == before
