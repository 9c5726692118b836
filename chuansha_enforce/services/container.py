"""The one composition root: the CLI and the GUI both get their services here."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from chuansha_enforce.domain.clock import Clock, utc_timestamp
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.case_search_service import CaseSearchService
from chuansha_enforce.services.case_service import CaseService
from chuansha_enforce.services.demo_service import DemoService
from chuansha_enforce.services.ledger_service import LedgerService
from chuansha_enforce.services.numbering_service import NumberingService
from chuansha_enforce.services.officer_service import OfficerService
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.services.simple_decision_service import SimpleDecisionService
from chuansha_enforce.services.simple_form_service import SimpleFormService
from chuansha_enforce.services.statistics_service import StatisticsService
from chuansha_enforce.services.system_clock import SystemClock
from chuansha_enforce.storage.audit_log import AuditLog
from chuansha_enforce.storage.backup import backup_database
from chuansha_enforce.storage.calendar_overrides import CalendarOverrideRepository
from chuansha_enforce.storage.case_repository import CaseRepository
from chuansha_enforce.storage.case_search_repository import CaseSearchRepository
from chuansha_enforce.storage.connection import SQLITE_VERSION, open_database
from chuansha_enforce.storage.migrations import check_not_newer, migrate, pending_names
from chuansha_enforce.storage.statistics_repository import StatisticsRepository

log = logging.getLogger(__name__)

SINGLE_USER = "单用户"


@dataclass
class Services:
    db_path: Path
    clock: Clock
    read_only: bool
    migrated: tuple[str, ...]
    cases: CaseService
    search: CaseSearchService
    demo: DemoService
    calendar: CalendarService
    statistics: StatisticsService
    case_files: CaseFileService
    officers: OfficerService
    numbering: NumberingService
    settings: SettingsService
    ledger: LedgerService
    simple: SimpleDecisionService
    simple_forms: SimpleFormService
    _db: sqlite_utils.Database

    @property
    def sqlite_version(self) -> str:
        return SQLITE_VERSION

    def verify_audit(self) -> int | None:
        """The id of the first audit record that does not chain, or None when intact."""
        return AuditLog(self._db).verify()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def build_services(
    db_path: Path, clock: Clock | None = None, *, read_only: bool = False, user: str = SINGLE_USER
) -> Services:
    """Open (and when writable, create or migrate) the database and wire the services."""
    clock = clock or SystemClock()
    db_path = Path(db_path)
    db = open_database(db_path, read_only=read_only)
    try:
        log.info("SQLite %s, database %s, read_only=%s", SQLITE_VERSION, db_path, read_only)
        if read_only:
            check_not_newer(db, db_path)
            migrated: list[str] = []
            if pending_names(db):
                log.warning("read-only database has pending migrations: %s", pending_names(db))
        else:

            def backup(label: str) -> Path:
                stamp = utc_timestamp(clock).replace(":", "").replace("-", "")[:15]
                target = backups_dir(db_path) / f"{db_path.stem}-{label}-{stamp}.db"
                return backup_database(db, target)

            migrated = migrate(db, db_path, backup=backup)
        calendar = CalendarService(CalendarOverrideRepository(db), clock)
        case_service = CaseService(CaseRepository(db))
        numbering = NumberingService(db, clock, user)
        settings = SettingsService(db, clock, user)
        return Services(
            db_path=db_path,
            clock=clock,
            read_only=read_only,
            migrated=tuple(migrated),
            cases=case_service,
            search=CaseSearchService(case_service, CaseSearchRepository(db)),
            demo=DemoService(db, clock, user),
            calendar=calendar,
            statistics=StatisticsService(StatisticsRepository(db), calendar),
            case_files=CaseFileService(
                db,
                clock=clock,
                calendar=calendar,
                numbering=numbering,
                settings=settings,
                user=user,
            ),
            settings=settings,
            numbering=numbering,
            ledger=LedgerService(db, clock=clock, calendar=calendar, settings=settings, user=user),
            officers=OfficerService(db, clock, user),
            simple=SimpleDecisionService(db, clock, settings, user),
            simple_forms=SimpleFormService(db, clock, user),
            _db=db,
        )
    except BaseException:
        db.close()
        raise
