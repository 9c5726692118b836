"""Document numbering: next number per kind and year, never reused; voids kept with reasons."""

from __future__ import annotations

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.documents.numbering import (
    DEFAULT_TEMPLATES,
    NumberKind,
    check_template,
    render_number,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.documents.numbering_repository import (
    IssuedNumber,
    NumberingRepository,
)
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog


class NumberingService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._numbers = NumberingRepository(ctx.db)

    def template(self, kind: NumberKind) -> str:
        return self._numbers.template(kind.value) or DEFAULT_TEMPLATES[kind]

    @held_to_length
    def set_template(self, kind: NumberKind, template: str) -> Changes:
        require(self._acting, Permission.MANAGE_SETTINGS)
        clean = check_template(template)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            self._numbers.set_template(kind.value, clean, at)
            AuditLog(self._db).append(AuditEntry(at, self._user, "numbering.template",
                                                 "number_template", kind.value, "ok",
                                                 {"template": clean}))  # fmt: skip
        return frozenset({Topic.SETTINGS})

    def _next(self, kind: NumberKind, year: int) -> tuple[int, str]:
        template = self.template(kind)
        seq = self._numbers.last_seq(kind.value, year)
        while True:
            seq += 1
            number = render_number(template, year, seq)
            if not self._numbers.number_in_use(number):
                return seq, number

    def preview(self, kind: NumberKind, year: int) -> str:
        """The number ``issue`` would give now (nothing is reserved)."""
        return self._next(kind, year)[1]

    def issue_within(self, kind: NumberKind, year: int, reference: str | None) -> str:
        """Issue the next number inside the caller's write transaction."""
        if not self._db.conn.in_transaction:
            raise RuntimeError("issue_within needs the caller's write transaction")
        self._numbers.take_turn(kind.value, year)
        seq, number = self._next(kind, year)
        self._numbers.record(
            kind=kind.value,
            year=year,
            seq=seq,
            number=number,
            reference=reference,
            at=utc_timestamp(self._clock),
        )
        return number

    @held_to_length
    def void(self, number: str, reason: str) -> Changes:
        """A spoiled number stays on record with its reason; it is never issued again."""
        require(self._acting, Permission.RECORD_CASES)
        why = reason.strip()
        if not why:
            raise DomainError("value.required", "reason")
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            if not self._numbers.void(number.strip(), why):
                raise DomainError("numbering.not_issued", "number", {"number": number})
            entry = AuditEntry(
                at, self._user, "numbering.void", "number", number.strip(), "ok", {"reason": why}
            )
            AuditLog(self._db).append(entry)
        return frozenset({Topic.SETTINGS})

    def issued(self, kind: NumberKind, year: int) -> list[IssuedNumber]:
        return self._numbers.issued(kind.value, year)
