"""Bad input an exploratory clerk typed, through the installed command in its own process:
exit 1, a Chinese message naming the field (by its label, never its program name), no
traceback, the database exactly as it was.

Each test runs ``chuansha-enforce`` on a fresh copy of the session's demo book (or a fresh
file); the command reads the real clock, so every date here is far in the past or future.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.test_bad_input_cli import _a_case, book, refused
from tests.integration.test_cli_processes import _run

__all__ = ["book"]  # (the fixture, imported for the tests here)


def test_a_reminder_statement_of_no_known_kind_is_refused_naming_it_in_chinese(
    book: Path,
) -> None:
    args = ["case", "remind-statement", _a_case(book), "--on", "2024-01-02", "--kind", "陈述"]
    refused(book, args, "催告后陈述申辩", "不是可选的值")


def test_a_setting_text_too_long_is_refused_naming_the_setting_by_its_label(
    book: Path,
) -> None:
    args = ["settings", "set", "court", "院" * 201]
    refused(book, args, "行政诉讼管辖法院（文书救济途径）", "最多 200 个字")
