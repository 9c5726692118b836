"""A carrying out on a rest day that is no statutory holiday (行政强制法 43, DOMAIN §13): not
refused, but the window asks the clerk to confirm it before anything is written (the CLI
records it and warns, ``check_carry_out``)."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.errors import DomainError


def needs_rest_day_confirmation(on: dt.date, calendar: WorkCalendar) -> bool:
    """A rest day by the work calendar (a weekend, not a 调休 working day) that is no
    statutory holiday: the holiday itself is refused by ``check_carry_out``."""
    return not calendar.is_working_day(on) and not calendar.is_statutory_holiday(on)


def check_rest_day_confirmed(on: dt.date, confirmed: bool, calendar: WorkCalendar) -> None:
    """Refused (nothing written) until the clerk confirms a rest day."""
    if needs_rest_day_confirmation(on, calendar) and not confirmed:
        raise DomainError("forced.rest_day_unconfirmed", "rest_day_confirmed",
                          {"date": on.isoformat()})  # fmt: skip
