"""The discretion benchmarks in the window (DOMAIN §17): the range the notice and decision
forms suggest, the administrator's table (read by anyone, saved whole by an administrator,
audited) and the 裁量基准 sheet of a workbook read into the editor (the ledger's own reader
and row checks); and the circumstance recorded with a notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.benchmark_table import (
    BenchmarkHint,
    benchmark_hint,
    check_table,
)
from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.benchmark_rows import benchmarks_of
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import IssueList, LedgerIssue, SheetKind
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.cases.benchmark_table import (
    replace_table,
)
from chuansha_enforce.storage.cases.discretion_repository import DiscretionRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

SAVED: Changes = frozenset({Topic.SETTINGS})


@dataclass(frozen=True, slots=True)
class SheetRows:
    """The 裁量基准 sheet as read: its rows when every one is valid, else its problems."""

    rows: tuple[Benchmark, ...]
    issues: tuple[LedgerIssue, ...]
    total_issues: int


class DiscretionService(ContextService):
    def __init__(self, ctx: ServiceContext, *, case_files: CaseFileService) -> None:
        super().__init__(ctx)
        self._case_files = case_files
        self._repo = DiscretionRepository(ctx.db)

    # -- the forms' suggestion -------------------------------------------------------------
    def hint(self, case_no: str, circumstance: str | None, on: dt.date) -> BenchmarkHint | None:
        """The benchmark's range for the case's violation and ``circumstance`` on ``on``, and
        the statutory range (None when the case names no violation)."""
        case = self._case_files.find(case_no)
        return benchmark_hint(self._repo.benchmarks(), case.violation, circumstance, on)

    # -- the administrator's table ---------------------------------------------------------
    def table(self) -> tuple[Benchmark, ...]:
        """The imported or edited rows (the shipped defaults apply where it has none)."""
        return self._repo.benchmarks()

    @held_to_length
    def save_table(self, rows: Sequence[Benchmark]) -> Changes:
        """The whole table replaced by ``rows``, all or nothing: a row's problem names the
        row and the field and nothing is written."""
        require(self._acting, Permission.MANAGE_SETTINGS)
        check_table(rows)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            before = replace_table(self._db, rows, at)
            detail = {"rows": len(rows), "rows_before": before}
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "benchmarks.save",
                    "discretion_benchmarks",
                    "table",
                    "ok",
                    detail,
                )
            )
        return SAVED

    def read_sheet(self, path: Path) -> SheetRows:
        """The 裁量基准 sheet of a workbook (or a CSV of its columns) for the editor: nothing is
        written; every row must be valid (as the ledger import reads it)."""
        sheets, issues = read_ledger(path)
        errors = IssueList()
        errors.extend(issues)
        warnings = IssueList()
        found = [s for s in sheets if s.kind is SheetKind.BENCHMARKS]
        if not found and not errors:
            raise DomainError("benchmark.no_sheet", "benchmark_file")
        rows = [r for s in found for r in benchmarks_of(s, errors, warnings) if r is not None]
        if errors:
            return SheetRows((), tuple(errors), errors.total)
        return SheetRows(tuple(rows), (), 0)

    # -- the notice's circumstance ---------------------------------------------------------
    def notice_circumstance(self, case_no: str) -> str | None:
        """The circumstance (情节) recorded with the notice, if any."""
        choice = self._repo.notice_choice(self._case_files.find(case_no).id)
        return None if choice is None else choice.circumstance
