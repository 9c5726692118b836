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
    ADVANCE_NOTICE = "advance_notice"  # 行政处罚事先告知书
    HEARING_NOTICE = "hearing_notice"  # 听证通知书
    CORRECTION_ORDER = "correction_order"  # 责令改正通知书
    DEMOLITION_ORDER = "demolition_order"  # 责令限期拆除通知书
    PAYMENT_REMINDER = "payment_reminder"  # 催告书
    DEFERRAL_DECISION = "deferral_decision"  # 延期（分期）缴纳决定书
    DEMOLITION_REMINDER = "demolition_reminder"  # 拆除催告书 (行政强制法 35)
    FORCED_DECISION = "forced_decision"  # 强制拆除决定书 (37)
    FORCED_ANNOUNCEMENT = "forced_announcement"  # 强制拆除公告 (44)


DEFAULT_TEMPLATES = EnumMap(
    NumberKind,
    {
        NumberKind.CASE: "川执立〔{year}〕{seq:06d}号",
        NumberKind.PENALTY_DECISION: "沪浦川执罚〔{year}〕{seq:06d}号",
        NumberKind.SIMPLE_DECISION: "沪浦川执简〔{year}〕{seq:06d}号",
        # 机关代字 + 文书代字 + 〔年〕 + 序号 + 号 (DOMAIN §16); settings, never hard rules.
        NumberKind.ADVANCE_NOTICE: "沪浦川执告〔{year}〕{seq:06d}号",
        NumberKind.HEARING_NOTICE: "沪浦川执听〔{year}〕{seq:06d}号",
        NumberKind.CORRECTION_ORDER: "沪浦川执改〔{year}〕{seq:06d}号",
        NumberKind.DEMOLITION_ORDER: "沪浦川执拆〔{year}〕{seq:06d}号",
        NumberKind.PAYMENT_REMINDER: "沪浦川执催〔{year}〕{seq:06d}号",
        NumberKind.DEFERRAL_DECISION: "沪浦川执延〔{year}〕{seq:06d}号",
        NumberKind.DEMOLITION_REMINDER: "沪浦川执拆催〔{year}〕{seq:06d}号",
        NumberKind.FORCED_DECISION: "沪浦川执强拆〔{year}〕{seq:06d}号",
        NumberKind.FORCED_ANNOUNCEMENT: "沪浦川执拆告〔{year}〕{seq:06d}号",
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


def template_pattern(template: str) -> re.Pattern[str]:
    """What numbers from ``template`` look like: its text as written, a four-digit year and a
    sequence number of any width ("川执立〔2024〕1号" fits "川执立〔{year}〕{seq:06d}号")."""
    parts: list[str] = []
    at = 0
    for field in _FIELD.finditer(template):
        parts.append(re.escape(template[at : field.start()]))
        parts.append(r"\d{4}" if field.group(1) == "year" else r"\d+")
        at = field.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts))


def fits_template(number: str, template: str) -> bool:
    return template_pattern(template).fullmatch(number.strip()) is not None


_LAST_DIGITS = re.compile(r"^(?P<head>.*?)(?P<digits>[0-9]+)(?P<tail>[^0-9]*)$", re.DOTALL)


def next_decision_no(number: str) -> str | None:
    """The number after ``number``: its last run of digits plus one, zero padding kept.

    ``沪浦川执简〔2024〕000001号`` -> ``沪浦川执简〔2024〕000002号``; None without digits.
    """
    match = _LAST_DIGITS.match(number.strip())
    if match is None:
        return None
    digits = match.group("digits")
    following = str(int(digits) + 1).zfill(len(digits))
    return f"{match.group('head')}{following}{match.group('tail')}"
