"""The register of reconsiderations and lawsuits (DOMAIN §15): record, follow, count.

Clerks record and update disputes; every role reads them. Each write is one transaction with
its audit record; a dispute with an outcome is final here (corrections are their own step).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.calendar.work_calendar import CalendarResult, WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.corrections.corrections import (
    Correction,
    RecordKind,
    check_changed,
    check_reason,
    shown,
)
from chuansha_enforce.domain.disputes.disputes import (
    DisputeOutcome,
    DisputeRecord,
    LitigationFigures,
    ReconsiderationFigures,
    appeal_until,
    check_dispute,
    corrected,
    correction_label,
    litigation_figures,
    reconsideration_figures,
    reply_due,
    reply_state,
    require_news,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_limits import check_entered, field_key
from chuansha_enforce.services import case_versions
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.correction_service import log_correction
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository, StoredDispute
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

CHANGED: Changes = frozenset({Topic.DISPUTES, Topic.CASES, Topic.PAYMENTS})
"""A dispute pauses a case's surcharge and may undo its decision: cases and money move too."""


@dataclass(frozen=True, slots=True)
class DisputeStep:
    """What happened next on a pending dispute; None leaves a field as it was."""

    replied_on: dt.date | None = None
    hearing_on: dt.date | None = None
    leader_appeared: bool | None = None
    outcome: DisputeOutcome | None = None
    outcome_on: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class DisputeView:
    """One dispute with its clocks, as the window and ``dispute show`` present it."""

    id: int
    record: DisputeRecord
    reply_due: CalendarResult
    appeal_until: CalendarResult | None
    reply_late: bool
    """Our reply or defence is not recorded and its day has passed, or it was late."""
    case_version: int | None = None
    """The version of the general case it names, read with it: its edits carry it."""


@dataclass(frozen=True, slots=True)
class DisputeFigures:
    reconsideration: ReconsiderationFigures
    litigation: LitigationFigures


class DisputeService(ContextService):
    def __init__(self, ctx: ServiceContext, calendar: CalendarService) -> None:
        super().__init__(ctx)
        self._calendar = calendar
        self._disputes = DisputeRepository(ctx.db)

    @held_to_length
    def add(self, record: DisputeRecord) -> tuple[int, Changes]:
        """Record a new reconsideration or lawsuit; the act's number must be ours when given.
        A dispute changes what its general case shows: the case's version is claimed first
        (refused when the case changed since the version an ``edited_as_read`` of the number
        the record gives names, ``case_versions``)."""
        require(self._acting, Permission.RECORD_CASES)
        checked = check_dispute(record, today_in_china(self._clock))
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            self._claim_case(checked.case_no, (case_versions.CASE, checked.case_no or ""))
            if self._disputes.find(checked.kind, checked.number, checked.instance) is not None:
                raise DomainError("dispute.number_taken", "dispute_no", _key(checked))
            checked = self._linked(checked)
            dispute_id = self._disputes.insert(checked, at=at, user=self._user)
            self._audit(at, "dispute.add", dispute_id, checked)
        return dispute_id, CHANGED

    @held_to_length
    def update(self, dispute_id: int, step: DisputeStep) -> Changes:
        """Record what happened next (reply, hearing, outcome …) on a pending dispute; its
        case's version first, as in ``add`` (the version a ``dispute_edited_as_read`` of the
        dispute names: the case's, read with the dispute)."""
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            stored = self._stored(dispute_id)
            self._claim_case(stored.record.case_no, _read_as(dispute_id))
            old = stored.record
            if old.outcome is not None and old.outcome_on is not None:
                params = {**_key(old), "date": old.outcome_on.isoformat()}
                raise DomainError("dispute.concluded", "dispute_id", params)
            new = replace(
                old,
                replied_on=step.replied_on or old.replied_on,
                hearing_on=step.hearing_on or old.hearing_on,
                leader_appeared=(
                    old.leader_appeared if step.leader_appeared is None else step.leader_appeared
                ),
                outcome=step.outcome or old.outcome,
                outcome_on=step.outcome_on or old.outcome_on,
                notes=step.notes or old.notes,
            )
            require_news(old, new)
            checked = self._linked(check_dispute(new, today_in_china(self._clock)))
            self._disputes.update(dispute_id, checked, at=at)
            self._audit(at, "dispute.update", dispute_id, checked)
        return CHANGED

    @held_to_length
    def correct(
        self,
        dispute_id: int,
        field: str,
        value: str,
        reason: str,
    ) -> Changes:
        """An administrator corrects a recorded field (a concluded dispute too), with a reason;
        the audit record keeps the value before and after. The case's version first, as in
        ``add`` (a dispute moved to another case claims that case's too, as read now)."""
        require(self._acting, Permission.CORRECT_RECORDS)
        check_entered([(field_key(DisputeRecord, field), value)])  # the field it corrects
        why = check_reason(reason)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            stored = self._stored(dispute_id)
            old = stored.record
            self._claim_case(old.case_no, _read_as(dispute_id))
            changed = corrected(old, field, value)
            if changed.case_no != old.case_no:
                self._claim_case(changed.case_no)
            new = self._linked(check_dispute(changed, today_in_china(self._clock)))
            before, after = _plain(getattr(old, field)), _plain(getattr(new, field))
            check_changed(before, after, correction_label(field))
            moved = (new.kind, new.number, new.instance) != (old.kind, old.number, old.instance)
            if moved and self._disputes.find(new.kind, new.number, new.instance) is not None:
                raise DomainError("dispute.number_taken", "dispute_no", _key(new))
            self._disputes.update(dispute_id, new, at=at)
            correction = Correction(RecordKind.DISPUTE, str(dispute_id), field,
                                    correction_label(field),
                                    before, after, why)  # fmt: skip
            log_correction(self._db, at, self._user, correction, str(dispute_id))
        return CHANGED

    def view(self, dispute_id: int) -> DisputeView:
        return self._view(self._stored(dispute_id))

    def listing(
        self, *, year: int | None = None, case_no: str | None = None, pending_only: bool = False
    ) -> list[DisputeView]:
        if year is not None and not 1949 <= year <= 9999:  # as every other year of a list
            raise DomainError("list.year", "year", {"year": year})
        rows = self._disputes.listing(year=year, case_no=case_no, pending_only=pending_only)
        calendar = self._calendar.work_calendar()  # one for the list: it remembers each day
        return [self._view(row, calendar) for row in rows]

    def annual(self, year: int) -> DisputeFigures:
        records = self._disputes.for_year(year)
        return DisputeFigures(
            reconsideration=reconsideration_figures(records, year),
            litigation=litigation_figures(records, year),
        )

    def _view(self, stored: StoredDispute, calendar: WorkCalendar | None = None) -> DisputeView:
        calendar = self._calendar.work_calendar() if calendar is None else calendar
        record = stored.record
        due = reply_due(record, calendar)
        state = reply_state(record, due.value, today_in_china(self._clock), calendar, 0)
        late = state in (ClockState.OVERDUE, ClockState.MISSED)
        until = appeal_until(record, calendar)
        return DisputeView(stored.id, record, due, until, late, stored.case_version)

    def _claim_case(self, number: str | None, read_as: tuple[str, str] | None = None) -> None:
        """The edit's first write: raise the version of the general case the dispute names
        (nothing for a simple decision or no act: they have no versions); ``read_as``: what
        the editor's ``edited_as_read`` names (by default the case's own number)."""
        linked = self._disputes.general_case(number) if number else None
        if linked is not None:
            case_versions.claim(self._db, linked[0], linked[1], read_as=read_as)

    def _stored(self, dispute_id: int) -> StoredDispute:
        stored = self._disputes.get(dispute_id)
        if stored is None:
            raise DomainError("dispute.not_found", "dispute_id", {"id": dispute_id})
        return stored

    def _linked(self, record: DisputeRecord) -> DisputeRecord:
        """A linked act must be in this database; a simple decision shortens the reply."""
        if record.case_no is None:
            return record
        exists, simple = self._disputes.act_exists(record.case_no)
        if not exists:
            raise DomainError("dispute.case_unknown", "case_no", {"case_no": record.case_no})
        return replace(record, simple_procedure=simple)

    def _audit(self, at: str, action: str, dispute_id: int, record: DisputeRecord) -> None:
        detail: dict[str, object] = {
            "kind": record.kind.value,
            "number": record.number,
            "instance": record.instance.value,
            "case_no": record.case_no,
            "received_on": record.received_on.isoformat(),
            "replied_on": _iso(record.replied_on),
            "hearing_on": _iso(record.hearing_on),
            "leader_appeared": record.leader_appeared,
            "outcome": record.outcome.value if record.outcome else None,
            "outcome_on": _iso(record.outcome_on),
        }
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, "dispute", str(dispute_id), "ok", detail)
        )


def _read_as(dispute_id: int) -> tuple[str, str]:
    """What the editor of a recorded dispute names in its ``dispute_edited_as_read``."""
    return case_versions.DISPUTE, str(dispute_id)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _plain(value: object) -> str | None:
    """The audit's form of a dispute field: ISO dates, the outcome's code, 是/否."""
    if isinstance(value, DisputeOutcome):
        return value.value
    return shown(value)


def _key(record: DisputeRecord) -> dict[str, object]:
    return {"kind": record.kind.label, "number": record.number, "instance": record.instance.label}
