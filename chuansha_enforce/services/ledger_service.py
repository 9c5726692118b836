"""Ledger import (all or nothing, every problem located) and export (the same format back)."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_gates import gate_rules_from
from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.cases.major_case import MajorThresholds
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.disputes.disputes import DisputeKind, DisputeRecord
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import GeneralCaseRecord, OfficerRecord, SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_rules import SimpleLimits
from chuansha_enforce.ledger import lazy_writer
from chuansha_enforce.ledger.benchmark_rows import benchmarks_of
from chuansha_enforce.ledger.dispute_rows import dispute_rows, disputes_of
from chuansha_enforce.ledger.export_rows import (
    general_case_rows,
    officer_rows,
    simple_decision_rows,
)
from chuansha_enforce.ledger.import_context import ImportContext
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.row_mapping import (
    general_cases_of,
    officers_of,
    simple_decisions_of,
)
from chuansha_enforce.ledger.sheets import (
    IssueList,
    LedgerIssue,
    RawSheet,
    SheetKind,
    header_names,
)
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.changes import NOTHING, Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.output_files import (
    check_output_place,
    refuse_database_files,
    write_output,
)
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.bulk_writer import BulkWriter, LoadCancelled
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.cases.discretion_repository import DiscretionRepository
from chuansha_enforce.storage.connection import database_path, write_transaction
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository
from chuansha_enforce.storage.errors import StorageError
from chuansha_enforce.storage.reports.ledger_export_repository import LedgerExportRepository
from chuansha_enforce.storage.reports.ledger_lookup import LedgerLookup
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?
R = TypeVar("R")
WRITTEN_IN_BULK = frozenset({SheetKind.GENERAL_CASES, SheetKind.SIMPLE_DECISIONS})
"""Sheets whose records the bulk writer writes in chunks, each chunk a step of the bar."""


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a ledger is read, checked and written.

    An import holds millions of young objects (cells, rows, records) that form no cycles;
    the collector would walk them all again and again (about a third of a 100,000-row
    import). Reference counting still frees everything; cycles wait until the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _kept(rows: Iterator[R | None], into: list[R]) -> Iterator[None]:
    """Each row's record (when it has one) appended to ``into``; one step per row."""
    append = into.append
    for record in rows:
        if record is not None:
            append(record)
        yield None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """``errors`` and ``warnings`` are the first ``MAX_ISSUES_SHOWN`` of each; the counts
    are of all of them."""

    officers: int
    general_cases: int
    simple_decisions: int
    errors: tuple[LedgerIssue, ...]
    warnings: tuple[LedgerIssue, ...]
    written: bool
    cancelled: bool
    changed: Changes
    disputes: int = 0
    benchmarks: int = 0
    error_count: int = 0
    warning_count: int = 0

    def __post_init__(self) -> None:
        # never fewer than listed (a report made without the counts)
        object.__setattr__(self, "error_count", max(self.error_count, len(self.errors)))
        object.__setattr__(self, "warning_count", max(self.warning_count, len(self.warnings)))


def _cancelled(errors: IssueList, warnings: IssueList) -> ImportReport:
    """Stopped at the user's request: nothing written, the issues found so far."""
    return ImportReport(
        0,
        0,
        0,
        tuple(errors),
        tuple(warnings),
        False,
        True,
        NOTHING,
        error_count=errors.total,
        warning_count=warnings.total,
    )


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    officers: int
    general_cases: int
    simple_decisions: int


class LedgerService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        calendar: CalendarService,
        settings: SettingsService,
        before_write: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(ctx)
        self._before_write = before_write  # a verified backup before an import writes
        self._calendar = calendar
        self._settings = settings

    def _context(self) -> ImportContext:
        s = self._settings.current()
        lookup = LedgerLookup(self._db)
        ctx = ImportContext(
            today=today_in_china(self._clock),
            calendar=self._calendar.work_calendar(),
            thresholds=MajorThresholds(s.major_individual_fen, s.major_organisation_fen),
            limits=SimpleLimits(individual_business_as_citizen=s.individual_business_as_citizen),
            cases_in_db=lookup.cases,
            decisions_in_db=lookup.decisions,
            simples_in_db=lookup.simple_decisions,
            gates_from=self._settings.gates_from(),
            gate_rules=gate_rules_from(s),
            benchmarks=DiscretionRepository(self._db).benchmarks(),
            discretion_required=s.discretion_required,
        )
        for certificate in CaseFileRepository(self._db).certificates():
            ctx.add_certificate(certificate)
        return ctx

    def import_file(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        """Check the whole file; write it in one transaction only if nothing is wrong."""
        acting = self._acting
        if not (dry_run or acting is None or acting.can(Permission.MANAGE_OFFICERS)):
            require(acting, Permission.RECORD_CASES)  # may bring neither cases nor officers
        with _cyclic_gc_paused():
            return self._import(Path(path), dry_run=dry_run, progress=progress)

    def _import(self, path: Path, *, dry_run: bool, progress: Progress | None) -> ImportReport:
        sheets, issues = read_ledger(path)
        errors = IssueList()
        errors.extend(issues)
        warnings = IssueList()
        officers: list[OfficerRecord] = []
        cases: list[GeneralCaseRecord] = []
        simple: list[SimpleDecisionRecord] = []
        disputes: list[DisputeRecord] = []
        benchmarks: list[Benchmark] = []
        ctx = self._context()
        rows = sum(len(s.row_numbers) for s in sheets)
        # The bar runs over the rows read, then over the cases and decisions written again.
        total = rows + sum(len(s.row_numbers) for s in sheets if s.kind in WRITTEN_IN_BULK)
        done = 0
        order = {kind: index for index, kind in enumerate(SheetKind)}  # disputes after cases
        order[SheetKind.BENCHMARKS] = -1  # the file's benchmark table weighs the file's fines
        for sheet in sorted(sheets, key=lambda s: order[s.kind]):
            records: Iterator[None]
            if sheet.kind is SheetKind.OFFICERS:
                records = _kept(officers_of(sheet, ctx, errors, warnings), officers)
            elif sheet.kind is SheetKind.GENERAL_CASES:
                ctx.benchmarks = (*benchmarks, *ctx.benchmarks)  # the file's rows win a tie
                records = _kept(general_cases_of(sheet, ctx, errors, warnings), cases)
            elif sheet.kind is SheetKind.SIMPLE_DECISIONS:
                records = _kept(simple_decisions_of(sheet, ctx, errors, warnings), simple)
            elif sheet.kind is SheetKind.BENCHMARKS:
                records = _kept(benchmarks_of(sheet, errors, warnings), benchmarks)
            else:
                records = _kept(disputes_of(sheet, ctx, errors, warnings), disputes)
            for _ in records:
                done += 1
                if progress is not None and done % 500 == 0 and not progress(done, total):
                    return _cancelled(errors, warnings)
        if not sheets and not errors:
            errors.append(LedgerIssue(None, None, None, "ledger.nothing", {}))
        errors.extend(self._already_registered(sheets, disputes))
        counted = len(cases) + len(simple) + len(disputes)
        errors.extend(self._refused_by_role(sheets, officers, counted))
        errors.extend(self._benchmarks_refused(sheets, len(benchmarks)))
        if errors or dry_run:
            return ImportReport(
                len(officers),
                len(cases),
                len(simple),
                tuple(errors),
                tuple(warnings),
                False,
                False,
                NOTHING,
                error_count=errors.total,
                warning_count=warnings.total,
                disputes=len(disputes),
                benchmarks=len(benchmarks),
            )
        at = utc_timestamp(self._clock)
        if self._before_write is not None:
            self._before_write()
        try:
            self._write(at, path, (officers, cases, simple, disputes, benchmarks), progress,
                        (rows, total))  # fmt: skip
        except LoadCancelled:  # the transaction rolled back: the file is as it was
            return _cancelled(errors, warnings)
        changed = frozenset(
            {Topic.OFFICERS, Topic.CASES, Topic.SIMPLE_DECISIONS, Topic.PAYMENTS, Topic.DISPUTES}
        )
        return ImportReport(
            len(officers),
            len(cases),
            len(simple),
            (),
            tuple(warnings),
            True,
            False,
            changed,
            warning_count=warnings.total,
            disputes=len(disputes),
            benchmarks=len(benchmarks),
        )

    def _write(
        self,
        at: str,
        path: Path,
        records: tuple[
            list[OfficerRecord],
            list[GeneralCaseRecord],
            list[SimpleDecisionRecord],
            list[DisputeRecord],
            list[Benchmark],
        ],
        progress: Progress | None,
        steps: tuple[int, int],
    ) -> None:
        """Everything in one transaction; ``progress`` returning False between chunks rolls
        it back (``LoadCancelled``)."""
        officers, cases, simple, disputes, benchmarks = records
        read, total = steps

        def written(before: int) -> Callable[[int], bool] | None:
            if progress is None:
                return None
            return lambda count: progress(read + before + count, total)

        with write_transaction(self._db):
            writer = BulkWriter(self._db, at)
            writer.add_officers(officers)
            ids = writer.certificate_ids()
            with writer.bulk_load(len(cases) + len(simple)):
                writer.add_general_cases(cases, ids, written(0))
                writer.add_simple_decisions(simple, ids, written(len(cases)))
            register = DisputeRepository(self._db)
            for dispute in disputes:
                register.insert(self._linked(register, dispute), at=at, user=self._user)
            DiscretionRepository(self._db).replace_benchmarks(benchmarks, at)
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "ledger.import",
                    "file",
                    Path(path).name,
                    "ok",
                    {
                        "officers": len(officers),
                        "general_cases": len(cases),
                        "simple_decisions": len(simple),
                        "disputes": len(disputes),
                        "benchmarks": len(benchmarks),
                    },
                )
            )

    def _already_registered(
        self, sheets: Sequence[RawSheet], disputes: Sequence[DisputeRecord]
    ) -> list[LedgerIssue]:
        """A dispute whose number is already in the register is an error of the file."""
        register = DisputeRepository(self._db)
        names = {s.kind: s.name for s in sheets}
        found = []
        for d in disputes:
            if register.find(d.kind, d.number, d.instance) is not None:
                sheet = names.get(
                    SheetKind.RECONSIDERATIONS
                    if d.kind is DisputeKind.RECONSIDERATION
                    else SheetKind.LAWSUITS
                )
                params = {"kind": d.kind.label, "number": d.number, "instance": d.instance.label}
                found.append(LedgerIssue(sheet, None, None, "dispute.number_taken", params))
        return found

    @staticmethod
    def _linked(register: DisputeRepository, dispute: DisputeRecord) -> DisputeRecord:
        if dispute.case_no is None:
            return dispute
        _, simple = register.act_exists(dispute.case_no)
        return replace(dispute, simple_procedure=simple)

    def _benchmarks_refused(self, sheets: Sequence[RawSheet], count: int) -> list[LedgerIssue]:
        """The 裁量基准 is the administrator's (LEDGER_FORMAT.md), like the settings."""
        acting = self._acting
        if not count or acting is None or acting.can(Permission.MANAGE_SETTINGS):
            return []
        sheet = next((s.name for s in sheets if s.kind is SheetKind.BENCHMARKS), None)
        params = {"count": count, "name": acting.name, "role": acting.role.label}
        return [LedgerIssue(sheet, None, None, "ledger.benchmarks_need_admin", params)]

    def _refused_by_role(
        self, sheets: Sequence[RawSheet], officers: Sequence[OfficerRecord], decisions: int
    ) -> list[LedgerIssue]:
        """What the logged-in role may not bring in (DOMAIN §9), reported in the dry run too.

        Officers are registered by administrators, cases and decisions by clerks. Every officer
        of an officers sheet is new (a certificate already on record is an error of its row),
        so a file bringing any needs an administrator; its cases may name officers already on
        record. A file with both is imported in two parts, or before accounts exist.
        """
        acting = self._acting
        if acting is None:
            return []
        who = {"name": acting.name, "role": acting.role.label}
        refused: list[LedgerIssue] = []
        if officers and not acting.can(Permission.MANAGE_OFFICERS):
            sheet = next((s.name for s in sheets if s.kind is SheetKind.OFFICERS), None)
            params = {"count": len(officers), **who}
            refused.append(LedgerIssue(sheet, None, None, "ledger.officers_need_admin", params))
        if decisions and not acting.can(Permission.RECORD_CASES):
            params = {"count": decisions, **who}
            refused.append(LedgerIssue(None, None, None, "ledger.cases_need_clerk", params))
        return refused

    def export_ledger(self, path: Path, year: int) -> ExportReport:
        """Officers, the year's general cases and simple decisions, in the ledger format."""
        if not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        target = Path(path)
        db_path = database_path(self._db)
        refuse_database_files(target, db_path)  # before the export is logged
        if target.suffix.lower() != ".xlsx":
            raise DomainError("ledger.export_suffix", "path", {"path": str(target)})
        check_output_place(target)  # an unwritable place is refused before the export is logged
        repository = LedgerExportRepository(self._db)
        at = utc_timestamp(self._clock)
        # The ledger carries every party's full identity number and address (DOMAIN §8): who
        # exported which year goes into the audit log first; a session that cannot write
        # (read-only, or accounts without a login) is refused before any file is made.
        with write_transaction(self._db):
            officers = repository.officers()
            cases = list(repository.general_cases(year))
            simple = list(repository.simple_decisions(year))
            disputes = DisputeRepository(self._db).open_in(year)
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "ledger.export",
                    "file",
                    target.name,
                    "ok",
                    {
                        "year": year,
                        "general_cases": len(cases),
                        "simple_decisions": len(simple),
                        "disputes": len(disputes),
                    },
                )
            )
        sheets = [
            (SheetKind.OFFICERS.value, header_names(SheetKind.OFFICERS), officer_rows(officers)),
            (
                SheetKind.GENERAL_CASES.value,
                header_names(SheetKind.GENERAL_CASES),
                general_case_rows(cases),
            ),
            (
                SheetKind.SIMPLE_DECISIONS.value,
                header_names(SheetKind.SIMPLE_DECISIONS),
                simple_decision_rows(simple),
            ),
            (
                SheetKind.RECONSIDERATIONS.value,
                header_names(SheetKind.RECONSIDERATIONS),
                dispute_rows(DisputeKind.RECONSIDERATION, disputes),
            ),
            (
                SheetKind.LAWSUITS.value,
                header_names(SheetKind.LAWSUITS),
                dispute_rows(DisputeKind.LITIGATION, disputes),
            ),
        ]
        try:
            write_output(
                target, db_path, functools.partial(lazy_writer.writer.save_xlsx, sheets=sheets)
            )
        except DomainError as exc:  # logged above, not made: the log says so (the error is news)
            self._export_failed(target, year, exc)
            raise
        return ExportReport(target, len(officers), len(cases), len(simple))

    def _export_failed(self, target: Path, year: int, exc: DomainError) -> None:
        """Log that the export of ``year`` logged as ``ok`` made no file at ``target``; a log
        that cannot be written leaves ``exc`` the one error the user is told."""
        detail: dict[str, object] = {"year": year, "error": exc.code}
        at = utc_timestamp(self._clock)
        failed = AuditEntry(at, self._user, "ledger.export", "file", target.name, "failed", detail)
        with contextlib.suppress(DomainError, StorageError), write_transaction(self._db):
            AuditLog(self._db).append(failed)
