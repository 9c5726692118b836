"""The 裁量基准 sheet (LEDGER_FORMAT.md, DOMAIN §17): an administrator's table, imported all or
nothing; an imported band replaces the shipped one from its effective date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.writer import write_xlsx
from tests.conftest import database_digest
from tests.integration import test_case_gates_cli as gates_cli
from tests.integration.test_case_gates_cli import FILE, NO, STATED, run

book = gates_cli.book  # a fresh file with the officers registered

ROW = {
    "违法行为": "占道设摊",
    "法律依据": "《上海市市容环境卫生管理条例》第二十五条第二项",
    "情节": "一般",
    "法定下限": 50,
    "法定上限": 500,
    "罚款下限": 100,
    "罚款上限": 300,
    "依据文件": "沪城管规〔2025〕2号",
    "生效日期": "2023-10-01",
}


def workbook(path: Path, *rows: dict[str, object]) -> Path:
    names = header_names(SheetKind.BENCHMARKS)
    write_xlsx(path, [(SheetKind.BENCHMARKS.value, names,
                       [[r.get(h) for h in names] for r in rows])])  # fmt: skip
    return path


def decide(amount: str, on: str = "2023-10-09") -> list[str]:
    return ["case", "decide", NO, "--on", on, "--kinds", "罚款", "--amount", amount,
            "--circumstance", "一般"]  # fmt: skip


def test_an_imported_band_applies_from_its_date(
    book: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notice = ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "罚款", "--amount", "300"]
    for argv in (FILE, notice, STATED):
        assert run(capsys, book, argv)[0] == 0, argv
    # the shipped 一般 band is 90–230 元: 300 元 is above it
    assert "90.00–230.00" in run(capsys, book, decide("300"))[1]
    path = workbook(tmp_path / "基准.xlsx", ROW, {**ROW, "情节": "较重", "罚款下限": 300,
                                                  "罚款上限": 450})  # fmt: skip
    code, out = run(capsys, book, ["import", str(path)])
    assert code == 0, out
    assert "裁量基准 2 行" in out
    assert run(capsys, book, decide("300"))[0] == 0  # the imported 一般 band is 100–300 元
    shown = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])
    assert shown["decision"]["fine_fen"] == 30_000


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{**ROW, "罚款上限": 600}],
         "裁量基准 第2行 罚款上限：罚款下限、上限须在法定幅度之内，且下限不高于上限"),
        ([{**ROW, "法定下限": 600}], "裁量基准 第2行 法定上限：法定下限不能高于法定上限"),
        ([ROW, ROW], "裁量基准 第3行 情节：与第2行的违法行为、情节和生效日期相同"),
        ([{**ROW, "生效日期": None}], "裁量基准 第2行 生效日期："),
        ([{**ROW, "罚款下限": "一百"}], "裁量基准 第2行 罚款下限："),
    ],
    ids=["band above the statutory maximum", "statutory range reversed", "a row repeated",
         "no effective date", "an amount in words"],
)  # fmt: skip
def test_a_bad_row_is_named_and_nothing_is_written(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    rows: list[dict[str, object]],
    message: str,
) -> None:
    before = database_digest(book)
    code, err = run(capsys, book, ["import", str(workbook(tmp_path / "bad.xlsx", *rows))])
    assert code == 1
    assert message in err
    assert database_digest(book) == before


def test_the_installed_command_imports_the_sheet(book: Path, tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("chuansha-enforce")
    path = workbook(tmp_path / "基准.xlsx", ROW)
    done = subprocess.run([str(command), "--db", str(book), "import", str(path)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "裁量基准 1 行" in done.stdout
