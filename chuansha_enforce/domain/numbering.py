"""Document numbers: a template per kind, a sequence per year, never reused."""

from __future__ import annotations

import re
from enum import StrEnum

from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.errors import DomainError


class NumberKind(StrEnum):
    CASE = "case"  # 立案号
    PENALTY_DECISION = "penalty_decision"  # 行政处罚决定书文号
    SIMPLE_DECISION = "simple_decision"  # 简易程序决定书编号


DEFAULT_TEMPLATES = EnumMap(
    NumberKind,
    {
        NumberKind.CASE: "川执立〔{year}〕{seq:06d}号",
        NumberKind.PENALTY_DECISION: "沪浦川执罚〔{year}〕{seq:06d}号",
        NumberKind.SIMPLE_DECISION: "沪浦川执简〔{year}〕{seq:06d}号",
    },
)

_FIELD = re.compile(r"\{(\w+)(?::[^{}]*)?\}")


def check_template(template: str) -> str:
    """A template must hold ``{year}`` and ``{seq}`` (optionally formatted, e.g. ``{seq:06d}``)."""
    text = template.strip()
    names = _FIELD.findall(text)
    if sorted(set(names)) != ["seq", "year"] or names.count("seq") != 1:
        raise DomainError("numbering.template", "template", {"template": template})
    try:
        render_number(text, 2024, 1)
    except (ValueError, KeyError, IndexError):
        raise DomainError("numbering.template", "template", {"template": template}) from None
    return text


def render_number(template: str, year: int, seq: int) -> str:
    return template.format(year=year, seq=seq)
