"""The demo generator: deterministic synthetic data that obeys the rules of DOMAIN §1, §5, §6."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]
import pytest

from chuansha_enforce.demo import catalogue as cat
from chuansha_enforce.demo.generator import (
    DemoPlan,
    generate_officers,
    iter_general_cases,
    iter_simple_decisions,
)
from chuansha_enforce.domain.accounts.identity import resident_id_check_char, uscc_check_char
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.records import (
    GeneralCaseRecord,
    ImportedReview,
    OfficerRecord,
    PartyRecord,
    PaymentRecord,
    SimpleDecisionRecord,
)
from chuansha_enforce.domain.simple_procedure.simple_payments import simple_clocks

PLAN = DemoPlan(seed=7, general_cases=3000, simple_per_year=600)
END = dt.date(PLAN.last_year, 12, 31)
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
INDIVIDUALS = (PartyType.NATURAL_PERSON, PartyType.INDIVIDUAL_BUSINESS)
USCC_PREFIX = {
    PartyType.INDIVIDUAL_BUSINESS: "92",
    PartyType.LEGAL_PERSON: "91",
    PartyType.OTHER_ORGANISATION: "12",
}


@pytest.fixture(scope="module")
def officers() -> list[OfficerRecord]:
    return generate_officers(PLAN)


@pytest.fixture(scope="module")
def cases(officers: list[OfficerRecord]) -> list[GeneralCaseRecord]:
    return list(iter_general_cases(PLAN, officers))


@pytest.fixture(scope="module")
def simple(officers: list[OfficerRecord]) -> list[SimpleDecisionRecord]:
    return list(iter_simple_decisions(PLAN, officers))


@pytest.fixture(scope="module")
def town() -> tuple[list[GeneralCaseRecord], list[SimpleDecisionRecord]]:
    """The default plan: a township's real volume."""
    plan = DemoPlan()
    staff = generate_officers(plan)
    return list(iter_general_cases(plan, staff)), list(iter_simple_decisions(plan, staff))


def valid_on(officer: OfficerRecord, day: dt.date) -> bool:
    """Strict reading: the expiry day and the cancellation day are no longer valid."""
    return (
        officer.status is not CertificateStatus.SUSPENDED
        and officer.issued_on <= day
        and (officer.expires_on is None or day < officer.expires_on)
        and (officer.cancelled_on is None or day < officer.cancelled_on)
    )


def birth_date(id_number: str) -> dt.date:
    return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_party(party: PartyRecord, day: dt.date) -> None:
    assert party.id_number is not None
    assert len(party.id_number) == 18
    if party.kind is PartyType.NATURAL_PERSON:
        assert CJK.match(party.name), party.name
        assert 2 <= len(party.name) <= 4, party.name
        first17 = party.id_number[:17]
        assert first17.isdigit()
        assert party.id_number[17] == resident_id_check_char(first17), party.id_number
        assert 18 <= age_on(birth_date(party.id_number), day) <= 70  # a real date, an adult
    else:
        assert party.id_number.startswith(USCC_PREFIX[party.kind])
        assert party.id_number[17] == uscc_check_char(party.id_number[:17]), party.id_number
        assert CJK.match(party.name.replace("（", "").replace("）", "")), party.name


def all_dates(case: GeneralCaseRecord) -> Iterable[dt.date]:
    yield case.filed_on
    for day in (case.decided_on, case.served_on, case.closed_on):
        if day is not None:
            yield day
    for payment in case.payments:
        yield payment.paid_on


# Determinism ------------------------------------------------------------------------------


def test_same_plan_gives_the_same_data(
    officers: list[OfficerRecord],
    cases: list[GeneralCaseRecord],
    simple: list[SimpleDecisionRecord],
) -> None:
    again = generate_officers(PLAN)
    assert again == officers
    assert list(iter_general_cases(PLAN, again)) == cases
    assert list(iter_simple_decisions(PLAN, again)) == simple


def test_another_seed_gives_other_data(cases: list[GeneralCaseRecord]) -> None:
    plan = DemoPlan(seed=8, general_cases=3000, simple_per_year=600)
    other = list(iter_general_cases(plan, generate_officers(plan)))
    assert len(other) == len(cases)
    assert [c.party for c in other[:50]] != [c.party for c in cases[:50]]
    assert generate_officers(plan) != generate_officers(PLAN)


def test_cleaning_changes_none_of_the_generated_records(
    cases: list[GeneralCaseRecord],
    town: tuple[list[GeneralCaseRecord], list[SimpleDecisionRecord]],
) -> None:
    """The generator builds its cases, payments and reviews without the text cleaning
    (text_input.made_clean): rebuilt the ordinary way, which cleans, every one is unchanged."""
    big = islice(
        iter_general_cases(DemoPlan(general_cases=25_000), generate_officers(PLAN)), 0, None, 7
    )
    checked = 0
    for case in [*cases, *town[0], *big]:
        assert replace(case) == case
        assert type(case) is GeneralCaseRecord
        for part in (*case.payments, case.review, case.party):
            if part is not None:
                assert replace(part) == part
                assert type(part) in (PaymentRecord, ImportedReview, PartyRecord)
        checked += 1
    assert checked > 3000 + 900 + 3000
    assert sum(case.review is not None for case in cases) > 100
    assert sum(bool(case.payments) for case in cases) > 1000


def test_streams_are_lazy_even_for_a_million(officers: list[OfficerRecord]) -> None:
    plan = DemoPlan(general_cases=1_000_000)
    first = list(islice(iter_general_cases(plan, officers), 5))
    assert [c.case_no for c in first] == [f"川执立〔2021〕{i:06d}号" for i in range(1, 6)]


# Volumes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 7, 1000])
def test_exact_count_when_asked(officers: list[OfficerRecord], count: int) -> None:
    plan = DemoPlan(general_cases=count)
    got = list(iter_general_cases(plan, officers))
    assert len(got) == count
    per_year = [sum(c.filed_on.year == year for c in got) for year in range(2021, 2026)]
    assert max(per_year) - min(per_year) <= 1  # spread evenly over the years


def test_default_volume_is_a_townships(
    town: tuple[list[GeneralCaseRecord], list[SimpleDecisionRecord]],
) -> None:
    cases, simple = town
    filed = Counter(c.filed_on.year for c in cases)
    decided = Counter(s.decided_on.year for s in simple)
    assert sorted(filed) == sorted(decided) == list(range(2021, 2026))
    assert all(150 <= n <= 250 for n in filed.values()), filed
    assert all(290 <= n <= 310 for n in decided.values()), decided


def test_money_looks_like_the_seed_town(
    town: tuple[list[GeneralCaseRecord], list[SimpleDecisionRecord]],
) -> None:
    cases, simple = town
    fined = defaultdict(int)
    for c in cases:
        if c.decided_on is not None:
            fined[c.decided_on.year] += c.fine_fen + c.confiscation_fen
    assert all(200_000_00 <= f <= 2_000_000_00 for f in fined.values()), fined  # 729,188 元
    average = sum(s.fine_fen for s in simple) / len(simple) / 100
    assert 70 <= average <= 130  # 30,800 元 / 304 decisions


def test_big_runs_keep_identities_consistent(officers: list[OfficerRecord]) -> None:
    plan = DemoPlan(general_cases=25_000)
    seen: dict[str, tuple[str, PartyType]] = {}
    for case in iter_general_cases(plan, officers):
        assert case.party.id_number is not None
        key = (case.party.name, case.party.kind)
        assert seen.setdefault(case.party.id_number, key) == key


# Numbers ----------------------------------------------------------------------------------


def test_numbers_are_unique_and_well_formed(
    officers: list[OfficerRecord],
    cases: list[GeneralCaseRecord],
    simple: list[SimpleDecisionRecord],
) -> None:
    case_nos = [c.case_no for c in cases]
    decision_nos = [c.decision_no for c in cases if c.decision_no is not None]
    simple_nos = [s.decision_no for s in simple]
    receipts = [p.receipt_no for c in cases for p in c.payments]
    certificates = [o.certificate_no for o in officers]
    for numbers in (case_nos, decision_nos, simple_nos, receipts, certificates):
        assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"川执立〔20\d\d〕\d{6}号", n) for n in case_nos)
    assert all(re.fullmatch(r"沪浦川执罚〔20\d\d〕\d{6}号", n) for n in decision_nos)
    assert all(re.fullmatch(r"沪浦川执简〔20\d\d〕\d{6}号", n) for n in simple_nos)
    assert all(n is not None and re.fullmatch(r"沪财非税\d{10}", n) for n in receipts)
    assert all(re.fullmatch(r"3115\d{4}", n) for n in certificates)
    for c in cases:
        assert c.case_no[4:8] == str(c.filed_on.year)
        if c.decision_no is not None and c.decided_on is not None:
            assert c.decision_no[6:10] == str(c.decided_on.year)


def test_identity_numbers_pass_their_checksums(
    cases: list[GeneralCaseRecord], simple: list[SimpleDecisionRecord]
) -> None:
    kinds = Counter()
    for case in cases:
        check_party(case.party, case.filed_on)
        kinds[case.party.kind] += 1
    for decision in simple:
        check_party(decision.party, decision.decided_on)
    assert all(kinds[k] > 0 for k in PartyType)  # every kind of party appears


def test_every_simple_decision_carries_its_violations_legal_basis(
    simple: list[SimpleDecisionRecord],
) -> None:
    """Printed on its 当场行政处罚决定书 (APL 52): a demo decision can be made into one."""
    basis = {v.name: v.legal_basis for v in cat.VIOLATIONS}
    assert all(s.violation is not None for s in simple)
    assert [s.legal_basis for s in simple] == [basis[s.violation or ""] for s in simple]
    assert all(s.legal_basis for s in simple)


def test_one_identity_one_party(
    cases: list[GeneralCaseRecord], simple: list[SimpleDecisionRecord]
) -> None:
    seen: dict[str, tuple[str, PartyType]] = {}
    parties = [c.party for c in cases] + [s.party for s in simple]
    for party in parties:
        assert party.id_number is not None
        key = (party.name, party.kind)
        assert seen.setdefault(party.id_number, key) == key
    repeats = Counter(p.id_number for p in parties)
    assert any(n > 1 for n in repeats.values())  # some repeat offenders
    assert len(seen) > len(parties) / 2


def test_sex_follows_the_sequence_digit(cases: list[GeneralCaseRecord]) -> None:
    people = [c.party for c in cases if c.party.kind is PartyType.NATURAL_PERSON]
    males = sum(int(p.id_number[16]) % 2 for p in people if p.id_number)
    assert 0.55 < males / len(people) < 0.85


# Officers ---------------------------------------------------------------------------------


def test_officers_and_their_certificates(officers: list[OfficerRecord]) -> None:
    assert len(officers) == PLAN.officers
    assert all(CJK.match(o.name) and 2 <= len(o.name) <= 4 for o in officers)
    assert len({o.name for o in officers}) == len(officers)
    for o in officers:
        assert (o.status is CertificateStatus.CANCELLED) == (o.cancelled_on is not None)
        assert o.cancelled_on is None or o.cancelled_on > o.issued_on
        assert o.expires_on is None or o.expires_on > o.issued_on
    assert min(o.issued_on for o in officers).year < PLAN.first_year - 3
    for year in range(PLAN.first_year, PLAN.last_year + 1):
        assert any(o.issued_on.year == year for o in officers)
        assert any(o.cancelled_on is not None and o.cancelled_on.year == year for o in officers)
    day = dt.date(PLAN.first_year, 1, 1)
    while day <= END:
        assert sum(valid_on(o, day) for o in officers) >= 30
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("count", [3, 4, 10, 200])
def test_small_and_large_squads_are_always_staffed(count: int) -> None:
    plan = DemoPlan(officers=count, general_cases=500, simple_per_year=50)
    staff = generate_officers(plan)
    assert len(staff) == count
    by_cert = {o.certificate_no: o for o in staff}
    for case in iter_general_cases(plan, staff):
        assert all(valid_on(by_cert[n], case.filed_on) for n in case.officer_certificates)
    for decision in iter_simple_decisions(plan, staff):
        assert all(valid_on(by_cert[n], decision.decided_on) for n in decision.officer_certificates)


def test_too_few_valid_officers_is_refused() -> None:
    lone = [OfficerRecord("王伟", "31150001", dt.date(2010, 1, 4))]
    with pytest.raises(ValueError, match="fewer than two"):
        iter_general_cases(DemoPlan(), lone)


def test_case_officers_hold_valid_certificates(
    officers: list[OfficerRecord],
    cases: list[GeneralCaseRecord],
    simple: list[SimpleDecisionRecord],
) -> None:
    by_cert = {o.certificate_no: o for o in officers}
    sizes = Counter(len(c.officer_certificates) for c in cases)
    assert set(sizes) == {2, 3}
    assert sizes[2] > sizes[3] * 4
    for case in cases:
        team = case.officer_certificates
        assert len(set(team)) == len(team)
        for day in (case.filed_on, case.decided_on):
            if day is not None:
                assert all(valid_on(by_cert[n], day) for n in team), (case.case_no, day)
    for decision in simple:
        team = decision.officer_certificates
        assert len(team) == len(set(team)) >= 2
        assert all(valid_on(by_cert[n], decision.decided_on) for n in team)


# General cases ----------------------------------------------------------------------------


def test_dates_are_in_order_and_inside_the_period(cases: list[GeneralCaseRecord]) -> None:
    for c in cases:
        assert all(dt.date(PLAN.first_year, 1, 1) <= day <= END for day in all_dates(c))
        assert c.filed_on.weekday() < 5
        chain = [c.filed_on, c.decided_on, c.served_on]
        chain += [p.paid_on for p in c.payments] + [c.closed_on]
        present = [day for day in chain if day is not None]
        assert present == sorted(present), c.case_no
        assert c.served_on is None or (c.decided_on and (c.served_on - c.decided_on).days <= 7)
        assert c.closed_on is None or c.decided_on is not None
    assert [c.filed_on for c in cases] == sorted(c.filed_on for c in cases)


def test_decision_deadlines(cases: list[GeneralCaseRecord]) -> None:
    decided = [c for c in cases if c.decided_on is not None]
    late = [c for c in decided if c.decided_on and (c.decided_on - c.filed_on).days > 90]
    assert 0 < len(late) < 0.04 * len(decided)
    assert any(c.notes and "延长办案期限" in c.notes for c in late)
    open_cases = [c for c in cases if c.decided_on is None]
    assert 0 < len(open_cases) < 0.05 * len(cases)
    assert all((END - c.filed_on).days < 130 for c in open_cases)  # only recent ones are open
    assert all(c.outcome is None and c.fine_fen == 0 and not c.payments for c in open_cases)


def test_outcomes_and_penalties(cases: list[GeneralCaseRecord]) -> None:
    decided = [c for c in cases if c.decided_on is not None]
    outcomes = Counter(c.outcome for c in decided)
    assert outcomes[Outcome.PENALTY] + outcomes[Outcome.ORDER_ONLY] > 0.85 * len(decided)
    assert outcomes[Outcome.ORDER_ONLY] > 0
    assert 0.02 * len(decided) < outcomes[Outcome.NO_PENALTY] < 0.09 * len(decided)
    assert 0 < outcomes[Outcome.WITHDRAWN] < 0.03 * len(decided)
    kinds = Counter(k for c in decided for k in c.penalty_kinds)
    for kind in (PenaltyKind.WARNING, PenaltyKind.CONFISCATE_GAINS):
        assert kinds[kind] > 0
    assert kinds[PenaltyKind.OTHER] == 0  # a demolition order is never penalty kind 其他
    for c in decided:
        assert c.violation is not None
        violation = cat.VIOLATIONS_BY_NAME[c.violation]
        assert c.legal_basis == violation.legal_basis
        assert (c.fine_fen > 0) == (PenaltyKind.FINE in c.penalty_kinds), c.case_no
        assert (c.confiscation_fen > 0) == (PenaltyKind.CONFISCATE_GAINS in c.penalty_kinds)
        numbered = (Outcome.PENALTY, Outcome.NO_PENALTY, Outcome.ORDER_ONLY)
        assert (c.decision_no is not None) == (c.outcome in numbered)
        assert (c.no_penalty_reason is not None) == (c.outcome is Outcome.NO_PENALTY)
        assert bool(c.penalty_kinds) == (c.outcome is Outcome.PENALTY)
        if c.fine_fen:
            assert violation.fine_yuan is not None
            low, high = violation.fine_yuan
            assert c.fine_fen % 100 == 0
            assert low * 100 <= c.fine_fen <= high * 100
        assert (c.demolition_deadline is not None) == (c.outcome is Outcome.ORDER_ONLY)
        if violation.fine_yuan is None:  # an illegal structure: ordered removed, not fined
            assert c.outcome is not Outcome.PENALTY
        if c.outcome is Outcome.ORDER_ONLY:
            assert violation.fine_yuan is None
            assert (c.penalty_kinds, c.fine_fen) == (frozenset(), 0)
            assert c.demolition_deadline is not None
            assert c.decided_on is not None
            assert 15 <= (c.demolition_deadline - c.decided_on).days <= 30
            # every order is major: noticed, reviewed (agreed) and discussed before it
            assert c.notice_on is not None
            assert c.filed_on <= c.notice_on <= c.decided_on
            assert c.discussed_on is not None
            assert c.filed_on <= c.discussed_on <= c.decided_on
            assert c.review is not None
            assert c.review.opinion is ReviewOpinion.AGREE
            assert c.review.reviewed_on <= c.decided_on
    fines = [c.fine_fen for c in decided if c.fine_fen]
    assert sum(f % 50_00 == 0 for f in fines) > 0.85 * len(fines)  # mostly round sums


def test_hearings_only_for_large_fines(cases: list[GeneralCaseRecord]) -> None:
    states = Counter(c.hearing for c in cases)
    assert states[HearingState.HELD] > 0
    assert states[HearingState.WAIVED] > 0
    for c in cases:
        if c.hearing is not HearingState.NONE:
            threshold = 5_000_00 if c.party.kind in INDIVIDUALS else 50_000_00
            assert max(c.fine_fen, c.confiscation_fen) >= threshold, c.case_no


def test_payments_and_surcharges(cases: list[GeneralCaseRecord]) -> None:
    fined = [c for c in cases if c.fine_fen and c.served_on is not None]
    paid = [c for c in fined if c.payments]
    assert 0.7 * len(fined) < len(paid) < len(fined)  # some fines are outstanding
    partial = capped = 0
    for c in paid:
        (payment,) = c.payments
        assert c.served_on is not None
        assert payment.amount_fen == c.fine_fen + c.confiscation_fen
        late = (payment.paid_on - (c.served_on + dt.timedelta(days=15))).days
        expected = 0 if late <= 0 else min(c.fine_fen, c.fine_fen * 3 * late // 100)
        assert payment.surcharge_fen == expected, c.case_no
        if 0 < expected < c.fine_fen:
            partial += 1
            deadline = c.served_on + dt.timedelta(days=15)  # must not move for a rest day
            if deadline.year <= 2026:
                assert chinese_calendar.is_workday(deadline), c.case_no
        capped += expected == c.fine_fen
    assert partial > 0
    assert capped > 0
    for c in cases:
        if c.closed_on is not None and c.fine_fen:
            assert c.payments, c.case_no  # a fined case closes only once paid


def test_parties_fit_the_violation(cases: list[GeneralCaseRecord]) -> None:
    for c in cases:
        assert c.violation is not None
        allowed = {kind for kind, _ in cat.VIOLATIONS_BY_NAME[c.violation].parties}
        assert c.party.kind in allowed, (c.violation, c.party.kind)
        assert c.cause.endswith("案")
        assert len(c.cause) > 6
        assert c.location is not None
        assert c.location.endswith("号")
    assert any(c.party.address for c in cases if c.party.kind is PartyType.NATURAL_PERSON)


# Simple decisions -------------------------------------------------------------------------


def test_simple_decisions_stay_within_the_simple_procedure(
    simple: list[SimpleDecisionRecord],
) -> None:
    names = {v.name for v in cat.SIMPLE_VIOLATIONS}
    assert {"占道设摊", "个人混合投放生活垃圾", "宠物粪便未即时清除"} <= names
    warnings = 0
    for s in simple:
        assert s.violation in names
        assert s.decided_on <= END
        if s.penalty_kind is PenaltyKind.WARNING:
            warnings += 1
            assert s.fine_fen == 0
            assert not s.collected_on_spot
            assert s.paid_on is None
            continue
        assert s.penalty_kind is PenaltyKind.FINE
        assert s.fine_fen > 0
        limit = 200_00 if s.party.kind in INDIVIDUALS else 3_000_00
        low, high = cat.VIOLATIONS_BY_NAME[s.violation].fine_yuan or (0, 0)
        assert low * 100 <= s.fine_fen <= min(limit, high * 100), s.decision_no
        if s.collected_on_spot:
            assert s.fine_fen <= 100_00
            assert s.paid_on == s.decided_on
        assert s.paid_on is None or s.decided_on <= s.paid_on <= END
    assert 0.15 < warnings / len(simple) < 0.25
    assert any(s.collected_on_spot for s in simple)
    assert any(s.party.kind is PartyType.LEGAL_PERSON and s.fine_fen > 200_00 for s in simple)
    assert [s.decided_on for s in simple] == sorted(s.decided_on for s in simple)


# Plan and catalogue -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        {"first_year": 2025, "last_year": 2021},
        {"officers": 2},
        {"general_cases": -1},
        {"simple_per_year": -5},
    ],
)
def test_unworkable_plans_are_refused(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match=r"need|negative"):
        DemoPlan(**bad)


def test_catalogue_rows() -> None:
    assert len(cat.VIOLATIONS) == 15 == len(cat.VIOLATIONS_BY_NAME)
    for v in cat.VIOLATIONS:
        assert v.legal_basis.startswith("《")
        assert "第" in v.legal_basis
        assert v.fine_yuan is None or 0 < v.fine_yuan[0] < v.fine_yuan[1]
        assert v.parties
        assert v.weight > 0
    assert cat.VIOLATIONS_BY_NAME["乡村违法建设"].fine_yuan is None
    assert {s for s, _ in cat.SURNAMES} >= {"曾", "单", "仇", "查", "区", "朴", "欧阳"}
    assert len({s for s, _ in cat.SURNAMES}) == len(cat.SURNAMES)
    assert len(set(cat.GIVEN_MALE)) == len(cat.GIVEN_MALE)


def test_simple_decisions_after_the_day_are_mostly_on_time(
    simple: list[SimpleDecisionRecord],
) -> None:
    """Receipts for every payment; cash handed over, paid in and 备案 mostly on time, a few
    late; late payments carry the surcharge (DOMAIN §1, §14), judged by the real calendar."""
    calendar = WorkCalendar()
    states: dict[str, Counter[ClockState]] = defaultdict(Counter)
    for decision in simple:
        assert (decision.receipt_no is not None) is (decision.paid_on is not None)
        if decision.cash_to_bank_on is not None:
            assert decision.cash_to_agency_on is not None
            assert decision.cash_to_agency_on <= decision.cash_to_bank_on <= END
        for clock in simple_clocks(decision, END, calendar).clocks:
            states[clock.name][clock.state] += 1
    assert set(states) == {
        "payment_due",
        "cash_to_agency_due",
        "cash_to_bank_due",
        "agency_filing_due",
    }
    for name, counted in states.items():
        total = sum(counted.values())
        late = counted[ClockState.MISSED] + counted[ClockState.OVERDUE]
        assert counted[ClockState.MET] > 0.8 * total, name
        assert 0 < late < 0.15 * total, name
