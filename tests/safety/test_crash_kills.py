"""Fault injection: a writing process is SIGKILLed 200 times at random moments (seeded)."""

from __future__ import annotations

from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.safety.kill_harness import run_kills
from tests.safety.writer_child import NOW

KILLS = 200


def test_no_acknowledged_write_is_lost_when_the_writer_is_killed(tmp_path: Path) -> None:
    report = run_kills(tmp_path, rounds=KILLS, seed=2024, max_delay=0.2)
    assert report.problems == []
    assert report.killed == KILLS
    # The kills landed everywhere: many writes went through, and some imports were cut short.
    assert report.acknowledged > KILLS
    assert report.imports_acknowledged > 10
    assert report.imports_cut > 0
    # The program itself opens the survivor: start-up check, lock, migrations.
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        assert not services.read_only
        assert services.verify_audit() is None
