"""The clock is injected: services ask a ``Clock``; tests hand them a ``FixedClock``."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

# China keeps one offset all year (no daylight saving), so a fixed zone is exact.
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware UTC."""
        ...


def today_in_china(clock: Clock) -> dt.date:
    """The calendar date at the squad's office for the clock's instant."""
    return clock.now().astimezone(CHINA_TZ).date()


def china_time(timestamp: str) -> str:
    """A stored UTC timestamp as the office reads it: ``2026-11-27 10:00`` (Beijing time)."""
    instant = dt.datetime.fromisoformat(timestamp)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")


def utc_timestamp(clock: Clock) -> str:
    """ISO-8601 UTC timestamp text for created/updated columns and the audit log."""
    return clock.now().astimezone(dt.UTC).isoformat(timespec="microseconds")


class FixedClock:
    """A clock that reads what it is told; ``advance`` moves it on."""

    def __init__(self, instant: dt.datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware instant")
        self._instant = instant

    def now(self) -> dt.datetime:
        return self._instant

    def advance(self, delta: dt.timedelta) -> None:
        self._instant += delta
