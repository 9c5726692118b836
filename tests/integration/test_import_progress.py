"""The ledger import's progress runs over the rows read, then the records written; a stop
asked for while writing rolls the whole import back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.conftest import database_digest
from tests.ledger_files import CASE, ledger, with_

NOW = dt.datetime(2024, 12, 20, 2, 0, tzinfo=dt.UTC)
CASES = [
    with_(CASE, 案件编号=f"沪浦川执立〔2024〕{n:03d}号", 决定书文号=f"沪浦川执罚〔2024〕{n:06d}号")
    for n in range(1, 4)
]


def _file(tmp_path: Path) -> Path:
    return ledger(tmp_path / "three.xlsx", cases=CASES)


def test_the_bar_counts_the_rows_read_then_the_cases_written(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        report = services.ledger.import_file(
            _file(tmp_path), progress=lambda done, total: seen.append((done, total)) or True
        )
        assert report.written
        assert report.general_cases == 3
        assert services.cases.count() == 3
    # read: 3 officers, 3 cases, 1 simple decision (7 rows); then written in chunks, each
    # told: the 3 cases, then the simple decision (the officers go in apart, unnumbered)
    assert seen == [(10, 11), (11, 11)]


def test_a_stop_while_writing_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    with build_services(path, FixedClock(NOW)) as services:
        services.cases.count()
    before = database_digest(path)
    asked: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> bool:
        asked.append((done, total))
        return False

    with build_services(path, FixedClock(NOW)) as services:
        report = services.ledger.import_file(_file(tmp_path), progress=stop)
        assert report.cancelled
        assert not report.written
        assert report.general_cases == 0
        assert services.cases.count() == 0
        assert services.statistics.annual(2024).general.filed == 0
    assert asked == [(10, 11)]  # asked once: after the chunk of cases, the decision to go
    assert database_digest(path) == before
