"""Simple-procedure decisions: the fast daily entry of on-the-spot penalties."""

from __future__ import annotations

from dataclasses import dataclass

from chuansha_enforce.domain.accounts import Permission, require
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.numbering import next_decision_no
from chuansha_enforce.domain.records import SimpleDecisionRecord
from chuansha_enforce.domain.simple_rules import SimpleLimits, check_simple_decision
from chuansha_enforce.services.certificate_lookup import certificates_named
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.decision_numbers import decision_number_holder
from chuansha_enforce.storage.simple_decision_repository import (
    SimpleDecisionRepository,
    SimpleListRow,
    SimplePage,
)
from chuansha_enforce.storage.simple_form_repository import SimpleFormRepository

__all__ = ["RecentEntry", "SimpleDecisionService", "SimpleDetail", "SimpleListRow", "SimpleResult"]

MAX_PAGE = 1000
MAX_NUMBER_STEPS = 1000
"""Numbers stepped over (already used or voided) when offering the next decision number."""


@dataclass(frozen=True, slots=True)
class RecentEntry:
    """What the entry form starts with after a restart: the number after the decision entered
    last (past numbers already used or voided) and that decision's officers."""

    next_number: str | None
    officers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SimpleDetail:
    row: SimpleListRow
    location: str | None
    notes: str | None
    officers: tuple[str, ...]  # 姓名（证号）


@dataclass(frozen=True, slots=True)
class SimpleResult:
    id: int
    decision: SimpleDecisionRecord
    changed: Changes


class SimpleDecisionService(ContextService):
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        super().__init__(ctx)
        self._settings = settings
        self._forms = SimpleFormRepository(ctx.db)
        self._decisions = SimpleDecisionRepository(ctx.db)

    def record(self, decision: SimpleDecisionRecord) -> SimpleResult:
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            officers = certificates_named(self._db, decision.officer_certificates)
            clean = check_simple_decision(
                decision,
                number_holder=decision_number_holder(self._db, decision.decision_no.strip()),
                officers=officers,
                limits=SimpleLimits(
                    individual_business_as_citizen=(
                        self._settings.current().individual_business_as_citizen
                    )
                ),
                today=today,
            )
            form = self._forms.get(clean.decision_no)
            if form is not None and form.state != "in_stock":
                raise DomainError(
                    "forms.not_in_stock", "decision_no", {"form_no": clean.decision_no}
                )
            decision_id = self._decisions.insert(clean, officers, at)
            if form is not None:
                self._forms.mark_used(clean.decision_no, decision_id)
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "simple.record",
                    "simple_decision",
                    clean.decision_no,
                    "ok",
                    {"fine_fen": clean.fine_fen, "kind": clean.penalty_kind.value},
                )
            )
        return SimpleResult(decision_id, clean, frozenset({Topic.SIMPLE_DECISIONS}))

    def list_page(self, *, after: tuple[str, int] | None = None, limit: int = 200) -> SimplePage:
        if not 1 <= limit <= MAX_PAGE:
            raise DomainError("list.limit", "limit", {"max": MAX_PAGE})
        return self._decisions.page(after=after, limit=limit)

    def recent_entry(self) -> RecentEntry:
        last = self._decisions.last_recorded()
        if last is None:
            return RecentEntry(None, ())
        number: str | None = last[0]
        for _ in range(MAX_NUMBER_STEPS):
            number = next_decision_no(number) if number is not None else None
            if number is None:
                break
            form = self._forms.get(number)
            taken = decision_number_holder(self._db, number) is not None
            if not taken and (form is None or form.state == "in_stock"):
                break
        return RecentEntry(number, last[1])

    def find(self, text: str, limit: int = 200) -> tuple[SimpleListRow, ...]:
        """Decisions whose number, party, cause or place contains ``text`` (all when blank)."""
        if not 1 <= limit <= MAX_PAGE:
            raise DomainError("list.limit", "limit", {"max": MAX_PAGE})
        typed = text.strip()
        if not typed:
            return self._decisions.page(after=None, limit=limit).rows
        return self._decisions.find(typed, limit)

    def detail(self, row: SimpleListRow) -> SimpleDetail:
        location, notes, officers = self._decisions.detail(row.id)
        return SimpleDetail(row, location, notes, officers)
