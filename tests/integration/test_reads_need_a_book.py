"""A command that only reads never makes a case book: given a missing or empty (0-byte)
--db file, the installed command refuses as every reading command does, exit 1, and no
file is made (``settings show`` and ``user list`` once made the file a case book)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_cli_processes import _run  # the installed command, its own process

READING = [["settings", "show"], ["settings", "show", "--json"], ["user", "list"]]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_read_of_a_missing_book_is_refused_and_makes_no_file(
    tmp_path: Path, command: list[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    missing = home / "missing.db"
    result = _run(missing, *command)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr == (
        f"数据库：数据库文件 {missing} 不存在。请先运行 init 或 demo，或用 --db 指定文件\n"
    )
    assert result.stdout == ""
    assert not [p for p in home.rglob("*") if p.name.startswith("missing.db")]
    # the same words as a command that always needed a book
    assert _run(missing, "case", "list").stderr == result.stderr


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_read_of_an_empty_file_is_refused_and_leaves_it_empty(
    tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = _run(empty, *command)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith(f"数据库：数据库文件 {empty} 是空文件（0 字节）")
    assert result.stderr == _run(empty, "case", "list").stderr
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_settings_set_still_makes_a_new_book(tmp_path: Path) -> None:
    """Writing is unchanged: ``settings set`` on a new file makes the case book it writes to."""
    book = tmp_path / "new.db"
    result = _run(book, "settings", "set", "free_case_numbers", "true")
    assert result.returncode == 0, result.stderr
    shown = _run(book, "settings", "show")
    assert shown.returncode == 0, shown.stderr
    assert book.stat().st_size > 0
