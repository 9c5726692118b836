"""Reading ledger files: real xlsx (openpyxl) and CSV files in tmp_path, structure and issues."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from chuansha_enforce.domain.messages import MESSAGES
from chuansha_enforce.ledger.reader import column_letter, read_ledger
from chuansha_enforce.ledger.sheets import (
    LedgerIssue,
    RawRow,
    RawSheet,
    SheetKind,
    header_names,
    required_headers,
)

Grid = Sequence[Sequence[object]]

OFFICERS: Grid = [
    ["姓名", "执法证号", "发证日期", "有效期至", "状态"],
    ["张伟", "31150012", dt.date(2020, 1, 6), None, "有效"],
    ["李娜", 31150013, dt.datetime(2021, 5, 10), dt.date(2026, 5, 9), None],
]
GENERAL: Grid = [
    [" 案件编号 ", "案由", "当事人类型", "当事人", "承办人", "立案日期", "罚款金额", "证件号码"],
    [
        "沪浦川执立〔２０２３〕０００１２号",
        " 占道经营，影响通行（已改正） ",
        "自然人",
        "王强",
        "张伟、李娜",
        dt.date(2023, 3, 5),
        1200.5,
        "110101199003077777",
    ],
    [None] * 8,  # a blank row: skipped, later rows keep Excel's numbers
    ["  ", None, "", None, None, None, None, None],  # spaces only: blank too
    ["A-2", "违法搭建", "法人", "川沙某公司", "张伟(31150012)、李娜", 44990, 200, None],
]


def write_workbook(path: Path, sheets: Mapping[str, Grid]) -> Path:
    """An xlsx the way Excel users make them: real date and number cells, blank rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, grid in sheets.items():
        sheet = workbook.create_sheet(name)
        for row_index, row in enumerate(grid, start=1):
            for column_index, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=row_index, column=column_index, value=value)
    workbook.save(path)
    return path


def write_text(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def csv_text(grid: Grid) -> str:
    return "".join(",".join("" if v is None else str(v) for v in row) + "\r\n" for row in grid)


def codes(issues: Sequence[LedgerIssue]) -> list[str]:
    return [issue.code for issue in issues]


def only(sheets: Sequence[RawSheet], kind: SheetKind) -> RawSheet:
    (sheet,) = (s for s in sheets if s.kind is kind)
    return sheet


# ---------------------------------------------------------------------------- xlsx


def test_xlsx_sheets_rows_and_native_values(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "台账.xlsx",
        {"一般程序案件 ": GENERAL, "执法人员": OFFICERS, "Sheet": []},
    )
    sheets, issues = read_ledger(path)
    assert issues == []
    # officers come first whatever the workbook order; the empty leftover sheet is ignored
    assert [s.kind for s in sheets] == [SheetKind.OFFICERS, SheetKind.GENERAL_CASES]

    general = only(sheets, SheetKind.GENERAL_CASES)
    assert general.name == "一般程序案件"
    assert general.headers == ("案件编号", "案由", "当事人类型", "当事人", "承办人", "立案日期",
                               "罚款金额", "证件号码")  # fmt: skip
    assert [row.row for row in general.rows] == [2, 5]
    first, second = (row.cells for row in general.rows)
    assert first["案件编号"] == "沪浦川执立〔2023〕00012号"  # full-width digits made ASCII
    assert first["案由"] == "占道经营，影响通行（已改正）"  # Chinese punctuation kept
    assert first["立案日期"] == dt.date(2023, 3, 5)
    assert first["罚款金额"] == 1200.5
    assert first["证件号码"] == "110101199003077777"
    assert second["立案日期"] == 44990  # a serial in a General cell stays a number
    assert second["罚款金额"] == 200
    assert second["证件号码"] == ""

    officers = only(sheets, SheetKind.OFFICERS)
    assert [row.row for row in officers.rows] == [2, 3]
    zhang, li = (row.cells for row in officers.rows)
    assert zhang == {"姓名": "张伟", "执法证号": "31150012", "发证日期": dt.date(2020, 1, 6),
                     "有效期至": "", "状态": "有效"}  # fmt: skip
    assert li["执法证号"] == 31150013
    assert li["发证日期"] == dt.date(2021, 5, 10)  # a midnight date-time reads as a date


def test_misnamed_sheet_is_rejected_with_the_allowed_names(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"执法人员": OFFICERS, "一般案件": GENERAL})
    sheets, issues = read_ledger(path)
    assert [s.kind for s in sheets] == [SheetKind.OFFICERS]
    assert issues == [
        LedgerIssue(
            "一般案件",
            None,
            None,
            "ledger.sheet_unknown",
            {
                "name": "一般案件",
                "allowed": "执法人员、一般程序案件、简易程序案件、行政复议、行政诉讼、裁量基准",
            },
        )
    ]


def test_hidden_unknown_sheet_and_chart_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    officers = workbook.active
    officers.title = "执法人员"
    for row in OFFICERS:
        officers.append(list(row))
    options = workbook.create_sheet("字典")  # a template's hidden drop-down lists
    options["A1"] = "自然人"
    options.sheet_state = "hidden"
    chart = BarChart()
    chart.add_data(Reference(officers, min_col=2, min_row=1, max_row=3))
    workbook.create_chartsheet("图表").add_chart(chart)
    path = tmp_path / "a.xlsx"
    workbook.save(path)
    sheets, issues = read_ledger(path)
    assert [s.kind for s in sheets] == [SheetKind.OFFICERS]
    assert [(i.sheet, i.code) for i in issues] == [("字典", "ledger.sheet_unknown_hidden")]


def test_a_stray_value_far_away_is_refused_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "执法人员"
    sheet["A1"] = "姓名"
    sheet["XFD1048576"] = "x"
    workbook.save(path)
    sheets, issues = read_ledger(path)
    assert sheets == []
    assert issues == [
        LedgerIssue(
            "执法人员",
            None,
            None,
            "ledger.sheet_too_large",
            {"name": "执法人员", "rows": 1_048_576, "columns": 16_384, "max": 5_830_000},
        )
    ]
    assert "1048576行×16384列，最多5830000个单元格" in issues[0].text()


def _without_dimension(path: Path) -> None:
    """Rewrite the workbook as a writer that leaves out ``<dimension>`` would have."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension [^>]*/>", b"", data)
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_sheets_without_a_dimension_element_are_measured_by_their_cells(tmp_path: Path) -> None:
    normal = write_workbook(tmp_path / "normal.xlsx", {"执法人员": OFFICERS})
    _without_dimension(normal)
    sheets, issues = read_ledger(normal)
    assert issues == []
    assert len(sheets[0].rows) == 2

    stray = tmp_path / "stray.xlsx"
    workbook = Workbook()
    workbook.active.title = "执法人员"
    workbook.active["A1"] = "姓名"
    workbook.active["XFD1048576"] = "x"
    workbook.save(stray)
    _without_dimension(stray)
    with zipfile.ZipFile(stray) as archive:
        assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    sheets, issues = read_ledger(stray)
    assert sheets == []
    assert [(i.code, i.params["rows"], i.params["columns"]) for i in issues] == [
        ("ledger.sheet_too_large", 1_048_576, 16_384)
    ]


def test_two_sheets_of_one_kind(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"一般程序案件": GENERAL, " 一般程序案件": GENERAL})
    sheets, issues = read_ledger(path)
    assert len(sheets) == 1
    assert [(i.sheet, i.code) for i in issues] == [("一般程序案件", "ledger.sheet_duplicate")]


def test_missing_sheets_mean_nothing_of_that_kind(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"执法人员": OFFICERS})
    sheets, issues = read_ledger(path)
    assert issues == []
    assert [s.kind for s in sheets] == [SheetKind.OFFICERS]


def test_headers_only_is_a_sheet_without_rows(tmp_path: Path) -> None:
    headers = list(header_names(SheetKind.SIMPLE_DECISIONS))
    path = write_workbook(tmp_path / "a.xlsx", {"简易程序案件": [headers]})
    sheets, issues = read_ledger(path)
    assert issues == []
    assert sheets == [RawSheet(SheetKind.SIMPLE_DECISIONS, "简易程序案件", tuple(headers), ())]


def test_header_issues_name_sheet_row_and_header(tmp_path: Path) -> None:
    grid: Grid = [
        ["案件编号", "案由", "罚款金頟", "当事人", "案由", None, "当事人类型", "立案日期"],
        ["A-1", "占道经营", 100, "王强", "重复", None, "自然人", dt.date(2023, 1, 2)],
        ["A-2", "占道经营", 100, "王强", None, "孤立的值", "自然人", dt.date(2023, 1, 2)],
    ]
    sheets, issues = read_ledger(write_workbook(tmp_path / "a.xlsx", {"一般程序案件": grid}))
    located = [(i.sheet, i.row, i.header, i.code) for i in issues]
    assert located == [
        ("一般程序案件", 1, "罚款金頟", "ledger.header_unknown"),
        ("一般程序案件", 1, "案由", "ledger.header_duplicate"),
        ("一般程序案件", 1, "承办人", "ledger.header_missing"),
        ("一般程序案件", 3, None, "ledger.header_blank"),
    ]
    assert issues[0].params["allowed"] == "、".join(header_names(SheetKind.GENERAL_CASES))
    assert issues[1].params["columns"] == "B、E"
    assert issues[3].params == {"column": "F"}
    assert issues[3].text() == "一般程序案件 第3行：第F列有数据但没有表头"
    assert issues[2].text("en") == (
        "一般程序案件 row 1, 承办人: the required column “承办人” is missing"
    )
    assert all("{" not in issue.text() + issue.text("en") for issue in issues)
    # the sheet is still read so that row-level problems can be reported in the same run
    (sheet,) = sheets
    assert sheet.headers == ("案件编号", "案由", "当事人", "当事人类型", "立案日期")
    assert [row.cells["案由"] for row in sheet.rows] == ["占道经营", "占道经营"]


def test_header_row_must_be_row_one(tmp_path: Path) -> None:
    grid: Grid = [[], [], ["张伟", "1", "2020-01-01"]]
    sheets, issues = read_ledger(write_workbook(tmp_path / "a.xlsx", {"执法人员": grid}))
    assert sheets == []
    assert issues == [LedgerIssue("执法人员", 1, None, "ledger.header_row")]


@pytest.mark.parametrize(
    "top",
    [
        [],  # a blank row above the headers
        ["川沙新镇综合行政执法队2023年执法人员台账"],  # a title row
    ],
)
def test_headers_below_row_one_are_pointed_at(tmp_path: Path, top: list[object]) -> None:
    grid: Grid = [top, list(required_headers(SheetKind.OFFICERS)), ["张伟", "1", "2020-01-01"]]
    sheets, issues = read_ledger(write_workbook(tmp_path / "a.xlsx", {"执法人员": grid}))
    assert sheets == []
    assert issues == [LedgerIssue("执法人员", 1, None, "ledger.header_row_moved", {"row": 2})]
    assert (
        issues[0].text() == "执法人员 第1行：表头应在第1行，却在第2行：请删除表头上方的标题行或空行"
    )

    text = csv_text(grid)
    sheets, issues = read_ledger(write_text(tmp_path / "o.csv", text, "utf-8"))
    assert issues == [LedgerIssue("o.csv", 1, None, "ledger.header_row_moved", {"row": 2})]


def test_workbook_without_content_is_empty(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"Sheet1": [], "执法人员": []})
    assert read_ledger(path) == (
        [],
        [LedgerIssue(None, None, None, "ledger.empty", {"name": "a.xlsx"})],
    )


# ---------------------------------------------------------------------------- csv

CSV_GENERAL: Grid = [
    ["案件编号", "案由", "当事人类型", "当事人", "承办人", "立案日期", "罚款金额", "备注"],
    ["沪浦川执立〔２０２３〕１２号", "占道经营", "自然人", "王强", "张伟、李娜", "2023/3/5",
     "1200.50", " 已改正，结案 "],
    [],
    ["A-2", "违法搭建", "法人", "川沙某公司", "张伟(31150012)、李娜", "2023年3月5日", "", ""],
]  # fmt: skip


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-8", "utf-16"])
def test_csv_in_every_encoding_reads_the_same_chinese(tmp_path: Path, encoding: str) -> None:
    path = write_text(tmp_path / "cases.csv", csv_text(CSV_GENERAL), encoding)
    sheets, issues = read_ledger(path)
    assert issues == []
    (sheet,) = sheets
    assert sheet.kind is SheetKind.GENERAL_CASES
    assert sheet.name == "cases.csv"
    assert sheet.rows == (
        RawRow(2, {"案件编号": "沪浦川执立〔2023〕12号", "案由": "占道经营", "当事人类型": "自然人",
                   "当事人": "王强", "承办人": "张伟、李娜", "立案日期": "2023/3/5",
                   "罚款金额": "1200.50", "备注": "已改正，结案"}),
        RawRow(4, {"案件编号": "A-2", "案由": "违法搭建", "当事人类型": "法人",
                   "当事人": "川沙某公司", "承办人": "张伟(31150012)、李娜",
                   "立案日期": "2023年3月5日", "罚款金额": "", "备注": ""}),
    )  # fmt: skip


def test_gb18030_bytes_are_not_mistaken_for_utf8(tmp_path: Path) -> None:
    data = csv_text(CSV_GENERAL).encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    sheets, _ = read_ledger(write_text(tmp_path / "a.csv", csv_text(CSV_GENERAL), "gb18030"))
    assert sheets[0].rows[0].cells["当事人"] == "王强"


@pytest.mark.parametrize("kind", list(SheetKind))
def test_csv_kind_is_recognised_from_the_required_headers(tmp_path: Path, kind: SheetKind) -> None:
    headers = list(reversed(required_headers(kind)))  # column order is free
    path = write_text(tmp_path / "x.csv", ",".join(headers) + "\n", "utf-8")
    sheets, issues = read_ledger(path)
    assert issues == []
    assert [(s.kind, s.headers, s.rows) for s in sheets] == [(kind, tuple(headers), ())]


def test_csv_with_a_misspelt_header_still_names_its_kind(tmp_path: Path) -> None:
    headers = [*required_headers(SheetKind.SIMPLE_DECISIONS), "当场收徼"]
    path = write_text(tmp_path / "x.csv", ",".join(headers) + "\n", "utf-8")
    sheets, issues = read_ledger(path)
    assert [s.kind for s in sheets] == [SheetKind.SIMPLE_DECISIONS]
    assert [(i.sheet, i.row, i.header, i.code) for i in issues] == [
        ("x.csv", 1, "当场收徼", "ledger.header_unknown")
    ]


def test_csv_with_known_headers_but_a_required_one_missing(tmp_path: Path) -> None:
    headers = [h for h in required_headers(SheetKind.OFFICERS) if h != "发证日期"]
    path = write_text(tmp_path / "x.csv", ",".join([*headers, "状态"]) + "\n", "utf-8")
    sheets, issues = read_ledger(path)
    assert [s.kind for s in sheets] == [SheetKind.OFFICERS]
    assert [(i.row, i.header, i.code) for i in issues] == [(1, "发证日期", "ledger.header_missing")]


@pytest.mark.parametrize(
    "header_row",
    [
        "当事人,案由",  # common to both case sheets
        "甲,乙,丙",
        ",".join([*required_headers(SheetKind.GENERAL_CASES),
                  *required_headers(SheetKind.SIMPLE_DECISIONS)]),
    ],
)  # fmt: skip
def test_csv_kind_that_cannot_be_told(tmp_path: Path, header_row: str) -> None:
    path = write_text(tmp_path / "x.csv", header_row + "\n1,2,3\n", "utf-8")
    sheets, issues = read_ledger(path)
    assert sheets == []
    assert [(i.sheet, i.row, i.header, i.code) for i in issues] == [
        ("x.csv", 1, None, "ledger.csv_kind")
    ]


def test_csv_rows_are_counted_as_excel_shows_them(tmp_path: Path) -> None:
    text = (
        '姓名,执法证号,发证日期\r\n"张伟","1","2020-01-01"\r\n"李\r\n娜",2,2020-01-02\r\n'
        ",,\r\n王强,3,2020-01-03,多余\r\n"
    )
    sheets, issues = read_ledger(write_text(tmp_path / "o.csv", text, "utf-8"))
    assert [row.row for row in sheets[0].rows] == [2, 3, 5]
    assert sheets[0].rows[1].cells["姓名"] == "李\n娜"  # a line break in a cell, as \n (text_input)
    assert [(i.row, i.code, i.params) for i in issues] == [
        (5, "ledger.header_blank", {"column": "D"})
    ]


def test_tab_separated_text_is_read(tmp_path: Path) -> None:
    text = "姓名\t执法证号\t发证日期\n张伟\t1\t2020-01-01\n"
    sheets, issues = read_ledger(write_text(tmp_path / "o.csv", text, "utf-16"))
    assert issues == []
    assert sheets[0].rows[0].cells == {"姓名": "张伟", "执法证号": "1", "发证日期": "2020-01-01"}


def test_csv_header_row_blank(tmp_path: Path) -> None:
    path = write_text(tmp_path / "o.csv", ",,\n张伟,1,2020-01-01\n", "utf-8")
    assert read_ledger(path) == ([], [LedgerIssue("o.csv", 1, None, "ledger.header_row")])


# ---------------------------------------------------------------------------- unreadable files


OLE_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # how an old .xls begins


def _corrupt_zip(path: Path) -> None:
    write_workbook(path, {"执法人员": OFFICERS})
    path.write_bytes(path.read_bytes()[:300])


def _zip_without_workbook(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    path.write_bytes(buffer.getvalue())


def _broken_sheet_xml(path: Path) -> None:
    write_workbook(path, {"执法人员": OFFICERS})
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("corrupt.xlsx", _corrupt_zip, "ledger.unreadable"),
        ("no_workbook.xlsx", _zip_without_workbook, "ledger.unreadable"),
        ("broken_xml.xlsx", _broken_sheet_xml, "ledger.unreadable"),
        ("empty.xlsx", lambda p: p.write_bytes(b""), "ledger.empty"),
        ("empty.csv", lambda p: p.write_bytes(b""), "ledger.empty"),
        ("blank.csv", lambda p: p.write_bytes(b"\r\n , \r\n\r\n"), "ledger.empty"),
        ("bom_only.csv", lambda p: p.write_bytes(codecs.BOM_UTF8), "ledger.empty"),
        ("old.xls", lambda p: p.write_bytes(OLE_FILE), "ledger.format"),
        ("renamed.xlsx", lambda p: p.write_bytes(OLE_FILE), "ledger.format"),
        ("notes.txt", lambda p: p.write_text("姓名,执法证号", encoding="utf-8"), "ledger.format"),
        ("no_suffix", lambda p: p.write_bytes(b"x"), "ledger.format"),
        ("junk.xlsx", lambda p: p.write_bytes(bytes(range(256)) * 4), "ledger.unreadable"),
        ("junk.csv", lambda p: p.write_bytes(bytes(range(256)) * 4), "ledger.unreadable"),
        ("workbook.csv", lambda p: write_workbook(p, {"执法人员": OFFICERS}), "ledger.unreadable"),
        ("bad_bom.csv", lambda p: p.write_bytes(codecs.BOM_UTF8 + "姓名".encode("gbk")),
         "ledger.encoding"),
        ("neither.csv", lambda p: p.write_bytes(b"\x81\x30\x81\xff" * 10), "ledger.encoding"),
        ("missing.xlsx", lambda p: None, "ledger.not_found"),
    ],
)  # fmt: skip
def test_unreadable_files_give_one_issue(
    tmp_path: Path, name: str, make: object, code: str
) -> None:
    path = tmp_path / name
    assert callable(make)
    make(path)
    sheets, issues = read_ledger(path)
    assert sheets == []
    assert len(issues) == 1
    (issue,) = issues
    assert (issue.sheet, issue.row, issue.header, issue.code) == (None, None, None, code)
    assert issue.params["name"] == name
    for lang in ("zh", "en"):
        assert name in issue.text(lang)
        assert "{" not in issue.text(lang)  # every placeholder filled


def test_a_folder_is_not_a_ledger(tmp_path: Path) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    sheets, issues = read_ledger(folder)
    assert sheets == []
    assert codes(issues) == ["ledger.folder"]  # said as a folder, not as a damaged file
    assert (
        issues[0].text()
        == "folder.xlsx 是一个文件夹，不是台账文件；请选择其中的 .xlsx 或 .csv 文件"
    )


# ---------------------------------------------------------------------------- messages


def test_issue_text_names_sheet_row_and_header() -> None:
    issue = LedgerIssue("一般程序案件", 5, "罚款金额", "money.negative", {"value": "-5"})
    assert issue.text() == "一般程序案件 第5行 罚款金额：金额不能为负数"
    assert issue.text("en") == "一般程序案件 row 5, 罚款金额: the amount cannot be negative"
    assert (
        LedgerIssue("执法人员", 3, None, "ledger.header_row").text().startswith("执法人员 第3行：")
    )
    assert (
        LedgerIssue("执法人员", None, None, "ledger.sheet_duplicate", {"name": "执法人员"})
        .text("en")
        .startswith("执法人员: ")
    )
    whole_file = LedgerIssue(None, None, None, "ledger.empty", {"name": "a.xlsx"})
    assert "a.xlsx" in whole_file.text()
    assert not whole_file.text().startswith("：")


def test_every_issue_code_has_both_languages() -> None:
    package = Path(__file__).resolve().parents[2] / "chuansha_enforce" / "ledger"
    used = {
        code
        for source in package.glob("*.py")
        for code in re.findall(r"\"(ledger\.[a-z_]+)\"", source.read_text(encoding="utf-8"))
    }
    assert len(used) > 15
    assert sorted(used - set(MESSAGES)) == []
    for code in used:
        zh, en = MESSAGES[code]
        assert zh.strip()
        assert en.strip()


def test_issues_are_hashable_values() -> None:
    one = LedgerIssue("执法人员", 2, "姓名", "value.required", {})
    assert one == LedgerIssue("执法人员", 2, "姓名", "value.required")
    assert len({one, LedgerIssue("执法人员", 2, "姓名", "value.required")}) == 1
    with pytest.raises(TypeError):
        one.params["x"] = 1  # type: ignore[index]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"
    ]  # fmt: skip
