"""The 调休 table edited by an administrator (业务设置): each change audited, the work calendar
(and so every deadline) follows at once."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.calendar.holiday_overrides import HolidayOverride, check_override
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.calendar.calendar_overrides import CalendarOverrideRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

CHANGED: Changes = frozenset({Topic.SETTINGS, Topic.CASES, Topic.DISPUTES})
"""Working days move: every deadline counted in them may move."""


class HolidayService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._overrides = CalendarOverrideRepository(ctx.db)

    def overrides(self) -> list[HolidayOverride]:
        return self._overrides.entries()

    @held_to_length
    def set(self, override: HolidayOverride) -> Changes:
        """Record a day as a working or rest day (replacing what was recorded for it)."""
        require(self._acting, Permission.MANAGE_SETTINGS)
        checked = check_override(override)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            old = self._overrides.get(checked.day)
            self._overrides.put(checked)
            detail: dict[str, object] = {
                "working": checked.working,
                "note": checked.note,
                "old": _json(old),
            }
            self._audit(at, "calendar.set", checked.day, detail)
        return CHANGED

    def remove(self, day: dt.date) -> Changes:
        """Take a day out of the table: the built-in calendar decides it again."""
        require(self._acting, Permission.MANAGE_SETTINGS)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            old = self._overrides.get(day)
            if old is None:
                raise DomainError("calendar.override_unknown", "override_day", {"day": day})
            self._overrides.delete(day)
            self._audit(at, "calendar.remove", day, {"old": _json(old)})
        return CHANGED

    def _audit(self, at: str, action: str, day: dt.date, detail: dict[str, object]) -> None:
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, "calendar_override", day.isoformat(), "ok", detail)
        )


def _json(override: HolidayOverride | None) -> dict[str, object] | None:
    if override is None:
        return None
    return {"working": override.working, "note": override.note}
