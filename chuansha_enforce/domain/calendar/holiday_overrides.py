"""The squad's own 调休 table: days that are working or rest days against the built-in calendar
(a year the State Council published after the program was built, or a local change)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_line

NOTE_LIMIT = 40


@dataclass(frozen=True, slots=True)
class HolidayOverride:
    day: dt.date
    working: bool
    """True: a working day (调休上班); False: a rest day (节假日)."""
    note: str | None = None  # 元旦, 春节调休 …


def check_override(override: HolidayOverride) -> HolidayOverride:
    """The note on one line and within its limit; None when empty."""
    note = clean_line(override.note or "")
    if len(note) > NOTE_LIMIT:
        raise DomainError("value.too_long", "override_note", {"max": NOTE_LIMIT})
    return HolidayOverride(override.day, override.working, note or None)


def day_label(working: bool) -> str:
    return "上班" if working else "休息"
