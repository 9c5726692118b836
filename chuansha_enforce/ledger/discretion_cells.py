"""The discretion and service columns of a general-case row (LEDGER_FORMAT: 情节, 裁量调整,
裁量理由 after 延长期限至; 送达方式 after 法定代表人): their headers, cell parsers and the
cells an export writes. The rules over them are ``discretion_rows``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.enums import EnumMap, ServiceMethod
from chuansha_enforce.ledger.values import cell_text, parse_choice

DISCRETION_HEADERS: Final = {
    "circumstance": "情节",
    "deviation": "裁量调整",
    "deviation_reason": "裁量理由",
}
"""Field → header, in the sheet's order (the field codes are the discretion rules' own)."""

SERVICE_WORDS: Final = EnumMap(
    ServiceMethod,
    {
        ServiceMethod.DIRECT: "直接",
        ServiceMethod.LEFT_AT_RESIDENCE: "留置",
        ServiceMethod.ENTRUSTED: "委托",
        ServiceMethod.MAIL: "邮寄",
        ServiceMethod.PUBLIC_NOTICE: "公告",
        ServiceMethod.ELECTRONIC: "电子",
        ServiceMethod.ON_THE_SPOT: "当场",
    },
)
"""送达方式 as the ledger writes it: LEDGER_FORMAT's six words, and 当场 for a decision handed
over on the spot (the program's 当场交付), so that an export of one reads back."""

_BY_WORD: Final = {word: method for method, word in SERVICE_WORDS.items()}


def _deviation(value: object) -> Deviation:
    return Deviation.from_label(parse_choice(value, [d.label for d in Deviation]))


def parse_service_method(value: object) -> ServiceMethod:
    """``直接`` … ``电子`` (or the enum's own label, ``直接送达``)."""
    text = cell_text(value)
    for method in ServiceMethod:
        if text == method.label:
            return method
    return _BY_WORD[parse_choice(value, list(_BY_WORD))]


DISCRETION_PARSERS: Final[dict[str, Callable[[object], object]]] = {
    "deviation": _deviation,
    "service_method": parse_service_method,
}
"""情节 and 裁量理由 are text; 裁量调整 and 送达方式 choices."""


def discretion_row_cells(
    circumstance: str | None, deviation: str | None, reason: str | None
) -> list[object]:
    """情节, 裁量调整, 裁量理由 of an exported row (the deviation by its stored code)."""
    return [circumstance, Deviation(deviation).label if deviation else None, reason]


def service_cell(method: str | None) -> str | None:
    """送达方式 of an exported row (by its stored code); empty when not recorded."""
    return SERVICE_WORDS[ServiceMethod(method)] if method else None
