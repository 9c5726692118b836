"""Legal-review rules over random teams: who may sign, the checklist, the signed payload."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.accounts.accounts import (
    Account,
    LockoutPolicy,
    LoginState,
    Role,
    after_failure,
    check_not_locked,
)
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.enums import CertificateStatus, ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.review.review_checklist import (
    CHECKLIST,
    Finding,
    ReviewPeriod,
    check_opinion,
    complete_findings,
    review_due,
)
from chuansha_enforce.domain.review.review_signer import check_signer
from chuansha_enforce.domain.review.review_signing import ED25519, SigningPayload
from tests.conftest import NOW

NAMES = ["王建国", "李明", "周律", "孙法", "陈静", "赵刚", "吴律"]


def _certificate(i: int, name: str) -> Certificate:
    return Certificate(
        i, name, f"3115{i:04d}", dt.date(2018, 1, 1), None, CertificateStatus.VALID, None
    )


@given(
    officers=st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True),
    presiding=st.none() | st.sampled_from(NAMES),
    reviewer=st.sampled_from(NAMES),
    role=st.sampled_from(list(Role)),
    qualified=st.booleans(),
)
def test_who_may_sign_over_random_teams(
    officers: list[str], presiding: str | None, reviewer: str, role: Role, qualified: bool
) -> None:
    team = [_certificate(i, n) for i, n in enumerate(officers)]
    account = Account(1, f"u{NAMES.index(reviewer)}", reviewer, role, "A1" if qualified else None)
    allowed = (
        role is Role.REVIEWER and qualified and reviewer not in officers and reviewer != presiding
    )
    if allowed:
        assert check_signer(account, team, presiding) is account
    else:
        with pytest.raises(DomainError) as caught:
            check_signer(account, team, presiding)
        assert caught.value.code in {
            "auth.forbidden",
            "review.qualification_required",
            "review.reviewer_is_officer",
            "review.reviewer_presided",
        }
        if role is Role.CLERK:
            assert caught.value.code == "auth.forbidden"


@given(
    gaps=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=20),
    probe=st.integers(min_value=0, max_value=60),
)
def test_a_locked_out_account_cannot_act_until_the_time_is_up(gaps: list[int], probe: int) -> None:
    policy = LockoutPolicy(5, 30)
    state, now = LoginState(0, None), NOW
    for minutes in gaps:
        now += dt.timedelta(minutes=minutes)
        if not state.locked_at(now):
            state = after_failure(state, now, policy)
    later = now + dt.timedelta(minutes=probe)
    if state.locked_until is not None and later < state.locked_until:
        with pytest.raises(DomainError):
            check_not_locked("clerk", state, later)
    else:
        check_not_locked("clerk", state, later)


def test_checklist_findings_and_opinion() -> None:
    findings = complete_findings([Finding("law", False, " 未引用到项 ")])
    assert [f.item for f in findings] == list(CHECKLIST)
    assert findings[list(CHECKLIST).index("law")].note == "未引用到项"
    for bad, code in [
        ([Finding("nope", True)], "review.unknown_item"),
        ([Finding("law", False)], "review.problem_needs_note"),
        ([Finding("law", True), Finding("law", True)], "review.duplicate_item"),
    ]:
        with pytest.raises(DomainError) as caught:
            complete_findings(bad)
        assert caught.value.code == code
    with pytest.raises(DomainError, match="agree_with_problems"):
        check_opinion(ReviewOpinion.AGREE, None, findings)
    with pytest.raises(DomainError, match="reasons_required"):
        check_opinion(ReviewOpinion.REVISE, "  ", findings)
    assert check_opinion(ReviewOpinion.REVISE, " 改 ", findings) == "改"


def test_review_due_counts_working_days() -> None:
    calendar = WorkCalendar()
    # Submitted Friday 2026-09-25; the National Day holiday runs 10-01 to 10-08.
    due = review_due(dt.date(2026, 9, 25), calendar, ReviewPeriod())
    extended = review_due(dt.date(2026, 9, 25), calendar, ReviewPeriod(), extended=True)
    assert due.value > dt.date(2026, 10, 8)
    assert calendar.working_days_between(dt.date(2026, 9, 25), due.value) == 7
    assert calendar.working_days_between(due.value, extended.value) == 3


def test_the_payload_is_canonical() -> None:
    payload = SigningPayload(
        case_id=1,
        case_no="川执立〔2026〕7号",
        round_id=3,
        round_no=2,
        previous_round_id=2,
        reviewer_user="zhou",
        reviewer_name="周律",
        qualification_no="A1",
        reviewed_on="2026-11-27",
        opinion="agree",
        reasons=None,
        findings=(Finding("law", True), Finding("facts", True)),
        signed_at="2026-11-27T02:00:00.000000+00:00",
        chain_head="0" * 64,
        algorithm=ED25519,
    )
    text = payload.canonical().decode("utf-8")
    assert "川执立〔2026〕7号" in text  # UTF-8 kept, not escaped
    assert " " not in text
    assert text.index('"facts"') < text.index('"law"')  # findings in a fixed order
    assert len(payload.digest()) == 64
