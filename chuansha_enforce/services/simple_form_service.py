"""Pre-numbered simple-procedure forms: issue a run to an officer, void a spoiled one.

A decision entered with a form number from the stock marks the form used; a voided or
already used form cannot be used again.
"""

from __future__ import annotations

import datetime as dt
import re

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.certificate_lookup import certificates_named
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.simple_procedure.simple_form_repository import (
    SimpleForm,
    SimpleFormRepository,
)

MAX_RUN = 1000
_LAST_DIGITS = re.compile(r"(\d+)(?!.*\d)")


def form_run(first: str, count: int) -> list[str]:
    """``count`` numbers starting at ``first``, counting up in its last run of digits."""
    match = _LAST_DIGITS.search(first)
    if match is None or not 1 <= count <= MAX_RUN:
        raise DomainError("forms.run", "form_no", {"max": MAX_RUN})
    start, width = int(match.group(1)), len(match.group(1))
    head, tail = first[: match.start(1)], first[match.end(1) :]
    return [f"{head}{start + i:0{width}d}{tail}" for i in range(count)]


class SimpleFormService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._forms = SimpleFormRepository(ctx.db)

    @held_to_length
    def issue(self, first: str, count: int, certificate_no: str) -> Changes:
        require(self._acting, Permission.RECORD_CASES)
        numbers = form_run(first.strip(), count)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            if not certificate_no.strip():
                raise DomainError("value.required", "officers")
            (certificate,) = certificates_named(self._db, [certificate_no])
            taken = self._forms.existing(numbers)
            if taken:
                raise DomainError("forms.taken", "form_no", {"numbers": "、".join(sorted(taken))})
            self._forms.add(numbers, certificate.id, today_in_china(self._clock), at)
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "forms.issue",
                    "simple_form",
                    numbers[0],
                    "ok",
                    {"count": count, "to": certificate_no},
                )
            )
        return frozenset({Topic.SIMPLE_DECISIONS})

    @held_to_length
    def void(self, form_no: str, reason: str, voided_on: dt.date | None = None) -> Changes:
        require(self._acting, Permission.RECORD_CASES)
        why = reason.strip()
        if not why:
            raise DomainError("value.required", "reason")
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            form = self._forms.get(form_no.strip())
            if form is None:
                raise DomainError("forms.unknown", "form_no", {"form_no": form_no})
            if form.state != "in_stock":
                raise DomainError("forms.not_in_stock", "form_no", {"form_no": form_no})
            self._forms.void(form.form_no, voided_on or today_in_china(self._clock), why)
            AuditLog(self._db).append(
                AuditEntry(
                    at, self._user, "forms.void", "simple_form", form.form_no, "ok", {"reason": why}
                )
            )
        return frozenset({Topic.SIMPLE_DECISIONS})

    def form(self, form_no: str) -> SimpleForm | None:
        return self._forms.get(form_no.strip())

    def counts(self) -> dict[str, int]:
        return self._forms.counts()
