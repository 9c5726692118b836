"""Simple-procedure decisions through the service: APL 51 limits and on-the-spot collection."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "李四")
SHOP = PartyRecord(PartyType.INDIVIDUAL_BUSINESS, "川沙新镇红红点心店")
COMPANY = PartyRecord(PartyType.LEGAL_PERSON, "上海某某物流有限公司", "91350100M000100Y43")
BASE = SimpleDecisionRecord(
    decision_no="沪浦川执简〔2024〕000001号",
    party=PERSON,
    cause="李四占道设摊",
    officer_certificates=("31150001", "31150002"),
    decided_on=D(2024, 6, 20),
    penalty_kind=PenaltyKind.FINE,
    fine_fen=5_000,
)


@pytest.fixture
def svc(backend: Path) -> Iterator[Services]:
    """The services on a file, and on a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        services.officers.register(OfficerRecord("陈静", "31150003", D(2024, 6, 21)))
        yield services


def refused(svc: Services, code: str, decision: SimpleDecisionRecord) -> DomainError:
    before = database_digest(svc.location)
    with pytest.raises(DomainError) as caught:
        svc.simple.record(decision)
    assert caught.value.code == code
    assert database_digest(svc.location) == before
    return caught.value


def with_(**changes: object) -> SimpleDecisionRecord:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def test_fine_limits_by_party_kind(svc: Services) -> None:
    error = refused(svc, "simple.fine_over_limit", with_(fine_fen=20_001))
    assert error.params == {"limit": "200.00", "party_kind": "自然人"}
    refused(svc, "simple.fine_over_limit", with_(party=SHOP, fine_fen=20_001))
    refused(svc, "simple.fine_over_limit", with_(party=COMPANY, fine_fen=300_001))
    svc.simple.record(with_(fine_fen=20_000))
    svc.simple.record(with_(decision_no="N2", party=COMPANY, fine_fen=300_000))
    assert svc.statistics.annual(2024).simple.fines_decided_fen == 320_000


def test_warning_or_fine_only(svc: Services) -> None:
    refused(svc, "simple.kind", with_(penalty_kind=PenaltyKind.SUSPEND_LICENCE))
    refused(svc, "decision.fine_without_kind", with_(penalty_kind=PenaltyKind.WARNING))
    refused(svc, "decision.fine_required", with_(fine_fen=0))
    result = svc.simple.record(with_(penalty_kind=PenaltyKind.WARNING, fine_fen=0))
    assert result.decision.penalty_kind is PenaltyKind.WARNING


def test_on_the_spot_collection(svc: Services) -> None:
    refused(svc, "simple.on_spot_not_allowed", with_(fine_fen=15_000, collected_on_spot=True))
    ok = svc.simple.record(with_(fine_fen=15_000, collected_on_spot=True,
                                 on_spot_reason="当事人为外地流动摊贩，事后难以执行"))  # fmt: skip
    assert ok.decision.paid_on == D(2024, 6, 20)
    small = svc.simple.record(with_(decision_no="N2", fine_fen=10_000, collected_on_spot=True))
    assert small.decision.paid_on == D(2024, 6, 20)
    refused(svc, "simple.on_spot_date",
            with_(decision_no="N3", collected_on_spot=True, paid_on=D(2024, 6, 21)))  # fmt: skip


def test_officers_numbers_and_dates(svc: Services) -> None:
    refused(svc, "officers.too_few", with_(officer_certificates=("31150001",)))
    refused(svc, "officers.invalid_on", with_(officer_certificates=("31150001", "31150003")))
    refused(svc, "officers.unknown", with_(officer_certificates=("31150001", "0")))
    refused(svc, "date.future", with_(decided_on=D(2024, 6, 29)))
    refused(svc, "date.too_early", with_(paid_on=D(2024, 6, 19)))
    refused(svc, "value.required", with_(decision_no="  "))
    svc.simple.record(BASE)
    refused(svc, "decision.number_taken", BASE)


def test_list_pages_newest_first(svc: Services) -> None:
    for n in range(7):
        svc.simple.record(with_(decision_no=f"S{n}", decided_on=D(2024, 6, 10 + n)))
    page = svc.simple.list_page(limit=3)
    seen = [r.decision_no for r in page.rows]
    while page.next_key is not None:
        page = svc.simple.list_page(after=page.next_key, limit=3)
        seen.extend(r.decision_no for r in page.rows)
    assert seen == [f"S{n}" for n in reversed(range(7))]


def test_form_stock_issue_use_and_void(svc: Services) -> None:
    svc.simple_forms.issue("沪浦川执简〔2024〕000001号", 3, "31150001")
    assert svc.simple_forms.counts() == {"in_stock": 3, "used": 0, "voided": 0}
    svc.simple.record(BASE)  # BASE uses form …000001号
    form = svc.simple_forms.form("沪浦川执简〔2024〕000001号")
    assert form is not None
    assert form.state == "used"
    assert form.used_by == BASE.decision_no
    svc.simple_forms.void("沪浦川执简〔2024〕000002号", "填写错误，作废")
    refused(svc, "forms.not_in_stock", with_(decision_no="沪浦川执简〔2024〕000002号"))
    assert svc.simple_forms.counts() == {"in_stock": 1, "used": 1, "voided": 1}
    with pytest.raises(DomainError) as caught:
        svc.simple_forms.void("沪浦川执简〔2024〕000001号", "已用")
    assert caught.value.code == "forms.not_in_stock"
    with pytest.raises(DomainError) as caught:
        svc.simple_forms.issue("沪浦川执简〔2024〕000003号", 2, "31150001")
    assert caught.value.code == "forms.taken"
    assert caught.value.params["numbers"] == "沪浦川执简〔2024〕000003号"
    # A number outside the stock is still accepted (stock keeping is optional).
    svc.simple.record(with_(decision_no="手写001"))
