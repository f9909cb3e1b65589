"""`ocop-desktop demo --before-meeting` and `gui --demo --before-meeting` as a person runs them: real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from ocop_desktop.models import Ballot, Certificate, Decision, Recusal, Result
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import accounts, queries
from ocop_desktop.services.actor import SYSTEM, Actor
from ocop_desktop.services.demo import DEMO_FILE_NAME, DEMO_PASSWORD, REHEARSAL_FILE_NAME

COMMAND = [sys.executable, "-m", "ocop_desktop"]


def run(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=timeout, check=False, env=env)


def test_demo_before_meeting_builds_the_rehearsal_and_prints_every_sign_in(tmp_path: Path) -> None:
    path = tmp_path / "tap-duot.ocopdb"
    proc = run("demo", "--db", str(path), "--before-meeting", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"Demo data file: {path}" in out
    assert "12 dossiers; the sitting of 15/10/2026 opened at 08:00, attendance taken (6/7 scoring members" in out
    assert "no ballot, result or decision yet" in out
    assert "thuky (secretary)" in out and f"tv1 (chair) — password: {DEMO_PASSWORD}" in out
    assert "  Nguyễn Văn Thành: account tv1, PIN 1111\n" in out
    assert "  Hoàng Minh Khôi: account tv6, PIN 6666 (absent)\n" in out
    assert "  Vũ Thị Lan: account tv7, PIN 7777\n" in out
    assert "Bùi Thanh Sơn" not in out  # a guest does not score
    assert {p.name for p in tmp_path.iterdir()} == {path.name}  # no documents without --out
    with Database.open(path) as db:
        round_id = queries.list_rounds(db)[0].round_id
        members = {m.full_name: m.member_id for m in accounts.member_pins(db, actor=_secretary(db), round_id=round_id)}
        assert accounts.sign_in_member(db, member_id=members["Lê Đức Thắng"], pin="3333").username == "Lê Đức Thắng"
        assert len(queries.round_view(db, round_id, actor=SYSTEM).dossiers) == 12
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Recusal)) == 1
            for table in (Ballot, Result, Decision, Certificate):
                assert s.scalar(select(func.count()).select_from(table)) == 0


def test_with_out_it_prints_what_a_council_prints_before_its_meeting(tmp_path: Path) -> None:
    out = tmp_path / "tap duot"
    proc = run("demo", "--before-meeting", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "đã điểm danh (6/7 thành viên chấm điểm có mặt)" in proc.stdout
    assert "  Hoàng Minh Khôi: tài khoản tv6, mã PIN 6666 (vắng mặt)\n" in proc.stdout
    assert "tv1 (chủ tịch)" in proc.stdout
    made = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and "backups" not in p.parts}
    workbooks = {name for name in made if name.startswith("phieu-excel/")}
    key = "demo-truoc-phien-hop.khoa-mau/council-key.json"  # the demo key, should the rehearsal reach certificates
    assert made - workbooks == {"demo-truoc-phien-hop.ocopdb", "phieu-danh-gia.pdf", key}
    assert len(workbooks) == 6  # one per member present who scores
    assert all(f"  {name}" in proc.stdout for name in (*workbooks, "phieu-danh-gia.pdf"))


def test_gui_demo_before_meeting_opens_the_rehearsal_headless(tmp_path: Path) -> None:
    data = tmp_path / "data"
    picture = tmp_path / "x.png"
    env = {**os.environ, "OCOP_DESKTOP_DATA": str(data), "QT_QPA_PLATFORM": "offscreen"}
    proc = run("gui", "--demo", "--before-meeting", "--screenshot", str(picture), "--view", "round", env=env)
    assert proc.returncode == 0, proc.stderr
    assert picture.stat().st_size > 10_000
    assert (data / REHEARSAL_FILE_NAME).is_file() and not (data / DEMO_FILE_NAME).exists()
    with Database.open(data / REHEARSAL_FILE_NAME) as db, db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Ballot)) == 0


def test_before_meeting_goes_with_the_demo_only(tmp_path: Path) -> None:
    alone = run("gui", "--before-meeting", "--screenshot", str(tmp_path / "x.png"))
    assert alone.returncode == 2 and alone.stdout == "" and "Traceback" not in alone.stderr
    assert "--before-meeting mở đợt mẫu như lúc khai mạc phiên họp; hãy dùng cùng --demo" in alone.stderr
    ballots = run("demo", "--ballots", "--before-meeting", "--lang", "en")
    assert ballots.returncode == 2 and "it does not go with --db, --out, --screenshots or --before-meeting" in (
        ballots.stderr
    )
    assert not (tmp_path / "x.png").exists()


def _secretary(db: Database) -> Actor:
    return accounts.authenticate(db, username="thuky", password=DEMO_PASSWORD)
