"""Every threshold at limit − 1 and at the limit, with the default and with the setting changed.

The expected answers are written out here, never computed by the code under test, so that
moving a threshold (a setting's default or a constant) makes one of these rows fail.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.cases.major_case import MajorFacts, MajorThresholds, assess_major
from chuansha_enforce.domain.enums import CertificateStatus, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.settings import Settings
from chuansha_enforce.domain.simple_procedure.simple_rules import (
    SimpleLimits,
    check_simple_decision,
)

PERSON = PartyType.NATURAL_PERSON
ORG = PartyType.LEGAL_PERSON
SHOP = PartyType.INDIVIDUAL_BUSINESS
DEFAULT = MajorThresholds()
RAISED = MajorThresholds(individual_fen=800_000, organisation_fen=10_000_000)


def test_the_settings_defaults_are_shanghais() -> None:
    settings = Settings()
    assert settings.major_individual_fen == 500_000  # 5,000 元
    assert settings.major_organisation_fen == 5_000_000  # 50,000 元
    assert settings.individual_business_as_citizen is True


@pytest.mark.parametrize(
    ("party", "fine_fen", "thresholds", "major"),
    [
        (ORG, 4_999_999, DEFAULT, False),  # 49,999.99 元
        (ORG, 5_000_000, DEFAULT, True),  # 50,000 元: inclusive
        (ORG, 9_999_999, RAISED, False),
        (ORG, 10_000_000, RAISED, True),
        (PERSON, 499_999, DEFAULT, False),
        (PERSON, 500_000, DEFAULT, True),
        (PERSON, 799_999, RAISED, False),
        (PERSON, 800_000, RAISED, True),
        (SHOP, 499_999, DEFAULT, False),  # a 个体工商户 counts as an individual here
        (SHOP, 500_000, DEFAULT, True),
        (ORG, 500_000, DEFAULT, False),  # the individual line does not apply to organisations
    ],
)
def test_major_fine_thresholds(
    party: PartyType, fine_fen: int, thresholds: MajorThresholds, major: bool
) -> None:
    facts = MajorFacts(party_kind=party, fine_fen=fine_fen, kinds=frozenset({PenaltyKind.FINE}))
    assert assess_major(facts, thresholds).major is major


@pytest.mark.parametrize(
    ("party", "confiscation_fen", "thresholds", "major"),
    [
        (ORG, 4_999_999, DEFAULT, False),
        (ORG, 5_000_000, DEFAULT, True),
        (ORG, 9_999_999, RAISED, False),
        (ORG, 10_000_000, RAISED, True),
        (PERSON, 499_999, DEFAULT, False),
        (PERSON, 500_000, DEFAULT, True),
        (PERSON, 799_999, RAISED, False),
        (PERSON, 800_000, RAISED, True),
    ],
)
def test_major_confiscation_thresholds(
    party: PartyType, confiscation_fen: int, thresholds: MajorThresholds, major: bool
) -> None:
    facts = MajorFacts(party_kind=party, confiscation_fen=confiscation_fen)
    assessment = assess_major(facts, thresholds)
    assert assessment.major is major
    assert ("confiscation" in assessment.reasons) is major


DAY = dt.date(2026, 11, 20)
OFFICERS = [
    Certificate(i, name, f"31{i:06d}", dt.date(2020, 1, 1), None, CertificateStatus.VALID, None)
    for i, name in ((1, "甲"), (2, "乙"))
]


def _simple(
    party: PartyType, fine_fen: int, *, on_spot: bool = False, reason: str | None = None
) -> SimpleDecisionRecord:
    return SimpleDecisionRecord(
        decision_no="沪浦川执简〔2026〕000001号",
        party=PartyRecord(party, "某某"),
        cause="占道设摊",
        officer_certificates=("31000001", "31000002"),
        decided_on=DAY,
        penalty_kind=PenaltyKind.FINE,
        fine_fen=fine_fen,
        collected_on_spot=on_spot,
        on_spot_reason=reason,
    )


def _check(record: SimpleDecisionRecord, limits: SimpleLimits) -> str | None:
    """None when accepted, else the refusal's code."""
    try:
        check_simple_decision(
            record, number_holder=None, officers=OFFICERS, limits=limits, today=DAY
        )
    except DomainError as refusal:
        return refusal.code
    return None


SHOP_AS_CITIZEN = SimpleLimits()
SHOP_AS_ORG = SimpleLimits(individual_business_as_citizen=False)


@pytest.mark.parametrize(
    ("party", "fine_fen", "limits", "refusal"),
    [
        (PERSON, 20_000, SHOP_AS_CITIZEN, None),  # 200 元: the citizen's ceiling, inclusive
        (PERSON, 20_001, SHOP_AS_CITIZEN, "simple.fine_over_limit"),
        (ORG, 300_000, SHOP_AS_CITIZEN, None),  # 3,000 元
        (ORG, 300_001, SHOP_AS_CITIZEN, "simple.fine_over_limit"),
        # The 个体工商户 setting: as a citizen (default) 200 元, else as an organisation 3,000 元.
        (SHOP, 20_000, SHOP_AS_CITIZEN, None),
        (SHOP, 20_001, SHOP_AS_CITIZEN, "simple.fine_over_limit"),
        (SHOP, 20_001, SHOP_AS_ORG, None),
        (SHOP, 300_000, SHOP_AS_ORG, None),
        (SHOP, 300_001, SHOP_AS_ORG, "simple.fine_over_limit"),
        (PERSON, 20_001, SHOP_AS_ORG, "simple.fine_over_limit"),  # a person stays at 200 元
    ],
)
def test_simple_procedure_ceilings(
    party: PartyType, fine_fen: int, limits: SimpleLimits, refusal: str | None
) -> None:
    assert _check(_simple(party, fine_fen), limits) == refusal


@pytest.mark.parametrize(
    ("fine_fen", "reason", "refusal"),
    [
        (9_999, None, None),  # 99.99 元 collected on the spot
        (10_000, None, None),  # 100 元: APL 68's limit, inclusive
        (10_001, None, "simple.on_spot_not_allowed"),
        (10_001, "当事人在偏远地区，事后缴纳确有困难", None),  # APL 68: hard to collect later
    ],
)
def test_on_the_spot_collection_limit(
    fine_fen: int, reason: str | None, refusal: str | None
) -> None:
    record = _simple(ORG, fine_fen, on_spot=True, reason=reason)
    assert _check(record, SHOP_AS_CITIZEN) == refusal
