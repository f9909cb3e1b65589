"""Display rounding, Vietnamese decimals and text keys."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ocop_desktop.domain.numbers import format_points, format_points_vi, parse_decimal
from ocop_desktop.domain.text import body_in_sentence, fold, in_sentence, nfc, sentence_start, unit_in_sentence


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(269, 3), "89.67"),
        (Fraction(179, 2), "89.50"),
        (Fraction(89995, 1000), "90.00"),  # display only: the star is decided on the exact value
        (Fraction(1, 200), "0.01"),
        (Fraction(1, 3), "0.33"),
        (Fraction(2, 3), "0.67"),
        (100, "100.00"),
        (0, "0.00"),
    ],
)
def test_display_rounding_half_up(value: Fraction, shown: str) -> None:
    assert format_points(value) == shown


def test_vietnamese_decimal_comma() -> None:
    assert format_points_vi(Fraction(329, 4)) == "82,25"
    assert parse_decimal("8,5") == Decimal("8.5") == parse_decimal(" 8.5 ")
    with pytest.raises(ValueError):
        parse_decimal("tám")
    with pytest.raises(ValueError):
        parse_decimal("NaN")


def test_fold_and_nfc() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert nfc(decomposed) == "Nguyễn"
    assert fold("ĐẶNG Thị Hường") == "dang thi huong"
    assert fold(decomposed) == "nguyen"


def test_vietnamese_dates() -> None:
    import datetime as dt

    from ocop_desktop.domain.dates import format_vi_date, parse_vi_date

    assert parse_vi_date("05/03/2020") == dt.date(2020, 3, 5) == parse_vi_date(" 2020-03-05 ")
    assert format_vi_date(dt.date(2020, 3, 5)) == "05/03/2020"
    for bad in ("31/02/2026", "2026", "hôm nay"):
        with pytest.raises(ValueError):
            parse_vi_date(bad)


@pytest.mark.parametrize(
    ("heading", "in_a_sentence"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "Ủy ban nhân dân tỉnh Thái Nguyên"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội"),
        (
            "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH THÁI NGUYÊN",
            "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
        ),
        ("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
        ("Ủy ban nhân dân tỉnh Thái Nguyên", "Ủy ban nhân dân tỉnh Thái Nguyên"),  # already as a sentence writes it
    ],
)
def test_a_body_named_inside_a_sentence(heading: str, in_a_sentence: str) -> None:
    assert body_in_sentence(heading) == in_a_sentence


def test_units_criteria_and_sentences_in_running_text() -> None:
    assert unit_in_sentence("Xã Tân Cương") == "xã Tân Cương"
    assert unit_in_sentence("Thành phố Hà Nội") == "thành phố Hà Nội"
    assert unit_in_sentence("Tân Cương") == "Tân Cương"
    assert in_sentence("Tổ chức sản xuất") == "tổ chức sản xuất"
    assert in_sentence("TÍNH ĐỘC ĐÁO") == "tính độc đáo"
    assert in_sentence("VietGAP hoặc tương đương") == "VietGAP hoặc tương đương"
    assert in_sentence("OCOP cấp tỉnh") == "OCOP cấp tỉnh"
    assert sentence_start("chưa đạt mức tối thiểu") == "Chưa đạt mức tối thiểu"
