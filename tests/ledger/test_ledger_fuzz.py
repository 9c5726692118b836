"""Whatever the input, the ledger layer answers with DomainError or LedgerIssue, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.values import parse_bool, parse_date, parse_money
from chuansha_enforce.ledger.writer import write_xlsx

DATEISH = st.from_regex(
    r"[0-9０-９]{0,5}[-/.年月日 ]?[0-9]{0,3}[-/.年月日 ]?[0-9]{0,3}[日:0-9 ]{0,4}"
)
MONEYISH = st.from_regex(r"[-¥￥]?[0-9,，.．０-９]{0,16}元?")
CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.text(),
    DATEISH,
    MONEYISH,
    st.sampled_from(["是", "否", "Y", "n", "1", "0", "", " "]),
)


def _error_code(parse: Callable[[object], object], value: object) -> tuple[object, str | None]:
    """The parser's result, or the code of its DomainError; any other exception escapes."""
    try:
        return parse(value), None
    except DomainError as error:
        return None, error.code


@given(CELLS)
def test_parse_date_raises_only_domain_errors(value: object) -> None:
    day, code = _error_code(parse_date, value)
    if code is None:
        assert type(day) is dt.date
        assert 1949 <= day.year <= 2100
    else:
        assert code == "ledger.date"


@given(CELLS)
def test_parse_money_raises_only_domain_errors(value: object) -> None:
    fen, code = _error_code(parse_money, value)
    if code is None:
        assert isinstance(fen, int)
        assert fen >= 0
    else:
        assert code.startswith("money.")


@given(CELLS)
def test_parse_bool_raises_only_domain_errors(value: object) -> None:
    answer, code = _error_code(parse_bool, value)
    assert isinstance(answer, bool) or code == "ledger.bool"


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def sample_xlsx(fuzz_dir: Path) -> bytes:
    path = fuzz_dir / "sample.xlsx"
    rows = [["张伟", "31150012", dt.date(2020, 1, 6), None, "有效", None]]
    cases = [["A-1", None, "占道经营", None, None, "自然人", "王强", None, None, "张伟、李娜",
              dt.date(2023, 3, 5), None, None, None, None, None, None, "罚款", None,
              Decimal("200.00")]]  # fmt: skip
    write_xlsx(
        path,
        [
            ("执法人员", header_names(SheetKind.OFFICERS), rows),
            ("一般程序案件", header_names(SheetKind.GENERAL_CASES), cases),
        ],
    )
    return path.read_bytes()


def _check(path: Path) -> None:
    sheets, issues = read_ledger(path)
    for issue in issues:
        assert issue.code.startswith("ledger.")
        assert "{" not in issue.text("zh") + issue.text("en")  # every placeholder filled
    for sheet in sheets:
        assert isinstance(sheet.kind, SheetKind)


@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".xlsx", ".csv", ".XLSX", ".xls"]))
def test_read_ledger_survives_random_bytes(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    path = fuzz_dir / f"random{suffix}"
    path.write_bytes(data)
    sheets, issues = read_ledger(path)
    assert sheets or issues  # random bytes never pass silently as "nothing"
    _check(path)


@given(text=st.text(max_size=400), encoding=st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_read_ledger_survives_random_text_csv(fuzz_dir: Path, text: str, encoding: str) -> None:
    path = fuzz_dir / "text.csv"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        return
    _check(path)


@given(st.data())
def test_read_ledger_survives_damaged_workbooks(
    fuzz_dir: Path, sample_xlsx: bytes, data: st.DataObject
) -> None:
    """Flip bytes inside the XML parts of a real workbook (a zip of deflated parts would only
    fail its checksums), or drop a part altogether."""
    with zipfile.ZipFile(io.BytesIO(sample_xlsx)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    victim = data.draw(st.sampled_from(sorted(parts)))
    if data.draw(st.booleans()):
        del parts[victim]
    else:
        damaged = bytearray(parts[victim])
        for _ in range(data.draw(st.integers(1, 8))):
            position = data.draw(st.integers(0, max(len(damaged) - 1, 0)))
            damaged[position : position + 1] = data.draw(st.binary(min_size=0, max_size=3))
        parts[victim] = bytes(damaged)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    path = fuzz_dir / "damaged.xlsx"
    path.write_bytes(buffer.getvalue())
    _check(path)
