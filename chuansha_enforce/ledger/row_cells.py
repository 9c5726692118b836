"""What each row of a ledger sheet holds: the headers rules point at, the parser of each
column, and the row's cells as a typed tuple (LEDGER_FORMAT.md, "Value forms").

The parsers are the ``values`` parsers, and for choices the enums' own labels; a column
is parsed by ``parsed_columns`` once per distinct value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from chuansha_enforce.domain.cases.case_file import STATEMENT_LABELS
from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.demolition.forced_demolition_steps import ReminderStatementKind
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    LabelledEnum,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.discretion_cells import (
    DISCRETION_HEADERS,
    DISCRETION_PARSERS,
)
from chuansha_enforce.ledger.forced_cells import FORCED_HEADERS, FORCED_PARSERS
from chuansha_enforce.ledger.limits import MAX_SHORT_CHARS, MAX_TEXT_CHARS
from chuansha_enforce.ledger.parsed_columns import ColumnSpec
from chuansha_enforce.ledger.values import (
    cell_text,
    parse_bool,
    parse_choice,
    parse_date,
    parse_money,
    parse_names,
    parse_officer_ref,
)

OUTCOME_WORDS = {o.label: o for o in Outcome if o is not Outcome.PENALTY}
_KIND_CHOICES = "、".join([k.label for k in PenaltyKind] + list(OUTCOME_WORDS))

# Where a rule's field code points in each sheet.
GENERAL_HEADERS = {
    "case_no": "案件编号",
    "decision_no": "决定书文号",
    "cause": "案由",
    "violation": "违法行为",
    "legal_basis": "法律依据",
    "party_kind": "当事人类型",
    "party_name": "当事人",
    "id_number": "证件号码",
    "location": "违法地点",
    "officers": "承办人",
    "filed_on": "立案日期",
    "hearing": "听证",
    "major": "重大案件",
    "reviewer": "法制审核人",
    "reviewed_on": "法制审核日期",
    "opinion": "法制审核结论",
    "decided_on": "决定日期",
    "kinds": "处罚种类",
    "no_penalty_reason": "不予处罚理由",
    "fine": "罚款金额",
    "confiscation": "没收金额",
    "served_on": "送达日期",
    "paid_on": "缴款日期",
    "amount": "实缴金额",
    "closed_on": "结案日期",
    "violation_on": "违法行为发生日期",
    "clue_on": "发现日期",
    "notice_on": "告知日期",
    "proposed_kinds": "拟处罚种类",
    "proposed_fine": "拟罚款金额",
    "statement": "陈述申辩",
    "hearing_on": "听证日期",
    "presiding": "听证主持人",
    "discussed_on": "集体讨论日期",
    "extended_to": "延长期限至",
    **DISCRETION_HEADERS,
    "party_address": "当事人地址",
    "legal_representative": "法定代表人",
    "service_method": "送达方式",
    "published_on": "公示日期",
    "demolition": "责令限期拆除",
    "demolition_deadline": "拆除期限",
    **FORCED_HEADERS,
    "notes": "备注",
}
SIMPLE_HEADERS = {
    "decision_no": "决定书编号",
    "party_kind": "当事人类型",
    "party_name": "当事人",
    "id_number": "证件号码",
    "cause": "案由",
    "violation": "违法行为",
    "location": "违法地点",
    "officers": "执法人员",
    "decided_on": "决定日期",
    "kinds": "处罚种类",
    "fine": "罚款金额",
    "legal_basis": "法律依据",
    "collected_on_spot": "当场收缴",
    "on_spot_reason": "备注",
    "paid_on": "缴款日期",
    "surcharge": "加处罚款",
    "receipt_no": "票据号",
    "cash_to_agency_on": "交回机关日期",
    "cash_to_bank_on": "存入银行日期",
    "filed_with_agency_on": "备案日期",
    "notes": "备注",
}
OFFICER_HEADERS = {
    "officer_name": "姓名",
    "certificate_no": "执法证号",
    "issued_on": "发证日期",
    "expires_on": "有效期至",
    "status": "状态",
    "cancelled_on": "注销日期",
}

FREE_TEXT = frozenset(
    {"cause", "violation", "legal_basis", "location", "notes", "deviation_reason"}
)
"""The fields of facts and other free text; names, numbers, dates and choices are short."""

# ---------------------------------------------------------------------------- cell parsers

E = TypeVar("E", bound=LabelledEnum)


def _choice(enum: type[E]) -> Callable[[object], E]:
    labels = [member.label for member in enum]

    def parse(value: object) -> E:
        return enum.from_label(parse_choice(value, labels))

    return parse


OfficerRef = tuple[str, str, str | None]  # (as written, name, certificate number)


def _officer_refs(value: object) -> tuple[OfficerRef, ...] | None:
    """``张伟、李娜(31150012)`` -> the names with their certificate numbers; no names: None."""
    refs: list[OfficerRef] = []
    for text in parse_names(value):
        name, number = parse_officer_ref(text)
        refs.append((text, name, number))
    return tuple(refs) or None


@dataclass(frozen=True, slots=True)
class PenaltyWords:
    """A 处罚种类 cell: one outcome word alone, or penalty kinds; ``problem`` when neither.

    The problem is reported only for a decided case (an undecided one has other news)."""

    words: tuple[str, ...]
    outcome: Outcome
    kinds: frozenset[PenaltyKind]
    problem: DomainError | None


def _penalty_words(value: object) -> PenaltyWords | None:
    words = tuple(parse_names(value))
    if not words:
        return None
    outcomes = [OUTCOME_WORDS[w] for w in words if w in OUTCOME_WORDS]
    outcome = outcomes[0] if outcomes else Outcome.PENALTY
    if outcomes and len(words) > 1:
        error = DomainError("ledger.outcome_alone", None, {"value": "、".join(words)})
        return PenaltyWords(words, outcome, frozenset(), error)
    kinds: set[PenaltyKind] = set()
    for word in words:
        if word in OUTCOME_WORDS:
            continue
        try:
            kinds.add(PenaltyKind.from_label(word))
        except ValueError:
            error = DomainError("ledger.choice", None, {"value": word, "allowed": _KIND_CHOICES})
            return PenaltyWords(words, outcome, frozenset(), error)
    return PenaltyWords(words, outcome, frozenset(kinds), None)


_status = _choice(CertificateStatus)
_party_kind = _choice(PartyType)
_hearing = _choice(HearingState)
_opinion = _choice(ReviewOpinion)
_no_penalty_reason = _choice(NoPenaltyReason)


STATEMENT_WORDS = {
    "未提出": None,
    **{label: kind.value for kind, label in STATEMENT_LABELS.items()},
}
"""陈述申辩: the party's statement (StatementKind's values); 未提出 (the default) is none."""


def _statement(value: object) -> str | None:
    return STATEMENT_WORDS[parse_choice(value, list(STATEMENT_WORDS))]


def _simple_kind(value: object) -> str:
    return parse_choice(value, ["警告", "罚款"])


# ---------------------------------------------------------------------------- the cells of a row


class OfficerCells(NamedTuple):
    officer_name: str | None
    certificate_no: str | None
    issued_on: dt.date | None
    expires_on: dt.date | None
    status: CertificateStatus | None
    cancelled_on: dt.date | None


class GeneralCells(NamedTuple):
    case_no: str | None
    decision_no: str | None
    cause: str | None
    violation: str | None
    legal_basis: str | None
    party_kind: PartyType | None
    party_name: str | None
    id_number: str | None
    location: str | None
    officers: tuple[OfficerRef, ...] | None
    filed_on: dt.date | None
    hearing: HearingState | None
    major: bool | None
    reviewer: str | None
    reviewed_on: dt.date | None
    opinion: ReviewOpinion | None
    decided_on: dt.date | None
    kinds: PenaltyWords | None
    no_penalty_reason: NoPenaltyReason | None
    fine: int | None
    confiscation: int | None
    served_on: dt.date | None
    paid_on: dt.date | None
    amount: int | None
    closed_on: dt.date | None
    violation_on: dt.date | None
    clue_on: dt.date | None
    notice_on: dt.date | None
    proposed_kinds: PenaltyWords | None
    proposed_fine: int | None
    statement: str | None
    hearing_on: dt.date | None
    presiding: str | None
    discussed_on: dt.date | None
    extended_to: dt.date | None
    circumstance: str | None
    deviation: Deviation | None
    deviation_reason: str | None
    party_address: str | None
    legal_representative: str | None
    service_method: ServiceMethod | None
    published_on: dt.date | None
    demolition: bool | None
    demolition_deadline: dt.date | None
    authority_document: str | None
    authority_on: dt.date | None
    reminder_on: dt.date | None
    reminder_until: dt.date | None
    reminder_statement: ReminderStatementKind | None
    reminder_statement_on: dt.date | None
    forced_decided_on: dt.date | None
    announced_on: dt.date | None
    announcement_until: dt.date | None
    carried_out_on: dt.date | None
    carried_out_at: dt.time | None
    witnesses: tuple[str, ...] | None
    removed_on: dt.date | None
    notes: str | None


class SimpleCells(NamedTuple):
    decision_no: str | None
    party_kind: PartyType | None
    party_name: str | None
    id_number: str | None
    cause: str | None
    violation: str | None
    location: str | None
    officers: tuple[OfficerRef, ...] | None
    decided_on: dt.date | None
    kinds: str | None
    fine: int | None
    legal_basis: str | None
    collected_on_spot: bool | None
    paid_on: dt.date | None
    surcharge: int | None
    receipt_no: str | None
    cash_to_agency_on: dt.date | None
    cash_to_bank_on: dt.date | None
    filed_with_agency_on: dt.date | None
    notes: str | None


def _specs(
    fields: tuple[str, ...],
    headers: dict[str, str],
    parsers: dict[str, Callable[[object], object]],
    required: frozenset[str],
    unique: frozenset[str] = frozenset(),
) -> tuple[ColumnSpec, ...]:
    """One spec per field; a field without a parser is text. Free text may be long
    (``MAX_TEXT_CHARS``), anything else short (``MAX_SHORT_CHARS``)."""
    return tuple(
        ColumnSpec(
            f,
            headers[f],
            parsers.get(f, cell_text),
            f in required,
            f in unique,
            MAX_TEXT_CHARS if f in FREE_TEXT else MAX_SHORT_CHARS,
        )
        for f in fields
    )


OFFICER_COLUMNS = _specs(
    OfficerCells._fields,
    OFFICER_HEADERS,
    {
        "issued_on": parse_date,
        "expires_on": parse_date,
        "status": _status,
        "cancelled_on": parse_date,
    },
    frozenset({"officer_name", "certificate_no", "issued_on"}),
)
GENERAL_COLUMNS = _specs(
    GeneralCells._fields,
    GENERAL_HEADERS,
    {
        "party_kind": _party_kind,
        "officers": _officer_refs,
        "filed_on": parse_date,
        "hearing": _hearing,
        "major": parse_bool,
        "reviewed_on": parse_date,
        "opinion": _opinion,
        "decided_on": parse_date,
        "kinds": _penalty_words,
        "no_penalty_reason": _no_penalty_reason,
        "fine": parse_money,
        "confiscation": parse_money,
        "served_on": parse_date,
        "paid_on": parse_date,
        "amount": parse_money,
        "closed_on": parse_date,
        "published_on": parse_date,
        "violation_on": parse_date,
        "clue_on": parse_date,
        "notice_on": parse_date,
        "proposed_kinds": _penalty_words,
        "proposed_fine": parse_money,
        "statement": _statement,
        "hearing_on": parse_date,
        "discussed_on": parse_date,
        "extended_to": parse_date,
        "demolition": parse_bool,
        "demolition_deadline": parse_date,
        **FORCED_PARSERS,
        **DISCRETION_PARSERS,
        "reminder_statement": _choice(ReminderStatementKind),
    },
    frozenset({"case_no", "cause", "party_kind", "party_name", "officers", "filed_on"}),
    unique=frozenset({"case_no", "decision_no"}),
)
SIMPLE_COLUMNS = _specs(
    SimpleCells._fields,
    SIMPLE_HEADERS,
    {
        "party_kind": _party_kind,
        "officers": _officer_refs,
        "decided_on": parse_date,
        "kinds": _simple_kind,
        "fine": parse_money,
        "collected_on_spot": parse_bool,
        "paid_on": parse_date,
        "surcharge": parse_money,
        "cash_to_agency_on": parse_date,
        "cash_to_bank_on": parse_date,
        "filed_with_agency_on": parse_date,
    },
    frozenset(
        {"decision_no", "party_kind", "party_name", "cause", "officers", "decided_on", "kinds"}
    ),
    unique=frozenset({"decision_no"}),
)
