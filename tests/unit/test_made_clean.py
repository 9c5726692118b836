"""text_input's one trust in clean text, through its two doors: ``made_clean`` (a constructor,
the demo generator's) and ``clean_already`` (a block, the ledger import's). A record built
either way is an ordinary record equal to the one the ordinary constructor makes from clean
text; the trust never outlasts the call or the block."""

from __future__ import annotations

import datetime as dt
from dataclasses import FrozenInstanceError, replace

import pytest

from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.domain.text_input import clean_already, made_clean

party = made_clean(PartyRecord)
DIRTY = " 张\u200b三\t"


def test_a_made_record_is_an_ordinary_record_equal_to_the_cleaned_one() -> None:
    made = party(PartyType.LEGAL_PERSON, "上海某某有限公司", id_number="91310115MA1H000000")
    built = PartyRecord(PartyType.LEGAL_PERSON, "上海某某有限公司", "91310115MA1H000000")
    assert type(made) is PartyRecord
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    with pytest.raises(FrozenInstanceError):
        made.name = "别的名字"  # type: ignore[misc]


def test_both_doors_keep_the_text_as_given_and_the_ordinary_way_still_cleans() -> None:
    made = party(PartyType.NATURAL_PERSON, DIRTY)
    with clean_already():
        kept = PartyRecord(PartyType.NATURAL_PERSON, DIRTY)
    assert made.name == kept.name == DIRTY
    assert made == kept  # one trust: both doors build the same record
    assert replace(made).name == "张三"
    assert PartyRecord(PartyType.NATURAL_PERSON, DIRTY).name == "张三"


def test_the_trust_ends_with_the_call_even_when_the_constructor_refuses() -> None:
    with pytest.raises(TypeError):
        party(PartyType.NATURAL_PERSON)  # type: ignore[call-arg]
    assert PartyRecord(PartyType.NATURAL_PERSON, DIRTY).name == "张三"
    with clean_already():
        inner = party(PartyType.NATURAL_PERSON, DIRTY)  # nested: the block still trusts after
        after = PartyRecord(PartyType.NATURAL_PERSON, DIRTY)
    assert (inner.name, after.name) == (DIRTY, DIRTY)
    assert PartyRecord(PartyType.NATURAL_PERSON, DIRTY).name == "张三"


def test_defaults_and_keywords_as_in_the_ordinary_constructor() -> None:
    payment = made_clean(PaymentRecord)(dt.date(2025, 3, 3), 20000, receipt_no="沪财非税1")
    assert payment == PaymentRecord(dt.date(2025, 3, 3), 20000, 0, "银行缴款", "沪财非税1")
    assert type(payment) is PaymentRecord
