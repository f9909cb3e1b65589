"""`ocop-desktop province show` and `province export` on a province file merged from three councils: the summary in
Vietnamese (and English), the workbook read back, and a bad date refused in words."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ocop_desktop.persistence.database import Database
from tests.province_data import build_sample_province

SCRIPT = Path(sys.executable).parent / "ocop-desktop"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ocop_desktop"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def province_template(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Path:
    path = tmp_path_factory.mktemp("province") / "tinh.ocopdb"
    shutil.copyfile(empty_template, path)
    with Database.open(path) as db:
        build_sample_province(db, products=150)
    return path


@pytest.fixture
def province_file(province_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / province_template.name
    shutil.copyfile(province_template, target)
    return target


def test_show_prints_the_counts_councils_files_and_certificates(province_file: Path) -> None:
    proc = run("province", "show", "--db", str(province_file), "--today", "22/11/2026")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Toàn tỉnh, tính đến ngày 22/11/2026: 150 sản phẩm\nTheo số sao: 5 sao ")
    for heading in (
        "Theo nhóm sản phẩm:",
        "Theo năm đánh giá:",
        "Theo xã, phường:",
        "Hội đồng và tệp trao đổi đã nhập:",
    ):
        assert f"\n{heading}\n" in out
    assert "Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Đại Từ: 2 đợt" in out
    assert "khóa chưa tin cậy, chấp nhận cho riêng tệp này" in out  # the 2023 district files
    assert "mã xác thực " in out
    assert "Đến hạn nộp hồ sơ đánh giá lại (từ 180 đến 120 ngày trước khi hết hạn): " in out
    for heading in ("Đã qua hạn nộp hồ sơ đánh giá lại, chưa hết hạn: ", "Đã hết hạn: ", "Đã thu hồi: "):
        assert f"\n{heading}" in out
    english = run("province", "show", "--db", str(province_file), "--today", "22/11/2026", "--lang", "en")
    assert english.stdout.startswith("The whole province as of 22/11/2026: 150 products\nBy stars: 5 stars ")
    assert "Due for re-evaluation (from 180 to 120 days before expiry): " in english.stdout


def test_export_writes_a_workbook_read_back_the_same(province_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "toan-tinh.xlsx"
    proc = run("province", "export", "--db", str(province_file), "--out", str(out), "--today", "2026-11-22")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Đã lưu {out} (150 sản phẩm)"
    book = load_workbook(out)
    assert book.sheetnames == ["Danh sách sản phẩm", "Tổng hợp", "Giấy chứng nhận"]
    products = book["Danh sách sản phẩm"]
    assert products["A1"].value == "DANH SÁCH SẢN PHẨM OCOP TOÀN TỈNH"
    assert products["A2"].value == "Tính đến ngày 22/11/2026 — 150 sản phẩm"
    assert [c.value for c in products[3]][:4] == ["STT", "Tên sản phẩm", "Mã số", "Chủ thể"]
    assert products["A3"].font.bold
    assert products.freeze_panes == "A4"
    assert products.auto_filter.ref == "A3:O153"
    assert products.max_row == 153
    assert products.column_dimensions["B"].width == 22
    rows = list(products.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows] == list(range(1, 151))
    for row in rows:
        for value in row:
            if isinstance(value, str):
                assert unicodedata.is_normalized("NFC", value)
        stars, result = row[9], row[10]
        assert result == (f"{stars} sao" if stars else result)
    certified = [r for r in rows if r[11]]
    assert certified and all(r[12] is not None and r[13] is not None for r in certified)
    assert products.cell(row=4 + rows.index(certified[0]), column=13).number_format == "dd/mm/yyyy"
    summary = book["Tổng hợp"]
    everything = next(r for r in summary.iter_rows(values_only=True) if r[0] == "Toàn tỉnh")
    assert everything[-1] == 150 and sum(everything[1:7]) == 150  # 5★ … no stars, proposed to the central level
    certificates = book["Giấy chứng nhận"]
    assert "từ 180 đến 120 ngày" in certificates["A2"].value
    situations = {r[0] for r in certificates.iter_rows(min_row=4, values_only=True)}
    assert situations <= {"Đến hạn nộp hồ sơ đánh giá lại", "Đã qua hạn nộp, sắp hết hạn", "Đã hết hạn", "Đã thu hồi"}
    assert "Đã thu hồi" in situations


def test_a_bad_date_is_refused_in_words(province_file: Path, tmp_path: Path) -> None:
    proc = run(
        "province", "export", "--db", str(province_file), "--out", str(tmp_path / "x.xlsx"), "--today", "31/02/2026"
    )
    assert proc.returncode == 2
    assert "--today" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()
