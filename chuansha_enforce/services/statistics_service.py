"""Annual figures, computed in one place for ``stats`` and the annual PDF."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.calendar.deadlines import DECISION_CALENDAR_DAYS, DutyFacts
from chuansha_enforce.domain.cases.case_deadlines import ClockState, deadline_flag
from chuansha_enforce.domain.disputes.disputes import litigation_figures, reconsideration_figures
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.reports.statistics import AnnualFigures
from chuansha_enforce.domain.reports.statistics_breakdown import (
    AnnualBreakdown,
    by_category,
    rank_violations,
)
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.context import UNCHECKED, SessionBook, SessionReads
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository
from chuansha_enforce.storage.file_review.file_review_repository import FileReviewRepository
from chuansha_enforce.storage.reports.statistics_repository import StatisticsRepository


class StatisticsService(SessionReads):
    def __init__(
        self,
        repository: StatisticsRepository,
        calendar: CalendarService,
        file_reviews: FileReviewRepository,
        disputes: DisputeRepository,
        *,
        book: SessionBook = UNCHECKED,
    ) -> None:
        super().__init__(book)
        self._stats = repository
        self._calendar = calendar
        self._file_reviews = file_reviews
        self._disputes = disputes

    def annual(self, year: int) -> AnnualFigures:
        if not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        review_cases, review_rounds = self._stats.legal_reviews(year)
        sampled, grades = self._file_reviews.annual_counts(year)
        decided = self._stats.decisions(year)
        general = self._stats.general(year, self._overdue_open(year), decided)
        disputes = self._disputes.for_year(year)
        return AnnualFigures(
            year=year,
            legal_review_cases=review_cases,
            legal_review_rounds=review_rounds,
            file_reviews_sampled=sampled,
            file_review_grades=grades,
            general=general,
            simple=self._stats.simple(year),
            payments=self._stats.payments(year),
            officers=self._stats.officers(year),
            by_kind=decided.by_kind,
            reconsideration=reconsideration_figures(disputes, year),
            litigation=litigation_figures(disputes, year),
            deviations=self._stats.deviations(year, decided.mitigated),
        )

    def breakdown(self, year: int) -> AnnualBreakdown:
        """The annual report's extra figures: months, top violation categories, 减轻处罚."""
        if not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        decisions = self._stats.decisions_breakdown(year)
        top, other = rank_violations(
            by_category(self._stats.filed_by_violation(year)),
            by_category(decisions.money_by_violation),
        )
        return AnnualBreakdown(
            year=year,
            months=self._stats.months(year, decisions.by_month),
            top_violations=top,
            other_violations=other,
            reduced_penalty=decisions.reduced_penalty,
        )

    def _overdue_open(self, year: int) -> int:
        """Cases still undecided at 31 December whose decision deadline, extended by the
        extensions approved by then, had passed on that day (``deadline_flag``'s rule)."""
        year_end = dt.date(year, 12, 31)
        calendar = self._calendar.work_calendar()
        candidates = self._stats.undecided_filings(
            year_end - dt.timedelta(days=DECISION_CALENDAR_DAYS), year_end
        )
        return sum(
            1
            for filed, extension_days in candidates
            if deadline_flag(DutyFacts(filed, extension_days), year_end, calendar)
            is ClockState.OVERDUE
        )
