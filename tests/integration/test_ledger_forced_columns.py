"""The ledger's forced-demolition columns (DOMAIN §13, issue 20): a case walked through the
whole sequence by the CLI is exported and imported into an empty file, giving the same steps
and figures; a row decided on or after ``gates_from`` with a step lacking its prerequisite (or
a defect of its own) is refused naming row and column, the file as it was; an older row is
history and imports with a warning. The walk is ``test_forced_demolition_cli``'s: urban order
decided 2023-02-09, 催告 2023-08-11 to 08-21, 责成 08-18, decision 08-22, 公告 09-20 to 09-25,
carried out 2023-10-14 09:00."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from chuansha_enforce.cli.case_view_json import case_view_json
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.forced_walk import NO, OFFICERS, run_step
from tests.gate_walk import book_with
from tests.integration.test_cli_processes import _run
from tests.integration.test_forced_demolition_cli import TO_ANNOUNCEMENT, carry

D = dt.date
SHEET = "一般程序案件"
GATES_FROM = "2023-01-01"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the source book, its 2023 ledger) after the whole sequence."""
    folder = tmp_path_factory.mktemp("forced-ledger")
    db = book_with(folder / "source.db", OFFICERS)
    for argv in [*TO_ANNOUNCEMENT, carry("2023-10-14")]:
        assert run_step(db, argv) == 0, argv
    path = folder / "ledger-2023.xlsx"
    assert main(["--db", str(db), "export", "ledger", "--year", "2023", "-o", str(path)]) == 0
    return db, path


def changed(source: Path, target: Path, **cells: object) -> Path:
    """The ledger with the named cells of the case's row (row 2) replaced."""
    book = openpyxl.load_workbook(source)
    sheet = book[SHEET]
    headers = [c.value for c in sheet[1]]
    for header, value in cells.items():
        sheet.cell(row=2, column=headers.index(header) + 1).value = value
    book.save(target)
    return target


@pytest.fixture
def fresh(backend: Path | str) -> Iterator[Services]:
    """The import's target: a fresh book, on a file and on a server database."""
    with build_services(backend, FixedClock(NOW)) as services:
        services.settings.set("gates_from", GATES_FROM)
        yield services


def shown(db: Path | str) -> dict[str, object]:
    with build_services(db, FixedClock(NOW), read_only=True) as services:
        view = services.case_files.view(NO, D(2023, 12, 31))
        out = case_view_json(view, "zh")
        figures = services.statistics.annual(2023).to_json()
    return {"case": out, "figures": figures}


def test_the_export_carries_every_step_in_its_column(exported: tuple[Path, Path]) -> None:
    _db, path = exported
    sheet = openpyxl.load_workbook(path)[SHEET]
    row = {h.value: c.value for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert {k: row[k] for k in ("责成文件", "强制拆除时间", "见证人", "催告后陈述申辩")} == {
        "责成文件": "浦府责拆〔2023〕5号",
        "强制拆除时间": "09:00",
        "见证人": "村委会主任赵六、居民孙七",
        "催告后陈述申辩": "已陈述申辩",
    }
    dates = ("责成日期", "拆除催告日期", "拆除催告期限", "催告后陈述申辩日期", "强制拆除决定日期",
             "强制拆除公告日期", "公告期限", "强制拆除日期", "自行拆除日期")  # fmt: skip
    assert [row[h].date() if row[h] else None for h in dates] == [
        D(2023, 8, 18), D(2023, 8, 11), D(2023, 8, 21), D(2023, 8, 15), D(2023, 8, 22),
        D(2023, 9, 20), D(2023, 9, 25), D(2023, 10, 14), None,
    ]  # fmt: skip


def test_export_then_import_gives_the_same_steps_and_figures(
    exported: tuple[Path, Path], fresh: Services
) -> None:
    source, path = exported
    report = fresh.ledger.import_file(path)
    assert report.errors == (), [i.text() for i in report.errors]
    expected, got = shown(source), shown(fresh.server_url or fresh.db_path)
    case_expected, case_got = expected["case"], got["case"]
    assert isinstance(case_expected, dict)
    assert isinstance(case_got, dict)
    assert case_got["forced_demolition"] == case_expected["forced_demolition"]
    assert case_got["deadlines"] == case_expected["deadlines"]
    assert got["figures"] == expected["figures"]  # demolitions_forced, review rounds and all
    general = got["figures"]["general"]  # type: ignore[index]
    assert (general["demolitions_forced"], general["demolitions_voluntary"]) == (1, 0)


WITNESS_ONE = {"见证人": "居民孙七"}
DEFECTS: list[tuple[str, dict[str, object], str, str]] = [
    ("公告 without its decision", {"强制拆除决定日期": None},
     "强制拆除公告日期", "ledger.forced_prerequisite"),
    ("decision without its 催告", {"拆除催告日期": None, "拆除催告期限": None},
     "强制拆除决定日期", "ledger.forced_prerequisite"),
    ("statements without the 催告", {"拆除催告日期": None, "拆除催告期限": None},
     "催告后陈述申辩日期", "ledger.forced_prerequisite"),
    ("decision without the statements after the 催告 (the domain's order)",
     {"催告后陈述申辩": None, "催告后陈述申辩日期": None},
     "强制拆除决定日期", "ledger.forced_prerequisite"),
    ("urban decision without the 责成", {"责成文件": None, "责成日期": None},
     "强制拆除决定日期", "ledger.forced_prerequisite"),
    ("carried out without the 公告", {"强制拆除公告日期": None, "公告期限": None},
     "强制拆除日期", "ledger.forced_prerequisite"),
    ("carried out before the 公告", {"强制拆除日期": D(2023, 9, 19)},
     "强制拆除日期", "date.too_early"),
    ("one witness (limit 2, one below)", WITNESS_ONE, "见证人", "ledger.forced_witnesses"),
    ("a time missing", {"强制拆除时间": None}, "强制拆除时间", "ledger.forced_pair"),
    ("no time at all", {"强制拆除时间": "25:00"}, "强制拆除时间", "ledger.time"),
    ("a 公告 period ending the day it begins", {"公告期限": D(2023, 9, 20)},
     "公告期限", "ledger.forced_period"),
    ("removed and carried out", {"自行拆除日期": D(2023, 10, 15)},
     "自行拆除日期", "ledger.forced_both_ends"),
    ("no order", {"责令限期拆除": None, "拆除期限": None, "处罚种类": "撤销立案"},
     "责成文件", "ledger.forced_without_order"),
    ("a 责成 date after the decision is no error of order, a date in the future is",
     {"责成日期": D(2027, 1, 1)}, "责成日期", "date.future"),
]  # fmt: skip


@pytest.mark.parametrize(("cells", "header", "code"), [d[1:] for d in DEFECTS],
                         ids=[d[0] for d in DEFECTS])  # fmt: skip
def test_a_defect_is_refused_naming_row_and_column(
    exported: tuple[Path, Path],
    fresh: Services,
    tmp_path: Path,
    *,
    cells: dict[str, object],
    header: str,
    code: str,
) -> None:
    path = changed(exported[1], tmp_path / "bad.xlsx", **cells)
    before = database_digest(fresh.server_url or fresh.db_path)
    report = fresh.ledger.import_file(path)
    assert (SHEET, 2, header, code) in [(i.sheet, i.row, i.header, i.code) for i in report.errors]
    assert not report.written
    assert database_digest(fresh.server_url or fresh.db_path) == before


def test_the_witnesses_at_the_limit_are_accepted(
    exported: tuple[Path, Path], fresh: Services, tmp_path: Path
) -> None:
    path = changed(exported[1], tmp_path / "two.xlsx", 见证人="居民孙七，居民周八",
                   强制拆除时间="9：30")  # fmt: skip
    report = fresh.ledger.import_file(path)
    assert report.errors == (), [i.text() for i in report.errors]
    case = fresh.case_files.find(NO)
    assert case.forced.carried_out is not None
    assert case.forced.carried_out.witnesses == ("居民孙七", "居民周八")
    assert case.forced.carried_out.at == dt.time(9, 30)


def test_a_row_decided_before_gates_from_is_history_imported_with_a_warning(
    exported: tuple[Path, Path], backend: Path | str, tmp_path: Path
) -> None:
    path = changed(exported[1], tmp_path / "old.xlsx", 强制拆除决定日期=None)
    with build_services(backend, FixedClock(NOW)) as services:
        services.settings.set("gates_from", "2023-02-10")  # the order was decided 02-09
        report = services.ledger.import_file(path)
        assert report.errors == (), [i.text() for i in report.errors]
        assert report.written
        assert (SHEET, 2, "强制拆除公告日期", "ledger.forced_prerequisite_history") in [
            (i.sheet, i.row, i.header, i.code) for i in report.warnings
        ]
        forced = services.case_files.find(NO).forced
        assert forced.decided_on is None
        assert forced.announcement is not None


def test_the_installed_command_refuses_then_imports(
    exported: tuple[Path, Path], backend: Path | str, tmp_path: Path
) -> None:
    db = backend

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return _run(db, *argv)

    assert cli("settings", "set", "gates_from", GATES_FROM).returncode == 0
    bad = changed(exported[1], tmp_path / "bad.xlsx", 强制拆除决定日期=None)
    before = database_digest(db)
    refused = cli("import", str(bad))
    assert refused.returncode == 1
    assert (
        f"{SHEET} 第2行 强制拆除公告日期：须先有强制拆除决定日期：自 {GATES_FROM} 起决定的案件，"
        "强制拆除各步骤须依次进行（行政强制法第三十五条至第四十四条）" in refused.stderr
    )
    assert "Traceback" not in refused.stderr
    assert database_digest(db) == before
    good = shutil.copy(exported[1], tmp_path / "good.xlsx")
    done = cli("import", str(good))
    assert done.returncode == 0, done.stderr
    shown_case = cli("case", "show", NO, "--json")
    assert json.loads(shown_case.stdout)["forced_demolition"]["carried_out"] == {
        "on": "2023-10-14",
        "at": "09:00",
        "witnesses": ["村委会主任赵六", "居民孙七"],
    }
