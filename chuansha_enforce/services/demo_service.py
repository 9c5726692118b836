"""Filling a database with a believable town's synthetic cases (one transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.demo.disputes import iter_disputes
from chuansha_enforce.demo.generator import (
    DemoPlan,
    generate_officers,
    iter_general_cases,
    iter_simple_decisions,
)
from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService
from chuansha_enforce.storage.after_decision.publication_repository import PublicationRepository
from chuansha_enforce.storage.bulk_writer import BulkWriter
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.cases.case_repository import CaseRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

# DemoPlan is re-exported: the CLI says what to generate without importing demo/ itself.
__all__ = ["BULK_TABLES", "MAX_DEMO_CASES", "DemoPlan", "DemoResult", "DemoService"]

MAX_DEMO_CASES = 5_000_000
BULK_TABLES = (
    "parties",
    "general_cases",
    "general_case_officers",
    "general_case_penalties",
    "payments",
    "simple_decisions",
    "simple_decision_officers",
    "simple_surcharges",
)


@dataclass(frozen=True, slots=True)
class DemoResult:
    officers: int
    general_cases: int
    simple_decisions: int
    skipped: bool
    changed: Changes


class DemoService(ContextService):
    def _add_disputes(self, plan: DemoPlan, at: str) -> int:
        """Reconsiderations and lawsuits for each year, some about the year's decisions."""
        disputes = DisputeRepository(self._db)
        years = range(plan.first_year, plan.last_year + 1)
        decided = {year: disputes.decided_acts(year) for year in years}
        count = 0
        for record in iter_disputes(plan, decided):
            disputes.insert(record, at=at, user=self._user)
            count += 1
        # A decision a dispute set aside has its publication withdrawn (APL 48②).
        PublicationRepository(self._db).withdraw_set_aside(dt.date(plan.last_year, 12, 31), at)
        return count

    def _used(self) -> bool:
        return bool(CaseFileRepository(self._db).certificates()) or (
            CaseRepository(self._db).count() > 0
        )

    def fill(self, plan: DemoPlan, *, only_if_empty: bool = False) -> DemoResult:
        """Write the plan's officers, general cases and simple decisions, all or nothing."""
        # "Empty" means no officers (every case, in the trash or not, names two of them).
        # --if-empty (make run's first start) leaves a used file alone, and finds that out by
        # reading first, so it also works where this session may not write (accounts).
        if only_if_empty and self._used():
            return DemoResult(0, 0, 0, skipped=True, changed=frozenset())
        require(self._acting, Permission.RECORD_CASES)
        if plan.general_cases is not None and not 1 <= plan.general_cases <= MAX_DEMO_CASES:
            raise DomainError("demo.cases", "cases", {"max": MAX_DEMO_CASES})
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            writer = BulkWriter(self._db, at)
            if self._used():
                if only_if_empty:
                    return DemoResult(0, 0, 0, skipped=True, changed=frozenset())
                raise DomainError("demo.not_empty", "db")
            officers = generate_officers(plan)
            n_officers = writer.add_officers(officers)
            ids = writer.certificate_ids()
            with writer.indexes_rebuilt_after(BULK_TABLES):
                n_general = writer.add_general_cases(iter_general_cases(plan, officers), ids)
                writer.add_demo_evidence()
                n_simple = writer.add_simple_decisions(iter_simple_decisions(plan, officers), ids)
            n_disputes = self._add_disputes(plan, at)
            AuditLog(self._db).append(
                AuditEntry(
                    at=at,
                    user=self._user,
                    action="demo.fill",
                    object_type="database",
                    object_id=None,
                    outcome="ok",
                    detail={
                        "seed": plan.seed,
                        "officers": n_officers,
                        "general_cases": n_general,
                        "simple_decisions": n_simple,
                        "disputes": n_disputes,
                    },
                )
            )
        return DemoResult(
            n_officers,
            n_general,
            n_simple,
            skipped=False,
            changed=frozenset(
                {
                    Topic.OFFICERS,
                    Topic.CASES,
                    Topic.SIMPLE_DECISIONS,
                    Topic.PAYMENTS,
                    Topic.DISPUTES,
                }
            ),
        )
