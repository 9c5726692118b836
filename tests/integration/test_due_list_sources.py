"""The due list (issue 19 item 7) holds every kind of duty after the decision, not only the
case's own clocks: the 催告 once a payment is missed, and a simple decision's cash hand-over,
bank deposit and 备案 (DOMAIN §14). The tests' clock is Friday 2026-11-27."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.after_decision.due_list import DueKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import Handover
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.deadline_cases import UNPAID, add_deadline_cases

D = dt.date
ON_THE_SPOT = "沪浦川执简〔2026〕000009号"


@pytest.fixture
def svc(backend: Path) -> Iterator[Services]:
    """The services on a file, and on a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as built:
        add_deadline_cases(built)  # UNPAID: 100 元 decided 2026-08-03, served 08-04, unpaid
        built.settings.set("gates_from", "2026-01-01")  # in use since January: not history
        built.simple.record(
            SimpleDecisionRecord(
                decision_no=ON_THE_SPOT,
                party=PartyRecord(PartyType.NATURAL_PERSON, "赵六"),
                cause="赵六乱张贴",
                officer_certificates=("31150001", "31150002"),
                decided_on=D(2026, 11, 20),  # a Friday
                penalty_kind=PenaltyKind.FINE,
                fine_fen=5_000,
                collected_on_spot=True,
                paid_on=D(2026, 11, 20),
                receipt_no="沪财罚0001",
            )
        )
        yield built


def test_the_reminder_and_the_simple_decisions_duties_are_on_the_list(svc: Services) -> None:
    items = svc.publications.due_list(days=5).items
    mine = {(i.reference, i.kind): (i.due, i.overdue) for i in items}
    # the payment fell due on 2026-08-19 (15 days after service): the 催告 is due next day
    assert mine[(UNPAID, DueKind.REMINDER)] == (D(2026, 8, 20), True)
    # cash collected on Friday 11-20 (after gates_from: not history) reaches the agency
    # within 2 working days (11-24), the bank 2 more after that; the 备案 follows the
    # setting (3 working days: 11-25)
    assert mine[(ON_THE_SPOT, DueKind.CASH_TO_AGENCY)] == (D(2026, 11, 24), True)
    assert mine[(ON_THE_SPOT, DueKind.FILING)] == (D(2026, 11, 25), True)
    # once recorded, the decision's duties leave the list
    svc.simple.handover(
        ON_THE_SPOT,
        Handover(cash_to_agency_on=D(2026, 11, 23), cash_to_bank_on=D(2026, 11, 24),
                 filed_with_agency_on=D(2026, 11, 24)),
    )  # fmt: skip
    left = svc.publications.due_list(days=5).items
    assert [i.kind for i in left if i.reference == ON_THE_SPOT] == []
    assert (UNPAID, DueKind.REMINDER) in {(i.reference, i.kind) for i in left}


def test_a_simple_decision_before_the_program_was_in_use_is_history(svc: Services) -> None:
    """A decision a ledger brought from before ``gates_from`` lists no hand-over or 备案."""
    svc.settings.set("gates_from", "2026-11-21")
    items = svc.publications.due_list(days=5).items
    assert [i for i in items if i.reference == ON_THE_SPOT] == []
