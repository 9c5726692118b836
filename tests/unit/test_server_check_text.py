"""What the 连接服务器… dialog says after a test connection, in both languages."""

from __future__ import annotations

import pytest

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.presenters.server_check_text import server_check_text
from chuansha_enforce.services.server_connection import ServerCheck

WHERE = "postgresql://clerk1@10.0.0.5:5432/cases"


@pytest.mark.parametrize(
    ("schema", "lang", "said"),
    [
        (None, "zh", "连接成功：PostgreSQL 15.18，该数据库尚无案件库（打开时建立）"),
        ("0031_simple_versions", "zh",
         "连接成功：PostgreSQL 15.18，已有案件库（结构版本 0031_simple_versions）"),
        (None, "en",
         "connected: PostgreSQL 15.18; the database holds no case book yet"
         " (opening it creates one)"),
        ("0031_simple_versions", "en",
         "connected: PostgreSQL 15.18, it holds a case book (schema 0031_simple_versions)"),
    ],
)  # fmt: skip
def test_the_check_says_the_server_and_whether_a_case_book_is_there(
    schema: str | None, lang: Lang, said: str
) -> None:
    check = ServerCheck(WHERE, "PostgreSQL 15.18", schema)
    assert server_check_text(check, lang) == said
