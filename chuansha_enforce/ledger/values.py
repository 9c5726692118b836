"""Cell value parsers for the 台账 value forms (LEDGER_FORMAT.md, "Value forms").

Each parser takes a cell as read (``str``, ``float``, ``int``, ``bool``, ``date``,
``datetime``…; CSV cells are ``str``) and raises ``DomainError(code, None, params)`` when the
value is not one of the accepted forms. The field is left ``None``: the caller knows the header.
No float arithmetic touches money: numeric cells go through their decimal text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import FEN_PER_YUAN, MAX_FEN, parse_yuan
from chuansha_enforce.domain.text_input import clean_line, clean_text

MIN_YEAR: Final = 1949
MAX_YEAR: Final = 2100

# Full-width digits and Latin letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A) become ASCII.
# Chinese punctuation (，：；（）…) is left as typed: NFKC would turn it into ASCII punctuation
# and change free text such as 案由 and 备注.
_FULL_WIDTH_RE: Final = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
find_full_width: Final = _FULL_WIDTH_RE.search
"""The first full-width digit or letter in a string (``None`` when there is none)."""
_FULL_WIDTH: Final = {
    code: code - 0xFEE0
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(first, last + 1)
}


def _usual(text: str) -> bool:
    """The usual cell: printable (no break, control or invisible character), NFC and without
    full-width digits or letters; both normalisers only trim it."""
    return text.isprintable() and (
        text.isascii()
        or (unicodedata.is_normalized("NFC", text) and _FULL_WIDTH_RE.search(text) is None)
    )


def normalise_text(text: str) -> str:
    """Clean the text as every input is (``domain.text_input``: no control, bidi or zero-width
    characters; line breaks kept for the free-text columns' sake), trim spaces (also the
    ideographic space) and make full-width digits/letters ASCII."""
    if _usual(text):
        return text.strip()
    text = clean_text(text)
    if text.isascii() or _FULL_WIDTH_RE.search(text) is None:
        return text
    return clean_text(text.translate(_FULL_WIDTH))  # (NFC again after the digits changed)


def normalise_line(text: str) -> str:
    """As ``normalise_text`` for a one-line field (``domain.text_input.clean_line``: line
    breaks become spaces): the text exactly as the record of the field keeps it."""
    if _usual(text):
        return text.strip()
    text = clean_line(text)
    if text.isascii() or _FULL_WIDTH_RE.search(text) is None:
        return text
    return clean_line(text.translate(_FULL_WIDTH))


def is_blank(value: object) -> bool:
    """An empty cell: ``None`` or a string of spaces (or invisible characters) only."""
    return value is None or (isinstance(value, str) and not clean_text(value))


def cell_text(value: object) -> str:
    """A cell as text, the way Excel shows it in a General cell.

    Whole numbers lose the ``.0`` a numeric cell carries (a case number typed as a number);
    dates are ISO. Numbers beyond Excel's 15 significant digits are shown rounded to them, as
    Excel does, so an 18-digit ID typed as a number reads ``1.10101199003077e+17``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------- dates

_SEPARATED_DATE_RE: Final = re.compile(
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    # a time part, as a CSV saved from a date-time column carries it ("2023/3/5 0:00")
    r"(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)?"
)
_CHINESE_DATE_RE: Final = re.compile(
    r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日"
)
_COMPACT_DATE_RE: Final = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})")

# Excel's 1900 date system counts 1900-02-29, which never was; from 1900-03-01 (serial 61)
# on, serial n is 1899-12-30 plus n days.
_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)
_MIN_SERIAL: Final = (dt.date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
_MAX_SERIAL: Final = (dt.date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days
_MIN_COMPACT: Final = MIN_YEAR * 10_000 + 101
_MAX_COMPACT: Final = MAX_YEAR * 10_000 + 1231


def _date_error(value: object) -> DomainError:
    return DomainError(
        "ledger.date", None, {"value": cell_text(value), "min_year": MIN_YEAR, "max_year": MAX_YEAR}
    )


def _checked(day: dt.date, value: object) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise _date_error(value)
    return day


def _from_parts(match: re.Match[str], value: object) -> dt.date:
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        raise _date_error(value) from None
    return _checked(day, value)


def _from_number(number: float | int | Decimal, value: object) -> dt.date:
    if isinstance(number, float) and not math.isfinite(number):
        raise _date_error(value)
    if isinstance(number, Decimal) and not number.is_finite():
        raise _date_error(value)
    whole = math.floor(number)  # a date-time serial carries the time as its fraction
    if _MIN_COMPACT <= whole <= _MAX_COMPACT and whole == number:
        # 20230305 typed into a cell as a number
        match = _COMPACT_DATE_RE.fullmatch(str(whole))
        if match is not None:
            return _from_parts(match, value)
    if not _MIN_SERIAL <= whole <= _MAX_SERIAL:
        raise _date_error(value)
    return _EXCEL_EPOCH + dt.timedelta(days=whole)


def parse_date(value: object) -> dt.date:
    """``2023-03-05``, ``2023/3/5``, ``2023.3.5``, ``2023年3月5日``, ``20230305``, a date cell,
    or an Excel serial number (1900 date system: 44990 is 2023-03-05).

    Years outside 1949..2100 and days that do not exist raise ``ledger.date``.
    """
    if isinstance(value, bool):
        raise _date_error(value)
    if isinstance(value, dt.datetime):
        return _checked(value.date(), value)
    if isinstance(value, dt.date):
        return _checked(value, value)
    if isinstance(value, int | float | Decimal):
        return _from_number(value, value)
    if not isinstance(value, str):
        raise _date_error(value)
    text = unicodedata.normalize("NFKC", value).strip()
    for pattern in (_SEPARATED_DATE_RE, _CHINESE_DATE_RE, _COMPACT_DATE_RE):
        match = pattern.fullmatch(text)
        if match is not None:
            return _from_parts(match, value)
    raise _date_error(value)


# ---------------------------------------------------------------------------- money

_MAX_YUAN: Final = Decimal(MAX_FEN) / FEN_PER_YUAN
_EXCEL_DIGITS: Final = ".15g"
"""Excel keeps 15 significant digits; a float cell is read as Excel shows it."""


def _money_error(code: str, value: object) -> DomainError:
    params: dict[str, object] = {"value": cell_text(value)}
    if code == "money.too_many_decimals":
        params["max_decimals"] = 2
    elif code == "money.too_large":
        params["max"] = MAX_FEN
    return DomainError(code, None, params)


def _decimal_fen(amount: Decimal, value: object) -> int:
    if not amount.is_finite():
        raise _money_error("money.invalid", value)
    if amount < 0:
        raise _money_error("money.negative", value)
    if amount > _MAX_YUAN:
        raise _money_error("money.too_large", value)
    fen = amount * FEN_PER_YUAN  # exact: at most 13 integer digits, far below the precision
    if fen != fen.to_integral_value():
        raise _money_error("money.too_many_decimals", value)
    return int(fen)


def _float_fen(number: float, value: object) -> int:
    if not math.isfinite(number):
        raise _money_error("money.invalid", value)
    amount = Decimal(repr(number))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        # 0.1 + 0.2 in a formula cell is 0.30000000000000004; Excel shows 0.3.
        amount = Decimal(format(number, _EXCEL_DIGITS))
    return _decimal_fen(amount, value)


def parse_money(value: object) -> int:
    """Yuan (``1200``, ``1200.5``, ``1,200.00``, ``1200元``, a numeric cell) as integer fen.

    At most two decimals, not negative; the ``money.*`` codes of ``parse_yuan``.
    """
    if isinstance(value, bool):
        raise _money_error("money.invalid", value)
    if isinstance(value, int):
        if value < 0:
            raise _money_error("money.negative", value)
        if value > MAX_FEN // FEN_PER_YUAN:
            raise _money_error("money.too_large", value)
        return value * FEN_PER_YUAN
    if isinstance(value, float):
        return _float_fen(value, value)
    if isinstance(value, Decimal):
        return _decimal_fen(value, value)
    if not isinstance(value, str):
        raise _money_error("money.invalid", value)
    try:
        return parse_yuan(value)
    except DomainError as error:
        raise DomainError(error.code, None, error.params) from None


# ---------------------------------------------------------------------------- yes/no, lists

_TRUE_WORDS: Final = frozenset({"是", "Y", "YES", "1", "TRUE"})
_FALSE_WORDS: Final = frozenset({"否", "N", "NO", "0", "FALSE", ""})


def parse_bool(value: object) -> bool:
    """``是``/``否`` (also ``Y``/``N``, ``1``/``0``, a TRUE/FALSE cell); empty is 否."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) or (isinstance(value, Decimal) and value.is_finite()):
        if value == 1:
            return True
        if value == 0:
            return False
    elif isinstance(value, str):
        word = unicodedata.normalize("NFKC", value).strip().upper()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    raise DomainError("ledger.bool", None, {"value": cell_text(value)})


_NAME_SEPARATORS_RE: Final = re.compile(r"[、，,;；\r\n]")


def parse_names(value: object) -> list[str]:
    """Names separated by ``、`` ``，`` ``,`` ``;`` ``；`` (or one per line in the cell)."""
    names = (normalise_text(part) for part in _NAME_SEPARATORS_RE.split(cell_text(value)))
    return [name for name in names if name]


_OFFICER_RE: Final = re.compile(r"(?P<name>[^()]+?)\s*\(\s*(?P<cert>[^()]+?)\s*\)")


def parse_officer_ref(text: str) -> tuple[str, str | None]:
    """``张伟`` -> ``("张伟", None)``; ``张伟(31150012)`` or ``张伟（31150012）`` -> with the
    certificate number."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned and "(" not in cleaned and ")" not in cleaned:
        return cleaned, None
    match = _OFFICER_RE.fullmatch(cleaned)
    if match is None:
        raise DomainError("ledger.officer", None, {"value": text.strip()})
    return match["name"], match["cert"]


def parse_choice(value: object, allowed: Sequence[str]) -> str:
    """One of ``allowed`` exactly (after trimming); otherwise ``ledger.choice`` lists them."""
    text = cell_text(value)
    if text in allowed:
        return text
    folded = unicodedata.normalize("NFKC", text)
    for choice in allowed:
        if unicodedata.normalize("NFKC", choice) == folded:
            return choice
    raise DomainError("ledger.choice", None, {"value": text, "allowed": "、".join(allowed)})
