"""Read a 100,000-row 一般程序案件 ledger: ``read_ledger`` against calamine's bare read.

Run: ``.venv/bin/python benchmarks/bench_ledger_read.py [--rows N] [--keep DIR]``; with
``--keep DIR`` an existing ``DIR/bench_ledger.xlsx`` is read again instead of being rewritten.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from figures import record
from python_calamine import CalamineWorkbook

from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.writer import write_xlsx

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
CAUSES = [
    "占道经营",
    "擅自设置户外广告",
    "未按规定分类投放生活垃圾",
    "违法搭建建筑物",
    "擅自占用城市道路堆放物料",
    "运输建筑垃圾沿途撒漏",
    "店外经营影响市容环境卫生",
]
PLACES = ["川沙路", "华夏东路", "新德路", "城南路", "妙境路", "川环南路", "南门路"]
KINDS = ["罚款", "警告", "警告、罚款", "罚款、没收违法所得"]


def _rows(count: int, seed: int) -> Iterator[list[object]]:
    rnd = random.Random(seed)
    for number in range(1, count + 1):
        filed = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(700))
        decided = filed + dt.timedelta(days=rnd.randrange(10, 80))
        served = decided + dt.timedelta(days=rnd.randrange(1, 7))
        paid = served + dt.timedelta(days=rnd.randrange(1, 14))
        closed = paid + dt.timedelta(days=rnd.randrange(1, 30))
        fine = Decimal(rnd.randrange(1, 2_000_000)) / 100
        officers = "、".join(
            rnd.choice(SURNAMES) + rnd.choice(GIVEN) + f"({31150000 + rnd.randrange(200)})"
            for _ in range(2)
        )
        party = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        values: dict[str, object] = {
            "案件编号": f"沪浦川执立〔{filed.year}〕{number:06d}号",
            "决定书文号": f"沪浦川执罚〔{decided.year}〕{number:06d}号",
            "案由": rnd.choice(CAUSES),
            "违法行为": rnd.choice(CAUSES),
            "法律依据": "《上海市市容环境卫生管理条例》第二十二条",
            "当事人类型": "自然人",
            "当事人": party,
            "证件号码": f"3101151990{rnd.randrange(10**8):08d}",
            "违法地点": f"浦东新区川沙新镇{rnd.choice(PLACES)}{rnd.randrange(1, 999)}号",
            "承办人": officers,
            "立案日期": filed,
            "听证": "否",
            "重大案件": "否",
            "法制审核人": None,
            "法制审核日期": None,
            "法制审核结论": None,
            "决定日期": decided,
            "处罚种类": rnd.choice(KINDS),
            "不予处罚理由": None,
            "罚款金额": fine,
            "没收金额": None,
            "送达日期": served,
            "缴款日期": paid,
            "实缴金额": fine,
            "结案日期": closed,
            "备注": "当事人已当场改正，违法行为轻微。" if rnd.random() < 0.2 else None,
        }
        yield [values.get(header) for header in header_names(SheetKind.GENERAL_CASES)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the workbook here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        path = folder / "bench_ledger.xlsx"
        headers = header_names(SheetKind.GENERAL_CASES)
        if not path.exists():
            started = time.perf_counter()
            write_xlsx(path, [(SheetKind.GENERAL_CASES.value, headers, _rows(args.rows, seed=1))])
            print(f"write_xlsx:         {time.perf_counter() - started:7.2f} s")
        print(f"file: {path.stat().st_size:,} bytes  columns: {len(headers)}")

        bare: list[float] = []
        ours: list[float] = []
        for _ in range(3):
            started = time.perf_counter()
            with CalamineWorkbook.from_path(path) as workbook:
                grid = workbook.get_sheet_by_name(SheetKind.GENERAL_CASES.value).to_python()
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            sheets, issues = read_ledger(path)
            ours.append(time.perf_counter() - started)
        read_rows = len(sheets[0].row_numbers) if sheets else 0
        started = time.perf_counter()
        cleaned = len(sheets[0].rows) if sheets else 0  # row by row, strings cleaned
        as_rows = time.perf_counter() - started
        print(f"calamine to_python: {min(bare):7.2f} s  ({len(grid) - 1:,} data rows)")
        print(f"read_ledger:        {min(ours):7.2f} s  ({read_rows:,} rows, {len(issues)} issues)")
        print(f"read_ledger / bare: {min(ours) / min(bare):7.2f}    (best of 3 each)")
        record(
            f"read_ledger {read_rows:,} rows (best of 3)",
            f"{min(ours):.2f} s = {min(ours) / min(bare):.2f}×",
            f"(part of the import) the raw read {min(bare):.2f} s",
        )
        print(f"then .rows:         {as_rows:7.2f} s  ({cleaned:,} rows as dicts, strings cleaned)")


if __name__ == "__main__":
    main()
