"""The forced-demolition columns of a general-case row (DOMAIN §13): the district's 责成, the
催告 and the statements after it, the 强制拆除决定, the 公告, the carrying out with its time and
witnesses, and the party's own removal. Their headers (after 拆除期限) and cell parsers; the
rules over them are ``forced_rows``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from chuansha_enforce.domain.demolition.forced_demolition_steps import ForcedDemolition
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.values import cell_text, parse_date, parse_names

FORCED_HEADERS: Final = {
    "authority_document": "责成文件",
    "authority_on": "责成日期",
    "reminder_on": "拆除催告日期",
    "reminder_until": "拆除催告期限",
    "reminder_statement": "催告后陈述申辩",
    "reminder_statement_on": "催告后陈述申辩日期",
    "forced_decided_on": "强制拆除决定日期",
    "announced_on": "强制拆除公告日期",
    "announcement_until": "公告期限",
    "carried_out_on": "强制拆除日期",
    "carried_out_at": "强制拆除时间",
    "witnesses": "见证人",
    "removed_on": "自行拆除日期",
}
"""Field → header, in the sheet's order (LEDGER_FORMAT style: a date column per step)."""

_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})(?::\d{2})?$")


def parse_time(value: object) -> dt.time:
    """``09:00`` (or ``9：00``, ``09:00:00``), a time cell, or Excel's fraction of a day."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        if 0 <= minutes < 24 * 60:
            return dt.time(minutes // 60, minutes % 60)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    text = cell_text(value)
    match = _TIME.match(text)
    if match is not None:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise DomainError("ledger.time", None, {"value": text})


def _names(value: object) -> tuple[str, ...] | None:
    return tuple(parse_names(value)) or None


FORCED_PARSERS: Final[dict[str, Callable[[object], object]]] = {
    "authority_on": parse_date,
    "reminder_on": parse_date,
    "reminder_until": parse_date,
    "reminder_statement_on": parse_date,
    "forced_decided_on": parse_date,
    "announced_on": parse_date,
    "announcement_until": parse_date,
    "carried_out_on": parse_date,
    "carried_out_at": parse_time,
    "witnesses": _names,
    "removed_on": parse_date,
}
"""The parsers of the forced columns (``reminder_statement`` is a choice: ``row_cells``)."""


def forced_row_cells(f: ForcedDemolition | None) -> list[object]:
    """The forced columns of an exported row, in ``FORCED_HEADERS`` order."""
    if f is None:
        return [None] * len(FORCED_HEADERS)
    reminder, statement, authority = f.reminder, f.statement, f.authority
    announcement, carried = f.announcement, f.carried_out
    return [
        authority.document if authority else None,
        authority.on if authority else None,
        reminder.served_on if reminder else None,
        reminder.until if reminder else None,
        statement.kind.label if statement else None,
        statement.on if statement else None,
        f.decided_on,
        announcement.on if announcement else None,
        announcement.until if announcement else None,
        carried.on if carried else None,
        carried.at.strftime("%H:%M") if carried else None,
        "、".join(carried.witnesses) if carried else None,
        f.removed_on,
    ]
