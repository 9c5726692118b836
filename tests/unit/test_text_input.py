"""One rule for text from every way in: NFC, no controls, no bidi or zero-width characters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain import records
from chuansha_enforce.domain.cases import case_file
from chuansha_enforce.domain.cases.case_file import Decision, Discussion, Extension, Hearing
from chuansha_enforce.domain.enums import (
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.text_input import MULTILINE_FIELDS, clean_line, clean_text
from chuansha_enforce.services.case_file_service import NewCase

HOSTILE = "\u202e\x1b[31m张\u200b三\x07\x00\ufeff\u2066\u200f\x85\x9b"


@pytest.mark.parametrize(
    ("typed", "line", "text"),
    [
        ("a\x1bb\x07c\x00d", "abcd", "abcd"),
        ("\u202e张三\u202c", "张三", "张三"),  # right-to-left override and its pop
        ("\u2066张\u2069\u2067三\u2068\u200e\u200f\u061c", "张三", "张三"),
        ("\u200b", "", ""),  # zero-width only: empty
        ("\u200c\u200d\u2060\ufeff", "", ""),
        (" \u3000\t\u200b ", "", ""),  # spaces (also the ideographic one) only: empty
        ("占道\t设摊", "占道 设摊", "占道 设摊"),
        ("第一行\r\n第二行\r第三行\n", "第一行 第二行 第三行", "第一行\n第二行\n第三行"),
        ("e\u0301", "\u00e9", "\u00e9"),  # NFC
        ("\u0080x\u009f", "x", "x"),  # C1 controls
        ("川执立〔2024〕1号", "川执立〔2024〕1号", "川执立〔2024〕1号"),
    ],
)
def test_the_rule(typed: str, line: str, text: str) -> None:
    assert clean_line(typed) == line
    assert clean_text(typed) == text


def test_a_hostile_value_keeps_only_what_is_seen() -> None:
    assert clean_line(HOSTILE) == "[31m张三"


INPUT_RECORDS = [
    records.OfficerRecord,
    records.PartyRecord,
    records.PaymentRecord,
    records.ImportedReview,
    records.GeneralCaseRecord,
    records.SimpleDecisionRecord,
    case_file.Hearing,
    case_file.ReviewRound,
    case_file.Extension,
    case_file.Discussion,
    case_file.Decision,
    NewCase,
]


@pytest.mark.parametrize("kind", INPUT_RECORDS, ids=lambda k: k.__name__)
def test_every_text_field_of_every_input_record_is_cleaned(kind: type) -> None:
    """Architecture: whichever field a record gains, built with hostile text it holds clean
    text. Fields that are not text get a plain placeholder of their type."""
    placeholders: dict[str, object] = {
        "dt.date": dt.date(2024, 3, 4),
        "dt.date | None": None,
        "int": 0,
        "bool": False,
        "PartyRecord": PartyRecord(PartyType.LEGAL_PERSON, HOSTILE),
        "PartyType": PartyType.LEGAL_PERSON,
        "HearingState": HearingState.NONE,
        "Outcome": Outcome.PENALTY,
        "PenaltyKind": PenaltyKind.FINE,
        "ReviewOpinion": ReviewOpinion.AGREE,
    }
    values: dict[str, object] = {}
    texts: list[str] = []
    for field in dataclasses.fields(kind):
        annotation = str(field.type)
        if annotation in ("str", "str | None", "tuple[str, ...]"):
            values[field.name] = (HOSTILE, HOSTILE) if annotation.startswith("tuple") else HOSTILE
            texts.append(field.name)
        elif annotation in placeholders:
            values[field.name] = placeholders[annotation]
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise AssertionError(f"{kind.__name__}.{field.name}: no placeholder for {annotation}")
    assert texts, kind
    record = kind(**values)
    for name in texts:
        value = getattr(record, name)
        assert value in ("[31m张三", ("[31m张三", "[31m张三")), (name, value)
    party = getattr(record, "party", None)
    if party is not None:
        assert party.name == "[31m张三"


def test_free_text_keeps_its_line_breaks_and_one_line_fields_do_not() -> None:
    assert {"violation", "notes", "reason", "minutes", "close_reason"} <= MULTILINE_FIELDS
    hearing = Hearing(HearingState.HELD, presiding="张\n三")
    assert hearing.presiding == "张 三"
    assert Extension("李\t四", dt.date(2024, 5, 1), 30, "案情\r\n复杂\x1b").reason == "案情\n复杂"
    assert Discussion(dt.date(2024, 5, 1), "\u200b").minutes == ""
    decision = Decision("\u202e沪浦川执罚〔2024〕1号", dt.date(2024, 5, 2), Outcome.PENALTY)
    assert decision.decision_no == "沪浦川执罚〔2024〕1号"
