"""A 责令限期拆除 order served on 2023-02-10 (deadline 2023-03-10), as command lines: the
forced-demolition tests (CLI, window, sequences) start from it. ``@review DATE`` stands for a
review round signed in-process (the CLI's review needs accounts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW
from tests.gate_walk import Steps, book_with

NO = "川执立〔2023〕7号"
OFFICERS = (
    OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)),
    OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)),
)
LEADERS = "镇长,分管副镇长,执法队长"


def filing(basis: str) -> list[str]:
    return ["case", "file", "--filed", "2023-02-01", "--party", "张三", "--party-type", "自然人",
            "--cause", "张三擅自搭建彩钢板房案", "--officers", "王建国,李明",
            "--violation", "擅自搭建彩钢板房", "--basis", basis,
            "--violation-date", "2023-01-20", "--discovered", "2023-01-30", "--no", NO]  # fmt: skip


URBAN = filing("《中华人民共和国城乡规划法》第六十四条")
RURAL = filing("《中华人民共和国城乡规划法》第六十五条")
ORDER = [
    ["case", "notice", NO, "--served", "2023-02-06", "--demolition"],
    ["case", "statement", NO, "--on", "2023-02-07", "--kind", "书面放弃"],
    ["@review", "2023-02-08"],
    ["case", "discuss", NO, "--on", "2023-02-08", "--participants", LEADERS,
     "--conclusion", "同意责令限期拆除"],
    ["case", "decide", NO, "--on", "2023-02-09", "--order-only", "--deadline", "2023-03-10"],
    ["case", "serve", NO, "--on", "2023-02-10", "--method", "直接"],
]  # fmt: skip


def run_step(db: Path, argv: Sequence[str]) -> int:
    """One command line in-process (or ``@review DATE``): its exit status."""
    if argv[0] == "@review":
        with build_services(db, FixedClock(NOW)) as services:
            day = dt.date.fromisoformat(argv[1])
            services.case_files.record_review(
                NO, reviewer="周明远", opinion=ReviewOpinion.AGREE, reviewed_on=day
            )
        return 0
    return main(["--db", str(db), *argv])


def book_with_order(path: Path | str, steps: Steps = (URBAN, *ORDER)) -> Path | str:
    """A fresh case book at ``path`` with the urban order served (or ``steps`` taken)."""
    book_with(path, OFFICERS)
    for argv in steps:
        assert run_step(path, argv) == 0, argv
    return path
