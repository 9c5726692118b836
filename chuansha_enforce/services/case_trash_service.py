"""Moving a general case to the trash and taking it back (one transaction each, audited)."""

from __future__ import annotations

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_trash import TrashedCase, check_trashable, checked_reason
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services import case_versions
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.cases.case_trash_repository import CaseTrashRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

CHANGED: Changes = frozenset({Topic.CASES, Topic.PAYMENTS})
"""A case leaving or returning moves the lists, the totals and the money owed."""


class CaseTrashService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._trash = CaseTrashRepository(ctx.db)
        self._cases = CaseFileRepository(ctx.db)

    def listing(self) -> list[TrashedCase]:
        return self._trash.listing()

    @held_to_length
    def delete(self, case_no: str, reason: str) -> Changes:
        """Move a case to the trash, with the reason; refused for signed or sampled cases, and
        when the case changed since its editor read it (``case_versions.edited_as_read``)."""
        require(self._acting, Permission.RECORD_CASES)
        number = case_no.strip()
        text = checked_reason(reason)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            case_id = self._cases.case_id(number)
            if case_id is None:
                code = "trash.already" if self._trash.trashed_id(number) else "case.not_found"
                raise DomainError(code, "case_no", {"case_no": number})
            case_versions.claim(self._db, case_id, number)
            check_trashable(number, self._trash.facts(case_id))
            self._trash.move_in(case_id, at=at, user=self._user, reason=text)
            self._audit(at, "case.delete", number, {"reason": text})
        return CHANGED

    def undelete(self, case_no: str) -> Changes:
        """Take a case back from the trash, as it was."""
        require(self._acting, Permission.RECORD_CASES)
        number = case_no.strip()
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            case_id = self._trash.trashed_id(number)
            if case_id is None:
                raise DomainError("trash.not_there", "case_no", {"case_no": number})
            case_versions.claim(self._db, case_id, number)
            self._trash.move_out(case_id, at=at)
            self._audit(at, "case.undelete", number, {})
        return CHANGED

    def _audit(self, at: str, action: str, case_no: str, detail: dict[str, object]) -> None:
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, "general_case", case_no, "ok", detail)
        )
