"""A reviewer or a presiding officer is not another person because of a space, a zero-width or
a full-width character in their name (issue 17 §4): names are compared by their key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.cases.case_file import Hearing
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import HearingState, ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import name_key
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.review_service import SignRequest
from chuansha_enforce.services.session import Login
from tests.conftest import database_digest
from tests.review_setup import CASE_NO, CHEAP, open_as, prepared
from tests.server_backend import connect, db_path_on_both_backends  # noqa: F401

PASSWORD = "王建国-审核-2026"


def test_the_name_key() -> None:
    same = ["王建国", "王 建国", "王\u3000建国", "王建国\u200b", "\ufeff王\u200d建国 "]
    assert {name_key(n) for n in same} == {"王建国"}
    assert name_key("Ｗａｎｇ Jianguo") == name_key("wangjianguo")
    assert name_key("王建") != name_key("王建国")


@pytest.mark.parametrize("display", ["王 建国", "王\u3000建国"])
def test_an_officers_name_spelled_otherwise_cannot_sign_their_case(
    db_path: Path | str, clock: FixedClock, display: str
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.add_user(NewUser("wjg", Role.REVIEWER, PASSWORD, display, "A2020310000777"))
    # (a zero-width space is cleaned away on the way in; a raw edit puts one back)
    before = database_digest(db_path)
    login = Login("wjg", PASSWORD)
    with build_services(db_path, clock, login=login, password_cost=CHEAP) as svc:
        with pytest.raises(DomainError) as caught:
            svc.reviews.sign(CASE_NO, SignRequest(ReviewOpinion.AGREE, None, (), PASSWORD))
        assert caught.value.code == "review.reviewer_is_officer"
    assert database_digest(db_path) == before


def test_a_zero_width_space_written_into_the_file_changes_nothing(
    db_path: Path | str, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.add_user(NewUser("wjg", Role.REVIEWER, PASSWORD, "王建", "A2020310000777"))
    conn = connect(db_path)
    conn.execute("UPDATE users SET display_name = '王建国\u200b' WHERE name = 'wjg'")
    conn.commit()
    conn.close()
    login = Login("wjg", PASSWORD)
    with build_services(db_path, clock, login=login, password_cost=CHEAP) as svc:
        with pytest.raises(DomainError) as caught:
            svc.reviews.sign(CASE_NO, SignRequest(ReviewOpinion.AGREE, None, (), PASSWORD))
        assert caught.value.code == "review.reviewer_is_officer"


def test_an_investigator_cannot_preside_under_another_spelling(
    db_path: Path | str, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    held = Hearing(
        HearingState.HELD,
        requested_on=dt.date(2026, 10, 21),
        notice_on=dt.date(2026, 10, 22),  # 7 working days before the hearing (APL 64)
        held_on=dt.date(2026, 11, 2),
        presiding="李　明",
    )
    with open_as(db_path, clock, "clerk") as svc:
        with pytest.raises(DomainError) as caught:
            svc.case_files.record_hearing(CASE_NO, held)
        assert caught.value.code == "hearing.presiding_is_investigator"
