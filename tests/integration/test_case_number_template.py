"""The case-number template is enforced (issue 21 §2): a typed number must follow it unless
the administrator allows free-form numbers (setting ``free_case_numbers``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.documents.numbering import fits_template
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from tests.server_backend import db_path_on_both_backends  # noqa: F401

TEMPLATE = "川执立〔{year}〕{seq:06d}号"


@pytest.mark.parametrize(
    ("number", "fits"),
    [
        ("川执立〔2026〕000001号", True),
        ("川执立〔2026〕1号", True),  # any width of the sequence number
        ("川执立〔2026〕1234567号", True),
        ("川执立〔26〕000001号", False),  # the year has four digits
        ("川执立〔2026〕号", False),
        ("川执立〔2026〕000001", False),
        ("川执罚〔2026〕000001号", False),
        ("abc", False),
        ("", False),
    ],
)
def test_numbers_that_fit_the_template(number: str, fits: bool) -> None:
    assert fits_template(number, TEMPLATE) is fits


def _new(case_no: str) -> NewCase:
    return NewCase(
        case_no=case_no,
        party=PartyRecord(PartyType.LEGAL_PERSON, "上海某餐饮有限公司"),
        cause="油烟直排案",
        filed_on=dt.date(2026, 11, 2),
        officer_certificates=("31150001", "31150002"),
    )


def test_a_free_form_number_is_refused_unless_allowed(
    services: Services, db_path: Path | str
) -> None:
    for officer in (
        OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)),
        OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)),
    ):
        services.officers.register(officer)
    before = database_digest(db_path)
    with pytest.raises(DomainError) as refused:
        services.case_files.file_case(_new("abc"))
    assert refused.value.field == "case_no"
    text = render(refused.value.code, refused.value.params, "zh", refused.value.field)
    assert "“abc”不符合编号格式（如 川执立〔2026〕000001号）" in text
    assert "管理员" in text
    assert database_digest(db_path) == before
    filed = services.case_files.file_case(_new("川执立〔2026〕7号"))
    assert filed.case.case_no == "川执立〔2026〕7号"
    services.settings.set("free_case_numbers", True)
    assert services.case_files.file_case(_new("abc")).case.case_no == "abc"
    services.settings.set("free_case_numbers", False)
    with pytest.raises(DomainError):
        services.case_files.file_case(_new("abd"))
    auto = services.case_files.file_case(_new("")).case.case_no  # left blank: numbered
    assert fits_template(auto, TEMPLATE)
