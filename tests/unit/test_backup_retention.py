"""The retention rule, by table: which backups survive a prune."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.safety.backup_retention import RetentionPolicy, backups_to_keep

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


NOW = at("2026-11-27T10:00:00")
NONE = RetentionPolicy(recent=0, daily=0, weekly=0, monthly=0)


@pytest.mark.parametrize(
    ("policy", "taken", "kept"),
    [
        # Nothing kept by any rule: everything may go.
        (NONE, {"a": "2026-11-27T01:00:00"}, set()),
        # The newest N whatever their age.
        (
            RetentionPolicy(recent=2, daily=0, weekly=0, monthly=0),
            {"a": "2026-11-01T00:00:00", "b": "2026-11-20T00:00:00", "c": "2026-11-26T00:00:00"},
            {"b", "c"},
        ),
        # Daily: the newest of each of the last 2 days that have backups.
        (
            RetentionPolicy(recent=0, daily=2, weekly=0, monthly=0),
            {
                "mon-early": "2026-11-23T01:00:00",
                "mon-late": "2026-11-23T09:00:00",
                "wed-early": "2026-11-25T01:00:00",
                "wed-late": "2026-11-25T09:00:00",
                "thu": "2026-11-26T03:00:00",
            },
            {"wed-late", "thu"},
        ),
        # Days are China days: 17:00 UTC on the 25th is 01:00 on the 26th in Shanghai.
        (
            RetentionPolicy(recent=0, daily=1, weekly=0, monthly=0),
            {"utc-25th-late": "2026-11-25T17:00:00", "utc-25th-early": "2026-11-25T08:00:00"},
            {"utc-25th-late"},
        ),
        (
            RetentionPolicy(recent=0, daily=2, weekly=0, monthly=0),
            {"utc-25th-late": "2026-11-25T17:00:00", "utc-25th-early": "2026-11-25T08:00:00"},
            {"utc-25th-late", "utc-25th-early"},
        ),
        # Weekly: ISO weeks (2026-11-16 and 2026-11-23 are Mondays).
        (
            RetentionPolicy(recent=0, daily=0, weekly=2, monthly=0),
            {
                "w46": "2026-11-10T02:00:00",
                "w47-mon": "2026-11-16T02:00:00",
                "w47-sun": "2026-11-22T02:00:00",
                "w48": "2026-11-24T02:00:00",
            },
            {"w47-sun", "w48"},
        ),
        # Monthly: the newest of each of the last 3 months with backups, gaps skipped.
        (
            RetentionPolicy(recent=0, daily=0, weekly=0, monthly=3),
            {
                "2026-01": "2026-01-31T02:00:00",
                "2026-05a": "2026-05-01T02:00:00",
                "2026-05b": "2026-05-20T02:00:00",
                "2026-09": "2026-09-09T02:00:00",
                "2026-11": "2026-11-02T02:00:00",
            },
            {"2026-05b", "2026-09", "2026-11"},
        ),
        # The rules add up; one backup can satisfy several.
        (
            RetentionPolicy(recent=1, daily=1, weekly=1, monthly=2),
            {
                "old-month": "2026-10-15T02:00:00",
                "this-week": "2026-11-24T02:00:00",
                "today-1": "2026-11-27T01:00:00",
                "today-2": "2026-11-27T02:00:00",
            },
            {"today-2", "old-month"},
        ),
        # A backup dated in the future (a wrong clock) is never deleted.
        (NONE, {"future": "2027-01-01T00:00:00", "past": "2026-01-01T00:00:00"}, {"future"}),
        # Same instant: the name breaks the tie, whatever order they come in.
        (
            RetentionPolicy(recent=1, daily=0, weekly=0, monthly=0),
            {"x-2": "2026-11-27T02:00:00", "x-1": "2026-11-27T02:00:00"},
            {"x-2"},
        ),
    ],
)
def test_backups_to_keep(policy: RetentionPolicy, taken: dict[str, str], kept: set[str]) -> None:
    pairs = [(name, at(text)) for name, text in taken.items()]
    assert backups_to_keep(pairs, NOW, policy) == kept
    assert backups_to_keep(reversed(pairs), NOW, policy) == kept


def test_the_default_policy_keeps_a_year_of_monthlies_from_daily_backups() -> None:
    start = at("2025-11-28T02:00:00")
    pairs = [(f"b{day:03d}", start + dt.timedelta(days=day)) for day in range(365)]
    kept = backups_to_keep(pairs, NOW)
    assert len(kept) <= 5 + 7 + 5 + 12
    assert "b364" in kept  # the newest
    assert len(kept) >= 12 + 7  # a month each and every recent day
