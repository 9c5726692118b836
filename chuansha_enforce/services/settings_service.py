"""Reading and changing the business settings (audited; one transaction per change)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import CHINA_TZ, today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.settings import Settings, coerce, settings_from
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.settings_repository import SettingsRepository


class SettingsService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._settings = SettingsRepository(ctx.db)

    def current(self) -> Settings:
        stored = {k: v for k, v in self._settings.all().items() if not k.startswith("_")}
        known = {f.name for f in dataclasses.fields(Settings)}
        return settings_from({k: v for k, v in stored.items() if k in known})

    def gates_from(self) -> dt.date:
        """The setting ``gates_from`` (DOMAIN §12): ledger rows decided from this day on must
        carry their gate columns. Unset, the day the database was created: the day of its
        first recorded change (Beijing time), or today for a database not yet written to."""
        stored = self.current().gates_from
        if stored:
            return dt.date.fromisoformat(stored)
        first = self._settings.first_change_at()
        if first is None:
            return today_in_china(self._clock)
        instant = dt.datetime.fromisoformat(first)
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=dt.UTC)
        return instant.astimezone(CHINA_TZ).date()

    def set(self, name: str, value: object) -> Changes:
        """Change one setting; the value is checked against the setting's type and range."""
        return self.set_many({name: value})

    @held_to_length
    def set_many(self, values: Mapping[str, object]) -> Changes:
        """Change several settings at once: every value is checked first, then all are written
        in one transaction (each with its audit record), or none is."""
        require(self._acting, Permission.MANAGE_SETTINGS)
        defaults = Settings()
        known = {f.name for f in dataclasses.fields(Settings)}
        clean: dict[str, object] = {}
        for name, value in values.items():
            if name not in known:
                raise DomainError("settings.unknown", "setting", {"name": name})
            clean[name] = coerce(name, value, type(getattr(defaults, name)))
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            current = self.current()
            for name, value in clean.items():
                self._settings.put(name, value, at)
                AuditLog(self._db).append(
                    AuditEntry(
                        at,
                        self._user,
                        "settings.set",
                        "setting",
                        name,
                        "ok",
                        {"old": getattr(current, name), "new": value},
                    )
                )
        return frozenset({Topic.SETTINGS})
