"""The ledger import reads the domain's prerequisites table (DOMAIN §13): a step's date is
never before the order's service nor the dates of the steps the table makes it need. Each step
dated the day before all of them is refused once for each, naming them (limit-1); dated the
same day as its latest prerequisite it is accepted (limit). A row lacking a prerequisite is
refused naming the column it lacks; a rural row's 责成 is the domain's own refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.demolition.forced_demolition_steps import ReminderStatementKind
from chuansha_enforce.domain.enums import Outcome
from chuansha_enforce.ledger.forced_rows import imported_forced
from chuansha_enforce.ledger.parsed_columns import SheetIssues
from chuansha_enforce.ledger.row_cells import GeneralCells
from chuansha_enforce.ledger.sheets import LedgerIssue

D = dt.date
URBAN, RURAL = "urban", "rural"
BASIS = {
    URBAN: "《中华人民共和国城乡规划法》第六十四条",
    RURAL: "《中华人民共和国城乡规划法》第六十五条",
}
DECISION = Decision("川执决〔2023〕7号", D(2023, 2, 9), Outcome.ORDER_ONLY,
                    demolition_deadline=D(2023, 3, 10))  # fmt: skip
LAWFUL = {
    "served_on": D(2023, 2, 10),
    "authority_document": "浦府责拆〔2023〕5号",
    "authority_on": D(2023, 8, 18),
    "reminder_on": D(2023, 8, 11),
    "reminder_until": D(2023, 8, 21),
    "reminder_statement": ReminderStatementKind.STATED,
    "reminder_statement_on": D(2023, 8, 15),
    "forced_decided_on": D(2023, 8, 22),
    "announced_on": D(2023, 9, 20),
    "announcement_until": D(2023, 9, 25),
    "carried_out_on": D(2023, 10, 14),
    "carried_out_at": dt.time(9, 0),
    "witnesses": ("赵六", "孙七"),
}
"""``test_forced_demolition_cli``'s walk as a row (the party's removal apart: it ends it)."""
RURAL_ROW = {k: v for k, v in LAWFUL.items() if not k.startswith("authority")}
ENDS = ("carried_out_on", "carried_out_at", "witnesses")
EMPTY = GeneralCells._make([None] * len(GeneralCells._fields))


def imported(area: str, cells: dict[str, object]) -> tuple[list[LedgerIssue], bool]:
    """The row's errors (headers are the column names) and whether its steps were made."""
    c = EMPTY._replace(case_no="川执立〔2023〕7号", cause="张三擅自搭建彩钢板房案",
                       legal_basis=BASIS[area], **cells)  # fmt: skip
    errors: list[LedgerIssue] = []
    issues = SheetIssues("一般程序案件", {}, errors, [])
    made = imported_forced(c, 2, issues, decision=DECISION, gates_from=D(2023, 1, 1),
                           today=D(2026, 11, 27))  # fmt: skip
    return errors, made is not None


# (where the structure stands, the step's date column, the columns its date is never before)
NEEDS = [
    (URBAN, "authority_on", {"served_on"}),
    (URBAN, "reminder_on", {"served_on"}),
    (URBAN, "reminder_statement_on", {"served_on", "reminder_on"}),
    (URBAN, "forced_decided_on",
     {"served_on", "authority_on", "reminder_on", "reminder_statement_on"}),
    (URBAN, "announced_on",
     {"served_on", "reminder_on", "reminder_statement_on", "forced_decided_on"}),
    (URBAN, "carried_out_on", {"served_on", "reminder_on", "reminder_statement_on",
                               "forced_decided_on", "announced_on"}),
    (URBAN, "removed_on", {"served_on"}),
    (RURAL, "reminder_on", {"served_on"}),
    (RURAL, "reminder_statement_on", {"served_on", "reminder_on"}),
    (RURAL, "forced_decided_on", {"served_on", "reminder_on", "reminder_statement_on"}),
    (RURAL, "announced_on",
     {"served_on", "reminder_on", "reminder_statement_on", "forced_decided_on"}),
    (RURAL, "carried_out_on", {"served_on", "reminder_on", "reminder_statement_on",
                               "forced_decided_on", "announced_on"}),
    (RURAL, "removed_on", {"served_on"}),
]  # fmt: skip


def row_for(area: str, column: str) -> dict[str, object]:
    row = dict(LAWFUL if area == URBAN else RURAL_ROW)
    if column == "removed_on":  # the party removed it instead of the carrying out
        row = {k: v for k, v in row.items() if k not in ENDS}
    return row


@pytest.mark.parametrize(("area", "column", "needs"), NEEDS)
def test_a_step_dated_before_its_prerequisites_is_refused_for_each(
    area: str, column: str, needs: set[str]
) -> None:
    day_before = D(2023, 2, 9)  # the day before the service, before every step
    errors, made = imported(area, {**row_for(area, column), column: day_before})
    mine = [e for e in errors if e.header == column]
    assert {e.code for e in mine} == {"date.too_early"}
    assert {e.params["what"] for e in mine} == needs
    assert not made


@pytest.mark.parametrize(("area", "column", "needs"), NEEDS)
def test_a_step_dated_the_day_of_its_latest_prerequisite_is_accepted(
    area: str, column: str, needs: set[str]
) -> None:
    row = row_for(area, column)
    latest = max(day for need in needs if isinstance(day := row[need], dt.date))
    errors, made = imported(area, {**row, column: latest})
    assert errors == []
    assert made


LACKS = [
    (URBAN, ("authority_document", "authority_on"), "forced_decided_on", "authority_on"),
    (URBAN, ("reminder_on", "reminder_until"), "reminder_statement_on", "reminder_on"),
    (URBAN, ("reminder_statement", "reminder_statement_on"), "forced_decided_on",
     "reminder_statement_on"),
    (URBAN, ("forced_decided_on",), "announced_on", "forced_decided_on"),
    (URBAN, ("announced_on", "announcement_until"), "carried_out_on", "announced_on"),
    (RURAL, ("forced_decided_on",), "announced_on", "forced_decided_on"),
]  # fmt: skip


@pytest.mark.parametrize(("area", "left_out", "column", "need"), LACKS)
def test_a_step_lacking_a_prerequisite_names_it(
    area: str, left_out: tuple[str, ...], column: str, need: str
) -> None:
    row = {k: v for k, v in row_for(area, column).items() if k not in left_out}
    errors, made = imported(area, row)
    refused = [
        (e.header, e.params["need"]) for e in errors if e.code == "ledger.forced_prerequisite"
    ]
    assert (column, need) in refused
    assert not made


def test_a_rural_row_with_a_district_authority_is_refused_by_the_domain() -> None:
    row = {**RURAL_ROW, "authority_document": "浦府责拆〔2023〕5号", "authority_on": D(2023, 8, 18)}
    errors, made = imported(RURAL, row)
    assert [(e.header, e.code) for e in errors] == [("authority_on", "forced.authority_rural")]
    assert not made
    assert imported(RURAL, RURAL_ROW) == ([], True)  # a rural decision needs no 责成
