"""A ledger of a hundred thousand cases written straight as xlsx parts (openpyxl takes about
a minute for it): two officers, ``cases`` general cases with 29 of its columns as an export
writes them (text inline, dates and amounts as numbers in date and money formats) and 300
simple decisions. Every row is valid unless ``bad`` says so: then its 立案日期 reads
``不是日期`` (one error, at that row)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from openpyxl.utils import get_column_letter

from chuansha_enforce.ledger.sheets import SheetKind, header_names
from tests.ledger.handmade_xlsx import CONTENT_TYPES, ROOT_RELS, SHEET_HEAD, WORKBOOK_RELS

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
    '<xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>'
)
_EPOCH = dt.date(1899, 12, 30)
_FIRST_FILED = dt.date(2024, 1, 2)
_OFFICERS = (("张伟", "31150001"), ("李娜", "31150002"))
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_number(n: int) -> str:
    """A resident ID number with its check character (GB 11643)."""
    body = f"310115{1970 + n % 30}0{1 + n % 9}1{n % 10}{n % 1000:03d}"
    total = sum(int(digit) * weight for digit, weight in zip(body, _ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _day(ref: str, day: dt.date) -> str:
    return f'<c r="{ref}" s="1" t="n"><v>{(day - _EPOCH).days}</v></c>'


def _yuan(ref: str, amount: int) -> str:
    return f'<c r="{ref}" s="2" t="n"><v>{amount}</v></c>'


def _header(kind: SheetKind) -> str:
    names = header_names(kind)
    if kind is SheetKind.GENERAL_CASES:
        # the 29 columns these rows fill (order is free): 案件编号 to 结案日期, then Z-AC;
        # the gate columns (告知日期 …) stay out, these cases are history before gates_from
        names = (*names[: names.index("结案日期") + 1], "当事人地址", "法定代表人", "公示日期",
                 "备注")  # fmt: skip
    return (
        '<row r="1">'
        + "".join(_text(f"{get_column_letter(i + 1)}1", h) for i, h in enumerate(names))
        + "</row>"
    )


def _officer_rows() -> Iterator[str]:
    yield _header(SheetKind.OFFICERS)
    for n, (name, number) in enumerate(_OFFICERS, start=2):
        cells = _text(f"A{n}", name) + _text(f"B{n}", number) + _day(f"C{n}", dt.date(2018, 1, 2))
        yield f'<row r="{n}">{cells}{_text(f"E{n}", "有效")}</row>'


def _party(n: int) -> str:
    return _SURNAMES[n % 20] + _GIVEN[n // 20 % 20] + _GIVEN[n // 400 % 20]


def _case_rows(cases: int, bad: Callable[[int], bool]) -> Iterator[str]:
    yield _header(SheetKind.GENERAL_CASES)
    officers = "、".join(f"{name}({number})" for name, number in _OFFICERS)
    for n in range(1, cases + 1):
        r = n + 1
        party = _party(n % 5_000)
        filed = _FIRST_FILED + dt.timedelta(days=n % 300)
        decided = filed + dt.timedelta(days=10)
        served = decided + dt.timedelta(days=2)
        paid = served + dt.timedelta(days=3)
        fine = 100 + n % 50 * 10
        yield "".join(
            (
                f'<row r="{r}">',
                _text(f"A{r}", f"川执立〔2024〕{n:06d}号"),
                _text(f"B{r}", f"沪浦川执罚〔2024〕{n:06d}号"),
                _text(f"C{r}", f"{party}占道经营案"),
                _text(f"D{r}", "擅自占用城市道路摆摊经营"),
                _text(f"E{r}", "《上海市市容环境卫生管理条例》第二十二条"),
                _text(f"F{r}", "自然人"),
                _text(f"G{r}", party),
                _text(f"H{r}", _id_number(n % 5_000)),
                _text(f"I{r}", f"浦东新区川沙新镇川沙路{n % 999 + 1}号"),
                _text(f"J{r}", officers),
                _text(f"K{r}", "不是日期") if bad(r) else _day(f"K{r}", filed),
                _text(f"L{r}", "否"),
                _text(f"M{r}", "否"),
                _day(f"Q{r}", decided),
                _text(f"R{r}", "罚款"),
                _yuan(f"T{r}", fine),
                _day(f"V{r}", served),
                _day(f"W{r}", paid),
                _yuan(f"X{r}", fine),
                _day(f"Y{r}", paid + dt.timedelta(days=5)),
                _day(f"AB{r}", decided + dt.timedelta(days=3)),  # 公示日期
                _text(f"AC{r}", "当事人已当场改正。") if n % 5 == 0 else "",  # 备注
                "</row>",
            )
        )


def _simple_rows() -> Iterator[str]:
    yield _header(SheetKind.SIMPLE_DECISIONS)
    officers = "、".join(f"{name}({number})" for name, number in _OFFICERS)
    for n in range(1, 301):
        r = n + 1
        party = _party(n)
        yield "".join(
            (
                f'<row r="{r}">',
                _text(f"A{r}", f"沪浦川执简〔2024〕{n:06d}号"),
                _text(f"B{r}", "自然人"),
                _text(f"C{r}", party),
                _text(f"D{r}", _id_number(n)),
                _text(f"E{r}", f"{party}乱扔垃圾案"),
                _text(f"G{r}", f"川沙路{n}号"),
                _text(f"H{r}", officers),
                _day(f"I{r}", _FIRST_FILED + dt.timedelta(days=n)),
                _text(f"J{r}", "警告"),
                "</row>",
            )
        )


def write_big_ledger(
    path: Path, cases: int = 100_000, bad: Callable[[int], bool] = lambda row: False
) -> Path:
    """The ledger at ``path``; ``bad(row)`` marks the general-case rows (as Excel numbers
    them, the first case on row 2) whose filing date is not a date."""
    sheets = (
        (SheetKind.OFFICERS, _officer_rows()),
        (SheetKind.GENERAL_CASES, _case_rows(cases, bad)),
        (SheetKind.SIMPLE_DECISIONS, _simple_rows()),
    )
    listed = "".join(
        f'<sheet name="{kind.value}" sheetId="{n}" r:id="rId{n + 10}"/>'
        for n, (kind, _) in enumerate(sheets, start=1)
    )
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    relations = "".join(
        f'<Relationship Id="rId{n + 10}" Type="{office}/worksheet" '
        f'Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    ) + (f'<Relationship Id="rId9" Type="{office}/styles" Target="styles.xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" '
            f'xmlns:r="{office}"><sheets>{listed}</sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            WORKBOOK_RELS.replace("</Relationships>", relations + "</Relationships>"),
        )
        archive.writestr("xl/styles.xml", _STYLES)
        for n, (_, rows) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as part:
                part.write(f"{SHEET_HEAD}<sheetData>".encode())
                for text in rows:
                    part.write(text.encode())
                part.write(b"</sheetData></worksheet>")
    return path
