"""Pinyin initials and search keys of party names (per character, surname readings)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from chuansha_enforce.domain.pinyin_initials import (
    SURNAME_READINGS,
    char_reading,
    initials,
    search_keys,
    spelled,
    without_place,
)

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
NAME_CHARS = st.one_of(
    CJK,
    st.sampled_from("ABCxyz0123456789ＡＢｃ１２（）()·-— 、.,"),
    st.characters(codec="utf-8"),
)


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        ("张三丰", True, "zsf"),
        ("张三丰", False, "zsf"),
        ("曾小贤", True, "zxx"),
        ("曾小贤", False, "cxx"),  # 曾经: not a surname here
        ("单田芳", True, "stf"),
        ("区美玲", True, "oml"),
        ("仇建国", True, "qjg"),
        ("查良镛", True, "zly"),
        ("朴树", True, "ps"),
        ("解晓东", True, "xxd"),
        ("欧阳修", True, "oyx"),
        ("吕布", True, "lb"),  # lǚ -> "lv"
        ("上海宝冠房地产开发有限公司", False, "shbgfdckfyxgs"),
        ("浦东新区川沙新镇7天便利店", False, "pdxqcsxz7tbld"),
        ("上海ABC贸易有限公司", False, "shabcmyyxgs"),
        ("ＡＢ超市（川沙店）", False, "abcscsd"),
        ("张三·Smith", True, "zssmith"),
        ("!!", True, ""),
        ("", True, ""),
    ],
)
def test_initials(name: str, person: bool, expected: str) -> None:
    assert initials(name, person=person) == expected


def test_surname_reading_only_for_the_first_character() -> None:
    assert initials("张曾", person=True) == "zc"
    assert spelled("曾曾", person=True) == "zengceng"
    assert spelled("单田芳", person=True) == "shantianfang"
    assert spelled("单田芳", person=False) == "dantianfang"


def test_every_surname_override_differs_from_the_everyday_reading() -> None:
    for char, reading in SURNAME_READINGS.items():
        assert len(char) == 1
        assert reading.isascii()
        assert reading.isalpha()
        assert reading.islower()
        assert char_reading(char) not in ("", reading), char


def test_readings_agree_with_pypinyin_for_every_character() -> None:
    """The per-character table is pypinyin's own default reading, tones and ü as "v"."""
    sample = random.Random(7).sample(sorted(pinyin_dict), 4000)
    for code in sample:
        char = chr(code)
        assert char_reading(char) == lazy_pinyin(char)[0], hex(code)
        assert initials(char, person=False) == lazy_pinyin(char, style=Style.FIRST_LETTER)[0]


def test_characters_without_a_reading_are_dropped() -> None:
    assert char_reading("、") == ""
    assert char_reading("𠮷") == ""  # not in pypinyin's table
    assert char_reading("Ｘ") == "x"
    assert char_reading("5") == "5"
    assert initials("〇", person=False) == "l"


@given(st.text(NAME_CHARS, max_size=30), st.text(NAME_CHARS, max_size=30))
def test_initials_are_per_character(a: str, b: str) -> None:
    joined = initials(a + b, person=False)
    assert joined == initials(a, person=False) + initials(b, person=False)
    assert spelled(a + b, person=False) == spelled(a, person=False) + spelled(b, person=False)
    assert all(ch.isascii() and (ch.isdigit() or ch.islower()) for ch in joined)
    assert len(joined) == sum(1 for ch in a + b if char_reading(ch))


@given(st.text(NAME_CHARS, min_size=1, max_size=30))
def test_a_person_differs_only_in_the_surname(name: str) -> None:
    person, plain = initials(name, person=True), initials(name, person=False)
    if name[0] in SURNAME_READINGS:
        assert person[0] == SURNAME_READINGS[name[0]][0]
        assert person[1:] == plain[1:]
    else:
        assert person == plain


@given(st.text(NAME_CHARS, max_size=30))
def test_search_keys_hold_initials_and_spelling(name: str) -> None:
    keys = search_keys(name).split(" ")
    if initials(name, person=False):
        assert initials(name, person=False) in keys
        assert spelled(name, person=False) in keys
        assert all(keys)
    else:
        assert search_keys(name) == ""


def test_search_keys_cover_both_surname_readings_and_the_name_without_its_place() -> None:
    assert search_keys("曾小贤").split() == ["cxx", "cengxiaoxian", "zxx", "zengxiaoxian"]
    keys = search_keys("浦东新区川沙新镇阿强烟杂店").split()
    assert keys[-2:] == ["aqyzd", "aqiangyanzadian"]
    assert "hxxx" in search_keys("上海市浦东新区华夏小学").split()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("上海市浦东新区川沙新镇华夏小学", "华夏小学"),
        ("浦东新区川沙新镇阿强烟杂店", "阿强烟杂店"),
        ("上海宝冠房地产开发有限公司", "宝冠房地产开发有限公司"),
        ("上海", "上海"),  # nothing would be left
        ("张三", "张三"),
    ],
)
def test_without_place(name: str, expected: str) -> None:
    assert without_place(name) == expected
