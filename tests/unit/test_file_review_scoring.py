"""Scoring a reviewed file: vetoes, caps, the floor at zero and inclusive grade boundaries."""

from __future__ import annotations

import dataclasses

import pytest

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_scoring import (
    DEFAULT_SHEET,
    Finding,
    Grade,
    ItemKind,
    grade_for,
    score_file,
    sheet_from_json,
)


def test_a_clean_file_scores_full_marks() -> None:
    result = score_file(DEFAULT_SHEET, [])
    assert (result.form, result.content, result.total, result.grade) == (
        20,
        80,
        100,
        Grade.EXCELLENT,
    )


def test_the_default_sheet_follows_the_standard() -> None:
    assert len(DEFAULT_SHEET.of_kind(ItemKind.VETO)) == 9
    assert sum(i.cap for i in DEFAULT_SHEET.of_kind(ItemKind.FORM)) == 20
    assert DEFAULT_SHEET.item("late_filing").points == 1
    assert DEFAULT_SHEET.item("no_investigation_report").points == 3
    assert DEFAULT_SHEET.item("notice_missing").points == 2
    assert DEFAULT_SHEET.item("no_service_receipt").points == 2


def test_any_veto_zeroes_the_file_and_fails_it() -> None:
    result = score_file(DEFAULT_SHEET, [Finding("fewer_than_two", note="只有一名执法人员签名")])
    assert result.vetoed
    assert result.total == 0
    assert result.grade is Grade.FAIL
    assert result.veto_labels == ("执法人员少于两人",)


def test_a_veto_listed_twice_is_named_once() -> None:
    findings = [
        Finding("wrong_law", note="适用条款错误"),
        Finding("fewer_than_two", note="只有一名执法人员签名"),
        Finding("wrong_law", note="处罚依据引用失效条文"),
    ]
    result = score_file(DEFAULT_SHEET, findings)
    assert result.veto_labels == ("适用法律错误", "执法人员少于两人")
    assert [f.note for f in result.findings] == [
        "适用条款错误",
        "只有一名执法人员签名",
        "处罚依据引用失效条文",
    ]


def test_deductions_use_the_item_points_or_the_given_points() -> None:
    result = score_file(
        DEFAULT_SHEET,
        [Finding("late_filing"), Finding("no_service_receipt"), Finding("evidence_form", 6)],
    )
    assert result.content == 80 - 1 - 2 - 6
    assert result.total == 20 + 71


def test_an_item_never_costs_more_than_its_cap() -> None:
    result = score_file(DEFAULT_SHEET, [Finding("late_filing")] * 9)  # cap 5
    assert result.content == 75
    form = score_file(DEFAULT_SHEET, [Finding("templates")] * 10)  # cap 4
    assert form.form == 16


def test_deductions_never_go_below_zero() -> None:
    everything = [
        Finding(item.code, item.cap)
        for item in DEFAULT_SHEET.items
        if item.kind is not ItemKind.VETO
    ]
    result = score_file(DEFAULT_SHEET, everything * 3)
    assert (result.form, result.content, result.total) == (0, 0, 0)
    assert result.grade is Grade.FAIL


@pytest.mark.parametrize(("points", "field"), [(0, "points"), (-1, "points"), (6, "points")])
def test_a_deduction_outside_the_item_range_is_refused(points: int, field: str) -> None:
    with pytest.raises(DomainError) as caught:
        score_file(DEFAULT_SHEET, [Finding("late_filing", points)])
    assert (caught.value.code, caught.value.field) == ("file_review.points", field)


def test_an_unknown_item_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        score_file(DEFAULT_SHEET, [Finding("no_such_item")])
    assert caught.value.code == "file_review.unknown_item"


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (100, Grade.EXCELLENT), (90, Grade.EXCELLENT), (89, Grade.GOOD), (80, Grade.GOOD),
        (79, Grade.PASS), (60, Grade.PASS), (59, Grade.FAIL), (0, Grade.FAIL),
    ],
)  # fmt: skip
def test_default_grade_boundaries_are_inclusive(total: int, grade: Grade) -> None:
    assert grade_for(total, vetoed=False, sheet=DEFAULT_SHEET) is grade


def test_configured_cut_offs_are_inclusive_too() -> None:
    sheet = dataclasses.replace(DEFAULT_SHEET, excellent_min=95, good_min=85, pass_min=70)
    assert grade_for(95, vetoed=False, sheet=sheet) is Grade.EXCELLENT
    assert grade_for(94, vetoed=False, sheet=sheet) is Grade.GOOD
    assert grade_for(85, vetoed=False, sheet=sheet) is Grade.GOOD
    assert grade_for(84, vetoed=False, sheet=sheet) is Grade.PASS
    assert grade_for(70, vetoed=False, sheet=sheet) is Grade.PASS
    assert grade_for(69, vetoed=False, sheet=sheet) is Grade.FAIL
    assert grade_for(100, vetoed=True, sheet=sheet) is Grade.FAIL


def test_a_sheet_survives_its_stored_form() -> None:
    assert sheet_from_json(DEFAULT_SHEET.to_json()) == DEFAULT_SHEET


@pytest.mark.parametrize(
    "change",
    [
        {"items": []},
        {"form_total": 30},
        {"pass_min": 85},
        {"excellent_min": 101},
        {"items": [{"code": "a", "kind": "form", "label": "甲", "points": 3, "cap": 2}]},
        {"items": [{"code": "a", "kind": "veto", "label": "甲", "points": 1, "cap": 1}]},
        {"items": [{"code": "a", "kind": "nonsense", "label": "甲"}]},
        {"items": [{"code": "a", "kind": "form", "label": "甲", "points": "1", "cap": 2}]},
        {"items": "not a list"},
        {
            "items": [
                {"code": "a", "kind": "veto", "label": "甲"},
                {"code": "a", "kind": "veto", "label": "乙"},
            ]
        },
    ],
)
def test_a_bad_sheet_is_refused_with_one_message(change: dict[str, object]) -> None:
    data = {**DEFAULT_SHEET.to_json(), **change}
    with pytest.raises(DomainError) as caught:
        sheet_from_json(data)
    assert (caught.value.code, caught.value.field) == ("file_review.sheet_invalid", "sheet")
