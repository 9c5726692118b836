"""Accounts and a major case ready for legal review, for the review and verify tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision, Discussion, Hearing
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import HearingState, Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.credentials import PasswordCost
from chuansha_enforce.services.session import Login

D = dt.date
# Cheap Argon2id for tests only: production keeps PRODUCTION_COST (passed explicitly here).
CHEAP = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)
PASSWORDS = {
    "admin": "admin-pass-1",
    "zhou": "zhou-pass-1",
    "clerk": "clerk-pass-1",
    "wang": "wang-pass-1",
}
CASE_NO = "川执立〔2026〕7号"
OFFICERS = (
    OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
    OfficerRecord("李明", "31150002", D(2019, 5, 10)),
)
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号")
BIG_FINE = Decision(
    "沪浦川执罚〔2026〕9号",
    D(2026, 11, 27),
    Outcome.PENALTY,
    frozenset({PenaltyKind.FINE}),
    fine_fen=600_000,
)  # 6,000 元 on a person: major


def open_as(path: Path | str, clock: FixedClock, name: str | None = None) -> Services:
    login = None if name is None else Login(name, PASSWORDS[name])
    return build_services(path, clock, login=login, password_cost=CHEAP)


def make_accounts(path: Path | str, clock: FixedClock) -> None:
    """admin (first, no login), then the reviewer 周律, a clerk and the officer 王建国."""
    with open_as(path, clock) as svc:
        svc.accounts.add_user(NewUser("admin", Role.ADMIN, PASSWORDS["admin"], "管理员"))
    with open_as(path, clock, "admin") as svc:
        svc.accounts.add_user(
            NewUser("zhou", Role.REVIEWER, PASSWORDS["zhou"], "周律", "A2019310000123")
        )
        svc.accounts.add_user(NewUser("clerk", Role.CLERK, PASSWORDS["clerk"], "内勤小陈"))
        # An officer of the case who also holds a reviewer account: may never review it.
        svc.accounts.add_user(
            NewUser("wang", Role.REVIEWER, PASSWORDS["wang"], "王建国", "A2018310000999")
        )


def register_officers(svc: Services) -> None:
    """Officers are the administrator's to register (DOMAIN §9)."""
    for officer in OFFICERS:
        svc.officers.register(officer)


WAIVED = Hearing(HearingState.WAIVED, waived_on=D(2026, 10, 21))
DISCUSSED_ON = D(2026, 10, 26)


def make_major_case(
    svc: Services,
    case_no: str = CASE_NO,
    hearing: Hearing = WAIVED,
    discussed_on: dt.date = DISCUSSED_ON,
) -> None:
    """The clerk's part: file the case, give notice of the 6,000 元 fine (major by its amount),
    record the hearing (by default its written waiver) and the collective discussion
    (DOMAIN §12)."""
    svc.case_files.file_case(
        NewCase(
            case_no=case_no,
            party=PERSON,
            cause="张三占道设摊案",
            filed_on=D(2026, 10, 9),
            officer_certificates=("31150001", "31150002"),
            clue_on=D(2026, 10, 8),
        )
    )
    notice = AdvanceNotice(
        D(2026, 10, 20),
        hearing_offered=True,
        proposed_kinds=frozenset({PenaltyKind.FINE}),
        proposed_fine_fen=600_000,
        facts="占道设摊",
        basis="《上海市市容环境卫生管理条例》第二十四条",
    )
    svc.case_files.record_notice(case_no, notice)
    svc.case_files.record_hearing(case_no, hearing)
    svc.case_files.record_discussion(
        case_no, Discussion(discussed_on, "同意罚款六千元", ("镇长", "分管副镇长", "执法队长"))
    )


def prepared(path: Path | str, clock: FixedClock) -> None:
    """Accounts, the case (entered by the clerk) and its submission for review."""
    make_accounts(path, clock)
    with open_as(path, clock, "admin") as svc:
        register_officers(svc)
    with open_as(path, clock, "clerk") as svc:
        make_major_case(svc)
        svc.reviews.submit(CASE_NO, ["调查终结报告", "处罚决定书（草稿）"])
