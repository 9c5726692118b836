"""The general-procedure case, step by step: each method is one checked transaction.

A refused step raises ``DomainError`` before anything is written; an accepted one writes
the step and its audit record together and returns the case as it now stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Permission, Role, require
from chuansha_enforce.domain.after_decision.enforcement import (
    check_court_application,
    check_court_ruling,
    check_plan,
    check_reminder,
    court_window,
    enforcement_clocks,
)
from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.after_decision.publication_rules import check_unpaid_close
from chuansha_enforce.domain.cases import case_gates, case_rules, service_rules
from chuansha_enforce.domain.cases.case_deadlines import (
    CaseClocks,
    ClockRules,
    ClockState,
    case_clocks,
    duty_facts,
)
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Certificate,
    Decision,
    DecisionPause,
    Discussion,
    Education,
    EvidenceItem,
    Extension,
    Hearing,
    OfficerChange,
    ReviewRound,
    ServiceAttempt,
    ServiceProof,
    StatementKind,
    SurchargePause,
)
from chuansha_enforce.domain.cases.case_gates import GateRules
from chuansha_enforce.domain.cases.case_rules import check_decision_content
from chuansha_enforce.domain.cases.discretion import (
    Deviation,
    DiscretionChoice,
    EarlierFine,
    check_fine,
    repeats,
    same_act,
    taken_over,
)
from chuansha_enforce.domain.cases.evidence_rules import check_evidence
from chuansha_enforce.domain.cases.major_case import (
    MajorAssessment,
    MajorFacts,
    MajorThresholds,
    assess_major,
)
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.demolition.carry_out_day import check_rest_day_confirmed
from chuansha_enforce.domain.demolition.forced_clocks import list_flag
from chuansha_enforce.domain.demolition.forced_demolition import (
    ForcedRules,
    check_announcement,
    check_authority,
    check_carry_out,
    check_demolition_reminder,
    check_forced_decision,
    check_order_period,
    check_reminder_statement,
    check_removed,
    forced_clocks,
    forced_rules,
    has_order,
)
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ReminderStatement,
)
from chuansha_enforce.domain.demolition.order_rules import check_education
from chuansha_enforce.domain.disputes.disputes import DisputeRecord
from chuansha_enforce.domain.documents.numbering import NumberKind, fits_template, render_number
from chuansha_enforce.domain.enums import Outcome, PenaltyKind, ReviewOpinion, ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.domain.text_input import clean_fields, clean_line
from chuansha_enforce.services import case_versions
from chuansha_enforce.services.account_service import accounts_in_use
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.certificate_lookup import (
    certificates_named,
    officer_named,
    officers_named,
)
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.services.numbering_service import NumberingService
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.services.signature_check import check_latest_signature
from chuansha_enforce.storage.accounts.user_repository import UserRepository
from chuansha_enforce.storage.after_decision.enforcement_lookup import disputes_for
from chuansha_enforce.storage.after_decision.publication_repository import PublicationRepository
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.cases.case_trash_repository import CaseTrashRepository
from chuansha_enforce.storage.cases.discretion_repository import DiscretionRepository
from chuansha_enforce.storage.cases.service_repository import ServiceRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.documents.decision_numbers import decision_number_holder
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog


@dataclass(frozen=True, slots=True)
class NewCase:
    case_no: str
    party: PartyRecord
    cause: str
    filed_on: dt.date
    officer_certificates: tuple[str, ...]
    violation: str | None = None
    legal_basis: str | None = None
    location: str | None = None
    clue_on: dt.date | None = None
    demolition_order: bool = False
    major_flag_reason: str | None = None
    notes: str | None = None
    violation_on: dt.date | None = None  # the act, or the end of a continuing act
    violation_continuing: bool = False  # still going: the limitation has not begun
    five_year_reason: str | None = None  # APL 36: life, health or financial safety, harm

    def __post_init__(self) -> None:
        clean_fields(self)  # as typed or imported: one rule for text (domain.text_input)


@dataclass(frozen=True, slots=True)
class StepResult:
    case: CaseFile
    changed: Changes
    warnings: tuple[str, ...] = ()  # message codes to show beside a step that was recorded
    repeats: tuple[EarlierFine, ...] = ()  # the party's earlier fines for the same violation


@dataclass(frozen=True, slots=True)
class CaseView:
    """One case with everything computed as of a date (for ``case show`` and the GUI)."""

    case: CaseFile
    as_of: dt.date
    clocks: CaseClocks
    major: MajorAssessment
    discretion: DiscretionChoice | None = None
    """The decision's circumstance and deviation (DOMAIN §17); None when none is recorded."""
    notice_discretion: DiscretionChoice | None = None
    """The circumstance recorded at the 告知 (0027's notice_discretion)."""


def major_facts(case: CaseFile, decision: Decision | None = None) -> MajorFacts:
    """The facts §3 weighs: the decision's, or before it the penalty the notice proposes."""
    decided = decision or case.decision
    proposed = case.notice if decided is None else None
    if proposed is not None:
        fine, confiscation, kinds = (
            proposed.proposed_fine_fen,
            proposed.proposed_confiscation_fen,
            proposed.proposed_kinds,
        )
    else:
        fine = decided.fine_fen if decided else 0
        confiscation = decided.confiscation_fen if decided else 0
        kinds = decided.kinds if decided else frozenset()
    return MajorFacts(
        party_kind=case.party.kind,
        fine_fen=fine,
        confiscation_fen=confiscation,
        kinds=kinds,
        hearing=case.hearing_state,
        reduced_penalty=bool(decided and decided.reduced_penalty),
        demolition_order=case.demolition_order
        or bool(decided and decided.demolition)
        or bool(proposed and proposed.proposed_demolition),
        crime_transfer=bool(decided and decided.outcome is Outcome.TRANSFER_JUDICIAL),
        forced_demolition=case.forced.reminder is not None and case.forced.removed_on is None,
        manual_reason=case.major_flag_reason,
    )


def reviewer_may_approve(db: sqlite_utils.Database, name: str | None) -> bool:
    """A named approver is a legal reviewer's active account; without accounts (single-user
    mode) the name as written is recorded."""
    text = (name or "").strip()
    if not text:
        return False
    if not accounts_in_use(db):
        return True
    user = UserRepository(db).by_name(text)
    return user is not None and user.account.role is Role.REVIEWER and not user.disabled


class CaseFileService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        calendar: CalendarService,
        numbering: NumberingService,
        settings: SettingsService,
    ) -> None:
        super().__init__(ctx)
        self._settings = settings
        self._numbering = numbering
        self._calendar = calendar
        self._cases = CaseFileRepository(ctx.db)

    # -- reading ------------------------------------------------------------------------
    def certificates(self) -> list[Certificate]:
        return self._cases.certificates()

    def find(self, case_no: str) -> CaseFile:
        return self._cases.load(self._case_id(case_no))

    def _case_id(self, case_no: str) -> int:
        case_id = self._cases.case_id(case_no.strip())
        if case_id is None:
            trashed = CaseTrashRepository(self._db).trashed_id(case_no.strip()) is not None
            code = "case.in_trash" if trashed else "case.not_found"
            raise DomainError(code, "case_no", {"case_no": case_no})
        return case_id

    def claim_edit(self, case_no: str) -> CaseFile:
        """Inside an edit's write transaction: raise the case's version (refused with
        "已被他人修改，请刷新后再试" when it is no longer at the version an ``edited_as_read``
        names), then read the case as it now stands."""
        case_id = self._case_id(case_no)
        case_versions.claim(self._db, case_id, case_no)
        return self._cases.load(case_id)

    def clock_rules(self) -> ClockRules:
        s = self._settings.current()
        return ClockRules(s.filing_working_days, s.statement_working_days, s.due_soon_working_days)

    def gate_rules(self) -> GateRules:
        return case_gates.gate_rules_from(self._settings.current())

    def forced_rules(self) -> ForcedRules:
        return forced_rules(self._settings.current())

    def thresholds(self) -> MajorThresholds:
        s = self._settings.current()
        return MajorThresholds(s.major_individual_fen, s.major_organisation_fen)

    def view(self, case_no: str, as_of: dt.date | None = None) -> CaseView:
        case = self.find(case_no)
        day = as_of or today_in_china(self._clock)
        return CaseView(
            case,
            day,
            self._clocks(case, day),
            assess_major(major_facts(case), self.thresholds()),
            *self._choices(case.id),
        )

    def _choices(self, case_id: int) -> tuple[DiscretionChoice | None, DiscretionChoice | None]:
        """The decision's and the notice's circumstance and deviation (DOMAIN §17)."""
        repo = DiscretionRepository(self._db)
        return repo.choice(case_id), repo.notice_choice(case_id)

    def disputes_about(self, case: CaseFile) -> tuple[DisputeRecord, ...]:
        """The reconsiderations and lawsuits naming the case or its decision number."""
        return disputes_for(self._db, [case.id]).get(case.id, ())

    def clocks_on(self, case: CaseFile, day: dt.date) -> CaseClocks:
        """Every clock of ``case`` on ``day``, those after the decision included."""
        return self._clocks(case, day)

    def _clocks(self, case: CaseFile, day: dt.date) -> CaseClocks:
        """The case's clocks with those after the decision (DOMAIN §14) added."""
        calendar, rules = self._calendar.work_calendar(), self.clock_rules()
        clocks = case_clocks(case, day, calendar, rules)
        disputes = self.disputes_about(case)
        extra, warnings = enforcement_clocks(
            case, disputes, day, calendar, rules.due_soon_working_days
        )
        extra += forced_clocks(case, disputes, day, calendar, rules.due_soon_working_days)
        if not extra:
            return clocks
        merged = tuple(sorted(set(clocks.warnings) | set(warnings), key=lambda w: w.year))
        return dataclasses.replace(clocks, clocks=clocks.clocks + extra, warnings=merged)

    def overdue(
        self, as_of: dt.date | None = None, *, year: int | None = None, limit: int | None = None
    ) -> list[CaseView]:
        """Open cases with a missed duty (decision after extensions, service or payment) on
        ``as_of``, newest-filed first: those filed in ``year`` (all years when None), at
        most ``limit`` (all when None). The list's red rows, by the same ``deadline_flag``."""
        if year is not None and not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        day = as_of or today_in_china(self._clock)
        calendar = self._calendar.work_calendar()
        rules, thresholds = self.clock_rules(), self.thresholds()
        views: list[CaseView] = []
        for case_id in self._cases.overdue_candidates(day, year=year):
            if limit is not None and len(views) >= limit:
                break
            case = self._cases.load(case_id)
            facts = dataclasses.replace(duty_facts(case), disputes=self.disputes_about(case))
            flag = list_flag(facts, day, calendar, rules.due_soon_working_days)
            if flag is ClockState.OVERDUE:
                clocks = self._clocks(case, day)
                major = assess_major(major_facts(case), thresholds)
                views.append(CaseView(case, day, clocks, major, *self._choices(case.id)))
        return views

    # -- writing ------------------------------------------------------------------------
    def _step(
        self,
        case_no: str,
        action: str,
        detail: Mapping[str, object],
        apply: Callable[[CaseFile, dt.date, str], None],
        changed: Changes = frozenset({Topic.CASES}),
    ) -> StepResult:
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)

        with write_transaction(self._db):
            case = self.claim_edit(case_no)
            if action != "case.review":
                case_gates.check_review_current(case)
            apply(case, today, at)
            self._audit(at, action, case.case_no, detail)
            written = self._cases.load(case.id)
        return StepResult(written, changed)

    def run_step(
        self,
        case_no: str,
        action: str,
        detail: Mapping[str, object],
        apply: Callable[[CaseFile, dt.date, str], None],
    ) -> StepResult:
        """A step another service adds to the case (publication, …): the same checks of the
        account and of the case's version, one transaction with its audit record, the case
        as it now stands. ``apply`` decides from the case and rows it reads inside the
        transaction: a server refusing it to break a deadlock rolls it back and the whole
        operation runs again (``retried_call``, around every public method), so a caller's
        ``apply`` keeps nothing of a refused run outside its own operation."""
        return self._step(case_no, action, detail, apply)

    def _audit(self, at: str, action: str, case_no: str, detail: Mapping[str, object]) -> None:
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, "general_case", case_no, "ok", detail)
        )

    def reveal_id_number(self, case_no: str) -> str | None:
        """The party's full identity number; the viewing goes into the audit log first
        (DOMAIN §8: lists mask it, and seeing it whole is logged). A session that cannot
        write — read-only, or accounts without a login — is refused by the write itself."""
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            case = self.find(case_no)
            if case.party.id_number is None:
                return None
            AuditLog(self._db).append(
                AuditEntry(
                    at, self._user, "party.id_viewed", "general_case", case.case_no, "ok", {}
                )
            )
        return case.party.id_number

    def officers_named(self, texts: Sequence[str], on: dt.date | None) -> list[Certificate]:
        """Officers by certificate number, ``name(no)`` or name (the registry's identity)."""
        return officers_named(self._db, texts, on)

    def _officers(self, numbers: Sequence[str]) -> list[Certificate]:
        return certificates_named(self._db, numbers)

    @held_to_length
    def file_case(self, new: NewCase) -> StepResult:
        require(self._acting, Permission.RECORD_CASES)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            officers = self._officers(new.officer_certificates)
            typed = new.case_no.strip()
            template = self._numbering.template(NumberKind.CASE)
            free = self._settings.current().free_case_numbers
            if typed and not free and not fits_template(typed, template):
                example = render_number(template, new.filed_on.year, 1)
                params = {"case_no": typed, "example": example}
                raise DomainError("numbering.free_form", "case_no", params)
            case_no = typed or self._numbering.issue_within(
                NumberKind.CASE, new.filed_on.year, None
            )
            if CaseTrashRepository(self._db).trashed_id(case_no) is not None:
                raise DomainError("case.case_no_in_trash", "case_no", {"case_no": case_no})
            case_rules.check_filing(
                case_no=case_no,
                case_no_taken=bool(case_no) and self._cases.case_no_exists(case_no),
                cause=new.cause,
                filed_on=new.filed_on,
                clue_on=new.clue_on,
                officers=officers,
                today=today,
            )
            case_gates.check_limitation(
                new.violation_on,
                new.violation_continuing,
                new.clue_on or new.filed_on,
                new.five_year_reason,
            )
            party = case_rules.check_party(new.party, today)
            case_id = self._cases.insert_case(
                case_no=case_no,
                party=party,
                cause=new.cause.strip(),
                violation=new.violation,
                legal_basis=new.legal_basis,
                location=new.location,
                filed_on=new.filed_on,
                clue_on=new.clue_on,
                officers=officers,
                demolition_order=new.demolition_order,
                major_flag_reason=new.major_flag_reason,
                notes=new.notes,
                at=at,
                violation_on=new.violation_on,
                violation_continuing=new.violation_continuing,
                five_year_reason=(new.five_year_reason or "").strip() or None,
            )
            self._audit(at, "case.file", case_no, {"filed_on": new.filed_on.isoformat()})
            case = self._cases.load(case_id)
        return StepResult(case, frozenset({Topic.CASES}))

    @held_to_length
    def record_notice(
        self, case_no: str, notice: AdvanceNotice, discretion: DiscretionChoice | None = None
    ) -> StepResult:
        """告知; a proposed fine with a circumstance (or a deviation) is checked against the
        benchmark as at the decision (DOMAIN §17), which takes the circumstance over."""
        choice = discretion or DiscretionChoice()

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_notice(case, notice, today)
            case_gates.check_notice_content(case, notice, self.gate_rules())
            fined = PenaltyKind.FINE in notice.proposed_kinds and notice.proposed_fine_fen > 0
            if not fined and (choice.circumstance or choice.deviation):
                raise DomainError("discretion.fine_only", "deviation")
            if fined:
                self._check_benchmark(case, notice.proposed_fine_fen, choice, notice.served_on)
            self._cases.save_notice(case.id, notice, at)
            DiscretionRepository(self._db).save_notice_choice(case.id, choice, at)

        detail = {
            "served_on": notice.served_on.isoformat(),
            "kinds": sorted(k.value for k in notice.proposed_kinds),
            "fine_fen": notice.proposed_fine_fen,
            "hearing_offered": notice.hearing_offered,
        }
        return self._step(case_no, "case.notice", detail, apply)

    @held_to_length
    def record_statement(self, case_no: str, kind: StatementKind, on: dt.date) -> StepResult:
        """The party stated and defended, or waived it in writing (APL 44-45)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_gates.check_statement(case, kind, on, today)
            assert case.notice is not None
            notice = dataclasses.replace(case.notice, statement_on=on, statement_kind=kind)
            self._cases.save_notice(case.id, notice, at)

        detail = {"kind": kind.value, "on": on.isoformat()}
        return self._step(case_no, "case.statement", detail, apply)

    @held_to_length
    def mark_complex(self, case_no: str, reason: str) -> StepResult:
        """The clerk marks the case complex: a collective discussion must precede the decision."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            if case.decision is not None:
                raise DomainError("case.already_decided", "complex_reason",
                                  {"case_no": case.case_no})  # fmt: skip
            if not reason.strip():
                raise DomainError("value.required", "complex_reason")
            if case.complex_reason:
                raise DomainError("case.already_complex", "complex_reason")
            self._cases.save_complex(case.id, reason.strip(), at)

        return self._step(case_no, "case.complex", {"reason": reason.strip()}, apply)

    @held_to_length
    def change_officers(
        self, case_no: str, on: dt.date, officers: Sequence[str], reason: str
    ) -> StepResult:
        """变更承办人: new handling officers, valid on the day of the change (DOMAIN §12)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            if case.decision is not None:
                raise DomainError("case.already_decided", "changed_on", {"case_no": case.case_no})
            if not reason.strip():
                raise DomainError("value.required", "reason")
            case_rules.not_future(on, today, "changed_on")
            case_rules.not_before(on, case.filed_on, "changed_on", "立案日期")
            chosen = officers_named(self._db, officers, on)
            case_rules.check_officers(chosen, on)
            if {c.id for c in chosen} == {c.id for c in case.officers}:
                raise DomainError("officers.change_same", "officers")
            change = OfficerChange(
                on,
                tuple(c.certificate_no for c in case.officers),
                tuple(c.certificate_no for c in chosen),
                reason.strip(),
            )
            self._cases.change_officers(case.id, change, chosen, at)

        detail = {"on": on.isoformat(), "reason": reason.strip()}
        return self._step(case_no, "case.officers", detail, apply)

    @held_to_length
    def record_hearing(self, case_no: str, hearing: Hearing) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_hearing(case, hearing, today)
            presiding = None
            if hearing.presiding and hearing.presiding.strip():
                registry = self._cases.certificates()
                presiding = officer_named(registry, hearing.presiding, hearing.held_on,
                                          "presiding")  # fmt: skip
            calendar = self._calendar.work_calendar()
            case_gates.check_hearing_gates(case, hearing, presiding, calendar, self.gate_rules())
            named = presiding.officer_name if presiding is not None else hearing.presiding
            self._cases.save_hearing(case.id, dataclasses.replace(hearing, presiding=named), at)

        return self._step(case_no, "case.hearing", {"state": hearing.state.value}, apply)

    @held_to_length
    def record_review(
        self,
        case_no: str,
        *,
        reviewer: str,
        reviewed_on: dt.date,
        opinion: ReviewOpinion,
        note: str | None = None,
        imported: bool = False,
    ) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            if not imported and accounts_in_use(self._db):
                # With accounts, a review is signed by its reviewer (ReviewService.sign).
                raise DomainError("review.signature_required", "reviewer")
            latest = case.latest_review()
            review = ReviewRound(
                round_no=(latest.round_no + 1) if latest else 1,
                reviewer=reviewer.strip(),
                reviewed_on=reviewed_on,
                opinion=opinion,
                imported=imported,
                note=note,
                proposal=None if imported else case.proposal_under_review,
            )
            case_rules.check_review(case, review, today)
            self._cases.add_review(case.id, review, at)

        detail = {"reviewer": clean_line(reviewer), "opinion": opinion.value}
        return self._step(case_no, "case.review", detail, apply)

    @held_to_length
    def record_discussion(self, case_no: str, discussion: Discussion) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_discussion(case, discussion, today)
            case_gates.check_discussion_gates(discussion, self.gate_rules())
            self._cases.add_discussion(case.id, discussion, at)

        detail = {"held_on": discussion.held_on.isoformat()}
        return self._step(case_no, "case.discussion", detail, apply)

    @held_to_length
    def extend_decision_deadline(self, case_no: str, extension: Extension) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_extension(case, extension, today)
            case_gates.check_extension_gates(case, extension, self.gate_rules())
            self._cases.add_extension(case.id, extension, at)

        detail = {"days": extension.days, "approved_by": extension.approved_by}
        return self._step(case_no, "case.extension", detail, apply)

    @held_to_length
    def decide(
        self, case_no: str, decision: Decision, discretion: DiscretionChoice | None = None
    ) -> StepResult:
        """作出决定; a fine with a circumstance or a deviation is checked against the discretion
        benchmark (DOMAIN §17), and no fine twice for the same act (APL 29)."""
        number = (decision.decision_no or "").strip() or None
        found: list[EarlierFine] = []

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            nonlocal decision
            choice = discretion or DiscretionChoice()
            if decision.outcome is Outcome.PENALTY and decision.fine_fen > 0:
                at_notice = DiscretionRepository(self._db).notice_choice(case.id)
                choice = taken_over(discretion, at_notice)  # the 告知's unless given again
            if choice.deviation is Deviation.MITIGATED:
                decision = dataclasses.replace(decision, reduced_penalty=True)  # 减轻: major (§3)
            given = number
            numbered = (Outcome.PENALTY, Outcome.NO_PENALTY, Outcome.ORDER_ONLY)
            if given is None and decision.outcome in numbered:
                # Checked first, so a refused decision never consumes a number.
                check_decision_content(dataclasses.replace(decision, decision_no="（自动编号）"))
                given = self._numbering.issue_within(
                    NumberKind.PENALTY_DECISION, decision.decided_on.year, case.case_no
                )
            final = dataclasses.replace(decision, decision_no=given)
            holder = None if number is None else decision_number_holder(self._db, number)
            major = assess_major(major_facts(case, final), self.thresholds())
            case_rules.check_decision(
                case,
                final,
                decision_no_holder=holder,
                major=major,
                today=today,
            )
            case_gates.check_decision_gates(
                case,
                final,
                major=major,
                calendar=self._calendar.work_calendar(),
                rules=self.gate_rules(),
            )
            found.extend(self._check_discretion(case, final, choice))
            if final.demolition_deadline is not None:
                check_order_period(final.decided_on, final.demolition_deadline, None,
                                   self.forced_rules())  # fmt: skip
            check_latest_signature(self._db, case.id, case.case_no)
            self._cases.save_decision(case.id, final, at)
            DiscretionRepository(self._db).save_choice(case.id, choice, at)

        detail: dict[str, object] = {
            "outcome": decision.outcome.value,
            "fine_fen": decision.fine_fen,
        }
        if decision.demolition_deadline is not None:
            detail["demolition_deadline"] = decision.demolition_deadline.isoformat()
        result = self._step(case_no, "case.decide", detail, apply)
        return dataclasses.replace(result, repeats=tuple(found))

    @held_to_length
    def record_education(self, case_no: str, education: Education) -> StepResult:
        """The education given with an APL 33 不予处罚 decision (APL 33③)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_education(case, education, today)
            self._cases.save_education(case.id, education, at)

        detail = {"on": education.given_on.isoformat()}
        return self._step(case_no, "case.educate", detail, apply)

    def _check_discretion(
        self, case: CaseFile, final: Decision, choice: DiscretionChoice
    ) -> tuple[EarlierFine, ...]:
        """一事不再罚 refused, the benchmark checked; returns the repeats to warn about."""
        if final.outcome is not Outcome.PENALTY or final.fine_fen <= 0:
            if choice.circumstance or choice.deviation:
                raise DomainError("discretion.fine_only", "deviation")
            return ()
        repo = DiscretionRepository(self._db)
        fines = repo.earlier_fines(case.id, case.party.name, case.party.id_number)
        earlier = same_act(fines, case.violation, case.violation_on, case.location)
        if earlier is not None:
            assert case.violation_on is not None
            params = {"case_no": earlier.case_no, "date": case.violation_on.isoformat(),
                      "place": case.location or "未记录地点"}  # fmt: skip
            raise DomainError("discretion.same_act", "decided_on", params)
        self._check_benchmark(case, final.fine_fen, choice, final.decided_on)
        return repeats(fines, case.violation, case.violation_on, case.location)

    def _check_benchmark(
        self, case: CaseFile, fine_fen: int, choice: DiscretionChoice, on: dt.date
    ) -> None:
        """A fine (proposed or decided) against the benchmark in force on ``on``: consulted
        once a circumstance or deviation is recorded; with ``discretion_required`` the
        circumstance is required for a violation the table covers (DOMAIN §17)."""
        rows = DiscretionRepository(self._db).benchmarks()
        required = self._settings.current().discretion_required
        check_fine(rows, case.violation, fine_fen, choice, on, required=required)

    @held_to_length
    def serve(
        self,
        case_no: str,
        served_on: dt.date,
        method: ServiceMethod,
        proof: ServiceProof | None = None,
    ) -> StepResult:
        """送达, by the book (``domain.service_rules``): 公告 after a recorded attempt, 留置 with
        a witness or a photo/video record, 电子 with the party's consent."""
        given = proof or ServiceProof()

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_service(case, served_on, today)
            service_rules.check_proof(case, served_on, method, given)
            order = case.decision.demolition_deadline if case.decision else None
            if case.decision is not None and order is not None:
                check_order_period(case.decision.decided_on, order, served_on,
                                   self.forced_rules())  # fmt: skip
            self._cases.save_service(case.id, served_on, method, at)
            ServiceRepository(self._db).save_proof(case.id, given, at)

        detail: dict[str, object] = {"served_on": served_on.isoformat(), "method": method.value}
        if given.witness or given.recorded:
            detail["witness"] = given.witness or "（拍照录像）"
        if given.consent_on is not None:
            detail["consent_on"] = given.consent_on.isoformat()
        return self._step(case_no, "case.serve", detail, apply)

    @held_to_length
    def record_evidence(self, case_no: str, item: EvidenceItem) -> StepResult:
        """登记证据: one piece of evidence, before the decision (``domain.evidence_rules``)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_evidence(case, item, today)
            ServiceRepository(self._db).add_evidence(case.id, item, at)

        detail = {"kind": item.kind.value, "obtained_on": item.obtained_on.isoformat()}
        return self._step(case_no, "case.evidence", detail, apply)

    @held_to_length
    def record_service_attempt(self, case_no: str, attempt: ServiceAttempt) -> StepResult:
        """A service that did not reach the party (the record a 公告送达 needs)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            service_rules.check_attempt(case, attempt, today)
            ServiceRepository(self._db).add_attempt(case.id, attempt, at)

        detail = {
            "attempted_on": attempt.attempted_on.isoformat(),
            "method": attempt.method.value,
            "result": attempt.result.value,
        }
        return self._step(case_no, "case.serve_attempt", detail, apply)

    @held_to_length
    def record_payment(self, case_no: str, payment: PaymentRecord) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_payment(case, payment, today)
            self._cases.add_payment(case.id, payment, at)

        detail = {"amount_fen": payment.amount_fen, "surcharge_fen": payment.surcharge_fen}
        changed = frozenset({Topic.CASES, Topic.PAYMENTS})
        return self._step(case_no, "case.payment", detail, apply, changed)

    @held_to_length
    def record_pause(self, case_no: str, pause: SurchargePause) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_rules.check_pause(case, pause, today)
            self._cases.add_pause(case.id, pause, at)

        return self._step(case_no, "case.pause", {"kind": pause.kind.value}, apply)

    @held_to_length
    def record_decision_pause(self, case_no: str, pause: DecisionPause) -> StepResult:
        """A period that does not count toward the decision deadline (DOMAIN §12)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            case_gates.check_decision_pause(case, pause, today)
            self._cases.add_decision_pause(case.id, pause, at)

        detail = {"kind": pause.kind.value, "from": pause.start.isoformat(),
                  "until": pause.end.isoformat()}  # fmt: skip
        return self._step(case_no, "case.decision_pause", detail, apply)

    # -- after the decision (DOMAIN §14) ----------------------------------------------------
    @held_to_length
    def approve_instalments(self, case_no: str, plan: InstalmentPlan) -> StepResult:
        """延期（分期）缴纳 approved (APL 66②): the money owed gets new due dates."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_plan(case, plan, today, self._calendar.work_calendar())
            self._cases.save_plan(case.id, plan, at)

        detail = {
            "approved_on": plan.approved_on.isoformat(),
            "instalments": [[i.due_on.isoformat(), i.amount_fen] for i in plan.instalments],
        }
        return self._step(case_no, "case.instalments", detail, apply)

    @held_to_length
    def record_reminder(
        self, case_no: str, reminder: PaymentReminder, demolition: bool = False
    ) -> StepResult:
        """催告书 served after a missed due date (行政强制法 35, 54), or on a demolition order
        (35, 44): the order's when asked, or when the case has no money decided."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            calendar = self._calendar.work_calendar()
            if demolition or (has_order(case) and case.money_decided_fen <= 0):
                disputes = self.disputes_about(case)
                check_demolition_reminder(case, reminder, today, disputes, calendar)
                self._cases.save_forced_step(case.id, "reminder", reminder.served_on, at,
                                 until=reminder.until)  # fmt: skip
                return
            check_reminder(case, reminder, today, calendar)
            self._cases.save_reminder(case.id, reminder, at)

        detail = {"served_on": reminder.served_on.isoformat(), "until": reminder.until.isoformat()}
        if demolition:
            detail["demolition"] = "yes"
        return self._step(case_no, "case.reminder", detail, apply)

    # -- forced demolition (DOMAIN §13) ------------------------------------------------------
    @held_to_length
    def record_reminder_statement(self, case_no: str, statement: ReminderStatement) -> StepResult:
        """The party's statements after the 催告 heard and recorded (行政强制法 36)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_reminder_statement(case, statement, today, self.disputes_about(case))
            self._cases.save_forced_step(case.id, "statement", statement.on, at,
                             detail=statement.kind.value)  # fmt: skip

        detail = {"on": statement.on.isoformat(), "kind": statement.kind.value}
        return self._step(case_no, "case.forced_statement", detail, apply)

    @held_to_length
    def record_authority(self, case_no: str, authority: DistrictAuthority) -> StepResult:
        """区人民政府责成 (城乡规划法 68), recorded before an urban forced demolition."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_authority(case, authority, today)
            self._cases.save_forced_step(case.id, "authority", authority.on, at,
                             detail=authority.document)  # fmt: skip

        detail = {"on": authority.on.isoformat(), "document": authority.document}
        return self._step(case_no, "case.authority", detail, apply)

    def decide_forced_demolition(self, case_no: str, on: dt.date) -> StepResult:
        """强制拆除决定 (行政强制法 37): after the 催告's period, reviewed and discussed."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_forced_decision(case, on, today, self.disputes_about(case))
            self._cases.save_forced_step(case.id, "decision", on, at)

        return self._step(case_no, "case.enforce", {"on": on.isoformat()}, apply)

    @held_to_length
    def announce_demolition(self, case_no: str, announcement: DemolitionAnnouncement) -> StepResult:
        """强制拆除公告 giving the party a last period (行政强制法 44)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            disputes = self.disputes_about(case)
            check_announcement(case, announcement, today, disputes, self.forced_rules())
            self._cases.save_forced_step(case.id, "announcement", announcement.on, at,
                             until=announcement.until)  # fmt: skip

        detail = {"on": announcement.on.isoformat(), "until": announcement.until.isoformat()}
        return self._step(case_no, "case.announce", detail, apply)

    @held_to_length
    def carry_out_demolition(self, case_no: str, carry: CarryOut) -> StepResult:
        """实施强制拆除: never at night nor on a statutory holiday (行政强制法 43)."""
        warned: list[str] = []

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            calendar = self._calendar.work_calendar()
            rules = self.forced_rules()
            disputes = self.disputes_about(case)
            warned.extend(
                check_carry_out(case, carry, today, disputes, calendar=calendar, rules=rules)
            )
            self._cases.save_forced_step(case.id, "carried_out", carry.on, at, time=carry.at,
                             detail="\n".join(carry.witnesses))  # fmt: skip

        detail = {"on": carry.on.isoformat(), "at": carry.at.strftime("%H:%M"),
                  "witnesses": list(carry.witnesses)}  # fmt: skip
        result = self._step(case_no, "case.carry_out", detail, apply)
        return dataclasses.replace(result, warnings=tuple(warned))

    def check_carry_out_day(self, on: dt.date, confirmed: bool) -> None:
        """The window's question before a carrying out: a rest day that is no statutory
        holiday needs the clerk's confirmation (``carry_out_day``); nothing is written."""
        check_rest_day_confirmed(on, confirmed, self._calendar.work_calendar())

    def record_removal(self, case_no: str, on: dt.date) -> StepResult:
        """自行拆除: the party removed the structure; the sequence ends."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            check_removed(case, on, today)
            self._cases.save_forced_step(case.id, "removed", on, at)

        return self._step(case_no, "case.removed", {"on": on.isoformat()}, apply)

    def apply_to_court(self, case_no: str, applied_on: dt.date) -> StepResult:
        """申请人民法院强制执行, within the window (行政强制法 53, 54)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            facts = dataclasses.replace(duty_facts(case), disputes=self.disputes_about(case))
            window = court_window(facts, self._calendar.work_calendar())
            check_court_application(case, CourtApplication(applied_on), today, window)
            self._cases.save_court_application(case.id, applied_on, at)

        return self._step(
            case_no, "case.court_apply", {"applied_on": applied_on.isoformat()}, apply
        )

    @held_to_length
    def record_court_ruling(self, case_no: str, ruling_on: dt.date, ruling: str) -> StepResult:
        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            text = check_court_ruling(case, ruling_on, clean_line(ruling), today)
            self._cases.save_court_ruling(case.id, ruling_on, text, at)

        detail = {"ruling_on": ruling_on.isoformat(), "ruling": clean_line(ruling)}
        return self._step(case_no, "case.court_ruling", detail, apply)

    @held_to_length
    def close(
        self,
        case_no: str,
        closed_on: dt.date,
        reason: str | None = None,
        *,
        reason_kind: UnpaidCloseReason | None = None,
        approved_by: str | None = None,
    ) -> StepResult:
        """结案. With money unpaid only for a listed reason; 其他 with its text and a legal
        reviewer's approval (DOMAIN §14, ``publication_rules.check_unpaid_close``)."""

        def apply(case: CaseFile, today: dt.date, at: str) -> None:
            outstanding = max(case.money_decided_fen - case.paid_fen, 0)
            case_rules.check_closing(case, closed_on, reason, outstanding, today)
            approver_ok = reviewer_may_approve(self._db, approved_by)
            note, approver = check_unpaid_close(
                outstanding, reason_kind, reason, approved_by, approver_ok
            )
            kind = reason_kind if outstanding > 0 else None
            label = reason_kind.label if reason_kind else None
            text = "：".join(t for t in (label, note) if t) or None
            self._cases.save_closing(case.id, closed_on, text, at)
            PublicationRepository(self._db).save_closing_kind(
                case.id, kind.value if kind else None, approver if kind else None
            )

        detail = {
            "closed_on": closed_on.isoformat(),
            "reason_kind": reason_kind.value if reason_kind else None,
            "approved_by": approved_by,
        }
        return self._step(case_no, "case.close", detail, apply)
