"""A correction of a published decision starts its withdrawal (issue 21 §1, APL 48②): the
public list shows a decision that is no longer the one on record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.deadline_cases import PAID, UNPAID, add_deadline_cases

D = dt.date
PAID_DECISION = "沪浦川执罚〔2026〕2号"


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    """On both backends: a file and a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as built:
        add_deadline_cases(built)  # PAID and UNPAID: 100 元 decided 2026-08-03, served 08-04
        yield built


def test_correcting_a_published_decision_makes_its_withdrawal_due(svc: Services) -> None:
    svc.publications.publish(PAID, D(2026, 8, 12))
    result = svc.corrections.correct_case(PAID, "案由", "张三占道设摊（更正）", "案由笔误")
    assert result.affects_publication
    case = svc.case_files.find(PAID)
    assert case.publication.set_aside is not None
    assert case.publication.set_aside.reference == "案由"
    # corrected on Friday 2026-11-27 (the tests' clock): 3 working days → Wednesday 12-02
    due = svc.case_files.view(PAID).clocks.due_dates()
    assert due["publication_withdrawal_due"] == "2026-12-02"
    data, _listing = svc.reports.disclosure_csv(2026)
    assert PAID_DECISION not in data.decode("utf-8-sig")  # out of the list until withdrawn
    svc.publications.withdraw(PAID, D(2026, 11, 27), "决定更正，撤回原公示")
    assert svc.case_files.find(PAID).publication.withdrawn_on == D(2026, 11, 27)


def test_correcting_an_unpublished_decision_withdraws_nothing(svc: Services) -> None:
    svc.corrections.correct_case(UNPAID, "案由", "李四占道设摊（更正）", "案由笔误")
    case = svc.case_files.find(UNPAID)
    assert case.publication.set_aside is None
    assert "publication_withdrawal_due" not in svc.case_files.view(UNPAID).clocks.due_dates()


def test_a_field_the_public_never_sees_withdraws_nothing(svc: Services) -> None:
    svc.publications.publish(PAID, D(2026, 8, 12))
    svc.corrections.correct_case(PAID, "地点", "川沙路1号", "地点补充")
    assert svc.case_files.find(PAID).publication.set_aside is None
