"""Evidence as data (APL 40, 46, 59): recorded before the decision, listed in the 决定书."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import database_digest
from tests.gate_walk import book_with
from tests.integration import test_case_gates_cli as gates_cli
from tests.integration.test_case_gates_cli import FILE, NO, NOTICE, STATED, decide, run


@pytest.fixture
def book(backend: Path | str) -> Path | str:
    """A fresh case book with the officers registered, on both backends: a file and a server
    database (tests/server_backend)."""
    return book_with(backend, gates_cli.OFFICERS)


def evidence(kind: str, on: str, description: str = "现场检查笔录一份") -> list[str]:
    return ["case", "evidence", NO, "--kind", kind, "--description", description, "--on", on]


@pytest.mark.parametrize(
    ("setup", "refused", "message"),
    [
        ([FILE], evidence("现场笔录", "2023-08-29"),
         "取证日期：日期2023-08-29早于违法行为或发现线索日期（2023-08-30）"),
        ([FILE], evidence("现场笔录", "2026-11-28"), "取证日期：日期2026-11-28晚于今天"),
        ([FILE], evidence("照片", "2023-09-01"),
         "证据种类：“照片”不是可选的值（可选：书证、物证、视听资料、电子数据、证人证言、"
         "当事人的陈述、鉴定意见、勘验笔录、现场笔录）"),
        ([FILE], evidence("书证", "2023-09-01", " "), "证据内容：必须填写"),
        ([FILE], evidence("书证", "2023-09-01", "证" * 201), "证据内容：不能超过 200 个字"),
        ([FILE, NOTICE, STATED, decide("2023-09-29")], evidence("书证", "2023-09-30"),
         f"取证日期：案件{NO}已作出决定，不能再补充证据：应先查明事实、取得证据再作决定"
         "（行政处罚法第四十条）"),
    ],
    ids=["before the clue", "in the future", "kind from the list", "described",
         "at most 200 characters", "not after the decision"],
)  # fmt: skip
def test_evidence_refusals_name_their_field_and_change_nothing(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    setup: list[list[str]],
    refused: list[str],
    message: str,
) -> None:
    for argv in setup:
        assert run(capsys, book, argv)[0] == 0, argv
    before = database_digest(book)
    assert run(capsys, book, refused) == (1, message + "\n")
    assert database_digest(book) == before


def test_the_decision_lists_the_evidence_and_waits_for_it(
    book: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (FILE, NOTICE, STATED, decide("2023-09-29")):
        assert run(capsys, book, argv)[0] == 0, argv
    listed = run(capsys, book, ["doc", "list", NO])[1].splitlines()
    assert "penalty_decision\t行政处罚决定书\t尚缺：证据（登记证据）" in listed


def test_evidence_in_case_show_and_the_audit_log(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = [FILE, evidence("视听资料", "2023-09-02", "现场照片6张"),
             evidence("勘验笔录", "2023-08-30"),
             evidence("当事人陈述", "2023-09-05", "询问笔录")]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    shown = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])
    assert shown["evidence"] == [
        {"kind": "勘验笔录、现场笔录", "description": "现场检查笔录一份",
         "obtained_on": "2023-08-30"},
        {"kind": "视听资料", "description": "现场照片6张", "obtained_on": "2023-09-02"},
        {"kind": "当事人的陈述", "description": "询问笔录", "obtained_on": "2023-09-05"},
    ]  # fmt: skip
    argv = ["case", "evidence", NO, "--kind", "物证", "--description", "遮阳棚一顶",
            "--on", "2023-09-06"]  # fmt: skip
    assert run(capsys, book, argv) == (0, f"已记录登记证据：{NO}\n")
    assert run(capsys, book, ["verify"])[0] == 0
