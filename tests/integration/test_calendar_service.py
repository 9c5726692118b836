"""The start-up warning when deadlines reach a year the built-in calendar does not cover."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.calendar.holiday_overrides import HolidayOverride
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.connection import write_transaction
from tests.cli_clock import main
from tests.server_backend import db_path_on_both_backends, open_book  # noqa: F401


def _at(day: str) -> FixedClock:
    return FixedClock(dt.datetime.fromisoformat(f"{day}T02:00:00+00:00"))


def test_late_november_warns_about_next_year(db_path: Path | str) -> None:
    with build_services(db_path, _at("2026-11-27")) as services:
        notice = services.calendar.startup_notice()
    assert notice is not None
    assert notice.code == "calendar.uncovered"
    assert notice.params == {"year": 2027, "last": 2026}


@pytest.mark.parametrize("day", ["2026-12-01", "2026-12-31"])
def test_december_warns_about_next_year_until_it_is_entered(db_path: Path | str, day: str) -> None:
    with build_services(db_path, _at(day)) as services:
        notice = services.calendar.startup_notice()
        assert notice is not None
        assert notice.params == {"year": 2027, "last": 2026}
        services.holidays.set(HolidayOverride(dt.date(2027, 1, 1), False, "元旦"))
        assert services.calendar.startup_notice() is None


def test_no_warning_while_the_horizon_is_covered(db_path: Path | str) -> None:
    with build_services(db_path, _at("2026-06-01")) as services:
        assert services.calendar.startup_notice() is None


def test_an_entered_schedule_silences_the_warning_and_is_used(db_path: Path | str) -> None:
    build_services(db_path, _at("2026-11-27")).close()
    db = open_book(db_path)
    with write_transaction(db):
        db.execute("INSERT INTO calendar_overrides VALUES ('2027-01-01', 0, '元旦')")
    db.close()
    with build_services(db_path, _at("2026-11-27")) as services:
        assert services.calendar.startup_notice() is None
        calendar = services.calendar.work_calendar()
        # 2027-01-01 is a Friday: a rest day only because the override says so.
        assert not calendar.is_working_day(dt.date(2027, 1, 1))
        assert calendar.add_working_days(dt.date(2026, 12, 31), 1).value == dt.date(2027, 1, 4)


def test_init_prints_the_warning(db_path: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    # The CLI uses the real clock; the warning depends on today's date.
    assert main(["--db", str(db_path), "init"]) == 0
    with build_services(db_path) as services:
        expected = services.calendar.startup_notice()
    err = capsys.readouterr().err
    if expected is None:
        assert err == ""
    else:
        assert f"{expected.params['year']}年" in err
