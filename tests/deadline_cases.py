"""Six cases around their deadlines on the tests' fixed day (2026-11-27), for the flag tests.

By case number, as the case list, ``case list --overdue`` and ``stats`` must see them:
- 川执立〔2026〕1号 filed 2026-08-28: decision due 2026-11-26, extended by 30 days to 2026-12-28
  (12-26 is a Saturday): the old deadline + 1 day, not overdue;
- 川执立〔2026〕2号 filed 2026-08-28, not extended: overdue since 2026-11-27;
- 川执立〔2025〕1号 filed 2025-10-01: due 2025-12-30, extended (approved 2025-12-20) by 30 days
  to 2026-01-29: not overdue at the end of 2025, overdue now;
- 川执立〔2025〕2号 filed 2025-10-01, not extended: overdue at the end of 2025 and now;
- 川执立〔2026〕3号: 100 元 fine decided 2026-08-03, served 2026-08-04, unpaid: payment due
  2026-08-19, overdue (加处罚款 running);
- 川执立〔2026〕4号: the same, paid in full 2026-08-10: nothing due.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chuansha_enforce.domain.cases.case_file import Decision, Extension, StatementKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, PaymentRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.notices import notice

D = dt.date
EXTENDED = "川执立〔2026〕1号"
LATE = "川执立〔2026〕2号"
EXTENDED_2025 = "川执立〔2025〕1号"
LATE_2025 = "川执立〔2025〕2号"
UNPAID = "川执立〔2026〕3号"
PAID = "川执立〔2026〕4号"
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号")


def _file(svc: Services, case_no: str, filed_on: dt.date) -> None:
    svc.case_files.file_case(
        NewCase(case_no, PERSON, "张三占道设摊案", filed_on, ("31150001", "31150002"))
    )


def _fine(svc: Services, case_no: str, decision_no: str) -> None:
    _file(svc, case_no, D(2026, 6, 1))
    fine = frozenset({PenaltyKind.FINE})
    svc.case_files.record_notice(case_no, notice(D(2026, 7, 20), fine, 10_000))
    svc.case_files.record_statement(case_no, StatementKind.STATED, D(2026, 7, 21))
    decision = Decision(decision_no, D(2026, 8, 3), Outcome.PENALTY, fine, fine_fen=10_000)
    svc.case_files.decide(case_no, decision)
    svc.case_files.serve(case_no, D(2026, 8, 4), ServiceMethod.DIRECT)


def add_deadline_cases(svc: Services) -> None:
    for officer in (
        OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
        OfficerRecord("李明", "31150002", D(2019, 5, 10)),
    ):
        svc.officers.register(officer)
    _file(svc, EXTENDED, D(2026, 8, 28))
    svc.case_files.extend_decision_deadline(
        EXTENDED, Extension("队长王建国", D(2026, 11, 20), 30, "需要鉴定")
    )
    _file(svc, LATE, D(2026, 8, 28))
    _file(svc, EXTENDED_2025, D(2025, 10, 1))
    svc.case_files.extend_decision_deadline(
        EXTENDED_2025, Extension("队长王建国", D(2025, 12, 20), 30, "需要鉴定")
    )
    _file(svc, LATE_2025, D(2025, 10, 1))
    _fine(svc, UNPAID, "沪浦川执罚〔2026〕1号")
    _fine(svc, PAID, "沪浦川执罚〔2026〕2号")
    svc.case_files.record_payment(PAID, PaymentRecord(D(2026, 8, 10), 10_000, 0, "银行缴款", "A1"))


def deadline_database(path: Path | str) -> Path | str:
    with build_services(path, FixedClock(NOW)) as svc:
        add_deadline_cases(svc)
    return path
