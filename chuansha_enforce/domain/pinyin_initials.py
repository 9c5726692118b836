"""Pinyin keys of party names for search: 张三丰 -> "zsf", and the full spelling "zhangsanfeng".

Conversion is per character, without word context: every character reads its default
(most common) pinyin from pypinyin's single-character table, tones and ü dropped (ü -> v,
as pypinyin's NORMAL style writes it). Per character, because converting whole names with
pypinyin costs about 38 µs a name, while a cached character is a dictionary hit.

The first character of a natural person's name is a surname, and a handful of surnames are
read differently from the character's everyday reading (曾 zeng, not ceng). ``SURNAME_READINGS``
holds those.

What gets a reading: Chinese characters in pypinyin's table, ASCII letters and digits and
their full-width forms (kept lower-case: "ＡＢ超市" -> "ab..."). Everything else (punctuation,
spaces, characters without a reading) is dropped.

``search_keys`` is what the case search stores and matches typed letters against.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

SURNAME_READINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "曾": "zeng", "单": "shan", "仇": "qiu", "查": "zha", "区": "ou", "朴": "piao",
        "解": "xie", "翟": "zhai", "覃": "qin", "盖": "ge", "缪": "miao", "秘": "bi",
        "种": "chong", "重": "chong", "乐": "yue", "薄": "bo", "阚": "kan", "召": "shao",
        "员": "yun", "隗": "wei", "繁": "po", "句": "gou", "黑": "he", "能": "nai",
        "牟": "mu", "祭": "zhai", "粘": "nian", "藏": "zang", "卜": "bu", "洗": "xian",
        "折": "she", "蔚": "yu", "都": "du", "乜": "nie", "炅": "gui", "角": "jue",
        "奇": "ji", "澹": "tan", "长": "chang",
    }
)  # fmt: skip
"""Readings of characters as the first character (surname) of a person's name, where they
differ from the everyday reading."""

PLACE_PREFIXES: Final = ("上海市", "上海", "浦东新区", "川沙新镇", "川沙镇")
"""Place names that start many company and shop names; keys are also made without them."""

_FULL_WIDTH_ALNUM: Final = frozenset(
    chr(c) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for c in range(r[0], r[1] + 1)
)  # fmt: skip


@functools.cache
def _pinyin_table() -> Mapping[int, str]:
    """pypinyin's character table (code point -> "zhāng,zhàng"), read on first use.

    Importing pypinyin costs about 0.4 s (its package loads the phrase table too), and the
    window's officer lists sort by pinyin before the first paint: the character table alone
    is read from the package's own JSON file (about 40 ms) without importing the package;
    where that file cannot be found (an unusual install), the module is imported.
    """
    spec = importlib.util.find_spec("pypinyin")  # finds the package without running it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        table = Path(folder) / "pinyin_dict.json"
        if table.is_file():
            raw = json.loads(table.read_text(encoding="utf-8"))
            return MappingProxyType({int(code): text for code, text in raw.items()})
    from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415

    return MappingProxyType(pinyin_dict)


@functools.lru_cache(maxsize=4096)
def _plain(toned: str) -> str:
    """A toned syllable without its tone marks: "lǚ" -> "lv", "zhāng" -> "zhang"."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", toned):
        if char == "\u0308" and out and out[-1] == "u":  # ü
            out[-1] = "v"
        elif not unicodedata.combining(char):
            out.append(char)
    return "".join(out).lower()


def _reading(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    if char in _FULL_WIDTH_ALNUM:
        return unicodedata.normalize("NFKC", char).lower()
    readings = _pinyin_table().get(ord(char))
    return _plain(readings.split(",", 1)[0]) if readings else ""


@functools.lru_cache(maxsize=65536)
def char_reading(char: str) -> str:
    """The default reading of one character ("" when it has none)."""
    return _reading(char)


def _readings(name: str, person: bool) -> list[str]:
    readings = [char_reading(char) for char in name]
    if person and name and name[0] in SURNAME_READINGS:
        readings[0] = SURNAME_READINGS[name[0]]
    return [r for r in readings if r]


def initials(name: str, *, person: bool) -> str:
    """First letters of the readings: 张三丰 -> "zsf"; 曾 as a person's surname -> "z".

    Letters and digits stay (lower-case); punctuation and unknown characters are dropped.
    """
    return "".join(r[0] for r in _readings(name, person))


def spelled(name: str, *, person: bool) -> str:
    """The whole readings run together: 张三丰 -> "zhangsanfeng"."""
    return "".join(_readings(name, person))


def without_place(name: str) -> str:
    """The name without leading place names: 浦东新区川沙新镇阿强烟杂店 -> 阿强烟杂店."""
    while True:
        for prefix in PLACE_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name = name[len(prefix) :]
                break
        else:
            return name


def search_keys(name: str) -> str:
    """What the search dictionary stores for a name: its pinyin keys, space-separated.

    Initials and spelling of the name, of the name read with a surname reading when its first
    character has one (the dictionary does not know whether a name is a person's, and a clerk
    may type either reading), and of the name without leading place names:
    曾小贤 -> "cxx cengxiaoxian zxx zengxiaoxian"; 上海宝冠房地产开发有限公司 -> "shbgfdckfyxgs
    shanghaibaoguan... bgfdckfyxgs baoguan...". A query matches when a key starts with it.
    """
    readings = [char_reading(char) for char in name]
    variants = [[r for r in readings if r]]
    if name[:1] in SURNAME_READINGS and readings[0]:
        variants.append([SURNAME_READINGS[name[0]], *variants[0][1:]])
    short = len(without_place(name))
    if short < len(name):
        variants.append([r for r in readings[len(name) - short :] if r])
    keys = [key for v in variants if v for key in ("".join(r[0] for r in v), "".join(v))]
    return " ".join(dict.fromkeys(keys))
