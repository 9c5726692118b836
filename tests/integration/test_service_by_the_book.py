"""Service by the book (DOMAIN §14), driven through ``case serve-attempt`` and ``case serve``.

Each row takes a decided case to a refused service: exit 1, the refusal naming its article,
the file byte for byte as it was; then the lawful path to exit 0. The decision is dated
2023-09-29; the service dates sit after it.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from tests.gate_walk import book_with, walk
from tests.integration import test_case_gates_cli as gates_cli
from tests.integration.test_case_gates_cli import FILE, NO, NOTICE, STATED, decide, run
from tests.integration.test_cli_processes import _run
from tests.server_backend import query

DECIDED = [FILE, NOTICE, STATED, decide("2023-09-29")]


@pytest.fixture
def book(backend: Path | str) -> Path | str:
    """A fresh book with the gate walks' officers, on a file and on a server database."""
    return book_with(backend, gates_cli.OFFICERS)


def serve(on: str, method: str, *extra: str) -> list[str]:
    return ["case", "serve", NO, "--on", on, "--method", method, *extra]


def attempt(on: str, method: str = "直接", *extra: str) -> list[str]:
    return ["case", "serve-attempt", NO, "--on", on, "--method", method, *extra]


NOTICE_NEEDS = (
    "送达方式：公告送达前须已尝试直接、留置、邮寄或委托送达并记录，或记录当事人下落不明"
    "（行政处罚法第六十一条，民事诉讼法第九十五条）；请先用“送达未成功”记录"
)
LEFT_NEEDS = (
    "见证人：留置送达须有当事人所在基层组织或者所在单位的见证人，或以拍照、录像等方式记录送达过程"
    "（民事诉讼法第八十九条）"
)
Steps = Sequence[Sequence[str]]
ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    # (name, setup after the decision, refused step, the refusal, the lawful path)
    ("公告 with no attempt", [], serve("2023-10-20", "公告"), NOTICE_NEEDS,
     [attempt("2023-10-09", "直接", "--note", "无人应门"), serve("2023-10-20", "公告")]),
    ("公告 before the only attempt", [attempt("2023-10-21", "邮寄")], serve("2023-10-20", "公告"),
     NOTICE_NEEDS, [serve("2023-10-21", "公告")]),
    ("公告 once the party is not to be found", [], serve("2023-10-20", "公告"), NOTICE_NEEDS,
     [attempt("2023-10-10", "委托", "--result", "下落不明"), serve("2023-10-10", "公告")]),
    ("留置 with neither witness nor record", [], serve("2023-10-09", "留置"), LEFT_NEEDS,
     [serve("2023-10-09", "留置", "--witness", "居委会 赵敏")]),
    ("留置 proved by a video record", [], serve("2023-10-09", "留置"), LEFT_NEEDS,
     [serve("2023-10-09", "留置", "--recorded")]),
    ("电子 without consent", [], serve("2023-10-09", "电子"),
     "电子送达同意日期：电子送达须经当事人书面同意（送达地址确认书），请填写同意日期"
     "（行政处罚法第六十一条第二款）",
     [serve("2023-10-09", "电子", "--consent-on", "2023-10-09")]),
    ("电子 consent given after the service", [], serve("2023-10-09", "电子", "--consent-on",
     "2023-10-10"),
     "电子送达同意日期：当事人同意电子送达的日期 2023-10-10 晚于送达日期 2023-10-09"
     "（行政处罚法第六十一条第二款）",
     [serve("2023-10-10", "电子", "--consent-on", "2023-10-10")]),
    ("a witness only for 留置", [], serve("2023-10-09", "直接", "--witness", "赵敏"),
     "见证人：见证人和拍照录像记录只用于留置送达", [serve("2023-10-09", "直接")]),
    ("a consent only for 电子", [], serve("2023-10-09", "邮寄", "--consent-on", "2023-10-01"),
     "电子送达同意日期：电子送达同意日期只用于电子送达", [serve("2023-10-09", "邮寄")]),
    ("no attempt by public notice", [], attempt("2023-10-09", "公告"),
     "送达方式：送达尝试只记录直接送达、留置送达、邮寄送达或委托送达"
     "（可选：直接送达、留置送达、邮寄送达、委托送达）",
     [attempt("2023-10-09", "留置")]),
    ("no attempt before the decision", [], attempt("2023-09-28"),
     "送达尝试日期：日期2023-09-28早于决定日期（2023-09-29）", [attempt("2023-09-29")]),
    ("no attempt after the service", [serve("2023-10-09", "直接")], attempt("2023-10-10"),
     "送达尝试日期：决定书已于2023-10-09送达", []),
    ("an attempt's result from the list", [], attempt("2023-10-09", "直接", "--result", "拒收"),
     "尝试结果：“拒收”不是可选的值（可选：未成功、下落不明）",
     [attempt("2023-10-09", "直接", "--result", "未成功")]),
]  # fmt: skip


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_each_service_rule_refuses_then_the_lawful_path_passes(
    book: Path | str,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Steps,
    refused: Sequence[str],
    message: str,
    lawful: Steps,
) -> None:
    def cli(db: Path | str, argv: Sequence[str]) -> tuple[int, str]:
        return run(capsys, db, argv)

    printed = walk(cli, book, [*DECIDED, *setup], refused, message=message, lawful=lawful)
    assert printed == message + "\n"


def test_the_attempts_and_the_proof_are_shown_and_audited(
    book: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = [*DECIDED, attempt("2023-10-09", "直接", "--note", "无人应门"),
             attempt("2023-10-11", "邮寄", "--result", "下落不明", "--note", "查无此人"),
             serve("2023-10-12", "公告")]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    shown = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])
    assert shown["service_attempts"] == [
        {"attempted_on": "2023-10-09", "method": "直接送达", "result": "未成功",
         "note": "无人应门"},
        {"attempted_on": "2023-10-11", "method": "邮寄送达", "result": "下落不明",
         "note": "查无此人"},
    ]  # fmt: skip
    assert (shown["served_on"], shown["service_method"]) == ("2023-10-12", "公告送达")
    # public-notice service takes effect 60 days later (Shanghai): payment due 15 days after
    assert shown["deadlines"]["payment_due"] == "2023-12-26"
    rows = query(
        book,
        "SELECT action, detail FROM audit_log WHERE object_id = ? AND action LIKE 'case.serve%'"
        " ORDER BY id",
        [NO],
    )
    assert [(a, json.loads(str(d))) for a, d in rows] == [
        ("case.serve_attempt", {"attempted_on": "2023-10-09", "method": "direct",
                                "result": "failed"}),
        ("case.serve_attempt", {"attempted_on": "2023-10-11", "method": "mail",
                                "result": "not_found"}),
        ("case.serve", {"served_on": "2023-10-12", "method": "public_notice"}),
    ]  # fmt: skip
    assert run(capsys, book, ["verify"])[0] == 0


def test_the_installed_command_records_a_left_service_with_its_witness(book: Path | str) -> None:
    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return _run(book, *argv)

    # the real clock: every date here is in the past
    for argv in DECIDED:
        assert cli(*argv).returncode == 0, argv
    refused = cli(*serve("2023-10-09", "留置"))
    assert (refused.returncode, refused.stderr) == (1, LEFT_NEEDS + "\n")
    done = cli(*serve("2023-10-09", "留置", "--witness", "居委会 赵敏", "--json"))
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["service_method"], shown["service_witness"], shown["service_recorded"]) == (
        "留置送达",
        "居委会 赵敏",
        False,
    )


def test_the_service_receipt_prints_the_attempts_and_the_witness(
    book: Path | str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    steps = [*DECIDED, attempt("2023-10-09", "直接", "--note", "无人应门"),
             serve("2023-10-10", "留置", "--witness", "居委会 赵敏")]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    out = tmp_path / "回证.docx"
    code, text = run(capsys, book, ["doc", "make", NO, "送达回证", "-o", str(out)])
    assert code == 0, text
    printed = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "送达方式：留置送达" in printed
    assert "备注：2023-10-09直接送达未成功（无人应门）；见证人：居委会 赵敏" in printed
