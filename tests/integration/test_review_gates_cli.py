"""The gates of a major case (DOMAIN §12, §3) on the command line: a 法制审核 round binds the
proposal it reviewed, and a collective discussion comes before the decision. Each refused
step exits 1 naming its article with the file as it was; then the lawful path exits 0.

The case (tests.review_setup): 6,000 元 on a person, major by its amount; the notice
proposed 6,000 元, the hearing was waived in writing, the clerk submitted it for review.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Hearing
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import HearingState, PenaltyKind
from chuansha_enforce.services.case_file_service import NewCase
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.review_setup import (
    CASE_NO,
    PASSWORDS,
    PERSON,
    make_accounts,
    open_as,
    prepared,
    register_officers,
)
from tests.server_backend import db_path_on_both_backends  # noqa: F401


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path | str,
        user: str, *argv: str) -> tuple[int, str]:  # fmt: skip
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS[user])
    code = main(["--db", str(db), "--user", user, *argv])
    captured = capsys.readouterr()
    return code, captured.err or captured.out


def decide(amount: str) -> list[str]:
    return ["case", "decide", CASE_NO, "--on", "2026-11-27", "--kinds", "罚款", "--amount", amount]


def refused(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path | str,
            argv: list[str], message: str) -> None:  # fmt: skip
    before = database_digest(db)
    code, err = run(capsys, monkeypatch, db, "clerk", *argv)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert database_digest(db) == before


def test_a_review_binds_the_proposal_it_reviewed(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path | str,
    clock: FixedClock,
) -> None:
    prepared(db_path, clock)
    code, out = run(capsys, monkeypatch, db_path, "zhou", "review", "sign", CASE_NO,
                    "--opinion", "同意")  # fmt: skip
    assert code == 0, out
    # lighter than the notice, yet not what round 1 agreed to: a new round is needed
    refused(capsys, monkeypatch, db_path, decide("5500"),
            "决定日期：决定与第1轮法制审核的拟处理意见不同，须就新的拟处理意见重新法制审核"
            "（行政处罚法第五十八条）")  # fmt: skip
    code, out = run(capsys, monkeypatch, db_path, "clerk", *decide("6000"))
    assert code == 0, out


def test_a_major_case_is_discussed_before_its_decision(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path | str,
    clock: FixedClock,
) -> None:
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        register_officers(svc)
    with open_as(db_path, clock, "clerk") as svc:
        svc.case_files.file_case(
            NewCase(
                CASE_NO,
                PERSON,
                "张三占道设摊案",
                dt.date(2026, 10, 9),
                ("31150001", "31150002"),
            )
        )
        notice = AdvanceNotice(dt.date(2026, 10, 20), True, None,
                               frozenset({PenaltyKind.FINE}), 600_000, facts="占道设摊",
                               basis="《上海市市容环境卫生管理条例》第二十四条")  # fmt: skip
        svc.case_files.record_notice(CASE_NO, notice)
        waived = Hearing(HearingState.WAIVED, waived_on=dt.date(2026, 10, 21))
        svc.case_files.record_hearing(CASE_NO, waived)
        svc.reviews.submit(CASE_NO, ["调查终结报告"])
    code, out = run(capsys, monkeypatch, db_path, "zhou", "review", "sign", CASE_NO,
                    "--opinion", "同意")  # fmt: skip
    assert code == 0, out
    refused(
        capsys,
        monkeypatch,
        db_path,
        decide("6000"),
        "决定日期：对个人罚款5,000元以上：作出决定前须经集体讨论（行政处罚法第五十七条第二款）",
    )
    code, out = run(capsys, monkeypatch, db_path, "clerk", "case", "discuss", CASE_NO, "--on",
                    "2026-11-26", "--participants", "镇长,分管副镇长,执法队长",
                    "--conclusion", "同意罚款六千元")  # fmt: skip
    assert code == 0, out
    code, out = run(capsys, monkeypatch, db_path, "clerk", *decide("6000"))
    assert code == 0, out
