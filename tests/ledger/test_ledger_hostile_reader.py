"""The reader on hand-made xlsx packages: extents taken from the cells (also cells without
a reference), parts that say less than they hold, too many parts, too long cells."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

from chuansha_enforce.ledger.parsed_columns import ParsedSheet, SheetIssues
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.row_cells import OFFICER_COLUMNS, OFFICER_HEADERS
from chuansha_enforce.ledger.sheets import LedgerIssue
from tests.ledger.handmade_xlsx import inline, row, sheet_data, write_xlsx

HEADERS = [inline("A1", "姓名"), inline("B1", "执法证号"), inline("C1", "发证日期")]


def _officer(number: int, name: str) -> str:
    cells = [inline(f"A{number}", name), inline(f"B{number}", f"3115{number:04d}")]
    return row(number, [*cells, f'<c r="C{number}"><v>45000</v></c>'])


def test_cells_without_references_are_placed_as_calamine_places_them(tmp_path: Path) -> None:
    plain = write_xlsx(
        tmp_path / "plain.xlsx",
        "执法人员",
        sheet_data(
            [
                "<row>"
                + "".join(HEADERS)
                .replace(' r="A1"', "")
                .replace(' r="B1"', "")
                .replace(' r="C1"', "")
                + "</row>",
                '<row><c t="inlineStr"><is><t>张伟</t></is></c><c t="inlineStr"><is><t>31150012'
                "</t></is></c><c><v>45000</v></c></row>",
            ]
        ),
    )
    sheets, issues = read_ledger(plain)
    assert issues == []
    assert [dict(r.cells) for r in sheets[0].rows] == [
        {"姓名": "张伟", "执法证号": "31150012", "发证日期": 45000.0}
    ]

    wide = write_xlsx(
        tmp_path / "wide.xlsx",
        "执法人员",
        sheet_data([row(1, HEADERS), row(200, ["<c><v>1</v></c>"] * 30_000)]),
    )
    assert read_ledger(wide) == (
        [],
        [
            LedgerIssue(
                "执法人员",
                None,
                None,
                "ledger.sheet_too_large",
                {"name": "执法人员", "rows": 200, "columns": 29_151, "max": 5_830_000},
            )
        ],
    )


def test_a_column_beyond_z_is_read_from_the_cells_references(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ab.xlsx",
        "执法人员",
        sheet_data([row(1, HEADERS), _officer(2, "张伟"), row(3, [inline("AB3", "x")])], "A1:C2"),
    )
    sheets, issues = read_ledger(path)
    assert [(i.row, i.code, dict(i.params)) for i in issues] == [
        (3, "ledger.header_blank", {"column": "AB"})
    ]
    assert len(sheets[0].rows) == 1


def _understate(path: Path, part: str, size: int) -> None:
    """Make the zip directory (and the local header) say ``part`` inflates to ``size``."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + length]) == name:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_a_part_that_holds_more_than_its_directory_says_is_not_loaded(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "lies.xlsx", "执法人员", sheet_data([row(1, HEADERS), _officer(2, "张伟")])
    )
    _understate(path, "xl/worksheets/sheet1.xml", 100)
    assert read_ledger(path)[1] == [
        LedgerIssue(
            None,
            None,
            None,
            "ledger.unreadable",
            {"name": "lies.xlsx", "format": "xlsx", "detail": "larger than its directory says"},
        )
    ]


def test_a_package_of_too_many_parts_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "parts.xlsx", "执法人员", sheet_data([row(1, HEADERS)]))
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(10_000):
            archive.writestr(f"x/{index}", b"")
    assert [issue.text() for issue in read_ledger(path)[1]] == [
        "parts.xlsx 含有10005个部件，超过10000个的上限，不是正常的台账文件，不予导入"
    ]


def test_a_cell_longer_than_its_column_allows_is_named_with_row_and_header(
    tmp_path: Path,
) -> None:
    path = write_xlsx(
        tmp_path / "long.xlsx",
        "执法人员",
        sheet_data([row(1, HEADERS), _officer(2, "张" * 201), _officer(3, "李" * 200)]),
    )
    sheets, issues = read_ledger(path)
    assert issues == []
    errors: list[LedgerIssue] = []
    parsed = ParsedSheet(
        sheets[0], OFFICER_COLUMNS, SheetIssues("执法人员", OFFICER_HEADERS, errors, [])
    )
    rows = list(parsed.rows())
    assert [issue.text() for issue in errors] == [
        "执法人员 第2行 姓名：内容有201个字，超过本列200个字的上限"
    ]
    assert rows[0][1][0] is None
    assert rows[1][1][0] == "李" * 200


def test_a_second_reference_in_a_cell_is_not_trusted_to_the_first(tmp_path: Path) -> None:
    # calamine takes the last r: this cell is XFD1048576, not A2.
    path = write_xlsx(
        tmp_path / "twice.xlsx",
        "执法人员",
        sheet_data([row(1, HEADERS), '<row r="2"><c r="A2" r="XFD1048576"><v>1</v></c></row>']),
    )
    assert [(i.code, i.params.get("detail", "")[:4]) for i in read_ledger(path)[1]] == [
        ("ledger.unreadable", "XML:")
    ]


def test_an_unknown_header_is_quoted_shortened(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    text = "姓名,执法证号,发证日期," + "长" * 100_000 + "\n张伟,31150012,2023-01-05,\n"
    path.write_text(text, encoding="utf-8")
    issues = read_ledger(path)[1]
    assert [(i.header, i.code) for i in issues] == [("长" * 50 + "…", "ledger.header_unknown")]


def _numbers(rows: int, letters: Sequence[str]) -> list[str | bytes]:
    return sheet_data(
        f'<row r="{n}">' + "".join(f'<c r="{c}{n}"><v>1</v></c>' for c in letters) + "</row>"
        for n in range(1, rows + 1)
    )


def test_the_sheets_of_a_workbook_share_the_cell_limit(tmp_path: Path) -> None:
    # Each sheet within the limit, the two together not: they are checked one after the other.
    letters = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD"]  # 3 million cells a sheet
    path = write_xlsx(
        tmp_path / "two.xlsx",
        "一般程序案件",
        _numbers(100_000, letters),
        more=[("简易程序案件", _numbers(100_000, letters))],
    )
    assert [issue.text() for issue in read_ledger(path)[1]] == [
        "two.xlsx 各工作表的数据区域合计超过5830000个单元格的上限，不予导入。请把台账分成几个文件"
    ]
