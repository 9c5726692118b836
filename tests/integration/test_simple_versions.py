"""Optimistic versions for simple-procedure decisions (issue 23), on a file and on a server.

A recorded 简易程序 decision is edited afterwards (the payment, the hand-over, an
administrator's correction): each edit raises the decision's version by one; an edit made
from what its editor read at an older version is refused with "已被他人修改，请刷新后再试"
and writes nothing; made from the version the decision is at, or without one, it passes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import Handover
from chuansha_enforce.services.case_versions import edited_as_read, simple_edited_as_read
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest
from tests.integration.test_case_versions import _cli, installed_stale_then_fresh
from tests.integration.test_case_versions_related import _refused

SIMPLE_NO = "沪浦川执简〔2026〕000001号"
ADD = ["simple", "add", "--no", SIMPLE_NO, "--on", "2026-11-20", "--party", "张三",
       "--party-type", "自然人", "--cause", "跨门营业", "--officers", "李四,王五",
       "--kind", "罚款", "--amount", "200"]  # fmt: skip
PAY = ["simple", "pay", SIMPLE_NO, "--on", "2026-11-25", "--receipt", "沪财罚01"]
HANDOVER = ["simple", "handover", SIMPLE_NO, "--filed", "2026-11-23"]
CORRECT = ["simple", "correct", SIMPLE_NO, "--field", "地点", "--value", "川沙路1号",
           "--reason", "笔误"]  # fmt: skip


@pytest.fixture
def book(backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str | Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(backend, "init")[0] == 0
    with build_services(backend, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
    code, _out, err = _cli(backend, *ADD)
    assert code == 0, err
    return backend


def _version(book: str | Path) -> int:
    code, out, err = _cli(book, "simple", "show", SIMPLE_NO, "--json")
    assert code == 0, err
    version = json.loads(out)["version"]
    assert isinstance(version, int)
    return version


def test_each_edit_of_a_simple_decision_carries_the_version_it_read(book: str | Path) -> None:
    assert _version(book) == 0  # recorded, never edited
    assert _cli(book, *HANDOVER, "--version", "0")[0] == 0
    assert _version(book) == 1
    _refused(book, *PAY, "--version", "0")
    assert json.loads(_cli(book, "simple", "show", SIMPLE_NO, "--json")[1])["paid_on"] is None
    assert _cli(book, *PAY, "--version", "1")[0] == 0
    assert _version(book) == 2
    _refused(book, "simple", "handover", SIMPLE_NO, "--receipt", "沪财罚02", "--version", "1")
    _refused(book, *CORRECT, "--version", "1")
    assert _cli(book, *CORRECT, "--version", "2")[0] == 0
    assert _version(book) == 3
    assert _cli(book, "simple", "handover", SIMPLE_NO, "--receipt", "沪财罚02",
                "--version", "3")[0] == 0  # fmt: skip
    assert _cli(book, *CORRECT[:5], "--value", "川沙路2号", "--reason", "又错")[0] == 0
    shown = json.loads(_cli(book, "simple", "show", SIMPLE_NO, "--json")[1])
    assert (shown["version"], shown["paid_on"], shown["receipt_no"], shown["location"]) == (
        5, "2026-11-25", "沪财罚02", "川沙路2号")  # fmt: skip
    before = database_digest(book)
    code, out, err = _cli(book, *PAY, "--version", "三")
    assert (code, out, err.strip()) == (
        1,
        "",
        "版本：版本号“三”应为不小于 0 的整数（见 simple show --json 的 version）",
    )
    assert database_digest(book) == before


def test_the_services_refuse_a_stale_version_read(book: str | Path) -> None:
    with build_services(book, FixedClock(NOW)) as services:
        simple, corrections = services.simple, services.corrections
        filed = Handover(filed_with_agency_on=dt.date(2026, 11, 23))
        edits: tuple[Callable[[], object], ...] = (
            lambda: simple.handover(SIMPLE_NO, filed),
            lambda: simple.pay(SIMPLE_NO, dt.date(2026, 11, 25), "沪财罚01"),
            lambda: corrections.correct_simple(SIMPLE_NO, "location", "川沙路1号", "笔误"),
        )
        for read, edit in enumerate(edits):
            other = simple.view(SIMPLE_NO).version
            assert other == read
            before = database_digest(book)
            for stale in (read + 1, read - 1 if read else 7):
                with pytest.raises(DomainError) as refused, simple_edited_as_read(SIMPLE_NO, stale):
                    edit()
                assert refused.value.code == "case.changed_since"
                assert database_digest(book) == before
            with simple_edited_as_read(SIMPLE_NO, read):
                edit()
            assert simple.view(SIMPLE_NO).version == read + 1


def test_a_case_s_version_read_is_not_a_simple_decision_s(book: str | Path) -> None:
    """The one context variable is keyed by kind: a case's version named by the same number
    does not check a simple decision's edit (their numbers are spaces of their own)."""
    with build_services(book, FixedClock(NOW)) as services:
        filed = Handover(filed_with_agency_on=dt.date(2026, 11, 23))
        with edited_as_read(SIMPLE_NO, 7):
            services.simple.handover(SIMPLE_NO, filed)
        assert services.simple.view(SIMPLE_NO).version == 1
        with pytest.raises(DomainError) as refused, simple_edited_as_read(SIMPLE_NO, -1):
            services.simple.handover(SIMPLE_NO, filed)
        assert (refused.value.code, refused.value.field) == ("simple.version_invalid", "version")


def test_the_installed_command_refuses_a_stale_simple_pay(book: str | Path, tmp_path: Path) -> None:
    """``simple pay --version N`` in the installed command's own process: refused with the
    sentence and exit 1, nothing written, when the decision moved on; the version read passes."""
    assert _cli(book, *HANDOVER)[0] == 0  # version 1
    installed_stale_then_fresh(book, tmp_path, PAY, _version)
