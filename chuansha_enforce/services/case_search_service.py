"""Searching the general-case list: the search box above the list, paged like the list."""

from __future__ import annotations

import unicodedata

from chuansha_enforce.domain.cases.case_lookup import fits_case_number
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import CasePage
from chuansha_enforce.services.case_service import MAX_PAGE, CaseService
from chuansha_enforce.services.context import UNCHECKED, SessionBook, SessionReads
from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository

MAX_QUERY = 50
"""Longest search text, in characters after normalising."""
MAX_CANDIDATES = 10
"""Candidates listed when a short case number matches more than one case."""


def normalise_query(query: str) -> str:
    """NFKC (full-width letters, digits and brackets to half-width) and trimmed."""
    return unicodedata.normalize("NFKC", query).strip()


class CaseSearchService(SessionReads):
    def __init__(
        self,
        cases: CaseService,
        repository: CaseSearchRepository,
        *,
        book: SessionBook = UNCHECKED,
    ) -> None:
        super().__init__(book)
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

    def candidates(self, typed: str, limit: int = MAX_CANDIDATES) -> tuple[list[str], bool]:
        """The case numbers a typed short form may mean (full number first), and whether
        there are more than ``limit``.

        A full case number is itself; a short form ("000002", "2026-2", "〔2026〕2号", a
        decision number) is searched like the search box does. Only text with a digit is a
        short form: a name alone ("张三") is never taken for a case number.
        """
        text = normalise_query(typed)
        if not text:
            return [], False
        if self._cases.row(text) is not None:
            return [text], False
        if not any(ch.isdigit() for ch in text) or len(text) > MAX_QUERY:
            return [], False
        page = self._search.search(text, after=None, limit=limit, year=None)
        found = [row.case_no for row in page.rows]
        own = [number for number in found if fits_case_number(text, number)]
        if len(own) == 1 and page.next_key is None:
            return own, False  # its case number beats others' decision numbers
        return found, page.next_key is not None

    def resolve(self, typed: str) -> str:
        """The one case a typed case number means: the full number, or the only case a short
        form matches; several matches are refused listing them (``lookup.ambiguous``); no
        match gives the text back as typed, for the caller's own "no such case"."""
        found, more = self.candidates(typed)
        if len(found) == 1 and not more:
            return found[0]
        if not found:
            return normalise_query(typed)
        count = f"{len(found)}+" if more else str(len(found))
        numbers = "\n".join(f"  {number}" for number in found)
        query = normalise_query(typed)
        raise DomainError(
            "lookup.ambiguous", "case_no", {"query": query, "count": count, "numbers": numbers}
        )
