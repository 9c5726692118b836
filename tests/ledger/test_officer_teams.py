"""A case row's officers resolved once per references (``row_mapping._case_officers``): the
same answer as finding them and asking ``case_rules.check_officers`` on the row's date, on
the days either side of every issue, expiry and cancellation date."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.enums import CertificateStatus
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.import_context import ImportContext
from chuansha_enforce.ledger.row_mapping import _case_officers, _found_officers

D = dt.date
VALID, SUSPENDED, CANCELLED = (
    CertificateStatus.VALID,
    CertificateStatus.SUSPENDED,
    CertificateStatus.CANCELLED,
)


def _context() -> ImportContext:
    ctx = ImportContext(today=D(2025, 6, 30), calendar=WorkCalendar())
    certificates = [
        Certificate(1, "张伟", "001", D(2024, 1, 10), D(2025, 1, 10), VALID, None),
        Certificate(2, "李娜", "002", D(2024, 3, 1), None, VALID, None),
        Certificate(3, "王芳", "003", D(2023, 1, 1), None, CANCELLED, D(2024, 6, 1)),
        Certificate(4, "赵磊", "004", D(2023, 1, 1), None, SUSPENDED, None),
        Certificate(5, "陈静", "005", D(2022, 1, 1), D(2023, 12, 31), VALID, None),
        Certificate(6, "陈静", "006", D(2024, 1, 1), None, VALID, None),
    ]
    for certificate in certificates:
        ctx.add_certificate(certificate)
    return ctx


REFS = {
    "two": (("张伟", "张伟", None), ("李娜", "李娜", "002")),
    "cancelled": (("李娜", "李娜", None), ("王芳", "王芳", None)),
    "suspended": (("李娜", "李娜", None), ("赵磊", "赵磊", None)),
    "one": (("李娜", "李娜", None),),
    "twice": (("李娜", "李娜", None), ("李娜(002)", "李娜", "002")),
    "unknown": (("李娜", "李娜", None), ("刘洋", "刘洋", None)),
    "wrong number": (("李娜", "李娜", "001"), ("张伟", "张伟", None)),
    "two of a name": (("陈静", "陈静", None), ("李娜", "李娜", None)),
}
DAYS = [
    None,
    D(2021, 12, 31),
    D(2022, 1, 1),
    D(2023, 12, 31),
    D(2024, 1, 1),
    D(2024, 1, 9),
    D(2024, 1, 10),
    D(2024, 2, 29),
    D(2024, 3, 1),
    D(2024, 5, 31),
    D(2024, 6, 1),
    D(2025, 1, 10),
    D(2025, 1, 11),
]


def _codes(
    answer: tuple[object, DomainError | None, DomainError | None],
) -> tuple[object, object, object]:
    found, unknown, invalid = answer
    return (
        found,
        None if unknown is None else (unknown.code, unknown.field, unknown.params),
        None if invalid is None else (invalid.code, invalid.field, invalid.params),
    )


def _by_the_rule(
    refs: tuple[tuple[str, str, str | None], ...], day: dt.date | None, ctx: ImportContext
) -> tuple[object, DomainError | None, DomainError | None]:
    found = _found_officers(refs, day, ctx)
    if isinstance(found, DomainError):
        return None, found, None
    if day is None or found is None:
        return found, None, None
    try:
        case_rules.check_officers(found, day)
    except DomainError as error:
        return found, None, error
    return found, None, None


@pytest.mark.parametrize("name", sorted(REFS))
def test_every_day_the_rules_answer(name: str) -> None:
    ctx = _context()
    refs = REFS[name]
    for day in DAYS:
        assert _codes(_case_officers(refs, day, ctx)) == _codes(_by_the_rule(refs, day, ctx))


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("two", D(2024, 3, 1), None),  # the later issue date: valid
        ("two", D(2024, 2, 29), "officers.invalid_on"),  # a day before it
        ("two", D(2025, 1, 10), None),  # the expiry date itself
        ("two", D(2025, 1, 11), "officers.invalid_on"),
        ("cancelled", D(2024, 5, 31), None),
        ("cancelled", D(2024, 6, 1), "officers.invalid_on"),  # cancelled that day
        ("suspended", D(2024, 5, 31), "officers.invalid_on"),
        ("one", D(2024, 5, 31), "officers.too_few"),
        ("twice", D(2024, 5, 31), "officers.too_few"),
        ("unknown", D(2024, 5, 31), "ledger.officer_unknown"),
        ("wrong number", D(2024, 5, 31), "ledger.officer_unknown"),
        ("two of a name", D(2024, 5, 31), None),  # the date picks 陈静 (006)
        ("two of a name", D(2023, 6, 1), "officers.invalid_on"),  # 陈静 (005), 李娜 not yet
        ("two of a name", None, "ledger.officer_ambiguous"),
    ],
)
def test_table(name: str, day: dt.date | None, expected: str | None) -> None:
    ctx = _context()
    _found, unknown, invalid = _case_officers(REFS[name], day, ctx)
    errors = [e.code for e in (unknown, invalid) if e is not None]
    assert errors == ([] if expected is None else [expected])


def test_a_certificate_added_later_is_seen() -> None:
    ctx = _context()
    refs = (("李娜", "李娜", None), ("孙悦", "孙悦", None))
    assert _case_officers(refs, D(2024, 5, 31), ctx)[1] is not None
    ctx.add_certificate(Certificate(7, "孙悦", "007", D(2024, 1, 1), None, VALID, None))
    found, unknown, invalid = _case_officers(refs, D(2024, 5, 31), ctx)
    assert (unknown, invalid) == (None, None)
    assert found is not None
    assert [c.certificate_no for c in found] == ["002", "007"]
