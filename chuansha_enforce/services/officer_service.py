"""The officer registry (执法人员与执法证)."""

from __future__ import annotations

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.corrections.correction_checks import check_officer
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.accounts.officer_repository import OfficerRepository
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog


class OfficerService(ContextService):
    def certificates(self) -> list[Certificate]:
        return CaseFileRepository(self._db).certificates()

    def recent_case_officers(self) -> tuple[str, ...]:
        """The officers of the case filed last: 立案 offers them again (issue 21 §2b)."""
        return OfficerRepository(self._db).last_case_officers()

    @held_to_length
    def register(self, officer: OfficerRecord) -> Changes:
        require(self._acting, Permission.MANAGE_OFFICERS)
        clean = check_officer(officer, today_in_china(self._clock))
        name, number = clean.name, clean.certificate_no
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            repository = OfficerRepository(self._db)
            if repository.certificate_exists(number):
                raise DomainError("officer.certificate_taken", "certificate_no",
                                  {"certificate_no": number})  # fmt: skip
            repository.add(clean, at)
            AuditLog(self._db).append(
                AuditEntry(
                    at, self._user, "officer.register", "certificate", number, "ok", {"name": name}
                )
            )
        return frozenset({Topic.OFFICERS})
