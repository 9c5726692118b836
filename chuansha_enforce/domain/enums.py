"""Enumerations of the trade, stored by their code and shown by their Chinese label.

Each member carries its own label (``GENERAL = "general", "一般程序"``), so a label belongs to
its class: two enums may share a code (``HearingState.NONE`` and ``Stratify.NONE`` are both
``"none"``) without sharing a label. Members of a ``StrEnum`` hash and compare as their code,
so a plain dict keyed by members would mix such members up; a table keyed by the members of
one enum is an ``EnumMap``, which holds the members of that enum only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum, StrEnum
from typing import Generic, Self, TypeVar


class LabelledEnum(StrEnum):
    """A code stored in the database, with a Chinese label for people."""

    _label: str

    def __new__(cls, code: str, label: str | None = None) -> Self:
        # Called with the label only while the class is built; ``Kind("code")`` looks a
        # member up by its code and never reaches here. Every member must name its label.
        if label is None:
            raise TypeError(f"{cls.__name__} member {code!r} has no label")
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = label
        return member

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def from_label(cls, label: str) -> Self:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


K = TypeVar("K", bound=Enum)
V = TypeVar("V")


class EnumMap(Mapping[K, V], Generic[K, V]):
    """A read-only table keyed by the members of one enum class, and of that class only.

    A member of another enum is refused when the table is built and is never found in it,
    even when its code is equal (``StrEnum`` members compare equal to their string code).
    """

    __slots__ = ("_enum", "_items")

    def __init__(self, enum: type[K], items: Mapping[K, V]) -> None:
        for key in items:
            if type(key) is not enum:
                raise TypeError(f"{key!r} is not a member of {enum.__name__}")
        self._enum = enum
        self._items: dict[K, V] = dict(items)

    @property
    def enum(self) -> type[K]:
        return self._enum

    def __getitem__(self, key: K) -> V:
        if type(key) is not self._enum:
            raise KeyError(key)
        return self._items[key]

    def __contains__(self, key: object) -> bool:
        return type(key) is self._enum and key in self._items

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"EnumMap({self._enum.__name__}, {self._items!r})"


class Procedure(LabelledEnum):
    GENERAL = "general", "一般程序"
    SIMPLE = "simple", "简易程序"


class PartyType(LabelledEnum):
    NATURAL_PERSON = "natural_person", "自然人"
    INDIVIDUAL_BUSINESS = "individual_business", "个体工商户"
    LEGAL_PERSON = "legal_person", "法人"
    OTHER_ORGANISATION = "other_organisation", "非法人组织"


class PenaltyKind(LabelledEnum):
    """Penalty kinds, lightest first: the statistics order (DOMAIN §1, §7)."""

    WARNING = "warning", "警告"
    CRITICISM = "criticism", "通报批评"
    FINE = "fine", "罚款"
    CONFISCATE_GAINS = "confiscate_gains", "没收违法所得"
    CONFISCATE_PROPERTY = "confiscate_property", "没收非法财物"
    SUSPEND_LICENCE = "suspend_licence", "暂扣许可证件"
    DOWNGRADE_QUALIFICATION = "downgrade_qualification", "降低资质等级"
    REVOKE_LICENCE = "revoke_licence", "吊销许可证件"
    RESTRICT_ACTIVITY = "restrict_activity", "限制开展生产经营活动"
    SUSPEND_BUSINESS = "suspend_business", "责令停产停业"
    ORDER_CLOSURE = "order_closure", "责令关闭"
    RESTRICT_PRACTICE = "restrict_practice", "限制从业"
    OTHER = "other", "其他"

    @property
    def severity(self) -> int:
        """Position in the statistics order; higher is heavier."""
        return _SEVERITY[self]


_SEVERITY = EnumMap(PenaltyKind, {kind: rank for rank, kind in enumerate(PenaltyKind)})

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

    PENALTY = "penalty", "处罚"
    NO_PENALTY = "no_penalty", "不予处罚"
    WITHDRAWN = "withdrawn", "撤销立案"
    TRANSFER_JUDICIAL = "transfer_judicial", "移送司法机关"
    TRANSFER_OTHER = "transfer_other", "移送其他部门"
    ORDER_ONLY = "order_only", "仅责令限期拆除"
    """A 责令限期拆除 order with no penalty beside it (DOMAIN §13): an order, not a penalty."""


class NoPenaltyReason(LabelledEnum):
    MINOR_CORRECTED = "minor_corrected", "轻微违法及时改正"
    FIRST_VIOLATION = "first_violation", "首违不罚"
    NO_FAULT = "no_fault", "无主观过错"
    UNDER_FOURTEEN = "under_fourteen", "不满十四周岁"
    MENTAL_ILLNESS = "mental_illness", "精神病人"
    TIME_BARRED = "time_barred", "超过追责时效"
    FACTS_UNPROVEN = "facts_unproven", "违法事实不能成立"


APL33_REASONS = frozenset(
    {NoPenaltyReason.MINOR_CORRECTED, NoPenaltyReason.FIRST_VIOLATION, NoPenaltyReason.NO_FAULT}
)
"""不予处罚 under APL 33 (轻微及时改正, 首违不罚, 无主观过错): the party is educated (APL 33③)."""


class HearingState(LabelledEnum):
    NONE = "none", "否"
    HELD = "held", "已听证"
    WAIVED = "waived", "放弃听证"


class CertificateStatus(LabelledEnum):
    VALID = "valid", "有效"
    CANCELLED = "cancelled", "注销"
    SUSPENDED = "suspended", "暂扣"


class CaseStatus(LabelledEnum):
    """A general case's status, derived from its recorded steps."""

    FILED = "filed", "已立案"
    DECIDED = "decided", "已决定"
    SERVED = "served", "已送达"
    CLOSED = "closed", "已结案"
    DELETED = "deleted", "已删除"


class ReviewOpinion(LabelledEnum):
    """法制审核 opinions; only 同意 unlocks the decision."""

    AGREE = "agree", "同意"
    SUPPLEMENT = "supplement", "建议补充调查"
    REVISE = "revise", "建议修改后再报"
    DISAGREE = "disagree", "不同意"


class ServiceMethod(LabelledEnum):
    """送达方式; public-notice service takes effect after 60 days in Shanghai."""

    DIRECT = "direct", "直接送达"
    ON_THE_SPOT = "on_the_spot", "当场交付"
    MAIL = "mail", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达"
    LEFT_AT_RESIDENCE = "left_at_residence", "留置送达"
    PUBLIC_NOTICE = "public_notice", "公告送达"
    ENTRUSTED = "entrusted", "委托送达"


class EvidenceKind(LabelledEnum):
    """The kinds of evidence (行政处罚法第四十六条), in the law's order."""

    DOCUMENTARY = "documentary", "书证"
    PHYSICAL = "physical", "物证"
    AUDIO_VISUAL = "audio_visual", "视听资料"
    ELECTRONIC_DATA = "electronic_data", "电子数据"
    WITNESS = "witness", "证人证言"
    PARTY_STATEMENT = "party_statement", "当事人的陈述"
    EXPERT_OPINION = "expert_opinion", "鉴定意见"
    INSPECTION_RECORD = "inspection_record", "勘验笔录、现场笔录"


class AttemptResult(LabelledEnum):
    """How a recorded service attempt ended (DOMAIN §14, service by the book)."""

    FAILED = "failed", "未成功"
    NOT_FOUND = "not_found", "下落不明"


class PauseKind(LabelledEnum):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


class DecisionPauseKind(LabelledEnum):
    """Time that does not count toward the decision deadline (DOMAIN §12)."""

    HEARING = "hearing", "听证"
    APPRAISAL = "appraisal", "鉴定"
    ANNOUNCEMENT = "announcement", "公告"
    SUSPENSION = "suspension", "中止"
