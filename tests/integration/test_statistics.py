"""Annual figures from SQL agree with the same rules applied to the generated records in Python,
on both backends (the demo in a file and on a server database)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from chuansha_enforce.demo.disputes import iter_disputes
from chuansha_enforce.demo.generator import (
    generate_officers,
    iter_general_cases,
    iter_simple_decisions,
)
from chuansha_enforce.domain.calendar.deadlines import decision_due
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    NoPenaltyReason,
    Outcome,
    PenaltyKind,
    heaviest,
)
from chuansha_enforce.domain.records import GeneralCaseRecord, OfficerRecord, SimpleDecisionRecord
from chuansha_enforce.services.container import Services
from tests.cli_clock import main
from tests.conftest import SMALL_PLAN


def _permille(numerator: int, denominator: int) -> int | None:
    """Half up, by integer arithmetic (not the code under test's Decimal)."""
    return None if denominator == 0 else (numerator * 2000 + denominator) // (2 * denominator)


def disputes_expected(year: int) -> dict[str, dict[str, int | None]]:
    """DOMAIN §15 restated: received by the day we got them, outcomes by the outcome date."""
    records = list(iter_disputes(SMALL_PLAN, {}))  # which acts exist changes links, not counts
    recon = [r for r in records if r.kind.value == "reconsideration"]
    lit = [r for r in records if r.kind.value == "litigation"]
    done_r = [
        r.outcome.value for r in recon if r.outcome and r.outcome_on and r.outcome_on.year == year
    ]
    done_l = [r for r in lit if r.outcome and r.outcome_on and r.outcome_on.year == year]
    wrong = {"changed", "revoked", "confirmed_unlawful", "confirmed_void", "ordered_to_act"}
    corrected = sum(o in wrong for o in done_r)
    decided = sum(o in wrong | {"upheld", "rejected"} for o in done_r)
    first = [r for r in done_l if r.instance.value == "first"]
    lost = sum(r.outcome.value in wrong | {"compensation"} for r in first if r.outcome)
    heard = [r for r in lit if r.hearing_on and r.hearing_on.year == year]
    leaders = sum(bool(r.leader_appeared) for r in heard)
    return {
        "reconsideration": {
            "received": sum(r.received_on.year == year for r in recon),
            "concluded": len(done_r),
            "withdrawn": done_r.count("withdrawn"),
            "rejected": done_r.count("rejected"),
            "upheld": done_r.count("upheld"),
            "corrected": corrected,
            "mediated": done_r.count("mediated") + done_r.count("settled"),
            "correction_rate_permille": _permille(corrected, decided),
        },
        "litigation": {
            "received": sum(r.received_on.year == year for r in lit),
            "concluded": len(done_l),
            "withdrawn": sum(
                r.outcome is not None and r.outcome.value == "withdrawn" for r in done_l
            ),
            "lost": lost,
            "loss_rate_permille": _permille(lost, len(first)),
            "hearings": len(heard),
            "leader_appeared": leaders,
            "leader_appearance_permille": _permille(leaders, len(heard)),
        },
    }


def expected(year: int) -> dict[str, object]:
    """The counting rules of DOMAIN §7, applied record by record."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    officers = generate_officers(SMALL_PLAN)
    cases = list(iter_general_cases(SMALL_PLAN, officers))
    simple = list(iter_simple_decisions(SMALL_PLAN, officers))
    calendar = WorkCalendar()
    in_year = lambda d: d is not None and d.year == year  # noqa: E731
    decided = [c for c in cases if in_year(c.decided_on)]
    penalties = [c for c in decided if c.outcome is Outcome.PENALTY]
    by_kind: Counter[str] = Counter()
    money: Counter[str] = Counter()
    for c in penalties:
        if c.penalty_kinds:
            kind = heaviest(c.penalty_kinds).value
            by_kind[kind] += 1
            money[kind] += c.fine_fen + c.confiscation_fen

    def paid_by_year_end(case: GeneralCaseRecord) -> int:
        return sum(p.amount_fen for p in case.payments if p.paid_on <= end)

    def unpaid_simple(s: SimpleDecisionRecord) -> bool:
        late = s.paid_on is None or s.paid_on > end
        return s.decided_on <= end and not s.collected_on_spot and late

    simple_outstanding = sum(s.fine_fen for s in simple if unpaid_simple(s))
    outstanding = (
        sum(
            max(c.fine_fen + c.confiscation_fen - paid_by_year_end(c), 0)
            for c in cases
            if c.outcome is Outcome.PENALTY and c.decided_on is not None and c.decided_on <= end
        )
        + simple_outstanding
    )

    forced = [c for c in cases if c.forced is not None]

    def rounds_in_year(c: GeneralCaseRecord) -> int:
        """The case's review rounds dated in the year: its own, and the one a 强制拆除决定
        brings (the demo dates it the day of that decision)."""
        days = [c.review.reviewed_on] if c.review else []
        if c.forced is not None and c.forced.decided_on is not None:
            days.append(c.forced.decided_on)
        return sum(day.year == year for day in days)

    def is_open(before: dt.date) -> int:
        return sum(
            1
            for c in cases
            if c.filed_on < before and (c.closed_on is None or c.closed_on >= before)
        )

    def valid(o: OfficerRecord) -> bool:
        return (
            o.issued_on <= end
            and (o.expires_on is None or o.expires_on >= end)  # valid through the expiry date
            and (o.cancelled_on is None or o.cancelled_on > end)
            and o.status is not CertificateStatus.SUSPENDED
        )

    return {
        "year": year,
        "general": {
            "filed": sum(in_year(c.filed_on) for c in cases),
            "closed": sum(in_year(c.closed_on) for c in cases),
            "decided": sum(c.outcome in (Outcome.PENALTY, Outcome.NO_PENALTY) for c in decided),
            "fines_decided_fen": sum(c.fine_fen for c in penalties),
            "confiscated_decided_fen": sum(c.confiscation_fen for c in penalties),
            "no_penalty": sum(c.outcome is Outcome.NO_PENALTY for c in decided),
            "overdue_open": sum(
                1
                for c in cases
                if c.filed_on <= end
                and (c.decided_on is None or c.decided_on > end)
                and decision_due(c.filed_on, calendar).value < end
            ),
            "open_at_start": is_open(start),
            "open_at_end": is_open(end + dt.timedelta(days=1)),
            "penalty_decided": len(penalties),
            "demolition_orders": sum(c.demolition_deadline is not None for c in decided),
            "demolitions_voluntary": sum(in_year(c.forced.removed_on) for c in forced),
            "demolitions_forced": sum(
                c.forced.carried_out is not None and in_year(c.forced.carried_out.on)
                for c in forced
            ),
            "no_penalty_by_reason": {
                reason.label: sum(c.no_penalty_reason is reason for c in decided)
                for reason in NoPenaltyReason
            },
            # neither a ledger nor the demo records a deviation from the benchmark
            "deviations": {"从轻": 0, "减轻": 0, "从重": 0},
        },
        "simple": {
            "decided": sum(in_year(s.decided_on) for s in simple),
            "fines_decided_fen": sum(s.fine_fen for s in simple if in_year(s.decided_on)),
            "warnings": sum(
                in_year(s.decided_on) and s.penalty_kind is PenaltyKind.WARNING for s in simple
            ),
            "outstanding_fen": simple_outstanding,
        },
        "payments": {
            "collected_fen": sum(
                p.amount_fen + p.surcharge_fen
                for c in cases
                for p in c.payments
                if in_year(p.paid_on)
            )
            + sum(s.fine_fen + s.surcharge_fen for s in simple if in_year(s.paid_on)),
            "outstanding_fen": outstanding,
            "surcharge_fen": sum(
                p.surcharge_fen for c in cases for p in c.payments if in_year(p.paid_on)
            )
            + sum(s.surcharge_fen for s in simple if in_year(s.paid_on)),
        },
        "legal_reviews": {
            "cases": sum(1 for c in cases if rounds_in_year(c)),
            "rounds": sum(rounds_in_year(c) for c in cases),
        },
        "file_reviews": {
            "sampled": 0,
            "graded": 0,
            "grades": {"excellent": 0, "good": 0, "pass": 0, "fail": 0},
        },
        "officers": {
            "valid_at_year_end": sum(valid(o) for o in officers),
            "issued_in_year": sum(in_year(o.issued_on) for o in officers),
            "cancelled_in_year": sum(in_year(o.cancelled_on) for o in officers),
        },
        **disputes_expected(year),
        "by_kind": {
            kind.value: {"cases": by_kind[kind.value], "money_fen": money[kind.value]}
            for kind in PenaltyKind
            if by_kind[kind.value]
        },
    }


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025, 2026])
def test_annual_figures_follow_the_counting_rules(demo_book_services: Services, year: int) -> None:
    assert demo_book_services.statistics.annual(year).to_json() == expected(year)


def test_the_carry_over_adds_up(demo_book_services: Services) -> None:
    for year in (2023, 2024, 2025):
        g = demo_book_services.statistics.annual(year).general
        assert g.open_at_start + g.filed - g.closed == g.open_at_end
        assert g.filed > 0
        assert g.decided > 0


def test_stats_json_on_the_command_line(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_book), "stats", "--year", "2024", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == expected(2024)
    assert main(["--db", str(demo_book), "stats", "--year", "2024"]) == 0
    text = capsys.readouterr().out
    assert f"一般案件立案 {printed['general']['filed']} 起" in text  # type: ignore[index]
