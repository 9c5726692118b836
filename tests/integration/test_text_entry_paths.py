"""Control, bidi and zero-width characters, through each way in: a ledger xlsx (where they
arrive as ``_x001B_`` escapes), a ledger CSV and the command line. What is stored, listed
and published carries none of them; a value of only invisible characters is missing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.writer import write_csv
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.ledger_files import CASE, SIMPLE, ledger, with_

NOW = dt.datetime(2024, 12, 20, 2, 0, tzinfo=dt.UTC)
UNSEEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)

COMPANY_CASE = with_(
    CASE,
    当事人类型="法人",
    当事人="上海\u202e川沙_x001B_有限公司",
    证件号码=None,
    案由="\u200b占道经营案_x0007_",
    违法行为="占道_x0007_经营_x0000_\n堆放杂物",
    违法地点="川沙路\u200b1号\u2066",
    备注="第一行_x001B_[31m\t第二行",
)
HOSTILE_SIMPLE = with_(SIMPLE, 当事人="李\u202e四_x001B_", 案由="跨门营业_x0000_")


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    with build_services(backend, FixedClock(NOW)) as services:
        yield services


def test_the_escapes_reach_the_reader_as_control_characters(tmp_path: Path) -> None:
    """(What the test ledger carries: calamine turns ``_x001B_`` into ESC.)"""
    path = ledger(tmp_path / "hostile.xlsx", cases=[COMPANY_CASE])
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SheetKind.GENERAL_CASES.value)
    cells = [c for row in sheet.to_python() for c in row if isinstance(c, str)]
    assert "上海\u202e川沙\x1b有限公司" in cells
    assert "占道\x07经营\x00\n堆放杂物" in cells


def test_an_xlsx_with_control_and_bidi_characters_imports_clean(
    svc: Services, tmp_path: Path
) -> None:
    path = ledger(tmp_path / "hostile.xlsx", cases=[COMPANY_CASE], simple=[HOSTILE_SIMPLE])
    report = svc.ledger.import_file(path)
    assert report.errors == ()
    case = svc.case_files.find("川执立〔2024〕000001号")
    assert case.party.name == "上海川沙有限公司"
    assert case.cause == "占道经营案"
    assert case.violation == "占道经营\n堆放杂物"  # free text keeps its line break
    assert case.location == "川沙路1号"
    assert case.notes == "第一行[31m 第二行"
    simple = svc.simple.list_page().rows[0]
    assert (simple.party_name, simple.cause) == ("李四", "跨门营业")


def test_a_name_of_only_a_zero_width_space_is_missing(
    backend: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = backend
    assert main(["--db", str(db), "init"]) == 0
    before = database_digest(db)
    path = ledger(
        tmp_path / "blank.xlsx",
        cases=[with_(CASE, 当事人="\u200b")],
        simple=[with_(SIMPLE, 当事人="\u200b\ufeff \u2060")],
    )
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "一般程序案件 第2行 当事人：" in err
    assert "简易程序案件 第2行 当事人：" in err
    assert "未写入任何数据" in err
    assert database_digest(db) == before


def test_a_csv_ledger_is_cleaned_the_same_way(svc: Services, tmp_path: Path) -> None:
    path = tmp_path / "一般程序案件.csv"
    headers = header_names(SheetKind.GENERAL_CASES)
    # (a C0 control makes the reader refuse a CSV as binary; C1, bidi and zero-width remain)
    raw = with_(COMPANY_CASE, 当事人="上海\u202e川沙\x9b有限公司", 违法行为="\ufeff占道\u200d经营")
    write_csv(path, headers, [[raw.get(h) for h in headers]])
    assert svc.ledger.import_file(ledger(tmp_path / "officers.xlsx", cases=[], simple=[])).written
    report = svc.ledger.import_file(path)
    assert report.errors == ()
    case = svc.case_files.find("川执立〔2024〕000001号")
    assert (case.party.name, case.violation) == ("上海川沙有限公司", "占道经营")


def test_case_list_and_the_disclosure_csv_carry_no_unseen_characters(
    backend: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = backend
    hostile = ledger(tmp_path / "hostile.xlsx", cases=[COMPANY_CASE], simple=[HOSTILE_SIMPLE])
    assert main(["--db", str(db), "import", str(hostile)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "case", "list"]) == 0
    listing = capsys.readouterr().out
    assert "上海川沙有限公司" in listing
    assert UNSEEN.search(listing) is None
    assert main(["--db", str(db), "case", "list", "--json"]) == 0
    assert UNSEEN.search(capsys.readouterr().out) is None
    out = tmp_path / "双公示.csv"
    assert main(["--db", str(db), "export", "disclosure", "--year", "2024", "-o", str(out)]) == 0
    text = out.read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert any("上海川沙有限公司" in cell for cell in rows[1])
    assert any("占道设摊" in cell for cell in rows[1])  # the catalogue name, not the text
    assert UNSEEN.search(text.replace("\r\n", "")) is None


def test_command_line_text_is_cleaned_before_any_command_runs(
    backend: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = backend
    assert main(["--db", str(db), "init"]) == 0
    squad = "川沙\u202e执法队\x1b[2J\u200b"
    assert main(["--db", str(db), "settings", "set", "squad", squad]) == 0
    assert main(["--db", str(db), "settings", "show", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"squad": "川沙执法队[2J"' in out
    assert main(["--db", str(db), "settings", "set", "squad", "\u200b\u2060"]) == 1
    assert "不是“执法队名称”的有效值" in capsys.readouterr().err  # empty once cleaned
    with build_services(db, FixedClock(NOW)) as services:
        assert services.settings.current().squad == "川沙执法队[2J"


def test_the_installed_command_cleans_its_arguments(backend: Path | str) -> None:
    db = backend
    exe = Path(sys.executable).with_name("chuansha-enforce")
    env = {"CHUANSHA_ENFORCE_DB": str(db), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(exe), "init"], env=env, check=True, capture_output=True)
    set_it = [str(exe), "settings", "set", "organisation", "\u2067浦东\u2069新区\x07政府"]
    subprocess.run(set_it, env=env, check=True, capture_output=True)
    shown = subprocess.run(
        [str(exe), "settings", "show", "--json"], env=env, check=True, capture_output=True
    )
    assert json.loads(shown.stdout)["organisation"] == "浦东新区政府"
