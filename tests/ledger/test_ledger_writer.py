"""Writing ledgers: cell types, formats, atomic replacement, and write -> read round trips."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chuansha_enforce.domain.money import fen_to_yuan_text
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.values import cell_text, parse_date, parse_money
from chuansha_enforce.ledger.writer import DATE_FORMAT, write_csv, write_xlsx

GENERAL = header_names(SheetKind.GENERAL_CASES)
OFFICERS = header_names(SheetKind.OFFICERS)
IDS = ["110101199003077777", "91310115MA1H7XXX0K", "000123"]
FINES_FEN = [1, 10, 99, 120_050, 1_999_999, 100_000_000_000, 0]


def general_rows() -> Iterator[list[object]]:
    for number, (fen, party_id) in enumerate(zip(FINES_FEN, IDS * 3, strict=False), start=1):
        values: dict[str, object] = dict.fromkeys(GENERAL)
        values.update(
            {
                "案件编号": f"沪浦川执立〔2023〕{number:06d}号",
                "案由": "占道经营，影响通行",
                "当事人类型": "自然人",
                "当事人": "王强",
                "证件号码": party_id,
                "承办人": "张伟、李娜",
                "立案日期": dt.date(2023, 3, number),
                "决定日期": dt.date(2024, 2, 29),
                "罚款金额": Decimal(fen_to_yuan_text(fen)),
                "备注": "=SUM(A1:A2)" if number == 1 else "#N/A" if number == 2 else None,
            }
        )
        yield [values[header] for header in GENERAL]


def test_xlsx_round_trip_keeps_dates_money_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    rows = list(general_rows())
    write_xlsx(
        path,
        [
            (SheetKind.GENERAL_CASES.value, GENERAL, iter(rows)),  # rows may be a generator
            (SheetKind.OFFICERS.value, OFFICERS, [["张伟", "31150012", dt.date(2020, 1, 6)]]),
        ],
    )
    sheets, issues = read_ledger(path)
    assert issues == []
    officers, general = sheets
    assert officers.rows[0].cells["发证日期"] == dt.date(2020, 1, 6)
    assert general.headers == GENERAL
    assert [r.row for r in general.rows] == list(range(2, 2 + len(rows)))
    for raw, written in zip(general.rows, rows, strict=True):
        cells = raw.cells
        assert cells["立案日期"] == written[GENERAL.index("立案日期")]
        assert isinstance(cells["立案日期"], dt.date)
        assert parse_date(cells["决定日期"]) == dt.date(2024, 2, 29)
        fine = written[GENERAL.index("罚款金额")]
        assert isinstance(fine, Decimal)
        assert parse_money(cells["罚款金额"]) == int(fine * 100)
        assert cells["证件号码"] == written[GENERAL.index("证件号码")]
        assert cells["案件编号"] == written[GENERAL.index("案件编号")]
        assert cells["法制审核人"] == ""
    assert general.rows[0].cells["备注"] == "=SUM(A1:A2)"  # text, never a formula
    assert general.rows[1].cells["备注"] == "#N/A"  # text, never an error value


def test_xlsx_cells_are_typed_and_formatted(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    row = ["110101199003077777", dt.date(2023, 3, 5), Decimal("1200.50"), 7, True, None,
           dt.datetime(2023, 3, 5, 9, 30), "=1+1", "控制\x07字符"]  # fmt: skip
    write_xlsx(path, [("一般程序案件", [f"c{i}" for i in range(len(row))], [row])])
    workbook = load_workbook(path)
    (cells,) = workbook["一般程序案件"].iter_rows(min_row=2, values_only=False)
    assert cells[0].data_type == "s"
    assert cells[0].value == "110101199003077777"
    assert cells[1].is_date
    assert cells[1].number_format == DATE_FORMAT == "yyyy-mm-dd"
    assert cells[2].data_type == "n"
    assert cells[2].number_format == "0.00"
    assert cells[3].value == 7
    assert cells[4].value is True
    assert cells[5].value is None
    assert cells[6].is_date
    assert cells[6].value == dt.datetime(2023, 3, 5, 9, 30)
    assert cells[7].data_type == "s"
    assert cells[7].value == "=1+1"
    assert cells[8].value == "控制字符"
    workbook.close()


def test_xlsx_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")
    write_xlsx(path, [("执法人员", OFFICERS, [])])
    assert path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")

    def rows() -> Iterator[Sequence[object]]:
        yield ["张伟", "1", dt.date(2020, 1, 1)]
        yield ["李娜", object(), dt.date(2020, 1, 1)]

    with pytest.raises(TypeError, match="cannot write object"):
        write_xlsx(path, [("执法人员", OFFICERS, rows())])
    with pytest.raises(TypeError):
        write_csv(tmp_path / "a.csv", OFFICERS, [[{1}]])
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_round_trip(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "officers.csv"
    rows: list[list[object]] = [
        ["张伟", "31150012", dt.date(2020, 1, 6), None, "有效", None],
        ["李娜，\"小李\"", "000013", dt.date(2021, 5, 10), dt.date(2026, 5, 9), "注销",
         dt.date(2024, 1, 2)],
    ]  # fmt: skip
    write_csv(path, OFFICERS, rows, encoding=encoding)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    sheets, issues = read_ledger(path)
    assert issues == []
    (sheet,) = sheets
    assert sheet.kind is SheetKind.OFFICERS
    read = [[row.cells[h] for h in OFFICERS] for row in sheet.rows]
    assert read == [[cell_text(v) for v in row] for row in rows]
    assert parse_date(sheet.rows[1].cells["注销日期"]) == dt.date(2024, 1, 2)


def test_csv_values(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    write_csv(path, ["a", "b", "c", "d", "e"], [[Decimal("1200.50"), True, False, 3, None]])
    assert path.read_bytes().decode("utf-8-sig") == "a,b,c,d,e\r\n1200.50,是,否,3,\r\n"
