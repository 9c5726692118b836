"""``case_rules.officers_valid_days``: the span in which ``check_officers`` passes, written
out, and the rule itself asked on the day before, the first, the last and the day after."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.enums import CertificateStatus
from chuansha_enforce.domain.errors import DomainError

D = dt.date
VALID, SUSPENDED, CANCELLED = (
    CertificateStatus.VALID,
    CertificateStatus.SUSPENDED,
    CertificateStatus.CANCELLED,
)


def _cert(
    ident: int,
    issued: dt.date,
    expires: dt.date | None = None,
    status: CertificateStatus = VALID,
    cancelled: dt.date | None = None,
) -> Certificate:
    return Certificate(
        ident, f"执法员{ident}", f"3100{ident:04d}", issued, expires, status, cancelled
    )


A = _cert(1, D(2024, 1, 10), D(2026, 1, 9))
B = _cert(2, D(2024, 3, 1))
C_CANCELLED = _cert(3, D(2023, 1, 1), None, CANCELLED, D(2025, 6, 1))
D_SUSPENDED = _cert(4, D(2023, 1, 1), None, SUSPENDED)
E_LATER = _cert(5, D(2026, 2, 1))

SPANS = [
    ((A, B), (D(2024, 3, 1), D(2026, 1, 9))),
    ((B, C_CANCELLED), (D(2024, 3, 1), D(2025, 5, 31))),  # cancelled on 6-01: valid to 5-31
    ((A, A), None),  # one officer named twice: too few
    ((A,), None),
    ((A, D_SUSPENDED), None),
    ((A, E_LATER), (D(2026, 2, 1), D(2026, 1, 9))),  # first after last: no day at all
]


@pytest.mark.parametrize(("officers", "span"), SPANS)
def test_the_span_is_written_out(
    officers: tuple[Certificate, ...], span: tuple[dt.date, dt.date | None] | None
) -> None:
    assert case_rules.officers_valid_days(officers) == span


def _passes(officers: tuple[Certificate, ...], day: dt.date) -> bool:
    try:
        case_rules.check_officers(officers, day)
    except DomainError:
        return False
    return True


@pytest.mark.parametrize(("officers", "span"), SPANS)
def test_the_rule_passes_exactly_inside_the_span(
    officers: tuple[Certificate, ...], span: tuple[dt.date, dt.date | None] | None
) -> None:
    days = [D(2024, 2, 29), D(2024, 3, 1), D(2025, 5, 31), D(2025, 6, 1), D(2026, 1, 9),
            D(2026, 1, 10), D(2026, 2, 1)]  # fmt: skip
    for day in days:
        inside = span is not None and span[0] <= day and (span[1] is None or day <= span[1])
        assert _passes(officers, day) is inside, day
