"""A correction's new value is held to the length of the field it corrects
(``text_limits.length_limit`` of its key), whatever the field's kind: the window's 新值 is
cut one past it, the service refuses one past it naming the field."""

from __future__ import annotations

import pytest

from chuansha_enforce.domain.corrections.corrections import (
    CASE_FIELDS,
    OFFICER_FIELDS,
    SIMPLE_FIELDS,
    FieldSpec,
    field_named,
    parse_value,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_limits import length_limit

LIMITS = [
    (CASE_FIELDS, "违法行为", 10_000),
    (CASE_FIELDS, "违法事实", 10_000),
    (CASE_FIELDS, "当事人", 200),
    (CASE_FIELDS, "证件号码", 200),
    (CASE_FIELDS, "决定日期", 200),
    (CASE_FIELDS, "罚款金额", 200),
    (CASE_FIELDS, "票据号", 200),
    (SIMPLE_FIELDS, "当事人地址", 200),
    (SIMPLE_FIELDS, "备注", 10_000),
    (OFFICER_FIELDS, "执法证号", 200),
]


@pytest.mark.parametrize(("fields", "label", "most"), LIMITS)
def test_the_limit_of_each_field(fields: tuple[FieldSpec, ...], label: str, most: int) -> None:
    assert length_limit(field_named(fields, label).key) == most


@pytest.mark.parametrize(
    ("label", "text", "code"),
    [
        ("备注", "注" * 9_999, None),
        ("备注", "注" * 10_000, None),
        ("备注", "注" * 10_001, "value.too_long"),
        ("当事人地址", "路" * 199, None),
        ("当事人地址", "路" * 200, None),
        ("当事人地址", "路" * 201, "value.too_long"),
        ("决定日期", "2026-11-27" + " " * 190, None),  # 200: the date, spaces stripped
        ("决定日期", "2" * 200, "date.invalid"),
        ("决定日期", "2" * 201, "value.too_long"),  # one past: said as too long, as on screen
        ("罚款金额", "1" * 201, "value.too_long"),
    ],
)
def test_parse_value_holds_every_kind_to_its_limit(label: str, text: str, code: str | None) -> None:
    spec = field_named(SIMPLE_FIELDS, label)
    if code is None:
        parse_value(spec, text)
        return
    with pytest.raises(DomainError) as refused:
        parse_value(spec, text)
    assert (refused.value.code, refused.value.field) == (code, spec.key)
