"""The rule that a session outlives no restore of its server book: a table of the generation
a session logged in under against the book's now."""

from __future__ import annotations

import pytest

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.safety.restore_generation import RESTORED_SINCE, check_generation

CASES = [
    # (logged in under, the book's now, refused)
    (None, "16384/", False),  # a file's session: not checked
    (None, "", False),
    ("16384/", "16384/", False),  # never restored, unchanged
    ('16384/"ab"', '16384/"ab"', False),  # the generation it logged in under
    ("16384/", '16384/"ab"', True),  # a restore wrote a generation
    ('16384/"ab"', '16384/"cd"', True),  # another restore
    ('16384/"ab"', '16999/"ab"', True),  # pg_restore made the table anew (the dump's value)
    ("16384/", "", True),  # no case book at all
]


@pytest.mark.parametrize(("session", "book", "refused"), CASES)
def test_a_session_is_refused_exactly_when_the_book_moved_to_another_generation(
    session: str | None, book: str, refused: bool
) -> None:
    if not refused:
        check_generation(session, book)
        return
    with pytest.raises(DomainError) as caught:
        check_generation(session, book)
    assert caught.value.code == RESTORED_SINCE
    assert caught.value.field is None


def test_the_refusal_says_in_chinese_and_in_english_what_to_do() -> None:
    assert render(RESTORED_SINCE, {}, "zh") == (
        "服务器上的案件库在本机登录之后已被恢复为一份备份（可能由另一台电脑恢复），"
        "本次登录已失效，此操作未执行。请重新登录"
    )
    assert render(RESTORED_SINCE, {}, "en").endswith("Please log in again")
