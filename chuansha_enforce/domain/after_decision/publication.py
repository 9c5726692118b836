"""Publication of penalty decisions and its withdrawal (三项制度; APL 48; DOMAIN §1, §14).

A penalty decision is published within 7 working days of the decision (``disclosure_due``);
when it is revoked, changed or declared unlawful or void (a dispute's outcome, or a correction),
the publication is withdrawn within 3 working days of that event (APL 48②).

History before the program: a decision imported from a ledger without a 公示日期 is *unrecorded*
(``Publication.unrecorded``): the program cannot know whether the squad published it, so its
publication clock is shown but never flagged late and never on the due list; the import lists
each such row as a warning. Recording ``case publish`` later makes it an ordinary recorded
publication. Decisions recorded in the program (``case decide``) are always tracked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.calendar.work_calendar import CalendarResult, WorkCalendar
from chuansha_enforce.domain.enums import LabelledEnum

WITHDRAWAL_WORKING_DAYS = 3  # APL 48②: withdraw within 3 working days


class SetAsideSource(LabelledEnum):
    """What revoked, changed or declared the decision unlawful."""

    DISPUTE = "dispute", "复议诉讼结果"
    CORRECTION = "correction", "决定更正"


class UnpaidCloseReason(LabelledEnum):
    """The only reasons a case may close with money unpaid (DOMAIN §14)."""

    COURT_ACCEPTED = "court_accepted", "法院已受理强制执行申请"
    COURT_TERMINATED = "court_terminated", "法院裁定终结执行"
    PARTY_GONE = "party_gone", "当事人死亡或终止且无财产可供执行"
    OTHER = "other", "其他"


@dataclass(frozen=True, slots=True)
class SetAside:
    """The decision was revoked, changed or declared unlawful on ``on``."""

    on: dt.date
    source: SetAsideSource
    reference: str  # the dispute number or the correction's field
    reason: str


@dataclass(frozen=True, slots=True)
class Publication:
    """What is recorded about a decision's publication."""

    published_on: dt.date | None = None
    unrecorded: bool = False  # imported history without a 公示日期 (see the module text)
    withdrawn_on: dt.date | None = None
    withdrawal_reason: str | None = None
    set_asides: tuple[SetAside, ...] = ()

    @property
    def set_aside(self) -> SetAside | None:
        """The first event that requires the publication to be withdrawn."""
        return min(self.set_asides, key=lambda s: s.on, default=None)

    @property
    def tracked(self) -> bool:
        """Whether the 7-working-day clock may go late (not unrecorded history)."""
        return not self.unrecorded or self.published_on is not None


def withdrawal_due(set_aside_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    """Last day to withdraw the publication: 3 working days after the decision was set aside."""
    return calendar.add_working_days(set_aside_on, WITHDRAWAL_WORKING_DAYS)
