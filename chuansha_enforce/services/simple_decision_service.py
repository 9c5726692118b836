"""Simple-procedure decisions: the fast daily entry of on-the-spot penalties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_deadlines import CaseClocks
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.documents.numbering import next_decision_no
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import (
    Handover,
    SimpleClockRules,
    SimpleMoney,
    simple_clocks,
    with_handover,
    with_payment,
)
from chuansha_enforce.domain.simple_procedure.simple_rules import (
    SimpleLimits,
    check_simple_decision,
)
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_versions import claim_simple
from chuansha_enforce.services.certificate_lookup import certificates_named
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.documents.decision_numbers import decision_number_holder
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.simple_procedure.simple_decision_repository import (
    SimpleDecisionRepository,
    SimpleListRow,
    SimplePage,
    StoredSimple,
)
from chuansha_enforce.storage.simple_procedure.simple_form_repository import SimpleFormRepository

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


@dataclass(frozen=True, slots=True)
class SimpleView:
    """One simple decision with its clocks (payment, cash hand-over, 备案) on ``as_of``."""

    id: int
    decision: SimpleDecisionRecord
    officer_names: tuple[str, ...]
    as_of: dt.date
    clocks: CaseClocks
    version: int = 0
    """The decision's edit version, read with it (``--version N`` of its edits)."""


@dataclass(frozen=True, slots=True)
class SimpleListItem:
    row: SimpleListRow
    clocks: CaseClocks


@dataclass(frozen=True, slots=True)
class SimpleListing:
    items: tuple[SimpleListItem, ...]
    next_key: tuple[str, int] | None
    as_of: dt.date


class SimpleDecisionService(ContextService):
    """Simple decisions: the entry form and ``simple add`` record them the same way; then
    the payment (``pay``), the receipt, cash hand-over and 备案 (``handover``) follow."""

    def __init__(
        self, ctx: ServiceContext, settings: SettingsService, calendar: CalendarService
    ) -> None:
        super().__init__(ctx)
        self._settings = settings
        self._calendar = calendar
        self._forms = SimpleFormRepository(ctx.db)
        self._decisions = SimpleDecisionRepository(ctx.db)

    @held_to_length
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

    def list_page(
        self, *, after: tuple[str, int] | None = None, limit: int = 200, year: int | None = None
    ) -> SimplePage:
        if not 1 <= limit <= MAX_PAGE:
            raise DomainError("list.limit", "limit", {"max": MAX_PAGE})
        if year is not None and not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        return self._decisions.page(after=after, limit=limit, year=year)

    # -- after the decision --------------------------------------------------------------
    def clock_rules(self) -> SimpleClockRules:
        s = self._settings.current()
        return SimpleClockRules(s.simple_filing_working_days, s.due_soon_working_days)

    def clocks(self, decision: SimpleMoney, as_of: dt.date | None = None) -> CaseClocks:
        day = as_of or today_in_china(self._clock)
        pauses = self._decisions.dispute_pauses([decision.decision_no]).get(
            decision.decision_no, ()
        )
        calendar = self._calendar.work_calendar()
        return simple_clocks(decision, day, calendar, self.clock_rules(), pauses)

    def listing(
        self,
        *,
        after: tuple[str, int] | None = None,
        limit: int = 200,
        year: int | None = None,
        as_of: dt.date | None = None,
    ) -> SimpleListing:
        """A page of the list with each decision's clocks on ``as_of`` (default today)."""
        day = as_of or today_in_china(self._clock)
        page = self.list_page(after=after, limit=limit, year=year)
        calendar, rules = self._calendar.work_calendar(), self.clock_rules()
        pauses = self._decisions.dispute_pauses([row.decision_no for row in page.rows])
        items = tuple(
            SimpleListItem(
                row, simple_clocks(row, day, calendar, rules, pauses.get(row.decision_no, ()))
            )
            for row in page.rows
        )
        return SimpleListing(items, page.next_key, day)

    def with_open_duties(self) -> Iterator[StoredSimple]:
        """Decisions with something still to do: a fine to pay, cash to hand over or to
        bank, the 备案 (the due list reads their clocks). Decisions dated before the program
        was taken into use (``gates_from``) are history a ledger brought: not due."""
        since = self._settings.gates_from()
        for number in self._decisions.open_duty_numbers(since):
            stored = self._decisions.find(number)
            if stored is not None:
                yield stored

    def _stored(self, decision_no: str) -> StoredSimple:
        number = decision_no.strip()
        stored = self._decisions.find(number)
        if stored is None:
            raise DomainError("simple.unknown", "simple_decision", {"decision_no": number})
        return stored

    def view(self, decision_no: str, as_of: dt.date | None = None) -> SimpleView:
        stored = self._stored(decision_no)
        day = as_of or today_in_china(self._clock)
        clocks = self.clocks(stored.decision, day)
        return SimpleView(
            stored.id, stored.decision, stored.officer_names, day, clocks, stored.version
        )

    @held_to_length
    def pay(
        self,
        decision_no: str,
        paid_on: dt.date,
        receipt_no: str | None = None,
    ) -> SimpleResult:
        """The fine paid in full on ``paid_on``, with the 加处罚款 a late payment earned;
        refused when the decision changed since its editor read it
        (``case_versions.simple_edited_as_read``)."""
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            claim_simple(self._db, decision_no)
            stored = self._stored(decision_no)
            calendar = self._calendar.work_calendar()
            number = stored.decision.decision_no
            pauses = self._decisions.dispute_pauses([number]).get(number, ())
            paid = with_payment(
                stored.decision, paid_on, receipt_no, calendar, today, pauses=pauses
            )
            self._write_after(stored, paid, at, "simple.pay",
                              {"paid_on": paid_on.isoformat(), "fine_fen": paid.fine_fen,
                               "surcharge_fen": paid.surcharge_fen})  # fmt: skip
        return SimpleResult(stored.id, paid, frozenset({Topic.SIMPLE_DECISIONS}))

    @held_to_length
    def handover(self, decision_no: str, handover: Handover) -> SimpleResult:
        """The receipt, the cash's hand-over to the agency and the bank, and the 备案 date;
        refused when the decision changed since its editor read it."""
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            claim_simple(self._db, decision_no)
            stored = self._stored(decision_no)
            changed = with_handover(stored.decision, handover, today)
            detail: dict[str, object] = {
                "receipt_no": changed.receipt_no,
                "cash_to_agency_on": _iso(changed.cash_to_agency_on),
                "cash_to_bank_on": _iso(changed.cash_to_bank_on),
                "filed_with_agency_on": _iso(changed.filed_with_agency_on),
            }
            self._write_after(stored, changed, at, "simple.handover", detail)
        return SimpleResult(stored.id, changed, frozenset({Topic.SIMPLE_DECISIONS}))

    def _write_after(
        self,
        stored: StoredSimple,
        changed: SimpleDecisionRecord,
        at: str,
        action: str,
        detail: dict[str, object],
    ) -> None:
        self._decisions.record_after(stored.id, changed, at)
        entry = AuditEntry(
            at, self._user, action, "simple_decision", changed.decision_no, "ok", detail
        )
        AuditLog(self._db).append(entry)

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
        return self._decisions.search(typed, limit)

    def detail(self, row: SimpleListRow) -> SimpleDetail:
        location, notes, officers = self._decisions.detail(row.id)
        return SimpleDetail(row, location, notes, officers)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
