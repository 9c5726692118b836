"""A general-procedure case with every recorded step: the aggregate the rules check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.after_decision.publication import Publication, UnpaidCloseReason
from chuansha_enforce.domain.cases.status import derive_case_status
from chuansha_enforce.domain.corrections.corrections import CorrectionEntry
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    NO_FORCED_STEPS,
    ForcedDemolition,
)
from chuansha_enforce.domain.enums import (
    AttemptResult,
    CaseStatus,
    CertificateStatus,
    DecisionPauseKind,
    EnumMap,
    EvidenceKind,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PauseKind,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.domain.text_input import clean_fields

EXPIRED_LABEL = "已过期"
"""What the registry shows for a certificate past its expiry date (never stored)."""


@dataclass(frozen=True, slots=True)
class Certificate:
    """An officer's enforcement certificate, as the rules need it."""

    id: int
    officer_name: str
    certificate_no: str
    issued_on: dt.date
    expires_on: dt.date | None
    status: CertificateStatus
    cancelled_on: dt.date | None
    officer_id: int = 0  # the registry's person: identity in every check (DOMAIN §12)

    def valid_on(self, day: dt.date) -> bool:
        """Issued by ``day``, not yet expired or cancelled, not suspended.

        A certificate is valid through its expiry date inclusive (DOMAIN, Officers).
        """
        return (
            self.issued_on <= day
            and (self.expires_on is None or self.expires_on >= day)
            and (self.cancelled_on is None or self.cancelled_on > day)
            and self.status is not CertificateStatus.SUSPENDED
        )

    def expired_on(self, day: dt.date) -> bool:
        """The expiry date has passed by ``day`` (the expiry date itself is still valid)."""
        return self.expires_on is not None and self.expires_on < day

    def status_label(self, today: dt.date) -> str:
        """The status as the registry shows it: a certificate recorded 有效 whose expiry date
        has passed reads 已过期; 注销 and 暂扣 read as recorded."""
        if self.status is CertificateStatus.VALID and self.expired_on(today):
            return EXPIRED_LABEL
        return self.status.label


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed (or decided) penalty: what a 法制审核 round reviews (DOMAIN §12)."""

    kinds: frozenset[PenaltyKind]
    fine_fen: int = 0
    confiscation_fen: int = 0
    demolition: bool = False  # a 责令限期拆除 order goes with it (DOMAIN §13)

    def text(self) -> str:
        """Stored form: ``kind,kind|fine|confiscation`` (``|demolition`` when an order goes
        with it; rounds stored before orders existed have three parts)."""
        kinds = ",".join(sorted(k.value for k in self.kinds))
        order = "|demolition" if self.demolition else ""
        return f"{kinds}|{self.fine_fen}|{self.confiscation_fen}{order}"

    @classmethod
    def from_text(cls, text: str | None) -> Proposal | None:
        if not text:
            return None
        kinds, fine, confiscation, *order = text.split("|")
        chosen = frozenset(PenaltyKind(k) for k in kinds.split(",") if k)
        return cls(chosen, int(fine), int(confiscation), order == ["demolition"])


class StatementKind(StrEnum):
    """What the party did with the right to state and defend (APL 44-45)."""

    STATED = "stated"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        return STATEMENT_LABELS[self]


STATEMENT_LABELS = EnumMap(
    StatementKind, {StatementKind.STATED: "已陈述申辩", StatementKind.WAIVED: "书面放弃"}
)


@dataclass(frozen=True, slots=True)
class AdvanceNotice:
    """告知: served on the party before any decision (APL 44, 62), with the penalty it
    proposes, its facts and basis (DOMAIN §12)."""

    served_on: dt.date
    hearing_offered: bool = False
    statement_on: dt.date | None = None
    proposed_kinds: frozenset[PenaltyKind] = frozenset()
    proposed_fine_fen: int = 0
    proposed_confiscation_fen: int = 0
    facts: str | None = None
    basis: str | None = None
    heavy_marked: bool = False  # another heavy penalty the clerk marks (APL 63 (5))
    statement_kind: StatementKind | None = None
    proposed_demolition: bool = False  # the 责令限期拆除 order proposed (DOMAIN §13)

    def __post_init__(self) -> None:
        clean_fields(self)  # the notice's facts and basis as entered, cleaned

    @property
    def proposal(self) -> Proposal | None:
        if not self.proposed_kinds and not self.proposed_demolition:
            return None
        return Proposal(
            self.proposed_kinds,
            self.proposed_fine_fen,
            self.proposed_confiscation_fen,
            self.proposed_demolition,
        )


@dataclass(frozen=True, slots=True)
class Hearing:
    state: HearingState
    requested_on: dt.date | None = None
    notice_on: dt.date | None = None
    held_on: dt.date | None = None
    presiding: str | None = None
    waived_on: dt.date | None = None  # the party's written waiver

    @property
    def requested(self) -> bool:
        """Asked for and neither held nor waived yet."""
        return self.requested_on is not None and self.state is HearingState.NONE

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class ReviewRound:
    """A 法制审核 round in its plain form (the signed workflow comes on top of it)."""

    round_no: int
    reviewer: str
    reviewed_on: dt.date
    opinion: ReviewOpinion
    imported: bool = False
    note: str | None = None
    proposal: Proposal | None = None  # the proposed decision this round reviewed

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class Extension:
    """An approved extension of the 90-day decision period."""

    approved_by: str
    approved_on: dt.date
    days: int
    reason: str

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class Discussion:
    held_on: dt.date
    minutes: str
    participants: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class OfficerChange:
    """变更承办人: a recorded step (DOMAIN §12)."""

    changed_on: dt.date
    before: tuple[str, ...]
    after: tuple[str, ...]
    reason: str

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class Decision:
    decision_no: str | None
    decided_on: dt.date
    outcome: Outcome
    kinds: frozenset[PenaltyKind] = frozenset()
    no_penalty_reason: NoPenaltyReason | None = None
    fine_fen: int = 0
    confiscation_fen: int = 0
    reduced_penalty: bool = False
    demolition_deadline: dt.date | None = None
    """The 责令限期拆除 order's deadline: the decision carries the order (DOMAIN §13), with a
    penalty (outcome 处罚) or alone (outcome 仅责令限期拆除)."""

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)

    @property
    def demolition(self) -> bool:
        """The decision orders the structure removed (an order, never a penalty kind)."""
        return self.demolition_deadline is not None

    @property
    def proposal(self) -> Proposal:
        return Proposal(self.kinds, self.fine_fen, self.confiscation_fen, self.demolition)


@dataclass(frozen=True, slots=True)
class Education:
    """The education given with an APL 33 不予处罚 decision (APL 33③)."""

    given_on: dt.date
    how: str

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One piece of evidence in the case file (APL 46), listed in the 决定书 (APL 59)."""

    kind: EvidenceKind
    description: str
    obtained_on: dt.date

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)

    @property
    def text(self) -> str:
        return f"{self.kind.label}：{self.description}（{self.obtained_on.isoformat()}）"


@dataclass(frozen=True, slots=True)
class ServiceAttempt:
    """A service that did not reach the party, recorded (DOMAIN §14: service by the book)."""

    attempted_on: dt.date
    method: ServiceMethod
    result: AttemptResult
    note: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class ServiceProof:
    """What makes a service valid beside its date and method: the witness or the photo or
    video record of a 留置送达, the party's written consent to 电子送达."""

    witness: str | None = None
    recorded: bool = False
    consent_on: dt.date | None = None

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)


@dataclass(frozen=True, slots=True)
class SurchargePause:
    kind: PauseKind
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class DecisionPause:
    """A period (both ends inclusive) that does not count toward the decision deadline:
    time for a hearing, expert appraisal, public notice or a suspension (DOMAIN §12)."""

    kind: DecisionPauseKind
    start: dt.date
    end: dt.date
    reason: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self)  # a step as entered: its text cleaned (domain.text_input)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class CaseFile:
    id: int
    case_no: str
    party: PartyRecord
    cause: str
    filed_on: dt.date
    officers: tuple[Certificate, ...]
    violation: str | None = None
    legal_basis: str | None = None
    location: str | None = None
    clue_on: dt.date | None = None
    notice: AdvanceNotice | None = None
    hearing: Hearing | None = None
    reviews: tuple[ReviewRound, ...] = ()
    discussions: tuple[Discussion, ...] = ()
    extensions: tuple[Extension, ...] = ()
    decision: Decision | None = None
    served_on: dt.date | None = None
    service_method: ServiceMethod | None = None
    payments: tuple[PaymentRecord, ...] = ()
    pauses: tuple[SurchargePause, ...] = ()
    closed_on: dt.date | None = None
    close_reason: str | None = None
    demolition_order: bool = False
    major_flag_reason: str | None = None
    notes: str | None = None
    complex_reason: str | None = None
    violation_on: dt.date | None = None
    violation_continuing: bool = False
    five_year_reason: str | None = None
    officer_changes: tuple[OfficerChange, ...] = ()
    education: Education | None = None
    service_attempts: tuple[ServiceAttempt, ...] = ()
    service_proof: ServiceProof | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    instalment_plan: InstalmentPlan | None = None  # APL 66② (DOMAIN §14)
    reminder: PaymentReminder | None = None  # 催告书
    court: CourtApplication | None = None  # 申请法院强制执行
    corrections: tuple[CorrectionEntry, ...] = ()
    forced: ForcedDemolition = NO_FORCED_STEPS  # the steps after a demolition order (§13)
    superseded_round: int | None = None
    """The latest review round a correction superseded (what it approved was changed)."""
    publication: Publication = field(default_factory=Publication)  # 公示 and its withdrawal
    close_reason_kind: UnpaidCloseReason | None = None  # closed with money unpaid (§14)
    close_approved_by: str | None = None  # the reviewer who approved closing for 其他
    decision_pauses: tuple[DecisionPause, ...] = ()
    version: int = 0
    """Raised by one by every edit (migration 0030): an edit made from what was read at an
    older version is refused (``services.case_versions``)."""

    @property
    def status(self) -> CaseStatus:
        return derive_case_status(
            decided=self.decision is not None,
            served=self.served_on is not None,
            closed=self.closed_on is not None,
            deleted=False,
        )

    @property
    def hearing_state(self) -> HearingState:
        return self.hearing.state if self.hearing else HearingState.NONE

    @property
    def extension_days(self) -> int:
        return sum(e.days for e in self.extensions)

    @property
    def paused_days(self) -> int:
        """Days that do not count toward the decision deadline (pauses never overlap)."""
        return sum(p.days for p in self.decision_pauses)

    @property
    def money_decided_fen(self) -> int:
        """Fine plus confiscation in the decision (0 without a penalty decision)."""
        if self.decision is None or self.decision.outcome is not Outcome.PENALTY:
            return 0
        return self.decision.fine_fen + self.decision.confiscation_fen

    @property
    def paid_fen(self) -> int:
        return sum(p.amount_fen for p in self.payments)

    @property
    def surcharge_paid_fen(self) -> int:
        return sum(p.surcharge_fen for p in self.payments)

    def latest_review(self) -> ReviewRound | None:
        return max(self.reviews, key=lambda r: r.round_no, default=None)

    @property
    def proposal_under_review(self) -> Proposal | None:
        """What a review round reviews: the notice's proposal, or after the decision (a round
        that follows a correction) the decision as corrected."""
        if self.decision is not None:
            return self.decision.proposal
        return self.notice.proposal if self.notice else None

    @property
    def awaiting_forced_decision(self) -> bool:
        """A 催告 on a demolition order is served and no 强制拆除决定 yet: the legal review
        and the collective discussion that major decision needs are open again (DOMAIN §13)."""
        forced = self.forced
        return (
            self.decision is not None
            and self.decision.demolition_deadline is not None
            and forced.reminder is not None
            and forced.decided_on is None
            and not forced.ended
            and self.closed_on is None
        )

    @property
    def needs_new_review(self) -> bool:
        """A correction superseded the latest review round: a new round must follow."""
        latest = self.latest_review()
        return self.superseded_round is not None and (
            latest is None or latest.round_no <= self.superseded_round
        )
