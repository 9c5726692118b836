"""Enumerations of the trade, stored by their code and shown by their Chinese label."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A code stored in the database, with a Chinese label for people (see ``LABELS``)."""

    @property
    def label(self) -> str:
        return LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> Self:
        for member in cls:
            if LABELS[member] == label:
                return member
        raise ValueError(label)


class Procedure(LabelledEnum):
    GENERAL = "general"
    SIMPLE = "simple"


class PartyType(LabelledEnum):
    NATURAL_PERSON = "natural_person"
    INDIVIDUAL_BUSINESS = "individual_business"
    LEGAL_PERSON = "legal_person"
    OTHER_ORGANISATION = "other_organisation"


class PenaltyKind(LabelledEnum):
    """Penalty kinds, lightest first: the statistics order (DOMAIN §1, §7)."""

    WARNING = "warning"
    CRITICISM = "criticism"
    FINE = "fine"
    CONFISCATE_GAINS = "confiscate_gains"
    CONFISCATE_PROPERTY = "confiscate_property"
    SUSPEND_LICENCE = "suspend_licence"
    DOWNGRADE_QUALIFICATION = "downgrade_qualification"
    REVOKE_LICENCE = "revoke_licence"
    RESTRICT_ACTIVITY = "restrict_activity"
    SUSPEND_BUSINESS = "suspend_business"
    ORDER_CLOSURE = "order_closure"
    RESTRICT_PRACTICE = "restrict_practice"
    OTHER = "other"

    @property
    def severity(self) -> int:
        """Position in the statistics order; higher is heavier."""
        return _SEVERITY[self]


_SEVERITY: dict[PenaltyKind, int] = {kind: rank for rank, kind in enumerate(PenaltyKind)}

HEAVY_PENALTY_KINDS = frozenset(
    {
        PenaltyKind.REVOKE_LICENCE,
        PenaltyKind.RESTRICT_ACTIVITY,
        PenaltyKind.SUSPEND_BUSINESS,
        PenaltyKind.ORDER_CLOSURE,
        PenaltyKind.RESTRICT_PRACTICE,
    }
)


CONFISCATION_KINDS = frozenset({PenaltyKind.CONFISCATE_GAINS, PenaltyKind.CONFISCATE_PROPERTY})


def heaviest(kinds: frozenset[PenaltyKind] | set[PenaltyKind]) -> PenaltyKind:
    """The kind a decision is counted under (DOMAIN §7: once, under its heaviest kind).

    ``其他`` has no place in the statutory order, so it counts only when it is alone.
    """
    ranked: list[PenaltyKind] = [k for k in kinds if k is not PenaltyKind.OTHER] or [*kinds]
    if not ranked:
        raise ValueError("no penalty kinds")
    return max(ranked, key=lambda k: k.severity)


class Outcome(LabelledEnum):
    """How a decided general-procedure case ended."""

    PENALTY = "penalty"
    NO_PENALTY = "no_penalty"
    WITHDRAWN = "withdrawn"
    TRANSFER_JUDICIAL = "transfer_judicial"
    TRANSFER_OTHER = "transfer_other"


class NoPenaltyReason(LabelledEnum):
    MINOR_CORRECTED = "minor_corrected"
    FIRST_VIOLATION = "first_violation"
    NO_FAULT = "no_fault"
    UNDER_FOURTEEN = "under_fourteen"
    MENTAL_ILLNESS = "mental_illness"
    TIME_BARRED = "time_barred"
    FACTS_UNPROVEN = "facts_unproven"


class HearingState(LabelledEnum):
    NONE = "none"
    HELD = "held"
    WAIVED = "waived"


class CertificateStatus(LabelledEnum):
    VALID = "valid"
    CANCELLED = "cancelled"
    SUSPENDED = "suspended"


class CaseStatus(LabelledEnum):
    """A general case's status, derived from its recorded steps."""

    FILED = "filed"
    DECIDED = "decided"
    SERVED = "served"
    CLOSED = "closed"
    DELETED = "deleted"


LABELS: dict[LabelledEnum, str] = {
    Procedure.GENERAL: "一般程序",
    Procedure.SIMPLE: "简易程序",
    PartyType.NATURAL_PERSON: "自然人",
    PartyType.INDIVIDUAL_BUSINESS: "个体工商户",
    PartyType.LEGAL_PERSON: "法人",
    PartyType.OTHER_ORGANISATION: "非法人组织",
    PenaltyKind.WARNING: "警告",
    PenaltyKind.CRITICISM: "通报批评",
    PenaltyKind.FINE: "罚款",
    PenaltyKind.CONFISCATE_GAINS: "没收违法所得",
    PenaltyKind.CONFISCATE_PROPERTY: "没收非法财物",
    PenaltyKind.SUSPEND_LICENCE: "暂扣许可证件",
    PenaltyKind.DOWNGRADE_QUALIFICATION: "降低资质等级",
    PenaltyKind.REVOKE_LICENCE: "吊销许可证件",
    PenaltyKind.RESTRICT_ACTIVITY: "限制开展生产经营活动",
    PenaltyKind.SUSPEND_BUSINESS: "责令停产停业",
    PenaltyKind.ORDER_CLOSURE: "责令关闭",
    PenaltyKind.RESTRICT_PRACTICE: "限制从业",
    PenaltyKind.OTHER: "其他",
    Outcome.PENALTY: "处罚",
    Outcome.NO_PENALTY: "不予处罚",
    Outcome.WITHDRAWN: "撤销立案",
    Outcome.TRANSFER_JUDICIAL: "移送司法机关",
    Outcome.TRANSFER_OTHER: "移送其他部门",
    NoPenaltyReason.MINOR_CORRECTED: "轻微违法及时改正",
    NoPenaltyReason.FIRST_VIOLATION: "首违不罚",
    NoPenaltyReason.NO_FAULT: "无主观过错",
    NoPenaltyReason.UNDER_FOURTEEN: "不满十四周岁",
    NoPenaltyReason.MENTAL_ILLNESS: "精神病人",
    NoPenaltyReason.TIME_BARRED: "超过追责时效",
    NoPenaltyReason.FACTS_UNPROVEN: "违法事实不能成立",
    HearingState.NONE: "否",
    HearingState.HELD: "已听证",
    HearingState.WAIVED: "放弃听证",
    CertificateStatus.VALID: "有效",
    CertificateStatus.CANCELLED: "注销",
    CertificateStatus.SUSPENDED: "暂扣",
    CaseStatus.FILED: "已立案",
    CaseStatus.DECIDED: "已决定",
    CaseStatus.SERVED: "已送达",
    CaseStatus.CLOSED: "已结案",
    CaseStatus.DELETED: "已删除",
}


class ReviewOpinion(LabelledEnum):
    """法制审核 opinions; only 同意 unlocks the decision."""

    AGREE = "agree"
    SUPPLEMENT = "supplement"
    REVISE = "revise"
    DISAGREE = "disagree"


class ServiceMethod(LabelledEnum):
    """送达方式; public-notice service takes effect after 60 days in Shanghai."""

    DIRECT = "direct"
    ON_THE_SPOT = "on_the_spot"
    MAIL = "mail"
    ELECTRONIC = "electronic"
    LEFT_AT_RESIDENCE = "left_at_residence"
    PUBLIC_NOTICE = "public_notice"


class PauseKind(LabelledEnum):
    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"


LABELS.update(
    {
        ReviewOpinion.AGREE: "同意",
        ReviewOpinion.SUPPLEMENT: "建议补充调查",
        ReviewOpinion.REVISE: "建议修改后再报",
        ReviewOpinion.DISAGREE: "不同意",
        ServiceMethod.DIRECT: "直接送达",
        ServiceMethod.ON_THE_SPOT: "当场交付",
        ServiceMethod.MAIL: "邮寄送达",
        ServiceMethod.ELECTRONIC: "电子送达",
        ServiceMethod.LEFT_AT_RESIDENCE: "留置送达",
        ServiceMethod.PUBLIC_NOTICE: "公告送达",
        PauseKind.RECONSIDERATION: "行政复议",
        PauseKind.LITIGATION: "行政诉讼",
    }
)
