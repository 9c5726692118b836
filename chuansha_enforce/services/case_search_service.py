"""Searching the general-case list: the search box above the list, paged like the list."""

from __future__ import annotations

import unicodedata

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import CasePage
from chuansha_enforce.services.case_service import MAX_PAGE, CaseService
from chuansha_enforce.storage.case_search_repository import CaseSearchRepository

MAX_QUERY = 50
"""Longest search text, in characters after normalising."""


def normalise_query(query: str) -> str:
    """NFKC (full-width letters, digits and brackets to half-width) and trimmed."""
    return unicodedata.normalize("NFKC", query).strip()


class CaseSearchService:
    def __init__(self, cases: CaseService, repository: CaseSearchRepository) -> None:
        self._cases = cases
        self._search = repository

    def search(
        self,
        query: str,
        *,
        after: tuple[str, int] | None = None,
        limit: int = 200,
        year: int | None = None,
    ) -> CasePage:
        """Cases matching ``query`` in the list's order and pages; a blank query is the list.

        What a query matches is described in ``storage.case_search_repository``. ``after``
        is the ``next_key`` of the previous page, as for ``CaseService.list_page``.
        """
        text = normalise_query(query)
        if len(text) > MAX_QUERY:
            raise DomainError("search.too_long", "query", {"max": MAX_QUERY})
        if not text:
            return self._cases.list_page(after=after, limit=limit, year=year)
        if not 1 <= limit <= MAX_PAGE:
            raise DomainError("list.limit", "limit", {"max": MAX_PAGE})
        if year is not None and not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        return self._search.search(text, after=after, limit=limit, year=year)
