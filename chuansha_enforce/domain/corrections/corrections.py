"""更正: one way to correct any recorded field, with a reason (DOMAIN §9, DESIGN `case correct`).

A correction names a field (by its Chinese label), the new value as typed and why. The new
value is parsed here and the record it makes is checked by the same rules as when the record
was first entered (``correction_checks``); a value refused on entry is refused as a correction.
What a signed review approved (amounts, kinds, the party, the facts) and what a published
decision shows are marked on each field, so the service knows when a review is superseded and
when a publication must be withdrawn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from chuansha_enforce.domain.enums import CertificateStatus, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.money import format_fen, parse_yuan
from chuansha_enforce.domain.text_input import clean_text
from chuansha_enforce.domain.text_limits import check_length


class ValueKind(StrEnum):
    TEXT = "text"
    REQUIRED = "required"
    DATE = "date"
    OPTIONAL_DATE = "optional_date"
    MONEY = "money"
    KINDS = "kinds"
    KIND = "kind"
    PARTY_TYPE = "party_type"
    STATUS = "status"


class RecordKind(StrEnum):
    """What a correction changed (the ``corrections.record_kind`` column)."""

    CASE = "case"
    PAYMENT = "payment"
    SIMPLE = "simple"
    OFFICER = "officer"
    DISPUTE = "dispute"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    kind: ValueKind
    reviewed: bool = False
    """Part of what a legal review approved: correcting it supersedes the signed round."""
    published: bool = False
    """Shown in the published decision: correcting it starts withdrawal/republication."""
    payment: bool = False
    """A field of one payment (``--payment N``), not of the case."""


CASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("cause", "案由", ValueKind.REQUIRED, published=True),
    FieldSpec("violation", "违法行为", ValueKind.TEXT, reviewed=True, published=True),
    FieldSpec("legal_basis", "法律依据", ValueKind.TEXT, published=True),
    FieldSpec("location", "地点", ValueKind.TEXT),
    FieldSpec("filed_on", "立案日期", ValueKind.DATE),
    FieldSpec("party_name", "当事人", ValueKind.REQUIRED, reviewed=True, published=True),
    FieldSpec("party_kind", "当事人类型", ValueKind.PARTY_TYPE, reviewed=True, published=True),
    FieldSpec("id_number", "证件号码", ValueKind.TEXT, reviewed=True, published=True),
    FieldSpec("address", "当事人地址", ValueKind.TEXT),
    FieldSpec("notice_on", "告知日期", ValueKind.DATE),
    FieldSpec("facts", "违法事实", ValueKind.REQUIRED, reviewed=True, published=True),
    FieldSpec("decision_no", "决定书文号", ValueKind.REQUIRED, published=True),
    FieldSpec("decided_on", "决定日期", ValueKind.DATE, published=True),
    FieldSpec("kinds", "处罚种类", ValueKind.KINDS, reviewed=True, published=True),
    FieldSpec("fine", "罚款金额", ValueKind.MONEY, reviewed=True, published=True),
    FieldSpec("confiscation", "没收金额", ValueKind.MONEY, reviewed=True, published=True),
    FieldSpec("served_on", "送达日期", ValueKind.DATE),
    FieldSpec("closed_on", "结案日期", ValueKind.DATE),
    FieldSpec("paid_on", "缴款日期", ValueKind.DATE, payment=True),
    FieldSpec("amount", "缴款金额", ValueKind.MONEY, payment=True),
    FieldSpec("receipt_no", "票据号", ValueKind.TEXT, payment=True),
)

SIMPLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("decision_no", "决定书文号", ValueKind.REQUIRED, published=True),
    FieldSpec("party_name", "当事人", ValueKind.REQUIRED, published=True),
    FieldSpec("party_kind", "当事人类型", ValueKind.PARTY_TYPE, published=True),
    FieldSpec("id_number", "证件号码", ValueKind.TEXT, published=True),
    FieldSpec("address", "当事人地址", ValueKind.TEXT),
    FieldSpec("cause", "案由", ValueKind.REQUIRED, published=True),
    FieldSpec("violation", "违法行为", ValueKind.TEXT, published=True),
    FieldSpec("location", "地点", ValueKind.TEXT),
    FieldSpec("legal_basis", "法律依据", ValueKind.TEXT, published=True),
    FieldSpec("decided_on", "决定日期", ValueKind.DATE, published=True),
    FieldSpec("kinds", "处罚种类", ValueKind.KIND, published=True),
    FieldSpec("fine", "罚款金额", ValueKind.MONEY, published=True),
    FieldSpec("paid_on", "缴款日期", ValueKind.OPTIONAL_DATE),
    FieldSpec("notes", "备注", ValueKind.TEXT),
)

OFFICER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("officer_name", "姓名", ValueKind.REQUIRED),
    FieldSpec("certificate_no", "执法证号", ValueKind.REQUIRED),
    FieldSpec("issued_on", "发证日期", ValueKind.DATE),
    FieldSpec("expires_on", "有效期至", ValueKind.OPTIONAL_DATE),
    FieldSpec("status", "状态", ValueKind.STATUS),
    FieldSpec("cancelled_on", "注销日期", ValueKind.OPTIONAL_DATE),
)


def field_labels(fields: tuple[FieldSpec, ...]) -> str:
    return "、".join(f.label for f in fields)


def field_named(fields: tuple[FieldSpec, ...], name: str) -> FieldSpec:
    """The field a clerk named, by its Chinese label (or its code); refused naming the list."""
    wanted = (name or "").strip()
    for spec in fields:
        if wanted in (spec.label, spec.key):
            return spec
    raise DomainError(
        "correction.unknown_field", "field", {"value": wanted, "choices": field_labels(fields)}
    )


Value = (
    str
    | int
    | dt.date
    | frozenset[PenaltyKind]
    | PenaltyKind
    | PartyType
    | CertificateStatus
    | None
)


L = TypeVar("L", PartyType, CertificateStatus, PenaltyKind)


def _label_of(enum: type[L], text: str, field: str) -> L:
    """The member named by its Chinese label (or its code); refused naming the choices."""
    for member in enum:
        if text in (member.label, member.value):
            return member
    choices = "、".join(m.label for m in enum)
    raise DomainError("value.choice", field, {"value": text, "choices": choices})


def parse_value(spec: FieldSpec, text: str) -> Value:
    """The value as typed, in the field's type; an empty text clears an optional field. A
    value longer than the field takes (``text_limits.length_limit``) is refused naming the field."""
    typed = clean_text(text or "")
    check_length(spec.key, typed)
    if spec.kind is ValueKind.TEXT:
        return typed or None
    if not typed and spec.kind not in (ValueKind.OPTIONAL_DATE, ValueKind.MONEY):
        raise DomainError("value.required", spec.key)
    if spec.kind is ValueKind.REQUIRED:
        return typed
    if spec.kind in (ValueKind.DATE, ValueKind.OPTIONAL_DATE):
        if not typed:
            return None
        try:
            return iso_day(typed)
        except ValueError:
            raise DomainError("date.invalid", spec.key, {"value": text}) from None
    if spec.kind is ValueKind.MONEY:
        return parse_yuan(typed, spec.key) if typed else 0
    if spec.kind is ValueKind.KINDS:
        names = [p.strip() for p in typed.replace("，", ",").replace("、", ",").split(",")]
        return frozenset(_label_of(PenaltyKind, n, spec.key) for n in names if n)
    if spec.kind is ValueKind.KIND:
        return _label_of(PenaltyKind, typed, spec.key)
    if spec.kind is ValueKind.PARTY_TYPE:
        return _label_of(PartyType, typed, spec.key)
    return _label_of(CertificateStatus, typed, spec.key)


def shown(value: object) -> str | None:
    """A value as the audit log and the timeline keep it: text, ISO dates, 元 for money."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return "、".join(k.label for k in sorted(value, key=lambda k: k.severity))
    if isinstance(value, PenaltyKind | PartyType | CertificateStatus):
        return value.label
    return str(value)


def shown_money(fen: int) -> str:
    return format_fen(fen) + "元"


def shown_field(spec: FieldSpec, value: object) -> str | None:
    """A field's value as the audit log keeps it (money in 元 with its unit)."""
    if spec.kind is ValueKind.MONEY and isinstance(value, int):
        return shown_money(value)
    return shown(value)


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """One recorded correction, as the timeline and ``case show`` present it."""

    at: str
    user: str
    record_kind: RecordKind
    field: str
    label: str
    before: str | None
    after: str | None
    reason: str
    superseded_round: int | None = None
    affects_publication: bool = False


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction about to be recorded (the shared log of every record kind)."""

    record_kind: RecordKind
    record_key: str
    field: str
    label: str
    before: str | None
    after: str | None
    reason: str
    case_id: int | None = None
    superseded_round_id: int | None = None
    superseded_round_no: int | None = None
    affects_publication: bool = False


def check_reason(reason: str | None) -> str:
    why = clean_text(reason or "")
    if not why:
        raise DomainError("value.required", "reason")
    return why


def check_changed(before: str | None, after: str | None, label: str) -> None:
    if before == after:
        raise DomainError("correction.unchanged", "value", {"label": label, "value": after or ""})
