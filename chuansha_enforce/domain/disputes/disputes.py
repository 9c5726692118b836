"""Reconsiderations (行政复议) and lawsuits (行政诉讼) against acts of the town (DOMAIN §15).

The register keeps each dispute with its dates and outcome; this module holds its rules: what a
record must contain, the reply and defence deadlines, which outcomes correct or lose, and the
annual rates with their formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from chuansha_enforce.domain.calendar.work_calendar import CalendarResult, WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.enums import EnumMap, LabelledEnum
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.messages import field_label

RECONSIDERATION_REPLY_WORKING_DAYS = 10  # 行政复议法 (2023) Art. 48, 88: working days
RECONSIDERATION_REPLY_SIMPLE_WORKING_DAYS = 5  # Art. 54: the simple procedure
LITIGATION_DEFENCE_DAYS = 15  # 行政诉讼法 Art. 67: 15 days after receiving the complaint
APPEAL_JUDGMENT_DAYS = 15  # 行政诉讼法 Art. 85
APPEAL_RULING_DAYS = 10
TEXT_LIMIT = 200


class DisputeKind(LabelledEnum):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


class DisputedAct(LabelledEnum):
    """The kind of act disputed: disputes concern any act of the town, not only penalties."""

    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    INFORMATION = "information", "政府信息公开"
    OTHER = "other", "其他"


class Instance(LabelledEnum):
    FIRST = "first", "一审"
    SECOND = "second", "二审"
    RETRIAL = "retrial", "再审"


class DisputeOutcome(LabelledEnum):
    """Outcomes of both registers; each kind allows its own (``OUTCOMES``)."""

    UPHELD = "upheld", "维持"
    REJECTED = "rejected", "驳回"  # 驳回申请
    CHANGED = "changed", "变更"
    REVOKED = "revoked", "撤销"
    CONFIRMED_UNLAWFUL = "confirmed_unlawful", "确认违法"
    CONFIRMED_VOID = "confirmed_void", "确认无效"
    ORDERED_TO_ACT = "ordered_to_act", "责令履行"
    MEDIATED = "mediated", "调解"
    SETTLED = "settled", "和解"
    WITHDRAWN = "withdrawn", "撤回"  # 撤回申请; a lawsuit's is written 撤诉
    TERMINATED = "terminated", "终止"
    CLAIM_REJECTED = "claim_rejected", "驳回诉讼请求"
    COMPENSATION = "compensation", "赔偿"
    SUIT_DISMISSED = "suit_dismissed", "驳回起诉"


_O = DisputeOutcome
OUTCOMES = EnumMap[DisputeKind, tuple[DisputeOutcome, ...]](DisputeKind, {
    DisputeKind.RECONSIDERATION: (
        _O.UPHELD, _O.REJECTED, _O.CHANGED, _O.REVOKED, _O.CONFIRMED_UNLAWFUL,
        _O.CONFIRMED_VOID, _O.ORDERED_TO_ACT, _O.MEDIATED, _O.SETTLED, _O.WITHDRAWN,
        _O.TERMINATED,
    ),
    DisputeKind.LITIGATION: (
        _O.CLAIM_REJECTED, _O.REVOKED, _O.CHANGED, _O.CONFIRMED_UNLAWFUL, _O.CONFIRMED_VOID,
        _O.ORDERED_TO_ACT, _O.COMPENSATION, _O.WITHDRAWN, _O.SUIT_DISMISSED, _O.MEDIATED,
    ),
})  # fmt: skip
"""The outcomes each register allows (DOMAIN §15; LEDGER_FORMAT.md's sheets)."""

# A lawsuit's withdrawal is written 撤诉 in the ledger; a reconsideration's 撤回.
LITIGATION_LABELS = EnumMap(DisputeOutcome, {_O.WITHDRAWN: "撤诉"})

CORRECTING = frozenset(
    {_O.CHANGED, _O.REVOKED, _O.CONFIRMED_UNLAWFUL, _O.CONFIRMED_VOID, _O.ORDERED_TO_ACT}
)
"""Outcomes that find our act wrong: a reconsideration's correction, a lawsuit's loss."""
LOSING = CORRECTING | {_O.COMPENSATION}
DECIDED_RECONSIDERATION = CORRECTING | {_O.UPHELD, _O.REJECTED}
"""A reconsideration concluded by a decision (not by mediation, settlement, withdrawal, end)."""
APPEALABLE_RULINGS = frozenset({_O.SUIT_DISMISSED})
"""A ruling dismissing the suit may be appealed within 10 days (行政诉讼法 Art. 85)."""
FINAL_WITHOUT_APPEAL = frozenset({_O.WITHDRAWN, _O.MEDIATED})
"""A withdrawal allowed by ruling, or a mediation, ends the case without an appeal."""
AGAINST_THE_ACT = frozenset({_O.CHANGED, _O.REVOKED, _O.CONFIRMED_UNLAWFUL, _O.CONFIRMED_VOID})
"""Outcomes that revoke, change or declare the decision unlawful or void: its publication is
withdrawn within 3 working days (APL 48②). 责令履行 orders an act and sets nothing aside."""


def outcome_label(kind: DisputeKind, outcome: DisputeOutcome) -> str:
    if kind is DisputeKind.LITIGATION and outcome in LITIGATION_LABELS:
        return LITIGATION_LABELS[outcome]
    return outcome.label


def outcome_from_label(kind: DisputeKind, text: str, field: str = "outcome") -> DisputeOutcome:
    """The outcome a register's label names; refused with the allowed labels otherwise."""
    allowed = OUTCOMES[kind]
    for outcome in allowed:
        if text in (outcome_label(kind, outcome), outcome.label, outcome.value):
            return outcome
    choices = "、".join(outcome_label(kind, o) for o in allowed)
    raise DomainError("value.choice", field, {"value": text, "choices": choices})


@dataclass(frozen=True, slots=True)
class DisputeRecord:
    """One reconsideration or lawsuit as recorded (a case number links it to our act)."""

    kind: DisputeKind
    number: str  # 复议案号 / 诉讼案号
    applicant: str  # 申请人 / 原告
    act: DisputedAct
    body: str  # 复议机关 / 法院
    received_on: dt.date  # the day we received the application copy or the complaint
    case_no: str | None = None
    simple_procedure: bool = False  # the disputed act is a simple-procedure decision
    instance: Instance = Instance.FIRST
    replied_on: dt.date | None = None  # 答复 / 答辩
    hearing_on: dt.date | None = None  # 开庭 (lawsuits)
    leader_appeared: bool | None = None  # 负责人出庭, with a hearing only
    outcome: DisputeOutcome | None = None
    outcome_on: dt.date | None = None
    notes: str | None = None

    @property
    def pending(self) -> bool:
        return self.outcome is None


def _text(value: str | None, field: str) -> str | None:
    """Trimmed text within the length limit; None when empty."""
    text = (value or "").strip()
    if len(text) > TEXT_LIMIT:
        raise DomainError("value.too_long", field, {"max": TEXT_LIMIT})
    return text or None


def _required(value: str, field: str) -> str:
    text = _text(value, field)
    if text is None:
        raise DomainError("value.required", field)
    return text


def require_news(old: DisputeRecord, new: DisputeRecord) -> None:
    """An update of a pending dispute records something it did not hold yet, or it is
    refused: nothing would change but the time stamp and a record in the audit log."""
    if new == old:
        params = {"kind": old.kind.label, "number": old.number}
        raise DomainError("dispute.nothing_new", "dispute_id", params)


def check_dispute(record: DisputeRecord, today: dt.date) -> DisputeRecord:
    """A dispute as it may be stored: required fields, dates in order, outcome with its date."""
    number = _required(record.number, "dispute_no")
    applicant = _required(record.applicant, "applicant")
    body = _required(record.body, "dispute_body")
    case_no = _text(record.case_no, "case_no")
    notes = _text(record.notes, "notes")
    not_future(record.received_on, today, "received_on")
    for day, field in (
        (record.replied_on, "replied_on"),
        (record.hearing_on, "hearing_on"),
        (record.outcome_on, "outcome_on"),
    ):
        if day is not None:
            not_before(day, record.received_on, field, "收到日期")
            not_future(day, today, field)
    if record.kind is DisputeKind.RECONSIDERATION:
        if record.instance is not Instance.FIRST:
            raise DomainError("dispute.instance_litigation", "instance")
        if record.hearing_on is not None:
            raise DomainError("dispute.hearing_reconsideration", "hearing_on")
    if record.hearing_on is None and record.leader_appeared is not None:
        raise DomainError("dispute.leader_without_hearing", "leader_appeared")
    if record.outcome is not None:
        if record.outcome not in OUTCOMES[record.kind]:
            choices = "、".join(outcome_label(record.kind, o) for o in OUTCOMES[record.kind])
            params = {"value": record.outcome.label, "choices": choices}
            raise DomainError("value.choice", "outcome", params)
        if record.outcome_on is None:
            raise DomainError("value.required", "outcome_on")
    elif record.outcome_on is not None:
        raise DomainError("dispute.date_without_outcome", "outcome")
    return replace(
        record, number=number, applicant=applicant, body=body, case_no=case_no, notes=notes
    )


def reply_due(record: DisputeRecord, calendar: WorkCalendar) -> CalendarResult:
    """Our reply (复议答复) or defence (答辩状 and evidence) is due on this day."""
    if record.kind is DisputeKind.RECONSIDERATION:
        days = (
            RECONSIDERATION_REPLY_SIMPLE_WORKING_DAYS
            if record.simple_procedure
            else RECONSIDERATION_REPLY_WORKING_DAYS
        )
        return calendar.add_working_days(record.received_on, days)
    return calendar.add_calendar_days(record.received_on, LITIGATION_DEFENCE_DAYS)


def reply_state(
    record: DisputeRecord,
    due: dt.date,
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int,
) -> ClockState | None:
    """The reply or defence deadline as the case clocks show theirs: met or missed once
    replied; overdue, due soon (within ``due_soon_days`` working days) or pending while
    awaited; None for a dispute concluded without a reply (nothing is awaited)."""
    if record.replied_on is not None:
        return ClockState.MET if record.replied_on <= due else ClockState.MISSED
    if not record.pending:
        return None
    if as_of > due:
        return ClockState.OVERDUE
    if calendar.working_days_between(as_of, due) <= due_soon_days:
        return ClockState.DUE_SOON
    return ClockState.PENDING


def appeal_until(record: DisputeRecord, calendar: WorkCalendar) -> CalendarResult | None:
    """The last day to appeal a first-instance judgment (15 days) or ruling (10 days)."""
    if (
        record.kind is not DisputeKind.LITIGATION
        or record.instance is not Instance.FIRST
        or record.outcome is None
        or record.outcome_on is None
        or record.outcome in FINAL_WITHOUT_APPEAL
    ):
        return None
    days = APPEAL_RULING_DAYS if record.outcome in APPEALABLE_RULINGS else APPEAL_JUDGMENT_DAYS
    return calendar.add_calendar_days(record.outcome_on, days)


@dataclass(frozen=True, slots=True)
class Rate:
    """A rate in ‰ (rounded half up), None when there is nothing to divide by."""

    numerator: int
    denominator: int

    @property
    def permille(self) -> int | None:
        if self.denominator == 0:
            return None
        value = Decimal(self.numerator * 1000) / Decimal(self.denominator)
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def percent_text(self) -> str:
        """``0%``, ``33.3%``; ``—`` when the denominator is 0."""
        permille = self.permille
        if permille is None:
            return "—"
        whole, tenth = divmod(permille, 10)
        return f"{whole}%" if tenth == 0 else f"{whole}.{tenth}%"


@dataclass(frozen=True, slots=True)
class ReconsiderationFigures:
    received: int
    concluded: int
    withdrawn: int
    rejected: int
    upheld: int
    corrected: int
    mediated: int
    correction_rate: Rate

    def to_json(self) -> dict[str, int | None]:
        return {
            "received": self.received,
            "concluded": self.concluded,
            "withdrawn": self.withdrawn,
            "rejected": self.rejected,
            "upheld": self.upheld,
            "corrected": self.corrected,
            "mediated": self.mediated,
            "correction_rate_permille": self.correction_rate.permille,
        }


@dataclass(frozen=True, slots=True)
class LitigationFigures:
    received: int
    concluded: int
    withdrawn: int
    lost: int
    loss_rate: Rate
    leader_appearance: Rate

    def to_json(self) -> dict[str, int | None]:
        return {
            "received": self.received,
            "concluded": self.concluded,
            "withdrawn": self.withdrawn,
            "lost": self.lost,
            "loss_rate_permille": self.loss_rate.permille,
            "hearings": self.leader_appearance.denominator,
            "leader_appeared": self.leader_appearance.numerator,
            "leader_appearance_permille": self.leader_appearance.permille,
        }


CORRECTION_RATE_FORMULA = (
    "纠错率 = （变更 + 撤销 + 确认违法 + 确认无效 + 责令履行）÷ 以复议决定审结的案件数"
    "（维持、驳回及上述纠错结果；调解、和解、撤回、终止不计入分母）"
)
LOSS_RATE_FORMULA = (
    "败诉率 = 一审败诉案件数（撤销、变更、确认违法、确认无效、责令履行、赔偿）÷ 一审审结案件数"
    "（含撤诉、驳回起诉、调解）"
)
LEADER_RATE_FORMULA = "负责人出庭应诉率 = 负责人出庭的开庭次数 ÷ 开庭次数"


def _concluded_in(records: Iterable[DisputeRecord], year: int) -> list[DisputeRecord]:
    return [r for r in records if r.outcome_on is not None and r.outcome_on.year == year]


def reconsideration_figures(records: Iterable[DisputeRecord], year: int) -> ReconsiderationFigures:
    """Counted by the day we received them; outcomes by the outcome date (DOMAIN §15)."""
    mine = [r for r in records if r.kind is DisputeKind.RECONSIDERATION]
    concluded = _concluded_in(mine, year)
    outcomes = [r.outcome for r in concluded]
    corrected = sum(1 for o in outcomes if o in CORRECTING)
    decided = sum(1 for o in outcomes if o in DECIDED_RECONSIDERATION)
    return ReconsiderationFigures(
        received=sum(1 for r in mine if r.received_on.year == year),
        concluded=len(concluded),
        withdrawn=outcomes.count(_O.WITHDRAWN),
        rejected=outcomes.count(_O.REJECTED),
        upheld=outcomes.count(_O.UPHELD),
        corrected=corrected,
        mediated=outcomes.count(_O.MEDIATED) + outcomes.count(_O.SETTLED),
        correction_rate=Rate(corrected, decided),
    )


def litigation_figures(records: Iterable[DisputeRecord], year: int) -> LitigationFigures:
    mine = [r for r in records if r.kind is DisputeKind.LITIGATION]
    concluded = _concluded_in(mine, year)
    first = [r for r in concluded if r.instance is Instance.FIRST]
    lost = sum(1 for r in first if r.outcome in LOSING)
    hearings = [r for r in mine if r.hearing_on is not None and r.hearing_on.year == year]
    return LitigationFigures(
        received=sum(1 for r in mine if r.received_on.year == year),
        concluded=len(concluded),
        withdrawn=sum(1 for r in concluded if r.outcome is _O.WITHDRAWN),
        lost=lost,
        loss_rate=Rate(lost, len(first)),
        leader_appearance=Rate(sum(1 for r in hearings if r.leader_appeared), len(hearings)),
    )


def annual_paragraph(recon: ReconsiderationFigures, lit: LitigationFigures) -> str:
    """The annual report's sentence, modelled on the seed's ("共处理行政复议案件10起，…")."""
    parts = [f"共处理行政复议案件{recon.received}起"]
    details = []
    if recon.withdrawn:
        details.append(f"其中{recon.withdrawn}起经调解申请人撤回申请")
    for count, text in (
        (recon.rejected, "驳回申请"),
        (recon.upheld, "维持"),
        (recon.corrected, "被纠错"),
    ):
        if count:
            details.append(f"{count}起{text}")
    if details:
        parts.append("，".join(details))
    parts.append(f"纠错率为{recon.correction_rate.percent_text()}")
    sentence = "，".join(parts) + "。"
    lit_parts = [f"共处理行政诉讼案件{lit.received}起"]
    if lit.withdrawn:
        lit_parts.append(f"其中{lit.withdrawn}起原告撤诉")
    lit_parts.append(f"败诉率为{lit.loss_rate.percent_text()}")
    lit_parts.append(f"负责人出庭应诉率为{lit.leader_appearance.percent_text()}")
    return sentence + "，".join(lit_parts) + "。"


CORRECTABLE = (
    "number", "applicant", "body", "case_no", "received_on", "replied_on", "hearing_on",
    "leader_appeared", "outcome", "outcome_on", "notes",
)  # fmt: skip
"""The fields of a dispute an administrator may correct (with a reason, audited)."""
_LABEL_KEYS = {"number": "dispute_no", "body": "dispute_body"}


def correction_label(field: str) -> str:
    """The Chinese name of a correctable dispute field (the corrections log keeps it)."""
    return field_label(_LABEL_KEYS.get(field, field))


_DATES = frozenset({"received_on", "replied_on", "hearing_on", "outcome_on"})


def corrected(record: DisputeRecord, field: str, value: str) -> DisputeRecord:
    """``record`` with ``field`` set from ``value`` as typed (an empty value clears it)."""
    if field not in CORRECTABLE:
        raise DomainError(
            "value.choice", "field", {"value": field, "choices": "、".join(CORRECTABLE)}
        )
    text = value.strip()
    new: object
    if field in _DATES:
        try:
            new = iso_day(text) if text else None
        except ValueError:
            raise DomainError("date.invalid", field, {"value": value}) from None
    elif field == "leader_appeared":
        if text not in ("是", "否", ""):
            raise DomainError("value.choice", field, {"value": value, "choices": "是、否"})
        new = None if not text else text == "是"
    elif field == "outcome":
        new = outcome_from_label(record.kind, text) if text else None
    else:
        new = text
    if field in ("received_on",) and new is None:
        raise DomainError("value.required", field)
    return replace(record, **{field: new})  # type: ignore[arg-type]  # typed per field above
