"""The page "Toàn tỉnh" offscreen over 5,000 products from three councils: it opens quickly from the window,
filters by search (accents optional), stars, place, year and council, sorts in its own model, and its Excel button
writes the products the filter shows."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ocop_desktop.persistence.database import Database
from ocop_desktop.services.province import UNKNOWN
from ocop_desktop.ui.main_window import PAGES, MainWindow
from ocop_desktop.ui.pages.province.view import NO_STARS, REFERRED, ProvincePage, result_text
from tests.province_data import build_sample_province, province_rows

PRODUCTS = 5000


@pytest.fixture(scope="module")
def province_template(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Path:
    path = tmp_path_factory.mktemp("province") / "tinh.ocopdb"
    shutil.copyfile(empty_template, path)
    with Database.open(path) as db:
        build_sample_province(db, products=PRODUCTS)
    return path


@pytest.fixture
def province_db(province_template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / province_template.name
    shutil.copyfile(province_template, target)
    db = Database.open(target)
    yield db
    db.close()


def open_page(qtbot: QtBot, db: Database) -> tuple[MainWindow, ProvincePage, float]:
    window = MainWindow(db, None)
    qtbot.addWidget(window)
    window.show()
    started = time.perf_counter()
    window.nav.setCurrentRow(PAGES.index("province"))
    return window, window.province_page, time.perf_counter() - started


def choose(box: object, value: str) -> None:
    index = box.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_page_opens_with_every_product_and_filters_quickly(qtbot: QtBot, province_db: Database) -> None:
    window, page, took = open_page(qtbot, province_db)
    assert not window.round_bar.isVisible()  # the round chooser is not about this page
    assert took < 5, took
    assert page.model.rowCount() == PRODUCTS
    assert page.count.text() == f"{PRODUCTS} sản phẩm"
    assert page.title.text().startswith("Toàn tỉnh — tính đến ngày ")
    assert "5000 sản phẩm, 3 hội đồng, 7 tệp đã nhập" in page.title.text()

    started = time.perf_counter()
    page.search.setText("che bup")  # "Chè búp", typed without accents
    assert time.perf_counter() - started < 1
    shown = page.model.visible
    assert shown and all(p.name.startswith("Chè búp") for p in shown)
    choose(page.stars_box, "4")
    assert page.model.visible and all(p.stars == 4 for p in page.model.visible)
    assert page.count.text() == f"{len(page.model.visible)} / {PRODUCTS} sản phẩm"
    choose(page.stars_box, NO_STARS)
    assert all(p.stars is None for p in page.model.visible)

    page.search.setText("")
    choose(page.stars_box, "")
    choose(page.year_box, "2023")
    assert page.model.visible and all(p.year == 2023 for p in page.model.visible)
    council = next(c for c in page.view.councils if "Đại Từ" in c.name)  # type: ignore[union-attr]
    choose(page.council_box, council.council_id)
    assert page.model.visible and all(p.council_id == council.council_id and p.year == 2023 for p in page.model.visible)
    choose(page.year_box, "")
    choose(page.council_box, "")
    choose(page.province_box, "19")
    communes = [page.commune_box.itemData(i) for i in range(1, page.commune_box.count())]
    assert "05503" in communes
    choose(page.commune_box, "05503")
    assert page.model.visible and all(p.commune == "Xã Tân Cương" for p in page.model.visible)
    choose(page.commune_box, "")
    choose(page.province_box, "")
    assert page.model.rowCount() == PRODUCTS


def test_sorting_happens_in_the_model(qtbot: QtBot, province_db: Database) -> None:
    _window, page, _took = open_page(qtbot, province_db)
    started = time.perf_counter()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert time.perf_counter() - started < 2
    assert page.model.visible[0].stars == 5
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    years = [p.year or 0 for p in page.model.visible]
    assert years == sorted(years)


def test_the_other_tabs_show_the_counts_councils_and_certificates(qtbot: QtBot, province_db: Database) -> None:
    _window, page, _took = open_page(qtbot, province_db)
    view = page.view
    assert view is not None
    assert [label for label, _v, _c in page.stars_chart.bars][:3] == ["5 sao", "4 sao", "3 sao"]
    assert sum(v for _l, v, _c in page.stars_chart.bars) == PRODUCTS
    assert page.group_model.rowCount() == len(view.by_group)
    assert page.councils.topLevelItemCount() == 3
    files = sum(page.councils.topLevelItem(i).childCount() for i in range(3))
    assert files == 7
    titles = [page.certificate_tabs.tabText(i) for i in range(4)]
    assert titles[0] == f"Đến hạn nộp hồ sơ đánh giá lại ({len(view.due)})"
    assert titles[3] == f"Đã thu hồi ({len(view.revoked)})"
    assert page.certificate_models["due"].rowCount() == len(view.due) > 0
    assert "từ 180 đến 120 ngày" in page.window_note.text()


def test_the_excel_button_writes_what_the_filter_shows(
    qtbot: QtBot, province_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, page, _took = open_page(qtbot, province_db)
    target = tmp_path / "che-4-sao"  # the extension is added
    monkeypatch.setattr(page, "choose_path", lambda: target)
    page.search.setText("che")
    choose(page.stars_box, "4")
    expected = [p.name for p in page.model.visible]
    page.export_button.click()
    written = target.with_suffix(".xlsx")
    qtbot.waitUntil(lambda: written.exists() and "Đã lưu" in page.status.text(), timeout=30_000)
    assert page.status.text() == f"Đã lưu {len(expected)} sản phẩm vào {written}"
    sheet = load_workbook(written)["Danh sách sản phẩm"]
    assert sheet["A2"].value.endswith(f"{len(expected)} sản phẩm — lọc: «che»; 4 sao")
    assert [r[1] for r in sheet.iter_rows(min_row=4, values_only=True)] == expected


def test_products_with_no_place_or_year_can_be_chosen(qtbot: QtBot, empty_db: Database) -> None:
    with province_rows(empty_db) as b:
        council = b.council("Hội đồng tỉnh Thái Nguyên")
        b.evaluate(b.round(council, "Đợt 1 năm 2026", 2026), b.product("Chè búp"), stars=4)
        b.product("Mật ong không rõ địa chỉ", commune=None, province=None, producer="Chủ thể khác")
    _window, page, _took = open_page(qtbot, empty_db)
    assert page.commune_box.itemText(page.commune_box.count() - 1) == "(chưa rõ) (1)"
    choose(page.commune_box, UNKNOWN)
    assert [p.name for p in page.model.visible] == ["Mật ong không rõ địa chỉ"]
    choose(page.commune_box, "")
    choose(page.year_box, UNKNOWN)
    assert [p.name for p in page.model.visible] == ["Mật ong không rõ địa chỉ"]
    choose(page.year_box, "")
    choose(page.council_box, UNKNOWN)
    assert [p.name for p in page.model.visible] == ["Mật ong không rõ địa chỉ"]
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    assert years == ["", "2026", UNKNOWN]


def test_a_product_proposed_to_the_central_level_is_counted_and_filtered_apart_from_five_stars(
    qtbot: QtBot, demo_db: Database
) -> None:
    """The demo's 5★ product is proposed to the central level: not a 5★ product of the province (issue 16)."""
    _window, page, _took = open_page(qtbot, demo_db)
    assert page.view is not None and page.view.referred_waiting == 1
    choose(page.stars_box, REFERRED)
    (line,) = page.model.visible
    assert line.name == "Chè đinh La Bằng" and line.referred_central and line.stars is None
    assert result_text(line) == "đề nghị Trung ương"
    assert page.stars_box.findData("5") == -1  # no 5★ product in the province
