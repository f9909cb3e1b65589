"""The second typing of a paper ballot, from the keyboard only, on a real sheet (QD26-2026-07, 32 criteria in three
parts): digits and Enter fill the criteria in sheet order (not text order: 1.7 is followed by 2.1, 6.5 by 7, 9 by
10); a digit outside a criterion's options is refused where it is typed and the range said; OK on an incomplete
entry names what is missing and accepts nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.services.criteria_catalogue import load_sheet
from ocop_desktop.ui.pages.scoring.paper_entry import PaperSecondEntry


@pytest.fixture(scope="module")
def sheet() -> Sheet:
    return load_sheet("QD26-2026", "QD26-2026-07")


def open_entry(qtbot: QtBot, sheet: Sheet) -> PaperSecondEntry:
    dialog = PaperSecondEntry(None, sheet, "Trần Thị Hương", "Mứt gừng Hội An")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def focused(dialog: PaperSecondEntry) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def type_in(qtbot: QtBot, dialog: PaperSecondEntry, keys: str) -> None:
    """Each character typed where the focus is; "\n" is Enter."""
    for key in keys:
        if key == "\n":
            qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focused(dialog), key)


def row_texts(dialog: PaperSecondEntry, item_id: str) -> list[str]:
    """What the row of a criterion says, left to right (its id, name and allowed numbers)."""
    field = dialog.fields[item_id]
    grid = field.parentWidget().layout()
    index = grid.indexOf(field)
    row = grid.getItemPosition(index)[0]
    return [grid.itemAtPosition(row, column).widget().text() for column in range(3)]


def test_digits_and_enter_fill_the_criteria_in_sheet_order(qtbot: QtBot, sheet: Sheet) -> None:
    dialog = open_entry(qtbot, sheet)
    order = [item.id for item in sheet.items]
    assert order[5:10] == ["1.6", "1.7", "2.1", "2.2", "2.3"] and order[-3:] == ["9", "10", "11"]
    assert list(dialog.fields) == order
    header = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Phiếu giấy của Trần Thị Hương — sản phẩm Mứt gừng Hội An" in header
    assert [box.title() for box in dialog.findChildren(QGroupBox)] == [
        "Phần A. SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG",
        "Phần B. KHẢ NĂNG TIẾP THỊ",
        "Phần C. CHẤT LƯỢNG SẢN PHẨM",
    ]
    assert row_texts(dialog, "1.1") == ["1.1", "Nguồn nguyên liệu", "1–3"]
    assert row_texts(dialog, "5.2") == ["5.2", "Cấu trúc câu chuyện sản phẩm", "0–3"]  # 0: không áp dụng
    name = dialog.fields["10"].parentWidget().findChildren(QLabel)
    long_name = next(label for label in name if label.toolTip().startswith("HƯỚNG DẪN SỬ DỤNG"))
    assert long_name.text().endswith("…")  # elided, the whole name in the tooltip
    assert focused(dialog) is dialog.fields["1.1"]

    paper = {item.id: len(item.options) - index % 2 for index, item in enumerate(sheet.items)}
    paper["5.2"] = 0  # the story's structure does not apply
    type_in(qtbot, dialog, "".join(f"{paper[item_id]}\n" for item_id in order))
    assert focused(dialog) is dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.choices() == paper
    assert [dialog.fields[item_id].text() for item_id in order] == [str(paper[item_id]) for item_id in order]
    type_in(qtbot, dialog, "\n")  # Enter on OK
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_a_digit_outside_the_options_is_refused_in_place_with_the_range(qtbot: QtBot, sheet: Sheet) -> None:
    dialog = open_entry(qtbot, sheet)
    type_in(qtbot, dialog, "7")
    assert dialog.fields["1.1"].text() == "" and focused(dialog) is dialog.fields["1.1"]
    assert dialog.message.text() == "Tiêu chí 1.1 chỉ nhận phương án 1–3."
    type_in(qtbot, dialog, "0")  # 1.1 always applies: no 0
    assert dialog.fields["1.1"].text() == ""
    type_in(qtbot, dialog, "2\n")
    assert dialog.fields["1.1"].text() == "2" and focused(dialog) is dialog.fields["1.2"]
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Backtab)  # back to correct it: the new digit replaces the old
    type_in(qtbot, dialog, "3")
    assert dialog.fields["1.1"].text() == "3"
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.fields["1.2"]
    type_in(qtbot, dialog, "1\n" * 5 + "3")  # 1.2 … 1.6, then 1.7 offers only 1–2
    assert focused(dialog) is dialog.fields["1.7"] and dialog.fields["1.7"].text() == ""
    assert dialog.message.text() == "Tiêu chí 1.7 chỉ nhận phương án 1–2."
    assert dialog.choices() == {"1.1": 3, "1.2": 1, "1.3": 1, "1.4": 1, "1.5": 1, "1.6": 1}


def test_ok_on_an_incomplete_entry_names_the_missing_criteria(qtbot: QtBot, sheet: Sheet) -> None:
    dialog = open_entry(qtbot, sheet)
    left_out = {"1.3", "6.5", "10"}
    type_in(qtbot, dialog, "".join("\n" if item.id in left_out else "1\n" for item in sheet.items))
    type_in(qtbot, dialog, "\n")  # Enter on OK
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.message.text() == "Chưa nhập phương án cho 3 tiêu chí: 1.3, 6.5, 10."
    assert focused(dialog) is dialog.fields["1.3"]
    assert dialog.fields["1.3"].palette().base().color().name() == "#fde7e9"  # marked until filled
    type_in(qtbot, dialog, "2")
    assert dialog.fields["1.3"].palette().base().color().name() != "#fde7e9"
    for item_id in ("6.5", "10"):
        enter_until(qtbot, dialog, dialog.fields[item_id])
        type_in(qtbot, dialog, "1")
    enter_until(qtbot, dialog, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    type_in(qtbot, dialog, "\n")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choices() == {item.id: 2 if item.id == "1.3" else 1 for item in sheet.items}


def enter_until(qtbot: QtBot, dialog: PaperSecondEntry, target: QWidget) -> None:
    """Enter past the criteria already typed, as a person skips down the sheet."""
    for _ in range(len(dialog.fields)):
        if focused(dialog) is target:
            return
        type_in(qtbot, dialog, "\n")
    assert focused(dialog) is target
