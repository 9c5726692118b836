"""The one composition root: the CLI and the GUI both get their services here."""

from __future__ import annotations

import contextlib
import errno
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.clock import Clock, today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.safety.restore_generation import check_generation
from chuansha_enforce.services.account_service import AccountService
from chuansha_enforce.services.backup_service import (
    BackupService,
    dump_backups,
    remove_restore_leftovers,
)
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_service import CaseService
from chuansha_enforce.services.context import (
    UNCHECKED,
    ServiceContext,
    SessionBook,
    check_current,
)
from chuansha_enforce.services.credentials import PRODUCTION_COST, PasswordCost
from chuansha_enforce.services.database_location import server_local_path
from chuansha_enforce.services.session import SINGLE_USER, Login, Session, open_session
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.services.system_clock import SystemClock
from chuansha_enforce.storage.calendar.calendar_overrides import CalendarOverrideRepository
from chuansha_enforce.storage.cases.case_repository import CaseRepository
from chuansha_enforce.storage.connection import (
    SQLITE_VERSION,
    Medium,
    Refusal,
    medium_problem,
    open_database,
    write_transaction,
)
from chuansha_enforce.storage.errors import (
    DatabaseInUseError,
    DatabaseReadOnlyError,
    DiskFullError,
    DiskFullOnOpenError,
    NetworkPathError,
    ReadOnlyMediumError,
    SealTrackingMissingError,
    StorageError,
)
from chuansha_enforce.storage.migrations import check_not_newer, migrate, pending_names
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.safety.inspection import audit_head
from chuansha_enforce.storage.safety.network_location import network_kind
from chuansha_enforce.storage.safety.write_guard import refuse_writes
from chuansha_enforce.storage.safety.writer_lock import (
    WriterLock,
    acquire_writer_lock,
    lock_holder_pid,
)
from chuansha_enforce.storage.server.pg_database import (
    PgDatabase,
    is_server_url,
    open_server,
    shown_url,
)
from chuansha_enforce.storage.server.pg_dump import SYSTEM_TOOLS, ToolLookup
from chuansha_enforce.storage.server.pg_generation import book_generation
from chuansha_enforce.storage.server.pg_seal_tracking import (
    remake_tracking,
    tracking_refusal,
    tracking_state,
)

if TYPE_CHECKING:  # the services the first screen does not use are imported when first used
    from chuansha_enforce.services.case_file_service import CaseFileService
    from chuansha_enforce.services.case_search_service import CaseSearchService
    from chuansha_enforce.services.case_trash_service import CaseTrashService
    from chuansha_enforce.services.correction_service import CorrectionService
    from chuansha_enforce.services.demo_service import DemoService
    from chuansha_enforce.services.discretion_service import DiscretionService
    from chuansha_enforce.services.dispute_service import DisputeService
    from chuansha_enforce.services.document_service import DocumentService
    from chuansha_enforce.services.file_review_service import FileReviewService
    from chuansha_enforce.services.holiday_service import HolidayService
    from chuansha_enforce.services.ledger_service import LedgerService
    from chuansha_enforce.services.migrate_service import BookFigures, MigrateService
    from chuansha_enforce.services.numbering_service import NumberingService
    from chuansha_enforce.services.officer_service import OfficerService
    from chuansha_enforce.services.publication_service import PublicationService
    from chuansha_enforce.services.report_service import ReportService
    from chuansha_enforce.services.review_service import ReviewService
    from chuansha_enforce.services.server_backup_service import (
        ServerBackupService,
        ServerRestoreReport,
    )
    from chuansha_enforce.services.simple_decision_service import SimpleDecisionService
    from chuansha_enforce.services.simple_form_service import SimpleFormService
    from chuansha_enforce.services.statistics_service import StatisticsService
    from chuansha_enforce.services.structure_list_service import StructureListService
    from chuansha_enforce.services.verify_service import VerifyReport
    from chuansha_enforce.storage.safety.backup import BackupManifest

log = logging.getLogger(__name__)


@dataclass
class Services:
    db_path: Path
    clock: Clock
    read_only: bool
    migrated: tuple[str, ...]
    cases: CaseService
    calendar: CalendarService
    settings: SettingsService
    accounts: AccountService
    session: Session
    backups: BackupService
    read_only_reason: StorageError | None
    """Why a writable open became read-only (another copy writes, a network share …)."""
    _lock: WriterLock | None
    _db: sqlite_utils.Database
    _ctx: ServiceContext
    _cost: PasswordCost = PRODUCTION_COST
    server_url: str | None = None
    """The PostgreSQL case book this session works on (server mode), else None (a file)."""
    pg_tools: ToolLookup = SYSTEM_TOOLS
    """Where a server case book's backups look for pg_dump (tests pass their own)."""

    def for_worker(self, *, read_only: bool) -> Services:
        """Services on a connection of their own for a background job (DESIGN: background
        jobs open their own connection), acting as this session's account: a clerk's import
        writes as the clerk and meets the clerk's role checks. Never writable when this one
        only reads. The caller closes them (``with``). The session's chain key (its login
        unwrapped it) goes with it, so the worker's audit records are MACed and its
        ``verify`` checks the MACs."""
        worker = build_services(
            self.server_url or self.db_path,
            self.clock,
            read_only=read_only or self.read_only,
            session=self.session,
            password_cost=self._cost,
            check_integrity=False,
        )
        key = chain_key.key_for(self._db.conn)
        if key is not None:
            chain_key.remember(worker._db.conn, key)
        return worker

    # What the first screen (the case list) does not use is built, and its module imported,
    # on first use: the window paints before the import, PDF and document code is loaded.
    # Each is built once per Services, as when they were built here eagerly.

    @property
    def location(self) -> str:
        """The case book as a user names it: the file, or the server address (no password)."""
        return shown_url(self.server_url) if self.server_url else str(self.db_path)

    @property
    def server_backups(self) -> ServerBackupService:
        """pg_dump backups of this server case book (server mode only)."""
        from chuansha_enforce.services.server_backup_service import ServerBackupService

        if self.server_url is None:
            raise ValueError("server_backups: this session works on a file")
        return ServerBackupService(self.server_url, self.backups, self.clock, tools=self.pg_tools)

    @property
    def _book(self) -> SessionBook:
        """What the reads outside an operation check: this session's book and generation."""
        return SessionBook(self._db, self.session.generation)

    @cached_property
    def search(self) -> CaseSearchService:
        from chuansha_enforce.services.case_search_service import CaseSearchService
        from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository

        return CaseSearchService(self.cases, CaseSearchRepository(self._db), book=self._book)

    @cached_property
    def demo(self) -> DemoService:
        from chuansha_enforce.services.demo_service import DemoService

        return DemoService(self._ctx)

    @cached_property
    def statistics(self) -> StatisticsService:
        return statistics_on(self._db, self.calendar, book=self._book)

    @property
    def migration(self) -> MigrateService:
        """``migrate-to``: this file copied onto an empty server database, checked both sides."""
        from chuansha_enforce.services.migrate_service import MigrateService

        return MigrateService(
            self._ctx,
            measure=functools.partial(book_figures, clock=self.clock),
            years=self._book_years,
        )

    def _book_years(self) -> list[int]:
        """Every year from the first filing to this year (or the last filing, if later)."""
        filed = self.cases.filing_years()
        if not filed:
            return []
        last = max(*filed, today_in_china(self.clock).year)
        return list(range(min(filed), last + 1))

    @cached_property
    def numbering(self) -> NumberingService:
        from chuansha_enforce.services.numbering_service import NumberingService

        return NumberingService(self._ctx)

    @cached_property
    def case_files(self) -> CaseFileService:
        from chuansha_enforce.services.case_file_service import CaseFileService

        return CaseFileService(
            self._ctx, calendar=self.calendar, numbering=self.numbering, settings=self.settings
        )

    @cached_property
    def officers(self) -> OfficerService:
        from chuansha_enforce.services.officer_service import OfficerService

        return OfficerService(self._ctx)

    @cached_property
    def ledger(self) -> LedgerService:
        from chuansha_enforce.services.ledger_service import LedgerService

        return LedgerService(
            self._ctx,
            calendar=self.calendar,
            settings=self.settings,
            before_write=(
                None
                if self.read_only or self.server_url is not None  # the server's own backups
                else functools.partial(self.backups.backup, label="pre-import")
            ),
        )

    @cached_property
    def simple(self) -> SimpleDecisionService:
        from chuansha_enforce.services.simple_decision_service import SimpleDecisionService

        return SimpleDecisionService(self._ctx, self.settings, self.calendar)

    @cached_property
    def simple_forms(self) -> SimpleFormService:
        from chuansha_enforce.services.simple_form_service import SimpleFormService

        return SimpleFormService(self._ctx)

    @cached_property
    def file_reviews(self) -> FileReviewService:
        from chuansha_enforce.services.file_review_service import FileReviewService

        return FileReviewService(self._ctx)

    @property
    def reports(self) -> ReportService:
        from chuansha_enforce.services.report_service import ReportService

        return ReportService(
            self._ctx,
            statistics=self.statistics,
            case_files=self.case_files,
            settings=self.settings,
        )

    @property
    def trash(self) -> CaseTrashService:
        """Deleting general cases into a trash they can be taken back from."""
        from chuansha_enforce.services.case_trash_service import CaseTrashService

        return CaseTrashService(self._ctx)

    @property
    def disputes(self) -> DisputeService:
        """Reconsiderations and lawsuits: the register, its deadlines and the annual rates."""
        from chuansha_enforce.services.dispute_service import DisputeService

        return DisputeService(self._ctx, self.calendar)

    @property
    def corrections(self) -> CorrectionService:
        """更正 of cases, payments, simple decisions and officers, with a reason."""
        from chuansha_enforce.services.correction_service import CorrectionService

        return CorrectionService(
            self._ctx, case_files=self.case_files, calendar=self.calendar, settings=self.settings
        )

    @property
    def publications(self) -> PublicationService:
        """Publication and its withdrawal, decisions set aside, and the due list."""
        from chuansha_enforce.services.publication_service import PublicationService

        return PublicationService(
            self._ctx, case_files=self.case_files, calendar=self.calendar, simple=self.simple
        )

    @property
    def discretion(self) -> DiscretionService:
        """The benchmark table, the forms' suggestion and the notice's circumstance."""
        from chuansha_enforce.services.discretion_service import DiscretionService

        return DiscretionService(self._ctx, case_files=self.case_files)

    @property
    def structures(self) -> StructureListService:
        """The 违法建筑 list: where each structure under an order stands (DOMAIN §13)."""
        from chuansha_enforce.services.structure_list_service import StructureListService

        return StructureListService(self._ctx, case_files=self.case_files)

    @property
    def holidays(self) -> HolidayService:
        """The 调休 table an administrator keeps (the work calendar reads it)."""
        from chuansha_enforce.services.holiday_service import HolidayService

        return HolidayService(self._ctx)

    @property
    def reviews(self) -> ReviewService:
        """Legal review: submit, queue, sign (as the logged-in account)."""
        from chuansha_enforce.services.review_service import ReviewService

        return ReviewService(
            self._ctx,
            calendar=self.calendar,
            settings=self.settings,
            case_files=self.case_files,
            accounts=self.accounts,
        )

    @property
    def documents(self) -> DocumentService:
        """执法文书 from the case data; the squad's own templates in the user data folder."""
        from chuansha_enforce.services.document_service import DocumentService, user_templates_dir

        return DocumentService(
            self._ctx,
            case_files=self.case_files,
            settings=self.settings,
            numbering=self.numbering,
            user_templates=user_templates_dir(self.db_path),
        )

    def may(self, permission: Permission) -> bool:
        """Whether this session may do it: the role of the logged-in account (DOMAIN §9);
        single-user mode may do everything; a read-only session writes nothing."""
        if self.read_only or self.session.login_required:
            return False
        account = self.session.account
        return account is None or account.can(permission)

    def verify(
        self,
        expected_heads: tuple[tuple[str, str], ...] = (),
        backup_heads: tuple[tuple[str, str], ...] = (),
        *,
        check_backups: bool = True,
    ) -> VerifyReport:
        """Integrity check, the whole audit chain and every signature, broken records listed;
        with ``check_backups``, every kept backup against its manifest too."""
        from chuansha_enforce.services.verify_service import Problem, VerifyService

        self.check_session()
        report = VerifyService(self._db).run(expected_heads, backup_heads)
        if not check_backups:
            return report
        kept = [Problem("backups", f, what) for f, what in self.backups.manifest_problems()]
        return replace(report, problems=report.problems + tuple(kept)) if kept else report

    @property
    def sqlite_version(self) -> str:
        return SQLITE_VERSION

    def verify_audit(self) -> int | None:
        """The id of the first audit record that does not chain, or None when intact."""
        return AuditLog(self._db).verify()

    def record_backup(
        self,
        folder: Path | None,
        outcome: str = "started",
        detail: dict[str, object] | None = None,
    ) -> None:
        """Log a backup (a copy of all personal data): who, into which folder. Written before
        the copy is taken, so the copy holds its own record and its manifest's chain head
        covers it; a copy that then fails is logged ``failed``. Refused (nothing copied) when
        the session may not write."""
        where = str(folder if folder is not None else self.backups.folder)
        entry = AuditEntry(
            utc_timestamp(self.clock),
            self.session.user,
            "database.backup",
            "database",
            None,
            outcome,
            {"folder": where, **(detail or {})},
        )
        with write_transaction(self._db):
            AuditLog(self._db).append(entry)

    def check_session(self) -> None:
        """Refuse (``session.restored_since``) when this session's server book was restored
        since it logged in (``Services``' own operations; the services' are checked each)."""
        check_current(self._db, self.session.generation)

    def backup(self, folder: Path | None = None, *, label: str = "manual") -> BackupManifest:
        """A logged backup on this session's thread (the CLI's ``backup``, the close backup).
        A destination refused outright is refused before anything is logged."""
        self.check_session()
        server = self.server_backups if self.server_url is not None else None
        # no pg_dump: the server's own backups apply (nothing logged)
        tools = server.tools() if server is not None else None
        self.backups.check_folder(folder)
        self.record_backup(folder, detail={"label": label})
        try:
            if server is not None:
                return server.backup(folder, label=label, tools=tools)
            return self.backups.backup(folder, label=label)
        except (DomainError, StorageError) as exc:
            with contextlib.suppress(DomainError, StorageError):  # the first error is the news
                self.record_backup(folder, "failed", {"label": label, "error": exc.code})
            raise

    def restore_server_dump(self, dump: Path) -> ServerRestoreReport:
        """The window's 文件 → 恢复 on a server case book: ``dump`` in place of the whole book
        (checked first; a ``pre-restore`` dump of the book taken before), recorded under this
        session's user, then brought up to this build with nobody logged in (the restored
        book's accounts are the dump's): a dump of an older build upgraded
        (``upgraded_and_checked``) before the window opens it again for whoever logs in on it,
        whose open repairs the seal tracking."""
        self.check_session()
        report = self.server_backups.restore(
            dump, replace=True, user=self.session.user, key=chain_key.key_for(self._db.conn)
        )
        assert self.server_url is not None
        nobody = Session(None, SINGLE_USER, login_required=True)
        upgraded_and_checked(self.server_url, self.clock, nobody)
        return report

    def audit_head(self) -> str:
        """The audit chain's newest hash: it moves with every recorded change."""
        return audit_head(self._db)

    def close(self) -> None:
        chain_key.forget(self._db.conn)
        self._db.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def statistics_on(
    db: sqlite_utils.Database, calendar: CalendarService, *, book: SessionBook = UNCHECKED
) -> StatisticsService:
    """The annual figures of the case book ``db`` (checked as ``book``'s session's reads)."""
    from chuansha_enforce.services.statistics_service import StatisticsService
    from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository
    from chuansha_enforce.storage.file_review.file_review_repository import FileReviewRepository
    from chuansha_enforce.storage.reports.statistics_repository import StatisticsRepository

    return StatisticsService(
        StatisticsRepository(db),
        calendar,
        FileReviewRepository(db),
        DisputeRepository(db),
        book=book,
    )


def book_figures(db: sqlite_utils.Database, years: Iterable[int], *, clock: Clock) -> BookFigures:
    """What ``migrate-to`` compares on both sides: each year's figures and ``verify``."""
    from chuansha_enforce.services.migrate_service import BookFigures
    from chuansha_enforce.services.verify_service import VerifyService

    stats = statistics_on(db, CalendarService(CalendarOverrideRepository(db), clock))
    return BookFigures({year: stats.annual(year) for year in years}, VerifyService(db).run())


MEDIUM_ERRORS: dict[int, Medium] = {errno.EROFS: "read_only", errno.ENOSPC: "full"}


def _writer_refusal(db_path: Path) -> tuple[WriterLock | None, Refusal | None]:
    """Take the writer lock, or say why this process may only read the file."""
    kind = network_kind(db_path)
    if kind is not None:
        return None, functools.partial(NetworkPathError, db_path, kind=kind)
    # A read-only medium or a full disk, as the OS reports it before or on the first write.
    medium = medium_problem(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock = None if medium is not None else acquire_writer_lock(db_path)
    except OSError as exc:
        medium = MEDIUM_ERRORS.get(exc.errno or 0)
        if medium is None:
            return None, functools.partial(DatabaseReadOnlyError, db_path)
    if medium == "read_only":
        return None, functools.partial(ReadOnlyMediumError, db_path)
    if medium == "full":
        return None, functools.partial(DiskFullOnOpenError, db_path)
    if lock is None:
        pid = lock_holder_pid(db_path) or "?"
        return None, functools.partial(DatabaseInUseError, db_path, pid=pid)
    return lock, None


def _check_on_open(db: sqlite_utils.Database, db_path: Path, backups: BackupService) -> None:
    """The start-up quick check; a failure names the newest good backup to restore."""
    failure = backups.check_result(db)
    if failure is not None:
        raise failure


def log_in(
    db: sqlite_utils.Database,
    clock: Clock,
    *,
    login: Login | None,
    cost: PasswordCost,
    user: str = SINGLE_USER,
    read_only: bool,
    uncounted_checks: bool = False,
) -> Session:
    """Who acts on ``db``: single-user, the account ``login`` names, or nobody (then the
    connection only reads). The accounts are checked by services acting as nobody yet.
    A read-only connection cannot count a wrong password, so it refuses every login unless
    ``uncounted_checks`` (the restore's check on the file it replaces)."""
    nobody = ServiceContext(db, clock, user, None)
    accounts = AccountService(
        nobody,
        settings=SettingsService(nobody),
        cost=cost,
        read_only=read_only,
        uncounted_checks=uncounted_checks,
    )
    return open_session(db, accounts, login=login, default_user=user)


def build_services(
    db_path: Path | str,
    clock: Clock | None = None,
    *,
    read_only: bool = False,
    user: str = SINGLE_USER,
    login: Login | None = None,
    password_cost: PasswordCost | None = None,
    check_integrity: bool = True,
    session: Session | None = None,
) -> Services:
    """Open (and when writable, create or migrate) the database and wire the services.

    ``check_integrity=False`` leaves the start-up quick check (about 2 s for a million
    cases) to the caller: the GUI runs it in the background once its window is painted
    (``services.backups.check_live()``), and the CLI's read-only commands skip it.

    ``session`` continues a session already opened (``Services.for_worker``): nobody logs in
    again, and a session that may only read keeps its connection read-only.
    """
    clock = clock or SystemClock()
    if isinstance(db_path, str) and is_server_url(db_path):
        return _build_server_services(
            db_path,
            clock,
            read_only=read_only,
            user=user,
            login=login,
            password_cost=password_cost,
            session=session,
        )
    db_path = Path(db_path)
    backups = BackupService(db_path, clock)
    lock, refusal = (None, None) if read_only else _writer_refusal(db_path)
    if refusal is not None:
        if not db_path.exists():  # nothing to read either
            why = refusal()
            raise DiskFullError(db_path) if isinstance(why, DiskFullError) else why
        log.info("opening %s read-only: %s", db_path, refusal().code)
        read_only = True
    try:
        db = open_database(db_path, read_only=read_only, refusal=refusal)
    except (DatabaseReadOnlyError, DiskFullError) as exc:
        if lock is None:
            raise
        lock.release()
        if not db_path.exists():
            raise
        # The OS refused the first write (a read-only file, a full disk): read it instead.
        lock, read_only = None, True
        refusal = functools.partial(
            DiskFullOnOpenError if isinstance(exc, DiskFullError) else type(exc), db_path
        )
        db = open_database(db_path, read_only=True, refusal=refusal)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    try:
        log.info("SQLite %s, database %s, read_only=%s", SQLITE_VERSION, db_path, read_only)
        if lock is not None:
            for leftover in remove_restore_leftovers(db_path):
                log.warning("removed %s, left by a restore that did not finish", leftover)
        if check_integrity:
            _check_on_open(db, db_path, backups)
        if read_only:
            check_not_newer(db, db_path)
            migrated: list[str] = []
            if pending_names(db):
                log.warning("read-only database has pending migrations: %s", pending_names(db))
        else:

            def backup(label: str) -> Path | None:
                return backups.backup_from(db, label).path

            migrated = migrate(db, db_path, backup=backup)
        return _wire(
            db,
            db_path,
            clock,
            read_only=read_only,
            migrated=migrated,
            backups=backups,
            session=session,
            login=login,
            user=user,
            password_cost=password_cost,
            refusal=refusal,
            lock=lock,
        )
    except BaseException:
        db.close()
        if lock is not None:
            lock.release()
        raise


def _build_server_services(
    url: str,
    clock: Clock,
    *,
    read_only: bool,
    user: str,
    login: Login | None,
    password_cost: PasswordCost | None,
    session: Session | None,
) -> Services:
    """The services on a PostgreSQL case book (server mode, docs/SERVER.md): the same
    services and repositories; no writer lock (the server serialises), no file backups."""
    local = server_local_path(url)
    db = open_server(url)
    try:
        with db.pg.typed_errors():
            if read_only:
                check_not_newer(db, local)
                refuse_writes(db)  # as a file opened read-only: a write is refused, not made
                migrated: list[str] = []
            else:
                migrated = migrate(db, local)
            # read before the login, so a restore during it leaves the session stale, never
            # current; a worker continuing a session opened before a restore is refused
            generation = book_generation(db)
            if session is not None:
                check_generation(session.generation, generation)
            services = _wire(
                db,
                local,
                clock,
                read_only=read_only,
                migrated=migrated,
                backups=dump_backups(local, clock),  # pg_dump backups' manifests
                session=session,
                login=login,
                user=user,
                password_cost=password_cost,
                refusal=None,
                lock=None,
                server_url=url,
                generation=generation,
            )
            if not read_only:
                refusal = _check_seal_tracking(db, clock, services.session)
                if refusal is not None:
                    services.read_only, services.read_only_reason = True, refusal
        return services
    except BaseException:
        db.close()
        raise


def upgraded_and_checked(url: str, clock: Clock, session: Session) -> None:
    """What opening the server case book ``url`` writable does to it, on a connection of its
    own, closed after: the migrations this build has and the book lacks (a dump of an older
    build upgraded), and seal tracking the owner dropped or switched off made again and
    logged under ``session``'s user (``_check_seal_tracking``; nobody logged in leaves it to
    the login's open)."""
    db = open_server(url)
    try:
        with db.pg.typed_errors():
            migrate(db, server_local_path(url))
            _check_seal_tracking(db, clock, session)
    finally:
        db.close()


def _check_seal_tracking(
    db: PgDatabase, clock: Clock, session: Session
) -> SealTrackingMissingError | None:
    """Tracking triggers the owner dropped or switched off (one catalogue query): made again
    and switched on, and logged with the names that were missing or off, by a login holding
    the tables' owner role; any other session only reads, saying why (docs/SERVER.md, "Seals
    on a server"): the refusal its services then carry is returned."""
    state = tracking_state(db)
    if state.whole:
        return None
    if not state.may_make:
        refusal = tracking_refusal(state, shown_url(db.url))
        refuse_writes(db)
        db.pg.write_refusal = refusal
        return refusal
    if session.login_required:  # nobody to log it under yet: the login's open will
        return None
    detail: dict[str, object] = {"missing": list(state.missing)}
    if state.disabled:
        detail["disabled"] = list(state.disabled)
    entry = AuditEntry(
        utc_timestamp(clock),
        session.user,
        "database.seal_tracking",
        "database",
        None,
        "ok",
        detail,
    )
    with write_transaction(db):
        remake_tracking(db, state)
        AuditLog(db).append(entry)
    log.info(
        "seal tracking triggers made again: %s; switched on again: %s",
        ", ".join(state.missing) or "-",
        ", ".join(state.disabled) or "-",
    )
    return None


def _wire(
    db: sqlite_utils.Database,
    db_path: Path,
    clock: Clock,
    *,
    read_only: bool,
    migrated: list[str],
    backups: BackupService,
    session: Session | None,
    login: Login | None,
    user: str,
    password_cost: PasswordCost | None,
    refusal: Refusal | None,
    lock: WriterLock | None,
    server_url: str | None = None,
    generation: str | None = None,
) -> Services:
    """The services on an open, migrated database (a file or a server case book); those the
    first screen does not use are built on first use (``Services``' cached properties).
    ``generation``: a server book's restore generation, read before the login."""
    # Accounts: log in (or run single-user); with accounts and no login, only reads.
    cost = password_cost or PRODUCTION_COST
    if session is None:
        session = log_in(db, clock, login=login, cost=cost, user=user, read_only=read_only)
        session = replace(session, generation=generation)
    elif session.login_required:
        refuse_writes(db)
    # Every service acts as the session's account and checks its role (DOMAIN §9).
    ctx = ServiceContext(db, clock, session.user, session.account, session.generation)
    settings = SettingsService(ctx)
    book = SessionBook(db, session.generation)  # the reads are checked as the operations
    return Services(
        db_path=db_path,
        clock=clock,
        read_only=read_only,
        migrated=tuple(migrated),
        cases=CaseService(CaseRepository(db), book=book),
        calendar=CalendarService(CalendarOverrideRepository(db), clock, book=book),
        settings=settings,
        accounts=AccountService(ctx, settings=settings, cost=cost, read_only=read_only),
        session=session,
        backups=backups,
        read_only_reason=refusal() if refusal is not None else None,
        _lock=lock,
        _db=db,
        _ctx=ctx,
        _cost=cost,
        server_url=server_url,
    )
