"""Money as integer fen (分): parsing yuan text, display formats and 大写金额.

Never a float: parsing is done on the digit string, conversions use ``Decimal``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from chuansha_enforce.domain.errors import DomainError

ROUNDING: Final = ROUND_HALF_UP
"""The one rounding mode used whenever an amount is shown in a coarser unit."""

FEN_PER_YUAN: Final = 100
MAX_FEN: Final = 10**12
"""Largest amount accepted from text: 100 亿元 (10^12 fen)."""

_CURRENCY_PREFIXES: Final = ("¥", "￥", "RMB")
_YUAN_SUFFIX: Final = "元"
# Integer part: plain digits, or groups of three after 1-3 leading digits.
_AMOUNT_RE: Final = re.compile(r"(?P<int>[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.(?P<frac>[0-9]+))?")
_MAX_INT_DIGITS: Final = len(str(MAX_FEN // FEN_PER_YUAN))
_WAN_QUANTUM: Final = Decimal("0.0001")

_UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_UPPER_PLACES: Final = ("", "拾", "佰", "仟")
_UPPER_SECTIONS: Final = ("", "万", "亿")  # enough for MAX_FEN (壹佰亿元)


def parse_yuan(text: str, field: str = "amount") -> int:
    """Parse yuan text (``1,200.50``, ``￥1200元``, full-width digits…) into fen.

    At most two decimals; thousands separators must sit every three digits.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise DomainError("money.empty", field)
    for prefix in _CURRENCY_PREFIXES:
        if cleaned.upper().startswith(prefix):
            cleaned = cleaned[len(prefix) :].lstrip()
            break
    if cleaned.endswith(_YUAN_SUFFIX):
        cleaned = cleaned[: -len(_YUAN_SUFFIX)].rstrip()
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:].lstrip()
    match = _AMOUNT_RE.fullmatch(cleaned)
    if match is None:
        raise DomainError("money.invalid", field, {"value": text})
    if negative:
        raise DomainError("money.negative", field, {"value": text})
    frac = match.group("frac") or ""
    if len(frac) > 2:
        raise DomainError("money.too_many_decimals", field, {"value": text, "max_decimals": 2})
    digits = match.group("int").replace(",", "").lstrip("0")
    # Checked before int(): very long digit strings would hit Python's int-string limit.
    if len(digits) > _MAX_INT_DIGITS:
        raise DomainError("money.too_large", field, {"value": text, "max": MAX_FEN})
    fen = int(digits or "0") * FEN_PER_YUAN + int(frac.ljust(2, "0"))
    if fen > MAX_FEN:
        raise DomainError("money.too_large", field, {"value": text, "max": MAX_FEN})
    return fen


def format_fen(fen: int, *, unit: bool = False) -> str:
    """Display form with thousands separators: ``123456`` -> ``"1,234.56"`` (``元`` if unit)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan:,}.{cents:02d}{_YUAN_SUFFIX if unit else ''}"


def fen_to_yuan_text(fen: int) -> str:
    """Export form: two decimals, no separators (``"1234.56"``, ``"-0.05"``)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan}.{cents:02d}"


def fen_to_wan_yuan(fen: int) -> Decimal:
    """Amount in 万元, four decimals, rounded with ``ROUNDING``."""
    return Decimal(fen).scaleb(-6).quantize(_WAN_QUANTUM, rounding=ROUNDING)


def _section_upper(section: int) -> str:
    """A 1-9999 section in capitals, one 零 for each run of inner zeros."""
    out: list[str] = []
    pending_zero = False
    for place in range(3, -1, -1):
        digit = section // 10**place % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_UPPER_DIGITS[digit] + _UPPER_PLACES[place])
    return "".join(out)


def _integer_upper(yuan: int) -> str:
    """Whole yuan in capitals (without 元); ``""`` for zero."""
    sections: list[int] = []
    while yuan:
        yuan, section = divmod(yuan, 10_000)
        sections.append(section)
    out: list[str] = []
    gap = False  # a zero section, or a lower section below 1000, needs one 零
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            gap = bool(out)
            continue
        if out and (gap or section < 1000):
            out.append("零")
        out.append(_section_upper(section) + _UPPER_SECTIONS[index])
        gap = False
    return "".join(out)


def fen_to_chinese_upper(fen: int, *, zheng_after_jiao: bool = False) -> str:
    """大写金额 per the bank rules for 票据和结算凭证.

    ``整`` follows ``元`` when there are no 角/分; none follows 角 or 分. A ``零`` goes
    between 元 and 分 when 角 is zero (mandatory rule); when only the 元 digit is zero
    before a 角 (``10.10``) the optional 零 is left out: ``壹拾元壹角``.
    Leading ``壹拾`` is kept (``壹拾万元整``). ``zheng_after_jiao`` writes the 整 the rules
    allow after 角 (``壹仟零伍元叁角整``), as the 执法文书 do; never after 分.
    """
    if fen < 0:
        raise DomainError("money.negative", None, {"value": fen})
    if fen > MAX_FEN:
        raise DomainError("money.too_large", None, {"value": fen, "max": MAX_FEN})
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    jiao, fen_digit = divmod(cents, 10)
    if fen == 0:
        return "零元整"
    out = _integer_upper(yuan)
    if out:
        out += "元"
    if cents == 0:
        return out + "整"
    if jiao:
        out += _UPPER_DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen_digit:
        return out + _UPPER_DIGITS[fen_digit] + "分"
    return out + "整" if zheng_after_jiao else out
