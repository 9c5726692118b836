"""Frozen records that travel between the layers (repositories return these, never rows).

The input records clean their text as they are built (``domain.text_input``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chuansha_enforce.domain.calendar.deadlines import DutyFacts
from chuansha_enforce.domain.cases.discretion import DiscretionChoice
from chuansha_enforce.domain.demolition.forced_demolition_steps import ForcedDemolition
from chuansha_enforce.domain.enums import (
    CaseStatus,
    CertificateStatus,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.text_input import clean_fields


@dataclass(frozen=True, slots=True)
class OfficerRecord:
    """An enforcement officer and the certificate (执法证) they hold."""

    name: str
    certificate_no: str
    issued_on: dt.date
    expires_on: dt.date | None = None
    status: CertificateStatus = CertificateStatus.VALID
    cancelled_on: dt.date | None = None

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class PartyRecord:
    """The party (当事人) a case or decision is against."""

    kind: PartyType
    name: str
    id_number: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    """法定代表人或者负责人 of an organisation (APL 59: named in the decision)."""

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    paid_on: dt.date
    amount_fen: int
    surcharge_fen: int = 0
    channel: str = "银行缴款"
    receipt_no: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class ImportedReview:
    """A legal-review round carried over from a ledger (it has no signature)."""

    reviewer: str
    reviewed_on: dt.date
    opinion: ReviewOpinion

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class ImportedGates:
    """The steps before a decision as a ledger row gives them (LEDGER_FORMAT: 告知日期 to
    延长期限至): the notice with its proposal and the party's statement, the hearing held,
    the collective discussion and the approved extension, in days."""

    notice_on: dt.date | None = None
    proposed_kinds: frozenset[PenaltyKind] = frozenset()
    proposed_fine_fen: int = 0
    proposed_confiscation_fen: int = 0
    hearing_offered: bool = False
    statement: str | None = None  # StatementKind's value: 'stated' / 'waived'
    hearing_on: dt.date | None = None
    presiding: str | None = None
    discussed_on: dt.date | None = None
    extension_days: int = 0
    extension_approved_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class GeneralCaseRecord:
    """A general-procedure case as recorded (立案 to 结案)."""

    case_no: str
    party: PartyRecord
    cause: str
    officer_certificates: tuple[str, ...]
    filed_on: dt.date
    violation: str | None = None
    legal_basis: str | None = None
    location: str | None = None
    hearing: HearingState = HearingState.NONE
    decision_no: str | None = None
    decided_on: dt.date | None = None
    outcome: Outcome | None = None
    penalty_kinds: frozenset[PenaltyKind] = field(default_factory=frozenset)
    no_penalty_reason: NoPenaltyReason | None = None
    fine_fen: int = 0
    confiscation_fen: int = 0
    served_on: dt.date | None = None
    closed_on: dt.date | None = None
    payments: tuple[PaymentRecord, ...] = ()
    notes: str | None = None
    review: ImportedReview | None = None
    major_flag_reason: str | None = None
    published_on: dt.date | None = None  # 公示日期
    publication_unrecorded: bool = False  # imported history without a 公示日期 (§14)
    gates: ImportedGates | None = None
    violation_on: dt.date | None = None
    clue_on: dt.date | None = None
    demolition_deadline: dt.date | None = None
    """The decision's 责令限期拆除 order and its deadline (DOMAIN §13; outcome 处罚 or
    仅责令限期拆除)."""
    notice_on: dt.date | None = None
    """The 告知 served, proposing the decided penalty and order (DOMAIN §12)."""
    discussed_on: dt.date | None = None
    """A collective discussion held before the decision (APL 57②)."""
    forced: ForcedDemolition | None = None
    """The steps after the order (DOMAIN §13); a 强制拆除决定 among them brings its own
    agreed review round and collective discussion, dated the day of that decision."""
    discretion: DiscretionChoice | None = None
    """The decision's circumstance and deviation (DOMAIN §17), as ``case decide`` records it."""
    service_method: ServiceMethod | None = None
    """How the decision was served (with ``served_on``)."""
    reduced_penalty: bool = False
    """减轻处罚 (APL 32): the case is major (DOMAIN §3)."""

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class SimpleDecisionRecord:
    """A simple-procedure decision made on the spot (简易程序)."""

    decision_no: str
    party: PartyRecord
    cause: str
    officer_certificates: tuple[str, ...]
    decided_on: dt.date
    penalty_kind: PenaltyKind
    violation: str | None = None
    location: str | None = None
    fine_fen: int = 0
    collected_on_spot: bool = False
    on_spot_reason: str | None = None
    paid_on: dt.date | None = None
    notes: str | None = None
    legal_basis: str | None = None
    """违反和处罚的依据 (APL 52: printed on the on-the-spot decision)."""
    surcharge_fen: int = 0
    """加处罚款 paid with a late payment (APL 72; never on cash collected on the spot)."""
    receipt_no: str | None = None
    """票据号: the finance department's receipt for the money collected."""
    cash_to_agency_on: dt.date | None = None
    """Cash collected on the spot handed by the officers to the agency (APL 71)."""
    cash_to_bank_on: dt.date | None = None
    """That cash paid into the bank by the agency (APL 71)."""
    filed_with_agency_on: dt.date | None = None
    """The decision filed with the agency (备案, APL 52③)."""

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class CaseListRow:
    """One line of the general-case list; a person's ID number arrives already masked."""

    id: int
    case_no: str
    party_name: str
    party_kind: PartyType
    id_number_masked: str | None
    cause: str
    filed_on: dt.date
    decided_on: dt.date | None
    fine_fen: int
    status: CaseStatus
    duties: DutyFacts
    """What its deadline flag is computed from (``case_deadlines.deadline_flag``)."""
    version: int
    """The case's edit version, read with the row: an edit made from the row carries it."""


@dataclass(frozen=True, slots=True)
class CasePage:
    """A page of the case list and the key to ask for the next one."""

    rows: tuple[CaseListRow, ...]
    next_key: tuple[str, int] | None


@dataclass(frozen=True, slots=True)
class ExportCase:
    """A general case as one ledger row needs it (codes and ISO dates, money in fen)."""

    case_no: str
    decision_no: str | None
    cause: str
    violation: str | None
    legal_basis: str | None
    party_kind: str
    party_name: str
    id_number: str | None
    location: str | None
    officers: tuple[tuple[str, str], ...]  # (name, certificate number)
    filed_on: str
    hearing: str
    major_flag_reason: str | None
    reviewer: str | None
    reviewed_on: str | None
    opinion: str | None
    decided_on: str | None
    outcome: str | None
    kinds: tuple[str, ...]
    no_penalty_reason: str | None
    fine_fen: int
    confiscation_fen: int
    served_on: str | None
    paid_on: str | None
    paid_fen: int
    closed_on: str | None
    notes: str | None
    party_address: str | None = None
    legal_representative: str | None = None
    published_on: str | None = None
    violation_on: str | None = None
    clue_on: str | None = None
    notice_on: str | None = None
    proposed_kinds: tuple[str, ...] = ()
    proposed_fine_fen: int = 0
    statement: str | None = None
    hearing_on: str | None = None
    presiding: str | None = None
    discussed_on: str | None = None
    extended_days: int = 0
    """Approved extensions plus the paused days: the decision deadline is filing + 90 + this."""
    demolition_deadline: str | None = None  # the decision's 责令限期拆除 order (DOMAIN §13)
    forced: ForcedDemolition | None = None  # the steps after the order (DOMAIN §13)
    circumstance: str | None = None  # the decision's discretion (DOMAIN §17)
    deviation: str | None = None
    deviation_reason: str | None = None
    service_method: str | None = None


@dataclass(frozen=True, slots=True)
class ExportSimple:
    """A simple decision as one ledger row needs it."""

    decision_no: str
    party_kind: str
    party_name: str
    id_number: str | None
    cause: str
    violation: str | None
    location: str | None
    officers: tuple[tuple[str, str], ...]
    decided_on: str
    penalty_kind: str
    fine_fen: int
    collected_on_spot: bool
    paid_on: str | None
    notes: str | None
    surcharge_fen: int = 0
    receipt_no: str | None = None
    cash_to_agency_on: str | None = None
    cash_to_bank_on: str | None = None
    filed_with_agency_on: str | None = None
    legal_basis: str | None = None
