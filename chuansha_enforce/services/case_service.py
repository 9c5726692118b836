"""Reading cases for lists (the general-case list pages through keyset queries)."""

from __future__ import annotations

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import CaseListRow, CasePage
from chuansha_enforce.services.context import UNCHECKED, SessionBook, SessionReads
from chuansha_enforce.storage.cases.case_repository import CaseRepository

MAX_PAGE = 1000


class CaseService(SessionReads):
    def __init__(self, repository: CaseRepository, *, book: SessionBook = UNCHECKED) -> None:
        super().__init__(book)
        self._cases = repository

    def list_page(
        self, *, after: tuple[str, int] | None = None, limit: int = 200, year: int | None = None
    ) -> CasePage:
        if not 1 <= limit <= MAX_PAGE:
            raise DomainError("list.limit", "limit", {"max": MAX_PAGE})
        if year is not None and not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        return self._cases.page(after=after, limit=limit, year=year)

    def row(self, case_no: str) -> CaseListRow | None:
        """The case's list row as it is now (None when deleted or unknown)."""
        return self._cases.row(case_no)

    def count(self, *, year: int | None = None) -> int:
        return self._cases.count(year=year)

    def filing_years(self) -> list[int]:
        """Years from the earliest to the latest filing (newest first), for filters."""
        span = self._cases.filing_span()
        if span is None:
            return []
        first, last = span
        return list(range(last.year, first.year - 1, -1))
