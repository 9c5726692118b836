"""The ledger's 情节, 裁量调整, 裁量理由 and 送达方式 (LEDGER_FORMAT, DOMAIN §14 and §17).

The fine of a row with a circumstance or deviation is checked against the discretion benchmark
by the decision step's own rule; 减轻 makes the case major as at the decision. 公告, 留置 and
电子 need records a ledger cannot carry: refused for a row decided on or after ``gates_from``,
a warning for history. The case is 占道设摊: statutory range 50–500 元, the shipped bands
轻微 50–90, 一般 90–230, 较重 230–370, 严重 370–500 元. Each refusal names row and column and
leaves the file byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from chuansha_enforce.cli.case_view_json import case_view_json
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ServiceMethod
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW, database_digest
from tests.ledger_files import CASE, ledger

D = dt.date
GATES_FROM = "2024-04-01"
ROW = {
    **CASE,  # filed 2024-03-04, decided 2024-04-10 (on or after gates_from), served 04-12
    "违法行为": "占道设摊",
    "告知日期": D(2024, 4, 1),
    "拟处罚种类": "罚款",
    "拟罚款金额": Decimal("200.50"),
}
MAJOR = {"法制审核人": "周敏", "法制审核日期": D(2024, 4, 9), "法制审核结论": "同意",
         "集体讨论日期": D(2024, 4, 9)}  # fmt: skip
HISTORY = {"决定日期": D(2024, 3, 29), "告知日期": D(2024, 3, 20)}  # decided before gates_from
WARNED = {"处罚种类": "警告", "拟处罚种类": "警告", "罚款金额": None, "拟罚款金额": None,
          "实缴金额": None, "缴款日期": None}  # fmt: skip
UNDECIDED = {"决定日期": None, "处罚种类": None, "罚款金额": None, "送达日期": None,
             "缴款日期": None, "实缴金额": None, "结案日期": None, "公示日期": None}  # fmt: skip


def fined(yuan: str, **more: object) -> dict[str, object]:
    """The row's fine (proposed, decided and paid) in 元, with more changes."""
    return {"罚款金额": yuan, "拟罚款金额": yuan, "实缴金额": yuan, **more}


@pytest.fixture
def svc(backend: Path | str) -> Services:
    """A fresh case book (a file, and a server database) with the gates in force."""
    services = build_services(backend, FixedClock(NOW))
    services.settings.set("gates_from", GATES_FROM)
    return services


REFUSED: list[tuple[str, dict[str, object], str]] = [
    # the benchmark band 一般 90–230 元: limit-1 and limit+1 need a deviation
    ("89.99 below 一般", fined("89.99", 情节="一般"),
     "罚款金额：罚款 89.99 元低于“一般”情节的裁量基准 90.00–230.00 元，须记录从轻处罚及理由"),
    ("230.01 above 一般", fined("230.01", 情节="一般"),
     "罚款金额：罚款 230.01 元高于“一般”情节的裁量基准 90.00–230.00 元，须记录从重处罚及理由"),
    ("from 从重 inside the band", fined("230", 情节="一般", 裁量调整="从重", 裁量理由="拒不改正"),
     "裁量调整：罚款 230.00 元在“一般”情节的裁量基准 90.00–230.00 元之内，不是偏离"),
    ("500.01 above the statutory maximum",
     fined("500.01", 情节="严重", 裁量调整="从重", 裁量理由="情节恶劣"),
     "罚款金额：罚款 500.01 元超过法定上限 500.00 元（法定幅度 50.00–500.00 元），"
     "任何情形都不得超过"),
    ("49.99 below the statutory minimum without 减轻", fined("49.99", 情节="轻微"),
     "罚款金额：罚款 49.99 元低于法定下限 50.00 元，只有减轻处罚并写明理由才可以"
     "（行政处罚法第三十二条）"),
    ("减轻 inside the statutory range", fined("50", 情节="轻微", 裁量调整="减轻", 裁量理由="困难"),
     "裁量调整：罚款 50.00 元在法定幅度 50.00–500.00 元之内，不是减轻处罚（请选从轻或不选）"),
    ("a deviation needs its reason", fined("300", 情节="一般", 裁量调整="从重"),
     "裁量理由：从轻、减轻或从重处罚须写明理由（行政处罚法第三十二条）"),
    ("a reason needs its deviation", {"情节": "一般", "裁量理由": "初次违法"},
     "裁量理由：裁量理由只随裁量调整（从轻、减轻或从重）填写"),
    ("a circumstance the benchmark has", {"情节": "特别严重"},
     "情节：裁量基准中没有“特别严重”这一情节"),
    ("a deviation from the list", {"情节": "一般", "裁量调整": "酌情", "裁量理由": "x"},
     "裁量调整：“酌情”不是可选的值，应为：从轻、减轻、从重"),
    ("a circumstance goes with a fine", {**WARNED, "情节": "一般"},
     "情节：情节和裁量偏离只用于罚款决定"),
    ("a circumstance goes with a decision", {**UNDECIDED, "情节": "一般"},
     "情节：情节和裁量调整随处罚决定记录，本行没有决定日期"),
    # service by the book: a gated row cannot show the records 公告, 留置 and 电子 need
    ("公告 from gates_from", {"送达方式": "公告"},
     "送达方式：自 2024-04-01 起决定的案件，公告送达须有此前送达未成功的记录"
     "（行政处罚法第六十一条，民事诉讼法第九十五条），台账不能记录："
     "请在程序中登记该送达（case serve-attempt / case serve）"),
    ("留置 from gates_from", {"送达方式": "留置"},
     "送达方式：自 2024-04-01 起决定的案件，留置送达须有见证人或拍照录像记录"
     "（民事诉讼法第八十九条），台账不能记录："
     "请在程序中登记该送达（case serve-attempt / case serve）"),
    ("电子 from gates_from", {"送达方式": "电子"},
     "送达方式：自 2024-04-01 起决定的案件，电子送达须有当事人书面同意电子送达的日期"
     "（行政处罚法第六十一条第二款），台账不能记录：请在程序中登记该送达"
     "（case serve-attempt / case serve）"),
    ("a method needs its date", {"送达方式": "邮寄", "送达日期": None, "缴款日期": None,
                                 "实缴金额": None},
     "送达方式：填写送达方式时须填写送达日期"),
    ("a method from the list", {"送达方式": "快递"},
     "送达方式：“快递”不是可选的值，应为：直接、留置、委托、邮寄、公告、电子、当场"),
    # 减轻 makes the case major (DOMAIN §3): reviewed first, as at the decision
    ("减轻 needs the review", fined("30", 情节="轻微", 裁量调整="减轻", 裁量理由="生活困难"),
     "法制审核结论："),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "message"), [r[1:] for r in REFUSED],
                         ids=[r[0] for r in REFUSED])  # fmt: skip
def test_each_defect_is_refused_naming_row_and_column(
    svc: Services,
    backend: Path | str,
    tmp_path: Path,
    changes: dict[str, object],
    message: str,
) -> None:
    bad = {**ROW, "案件编号": "C2", "决定书文号": "D2", **changes}
    path = ledger(tmp_path / "bad.xlsx", cases=[ROW, bad], simple=[])
    before = database_digest(backend)  # a server's digest is of all its rows
    report = svc.ledger.import_file(path)
    assert not report.written
    assert database_digest(backend) == before
    texts = [i.text() for i in report.errors]
    assert [t for t in texts if t.startswith("一般程序案件 第3行 " + message)], texts
    assert not [t for t in texts if "第2行" in t], texts  # the lawful row beside it passes


ACCEPTED: list[tuple[str, dict[str, object], tuple[object, ...]]] = [
    # (changes, (circumstance, deviation, reason, service method, major, reduced))
    ("90 at the bottom of 一般", fined("90", 情节="一般"),
     ("一般", None, None, "直接送达", False, False)),
    ("230 at the top of 一般", fined("230", 情节="一般"),
     ("一般", None, None, "直接送达", False, False)),
    ("89.99 with 从轻",
     fined("89.99", 情节="一般", 裁量调整="从轻", 裁量理由="主动改正", 送达方式="邮寄"),
     ("一般", "从轻", "主动改正", "邮寄送达", False, False)),
    ("300 with 从重", fined("300", 情节="一般", 裁量调整="从重", 裁量理由="多次劝阻拒不改正",
                           送达方式="委托"),
     ("一般", "从重", "多次劝阻拒不改正", "委托送达", False, False)),
    ("500 at the statutory maximum", fined("500", 情节="严重", 送达方式="当场"),
     ("严重", None, None, "当场交付", False, False)),
    ("30 with 减轻, reviewed and discussed",
     fined("30", 情节="轻微", 裁量调整="减轻", 裁量理由="生活困难", **MAJOR),
     ("轻微", "减轻", "生活困难", "直接送达", True, True)),
    ("no circumstance at all", {}, (None, None, None, "直接送达", False, False)),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "expected"), [r[1:] for r in ACCEPTED],
                         ids=[r[0] for r in ACCEPTED])  # fmt: skip
def test_a_lawful_row_is_stored_where_the_steps_keep_it(
    svc: Services, tmp_path: Path, changes: dict[str, object], expected: tuple[object, ...]
) -> None:
    report = svc.ledger.import_file(ledger(tmp_path / "ok.xlsx", cases=[{**ROW, **changes}],
                                           simple=[]))  # fmt: skip
    assert report.errors == (), [i.text() for i in report.errors]
    shown = case_view_json(svc.case_files.view(str(ROW["案件编号"])))
    decision = shown["decision"]
    assert isinstance(decision, dict)
    discretion = decision["discretion"] or {}
    assert isinstance(discretion, dict)
    reasons = shown["major_reasons"]
    assert isinstance(reasons, list)
    got = (discretion.get("circumstance"), discretion.get("deviation"), discretion.get("reason"),
           shown["service_method"], shown["major"], "减轻处罚" in reasons)  # fmt: skip
    assert got == expected


SETTINGS: list[tuple[str, str, dict[str, object], str | None]] = [
    # (discretion_required, gates_from, changes, the refusal or None)
    ("是", GATES_FROM, {}, "情节：“占道设摊”有裁量基准，罚款须记录情节（轻微、一般、较重、严重）"),
    ("是", GATES_FROM, {"情节": "一般"}, None),
    ("否", GATES_FROM, {}, None),
    ("是", "2024-04-11", {}, None),  # decided 04-10: history, the setting asks nothing of it
    ("是", "2024-04-10", {}, "情节：“占道设摊”有裁量基准"),
]  # fmt: skip


@pytest.mark.parametrize(("required", "gates_from", "changes", "refusal"), SETTINGS)
def test_discretion_required_asks_the_circumstance_of_rows_from_gates_from(
    svc: Services,
    tmp_path: Path,
    *,
    required: str,
    gates_from: str,
    changes: dict[str, object],
    refusal: str | None,
) -> None:
    svc.settings.set("discretion_required", required)
    svc.settings.set("gates_from", gates_from)
    report = svc.ledger.import_file(ledger(tmp_path / "s.xlsx", cases=[{**ROW, **changes}],
                                           simple=[]))  # fmt: skip
    texts = [i.text() for i in report.errors]
    if refusal is None:
        assert texts == []
        assert report.written
    else:
        assert [t for t in texts if t.startswith("一般程序案件 第2行 " + refusal)], texts


HISTORY_SERVICE: list[tuple[str, str, str, bool]] = [
    # (送达方式, gates_from, warning or error text, written)
    ("公告", "2024-04-11",
     "一般程序案件 第2行 送达方式：公告送达的此前送达未成功的记录未在台账中记录"
     "（2024-04-11 之前决定的案件，作为历史记录导入）", True),
    ("留置", "2024-04-11",
     "一般程序案件 第2行 送达方式：留置送达的见证人或拍照录像记录未在台账中记录"
     "（2024-04-11 之前决定的案件，作为历史记录导入）", True),
    ("电子", "2024-04-11",
     "一般程序案件 第2行 送达方式：电子送达的当事人书面同意电子送达的日期未在台账中记录"
     "（2024-04-11 之前决定的案件，作为历史记录导入）", True),
    ("公告", "2024-04-10", "一般程序案件 第2行 送达方式：自 2024-04-10 起决定的案件", False),
]  # fmt: skip


@pytest.mark.parametrize(("method", "gates_from", "text", "written"), HISTORY_SERVICE)
def test_an_unproved_service_before_gates_from_is_history_with_a_warning(
    svc: Services, tmp_path: Path, *, method: str, gates_from: str, text: str, written: bool
) -> None:
    svc.settings.set("gates_from", gates_from)
    path = ledger(tmp_path / "h.xlsx", cases=[{**ROW, "送达方式": method}], simple=[])
    report = svc.ledger.import_file(path)
    assert report.written is written
    issues = report.warnings if written else report.errors
    assert [i.text() for i in issues if i.text().startswith(text)], [i.text() for i in issues]
    if written:
        case = svc.case_files.find(str(ROW["案件编号"]))
        labels = {"公告": ServiceMethod.PUBLIC_NOTICE, "留置": ServiceMethod.LEFT_AT_RESIDENCE,
                  "电子": ServiceMethod.ELECTRONIC}  # fmt: skip
        assert case.service_method is labels[method]


def test_the_installed_command_refuses_then_imports(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("chuansha-enforce")
    db = tmp_path / "cli.db"
    row = ROW  # history in a fresh file (gates_from: the day it was made)
    bad = ledger(tmp_path / "bad.xlsx", cases=[{**row, **fined("80", 情节="一般")}], simple=[])
    done = subprocess.run([command, "--db", str(db), "import", str(bad)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 1
    assert "一般程序案件 第2行 罚款金额：罚款 80.00 元低于“一般”情节的裁量基准" in done.stderr
    assert "Traceback" not in done.stderr
    good = ledger(tmp_path / "good.xlsx",
                  cases=[{**row, **fined("80", 情节="一般", 裁量调整="从轻", 裁量理由="主动改正")}],
                  simple=[])  # fmt: skip
    done = subprocess.run([command, "--db", str(db), "import", str(good)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = subprocess.run([command, "--db", str(db), "case", "show", str(CASE["案件编号"]),
                           "--json"], capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["decision"]["discretion"] == {"circumstance": "一般", "deviation": "从轻",
                                               "reason": "主动改正"}  # fmt: skip
    assert shown["service_method"] == "直接送达"
    assert shown["notice_discretion"] is None
