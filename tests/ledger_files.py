"""Small real ledger files for tests: valid rows and a builder that writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.writer import write_xlsx

D = dt.date

OFFICERS = [
    {"姓名": "王建国", "执法证号": "31150001", "发证日期": D(2018, 3, 1)},
    {"姓名": "李明", "执法证号": "31150002", "发证日期": "2019/5/10"},
    {
        "姓名": "赵刚",
        "执法证号": "31150004",
        "发证日期": "2017.1.1",
        "状态": "注销",
        "注销日期": "2023年12月31日",
    },
]
CASE = {
    "案件编号": "川执立〔2024〕000001号",
    "决定书文号": "沪浦川执罚〔2024〕000001号",
    "案由": "张三占道设摊案",
    "当事人类型": "自然人",
    "当事人": "张三",
    "证件号码": "11010519491231002X",
    "承办人": "王建国、李明",
    "立案日期": D(2024, 3, 4),
    "决定日期": D(2024, 4, 10),
    "处罚种类": "罚款",
    "罚款金额": Decimal("200.50"),
    "送达日期": D(2024, 4, 12),
    "缴款日期": D(2024, 4, 20),
    "实缴金额": "200.5",
    "结案日期": D(2024, 4, 25),
    "公示日期": D(2024, 4, 15),
}
SIMPLE = {
    "决定书编号": "沪浦川执简〔2024〕000001号",
    "当事人类型": "自然人",
    "当事人": "李四",
    "案由": "跨门营业",
    "执法人员": "王建国，李明",
    "决定日期": D(2024, 6, 1),
    "处罚种类": "罚款",
    "罚款金额": 50,
    "当场收缴": "是",
}


def ledger(
    path: Path,
    officers: list[dict[str, object]] | None = None,
    cases: list[dict[str, object]] | None = None,
    simple: list[dict[str, object]] | None = None,
) -> Path:
    def rows(kind: SheetKind, items: list[dict[str, object]]) -> list[list[object]]:
        return [[item.get(h) for h in header_names(kind)] for item in items]

    write_xlsx(
        path,
        [
            (
                SheetKind.OFFICERS.value,
                header_names(SheetKind.OFFICERS),
                rows(SheetKind.OFFICERS, OFFICERS if officers is None else officers),
            ),
            (
                SheetKind.GENERAL_CASES.value,
                header_names(SheetKind.GENERAL_CASES),
                rows(SheetKind.GENERAL_CASES, [CASE] if cases is None else cases),
            ),
            (
                SheetKind.SIMPLE_DECISIONS.value,
                header_names(SheetKind.SIMPLE_DECISIONS),
                rows(SheetKind.SIMPLE_DECISIONS, [SIMPLE] if simple is None else simple),
            ),
        ],
    )
    return path


def with_(base: dict[str, object], **changes: object) -> dict[str, object]:
    out = dict(base)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out
