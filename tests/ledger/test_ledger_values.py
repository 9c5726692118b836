"""Ledger value forms (LEDGER_FORMAT.md "Value forms"): every accepted form and the rejections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import MAX_FEN, fen_to_yuan_text
from chuansha_enforce.ledger.values import (
    cell_text,
    is_blank,
    normalise_text,
    parse_bool,
    parse_choice,
    parse_date,
    parse_money,
    parse_names,
    parse_officer_ref,
)

MARCH_5 = dt.date(2023, 3, 5)
PARTY_TYPES = [kind.label for kind in PartyType]


@pytest.mark.parametrize(
    "value",
    [
        "2023-03-05",
        "2023-3-5",
        "2023/3/5",
        "2023/03/05",
        "2023.3.5",
        "2023年3月5日",
        "2023 年 3 月 5 日",
        "  2023-03-05  ",
        "２０２３－０３－０５",
        "２０２３年３月５日",
        "2023/3/5 0:00",
        "2023-03-05 00:00:00",
        "20230305",
        MARCH_5,
        dt.datetime(2023, 3, 5, 0, 0),
        dt.datetime(2023, 3, 5, 17, 45),
        44990,
        44990.0,
        44990.75,  # a date-time serial: the day counts
        Decimal(44990),
        20230305,  # typed into a cell as a number
        20230305.0,
    ],
)
def test_parse_date_accepts_every_form(value: object) -> None:
    assert parse_date(value) == MARCH_5


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (17899, dt.date(1949, 1, 1)),
        (17898, None),
        (61, None),  # 1900-03-01: a real date but before 1949
        (60, None),  # Excel's phantom 1900-02-29
        (73415, dt.date(2100, 12, 31)),
        (73416, None),
        (45351, dt.date(2024, 2, 29)),
    ],
)
def test_excel_serial_numbers_use_the_1900_date_system(serial: int, day: dt.date | None) -> None:
    if day is None:
        with pytest.raises(DomainError) as caught:
            parse_date(serial)
        assert caught.value.code == "ledger.date"
    else:
        assert parse_date(serial) == day
        assert parse_date(float(serial)) == day


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-30",
        "2023-13-01",
        "2023/2/29",
        "2023年2月30日",
        "1948-12-31",
        "2101-01-01",
        "23-3-5",
        "2023-03/05",
        "2023-03-05T",
        "03/05/2023",
        "五月五日",
        "",
        "   ",
        "44990",  # a serial as text is not a date form
        "2023030",
        True,
        False,
        0,
        -1,
        1.5,
        float("nan"),
        float("inf"),
        Decimal("NaN"),
        dt.date(1900, 1, 1),
        dt.datetime(2101, 1, 1),
        dt.time(10, 30),
        dt.timedelta(days=3),
        None,
        [2023, 3, 5],
    ],
)
def test_parse_date_rejects_impossible_and_foreign_forms(value: object) -> None:
    with pytest.raises(DomainError) as caught:
        parse_date(value)
    assert caught.value.code == "ledger.date"
    assert caught.value.field is None
    assert caught.value.params["min_year"] == 1949
    assert caught.value.params["max_year"] == 2100


def test_date_error_names_the_value_as_typed() -> None:
    with pytest.raises(DomainError) as caught:
        parse_date(" 2023-02-30 ")
    assert caught.value.params["value"] == "2023-02-30"


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("1200", 120_000),
        ("1200.5", 120_050),
        ("1200.05", 120_005),
        ("1,200.00", 120_000),
        ("1200元", 120_000),
        ("１２００元", 120_000),
        ("￥1,200.50", 120_050),
        ("0", 0),
        ("0.01", 1),
        (1200, 120_000),
        (0, 0),
        (1200.5, 120_050),
        (1200.0, 120_000),
        (0.01, 1),
        (0.1 + 0.2, 30),  # a formula cell: read as Excel shows it
        (19999.99, 1_999_999),
        (-0.0, 0),
        (Decimal("1200.50"), 120_050),
        (Decimal("1200.500"), 120_050),
        (10_000_000_000, MAX_FEN),
    ],
)
def test_parse_money_accepts_every_form(value: object, fen: int) -> None:
    assert parse_money(value) == fen


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "money.empty"),
        ("  ", "money.empty"),
        ("12a", "money.invalid"),
        ("1.2.3", "money.invalid"),
        ("12,00", "money.invalid"),
        ("一千元", "money.invalid"),
        ("1200.505", "money.too_many_decimals"),
        ("-5", "money.negative"),
        ("100000000000", "money.too_large"),
        (1200.505, "money.too_many_decimals"),
        (1e-7, "money.too_many_decimals"),
        (-0.5, "money.negative"),
        (-3, "money.negative"),
        (10_000_000_001, "money.too_large"),
        (1e300, "money.too_large"),
        (float("nan"), "money.invalid"),
        (float("inf"), "money.invalid"),
        (Decimal("-1"), "money.negative"),
        (Decimal("Infinity"), "money.invalid"),
        (Decimal("0.001"), "money.too_many_decimals"),
        (True, "money.invalid"),
        (MARCH_5, "money.invalid"),
        (None, "money.invalid"),
    ],
)
def test_parse_money_rejects(value: object, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_money(value)
    assert caught.value.code == code
    assert caught.value.field is None


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_money_text_round_trips(fen: int) -> None:
    assert parse_money(fen_to_yuan_text(fen)) == fen


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_money_numeric_cells_round_trip(fen: int) -> None:
    # what an xlsx number cell holds for a yuan amount: the nearest double
    number = float(Decimal(fen) / 100)
    assert parse_money(number) == fen
    assert parse_money(Decimal(fen) / 100) == fen


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("y", True),
        ("N", False),
        ("Yes", True),
        ("no", False),
        ("1", True),
        ("0", False),
        ("TRUE", True),
        ("false", False),
        (" 是 ", True),
        ("Ｙ", True),
        ("", False),
        ("  ", False),
        (None, False),
        (1, True),
        (0, False),
        (1.0, True),
        (0.0, False),
        (True, True),
        (False, False),
    ],
)
def test_parse_bool(value: object, expected: bool) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["对", "不是", "2", "是的", 2, 0.5, -1, MARCH_5])
def test_parse_bool_rejects(value: object) -> None:
    with pytest.raises(DomainError) as caught:
        parse_bool(value)
    assert caught.value.code == "ledger.bool"
    assert caught.value.field is None


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("张伟、李娜", ["张伟", "李娜"]),
        ("张伟，李娜,王强;赵敏；孙丽", ["张伟", "李娜", "王强", "赵敏", "孙丽"]),
        (" 张伟 、、 李娜 ,", ["张伟", "李娜"]),
        ("张伟\n李娜", ["张伟", "李娜"]),
        ("张伟（31150012）、李娜(31150013)", ["张伟（31150012）", "李娜(31150013)"]),
        ("阿卜杜·热合曼", ["阿卜杜·热合曼"]),
        ("", []),
        (None, []),
        ("、", []),
    ],
)
def test_parse_names(value: object, names: list[str]) -> None:
    assert parse_names(value) == names


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("张伟", ("张伟", None)),
        (" 张伟 ", ("张伟", None)),
        ("张伟(31150012)", ("张伟", "31150012")),
        ("张伟（31150012）", ("张伟", "31150012")),
        ("张伟 ( 31150012 )", ("张伟", "31150012")),
        ("张伟（３１１５００１２）", ("张伟", "31150012")),
        ("张伟(沪31150012)", ("张伟", "沪31150012")),
    ],
)
def test_parse_officer_ref(text: str, ref: tuple[str, str | None]) -> None:
    assert parse_officer_ref(text) == ref


@pytest.mark.parametrize("text", ["", "  ", "张伟(", "张伟)", "(31150012)", "张伟()", "张(1)(2)"])
def test_parse_officer_ref_rejects(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_officer_ref(text)
    assert caught.value.code == "ledger.officer"


def test_parse_choice() -> None:
    assert parse_choice(" 法人 ", PARTY_TYPES) == "法人"
    with pytest.raises(DomainError) as caught:
        parse_choice("公司", PARTY_TYPES)
    assert caught.value.code == "ledger.choice"
    assert caught.value.params == {
        "value": "公司",
        "allowed": "自然人、个体工商户、法人、非法人组织",
    }


def test_parse_choice_matches_full_width_forms_of_the_allowed_values() -> None:
    assert parse_choice("（一）", ["(一)", "(二)"]) == "(一)"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  沪浦川执立〔２０２３〕０００１２号 ", "沪浦川执立〔2023〕00012号"),
        ("ＡＢＣ ｘｙｚ", "ABC xyz"),
        ("摆摊，影响通行（已改正）：是！", "摆摊，影响通行（已改正）：是！"),
        (2023.0, "2023"),
        (31150012.0, "31150012"),
        (12.5, "12.5"),
        (7, "7"),
        (1.1010119900307e17, "1.1010119900307e+17"),
        (Decimal("1200.50"), "1200.50"),
        (MARCH_5, "2023-03-05"),
        (dt.datetime(2023, 3, 5), "2023-03-05"),
        (dt.datetime(2023, 3, 5, 9, 30), "2023-03-05 09:30:00"),
        (dt.time(9, 30), "09:30:00"),
        (True, "TRUE"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_normalise_text_and_blank() -> None:
    assert normalise_text("\u3000张伟\u3000") == "张伟"
    assert normalise_text("１２３ａｂｃ") == "123abc"
    assert is_blank(None)
    assert is_blank(" \u3000 ")
    assert not is_blank(0)
    assert not is_blank("0")
