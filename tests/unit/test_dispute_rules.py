"""The dispute register's rules: deadlines across holidays, outcomes, rates written out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.calendar.deadlines import Pause, late_days
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
    Rate,
    annual_paragraph,
    appeal_until,
    check_dispute,
    litigation_figures,
    outcome_from_label,
    reconsideration_figures,
    reply_due,
    reply_state,
)
from chuansha_enforce.domain.errors import DomainError

D = dt.date
OUT = DisputeOutcome
RECON = DisputeKind.RECONSIDERATION
LIT = DisputeKind.LITIGATION
TODAY = D(2026, 11, 27)
MARCH_3 = D(2025, 3, 3)
CAL = WorkCalendar()


def _r(
    kind: DisputeKind = RECON,
    received: dt.date = MARCH_3,
    outcome: DisputeOutcome | None = None,
    outcome_on: dt.date | None = None,
    **more: object,
) -> DisputeRecord:
    fields: dict[str, object] = {
        "number": "浦府复〔2025〕1号",
        "applicant": "王某",
        "act": DisputedAct.PENALTY,
        "body": "浦东新区人民政府",
        **more,
    }
    return DisputeRecord(
        kind=kind,
        received_on=received,
        outcome=outcome,
        outcome_on=outcome_on,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("kind", "simple", "received", "due"),
    [
        # 10 working days; 2025 National Day: 10-01…10-08 off, Sun 09-28 and Sat 10-11 worked.
        (RECON, False, D(2025, 9, 26), D(2025, 10, 16)),
        (RECON, True, D(2025, 9, 26), D(2025, 10, 10)),  # 5 in the simple procedure
        (RECON, False, D(2025, 3, 3), D(2025, 3, 17)),  # an ordinary fortnight
        (LIT, False, D(2025, 4, 1), D(2025, 4, 16)),  # 15 calendar days
        (LIT, False, D(2025, 9, 20), D(2025, 10, 9)),  # day 15 is 10-05, a holiday: moves on
    ],
)
def test_reply_and_defence_deadlines(
    kind: DisputeKind, simple: bool, received: dt.date, due: dt.date
) -> None:
    assert reply_due(_r(kind, received, simple_procedure=simple), CAL).value == due


@pytest.mark.parametrize(
    ("outcome", "decided_on", "appeal"),
    [
        (
            OUT.CLAIM_REJECTED,
            D(2025, 6, 20),
            D(2025, 7, 7),
        ),  # judgment: 15 days; 07-05 is a Saturday
        (OUT.REVOKED, D(2025, 6, 2), D(2025, 6, 17)),
        (OUT.SUIT_DISMISSED, D(2025, 6, 20), D(2025, 6, 30)),  # ruling: 10 days
        (OUT.WITHDRAWN, D(2025, 6, 20), None),  # 准许撤诉: no appeal
        (OUT.MEDIATED, D(2025, 6, 20), None),
    ],
)
def test_appeal_windows(
    outcome: DisputeOutcome, decided_on: dt.date, appeal: dt.date | None
) -> None:
    record = _r(LIT, D(2025, 4, 1), outcome, decided_on)
    found = appeal_until(record, CAL)
    assert (found.value if found else None) == appeal
    second = _r(LIT, D(2025, 4, 1), outcome, decided_on, instance=Instance.SECOND)
    assert appeal_until(second, CAL) is None


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (_r(received=D(2026, 11, 28)), "received_on"),  # tomorrow
        (_r(outcome=OUT.REJECTED), "outcome_on"),
        (_r(outcome_on=D(2025, 5, 1)), "outcome"),
        (_r(outcome=OUT.REJECTED, outcome_on=D(2025, 3, 2)), "outcome_on"),  # before receipt
        (_r(outcome=OUT.CLAIM_REJECTED, outcome_on=D(2025, 5, 1)), "outcome"),  # a court's word
        (_r(instance=Instance.SECOND), "instance"),
        (_r(hearing_on=D(2025, 4, 1)), "hearing_on"),
        (_r(LIT, leader_appeared=True), "leader_appeared"),
        (_r(applicant="\u3000 "), "applicant"),
        (_r(notes="长" * 201), "notes"),
    ],
)
def test_refusals_name_the_field(record: DisputeRecord, field: str) -> None:
    with pytest.raises(DomainError) as refused:
        check_dispute(record, TODAY)
    assert refused.value.field == field


def test_labels_of_each_register() -> None:
    assert outcome_from_label(LIT, "撤诉") is OUT.WITHDRAWN
    assert outcome_from_label(RECON, "撤回") is OUT.WITHDRAWN
    assert outcome_from_label(RECON, "驳回") is OUT.REJECTED
    assert outcome_from_label(LIT, "驳回诉讼请求") is OUT.CLAIM_REJECTED
    with pytest.raises(DomainError, match="赔偿"):
        outcome_from_label(LIT, "维持")


@pytest.mark.parametrize(
    ("numerator", "denominator", "permille", "text"),
    [(0, 6, 0, "0%"), (2, 5, 400, "40%"), (2, 3, 667, "66.7%"), (1, 8, 125, "12.5%"),
     (1, 2000, 1, "0.1%"), (1, 3000, 0, "0%"), (3, 0, None, "—")],
)  # fmt: skip
def test_rates_round_half_up(numerator: int, denominator: int, permille: int | None, text: str):
    rate = Rate(numerator, denominator)
    assert rate.permille == permille
    assert rate.percent_text() == text


def test_a_year_with_corrections_losses_and_an_absent_leader() -> None:
    """Rates computed by hand: 2 corrected of 5 decided; 1 lost of 4 first-instance; 2 of 3."""
    recon = [
        _r(RECON, D(2024, 2, 1), o, D(2024, 8, 1))
        for o in (
            OUT.UPHELD,
            OUT.UPHELD,
            OUT.UPHELD,
            OUT.REVOKED,
            OUT.CHANGED,
            OUT.WITHDRAWN,
            OUT.MEDIATED,
        )
    ] + [_r(RECON, D(2024, 11, 1))]  # pending at year end
    lit = [
        _r(LIT, D(2024, 3, 1), OUT.CLAIM_REJECTED, D(2024, 9, 1), hearing_on=D(2024, 5, 1),
           leader_appeared=True),
        _r(LIT, D(2024, 3, 1), OUT.CLAIM_REJECTED, D(2024, 9, 1), hearing_on=D(2024, 5, 2),
           leader_appeared=False),
        _r(LIT, D(2024, 3, 1), OUT.REVOKED, D(2024, 9, 1), hearing_on=D(2024, 5, 3),
           leader_appeared=True),
        _r(LIT, D(2024, 3, 1), OUT.WITHDRAWN, D(2024, 4, 1)),
        _r(LIT, D(2023, 3, 1), OUT.REVOKED, D(2024, 9, 1), instance=Instance.SECOND),
    ]  # fmt: skip
    r = reconsideration_figures(recon + lit, 2024)
    assert (r.received, r.concluded, r.upheld, r.corrected, r.withdrawn, r.mediated) == (
        8, 7, 3, 2, 1, 1,
    )  # fmt: skip
    assert r.correction_rate.permille == 400
    n = litigation_figures(recon + lit, 2024)
    assert (n.received, n.concluded, n.withdrawn, n.lost) == (4, 5, 1, 1)
    assert n.loss_rate.permille == 250
    assert n.leader_appearance.permille == 667
    assert annual_paragraph(r, n) == (
        "共处理行政复议案件8起，其中1起经调解申请人撤回申请，3起维持，2起被纠错，纠错率为40%。"
        "共处理行政诉讼案件4起，其中1起原告撤诉，败诉率为25%，负责人出庭应诉率为66.7%。"
    )


@pytest.mark.parametrize(
    ("pauses", "days"),
    [
        ((), 30),  # due 03-01, as of 03-31
        (((D(2025, 3, 11), D(2025, 3, 20)),), 20),
        # a manual pause and a dispute over the same days count once
        (((D(2025, 3, 11), D(2025, 3, 20)), (D(2025, 3, 15), D(2025, 3, 25))), 15),
        (((D(2025, 3, 15), D(2025, 3, 25)), (D(2025, 3, 11), D(2025, 3, 20))), 15),
        (((D(2025, 3, 11), D(2025, 3, 25)), (D(2025, 3, 15), D(2025, 3, 18))), 15),
        (((D(2025, 3, 20), D(9999, 12, 31)),), 18),  # a pending dispute: paused to as-of
    ],
)
def test_overlapping_pauses_count_once(
    pauses: tuple[tuple[dt.date, dt.date], ...], days: int
) -> None:
    found = late_days(D(2025, 3, 1), D(2025, 3, 31), tuple(Pause(a, b) for a, b in pauses))
    assert found == days


@pytest.mark.parametrize(
    ("replied", "outcome", "as_of", "state"),
    [
        (None, None, D(2025, 3, 10), ClockState.PENDING),  # 5 working days before the 17th
        (None, None, D(2025, 3, 12), ClockState.DUE_SOON),  # 3 working days before
        (None, None, D(2025, 3, 18), ClockState.OVERDUE),
        (D(2025, 3, 17), None, D(2025, 3, 18), ClockState.MET),
        (D(2025, 3, 18), None, D(2025, 3, 20), ClockState.MISSED),
        (None, OUT.WITHDRAWN, D(2025, 3, 20), None),  # withdrawn before any reply
    ],
)
def test_the_reply_deadline_is_flagged_as_the_case_clocks_are(
    replied: dt.date | None, outcome: DisputeOutcome | None, as_of: dt.date, state: object
) -> None:
    record = _r(replied_on=replied, outcome=outcome, outcome_on=D(2025, 3, 9) if outcome else None)
    assert reply_due(record, CAL).value == D(2025, 3, 17)
    assert reply_state(record, D(2025, 3, 17), as_of, CAL, 3) == state
