"""Which backups to keep: the newest few, then one a day, one a week and one a month.

Pure: the caller lists the backups with the instants they were taken and deletes the rest.
Days, weeks and months are the squad's (China time), so a backup taken at 07:30 local time
belongs to that local day even though it is the previous day in UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from chuansha_enforce.domain.clock import CHINA_TZ


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    recent: int = 5
    """The newest backups kept whatever their age (several on one busy day)."""
    daily: int = 7
    weekly: int = 5
    monthly: int = 12


DEFAULT_POLICY = RetentionPolicy()


def _day(instant: dt.datetime) -> Hashable:
    return instant.astimezone(CHINA_TZ).date()


def _week(instant: dt.datetime) -> Hashable:
    year, week, _ = instant.astimezone(CHINA_TZ).isocalendar()
    return (year, week)


def _month(instant: dt.datetime) -> Hashable:
    local = instant.astimezone(CHINA_TZ)
    return (local.year, local.month)


def backups_to_keep(
    taken: Iterable[tuple[str, dt.datetime]],
    now: dt.datetime,
    policy: RetentionPolicy = DEFAULT_POLICY,
) -> frozenset[str]:
    """The names to keep out of ``(name, taken_at)`` pairs; every other backup may go.

    The newest backup of each of the last ``daily`` days that have one is kept, likewise
    for ISO weeks and calendar months, plus the ``recent`` newest. A backup dated after
    ``now`` (the clock was wrong, or moved back) is always kept: we never delete what we
    cannot place. Ties in time are broken by name, so the result does not depend on order.
    """
    items = sorted(taken, key=lambda item: (item[1], item[0]), reverse=True)
    keep = {name for name, at in items if at > now}
    keep.update(name for name, _ in items[: max(policy.recent, 0)])
    buckets: tuple[tuple[Callable[[dt.datetime], Hashable], int], ...] = (
        (_day, policy.daily),
        (_week, policy.weekly),
        (_month, policy.monthly),
    )
    for bucket_of, count in buckets:
        seen: set[Hashable] = set()
        for name, at in items:
            if len(seen) >= count:
                break
            bucket = bucket_of(at)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(name)
    return frozenset(keep)
