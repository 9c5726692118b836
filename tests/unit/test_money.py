"""Money: parsing yuan text into fen, display formats, 万元 and 大写金额."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import (
    MAX_FEN,
    ROUNDING,
    fen_to_chinese_upper,
    fen_to_wan_yuan,
    fen_to_yuan_text,
    format_fen,
    parse_yuan,
)

FEN = st.integers(min_value=0, max_value=MAX_FEN)
_TO_FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1200", 120_000),
        ("1200.5", 120_050),
        ("1200.05", 120_005),
        ("1,200.00", 120_000),
        ("1,234,567.89", 123_456_789),
        ("1200元", 120_000),
        ("1200 元", 120_000),
        ("１２００", 120_000),
        ("１，２００．５０", 120_050),
        ("  1200  ", 120_000),
        ("¥1200", 120_000),
        ("￥1,200.5元", 120_050),
        ("￥ 12", 1_200),
        ("0", 0),
        ("0.01", 1),
        ("007", 700),
        ("100000000", 10_000_000_000),
        ("10000000000", MAX_FEN),
    ],
)
def test_parse_yuan_accepts(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_yuan_empty(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_yuan(text, "fine")
    assert info.value.code == "money.empty"
    assert info.value.field == "fine"


@pytest.mark.parametrize(
    "text",
    [
        "1,20,0",
        "1,2000",
        ",120",
        "1200,",
        "12,00.00",
        "1200.",
        ".5",
        "1.2.3",
        "abc",
        "12a",
        "1 200",
        "¥",
        "元",
        "1e3",
        "1200元元",
        "--5",
        "+5",
        "一千",
        "1200。50",
    ],
)
def test_parse_yuan_invalid(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_yuan(text, "fine")
    assert info.value.code == "money.invalid"
    assert info.value.field == "fine"
    assert info.value.params == {"value": text}


@pytest.mark.parametrize("text", ["1.234", "0.001", "1,200.500"])
def test_parse_yuan_too_many_decimals(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_yuan(text)
    assert info.value.code == "money.too_many_decimals"
    assert info.value.field == "amount"
    assert info.value.params["value"] == text


@pytest.mark.parametrize("text", ["-5", "-1,200.00", "-0.01", "￥-3元", "－5"])
def test_parse_yuan_negative(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_yuan(text)
    assert info.value.code == "money.negative"


@pytest.mark.parametrize("text", ["10000000000.01", "99999999999", "1" + "0" * 5000])
def test_parse_yuan_too_large(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_yuan(text)
    assert info.value.code == "money.too_large"
    assert info.value.params["max"] == MAX_FEN


def test_format_fen() -> None:
    assert format_fen(123_456) == "1,234.56"
    assert format_fen(0) == "0.00"
    assert format_fen(5) == "0.05"
    assert format_fen(100_000_000) == "1,000,000.00"
    assert format_fen(-123_456) == "-1,234.56"
    assert format_fen(-5) == "-0.05"
    assert format_fen(123_456, unit=True) == "1,234.56元"


def test_fen_to_yuan_text() -> None:
    assert fen_to_yuan_text(123_456) == "1234.56"
    assert fen_to_yuan_text(123_400) == "1234.00"
    assert fen_to_yuan_text(0) == "0.00"
    assert fen_to_yuan_text(100_000_000) == "1000000.00"
    assert fen_to_yuan_text(-5) == "-0.05"


def test_fen_to_wan_yuan_rounds_half_up() -> None:
    assert ROUNDING == ROUND_HALF_UP
    assert fen_to_wan_yuan(123_456_789) == Decimal("123.4568")
    assert fen_to_wan_yuan(1_000_000) == Decimal("1.0000")
    assert fen_to_wan_yuan(50) == Decimal("0.0001")  # 0.00005 rounds up
    assert fen_to_wan_yuan(49) == Decimal("0.0000")
    assert fen_to_wan_yuan(-50) == Decimal("-0.0001")
    assert str(fen_to_wan_yuan(0)) == "0.0000"


@pytest.mark.parametrize(
    ("fen", "upper"),
    [
        (0, "零元整"),
        (1, "壹分"),
        (10, "壹角"),
        (11, "壹角壹分"),
        (100, "壹元整"),
        (1010, "壹拾元壹角"),  # optional 零 after a zero 元 digit is left out
        (10_000_000, "壹拾万元整"),
        (100_500, "壹仟零伍元整"),
        (7_291_880_000, "柒仟贰佰玖拾壹万捌仟捌佰元整"),
        (100_000_101, "壹佰万零壹元零壹分"),
        (12_345_678_901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
        # Examples from the bank rules (正确填写票据和结算凭证的基本规定)
        (140_950, "壹仟肆佰零玖元伍角"),
        (1_640_902, "壹万陆仟肆佰零玖元零贰分"),
        (168_032, "壹仟陆佰捌拾元叁角贰分"),
        (10_700_053, "壹拾万柒仟元伍角叁分"),
        (1_200_050, "壹万贰仟元伍角"),
        (1_000, "壹拾元整"),
        (101, "壹元零壹分"),
        (1_000_010_000, "壹仟万零壹佰元整"),
        (1_000_100_000, "壹仟万壹仟元整"),
        (101_000_000, "壹佰零壹万元整"),
        (10_000_000_100, "壹亿零壹元整"),
        (MAX_FEN, "壹佰亿元整"),
    ],
)
def test_fen_to_chinese_upper(fen: int, upper: str) -> None:
    assert fen_to_chinese_upper(fen) == upper


def test_fen_to_chinese_upper_rejects_negative_and_huge() -> None:
    with pytest.raises(DomainError) as info:
        fen_to_chinese_upper(-1)
    assert info.value.code == "money.negative"
    with pytest.raises(DomainError) as info:
        fen_to_chinese_upper(MAX_FEN + 1)
    assert info.value.code == "money.too_large"


@given(FEN)
def test_round_trips(fen: int) -> None:
    assert parse_yuan(format_fen(fen)) == fen
    assert parse_yuan(fen_to_yuan_text(fen)) == fen
    assert parse_yuan(format_fen(fen, unit=True)) == fen
    assert parse_yuan("￥" + format_fen(fen)) == fen


@given(FEN)
def test_fullwidth_round_trip(fen: int) -> None:
    assert parse_yuan(format_fen(fen).translate(_TO_FULLWIDTH)) == fen
    assert parse_yuan(fen_to_yuan_text(fen).translate(_TO_FULLWIDTH) + "元") == fen


@given(FEN)
def test_chinese_upper_shape(fen: int) -> None:
    upper = fen_to_chinese_upper(fen)
    assert "零零" not in upper
    assert upper.endswith(("整", "角", "分"))
    assert ("整" in upper) == (fen % 100 == 0)


def _parse_or_code(text: str) -> int | str:
    """Fen, or the DomainError code; any other exception fails the test."""
    try:
        return parse_yuan(text)
    except DomainError as error:
        return error.code


@given(st.text())
def test_garbage_raises_only_domain_errors(text: str) -> None:
    outcome = _parse_or_code(text)
    if isinstance(outcome, str):
        assert outcome.startswith("money.")
    else:
        assert 0 <= outcome <= MAX_FEN


@given(st.text(alphabet="0123456789,.-¥元 １２，．", max_size=20))
def test_number_like_garbage_raises_only_domain_errors(text: str) -> None:
    outcome = _parse_or_code(text)
    if isinstance(outcome, str):
        assert outcome.startswith("money.")
    else:
        assert 0 <= outcome <= MAX_FEN
