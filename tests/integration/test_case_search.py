"""Case search on real database files, checked against a brute-force scan of the same file.

Every search is run in both states of the search dictionaries (refreshed, and not refreshed
at all so that every row is read from the unrefreshed tail) and with every strategy forced
(collect, walk, walk by id, and the default thresholds), paging a few rows at a time.

The same checks run on a server database holding the same demo book (``backend``): a server
asks its dictionaries term by term (through ``pg_trgm`` indexes), and must find what a file
finds, page for page.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

from chuansha_enforce.domain.accounts.identity import resident_id_check_char
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.pinyin_initials import search_keys
from chuansha_enforce.domain.records import CasePage, OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.case_search_service import MAX_QUERY, CaseSearchService
from chuansha_enforce.services.container import Services
from chuansha_enforce.storage.cases.case_search_index import (
    rebuild_case_search,
    refresh_case_search,
)
from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository, SearchTuning
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_search import has_trigram_search
from tests.server_backend import is_server, server_database
from tests.tamper import query as read_rows

NEVER = math.inf
TUNINGS = {
    "default": SearchTuning(),
    "collect": SearchTuning(walked=NEVER, walked_by_set=NEVER),
    "walk": SearchTuning(collected=NEVER, listed=NEVER, budget_factor=0, min_budget=37),
    "walk_by_sets": SearchTuning(collected=NEVER, walked=NEVER, budget_factor=0, min_budget=37),
    "behind": SearchTuning(behind_rows=1),  # the "tail" state then walks without estimates
}
PAGE = 7
Search = Callable[..., CasePage]


@dataclass(frozen=True)
class Row:
    id: int
    case_no: str
    decision_no: str | None
    name: str
    cause: str
    id_number: str | None
    filed_on: str


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def _open(path: Path | str, *, read_only: bool = False) -> sqlite_utils.Database:
    return (
        open_server(str(path))
        if is_server(path)
        else open_database(Path(path), read_only=read_only)
    )


def _forget_search(path: Path) -> None:
    """Empty the dictionaries and reset the marks: every row is then in the tail."""
    db = _open(path)
    with write_transaction(db):
        for table in ("search_party_names", "search_causes", "search_id_numbers"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE search_state SET upto = 0")
    db.close()


@pytest.fixture(scope="module")
def search_server_book(server_demo_db: str) -> Iterator[str]:
    """A copy of the session's small demo on the server (this module rewrites its dictionaries)."""
    with server_database(server_demo_db) as url:
        yield url


@pytest.fixture(
    scope="module",
    params=[
        "refreshed",
        "tail",
        pytest.param("server-refreshed", marks=pytest.mark.pg),
        pytest.param("server-tail", marks=pytest.mark.pg),
    ],
)
def search_db(
    request: pytest.FixtureRequest, demo_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("search") / "search.db"
    if request.param.startswith("server"):
        # one server book for both states: the tail state is made after the refreshed one
        path = request.getfixturevalue("search_server_book")
    else:
        _copy(demo_db, path)
    if request.param.endswith("refreshed"):
        db = _open(path)
        with write_transaction(db):
            rebuild_case_search(db)
        db.close()
    else:
        _forget_search(path)
    return path


@pytest.fixture(scope="module")
def rows(search_db: Path) -> list[Row]:
    found = read_rows(
        search_db,
        "SELECT c.id, c.case_no, c.decision_no, p.name, c.cause, p.id_number, c.filed_on"
        " FROM general_cases c JOIN parties p ON p.id = c.party_id WHERE c.deleted_at IS NULL",
    )
    return [Row(*r) for r in found]


@pytest.fixture(params=sorted(TUNINGS))
def search(request: pytest.FixtureRequest, search_db: Path) -> Iterator[Search]:
    db = _open(search_db, read_only=True)
    yield CaseSearchRepository(db, TUNINGS[request.param]).search
    db.close()


def _newest_first(rows: list[Row], keep: Callable[[Row], bool]) -> list[int]:
    return [r.id for r in sorted(rows, key=lambda r: (r.filed_on, r.id), reverse=True) if keep(r)]


def _all_pages(search: Search, query: str, year: int | None = None) -> list[int]:
    """Every id the search returns, following ``next_key`` page by page."""
    ids: list[int] = []
    after: tuple[str, int] | None = None
    while True:
        page = search(query, after=after, limit=PAGE, year=year)
        ids += [row.id for row in page.rows]
        assert len(page.rows) <= PAGE
        if page.next_key is None:
            return ids
        assert len(page.rows) == PAGE
        after = page.next_key


def _sample(values: list[str], count: int, seed: int) -> list[str]:
    unique = sorted(set(values))
    return random.Random(seed).sample(unique, min(count, len(unique)))


def _substrings(texts: list[str], length: int) -> list[str]:
    return [t[i : i + length] for t in texts for i in range(len(t) - length + 1)]


def test_one_and_two_chinese_characters_match_the_party_name(
    search: Search, rows: list[Row]
) -> None:
    names = [r.name for r in rows]
    queries = _sample(_substrings(names, 1), 12, 1) + _sample(_substrings(names, 2), 12, 2)
    queries += ["张", "公司", "川沙", "龘"]
    for query in queries:
        expected = _newest_first(rows, lambda r, q=query: q in r.name)
        assert _all_pages(search, query) == expected, query


def test_three_or_more_chinese_characters_match_name_or_cause(
    search: Search, rows: list[Row]
) -> None:
    names, causes = [r.name for r in rows], [r.cause for r in rows]
    queries = _sample(_substrings(names, 3), 10, 3) + _sample(_substrings(causes, 3), 10, 4)
    queries += [*_sample(_substrings(causes, 5), 5, 5), "占用道路", "有限公司", "不存在的名字"]
    for query in queries:
        expected = _newest_first(rows, lambda r, q=query: q in r.name or q in r.cause)
        assert _all_pages(search, query) == expected, query


def _pinyin_match(name: str, letters: str) -> bool:
    return any(key.startswith(letters) for key in search_keys(name).split())


def test_latin_letters_match_the_start_of_a_pinyin_key(search: Search, rows: list[Row]) -> None:
    keys = [key for r in rows for key in search_keys(r.name).split()]
    queries = _sample([k[:n] for k in keys for n in (1, 2, 3, 4)], 20, 6)
    queries += ["zsf", "ZH", "zhang", "qqqq"]
    for query in queries:
        letters = query.lower()
        expected = _newest_first(rows, lambda r, q=letters: _pinyin_match(r.name, q))
        assert _all_pages(search, query) == expected, query


def test_digits_match_the_end_of_an_id_number(search: Search, rows: list[Row]) -> None:
    numbers = [r.id_number for r in rows if r.id_number]
    queries = _sample([n[-k:] for n in numbers for k in (5, 6, 8, 18)], 16, 7)
    queries += [n[-4:].lower() for n in numbers if n.endswith("X")][:2]
    for query in queries:
        suffix = query.upper()

        def keep(r: Row, s: str = suffix) -> bool:
            return (r.id_number or "").upper().endswith(s) or _sequence(r) == int(s)

        if suffix.isdigit() and len(suffix) <= 12:
            expected = _newest_first(rows, keep)
        else:
            expected = _newest_first(rows, lambda r, s=suffix: (r.id_number or "").endswith(s))
        assert _all_pages(search, query) == expected, query


def _sequence(row: Row, *, decision: bool = False) -> int | None:
    number = row.decision_no if decision else row.case_no
    if not number:
        return None
    body = number.rstrip("号")
    digits = len(body) - len(body.rstrip("0123456789"))
    return int(body[-digits:]) if digits else None


def test_a_sequence_number_finds_case_and_decision_numbers(search: Search, rows: list[Row]) -> None:
    for seq in (1, 7, 123, 200):

        def keep(r: Row, s: int = seq) -> bool:
            return s in (_sequence(r), _sequence(r, decision=True))

        assert _all_pages(search, str(seq)) == _newest_first(rows, keep)
    some = next(r for r in rows if r.decision_no)
    year, seq = some.case_no[4:8], _sequence(some)
    assert _all_pages(search, some.case_no) == [some.id]
    found = _all_pages(search, f"〔{year}〕{seq}号")
    assert some.id in found
    for case_id in found:
        row = next(r for r in rows if r.id == case_id)
        assert (year in row.case_no and _sequence(row) == seq) or (
            year in (row.decision_no or "") and _sequence(row, decision=True) == seq
        )
    decision_year = some.decision_no[6:10] if some.decision_no else ""
    found = _all_pages(search, f"罚{decision_year}-{_sequence(some, decision=True)}")
    assert found == [some.id]


def test_terms_are_combined(search: Search, rows: list[Row]) -> None:
    person = next(r for r in rows if len(r.name) == 3 and r.id_number)
    tail = (person.id_number or "")[-4:]
    query = f"{person.name[0]} {tail}"

    def keep(r: Row) -> bool:
        return person.name[0] in r.name and (r.id_number or "").endswith(tail)

    assert _all_pages(search, query) == _newest_first(rows, keep)
    assert _all_pages(search, "张 不存在的名字") == []


def test_a_year_filter_pages_within_the_year(search: Search, rows: list[Row]) -> None:
    expected = _newest_first(rows, lambda r: "王" in r.name and r.filed_on.startswith("2024"))
    assert expected
    assert _all_pages(search, "王", year=2024) == expected


# -- writes after the migration ---------------------------------------------------------------

OFFICERS = (
    OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)),
    OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)),
)


def _resident_id(birth: str, seq: int) -> str:
    first17 = f"310115{birth}{seq:03d}"
    return first17 + resident_id_check_char(first17)


PEOPLE = {
    "曾小贤": _resident_id("19800101", 11),
    "单田芳": _resident_id("19750505", 23),
    "区美玲": _resident_id("19900909", 84),
    "查良镛": _resident_id("19600303", 35),
}


def _file(services: Services, number: int, name: str, id_number: str | None) -> None:
    kind = PartyType.NATURAL_PERSON if id_number else PartyType.LEGAL_PERSON
    services.case_files.file_case(
        NewCase(
            case_no=f"川执立〔2026〕{number:06d}号",
            party=PartyRecord(kind, name, id_number),
            cause=f"{name}占用道路设摊经营案",
            filed_on=dt.date(2026, 3, number),
            officer_certificates=("31150001", "31150002"),
        )
    )


@pytest.fixture
def filed(services: Services) -> Services:
    for officer in OFFICERS:
        services.officers.register(officer)
    for number, (name, id_number) in enumerate(PEOPLE.items(), start=1):
        _file(services, number, name, id_number)
    return services


def _search(services: Services) -> CaseSearchService:
    return CaseSearchService(services.cases, CaseSearchRepository(services._db))


def _names(page: CasePage) -> list[str]:
    return [row.party_name for row in page.rows]


def _check_people(search: CaseSearchService) -> None:
    assert _names(search.search("zxx")) == ["曾小贤"]
    assert _names(search.search("cxx")) == ["曾小贤"]  # 曾 read as in 曾经 also finds it
    assert _names(search.search("stf")) == ["单田芳"]
    assert _names(search.search("oml")) == ["区美玲"]
    assert _names(search.search("zly")) == ["查良镛"]
    assert _names(search.search("zengxiao")) == ["曾小贤"]
    assert _names(search.search("曾")) == ["曾小贤"]
    assert _names(search.search("田芳")) == ["单田芳"]
    assert _names(search.search("区美玲")) == ["区美玲"]
    assert _names(search.search("设摊经营")) == ["查良镛", "区美玲", "单田芳", "曾小贤"]
    assert _names(search.search(PEOPLE["单田芳"][-6:])) == ["单田芳"]
    assert _names(search.search("3")) == ["区美玲"]  # 川执立〔2026〕000003号
    assert _names(search.search("〔2026〕000004号")) == ["查良镛"]


def test_cases_filed_after_the_migration_are_found_before_and_after_a_refresh(
    filed: Services,
) -> None:
    search = _search(filed)
    _check_people(search)
    db = filed._db
    with write_transaction(db):
        refresh_case_search(db)
    assert db.execute("SELECT count(*) FROM search_party_names").fetchone()[0] == 4
    _check_people(search)
    _file(filed, 5, "上海宝冠房地产开发有限公司", None)  # in the tail again
    assert _names(search.search("bgfdc")) == ["上海宝冠房地产开发有限公司"]
    assert _names(search.search("宝冠")) == ["上海宝冠房地产开发有限公司"]


def test_a_renamed_party_is_found_by_its_new_name(filed: Services) -> None:
    db = filed._db
    with write_transaction(db):
        refresh_case_search(db)
        db.execute("UPDATE parties SET name = '仇建国' WHERE name = '曾小贤'")
    search = _search(filed)
    assert _names(search.search("仇建")) == ["仇建国"]
    assert _names(search.search("qjg")) == ["仇建国"]  # keyed on the fly until a refresh
    assert _names(search.search("小贤")) == []  # the old name (two characters: names only)
    assert _names(search.search("曾小贤")) == ["仇建国"]  # the cause still says 曾小贤
    with write_transaction(db):
        refresh_case_search(db)
    pending = db.execute("SELECT count(*) FROM search_party_names WHERE pinyin = ''")
    assert pending.fetchone()[0] == 0
    assert _names(search.search("qjg")) == ["仇建国"]


def test_refresh_and_rebuild_agree(demo_db: Path, tmp_path: Path) -> None:
    copies = []
    for how in (refresh_case_search, rebuild_case_search):
        path = tmp_path / f"{how.__name__}.db"
        _copy(demo_db, path)
        _forget_search(path)
        db = open_database(path)
        with write_transaction(db):
            how(db)
        copies.append(
            [
                db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("search_party_names", "search_causes", "search_id_numbers")
            ]
        )
        db.close()
    assert copies[0] == copies[1]
    assert all(copies[0])


@pytest.fixture
def db_path(backend: Path) -> Path:
    """The tests that file cases through the services run on a file and on a server."""
    return backend


def test_the_server_searches_through_trigram_indexes(search_server_book: str) -> None:
    """init made pg_trgm's indexes (the test cluster has contrib); the name lookup uses one."""
    db = open_server(search_server_book)
    try:
        assert has_trigram_search(db.pg.raw)
        db.pg.raw.execute("SET enable_seqscan = off")  # a 600-case book is read whole otherwise
        plan = db.pg.raw.execute(
            "EXPLAIN SELECT name, uses FROM search_party_names WHERE name ILIKE '%建国强%'"
        ).fetchall()
    finally:
        db.close()
    assert "search_party_names_trgm" in "\n".join(str(r[0]) for r in plan)


def test_refresh_needs_a_transaction(services: Services) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        refresh_case_search(services._db)


# -- the service ------------------------------------------------------------------------------


def test_a_blank_query_is_the_plain_list(demo_services: Services) -> None:
    search = _search(demo_services)
    for blank in ("", "   ", "\u3000"):
        assert search.search(blank, limit=9) == demo_services.cases.list_page(limit=9)
    assert search.search(" ", year=2024) == demo_services.cases.list_page(year=2024)


def test_queries_are_normalised(demo_services: Services) -> None:
    search = _search(demo_services)
    assert search.search("ＷＡＮＧ") == search.search("wang")  # full-width, any case
    assert search.search("  王  ") == search.search("王")
    assert search.search("（") == search.search("(")


def test_an_over_long_query_is_refused(demo_services: Services) -> None:
    search = _search(demo_services)
    assert search.search("王" * MAX_QUERY).rows == ()
    with pytest.raises(DomainError) as caught:
        search.search("王" * (MAX_QUERY + 1))
    assert (caught.value.code, caught.value.field) == ("search.too_long", "query")
    assert caught.value.params == {"max": MAX_QUERY}


def test_page_size_and_year_are_checked(demo_services: Services) -> None:
    search = _search(demo_services)
    with pytest.raises(DomainError, match=r"list\.limit"):
        search.search("王", limit=0)
    with pytest.raises(DomainError, match=r"list\.year"):
        search.search("王", year=12)


def test_the_page_rows_are_list_rows(demo_services: Services) -> None:
    search = _search(demo_services)
    listed = {row.id: row for row in demo_services.cases.list_page(limit=1000).rows}
    page = search.search("有限公司", limit=50)
    assert page.rows
    assert all(listed[row.id] == row for row in page.rows)


def test_search_works_on_a_read_only_database(demo_db: Path) -> None:
    db = open_database(demo_db, read_only=True)
    page = CaseSearchRepository(db).search("zh", after=None, limit=5)
    assert len(page.rows) == 5
    db.close()


def test_nfkc_normalisation_matches_the_service(demo_services: Services) -> None:
    text = "ＡＢＣ１２３"
    assert unicodedata.normalize("NFKC", text) == "ABC123"
    search = _search(demo_services)
    assert search.search(text) == search.search("abc123")


def test_searching_reads_only(demo_db: Path, tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "copy.db"
    _copy(demo_db, path)
    db = open_database(path)
    before = db.execute("SELECT count(*) FROM search_party_names").fetchone()[0]
    for query in ("王", "wang", "1234", "占用道路", "2024〕12"):
        CaseSearchRepository(db).search(query, after=None, limit=20)
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM search_party_names").fetchone()[0] == before
    db.close()
