"""Decision numbers share one number space (LEDGER_FORMAT; issue 14, item 6): a general case's
决定书文号 is never a simple decision's 决定书编号. Refused on every way in: the services the
window uses, the ledger import (within one file and against the database) and the installed
command; each refusal names the number and the record that holds it, and writes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.integration.test_case_lifecycle import OFFICERS as LIFECYCLE_OFFICERS
from tests.integration.test_case_lifecycle import _file, refused
from tests.integration.test_simple_decisions import BASE
from tests.ledger_files import CASE, OFFICERS, SIMPLE, ledger, with_
from tests.notices import notice

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)  # 2024-06-28 in Shanghai
NUMBER = "沪浦川执罚〔2024〕900001号"
IN_FILE = (
    "简易程序案件 第2行 决定书编号："
    "决定书编号沪浦川执罚〔2024〕900001号已存在（一般程序案件 第2行）"
)
WARNED = notice(D(2024, 4, 1), frozenset({PenaltyKind.WARNING}))
WARNING = Decision(NUMBER, D(2024, 4, 10), Outcome.PENALTY, frozenset({PenaltyKind.WARNING}))


@pytest.fixture
def svc(backend: Path) -> Iterator[Services]:
    """The services on a file, and on a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as services:
        for officer in LIFECYCLE_OFFICERS[:2]:  # 王建国 and 李明, valid all through 2024
            services.officers.register(officer)
        yield services


def _text(error: DomainError) -> str:
    return render(error.code, error.params, "zh", error.field)


def test_a_case_cannot_take_a_simple_decisions_number(svc: Services) -> None:
    svc.simple.record(dataclasses.replace(BASE, decision_no=NUMBER))
    _file(svc)
    svc.case_files.record_notice(
        "川执立〔2024〕1号", notice(D(2024, 4, 1), frozenset({PenaltyKind.WARNING}))
    )
    error = refused(
        svc, "decision.number_taken", lambda: svc.case_files.decide("川执立〔2024〕1号", WARNING)
    )
    assert _text(error) == (
        "决定书文号：决定书号沪浦川执罚〔2024〕900001号"
        "已被简易程序决定 沪浦川执罚〔2024〕900001号使用"
        "（决定书文号与简易程序决定书编号共用一套编号）"
    )


def test_a_simple_decision_cannot_take_a_cases_number(svc: Services) -> None:
    _file(svc)
    svc.case_files.record_notice(
        "川执立〔2024〕1号", notice(D(2024, 4, 1), frozenset({PenaltyKind.WARNING}))
    )
    svc.case_files.decide("川执立〔2024〕1号", WARNING)
    before = database_digest(svc.location)
    with pytest.raises(DomainError) as caught:
        svc.simple.record(dataclasses.replace(BASE, decision_no=NUMBER))
    assert database_digest(svc.location) == before
    assert _text(caught.value) == (
        "决定书文号：决定书号沪浦川执罚〔2024〕900001号已被案件 川执立〔2024〕1号使用"
        "（决定书文号与简易程序决定书编号共用一套编号）"
    )


def _shared(
    tmp_path: Path, name: str, *, cases: bool = True, simple: bool = True, officers: bool = False
) -> Path:
    return ledger(
        tmp_path / name,
        officers=OFFICERS if officers else [],  # the svc fixture registered 王建国 and 李明
        cases=[with_(CASE, 决定书文号=NUMBER)] if cases else [],
        simple=[with_(SIMPLE, 决定书编号=NUMBER)] if simple else [],
    )


def _errors(svc: Services, path: Path) -> list[str]:
    before = database_digest(svc.location)
    report = svc.ledger.import_file(path)
    assert not report.written
    assert database_digest(svc.location) == before
    return [issue.text() for issue in report.errors]


def test_one_ledger_cannot_use_a_number_twice(svc: Services, tmp_path: Path) -> None:
    assert _errors(svc, _shared(tmp_path, "both.xlsx")) == [IN_FILE]


def test_a_ledger_cannot_reuse_a_number_in_the_database(svc: Services, tmp_path: Path) -> None:
    assert svc.ledger.import_file(_shared(tmp_path, "case.xlsx", simple=False)).written
    assert _errors(svc, _shared(tmp_path, "simple.xlsx", cases=False)) == [
        "简易程序案件 第2行 决定书编号："
        "决定书编号沪浦川执罚〔2024〕900001号已存在（数据库中的案件 川执立〔2024〕000001号）"
    ]


def test_a_ledger_case_cannot_reuse_a_simple_number_in_the_database(
    svc: Services, tmp_path: Path
) -> None:
    svc.simple.record(dataclasses.replace(BASE, decision_no=NUMBER))
    errors = _errors(svc, ledger(tmp_path / "c.xlsx", [], [with_(CASE, 决定书文号=NUMBER)], []))
    assert errors == [
        "一般程序案件 第2行 决定书文号：决定书编号沪浦川执罚〔2024〕900001号已存在"
        "（数据库中的简易程序决定 沪浦川执罚〔2024〕900001号）"
    ]


def test_the_installed_command_refuses_the_shared_number(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("chuansha-enforce")
    db = tmp_path / "new.db"
    path = _shared(tmp_path, "both.xlsx", officers=True)
    result = subprocess.run(
        [str(exe), "--db", str(db), "import", str(path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert IN_FILE in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    listed = subprocess.run(
        [str(exe), "--db", str(db), "officer", "list"], check=True, capture_output=True, text=True
    )
    assert listed.stdout == ""  # nothing was written
