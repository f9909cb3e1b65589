"""The `ocop-desktop` command line as a person (or a script) runs it: real processes, real files."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ocop_desktop.domain.errors import Problem
from ocop_desktop.paths import resource_root
from ocop_desktop.services.criteria_catalogue import load_sheet, rule_version
from ocop_desktop.services.score_ballots import _period
from tests.builders import best_choices

SCRIPT = Path(sys.executable).parent / "ocop-desktop"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ocop_desktop"]
DEMO = resource_root() / "examples" / "ballots-demo.json"


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None, timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], input=stdin, capture_output=True, text=True, timeout=timeout, check=False, cwd=cwd
    )


def secretary_args(tmp_path: Path, user: str = "thuky") -> list[str]:
    """`--user` and its password file: the demo account that makes a change through the command line."""
    from ocop_desktop.services.demo import DEMO_PASSWORD

    password = tmp_path / f"mat-khau-{user}.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    return ["--user", user, "--user-password-file", str(password)]


def write(tmp_path: Path, doc: Any, name: str = "ballots.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def demo_doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO.read_text(encoding="utf-8"))
    return data


def test_score_prints_one_json_object_with_the_documented_keys() -> None:
    proc = run("score", "--ballots", str(DEMO))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    for key in (
        "sheet",
        "criteria_version",
        "member_totals",
        "part_averages",
        "average_total",
        "band_stars",
        "stars",
        "certifiable",
        "unmet_minimums",
        "spread",
        "spread_exceeds_limit",
        "disputed_items",
    ):
        assert key in result
    assert result["sheet"] == "QD26-2026-07" and result["criteria_version"] == "QD26-2026"
    assert result["member_totals"][-1] is None  # the recused member, in input order
    totals = [float(t) for t in result["member_totals"] if t is not None]
    assert result["average_total"] == f"{sum(totals) / len(totals):.2f}"
    assert set(result["part_averages"]) == {"A", "B", "C"}
    assert all(len(v.split(".")[1]) == 2 for v in result["part_averages"].values())


def test_score_reads_standard_input() -> None:
    proc = run("score", "--ballots", "-", stdin=DEMO.read_text(encoding="utf-8"))
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["sheet"] == "QD26-2026-07"


def test_spread_over_limit_lists_disputed_items(tmp_path: Path) -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    best = best_choices(sheet)
    low = dict(best, **{"4.3": 1, "5.1": 1, "6.5": 1, "9": 1})
    doc = {
        "criteria_version": "QD26-2026",
        "sheet": sheet.sheet_id,
        "members": [
            {"name": "Trần Văn Hùng", "choices": best},
            {"name": "Lê Thị Hoa", "choices": low},
        ],
    }
    result = json.loads(run("score", "--ballots", str(write(tmp_path, doc))).stdout)
    assert result["spread"] == "19.00" and result["spread_exceeds_limit"] is True
    assert [d["item"] for d in result["disputed_items"]] == ["4.3", "5.1", "6.5", "9"]
    assert result["disputed_items"][0]["spread"] == "5.00"
    doc["spread_limit"] = 20
    assert json.loads(run("score", "--ballots", str(write(tmp_path, doc))).stdout)["spread_exceeds_limit"] is False


def test_unmet_minimum_reported_at_band_star(tmp_path: Path) -> None:
    sheet = load_sheet("QD26-2026", "QD26-2026-07")
    choices = dict(best_choices(sheet), **{"1.5": 2})  # 1 point where 4★ needs 2
    doc = {"criteria_version": "QD26-2026", "sheet": sheet.sheet_id, "members": [{"name": "An", "choices": choices}]}
    result = json.loads(run("score", "--ballots", str(write(tmp_path, doc))).stdout)
    assert result["band_stars"] == 5 and result["stars"] == 3 and result["certifiable"] is True
    assert result["unmet_minimums"] == [{"item": "1.5", "required": "3.00", "average": "1.00", "for_stars": 5}]


BAD_CASES = [
    ("not json", None, "không phải JSON"),
    ("unknown version", {"criteria_version": "QD99"}, "QD99"),
    ("unknown sheet", {"sheet": "QD26-2026-99"}, "QD26-2026-99"),
    ("unknown item", {"choices+": {"9.9": 1}}, "«9.9»"),
    ("missing item", {"choices-": "1.1"}, "1.1"),
    ("option out of range", {"choices+": {"1.1": 4}}, "phương án số 4 không có"),
    ("no scoring member", {"recused_all": True}, "hông có thành viên nào chấm điểm"),
    ("148 without sheets", {"criteria_version": "QD148-2023"}, "nhập bộ tiêu chí"),
]


@pytest.mark.parametrize(("label", "change", "needle"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_exits_nonzero_with_a_vietnamese_message(
    tmp_path: Path, label: str, change: Any, needle: str
) -> None:
    if change is None:
        path = tmp_path / "bad.json"
        path.write_text("{not json", encoding="utf-8")
    else:
        doc = demo_doc()
        member = doc["members"][0]
        for key, value in change.items():
            if key == "choices+":
                member["choices"].update(value)
            elif key == "choices-":
                del member["choices"][value]
            elif key == "recused_all":
                for m in doc["members"]:
                    m["recused"] = True
            else:
                doc[key] = value
        path = write(tmp_path, doc)
    proc = run("score", "--ballots", str(path))
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr
    if change is not None and any(k.startswith("choices") for k in change):
        assert "Trần Văn Hùng" in proc.stderr  # names the member


def test_a_ballot_mixing_tourism_cases_is_scored_with_a_warning(tmp_path: Path) -> None:
    """QĐ 26/2026 sheet 26: each of criteria 8, 9, 15 chooses its own case (CASE_PER_CRITERION)."""
    sheet = load_sheet("QD26-2026", "QD26-2026-26")
    choices = dict(best_choices(sheet), **{"9": 4})
    doc = {
        "criteria_version": "QD26-2026",
        "sheet": sheet.sheet_id,
        "members": [{"name": "Vũ Thị Lan", "choices": choices}],
    }
    proc = run("score", "--ballots", str(write(tmp_path, doc)))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["average_total"] == "100.00"
    assert result["warnings"] == [
        {"code": "ballot.mixed_cases", "member": "Vũ Thị Lan", "detail": "Trường hợp 1: 8, 15; Trường hợp 2: 9"}
    ]


FIVE_STARS = resource_root() / "examples" / "ballots-5-sao.json"


@pytest.mark.parametrize(
    ("policy", "level", "recognised", "referred_to"),
    [
        (None, None, None, "central"),  # the default: refer_and_wait at a provincial council
        ("refer_and_wait", "province", None, "central"),
        ("recognise_within_authority", "province", 4, "central"),
        ("recognise_within_authority", "commune", None, "central"),  # a commune recognises no star
        ("recognise_within_authority", "central", 5, None),
    ],
)
def test_score_says_the_star_recognised_now_for_both_policies(
    tmp_path: Path, policy: str | None, level: str | None, recognised: int | None, referred_to: str | None
) -> None:
    """The README's example of a product averaging ≥ 90 (resources/examples/ballots-5-sao.json)."""
    doc = json.loads(FIVE_STARS.read_text(encoding="utf-8"))
    for key, value in (("above_authority", policy), ("council_level", level)):
        doc.pop(key, None)
        if value is not None:
            doc[key] = value
    proc = run("score", "--ballots", str(write(tmp_path, doc)))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert (result["average_total"], result["band_stars"], result["stars"]) == ("98.33", 5, 5)
    assert result["above_authority"] == (policy or "refer_and_wait")
    assert (result["recognised_stars"], result["referred_to"]) == (recognised, referred_to)
    assert result["refer_to_central"] is True  # the engine's own word, unchanged


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"above_authority": "cong_nhan"}, "chính sách với sản phẩm vượt thẩm quyền"),
        ({"council_level": "tinh"}, "cấp hội đồng"),
        ({"decision_date": "31/12/2026"}, "ngày ký quyết định công nhận"),
    ],
)
def test_a_bad_policy_level_or_date_is_named(tmp_path: Path, change: dict[str, str], needle: str) -> None:
    doc = json.loads(FIVE_STARS.read_text(encoding="utf-8")) | change
    proc = run("score", "--ballots", str(write(tmp_path, doc)))
    assert proc.returncode != 0 and proc.stdout == ""
    assert needle in proc.stderr and "Traceback" not in proc.stderr


def test_a_version_with_two_recognition_periods_needs_the_decision_date() -> None:
    """QĐ 148: the district recognised 3★ until 05/7/2025, the province after."""
    version = rule_version("QD148-2023")
    problems: list[Problem] = []
    assert _period(version, None, problems) is None
    assert [(p.code, p.params["field"]) for p in problems] == [("input.missing_field", "decision_date")]
    period = _period(version, dt.date(2025, 3, 1), problems)
    assert period is not None and period.levels[3] == "district"


def test_english_messages(tmp_path: Path) -> None:
    doc = demo_doc()
    doc["members"][0]["choices"]["1.1"] = 7
    proc = run("score", "--ballots", str(write(tmp_path, doc)), "--lang", "en")
    assert proc.returncode != 0
    assert "Member 'Trần Văn Hùng'" in proc.stderr and "there is no option 7" in proc.stderr


def test_score_does_not_load_qt_or_the_database_layer() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from ocop_desktop.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): rc = main(['score', '--ballots', {str(DEMO)!r}])\n"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'reportlab', 'openpyxl', 'yaml') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "0 []"


def test_criteria_list_and_show() -> None:
    listing = run("criteria", "list", "--version", "QD26-2026")
    assert listing.returncode == 0
    assert len(listing.stdout.strip().splitlines()) == 26
    shown = run("criteria", "show", "QD26-2026-07")
    assert shown.returncode == 0
    assert "Chế biến từ rau, củ, quả, hạt" in shown.stdout
    assert "★★★" in shown.stdout and "Chỉ áp dụng khi có câu chuyện sản phẩm" in shown.stdout
    assert "Phiên bản: " in shown.stdout and "\nPHẦN A. " in shown.stdout and "Rule version" not in shown.stdout
    english = run("criteria", "show", "QD26-2026-07", "--lang", "en")
    assert "Rule version: " in english.stdout and "\nPART A. " in english.stdout and "Phiên bản" not in english.stdout
    as_json = json.loads(run("criteria", "show", "QD26-2026-26", "--json").stdout)
    assert as_json["sheet_id"] == "QD26-2026-26" and len(as_json["parts"]) == 3
    missing = run("criteria", "show", "QD26-2026-99")
    assert missing.returncode != 0 and "QD26-2026-99" in missing.stderr


def test_criteria_versions_by_date() -> None:
    proc = run("criteria", "versions", "--date", "21/05/2026", "--json")
    levels = {"3": "province", "4": "province", "5": "central"}
    assert json.loads(proc.stdout) == {"date": "2026-05-21", "version": "QD148-2023", "recognition": levels}
    assert json.loads(run("criteria", "versions", "--date", "22/05/2026", "--json").stdout)["version"] == "QD26-2026"
    early = run("criteria", "versions", "--date", "01/01/2019")
    assert early.returncode != 0 and "01/01/2019" in early.stderr


def test_validate_one_sheet_of_the_shared_file_and_a_broken_copy(tmp_path: Path, shared_domain: Path) -> None:
    catalogue = yaml.safe_load((shared_domain / "criteria-26-2026.yaml").read_text(encoding="utf-8"))
    single = dict(catalogue, sheets=[catalogue["sheets"][13]])
    good = tmp_path / "one-sheet.yaml"
    good.write_text(yaml.safe_dump(single, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ok = run("criteria", "validate", str(good))
    assert ok.returncode == 0, ok.stderr
    assert "Hợp lệ" in ok.stdout

    broken_data = copy.deepcopy(single)
    broken_data["sheets"][0]["parts"][2]["max"] = 36
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(broken_data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    bad = run("criteria", "validate", str(broken))
    assert bad.returncode != 0
    assert "phiếu QD26-2026-14, phần C" in bad.stderr
    assert "dòng" in bad.stderr  # the line to fix
    assert "Traceback" not in bad.stderr


def test_validate_whole_shared_files(shared_domain: Path) -> None:
    proc = run(
        "criteria",
        "validate",
        str(shared_domain / "criteria-26-2026.yaml"),
        str(shared_domain / "criteria-1048-2019.yaml"),
    )
    assert proc.returncode == 0, proc.stderr
    assert "26" in proc.stdout


def test_validate_refuses_garbage_cleanly(tmp_path: Path) -> None:
    bad_yaml = tmp_path / "x.yaml"
    bad_yaml.write_text("sheets: [\n  - {a: 1\n", encoding="utf-8")
    proc = run("criteria", "validate", str(bad_yaml), str(tmp_path / "absent.yaml"))
    assert proc.returncode != 0
    assert "YAML" in proc.stderr and "không đọc được tệp" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_demo_ballots_scores_the_bundled_ballots() -> None:
    proc = run("demo", "--ballots")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["stars"] == 4
    assert "Bản chạy thử" in proc.stderr


def test_demo_ballots_goes_alone(tmp_path: Path) -> None:
    proc = run("demo", "--ballots", "--db", str(tmp_path / "x.ocopdb"))
    assert proc.returncode == 2 and "--ballots chỉ chấm bộ phiếu mẫu" in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "x.ocopdb").exists()


DOCUMENTS = {
    "phieu-danh-gia.pdf",
    "bien-ban-hop-hoi-dong.pdf",
    "bang-tong-hop-ket-qua.pdf",
    "bang-tong-hop-ket-qua.xlsx",
    "phu-luc-danh-sach-san-pham.pdf",
    "phu-luc-danh-sach-san-pham.xlsx",
    "giay-chung-nhan.pdf",
    "giay-chung-nhan.xlsx",
    "phieu-gop-y.pdf",
}


def test_demo_alone_builds_the_round_and_its_documents_in_a_new_dated_folder(tmp_path: Path) -> None:
    proc = run("demo", cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    (folder,) = tmp_path.iterdir()
    assert re.fullmatch(r"ocop-demo-\d{8}-\d{6}", folder.name)
    assert (folder / "demo.ocopdb").is_file() and DOCUMENTS <= {p.name for p in folder.iterdir()}
    assert all(name in proc.stdout for name in DOCUMENTS) and str(folder.resolve()) in proc.stdout
    assert "12 hồ sơ" in proc.stdout and "10 giấy chứng nhận" in proc.stdout
    assert not (folder / "screenshots").exists()


def test_demo_out_with_screenshots_saves_every_view(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "new folder"
    proc = run("demo", "--out", str(out), "--screenshots", "--lang", "en", timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert (out / "demo.ocopdb").is_file() and DOCUMENTS <= {p.name for p in out.iterdir()}
    views = ("start", "round", "setup", "dossier", "scoring", "results", "documents", "criteria", "province")
    shots = out / "screenshots"
    assert {p.name for p in shots.iterdir()} == {f"{view}.png" for view in (*views, "projector")}
    assert f"Screenshots of every view in {shots.resolve()}" in proc.stdout
    for shot in shots.iterdir():
        image = QImage(str(shot))
        assert image.width() >= 800 and image.height() >= 500, shot.name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 40, shot.name  # text and widgets, not a blank window
        assert f"  {shot.name}" in proc.stdout


def test_the_demo_speaks_the_language_the_system_names_unless_told(tmp_path: Path) -> None:
    english = {**os.environ, "LANG": "en_US.UTF-8"}
    proc = subprocess.run(
        [*COMMAND, "demo", "--db", str(tmp_path / "en" / "demo.ocopdb")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=english,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Demo data file:" in proc.stdout and "12 dossiers" in proc.stdout and "hồ sơ" not in proc.stdout
    told = subprocess.run(
        [*COMMAND, "demo", "--db", str(tmp_path / "vi" / "demo.ocopdb"), "--lang", "vi"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=english,
    )
    assert told.returncode == 0, told.stderr
    assert "Tệp dữ liệu mẫu:" in told.stdout and "12 hồ sơ" in told.stdout


def test_demo_db_alone_builds_only_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "demo.ocopdb"
    proc = run("demo", "--db", str(path), timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert {p.name for p in path.parent.iterdir()} == {"demo.ocopdb", "backups"}
    again = run("demo", "--db", str(path))
    assert again.returncode == 2 and "tệp đã có" in again.stderr and again.stdout == ""


def test_demo_where_nothing_can_be_written_says_so_before_building(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    proc = run("demo", "--out", str(blocker / "demo"), "--lang", "en")
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert "the demo data file cannot be made here" in proc.stderr and "demo.ocopdb" in proc.stderr
