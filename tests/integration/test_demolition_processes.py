"""Demolition orders and no-penalty reasons as a user meets them: the installed command in its own
process on a fresh file, ``stats --json`` and the annual PDF read back, and the ledger's
责令限期拆除/拆除期限 columns through export → import into an empty database.

The steps a child process cannot take without accounts (a signed legal review) are recorded
in-process first; every date is in 2023, so nothing depends on today's date.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Discussion, StatementKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType, PenaltyKind, ReviewOpinion
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest
from tests.integration.test_cli_processes import _run

D = dt.date
ORDER, BOTH, FIRST, UNPROVEN, FINE = (f"川执立〔2023〕{n}号" for n in range(1, 6))
FILED, NOTICED, DECIDED = D(2023, 9, 1), D(2023, 9, 27), "2023-09-29"


def _prepare(path: Path | str) -> None:
    """Five cases filed and noticed; the orders reviewed and discussed (both are major)."""
    with build_services(path, FixedClock(NOW)) as services:
        for name, number in (("王建国", "31150001"), ("李明", "31150002")):
            services.officers.register(OfficerRecord(name, number, D(2018, 3, 1)))
        files = services.case_files
        for no in (ORDER, BOTH, FIRST, UNPROVEN, FINE):
            party = PartyRecord(PartyType.NATURAL_PERSON, f"当事人{no[-2]}")
            new = NewCase(no, party, "擅自搭建案", FILED, ("31150001", "31150002"),
                          violation="擅自搭建", legal_basis="城乡规划法第六十五条")  # fmt: skip
            files.file_case(new)
        said = {"facts": "擅自搭建", "basis": "城乡规划法第六十五条"}
        fine = frozenset({PenaltyKind.FINE})
        proposals = {
            ORDER: AdvanceNotice(NOTICED, proposed_demolition=True, **said),
            BOTH: AdvanceNotice(NOTICED, proposed_kinds=fine, proposed_fine_fen=20_000,
                                proposed_demolition=True, **said),
            FINE: AdvanceNotice(NOTICED, proposed_kinds=fine, proposed_fine_fen=30_000, **said),
        }  # fmt: skip
        for no, notice in proposals.items():
            files.record_notice(no, notice)
            files.record_statement(no, StatementKind.WAIVED, D(2023, 9, 28))
        for no in (ORDER, BOTH):
            files.record_review(no, reviewer="周明远", reviewed_on=D(2023, 9, 28),
                                opinion=ReviewOpinion.AGREE)  # fmt: skip
            files.record_discussion(no, Discussion(D(2023, 9, 28), "同意", ("甲", "乙", "丙")))


@pytest.fixture
def book(backend_copy: Path | str) -> Path | str:
    """A private copy of the module's book, on a file and on a server database."""
    return backend_copy


def fill(path: Path | str) -> None:
    """The module's book: the refusals write nothing, then the decisions and an education."""
    _prepare(path)
    refusals = [
        (["case", "decide", ORDER, "--on", DECIDED, "--order-only"],
         "拆除期限：责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）"),
        (["case", "decide", FINE, "--on", DECIDED, "--kinds", "罚款", "--amount", "300",
          "--demolition", "--deadline", "2023-10-31"],
         # an order makes the case major: reviewed first (and noticed: test_demolition_cli)
         "决定日期：重大案件（限期拆除已建成违法建筑）须经法制审核同意后才能作出决定（行政处罚法第五十八条）"),
        (["case", "decide", BOTH, "--on", DECIDED, "--kinds", "罚款", "--amount", "300",
          "--demolition", "--deadline", "2023-11-15"],
         "处罚种类：决定重于告知的拟处罚；不得因当事人陈述申辩而加重处罚，有新的事实须重新告知"
         "（行政处罚法第四十五条、第六十二条）"),
    ]  # fmt: skip
    for argv, message in refusals:
        before = database_digest(path)
        refused = _run(path, *argv)
        assert (refused.returncode, refused.stderr) == (1, message + "\n")
        assert database_digest(path) == before
    for argv in (
        ["case", "decide", ORDER, "--on", DECIDED, "--order-only", "--deadline", "2023-10-31"],
        ["case", "decide", BOTH, "--on", DECIDED, "--kinds", "罚款", "--amount", "200",
         "--demolition", "--deadline", "2023-11-15"],
        ["case", "decide", FIRST, "--on", DECIDED, "--no-penalty", "首违不罚"],
        ["case", "decide", UNPROVEN, "--on", DECIDED, "--no-penalty", "违法事实不能成立"],
        ["case", "decide", FINE, "--on", DECIDED, "--kinds", "罚款", "--amount", "300"],
        ["case", "educate", FIRST, "--on", "2023-09-30", "--how", "当场教育并发放宣传材料"],
    ):  # fmt: skip
        done = _run(path, *argv)
        assert done.returncode == 0, (argv, done.stderr)


def test_educate_refuses_outside_apl33_and_writes_nothing(book: Path | str) -> None:
    copy = book
    before = database_digest(copy)
    refused = _run(copy, "case", "educate", UNPROVEN, "--on", "2023-09-30", "--how", "教育")
    assert refused.returncode == 1
    assert refused.stderr == (
        "教育日期：只有依行政处罚法第三十三条不予处罚（轻微违法及时改正、首违不罚、无主观过错）的案件"
        "记录教育；本案为：不予处罚（违法事实不能成立）\n"
    )
    assert database_digest(copy) == before
    shown = json.loads(_run(copy, "case", "show", FIRST, "--json").stdout)
    assert shown["education"] == {"on": "2023-09-30", "how": "当场教育并发放宣传材料"}


EXPECTED_GENERAL = {
    "filed": 5,
    "closed": 0,
    "decided": 4,  # the penalty with an order counts once; the order alone is not a penalty
    "fines_decided_fen": 50_000,
    "confiscated_decided_fen": 0,
    "no_penalty": 2,
    "overdue_open": 0,
    "open_at_start": 0,
    "open_at_end": 5,
    "penalty_decided": 2,
    "demolition_orders": 2,
    "demolitions_voluntary": 0,
    "demolitions_forced": 0,
    "deviations": {"从轻": 0, "从重": 0, "减轻": 0},
    "no_penalty_by_reason": {
        "轻微违法及时改正": 0,
        "首违不罚": 1,
        "无主观过错": 0,
        "不满十四周岁": 0,
        "精神病人": 0,
        "超过追责时效": 0,
        "违法事实不能成立": 1,
    },
}


def test_stats_count_orders_apart_and_no_penalty_by_reason(book: Path | str) -> None:
    stats = json.loads(_run(book, "stats", "--year", "2023", "--json").stdout)
    assert stats["general"] == EXPECTED_GENERAL
    assert stats["by_kind"] == {"fine": {"cases": 2, "money_fen": 50_000}}  # no 其他
    assert stats["legal_reviews"] == {"cases": 2, "rounds": 2}


def test_the_annual_pdf_prints_orders_and_reasons_apart(book: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "annual.pdf"
    assert _run(book, "report", "annual", "--year", "2023", "-o", str(out)).returncode == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    for printed in (
        "作出处罚决定2起，处罚金额500.00元（另没收0.00元），不予处罚2起（首违不罚1起，"
        "违法事实不能成立1起），责令限期拆除2起；",
        "作出决定（件）4其中处罚决定（件）2其中不予处罚（件）2",
        "不予处罚：轻微违法及时改正（件）0不予处罚：首违不罚（件）1",
        "不予处罚：违法事实不能成立（件）1责令限期拆除决定（件，不计入处罚）2",
        "责令限期拆除是行政命令，不是处罚种类",
    ):
        assert printed in text, printed
    # 统计表, 一般程序 row: 合计 2 (the two fines), 警告 0, 通报批评 0, 罚款 2, the ten heavier
    # kinds and 其他 0, 0.0500 万元, 不予处罚 2, 减轻处罚 0: the orders are in no column
    assert "一般程序" + "2" + "002" + "0" * 10 + "0.0500" + "2" + "0" + "简易程序" in text


def test_the_ledger_keeps_the_orders_through_export_and_import(
    book: Path | str, other_backend: Path | str, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.xlsx"
    exported = _run(book, "export", "ledger", "--year", "2023", "-o", str(ledger))
    assert exported.returncode == 0, exported.stderr
    empty = other_backend
    assert _run(empty, "init").returncode == 0
    imported = _run(empty, "import", str(ledger))
    assert imported.returncode == 0, imported.stderr
    stats = json.loads(_run(empty, "stats", "--year", "2023", "--json").stdout)
    assert stats["general"] == EXPECTED_GENERAL
    for no, outcome, deadline in ((ORDER, "仅责令限期拆除", "2023-10-31"),
                                  (BOTH, "处罚", "2023-11-15"), (FINE, "处罚", None)):  # fmt: skip
        decision = json.loads(_run(empty, "case", "show", no, "--json").stdout)["decision"]
        assert (decision["outcome"], decision["demolition_deadline"]) == (outcome, deadline)
