"""The 违法建筑 list: where each illegal structure under a 责令限期拆除 order stands (DOMAIN §13).

One row a case with an order: its place, the order's date and deadline, the step the
forced-demolition sequence has reached (or its end: 自行拆除 / 已强制拆除), the next clock
with its due day and state (``forced_clocks``: the list's colour) and whether a pending
reconsideration or lawsuit holds the sequence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.cases.case_deadlines import Clock, ClockState, effective_service_date
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.disputes.disputes import DisputeRecord
from chuansha_enforce.domain.enums import EnumMap, LabelledEnum


class StructureState(LabelledEnum):
    """The step the sequence has reached, in the order of DOMAIN §13."""

    NOT_SERVED = "not_served", "决定待送达"
    ORDER_PERIOD = "order_period", "拆除期限内"
    REMEDIES = "remedies", "复议、诉讼期限内"
    REMINDER_DUE = "reminder_due", "待催告"
    REMINDED = "reminded", "已催告"
    STATED = "stated", "已陈述申辩，待决定"
    DECIDED = "decided", "已决定强制拆除，待公告"
    ANNOUNCED = "announced", "已公告"
    CARRIED_OUT = "carried_out", "已强制拆除"
    REMOVED = "removed", "自行拆除"


NEXT_CLOCK = EnumMap(
    StructureState,
    {
        StructureState.ORDER_PERIOD: "demolition_deadline",
        StructureState.REMEDIES: "demolition_reminder_from",
        StructureState.REMINDER_DUE: "demolition_reminder_from",
        StructureState.REMINDED: "demolition_reminder_until",
        StructureState.STATED: "forced_decision_from",
        StructureState.ANNOUNCED: "carry_out_from",
    },
)
"""The clock each state waits for (none once decided and not yet announced, nor at the end)."""


@dataclass(frozen=True, slots=True)
class StructureRow:
    case_no: str
    party: str
    place: str  # the violation's location, else the party's address
    ordered_on: dt.date
    deadline: dt.date
    state: StructureState
    next_clock: Clock | None
    held: bool  # a reconsideration or lawsuit pending: every later step waits

    @property
    def flag(self) -> ClockState | None:
        """The row's colour: the next clock's when it is due soon or overdue."""
        if self.next_clock is None or self.next_clock.state not in FLAGGED:
            return None
        return self.next_clock.state


FLAGGED = frozenset({ClockState.DUE_SOON, ClockState.OVERDUE})


def structure_state(case: CaseFile, as_of: dt.date) -> StructureState:
    forced = case.forced
    decision = case.decision
    assert decision is not None
    assert decision.demolition_deadline is not None
    if forced.removed_on is not None:
        return StructureState.REMOVED
    if forced.carried_out is not None:
        return StructureState.CARRIED_OUT
    if forced.announcement is not None:
        return StructureState.ANNOUNCED
    if forced.decided_on is not None:
        return StructureState.DECIDED
    if forced.statement is not None:
        return StructureState.STATED
    if forced.reminder is not None:
        return StructureState.REMINDED
    if effective_service_date(case) is None:
        return StructureState.NOT_SERVED
    if as_of <= decision.demolition_deadline:
        return StructureState.ORDER_PERIOD
    return StructureState.REMEDIES


def structure_row(
    case: CaseFile, clocks: Sequence[Clock], disputes: Sequence[DisputeRecord], as_of: dt.date
) -> StructureRow:
    """The row of a case with an order, from its clocks on ``as_of`` (``forced_clocks``)."""
    decision = case.decision
    assert decision is not None
    assert decision.demolition_deadline is not None
    state = structure_state(case, as_of)
    by_name = {c.name: c for c in clocks}
    if state is StructureState.REMEDIES:
        reminder_from = by_name.get("demolition_reminder_from")
        if reminder_from is not None and reminder_from.due <= as_of:
            state = StructureState.REMINDER_DUE
    name = NEXT_CLOCK.get(state)
    place = case.location or case.party.address or ""
    held = any(d.pending for d in disputes) and state not in ENDED
    return StructureRow(case.case_no, case.party.name, place, decision.decided_on,
                        decision.demolition_deadline, state,
                        None if name is None else by_name.get(name), held)  # fmt: skip


ENDED = frozenset({StructureState.CARRIED_OUT, StructureState.REMOVED})
