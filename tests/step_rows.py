"""A refused case step, then the lawful path: the shape of the rule tables of the CLI tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.conftest import database_digest

Steps = Sequence[Sequence[str]]
Run = Callable[[pytest.CaptureFixture[str], Path, Sequence[str]], tuple[int, str]]


def refuse_then_pass(
    run: Run,
    capsys: pytest.CaptureFixture[str],
    book: Path,
    rows: tuple[Steps, Sequence[str], str, Steps],
) -> str:
    """Set up, see the refused step exit 1 with the file unchanged, then take the lawful
    path; returns the refusal (stderr) for the caller to compare."""
    setup, refused, _message, lawful = rows
    for argv in setup:
        code, text = run(capsys, book, argv)
        assert code == 0, (argv, text)
    before = database_digest(book)
    code, err = run(capsys, book, refused)
    assert code == 1, err
    assert "Traceback" not in err
    assert database_digest(book) == before
    for argv in lawful:
        code, text = run(capsys, book, argv)
        assert code == 0, (argv, text)
    return err
