"""The ledger's gate columns (LEDGER_FORMAT: 告知日期 to 延长期限至; DOMAIN §12).

A row decided on or after the setting ``gates_from`` must carry the columns its gates need,
else it is refused naming each missing column (sheet, row, header) and nothing is written;
then it passes the decision gates a decision in the window passes. Older rows are history:
one warning. An export imported into an empty database gives the same cases, totals and
clocks, the steps before the decision included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    Decision,
    DecisionPause,
    Discussion,
    Extension,
    Hearing,
    StatementKind,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import (
    DecisionPauseKind,
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, PaymentRecord
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.sheets import SheetKind
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW, database_digest
from tests.ledger_files import CASE, OFFICERS, SIMPLE, ledger
from tests.server_backend import query

D = dt.date
K = PenaltyKind
GATES_FROM = "2024-04-01"

GATED = {
    **CASE,  # filed 2024-03-04, decided 2024-04-10: on or after gates_from
    "告知日期": D(2024, 4, 1),
    "拟处罚种类": "罚款",
    "拟罚款金额": Decimal("200.50"),
}

# a held hearing makes a case major (DOMAIN §3): reviewed and discussed before the decision
REVIEWED = {"法制审核人": "周敏", "法制审核日期": D(2024, 4, 9), "法制审核结论": "同意"}


def with_(row: dict[str, object], **changes: object) -> dict[str, object]:
    return {**row, **changes}


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    with build_services(backend, FixedClock(NOW)) as services:
        services.settings.set("gates_from", GATES_FROM)
        yield services


def _import(svc: Services, path: Path, rows: list[dict[str, object]]):  # type: ignore[no-untyped-def]
    return svc.ledger.import_file(ledger(path, cases=rows, simple=[]))


def _texts(issues) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text() for i in issues]


def test_a_row_from_gates_from_without_its_columns_is_refused_naming_them(
    svc: Services, tmp_path: Path
) -> None:
    before = database_digest(svc.server_url or svc.db_path)
    report = _import(svc, tmp_path / "a.xlsx", [CASE])
    assert not report.written
    needed = (
        "决定日期2024-04-10在2024-04-01（设置“gates_from”）之后，须填写此列"
        "（行政处罚法第四十四条、第六十二条；此类案件请在程序中逐步记录）"
    )
    assert _texts(report.errors) == [
        f"一般程序案件 第2行 告知日期：{needed}",
        f"一般程序案件 第2行 拟处罚种类：{needed}",
    ]
    assert database_digest(svc.server_url or svc.db_path) == before


def test_a_held_hearing_names_its_date_and_presiding_officer(svc: Services, tmp_path: Path) -> None:
    held = with_(GATED, 听证="已听证", 集体讨论日期=D(2024, 4, 9), **REVIEWED)
    report = _import(svc, tmp_path / "h.xlsx", [held])
    headers = [i.header for i in report.errors]
    assert headers == ["听证日期", "听证主持人"]
    assert all("第六十三条、第六十四条" in t for t in _texts(report.errors))


def test_a_major_row_names_its_collective_discussion(svc: Services, tmp_path: Path) -> None:
    big = with_(GATED, 罚款金额=8000, 拟罚款金额=8000, 实缴金额=8000, 听证="放弃听证",
                法制审核人="周敏", 法制审核日期=D(2024, 4, 9), 法制审核结论="同意")  # fmt: skip
    report = _import(svc, tmp_path / "m.xlsx", [big])
    assert [(i.header, i.code) for i in report.errors] == [
        ("集体讨论日期", "ledger.gate_columns_missing")
    ]
    assert "第五十七条" in report.errors[0].text()
    report = _import(svc, tmp_path / "m2.xlsx", [with_(big, 集体讨论日期=D(2024, 4, 9))])
    assert report.errors == ()
    case = svc.case_files.find(str(CASE["案件编号"]))
    assert [d.held_on for d in case.discussions] == [D(2024, 4, 9)]


def test_a_gated_row_meets_the_decision_gates(svc: Services, tmp_path: Path) -> None:
    # noticed 2024-04-08: the statement period (3 working days) runs to 2024-04-11
    early = with_(GATED, 告知日期=D(2024, 4, 8))
    report = _import(svc, tmp_path / "s.xlsx", [early])
    assert _texts(report.errors) == [
        "一般程序案件 第2行 决定日期：陈述申辩期限至2024-04-11，期满或当事人陈述申辩、书面放弃后"
        "才能作出决定（行政处罚法第四十四条、第六十二条）"
    ]
    heavier = with_(GATED, 拟罚款金额=100)
    report = _import(svc, tmp_path / "x.xlsx", [heavier])
    assert [i.header for i in report.errors] == ["处罚种类"]
    assert "行政处罚法第四十五条" in report.errors[0].text()
    waived = with_(early, 陈述申辩="书面放弃")
    report = _import(svc, tmp_path / "w.xlsx", [waived])
    assert report.errors == ()
    notice = svc.case_files.find(str(CASE["案件编号"])).notice
    assert notice == AdvanceNotice(
        D(2024, 4, 8), False, None, frozenset({K.FINE}), 20_050, 0, None, None, False,
        StatementKind.WAIVED,
    )  # fmt: skip


def test_the_presiding_officer_is_not_an_investigator(svc: Services, tmp_path: Path) -> None:
    held = with_(GATED, 听证="已听证", 听证日期=D(2024, 4, 9), 听证主持人="李明",
                 集体讨论日期=D(2024, 4, 9), **REVIEWED)  # fmt: skip
    report = _import(svc, tmp_path / "p.xlsx", [held])
    assert _texts(report.errors) == [
        "一般程序案件 第2行 听证主持人：李明是本案承办人，不能主持听证"
    ]


def test_history_imports_with_one_warning(svc: Services, tmp_path: Path) -> None:
    old = with_(CASE, 决定日期=D(2024, 3, 29), 送达日期=D(2024, 3, 30))
    second = with_(old, 案件编号="川执立〔2024〕000002号", 决定书文号="沪浦川执罚〔2024〕000002号")
    report = _import(svc, tmp_path / "old.xlsx", [old, second])
    assert report.errors == ()
    assert report.written
    assert _texts(report.warnings) == [
        "一般程序案件 第2行：2行（自第2行起）决定日期早于2024-04-01（设置“gates_from”），"
        "作为历史记录导入；缺少：告知日期、拟处罚种类"
    ]


@pytest.mark.parametrize(
    ("setting", "outcome"),
    [("2024-04-10", "refused"), ("2024-04-11", "history")],  # the decision day is gated
)
def test_gates_from_is_inclusive(
    backend: Path | str, tmp_path: Path, setting: str, outcome: str
) -> None:
    with build_services(backend, FixedClock(NOW)) as services:
        services.settings.set("gates_from", setting)
        report = _import(services, tmp_path / "g.xlsx", [CASE])
        assert ("refused" if report.errors else "history") == outcome


def test_gates_from_defaults_to_the_day_the_database_began(backend: Path | str) -> None:
    with build_services(backend, FixedClock(NOW)) as services:
        assert services.settings.current().gates_from == ""
        assert services.settings.gates_from() == D(2026, 11, 27)  # nothing written yet: today
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
    later = FixedClock(NOW + dt.timedelta(days=40))
    with build_services(backend, later) as services:
        assert services.settings.gates_from() == D(2026, 11, 27)  # its first recorded change


def test_a_bad_gates_from_is_refused(svc: Services) -> None:
    with pytest.raises(DomainError) as refused:
        svc.settings.set("gates_from", "2024-13-01")
    assert refused.value.code == "settings.invalid"


# ----------------------------------------------------------------------- the round trip

NO = "川执立〔2024〕9号"


def _stepped_case(services: Services) -> None:
    """A case through the gates in the program: notice with the hearing right, statement,
    hearing waived, discussion, extension, a paused appraisal, decision, service, payment."""
    for o in OFFICERS[:2]:
        services.officers.register(OfficerRecord(str(o["姓名"]), str(o["执法证号"]), D(2018, 3, 1)))
    services.officers.register(OfficerRecord("周敏", "31150009", D(2019, 1, 1)))
    cf = services.case_files
    cf.file_case(
        NewCase(
            NO,
            PartyRecord(PartyType.NATURAL_PERSON, "张三"),
            "张三违法搭建案",
            D(2024, 3, 4),
            ("31150001", "31150002"),
            violation="擅自搭建",
            legal_basis="条例第二十条",
            clue_on=D(2024, 3, 1),
            violation_on=D(2024, 2, 20),
        )
    )
    cf.record_notice(NO, AdvanceNotice(D(2024, 4, 1), True, None, frozenset({K.FINE}), 300_000,
                                       facts="擅自搭建", basis="条例第二十条"))  # fmt: skip
    cf.record_statement(NO, StatementKind.STATED, D(2024, 4, 2))
    cf.record_hearing(NO, Hearing(HearingState.WAIVED, waived_on=D(2024, 4, 3)))
    cf.record_discussion(NO, Discussion(D(2024, 4, 19), "同意罚款三千元", ("甲", "乙", "丙")))
    cf.extend_decision_deadline(NO, Extension("镇长", D(2024, 5, 20), 20, "需鉴定"))
    cf.record_decision_pause(
        NO, DecisionPause(DecisionPauseKind.APPRAISAL, D(2024, 5, 1), D(2024, 5, 10), "鉴定")
    )
    cf.decide(NO, Decision("沪浦川执罚〔2024〕9号", D(2024, 6, 20), Outcome.PENALTY,
                           frozenset({K.FINE}), fine_fen=300_000))  # fmt: skip
    cf.serve(NO, D(2024, 6, 21), ServiceMethod.DIRECT)
    cf.record_payment(NO, PaymentRecord(D(2024, 6, 30), 300_000, 0, "银行缴款"))


def test_export_then_import_into_an_empty_database_is_lossless(
    backend: Path | str, other_backend: Path | str, tmp_path: Path
) -> None:
    first, second = backend, other_backend
    exported = tmp_path / "2024.xlsx"
    with build_services(first, FixedClock(NOW)) as services:
        services.settings.set("gates_from", "2024-01-01")
        _stepped_case(services)
        assert services.verify(check_backups=False).problems == ()  # the pause row sealed
        services.ledger.export_ledger(exported, 2024)
        before = services.case_files.view(NO, D(2024, 12, 31))
        stats = services.statistics.annual(2024)
    sheets, problems = read_ledger(exported)
    assert problems == []
    general = next(s for s in sheets if s.kind is SheetKind.GENERAL_CASES)
    cells = general.rows[0].cells
    assert cells["拟处罚种类"] == "罚款"
    assert cells["陈述申辩"] == "已陈述申辩"
    assert cells["听证"] == "放弃听证"
    # filed 2024-03-04 + 90 days + 20 extended + 10 paused (2024-05-01 to 05-10)
    assert str(cells["延长期限至"])[:10] == "2024-07-02"
    with build_services(second, FixedClock(NOW)) as services:
        services.settings.set("gates_from", "2024-01-01")
        report = services.ledger.import_file(exported)
        assert report.errors == ()
        after = services.case_files.view(NO, D(2024, 12, 31))
        assert services.statistics.annual(2024) == stats
        # the imported steps are sealed with the load: verify finds nothing
        assert services.verify(check_backups=False).problems == ()
    assert after.clocks.due_dates() == before.clocks.due_dates()
    assert after.case.notice is not None
    assert before.case.notice is not None
    assert after.case.notice.proposal == before.case.notice.proposal
    assert after.case.notice.statement_kind == StatementKind.STATED
    assert after.case.hearing_state is HearingState.WAIVED
    assert [d.held_on for d in after.case.discussions] == [D(2024, 4, 19)]
    assert (after.case.violation_on, after.case.clue_on) == (D(2024, 2, 20), D(2024, 3, 1))
    assert json.dumps(after.clocks.due_dates()) == json.dumps(before.clocks.due_dates())


def test_a_simple_decision_keeps_its_legal_basis_through_the_ledger(
    backend: Path | str, other_backend: Path | str, tmp_path: Path
) -> None:
    basis = "《上海市市容环境卫生管理条例》第二十二条"
    simple = {**SIMPLE, "法律依据": basis}
    exported = tmp_path / "simple.xlsx"
    with build_services(backend, FixedClock(NOW)) as services:
        report = services.ledger.import_file(
            ledger(tmp_path / "in.xlsx", cases=[], simple=[simple])
        )
        assert report.errors == ()
        services.ledger.export_ledger(exported, 2024)
    sheets, _problems = read_ledger(exported)
    rows = next(s for s in sheets if s.kind is SheetKind.SIMPLE_DECISIONS).rows
    assert [r.cells["法律依据"] for r in rows] == [basis]
    with build_services(other_backend, FixedClock(NOW)) as services:
        assert services.ledger.import_file(exported).errors == ()
    assert query(other_backend, "SELECT legal_basis FROM simple_decisions") == [(basis,)]


def test_limitation_columns(svc: Services, tmp_path: Path) -> None:
    """违法行为发生日期 after 发现日期 is refused; more than 2 years before it is a warning
    (APL 36: the 5-year case has no column to state its reason)."""
    late = with_(GATED, 违法行为发生日期=D(2024, 3, 2), 发现日期=D(2024, 3, 1))
    report = _import(svc, tmp_path / "l.xlsx", [late])
    assert [(i.header, i.code) for i in report.errors] == [
        ("违法行为发生日期", "filing.violation_after_discovery")
    ]
    barred = with_(GATED, 违法行为发生日期=D(2022, 2, 28), 发现日期=D(2024, 3, 1))
    report = _import(svc, tmp_path / "b.xlsx", [barred])
    assert report.errors == ()
    assert [(i.header, i.code) for i in report.warnings] == [
        ("违法行为发生日期", "filing.time_barred")
    ]
    case = svc.case_files.find(str(CASE["案件编号"]))
    assert (case.violation_on, case.clue_on) == (D(2022, 2, 28), D(2024, 3, 1))


@pytest.mark.parametrize(
    ("extended_to", "late"),
    [(None, True), (D(2024, 6, 14), True), (D(2024, 6, 15), False)],
)
def test_an_extended_deadline_is_not_late(
    svc: Services, tmp_path: Path, extended_to: dt.date | None, late: bool
) -> None:
    """Filed 2024-03-04: 90 days end 2024-06-02 (a Sunday, so 06-03); decided 06-15."""
    row = with_(GATED, 决定日期=D(2024, 6, 15), 送达日期=D(2024, 6, 16), 缴款日期=D(2024, 6, 20),
                公示日期=D(2024, 6, 18),
                结案日期=D(2024, 6, 25), 延长期限至=extended_to)  # fmt: skip
    report = _import(svc, tmp_path / "e.xlsx", [row])
    assert report.errors == ()
    assert ("ledger.decision_late" in {i.code for i in report.warnings}) is late


def test_a_presiding_officer_outside_the_registry_is_compared_by_name(
    svc: Services, tmp_path: Path
) -> None:
    """As in the window and the CLI: a name the registry does not know is kept as typed and
    compared with the investigators' names (here a legal adviser presided)."""
    held = with_(GATED, 听证="已听证", 听证日期=D(2024, 4, 9), 听证主持人="赵法制",
                 集体讨论日期=D(2024, 4, 9), **REVIEWED)  # fmt: skip
    report = _import(svc, tmp_path / "o.xlsx", [held])
    assert report.errors == ()
    hearing = svc.case_files.find(str(CASE["案件编号"])).hearing
    assert hearing is not None
    assert (hearing.held_on, hearing.presiding) == (D(2024, 4, 9), "赵法制")
