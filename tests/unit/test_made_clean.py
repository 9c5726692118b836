"""records.made_clean: the trusted constructor the demo generator uses for its own text."""

from __future__ import annotations

import datetime as dt
from dataclasses import FrozenInstanceError, replace

import pytest

from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord, made_clean

party = made_clean(PartyRecord)


def test_a_made_record_is_an_ordinary_record_equal_to_the_cleaned_one() -> None:
    made = party(PartyType.LEGAL_PERSON, "上海某某有限公司", id_number="91310115MA1H000000")
    built = PartyRecord(PartyType.LEGAL_PERSON, "上海某某有限公司", "91310115MA1H000000")
    assert type(made) is PartyRecord
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert isinstance(made, PartyRecord)
    with pytest.raises(FrozenInstanceError):
        made.name = "别的名字"  # type: ignore[misc]


def test_the_text_stays_as_given_and_the_ordinary_way_still_cleans() -> None:
    made = party(PartyType.NATURAL_PERSON, " 张\u200b三\t")
    assert made.name == " 张\u200b三\t"
    assert replace(made).name == "张三"
    assert PartyRecord(PartyType.NATURAL_PERSON, " 张\u200b三\t").name == "张三"


def test_defaults_and_keywords_as_in_the_ordinary_constructor() -> None:
    payment = made_clean(PaymentRecord)(dt.date(2025, 3, 3), 20000, receipt_no="沪财非税1")
    assert payment == PaymentRecord(dt.date(2025, 3, 3), 20000, 0, "银行缴款", "沪财非税1")
    assert type(payment) is PaymentRecord
