"""Column-by-column parsing: each distinct value parsed once, yet every cell judged as itself."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.ledger.parsed_columns import ColumnSpec, ParsedSheet, SheetIssues
from chuansha_enforce.ledger.sheets import LedgerIssue, RawRow, RawSheet, SheetKind
from chuansha_enforce.ledger.values import cell_text, parse_date, parse_money

HEADERS = {"fine": "罚款金额", "case_no": "案件编号", "filed_on": "立案日期", "cause": "案由"}
SPECS = (
    ColumnSpec("case_no", "案件编号", required=True, unique=True),
    ColumnSpec("cause", "案由", required=True),
    ColumnSpec("filed_on", "立案日期", parse_date, required=True),
    ColumnSpec("fine", "罚款金额", parse_money),
)


def sheet(columns: dict[str, tuple[object, ...]]) -> RawSheet:
    count = len(next(iter(columns.values())))
    return RawSheet(
        SheetKind.GENERAL_CASES,
        "一般程序案件",
        tuple(columns),
        tuple(range(2, count + 2)),
        columns,
    )


def parse(
    columns: dict[str, tuple[object, ...]], specs: tuple[ColumnSpec, ...] = SPECS
) -> tuple[list[tuple[int, tuple[object, ...]]], list[LedgerIssue]]:
    errors: list[LedgerIssue] = []
    issues = SheetIssues("一般程序案件", HEADERS, errors, [])
    rows = list(ParsedSheet(sheet(columns), specs, issues).rows())
    return rows, errors


@pytest.mark.parametrize(
    ("cells", "fen"),
    [
        ((1.0, True, 1, False, 0.0), (100, None, 100, None, 0)),
        ((True, 1.0, False, 1, 0.0), (None, 100, None, 100, 0)),
        ((1, False, True, 0.0, 1.0), (100, None, None, 0, 100)),
    ],
)
def test_equal_keys_of_other_types_are_not_confused(
    cells: tuple[object, ...], fen: tuple[int | None, ...]
) -> None:
    """``True == 1 == 1.0`` as dict keys; a TRUE cell is still no amount of money."""
    rows, errors = parse({"罚款金额": cells}, (ColumnSpec("fine", "罚款金额", parse_money),))
    assert tuple(values[0] for _, values in rows) == fen
    bad_rows = [row for row, amount in enumerate(fen, start=2) if amount is None]
    assert [(e.row, e.header, e.code) for e in errors] == [
        (row, "罚款金额", "money.invalid") for row in bad_rows
    ]


def test_text_cells_are_read_as_excel_shows_them() -> None:
    cells = (12345.0, True, dt.date(2024, 1, 2), "A-1")
    rows, errors = parse({"案由": cells}, (ColumnSpec("cause", "案由"),))
    assert errors == []
    assert [values[0] for _, values in rows] == ["12345", "TRUE", "2024-01-02", "A-1"]


def test_strings_are_trimmed_and_normalised_before_parsing() -> None:
    rows, errors = parse(
        {
            "案件编号": (" Ａ-１ ", "A-2", "\u3000A-3"),
            "案由": (" 占道经营 ", "占道经营", "占道经营\u3000"),
            "立案日期": (" ２０２４/３/５ ", "2024-03-05", dt.date(2024, 3, 5)),
            "罚款金额": ("１,２００元", " 1200 ", 1200.0),
        }
    )
    assert errors == []
    assert [values for _, values in rows] == [
        ("A-1", "占道经营", dt.date(2024, 3, 5), 120_000),
        ("A-2", "占道经营", dt.date(2024, 3, 5), 120_000),
        ("A-3", "占道经营", dt.date(2024, 3, 5), 120_000),
    ]


def test_every_bad_cell_of_a_row_is_reported_in_column_order() -> None:
    rows, errors = parse(
        {
            "案件编号": ("A-1", "  ", "A-3"),
            "案由": ("占道经营", "\u3000", "占道经营"),
            "立案日期": ("2024-02-30", "2024-02-30", "2024-03-01"),
            "罚款金额": ("abc", "-5", "12.345"),
        }
    )
    assert [values for _, values in rows] == [
        ("A-1", "占道经营", None, None),
        (None, None, None, None),
        ("A-3", "占道经营", dt.date(2024, 3, 1), None),
    ]
    assert [(e.row, e.header, e.code) for e in errors] == [
        (2, "立案日期", "ledger.date"),
        (2, "罚款金额", "money.invalid"),
        (3, "案件编号", "ledger.required"),
        (3, "案由", "ledger.required"),
        (3, "立案日期", "ledger.date"),
        (3, "罚款金额", "money.negative"),
        (4, "罚款金额", "money.too_many_decimals"),
    ]


def test_a_missing_optional_column_is_empty_and_a_missing_required_one_is_reported() -> None:
    rows, errors = parse({"案件编号": ("A-1",), "案由": ("占道经营",)})
    assert rows == [(2, ("A-1", "占道经营", None, None))]
    assert [(e.row, e.header, e.code) for e in errors] == [(2, "立案日期", "ledger.required")]


def test_rows_of_a_sheet_are_its_columns_cleaned() -> None:
    raw = sheet({"案件编号": (" Ａ-1 ", 7.0), "案由": ("占道经营\u3000", "")})
    assert raw.rows == (
        RawRow(2, {"案件编号": "A-1", "案由": "占道经营"}),
        RawRow(3, {"案件编号": 7.0, "案由": ""}),
    )


def test_only_a_text_column_may_skip_the_memo() -> None:
    with pytest.raises(ValueError, match="fine"):
        ColumnSpec("fine", "罚款金额", parse_money, unique=True)
    assert ColumnSpec("case_no", "案件编号", cell_text, unique=True).unique


@pytest.mark.parametrize(
    ("cells", "fen"),
    [
        ((1.0, 2.5, 1.0, "", 2.5), (100, 250, 100, None, 250)),  # floats alone: keyed as they are
        ((1, 2, 1), (100, 200, 100)),
        ((1, 1.0, True, 1), (100, 100, None, 100)),  # mixed: keyed with their type
    ],
)
def test_a_column_of_one_kind_of_number_parses_as_a_mixed_one(
    cells: tuple[object, ...], fen: tuple[int | None, ...]
) -> None:
    rows, _ = parse({"罚款金额": cells}, (ColumnSpec("fine", "罚款金额", parse_money),))
    assert tuple(values[0] for _, values in rows) == fen


def test_a_unique_column_tells_a_true_cell_from_the_number_one() -> None:
    rows, _ = parse({"案件编号": (1.0, True, 1)}, (ColumnSpec("case_no", "案件编号", unique=True),))
    assert [values[0] for _, values in rows] == ["1", "TRUE", "1"]


def test_loud_rows_asks_each_distinct_text_once_and_names_its_rows() -> None:
    columns: dict[str, tuple[object, ...]] = {
        "案件编号": ("A1", "A2", "A3", "A4", "A5"),
        "案由": ("占道", "电话13800138000", "占道", "电话13800138000", "x" * 300),
        "立案日期": ("2024-01-02",) * 5,
    }
    errors: list[LedgerIssue] = []
    issues = SheetIssues("一般程序案件", HEADERS, errors, [])
    parsed = ParsedSheet(sheet(columns), SPECS, issues)
    asked: list[tuple[str, str]] = []

    def loud(key: str, text: str) -> bool:
        asked.append((key, text))
        return text.startswith("电话")

    assert parsed.loud_rows(["cause", "case_no"], loud) == {3, 5}
    assert sorted(asked) == sorted(
        [("cause", "占道"), ("cause", "电话13800138000")]
        + [("case_no", f"A{i}") for i in range(1, 6)]
    )  # (the cell too long is no text: its row is reported, not scanned)
    assert parsed.loud_rows(["cause"], lambda _key, _text: False) == set()
