"""The ledger's fast record maker builds the very record the class's own constructor builds."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import GeneralCaseRecord, PartyRecord
from chuansha_enforce.ledger.record_maker import maker
from chuansha_enforce.ledger.values import normalise_line, normalise_text

DAY = dt.date(2024, 3, 1)


def _fields(record: object) -> dict[str, object]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]


def test_the_maker_builds_the_record_the_constructor_builds_and_cleans_its_text() -> None:
    party = PartyRecord(PartyType.NATURAL_PERSON, "张三")
    given = GeneralCaseRecord(
        case_no="川执立〔2024〕1号", party=party, cause=" 占道\u200b经营 ",
        officer_certificates=("31150001", "31150002"), filed_on=DAY, fine_fen=500,
        outcome=Outcome.PENALTY, penalty_kinds=frozenset({PenaltyKind.FINE}),
    )  # fmt: skip
    made = maker(GeneralCaseRecord)(**{**_fields(given), "cause": " 占道\u200b经营 "})
    assert made == given
    assert made.cause == "占道经营"  # __post_init__ ran: the text cleaned as the class does
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.cause = "x"  # type: ignore[misc]


def test_the_maker_takes_every_field_and_only_by_keyword() -> None:
    make = maker(Decision)
    with pytest.raises(TypeError):
        make(decision_no="沪罚1号", decided_on=DAY, outcome=Outcome.PENALTY)  # defaults not filled
    with pytest.raises(TypeError):
        make("沪罚1号", DAY, Outcome.PENALTY, frozenset(), None, 0, 0, False, None)
    decision = make(decision_no="沪罚1号", decided_on=DAY, outcome=Outcome.NO_PENALTY,
                    kinds=frozenset(), no_penalty_reason=None, fine_fen=0, confiscation_fen=0,
                    reduced_penalty=False, demolition_deadline=None)  # fmt: skip
    assert decision == Decision("沪罚1号", DAY, Outcome.NO_PENALTY)


@pytest.mark.parametrize(
    ("cell", "line", "text"),
    [
        (" 川执立〔2023〕000004号 ", "川执立〔2023〕000004号", "川执立〔2023〕000004号"),
        ("abc  ", "abc", "abc"),
        ("\u3000全角\u3000", "全角", "全角"),
        ("１２３号", "123号", "123号"),
        ("a\u200bb", "ab", "ab"),
        ("a\nb", "a b", "a\nb"),
        ("e\u0301", "é", "é"),
    ],
)
def test_the_normalisers_trim_the_usual_cell_and_clean_the_others(
    cell: str, line: str, text: str
) -> None:
    assert normalise_line(cell) == line
    assert normalise_text(cell) == text
