"""Which cases are major (重大执法决定, DOMAIN §3) and why; thresholds are settings."""

from __future__ import annotations

from dataclasses import dataclass

from chuansha_enforce.domain.enums import HEAVY_PENALTY_KINDS, HearingState, PartyType, PenaltyKind

INDIVIDUAL_KINDS = frozenset({PartyType.NATURAL_PERSON, PartyType.INDIVIDUAL_BUSINESS})

REASON_LABELS = {
    "fine_individual": "对个人罚款{threshold}元以上",
    "fine_organisation": "对单位罚款{threshold}元以上",
    "confiscation": "没收违法所得或非法财物达到重大数额",
    "heavy_kind": "作出{kind}处罚",
    "hearing_held": "经过听证",
    "reduced_penalty": "减轻处罚",
    "demolition_order": "限期拆除已建成违法建筑",
    "crime_transfer": "涉嫌犯罪移送司法机关",
    "manual": "人工标记：{reason}",
}


@dataclass(frozen=True, slots=True)
class MajorThresholds:
    """Inclusive thresholds in fen (settings; defaults are Shanghai's)."""

    individual_fen: int = 500_000  # 5,000 元
    organisation_fen: int = 5_000_000  # 50,000 元


@dataclass(frozen=True, slots=True)
class MajorFacts:
    party_kind: PartyType
    fine_fen: int = 0
    confiscation_fen: int = 0
    kinds: frozenset[PenaltyKind] = frozenset()
    hearing: HearingState = HearingState.NONE
    reduced_penalty: bool = False
    demolition_order: bool = False
    crime_transfer: bool = False
    manual_reason: str | None = None


@dataclass(frozen=True, slots=True)
class MajorAssessment:
    major: bool
    reasons: tuple[str, ...]  # codes of REASON_LABELS
    labels: tuple[str, ...]  # the same reasons in Chinese, for people


def assess_major(facts: MajorFacts, thresholds: MajorThresholds | None = None) -> MajorAssessment:
    limits = thresholds or MajorThresholds()
    individual = facts.party_kind in INDIVIDUAL_KINDS
    limit = limits.individual_fen if individual else limits.organisation_fen
    found: list[tuple[str, dict[str, object]]] = []
    if facts.fine_fen >= limit:
        code = "fine_individual" if individual else "fine_organisation"
        found.append((code, {"threshold": f"{limit // 100:,}"}))
    if facts.confiscation_fen >= limit:
        found.append(("confiscation", {}))
    for kind in sorted(facts.kinds & HEAVY_PENALTY_KINDS, key=lambda k: k.severity):
        found.append(("heavy_kind", {"kind": kind.label}))
    if facts.hearing is HearingState.HELD:  # a waived hearing does not count (DOMAIN §3)
        found.append(("hearing_held", {}))
    if facts.reduced_penalty:
        found.append(("reduced_penalty", {}))
    if facts.demolition_order:
        found.append(("demolition_order", {}))
    if facts.crime_transfer:
        found.append(("crime_transfer", {}))
    if facts.manual_reason:
        found.append(("manual", {"reason": facts.manual_reason}))
    return MajorAssessment(
        major=bool(found),
        reasons=tuple(code for code, _ in found),
        labels=tuple(REASON_LABELS[code].format(**params) for code, params in found),
    )
