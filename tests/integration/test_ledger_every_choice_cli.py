"""Every allowed value of every enumerated ledger column, imported by the installed command.

Run as a user runs it: ``chuansha-enforce --db new.db import LEDGER.xlsx`` in its own process
(every CLI run loads the file-review module, whose ``Stratify.NONE`` once took the label of
``HearingState.NONE``, so 听证=否 was refused). The dates are all in 2024, so the outcome does
not depend on the day the test runs. Columns the importer does not read yet (陈述申辩, 送达方式,
裁量调整, 责令限期拆除 and the 行政复议 / 行政诉讼 sheets) are not in this ledger.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import SheetKind
from tests.integration.test_cli_processes import _run
from tests.ledger_files import CASE, SIMPLE, ledger, with_

D = dt.date

OFFICERS: list[dict[str, object]] = [
    {"姓名": "王建国", "执法证号": "31150001", "发证日期": D(2018, 3, 1), "状态": "有效"},
    {"姓名": "李明", "执法证号": "31150002", "发证日期": D(2019, 5, 10)},
    {
        "姓名": "赵刚",
        "执法证号": "31150004",
        "发证日期": D(2017, 1, 1),
        "状态": "注销",
        "注销日期": D(2023, 12, 31),
    },
    {
        "姓名": "孙丽",
        "执法证号": "31150005",
        "发证日期": D(2017, 1, 1),
        "有效期至": D(2099, 12, 31),
        "状态": "暂扣",
    },
]
UNDECIDED: dict[str, object] = dict.fromkeys(
    [
        "决定书文号",
        "决定日期",
        "公示日期",
        "处罚种类",
        "罚款金额",
        "送达日期",
        "缴款日期",
        "实缴金额",
        "结案日期",
    ]
)
NO_MONEY: dict[str, object] = dict.fromkeys(["罚款金额", "缴款日期", "实缴金额", "公示日期"])
REVIEW: dict[str, object] = {
    "法制审核人": "周敏",
    "法制审核日期": D(2024, 4, 8),
    "法制审核结论": "同意",
}
HEAVIER = "警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件"
HEAVIEST = (
    "降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、其他"
)
REASONS = [
    "轻微违法及时改正",
    "首违不罚",
    "无主观过错",
    "不满十四周岁",
    "精神病人",
    "超过追责时效",
    "违法事实不能成立",
]


def _case(n: int, **changes: object) -> dict[str, object]:
    numbers = {"案件编号": f"川执立〔2024〕{n:06d}号", "决定书文号": f"沪浦川执罚〔2024〕{n:06d}号"}
    return with_(CASE, **{**numbers, **changes})


def _cases() -> list[dict[str, object]]:
    no_id: dict[str, object] = {"证件号码": None}
    cases = [
        _case(1, 听证="否", 当事人类型="自然人"),
        _case(2, 听证=None),
        _case(3, 听证="已听证", 当事人类型="个体工商户", **no_id, 处罚种类=HEAVIER, **REVIEW),
        _case(
            4, 听证="放弃听证", 当事人类型="法人", **no_id, 处罚种类=HEAVIEST, **NO_MONEY, **REVIEW
        ),
        _case(5, 当事人类型="非法人组织", **no_id, 处罚种类="撤销立案", **NO_MONEY),
        _case(6, 处罚种类="移送司法机关", **NO_MONEY, **REVIEW),
        _case(7, 处罚种类="移送其他部门", **NO_MONEY),
    ]
    for i, reason in enumerate(REASONS):
        cases.append(_case(10 + i, 处罚种类="不予处罚", 不予处罚理由=reason, **NO_MONEY))
    for i, opinion in enumerate(["建议补充调查", "建议修改后再报", "不同意"]):
        review = {**REVIEW, "法制审核结论": opinion}
        cases.append(_case(20 + i, **{**UNDECIDED, **review}))
    for i, major in enumerate(["是", "否", "Y", "N", "1", "0"]):
        cases.append(_case(30 + i, 重大案件=major))
    return cases


def _simple() -> list[dict[str, object]]:
    def no(n: int) -> str:
        return f"沪浦川执简〔2024〕{n:06d}号"

    return [
        with_(SIMPLE, 决定书编号=no(1), 当事人类型="自然人", 处罚种类="罚款", 当场收缴="是"),
        with_(
            SIMPLE,
            决定书编号=no(2),
            当事人类型="个体工商户",
            处罚种类="警告",
            罚款金额=None,
            当场收缴="否",
        ),
        with_(SIMPLE, 决定书编号=no(3), 当事人类型="法人", 罚款金额=1000, 当场收缴=None),
        with_(SIMPLE, 决定书编号=no(4), 当事人类型="非法人组织", 罚款金额=3000, 当场收缴=None),
    ]


def _shown(db: Path | str, case_no: str) -> dict[str, object]:
    result = _run(db, "case", "show", "--json", case_no)
    assert result.returncode == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def test_every_choice_of_every_column_imports_then_verifies(
    backend: Path | str, tmp_path: Path
) -> None:
    path = ledger(tmp_path / "every-choice.xlsx", OFFICERS, _cases(), _simple())
    db = backend

    imported = _run(db, "import", str(path))

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(
        "已导入：执法人员 4 名，一般程序案件 23 件，简易程序决定 4 件"
    ), imported.stdout
    assert "错误" not in imported.stderr

    # The hearing state reads 否 (it read 不分层 while the labels were shared).
    assert _shown(db, "川执立〔2024〕000001号")["hearing"] == "否"
    out = tmp_path / "exported.xlsx"
    exported = _run(db, "export", "ledger", "--year", "2024", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    sheets, issues = read_ledger(out)
    assert issues == []
    column = {s.kind: {h: [r.cells[h] for r in s.rows] for h in s.headers} for s in sheets}
    general = column[SheetKind.GENERAL_CASES]
    assert general["当事人类型"][:5] == ["自然人", "自然人", "个体工商户", "法人", "非法人组织"]
    assert general["听证"][:4] == ["", "", "已听证", "放弃听证"]  # empty is 否
    assert general["处罚种类"][2:14] == [
        HEAVIER,
        HEAVIEST,
        "撤销立案",
        "移送司法机关",
        "移送其他部门",
        *["不予处罚"] * 7,
    ]
    assert general["不予处罚理由"][7:14] == REASONS
    assert general["法制审核结论"][14:17] == ["建议补充调查", "建议修改后再报", "不同意"]
    assert general["法制审核结论"][2:6] == ["同意", "同意", "", "同意"]
    simple = column[SheetKind.SIMPLE_DECISIONS]
    assert simple["当事人类型"] == ["自然人", "个体工商户", "法人", "非法人组织"]
    assert simple["处罚种类"] == ["罚款", "警告", "罚款", "罚款"]
    assert simple["当场收缴"] == ["是", "", "", ""]
    assert column[SheetKind.OFFICERS]["状态"] == ["暂扣", "有效", "有效", "注销"]

    officers = _run(db, "officer", "list")
    assert officers.returncode == 0, officers.stderr
    states = {line.split("\t")[0]: line.split("\t")[-1] for line in officers.stdout.splitlines()}
    assert states == {"王建国": "有效", "李明": "有效", "赵刚": "注销", "孙丽": "暂扣"}

    verified = _run(db, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "全部通过" in verified.stdout
