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


def _a_pending_dispute(db: Path) -> str:
    """A reconsideration registered now (on the copy): pending, no reply yet."""
    added = _run(
        db,
        *("dispute", "add", "--kind", "行政复议", "--no", "浦府复〔2024〕99号"),
        *("--applicant", "张三", "--body", "上海市浦东新区人民政府", "--received", "2024-03-04"),
        "--json",
    )
    assert added.returncode == 0, added.stderr
    return str(json.loads(added.stdout)["id"])


def test_a_dispute_update_with_nothing_new_is_refused_and_logs_nothing(book: Path) -> None:
    dispute = _a_pending_dispute(book)
    said = refused(book, ["dispute", "update", dispute], "复议诉讼登记号", "没有新的登记内容")
    assert "浦府复〔2024〕99号" in said
    assert _run(book, "dispute", "update", dispute, "--replied", "2024-03-06").returncode == 0
    refused(
        book,
        ["dispute", "update", dispute, "--replied", "2024-03-06"],
        "复议诉讼登记号",
        "没有新的登记内容",
    )
