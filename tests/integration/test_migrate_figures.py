"""What ``migrate-to`` compares before it commits: two real case books' figures (each year's
``stats``, the chain, the signatures, ``verify``) — equal for the same book, every difference
named for different ones (then the copy is rolled back)."""

from __future__ import annotations

import io
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import book_figures
from chuansha_enforce.services.migrate_service import BookFigures, _differences
from chuansha_enforce.storage.connection import open_database
from tests.cli_clock import main
from tests.conftest import NOW

YEARS = range(2021, 2027)


def _figures(path: Path) -> BookFigures:
    db = open_database(path, read_only=True)
    try:
        return book_figures(db, YEARS, clock=FixedClock(NOW))
    finally:
        db.close()


def test_the_same_book_has_no_differences_and_another_names_each(tmp_path: Path) -> None:
    books = []
    for name, seed, cases in (("a.db", "5", "40"), ("b.db", "5", "40"), ("c.db", "6", "41")):
        path = tmp_path / name
        demo = ["--db", str(path), "demo", "--cases", cases, "--seed", seed]
        assert main(demo, io.StringIO()) == 0
        books.append(_figures(path))
    assert [book.verified.ok for book in books] == [True, True, True]
    assert _differences(books[0], books[1]) == []
    heads = [book.verified.chain_head[:12] for book in (books[0], books[2])]
    assert _differences(books[0], books[2]) == [
        *(f"{year}年统计" for year in YEARS),
        f"操作日志链头 {heads[0]}/{heads[1]}",
    ]
