"""A reconsideration about a simple decision pauses its surcharge (APL 73) in ``show``, in the
list and in the surcharge ``pay`` records, as a dispute pauses a general case's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import DisputedAct, DisputeKind, DisputeRecord
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW

D = dt.date
NUMBER = "沪浦川执简〔2024〕000009号"


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    with build_services(backend, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        services.simple.record(
            SimpleDecisionRecord(
                decision_no=NUMBER,
                party=PartyRecord(PartyType.NATURAL_PERSON, "张三"),
                cause="跨门营业",
                officer_certificates=("31150001", "31150002"),
                decided_on=D(2024, 1, 29),
                penalty_kind=PenaltyKind.FINE,
                fine_fen=20_000,
            )
        )
        yield services


def test_the_surcharge_stops_while_the_reconsideration_runs(svc: Services) -> None:
    assert svc.simple.view(NUMBER, D(2024, 3, 5)).clocks.surcharge_fen == 9_600  # 16 days
    svc.disputes.add(
        DisputeRecord(
            kind=DisputeKind.RECONSIDERATION,
            number="浦府复〔2024〕1号",
            applicant="张三",
            act=DisputedAct.PENALTY,
            body="上海市浦东新区人民政府",
            received_on=D(2024, 2, 10),
            case_no=NUMBER,
            simple_procedure=True,
        )
    )
    pending = svc.simple.view(NUMBER, D(2024, 3, 5)).clocks
    assert (pending.days_late, pending.surcharge_fen) == (0, 0)  # pending: still paused
    (item,) = svc.simple.listing(as_of=D(2024, 3, 5)).items
    assert item.clocks.surcharge_fen == 0
    paid = svc.simple.pay(NUMBER, D(2024, 3, 5))
    assert paid.decision.surcharge_fen == 0
