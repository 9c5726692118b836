"""Short case numbers (issue 21 §2): the search box finds 川执立 and a number's tail; every
place a case number is typed (CLI ``case show``, ``review submit`` …) takes a short form that
matches one case and lists the candidates of one that matches several (exit 1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import Services
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.integration.test_cli_processes import _run


@pytest.fixture
def demo_services(demo_book_services: Services) -> Services:
    """On the shared demo, on a file and on a server database (the tests only read)."""
    return demo_book_services


def _all(services: Services, query: str) -> list[str]:
    return [row.case_no for row in services.search.search(query, limit=1000).rows]


def test_the_head_of_a_case_number_finds_its_cases(demo_services: Services) -> None:
    every = [row.case_no for row in demo_services.cases.list_page(limit=1000).rows]
    assert len(every) == 600
    assert _all(demo_services, "川执立") == every  # every demo number is 川执立〔year〕…
    year_2024 = _all(demo_services, "川执立〔2024〕")
    assert year_2024 == [no for no in every if no.startswith("川执立〔2024〕")]
    assert year_2024
    assert _all(demo_services, "川执罚〔1999〕") == []


def test_a_number_tail_finds_the_case(demo_services: Services) -> None:
    assert "川执立〔2024〕000002号" in _all(demo_services, "000002")
    # the case number 2024-2, and the case whose decision number is 罚〔2024〕2
    assert _all(demo_services, "2024-2") == ["川执立〔2024〕000002号", "川执立〔2023〕000172号"]
    assert _all(demo_services, "立〔2024〕2号") == ["川执立〔2024〕000002号"]


def test_a_short_form_resolves_to_its_one_case(demo_services: Services) -> None:
    resolve = demo_services.search.resolve
    assert resolve("2024-2") == "川执立〔2024〕000002号"  # its own number beats a decision no.
    assert resolve("罚2024-2") == "川执立〔2023〕000172号"  # a decision number
    assert resolve("〔2023〕000017号") == "川执立〔2023〕000017号"
    assert resolve("川执立〔2025〕000200号") == "川执立〔2025〕000200号"
    assert resolve("张三") == "张三"  # a name is never taken for a case number
    assert resolve("1999-5") == "1999-5"  # no match: the caller's own "no such case"
    with pytest.raises(DomainError) as refused:
        resolve("000002")
    assert refused.value.code == "lookup.ambiguous"
    assert "川执立〔2024〕000002号" in str(refused.value.params["numbers"])
    assert "川执立〔2023〕000002号" in str(refused.value.params["numbers"])


def test_case_show_takes_a_short_form_in_process(
    demo_book_copy: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_book_copy
    out = io.StringIO()
    assert main(["--db", str(db), "case", "show", "2024-2"], out) == 0
    assert out.getvalue().startswith("川执立〔2024〕000002号")
    before = database_digest(db)
    assert main(["--db", str(db), "case", "show", "000002"], io.StringIO()) == 1
    err = capsys.readouterr().err
    assert "“000002”对应" in err
    assert "川执立〔2023〕000002号" in err
    assert main(["--db", str(db), "case", "delete", "000002", "--reason", "录错"]) == 1
    assert database_digest(db) == before


def test_the_installed_command_takes_short_forms(backend: Path | str) -> None:
    db = backend
    assert _run(db, "demo", "--cases", "40", "--seed", "5").returncode == 0
    listed = _run(db, "case", "list", "--limit", "0").stdout.splitlines()
    numbers = [line.split("\t")[0] for line in listed]
    first = sorted(numbers)[0]  # e.g. 川执立〔2023〕000001号
    year, seq = first[4:8], int(first[-7:-1])
    shown = _run(db, "case", "show", f"{year}-{seq}")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(first)
    before = database_digest(db)
    named = _run(db, "review", "submit", "川执立", "-m", "照片")  # no digit: not a short form
    assert named.returncode == 1
    assert "找不到案件" in named.stderr, named.stderr
    several = _run(db, "review", "submit", str(seq), "-m", "照片")
    assert sum(1 for no in numbers if int(no[-7:-1]) == seq) > 1  # each year has its 1
    assert several.returncode == 1
    assert "请写出完整的案件编号" in several.stderr
    assert first in several.stderr
    assert database_digest(db) == before


@pytest.mark.parametrize(
    ("limit", "listed", "more"),
    [(4, 4, True), (5, 5, False), (6, 5, False)],  # "000002" matches five demo cases
)
def test_candidates_listed_up_to_the_limit(
    demo_services: Services, limit: int, listed: int, more: bool
) -> None:
    found, has_more = demo_services.search.candidates("000002", limit)
    assert (len(found), has_more) == (listed, more)


def test_more_than_ten_candidates_are_counted_with_a_plus(demo_services: Services) -> None:
    with pytest.raises(DomainError) as five:
        demo_services.search.resolve("000002")  # 2023/2024/2025-2 and two decision numbers
    assert five.value.params["count"] == "5"
    with pytest.raises(DomainError) as many:
        demo_services.search.resolve("川执立〔2024〕")  # a year's 200 cases: the first ten
    assert many.value.params["count"] == "10+"
    assert str(many.value.params["numbers"]).count("川执立〔2024〕") == 10
