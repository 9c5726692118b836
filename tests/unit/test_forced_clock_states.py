"""The forced-demolition clocks' one rule (``forced_clocks``), as a table with literal dates:
an order served 2023-02-10 with its deadline 2023-03-10 (the review and lawsuit periods end
2023-08-10, a 催告 may come from Friday 2023-08-11). The party's periods are yellow while they
end within the due-soon working days and met once run; the squad's next steps turn red the day
after their first day; a pending lawsuit holds them; the party's own removal ends every clock.
The case list's flag (``list_flag``) is the worse of the decision's duties and these."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.calendar.deadlines import DutyFacts
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.demolition.forced_clocks import list_flag, order_clocks, order_flag
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    ForcedDemolition,
)
from chuansha_enforce.domain.demolition.order_facts import OrderFacts
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)

D = dt.date
CAL = WorkCalendar()
ORDER = OrderFacts(D(2023, 3, 10), D(2023, 2, 10), ForcedDemolition())
REMINDED = dataclasses.replace(
    ORDER, steps=ForcedDemolition(reminder=PaymentReminder(D(2023, 8, 14), D(2023, 8, 24)))
)
ANNOUNCED = dataclasses.replace(
    REMINDED,
    steps=dataclasses.replace(
        REMINDED.steps,
        decided_on=D(2023, 8, 28),
        announcement=DemolitionAnnouncement(D(2023, 9, 20), D(2023, 9, 25)),
    ),
)
P, S, LATE, M = ClockState.PENDING, ClockState.DUE_SOON, ClockState.OVERDUE, ClockState.MET


def lawsuit(outcome: DisputeOutcome | None) -> DisputeRecord:
    decided = None if outcome is None else D(2023, 12, 1)
    court = "浦东新区人民法院"
    return DisputeRecord(DisputeKind.LITIGATION, "（2023）沪0115行初9号", "张三",
                         DisputedAct.PENALTY, court, D(2023, 9, 22), "川执立〔2023〕7号",
                         outcome=outcome, outcome_on=decided)  # fmt: skip


def state(facts: OrderFacts, name: str, as_of: dt.date, soon: int = 3,
          disputes: tuple[DisputeRecord, ...] = ()) -> ClockState:  # fmt: skip
    clocks = {c.name: c for c in order_clocks(facts, disputes, as_of, CAL, soon)}
    return clocks[name].state


@pytest.mark.parametrize(
    ("facts", "name", "as_of", "soon", "expected"),
    [
        # the order's deadline (Friday 2023-03-10): the party's period
        (ORDER, "demolition_deadline", D(2023, 3, 6), 3, P),  # 4 working days left
        (ORDER, "demolition_deadline", D(2023, 3, 7), 3, S),  # 3: the limit
        (ORDER, "demolition_deadline", D(2023, 3, 6), 4, S),  # the setting changed
        (ORDER, "demolition_deadline", D(2023, 3, 10), 3, S),  # the day itself
        (ORDER, "demolition_deadline", D(2023, 3, 11), 3, M),  # ran: not the squad's lateness
        # the 催告 may come from Friday 2023-08-11: the squad's step
        (ORDER, "demolition_reminder_from", D(2023, 3, 11), 3, P),
        (ORDER, "demolition_reminder_from", D(2023, 8, 7), 3, P),  # 4 working days
        (ORDER, "demolition_remedies_until", D(2023, 8, 7), 3, S),  # Thursday 08-10
        (ORDER, "demolition_remedies_until", D(2023, 8, 4), 3, P),
        (ORDER, "demolition_reminder_from", D(2023, 8, 8), 3, S),  # 3
        (ORDER, "demolition_reminder_from", D(2023, 8, 11), 3, S),
        (ORDER, "demolition_reminder_from", D(2023, 8, 12), 3, LATE),  # the day after
        (REMINDED, "demolition_reminder_from", D(2023, 8, 14), 3, M),  # served
        # the 催告's statement period (to 2023-08-24), then the 强制拆除决定 from 08-25
        (REMINDED, "demolition_reminder_until", D(2023, 8, 21), 3, S),
        (REMINDED, "demolition_reminder_until", D(2023, 8, 25), 3, M),
        (REMINDED, "forced_decision_from", D(2023, 8, 25), 3, S),
        (REMINDED, "forced_decision_from", D(2023, 8, 26), 3, LATE),
        (ANNOUNCED, "forced_decision_from", D(2023, 8, 28), 3, M),
        # the 公告's period (to Monday 2023-09-25), then the carrying out from 09-26
        (ANNOUNCED, "demolition_announcement_until", D(2023, 9, 20), 3, S),
        (ANNOUNCED, "carry_out_from", D(2023, 9, 20), 3, P),  # 4 working days
        (ANNOUNCED, "carry_out_from", D(2023, 9, 21), 3, S),
        (ANNOUNCED, "carry_out_from", D(2023, 9, 27), 3, LATE),
    ],
)
def test_clock_states(
    facts: OrderFacts, name: str, as_of: dt.date, soon: int, expected: ClockState
) -> None:
    assert state(facts, name, as_of, soon) is expected


def test_a_pending_lawsuit_holds_the_squads_steps() -> None:
    pending = (lawsuit(None),)
    assert state(ANNOUNCED, "carry_out_from", D(2023, 9, 27), disputes=pending) is P
    assert order_flag(ANNOUNCED, pending, D(2023, 9, 27), CAL) is None
    # no end of the periods while pending: no 催告 clock at all
    names = {c.name for c in order_clocks(ORDER, pending, D(2023, 9, 27), CAL)}
    assert "demolition_reminder_from" not in names
    revoked = (lawsuit(DisputeOutcome.REVOKED),)
    assert order_flag(ANNOUNCED, revoked, D(2023, 12, 20), CAL) is None


def test_the_end_of_the_sequence_meets_every_clock() -> None:
    removed = dataclasses.replace(ANNOUNCED, steps=dataclasses.replace(
        ANNOUNCED.steps, removed_on=D(2023, 9, 24)))  # fmt: skip
    assert {c.state for c in order_clocks(removed, (), D(2023, 10, 9), CAL)} == {M}
    carry = CarryOut(D(2023, 9, 27), dt.time(9), ("赵六", "孙七"))
    carried = dataclasses.replace(
        ANNOUNCED, steps=dataclasses.replace(ANNOUNCED.steps, carried_out=carry)
    )
    assert order_flag(carried, (), D(2023, 10, 9), CAL) is None


@pytest.mark.parametrize(
    ("as_of", "closed", "expected"),
    [
        (D(2023, 8, 4), False, None),  # the decision served: its own duties all met
        (D(2023, 8, 7), False, S),  # the review and lawsuit periods end in 3 working days
        (D(2023, 8, 12), False, LATE),
        (D(2023, 8, 12), True, None),  # a closed case is never flagged
    ],
)
def test_the_list_flag_reads_the_order(
    as_of: dt.date, closed: bool, expected: ClockState | None
) -> None:
    facts = DutyFacts(D(2023, 2, 1), decided_on=D(2023, 2, 9), served_on=D(2023, 2, 10),
                      closed=closed, order=ORDER)  # fmt: skip
    assert list_flag(facts, as_of, CAL, 3) is expected
    assert list_flag(dataclasses.replace(facts, order=None), as_of, CAL, 3) is None
