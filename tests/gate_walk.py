"""A case walked to a refused step, then along the lawful path: the gates' command-line tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest

Steps = Sequence[Sequence[str]]
Run = Callable[[Path, Sequence[str]], tuple[int, str]]
"""Runs one command line on a database: (exit status, what it printed)."""


def book_with(path: Path, officers: Sequence[OfficerRecord]) -> Path:
    """A fresh case book at ``path`` with ``officers`` in its registry."""
    with build_services(path, FixedClock(NOW)) as services:
        for officer in officers:
            services.officers.register(officer)
    return path


def walk(
    run: Run, db: Path, setup: Steps, refused: Sequence[str], *, message: str, lawful: Steps
) -> str:
    """Set up, see ``refused`` exit 1 saying ``message`` with the file byte for byte as it
    was, then take the lawful path to exit 0 at every step; returns the refusal printed."""
    for argv in setup:
        code, text = run(db, argv)
        assert code == 0, (argv, text)
    before = database_digest(db)
    code, err = run(db, refused)
    assert code == 1, err
    assert message in err
    assert "Traceback" not in err
    assert database_digest(db) == before
    for argv in lawful:
        code, text = run(db, argv)
        assert code == 0, (argv, text)
    return err
