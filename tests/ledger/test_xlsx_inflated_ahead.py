"""The sheet part inflated a few chunks ahead by a helper thread: the same chunks in order, its
errors raised to the reader, and no thread left behind when the reader stops early."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from chuansha_enforce.ledger.xlsx_extent import _inflated_ahead


def _chunks(count: int, fail_at: int | None = None) -> Iterator[bytes]:
    for number in range(count):
        if number == fail_at:
            raise ValueError(f"chunk {number} is damaged")
        yield f"<chunk {number}>".encode()


def _inflaters() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "xlsx-inflate"]


def test_every_chunk_arrives_in_order() -> None:
    assert list(_inflated_ahead(_chunks(50))) == [f"<chunk {n}>".encode() for n in range(50)]
    assert _inflaters() == []


def test_an_error_of_the_part_reaches_the_reader_after_the_chunks_before_it() -> None:
    read: list[bytes] = []
    with pytest.raises(ValueError, match="chunk 7 is damaged"):
        read.extend(_inflated_ahead(_chunks(20, fail_at=7)))
    assert read == [f"<chunk {n}>".encode() for n in range(7)]
    assert _inflaters() == []


def test_a_reader_that_stops_early_leaves_no_thread() -> None:
    ahead = _inflated_ahead(_chunks(10_000))
    assert next(ahead) == b"<chunk 0>"
    ahead.close()
    assert _inflaters() == []
