"""更正: correcting a recorded field of any record, with a reason, in one checked transaction.

Cases (their fields and steps, payments among them), simple decisions and officers are
corrected here; disputes keep their own field parser and log through ``log_correction`` too.
Each correction is refused, with nothing written, when the new value would have been refused
on entry. One that changes what a review approved supersedes the round (the case waits for
a new one); one that changes a decision the public sees returns ``affects_publication``, the
hook for its withdrawal and republication (DOMAIN §16 publication).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.after_decision.publication import SetAside, SetAsideSource
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.major_case import assess_major
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.corrections.correction_checks import (
    amounts_cleared,
    case_value,
    check_case_correction,
    check_officer,
    corrected_case,
    corrected_officer,
    corrected_simple,
    officer_value,
    payment_index,
    simple_value,
)
from chuansha_enforce.domain.corrections.corrections import (
    CASE_FIELDS,
    OFFICER_FIELDS,
    SIMPLE_FIELDS,
    Correction,
    CorrectionEntry,
    FieldSpec,
    RecordKind,
    Value,
    check_changed,
    check_reason,
    field_named,
    parse_value,
    shown_field,
    shown_money,
)
from chuansha_enforce.domain.enums import EnumMap, Outcome, ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.simple_procedure.simple_rules import (
    SimpleLimits,
    check_simple_decision,
)
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_file_service import CaseFileService, major_facts
from chuansha_enforce.services.case_versions import claim_simple
from chuansha_enforce.services.certificate_lookup import certificates_named
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.publication_service import record_set_aside
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.corrections.correction_repository import (
    CorrectionRepository,
    StoredOfficer,
    StoredSimple,
)
from chuansha_enforce.storage.documents.decision_numbers import decision_number_holder
from chuansha_enforce.storage.review.review_repository import ReviewRepository
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

_AUDIT_TARGET = EnumMap(
    RecordKind,
    {
        RecordKind.CASE: ("case.correct", "general_case"),
        RecordKind.PAYMENT: ("case.correct", "general_case"),
        RecordKind.SIMPLE: ("simple.correct", "simple_decision"),
        RecordKind.OFFICER: ("officer.correct", "certificate"),
        RecordKind.DISPUTE: ("dispute.correct", "dispute"),
    },
)


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    label: str
    before: str | None
    after: str | None
    superseded_round: int | None
    """The review round this correction superseded (a new round is needed), if any."""
    affects_publication: bool
    """The corrected decision is one the public sees: its publication must be withdrawn and
    republished (the publication service hooks here)."""
    changed: Changes


def log_correction(db: sqlite_utils.Database, at: str, user: str, c: Correction,
                   audit_key: str) -> None:  # fmt: skip
    """Record one correction in the corrections log and the audit log (before and after)."""
    CorrectionRepository(db).record(c, at, user)
    detail: dict[str, object] = {
        "field": c.field,
        "label": c.label,
        "before": c.before,
        "after": c.after,
        "reason": c.reason,
    }
    if c.superseded_round_no is not None:
        detail["superseded_round"] = c.superseded_round_no
    if c.affects_publication:
        detail["affects_publication"] = True
    action, target = _AUDIT_TARGET[c.record_kind]
    AuditLog(db).append(AuditEntry(at, user, action, target, audit_key, "ok", detail))


@dataclass(frozen=True, slots=True)
class _Asked:
    """A correction as asked, checked before the transaction: who may, which field, the
    value in its type, the reason; and the moment."""

    spec: FieldSpec
    value: Value
    reason: str
    at: str
    today: dt.date


class CorrectionService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        case_files: CaseFileService,
        calendar: CalendarService,
        settings: SettingsService,
    ) -> None:
        super().__init__(ctx)
        self._case_files = case_files
        self._calendar = calendar
        self._settings = settings
        self._log = CorrectionRepository(ctx.db)

    def _ask(
        self,
        permission: Permission,
        fields: tuple[FieldSpec, ...],
        field: str,
        value: str,
        reason: str,
    ) -> _Asked:
        require(self._acting, permission)
        why = check_reason(reason)
        spec = field_named(fields, field)
        parsed = parse_value(spec, value)
        return _Asked(spec, parsed, why, utc_timestamp(self._clock), today_in_china(self._clock))

    def _simple(self, decision_no: str) -> StoredSimple:
        stored = self._log.simple(decision_no.strip())
        if stored is None:
            raise DomainError("correction.simple_not_found", "decision_no",
                              {"decision_no": decision_no})  # fmt: skip
        return stored

    def _officer(self, certificate_no: str) -> StoredOfficer:
        stored = self._log.officer(certificate_no.strip())
        if stored is None:
            raise DomainError("correction.officer_not_found", "certificate_no",
                              {"certificate_no": certificate_no})  # fmt: skip
        return stored

    # -- general cases ------------------------------------------------------------------
    def correct_case(
        self,
        case_no: str,
        field: str,
        value: str,
        reason: str,
        *,
        payment: int | None = None,
    ) -> CorrectionResult:
        """Correct one field of a case (``payment``: which payment, 1 = the first; the latest
        when not given); refused when the case changed since its editor read it
        (``case_versions.edited_as_read``)."""
        asked = self._ask(Permission.CORRECT_RECORDS, CASE_FIELDS, field, value, reason)
        spec, why, at = asked.spec, asked.reason, asked.at
        with write_transaction(self._db):
            case = self._case_files.claim_edit(case_no)
            index = payment_index(case, spec, payment)
            new = corrected_case(case, spec, asked.value, index)
            before = shown_field(spec, case_value(case, spec, index))
            after = shown_field(spec, case_value(new, spec, index))
            check_changed(before, after, spec.label)
            holder = None
            if spec.key == "decision_no" and new.decision is not None:
                holder = decision_number_holder(self._db, new.decision.decision_no or "")
            checked = check_case_correction(
                new,
                spec,
                today=asked.today,
                decision_no_holder=holder,
                major=assess_major(major_facts(new), self._case_files.thresholds()),
                calendar=self._calendar.work_calendar(),
                rules=self._case_files.gate_rules(),
                payment=index,
            )
            after = shown_field(spec, case_value(checked, spec, index))
            if spec.key == "kinds":
                after = "；".join(
                    [after or "", *(f"{label} {shown_money(a)} → {shown_money(b)}"
                                    for label, a, b in amounts_cleared(case, checked))]
                )  # fmt: skip
            round_id, round_no = self._superseded(case) if spec.reviewed else (None, None)
            decision = checked.decision
            published = (
                spec.published
                and decision is not None
                and decision.outcome in (Outcome.PENALTY, Outcome.NO_PENALTY)
            )
            shown = case.publication
            if published and shown.published_on is not None and shown.withdrawn_on is None:
                # the public sees a decision that is no longer the one on record: its
                # publication is withdrawn within 3 working days (APL 48②)
                changed_by = SetAside(asked.today, SetAsideSource.CORRECTION, spec.label, why)
                record_set_aside(self._db, case.id, changed_by, at)
            cases = CaseFileRepository(self._db)
            self._log.write_case(cases, spec.key, checked, index, at)
            kind = RecordKind.PAYMENT if spec.payment else RecordKind.CASE
            label = f"第{index + 1}笔{spec.label}" if spec.payment else spec.label
            correction = Correction(kind, str(case.id), spec.key, label, before, after, why,
                                    case_id=case.id, superseded_round_id=round_id,
                                    superseded_round_no=round_no,
                                    affects_publication=published)  # fmt: skip
            log_correction(self._db, at, self._user, correction, case.case_no)
        changed = frozenset({Topic.CASES, Topic.PAYMENTS})
        return CorrectionResult(label, before, after, round_no, published, changed)

    def _superseded(self, case: CaseFile) -> tuple[int | None, int | None]:
        """The round a change of what it approved supersedes: the latest agreeing round."""
        latest = case.latest_review()
        if latest is None or latest.imported or latest.opinion is not ReviewOpinion.AGREE:
            return None, None
        return ReviewRepository(self._db).last_round_id(case.id), latest.round_no

    def case_value(self, case_no: str, spec: FieldSpec, payment: int | None = None) -> str | None:
        """A field's value now, as a correction shows it (the window fills it in)."""
        case = self._case_files.find(case_no)
        index = payment_index(case, spec, payment)
        if spec.payment and not 0 <= index < len(case.payments):
            return None
        return shown_field(spec, case_value(case, spec, index))

    # -- simple decisions ---------------------------------------------------------------
    def correct_simple(
        self,
        decision_no: str,
        field: str,
        value: str,
        reason: str,
    ) -> CorrectionResult:
        """Correct one field of a simple decision; refused when the decision changed since its
        editor read it (``case_versions.simple_edited_as_read``, ``claim_simple``)."""
        asked = self._ask(Permission.CORRECT_RECORDS, SIMPLE_FIELDS, field, value, reason)
        spec, why, at = asked.spec, asked.reason, asked.at
        with write_transaction(self._db):
            claim_simple(self._db, decision_no)
            stored = self._simple(decision_no)
            old = stored.record
            new = corrected_simple(old, spec, asked.value)
            renumbered = new.decision_no.strip() != old.decision_no
            holder = decision_number_holder(self._db, new.decision_no.strip())
            individual = self._settings.current().individual_business_as_citizen
            checked = check_simple_decision(
                new,
                number_holder=holder if renumbered else None,
                officers=certificates_named(self._db, old.officer_certificates),
                limits=SimpleLimits(individual_business_as_citizen=individual),
                today=asked.today,
            )
            before = shown_field(spec, simple_value(old, spec))
            after = shown_field(spec, simple_value(checked, spec))
            check_changed(before, after, spec.label)
            self._log.write_simple(stored, checked, at)
            correction = Correction(RecordKind.SIMPLE, str(stored.id), spec.key, spec.label,
                                    before, after, why,
                                    affects_publication=spec.published)  # fmt: skip
            log_correction(self._db, at, self._user, correction, checked.decision_no)
        changed = frozenset({Topic.SIMPLE_DECISIONS})
        return CorrectionResult(spec.label, before, after, None, spec.published, changed)

    def simple_value(self, decision_no: str, spec: FieldSpec) -> str | None:
        stored = self._log.simple(decision_no.strip())
        return None if stored is None else shown_field(spec, simple_value(stored.record, spec))

    def simple_corrections(self, decision_no: str) -> tuple[CorrectionEntry, ...]:
        stored = self._log.simple(decision_no.strip())
        if stored is None:
            return ()
        return self._log.for_record(RecordKind.SIMPLE, str(stored.id))

    # -- officers -----------------------------------------------------------------------
    def correct_officer(
        self, certificate_no: str, field: str, value: str, reason: str
    ) -> CorrectionResult:
        """An administrator corrects an officer's certificate data, with a reason."""
        asked = self._ask(Permission.MANAGE_OFFICERS, OFFICER_FIELDS, field, value, reason)
        spec, why, at = asked.spec, asked.reason, asked.at
        with write_transaction(self._db):
            stored = self._officer(certificate_no)
            old = stored.record
            checked = check_officer(corrected_officer(old, spec, asked.value), asked.today)
            renumbered = checked.certificate_no != old.certificate_no
            if renumbered and self._log.officer(checked.certificate_no) is not None:
                raise DomainError("officer.certificate_taken", "certificate_no",
                                  {"certificate_no": checked.certificate_no})  # fmt: skip
            before = shown_field(spec, officer_value(old, spec))
            after = shown_field(spec, officer_value(checked, spec))
            check_changed(before, after, spec.label)
            self._log.write_officer(stored, checked)
            correction = Correction(RecordKind.OFFICER, str(stored.certificate_id), spec.key,
                                    spec.label, before, after, why)  # fmt: skip
            log_correction(self._db, at, self._user, correction, checked.certificate_no)
        return CorrectionResult(spec.label, before, after, None, False, frozenset({Topic.OFFICERS}))

    def officer_value(self, certificate_no: str, spec: FieldSpec) -> str | None:
        stored = self._log.officer(certificate_no.strip())
        return None if stored is None else shown_field(spec, officer_value(stored.record, spec))

    def officer_corrections(self, certificate_no: str) -> tuple[CorrectionEntry, ...]:
        stored = self._log.officer(certificate_no.strip())
        if stored is None:
            return ()
        return self._log.for_record(RecordKind.OFFICER, str(stored.certificate_id))
