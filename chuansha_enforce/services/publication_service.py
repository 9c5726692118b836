"""After the decision: publication (公示) and its withdrawal (APL 48), the events that set a
decision aside, and the clerk's due list (DOMAIN §14).

``decision_set_aside`` is how a correction that revokes or changes a decision (the correction
engineer's ``case correct``) tells the publication rules: the withdrawal is then due within 3
working days. Inside an already open write transaction call ``record_set_aside`` instead.
A dispute's outcome needs no call: the register is read directly (``AGAINST_THE_ACT``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import sqlite_utils

from chuansha_enforce.domain.after_decision.due_list import (
    DUE_DAYS_DEFAULT,
    DUE_DAYS_MAX,
    DueItem,
    DueList,
    due_items,
    horizon_end,
    sorted_items,
)
from chuansha_enforce.domain.after_decision.publication import SetAside, SetAsideSource
from chuansha_enforce.domain.after_decision.publication_rules import check_publish, check_withdrawal
from chuansha_enforce.domain.calendar.work_calendar import CalendarWarning
from chuansha_enforce.domain.cases.case_deadlines import publication_required
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_text
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_file_service import CaseFileService, StepResult
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.services.simple_decision_service import SimpleDecisionService
from chuansha_enforce.storage.after_decision.publication_repository import PublicationRepository
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository

DueSource = Callable[[dt.date, dt.date, set[CalendarWarning]], Iterable[DueItem]]
"""(as of, until, the calendar warnings met, to add to) -> the source's due items."""


def record_set_aside(db: sqlite_utils.Database, case_id: int, set_aside: SetAside, at: str) -> None:
    """Record, inside the caller's write transaction, that a decision was set aside."""
    PublicationRepository(db).add_set_aside(case_id, set_aside, at)


class PublicationService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        case_files: CaseFileService,
        calendar: CalendarService,
        simple: SimpleDecisionService,
    ) -> None:
        super().__init__(ctx)
        self._case_files = case_files
        self._calendar = calendar
        self._simple = simple
        self._repo = PublicationRepository(ctx.db)

    def publish(self, case_no: str, on: dt.date) -> StepResult:
        """``case publish``: the date the decision was published (三项制度: 7 working days)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            decided_on = case.decision.decided_on if case.decision else None
            check_publish(decided_on, publication_required(case), case.publication, on, today)
            self._repo.save_published(case.id, on, at)

        return self._case_files.run_step(
            case_no, "case.publish", {"published_on": on.isoformat()}, apply
        )

    @held_to_length
    def withdraw(self, case_no: str, on: dt.date, reason: str) -> StepResult:
        """``case withdraw-publication``: the publication taken down (APL 48②)."""
        text = clean_text(reason or "")

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            cleaned = check_withdrawal(case.publication, on, reason, today)
            self._repo.save_withdrawal(case.id, on, cleaned, at)

        detail = {"withdrawn_on": on.isoformat(), "reason": text}
        return self._case_files.run_step(case_no, "case.withdraw_publication", detail, apply)

    @held_to_length
    def decision_set_aside(
        self,
        case_no: str,
        on: dt.date,
        reference: str,
        reason: str,
        source: SetAsideSource = SetAsideSource.CORRECTION,
    ) -> StepResult:
        """The decision was revoked, changed or declared unlawful on ``on`` (by a correction):
        a published decision's withdrawal is due within 3 working days."""
        text = clean_text(reason or "")

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            if case.decision is None:
                params = {"case_no": case.case_no}
                raise DomainError("publication.set_aside_undecided", "set_aside_on", params)
            if not text:
                raise DomainError("value.required", "withdrawal_reason")
            if on > today:
                raise DomainError("date.future", "set_aside_on", {"date": on.isoformat()})
            if on < case.decision.decided_on:
                params = {"date": on.isoformat(), "earliest": case.decision.decided_on.isoformat(),
                          "what": "决定日期"}  # fmt: skip
                raise DomainError("date.too_early", "set_aside_on", params)
            record_set_aside(self._db, case.id, SetAside(on, source, reference, text), at)

        detail = {"on": on.isoformat(), "source": source.value, "reference": reference}
        return self._case_files.run_step(case_no, "case.decision_set_aside", detail, apply)

    # -- the due list -------------------------------------------------------------------
    def due_list(self, as_of: dt.date | None = None, days: int = DUE_DAYS_DEFAULT) -> DueList:
        """Everything due within ``days`` working days of ``as_of`` (today) or overdue."""
        if not 0 <= days <= DUE_DAYS_MAX:
            raise DomainError("due.days", "due_days", {"max": DUE_DAYS_MAX})
        day = as_of or today_in_china(self._clock)
        calendar = self._calendar.work_calendar()
        horizon = horizon_end(day, days, calendar)
        until = horizon.value
        items: list[DueItem] = []
        warnings: set[CalendarWarning] = set(horizon.warnings)
        for source in self._sources():
            items.extend(source(day, until, warnings))
        ordered = tuple(sorted(warnings, key=lambda w: w.year))
        return DueList(day, days, until, tuple(sorted_items(items)), ordered)

    def _sources(self) -> tuple[DueSource, ...]:
        """Where due items come from. Another register (simple decisions' hand-over and
        备案) adds its own source here; general cases' new clocks need only a ``DueKind``."""
        return (self._general_case_items, self._simple_items)

    def _general_case_items(
        self, as_of: dt.date, until: dt.date, warnings: set[CalendarWarning]
    ) -> Iterable[DueItem]:
        calendar = self._calendar.work_calendar()
        cases = CaseFileRepository(self._db)
        for case_id in self._repo.due_candidates():
            case = cases.load(case_id)
            clocks = self._case_files.clocks_on(case, as_of)
            warnings.update(w for w in clocks.warnings if w.year <= until.year)
            yield from due_items(
                case.case_no,
                case.party.name,
                clocks.clocks,
                as_of=as_of,
                until=until,
                calendar=calendar,
            )

    def _simple_items(
        self, as_of: dt.date, until: dt.date, warnings: set[CalendarWarning]
    ) -> Iterable[DueItem]:
        """A simple decision's payment, cash hand-over and 备案 (DOMAIN §14)."""
        calendar = self._calendar.work_calendar()
        for stored in self._simple.with_open_duties():
            clocks = self._simple.clocks(stored.decision, as_of)
            warnings.update(w for w in clocks.warnings if w.year <= until.year)
            yield from due_items(
                stored.decision.decision_no,
                stored.decision.party.name,
                clocks.clocks,
                as_of=as_of,
                until=until,
                calendar=calendar,
            )
