"""A certificate past its expiry date reads 已过期 in the registry (issue 14, item 7).

The tests' clock says 2026-11-27 in Shanghai. A certificate is valid through its expiry date
inclusive (DOMAIN, Officers): expiring today it is still 有效, expired yesterday it is 已过期.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.enums import CertificateStatus
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services
from tests.cli_clock import main
from tests.server_backend import db_path_on_both_backends  # noqa: F401

D = dt.date
TODAY = D(2026, 11, 27)  # the conftest clock: 2026-11-27 02:00 UTC is 10:00 in Shanghai
VALID, CANCELLED, SUSPENDED = (
    CertificateStatus.VALID,
    CertificateStatus.CANCELLED,
    CertificateStatus.SUSPENDED,
)


@pytest.mark.parametrize(
    ("expires_on", "status", "cancelled_on", "shown", "valid_today"),
    [
        (D(2026, 11, 26), VALID, None, "已过期", False),  # today - 1
        (D(2026, 11, 27), VALID, None, "有效", True),  # today: the last valid day
        (D(2026, 11, 28), VALID, None, "有效", True),
        (None, VALID, None, "有效", True),
        (D(2020, 1, 1), CANCELLED, D(2019, 6, 1), "注销", False),
        (D(2020, 1, 1), SUSPENDED, None, "暂扣", False),
    ],
)
def test_the_registry_status_on_a_day(
    expires_on: dt.date | None,
    status: CertificateStatus,
    cancelled_on: dt.date | None,
    shown: str,
    valid_today: bool,
) -> None:
    certificate = Certificate(
        1, "王建国", "31150001", D(2018, 3, 1), expires_on, status, cancelled_on
    )
    assert certificate.status_label(TODAY) == shown
    assert certificate.valid_on(TODAY) is valid_today


def _registry(services: Services) -> None:
    register = services.officers.register
    register(OfficerRecord("王建国", "31150001", D(2018, 3, 1), expires_on=D(2026, 11, 26)))
    register(OfficerRecord("李明", "31150002", D(2019, 5, 10), expires_on=D(2026, 11, 27)))
    register(OfficerRecord("周敏", "31150003", D(2019, 5, 10)))


def test_officer_list_shows_expired(services: Services, db_path: Path | str) -> None:
    _registry(services)
    services.close()
    out = io.StringIO()
    assert main(["--db", str(db_path), "officer", "list"], out) == 0
    rows = {line.split("\t")[0]: line.split("\t")[3] for line in out.getvalue().splitlines()}
    assert rows == {"王建国": "已过期", "李明": "有效", "周敏": "有效"}
    out = io.StringIO()
    assert main(["--db", str(db_path), "officer", "list", "--json"], out) == 0
    shown = {o["name"]: (o["expires_on"], o["status"]) for o in json.loads(out.getvalue())}
    assert shown == {
        "王建国": ("2026-11-26", "已过期"),
        "李明": ("2026-11-27", "有效"),
        "周敏": (None, "有效"),
    }


def test_a_certificate_expiring_on_new_years_eve_counts_at_the_year_end(
    services: Services,
) -> None:
    register = services.officers.register
    register(OfficerRecord("王建国", "31150001", D(2018, 3, 1), expires_on=D(2025, 12, 31)))
    register(OfficerRecord("李明", "31150002", D(2019, 5, 10), expires_on=D(2025, 12, 30)))
    register(OfficerRecord("周敏", "31150003", D(2019, 5, 10)))
    assert services.statistics.annual(2025).officers.valid_at_year_end == 2  # 王建国, 周敏
    assert services.statistics.annual(2024).officers.valid_at_year_end == 3
