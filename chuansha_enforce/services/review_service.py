"""The legal-review workflow (DOMAIN §3): submit, queue, sign; each resubmission a new round.

Only a logged-in reviewer signs, never on a case they handle or whose hearing they presided,
and only with their password (it unlocks their private key every time). Only 同意 unlocks
the decision, through the one gate in ``case_rules.check_review_gate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.accounts.accounts import Account, Permission, require
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import ReviewRound
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.review.review_checklist import (
    Finding,
    ReviewPeriod,
    check_materials,
    check_opinion,
    complete_findings,
    review_due,
)
from chuansha_enforce.domain.review.review_signer import check_signer
from chuansha_enforce.domain.review.review_signing import ED25519, SigningPayload
from chuansha_enforce.services.account_service import AccountService
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.certificate_lookup import registry_id_of
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.credentials import sign, unlock_private_key
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.services.signature_check import SignatureProblem, signature_problems
from chuansha_enforce.storage.accounts.user_repository import UserRepository
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.review.review_repository import (
    NewRound,
    ReviewRepository,
    SignatureRow,
    SubmissionRow,
)
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog


@dataclass(frozen=True, slots=True)
class QueueItem:
    submission: SubmissionRow
    state: str  # "open", "due_soon" or "overdue"
    working_days_left: int
    major_reasons: tuple[str, ...]
    version: int = 0
    """The case's version as the queue read it (before the submission shown): the queue's
    submission and extension carry it (``case_versions``)."""


@dataclass(frozen=True, slots=True)
class RoundView:
    round: ReviewRound
    round_id: int
    previous_round_id: int | None
    reviewer_user: str | None
    findings: tuple[Finding, ...]
    signature: str  # "valid", "invalid", "unsigned" or "imported"
    signed_at: str | None
    problems: tuple[SignatureProblem, ...]


@dataclass(frozen=True, slots=True)
class SignRequest:
    opinion: ReviewOpinion
    reasons: str | None
    findings: tuple[Finding, ...]
    password: str


@dataclass(frozen=True, slots=True)
class Signed:
    round: RoundView
    changed: Changes


def parse_opinion(text: str) -> ReviewOpinion:
    """An opinion by its Chinese label or its code (agree, supplement, revise, disagree)."""
    clean = text.strip()
    for opinion in ReviewOpinion:
        if clean in (opinion.label, opinion.value):
            return opinion
    raise DomainError("review.opinion_unknown", "opinion")


class ReviewService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        calendar: CalendarService,
        settings: SettingsService,
        case_files: CaseFileService,
        accounts: AccountService,
    ) -> None:
        super().__init__(ctx)
        self._calendar = calendar
        self._settings = settings
        self._case_files = case_files
        self._accounts = accounts
        self._reviews = ReviewRepository(ctx.db)
        self._users = UserRepository(ctx.db)

    @property
    def session(self) -> Account | None:
        return self._accounts.session

    def period(self) -> ReviewPeriod:
        s = self._settings.current()
        return ReviewPeriod(s.review_working_days, s.review_extension_working_days)

    def _audit(self, at: str, action: str, case_no: str, detail: dict[str, object]) -> None:
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, "general_case", case_no, "ok", detail)
        )

    # -- submitting -----------------------------------------------------------------------
    @held_to_length
    def submit(
        self,
        case_no: str,
        materials: Sequence[str],
        note: str | None = None,
    ) -> SubmissionRow:
        """Send a case to legal review with its materials; the due date follows the calendar.
        Refused when the case changed since its editor read it (``case_versions``)."""
        require(self.session, Permission.SUBMIT_REVIEW)
        listed = check_materials(materials)
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            case = self._case_files.claim_edit(case_no)
            reopened = case.needs_new_review or case.awaiting_forced_decision
            if case.decision is not None and not reopened:
                raise DomainError("case.already_decided", "case_no", {"case_no": case.case_no})
            if self._reviews.open_submission(case.id) is not None:
                raise DomainError("review.already_pending", "case_no", {"case_no": case.case_no})
            due = review_due(today, self._calendar.work_calendar(), self.period()).value
            self._reviews.add_submission(
                case.id,
                today,
                listed,
                due,
                submitted_by=self._user,
                note=(note or "").strip() or None,
                at=at,
            )
            detail: dict[str, object] = {"materials": list(listed), "due_on": due.isoformat()}
            self._audit(at, "review.submit", case.case_no, detail)
            submission = self._reviews.open_submission(case.id)
        assert submission is not None
        return submission

    @held_to_length
    def extend(
        self,
        case_no: str,
        approved_by: str,
        reason: str,
    ) -> SubmissionRow:
        """+3 working days (setting) once, by approval: who approved and why are kept.
        Refused when the case changed since its editor read it (``case_versions``)."""
        require(self.session, Permission.APPROVE_REVIEW_EXTENSION)
        approver = (approved_by or "").strip()
        why = (reason or "").strip()
        if not approver:
            raise DomainError("value.required", "approved_by")
        if not why:
            raise DomainError("value.required", "reason")
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            case = self._case_files.claim_edit(case_no)
            open_one = self._reviews.open_submission(case.id)
            if open_one is None:
                raise DomainError("review.not_submitted", "case_no", {"case_no": case.case_no})
            if open_one.extended:
                raise DomainError("review.already_extended", "days")
            calendar = self._calendar.work_calendar()
            due = review_due(open_one.submitted_on, calendar, self.period(), extended=True).value
            self._reviews.extend_submission(open_one.id, due, approver, why)
            detail: dict[str, object] = {"due_on": due.isoformat(), "approved_by": approver}
            self._audit(at, "review.extend", case.case_no, detail)
            extended = self._reviews.open_submission(case.id)
        assert extended is not None
        return extended

    # -- the queue ------------------------------------------------------------------------
    def queue(self, as_of: dt.date | None = None) -> list[QueueItem]:
        day = as_of or today_in_china(self._clock)
        calendar = self._calendar.work_calendar()
        soon = self._settings.current().due_soon_working_days
        items = []
        for listed in self._reviews.queue():
            case_view = self._case_files.view(listed.case_no, day)  # the version first …
            submission = self._reviews.open_submission(case_view.case.id)  # … then what it shows
            if submission is None:  # signed off since the list was read
                continue
            left = calendar.working_days_between(day, submission.due_on)
            state = "overdue" if day > submission.due_on else "due_soon" if left <= soon else "open"
            labels = case_view.major.labels
            items.append(QueueItem(submission, state, left, labels, case_view.case.version))
        return items

    # -- rounds ---------------------------------------------------------------------------
    def rounds(self, case_no: str) -> list[RoundView]:
        case = self._case_files.find(case_no)
        return [self._round_view(r.id) for r in self._reviews.rounds(case.id)]

    def open_submission(self, case_no: str) -> SubmissionRow | None:
        return self._reviews.open_submission(self._case_files.find(case_no).id)

    def _round_view(self, round_id: int) -> RoundView:
        row = self._reviews.round(round_id)
        assert row is not None
        sig = self._reviews.signature_for(round_id)
        problems: tuple[SignatureProblem, ...] = ()
        if sig is not None:
            problems = tuple(signature_problems(sig, self._reviews, self._users))
            state = "invalid" if problems else "valid"
        else:
            state = "imported" if row.round.imported else "unsigned"
        return RoundView(
            round=row.round,
            round_id=row.id,
            previous_round_id=row.previous_round_id,
            reviewer_user=row.reviewer_user,
            findings=self._reviews.findings(round_id),
            signature=state,
            signed_at=sig.signed_at if sig else None,
            problems=problems,
        )

    @held_to_length
    def sign(self, case_no: str, request: SignRequest) -> Signed:
        """Record this reviewer's round (checklist, opinion, reasons) and sign it."""
        account = check_signer(self.session, (), None)  # role first; the case comes below
        if self._accounts.must_change_password(account):  # an administrator knows its password
            raise DomainError("account.must_change_password", "password", {"name": account.name})
        findings = complete_findings(request.findings)
        reasons = check_opinion(request.opinion, request.reasons, findings)
        stored = self._accounts.check_password(account.name, request.password, action="review.sign")
        key = unlock_private_key(
            account.name, request.password, stored.private_key_enc, stored.key_kdf
        )
        if key is None:
            raise DomainError("auth.bad_password", "password")
        at = utc_timestamp(self._clock)
        today = today_in_china(self._clock)
        with write_transaction(self._db):
            case = self._case_files.claim_edit(case_no)
            submission = self._reviews.open_submission(case.id)
            if submission is None:
                raise DomainError("review.not_submitted", "case_no", {"case_no": case.case_no})
            latest = case.latest_review()
            review = ReviewRound(
                round_no=(latest.round_no + 1) if latest else 1,
                reviewer=account.display_name,
                reviewed_on=today,
                opinion=request.opinion,
                note=reasons,
                proposal=case.proposal_under_review,
            )
            case_rules.check_review(case, review, today)
            presiding = case.hearing.presiding if case.hearing else None
            held_on = case.hearing.held_on if case.hearing else None
            presiding_id = registry_id_of(self._db, presiding, held_on)
            # the stored account as the password check read it: a link made since login counts
            check_signer(stored.account, case.officers, presiding, presiding_id)
            previous = self._reviews.last_round_id(case.id)
            qualification = account.qualification_no or ""
            new = NewRound(case.id, review, previous, submission.id, account.id, qualification)
            round_id = self._reviews.add_round(new, at)
            self._reviews.add_findings(round_id, findings)
            audit = AuditLog(self._db)
            payload = SigningPayload(
                case_id=case.id,
                case_no=case.case_no,
                round_id=round_id,
                round_no=review.round_no,
                previous_round_id=previous,
                reviewer_user=account.name,
                reviewer_name=account.display_name,
                qualification_no=account.qualification_no,
                reviewed_on=today.isoformat(),
                opinion=request.opinion.value,
                reasons=reasons,
                findings=findings,
                signed_at=at,
                chain_head=audit.head(),
                algorithm=ED25519,
            )
            signature_id = self._reviews.add_signature(
                SignatureRow(
                    id=0,
                    round_id=round_id,
                    user_id=account.id,
                    algorithm=ED25519,
                    public_key=stored.public_key,
                    signed_at=at,
                    chain_head=payload.chain_head,
                    payload_hash=payload.digest(),
                    signature=sign(key, payload.canonical()),
                )
            )
            detail: dict[str, object] = {
                "round_id": round_id,
                "round_no": review.round_no,
                "opinion": request.opinion.value,
                "signature_id": signature_id,
                "payload_hash": payload.digest(),
            }
            self._audit(at, "review.sign", case.case_no, detail)
            view = self._round_view(round_id)
        return Signed(view, frozenset({Topic.CASES}))
