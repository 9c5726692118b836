"""The prerequisites of each forced-demolition step (DOMAIN §13) as one table with literal
entries, by where the structure stands; ``forced_refusal`` refuses each step, for each of its
prerequisites left unrecorded, with that prerequisite's code, and accepts it with all of them."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases.case_file import CaseFile, Decision
from chuansha_enforce.domain.demolition.forced_demolition import FORCED_STEPS, forced_refusal
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ForcedDemolition,
    ReminderStatement,
    ReminderStatementKind,
    StructureArea,
)
from chuansha_enforce.domain.demolition.forced_prerequisites import (
    FORCED_PREREQUISITES,
    recorded_on,
)
from chuansha_enforce.domain.enums import Outcome, PartyType
from chuansha_enforce.domain.records import PartyRecord

D = dt.date
URBAN, RURAL = StructureArea.URBAN, StructureArea.RURAL


def test_the_table_written_out() -> None:
    assert dict(FORCED_PREREQUISITES[URBAN]) == {
        "authority": (),
        "remind": (),
        "remind_statement": ("remind",),
        "enforce": ("remind", "remind_statement", "authority"),
        "announce": ("remind", "remind_statement", "enforce"),
        "carry_out": ("remind", "remind_statement", "enforce", "announce"),
        "removed": (),
    }
    assert dict(FORCED_PREREQUISITES[RURAL]) == {
        "authority": None,
        "remind": (),
        "remind_statement": ("remind",),
        "enforce": ("remind", "remind_statement"),
        "announce": ("remind", "remind_statement", "enforce"),
        "carry_out": ("remind", "remind_statement", "enforce", "announce"),
        "removed": (),
    }
    assert set(FORCED_PREREQUISITES) == {URBAN, RURAL}
    assert "urban" not in FORCED_PREREQUISITES  # keyed by the members, never their codes
    assert set(FORCED_PREREQUISITES[URBAN]) == {*FORCED_STEPS, "remind"}


EVERY_STEP = ForcedDemolition(
    reminder=PaymentReminder(D(2023, 8, 11), D(2023, 8, 21)),
    statement=ReminderStatement(D(2023, 8, 15), ReminderStatementKind.STATED),
    authority=DistrictAuthority("浦府责拆〔2023〕5号", D(2023, 8, 18)),
    decided_on=D(2023, 8, 22),
    announcement=DemolitionAnnouncement(D(2023, 9, 20), D(2023, 9, 25)),
    carried_out=CarryOut(D(2023, 10, 14), dt.time(9, 0), ("赵六", "孙七")),
    removed_on=D(2023, 10, 15),
)
FIELDS = {"remind": "reminder", "remind_statement": "statement", "authority": "authority",
          "enforce": "decided_on", "announce": "announcement"}  # fmt: skip
BASIS = {
    URBAN: "《中华人民共和国城乡规划法》第六十四条",
    RURAL: "《中华人民共和国城乡规划法》第六十五条",
}


def case_with(area: StructureArea, steps: tuple[str, ...]) -> CaseFile:
    """An order decided 2023-02-09 and served 2023-02-10, with ``steps`` recorded."""
    forced = ForcedDemolition(**{FIELDS[s]: getattr(EVERY_STEP, FIELDS[s]) for s in steps})
    decision = Decision("川执决〔2023〕7号", D(2023, 2, 9), Outcome.ORDER_ONLY,
                        demolition_deadline=D(2023, 3, 10))  # fmt: skip
    return CaseFile(1, "川执立〔2023〕7号", PartyRecord(PartyType.NATURAL_PERSON, "张三"),
                    "张三擅自搭建彩钢板房案", D(2023, 2, 1), (), legal_basis=BASIS[area],
                    decision=decision, served_on=D(2023, 2, 10), forced=forced,
                    demolition_order=True)  # fmt: skip


# (area, step, the prerequisite left out, the refusal)
LEFT_OUT = [
    (URBAN, "remind_statement", "remind", "forced.no_reminder"),
    (URBAN, "enforce", "remind", "forced.no_reminder"),
    (URBAN, "enforce", "remind_statement", "forced.no_statement"),
    (URBAN, "enforce", "authority", "forced.no_authority"),
    (URBAN, "announce", "remind", "forced.no_reminder"),
    (URBAN, "announce", "remind_statement", "forced.no_statement"),
    (URBAN, "announce", "enforce", "forced.not_decided"),
    (URBAN, "carry_out", "remind", "forced.no_reminder"),
    (URBAN, "carry_out", "remind_statement", "forced.no_statement"),
    (URBAN, "carry_out", "enforce", "forced.not_decided"),
    (URBAN, "carry_out", "announce", "forced.not_announced"),
    (RURAL, "remind_statement", "remind", "forced.no_reminder"),
    (RURAL, "enforce", "remind", "forced.no_reminder"),
    (RURAL, "enforce", "remind_statement", "forced.no_statement"),
    (RURAL, "announce", "remind", "forced.no_reminder"),
    (RURAL, "announce", "remind_statement", "forced.no_statement"),
    (RURAL, "announce", "enforce", "forced.not_decided"),
    (RURAL, "carry_out", "remind", "forced.no_reminder"),
    (RURAL, "carry_out", "remind_statement", "forced.no_statement"),
    (RURAL, "carry_out", "enforce", "forced.not_decided"),
    (RURAL, "carry_out", "announce", "forced.not_announced"),
]


@pytest.mark.parametrize(("area", "step", "left_out", "code"), LEFT_OUT)
def test_a_step_is_refused_for_each_prerequisite_left_out(
    area: StructureArea, step: str, left_out: str, code: str
) -> None:
    others = tuple(p for p in FORCED_PREREQUISITES[area][step] or () if p != left_out)
    refusal = forced_refusal(case_with(area, others), step)
    assert refusal is not None
    assert (refusal.code, refusal.field) == (code, None)


@pytest.mark.parametrize("area", [URBAN, RURAL])
@pytest.mark.parametrize("step", ["remind", "remind_statement", "enforce", "announce",
                                  "carry_out", "removed"])  # fmt: skip
def test_a_step_with_its_prerequisites_is_open(area: StructureArea, step: str) -> None:
    assert forced_refusal(case_with(area, FORCED_PREREQUISITES[area][step] or ()), step) is None


def test_what_the_table_does_not_name_is_no_prerequisite() -> None:
    """A rural decision needs no 责成; an urban 公告 asks only for the decision before it."""
    assert forced_refusal(case_with(RURAL, ("remind", "remind_statement")), "enforce") is None
    assert forced_refusal(case_with(URBAN, ("remind", "remind_statement", "enforce")),
                          "announce") is None  # fmt: skip
    rural = forced_refusal(case_with(RURAL, ()), "authority")
    assert rural is not None
    assert rural.code == "forced.authority_rural"


def test_a_step_recorded_already_is_refused_with_its_date() -> None:
    steps = ("remind", "remind_statement", "authority", "enforce", "announce")
    got = {}
    for step in steps:
        refusal = forced_refusal(case_with(URBAN, steps), step)
        assert refusal is not None
        got[step] = (refusal.code, refusal.params["date"])
    assert got == {
        "remind": ("forced.reminded", "2023-08-11"),
        "remind_statement": ("forced.statement_exists", "2023-08-15"),
        "authority": ("forced.authority_exists", "2023-08-18"),
        "enforce": ("forced.decided", "2023-08-22"),
        "announce": ("forced.announced", "2023-09-20"),
    }


def test_the_date_each_step_was_recorded_on() -> None:
    assert {s: recorded_on(EVERY_STEP, s) for s in FORCED_PREREQUISITES[URBAN]} == {
        "authority": D(2023, 8, 18),
        "remind": D(2023, 8, 11),
        "remind_statement": D(2023, 8, 15),
        "enforce": D(2023, 8, 22),
        "announce": D(2023, 9, 20),
        "carry_out": D(2023, 10, 14),
        "removed": D(2023, 10, 15),
    }
    assert {recorded_on(ForcedDemolition(), s) for s in FORCED_STEPS} == {None}
    with pytest.raises(KeyError):
        recorded_on(EVERY_STEP, "pay")
