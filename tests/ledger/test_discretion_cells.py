"""The cells of 裁量调整 and 送达方式 (LEDGER_FORMAT): each accepted word, and back."""

from __future__ import annotations

import pytest

from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.enums import ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.discretion_cells import (
    DISCRETION_PARSERS,
    discretion_row_cells,
    parse_service_method,
    service_cell,
)

METHODS = [
    ("直接", ServiceMethod.DIRECT, "直接"),
    ("留置", ServiceMethod.LEFT_AT_RESIDENCE, "留置"),
    ("委托", ServiceMethod.ENTRUSTED, "委托"),
    ("邮寄", ServiceMethod.MAIL, "邮寄"),
    ("公告", ServiceMethod.PUBLIC_NOTICE, "公告"),
    (" 电子 ", ServiceMethod.ELECTRONIC, "电子"),
    ("当场", ServiceMethod.ON_THE_SPOT, "当场"),
    ("邮寄送达", ServiceMethod.MAIL, "邮寄"),  # the program's own label reads too
]


@pytest.mark.parametrize(("cell", "method", "written"), METHODS)
def test_each_service_word_reads_and_writes_back(
    cell: str, method: ServiceMethod, written: str
) -> None:
    assert parse_service_method(cell) is method
    assert service_cell(method.value) == written


def test_an_unknown_service_word_lists_the_choices() -> None:
    with pytest.raises(DomainError) as raised:
        parse_service_method("快递")
    assert raised.value.code == "ledger.choice"
    assert raised.value.params["allowed"] == "直接、留置、委托、邮寄、公告、电子、当场"
    assert service_cell(None) is None


@pytest.mark.parametrize(
    ("cell", "deviation"),
    [("从轻", Deviation.LIGHTER), ("减轻", Deviation.MITIGATED), ("从重", Deviation.HEAVIER)],
)
def test_each_deviation_reads_and_writes_back(cell: str, deviation: Deviation) -> None:
    assert DISCRETION_PARSERS["deviation"](cell) is deviation
    assert discretion_row_cells("一般", deviation.value, "理由") == ["一般", cell, "理由"]
    assert discretion_row_cells(None, None, None) == [None, None, None]
