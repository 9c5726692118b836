from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.status import derive_case_status
from chuansha_enforce.domain.clock import FixedClock, today_in_china, utc_timestamp
from chuansha_enforce.domain.enums import LabelledEnum, PartyType, PenaltyKind, heaviest
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import MESSAGES, render


def test_penalty_kinds_in_statistics_order() -> None:
    labels = [k.label for k in PenaltyKind]
    assert labels[:12] == [
        "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
        "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业",
    ]  # fmt: skip


def test_a_decision_counts_under_its_heaviest_kind() -> None:
    assert heaviest({PenaltyKind.WARNING, PenaltyKind.FINE}) is PenaltyKind.FINE
    kinds = {PenaltyKind.FINE, PenaltyKind.SUSPEND_BUSINESS, PenaltyKind.CONFISCATE_GAINS}
    assert heaviest(kinds) is PenaltyKind.SUSPEND_BUSINESS
    assert heaviest({PenaltyKind.OTHER, PenaltyKind.WARNING}) is PenaltyKind.WARNING
    assert heaviest({PenaltyKind.OTHER}) is PenaltyKind.OTHER
    with pytest.raises(ValueError, match="no penalty kinds"):
        heaviest(set())


def test_every_member_has_a_label() -> None:
    for enum in LabelledEnum.__subclasses__():
        for member in enum:
            assert member.label.strip(), member


def test_labels_round_trip() -> None:
    assert PartyType.from_label("个体工商户") is PartyType.INDIVIDUAL_BUSINESS
    assert PartyType("legal_person").label == "法人"
    with pytest.raises(ValueError, match="公司"):
        PartyType.from_label("公司")


def test_render_names_the_field_in_both_languages() -> None:
    error = DomainError("money.invalid", "fine", {"value": "一百"})
    assert render(error.code, error.params, "zh", error.field) == "罚款金额：“一百”不是有效的金额"
    assert (
        render(error.code, error.params, "en", error.field) == "fine: “一百” is not a valid amount"
    )
    assert render("no.such.code") == "no.such.code"
    assert "{" not in render("list.limit", {}, "zh") or "{max}" in MESSAGES["list.limit"][0]


def test_status_is_derived_from_steps() -> None:
    assert (
        derive_case_status(decided=False, served=False, closed=False, deleted=False).label
        == "已立案"
    )
    assert (
        derive_case_status(decided=True, served=True, closed=False, deleted=False).label == "已送达"
    )
    assert (
        derive_case_status(decided=True, served=True, closed=True, deleted=False).label == "已结案"
    )
    assert (
        derive_case_status(decided=True, served=True, closed=True, deleted=True).label == "已删除"
    )


def test_fixed_clock_and_china_date() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 26, 17, 30, tzinfo=dt.UTC))
    assert today_in_china(clock) == dt.date(2026, 11, 27)  # 01:30 in Shanghai
    assert utc_timestamp(clock) == "2026-11-26T17:30:00.000000+00:00"
    clock.advance(dt.timedelta(hours=1))
    assert clock.now().hour == 18
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(dt.datetime(2026, 1, 1))
