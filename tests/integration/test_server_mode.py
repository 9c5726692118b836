"""The server mode's first slice on both backends: one parametrised ``backend`` fixture gives a
fresh SQLite file or a fresh PostgreSQL database (on the throwaway cluster ``make test``
starts: ``CHUANSHA_TEST_PG``), and the same commands run through the same services on each.

The PostgreSQL cases are skipped only when ``CHUANSHA_TEST_PG`` is unset (``make test`` and
``.ci/run`` always set it).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import openpyxl
import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW
from tests.server_backend import Squad

EXE = Path(sys.executable).with_name("chuansha-enforce")
NO = "川执立〔2026〕000001号"
FILE = ["case", "file", "--filed", "2026-03-02", "--party", "张三", "--party-type", "自然人",
        "--cause", "张三擅自搭建彩钢板房案", "--officers", "李四,王五"]  # fmt: skip
STATS = (
    "2026年：一般案件立案 1 起，结案 0 起（年初未结 0 起，年末未结 1 起），作出处罚决定 0 起，"
    "处罚金额 0.00 元，不予处罚 0 起，年末逾期未决 1 起；简易案件 0 起，处罚金额 0.00 元；"
    "执法证 2 张（注销 0，新办 0）；法制审核 0 起；案卷评查 0 件；收缴罚没款 0.00 元，"
    "年末未缴 0.00 元。"
)


SEARCHES = ("上海", "丰收", "fs", "shh", "面馆 超出", "2025-6", "000006", "1234", "违法")
"""Search box queries: party names, pinyin initials, a short case number, ID digits, terms."""


def _officers(db: str | Path) -> None:
    """The roster (no CLI command adds officers; the GUI and the import do, through this)."""
    with build_services(db, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))


def _cli(db: str | Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", str(db), *args], out)
    return code, out.getvalue()


def test_the_first_commands_say_the_same_on_both_backends(
    backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(backend, "init")[0] == 0
    _officers(backend)
    assert _cli(backend, *FILE) == (0, f"{NO}\n")
    code, listed = _cli(backend, "case", "list")
    assert code == 0
    assert listed.splitlines() == [f"{NO}\t2026-03-02\t张三\t张三擅自搭建彩钢板房案\t—\t已立案"]
    code, shown = _cli(backend, "case", "show", NO)
    assert code == 0
    assert shown.splitlines()[0] == f"{NO}  已立案  张三  张三擅自搭建彩钢板房案"
    assert _cli(backend, "stats", "--year", "2026") == (0, STATS + "\n")
    code, verified = _cli(backend, "verify")
    assert code == 0
    assert verified.startswith("全部通过：数据库完整，审计日志 3 条链接无误")


def test_the_environment_variable_names_a_server_too(
    backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("CHUANSHA_ENFORCE_DB", str(backend))
    out = io.StringIO()
    assert main(["init"], out) == 0
    _officers(backend)
    out = io.StringIO()
    assert main(FILE, out) == 0
    assert out.getvalue() == f"{NO}\n"


@pytest.mark.pg
def test_an_unreachable_server_is_a_sentence_not_a_traceback(
    server_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = server_db.rsplit("/", 1)[0] + "/no_such_database"
    assert _cli(wrong, "case", "list")[0] == 1
    err = capsys.readouterr().err
    assert "无法连接数据库服务器" in err
    assert "no_such_database" in err
    assert "Traceback" not in err


@pytest.mark.pg
def test_the_app_role_may_not_change_or_delete_audit_records(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "init")[0] == 0
    clerk = f"clerk_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_db, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {clerk} LOGIN IN ROLE chuansha_enforce_app")
    try:
        base, _slash, name = server_db.rpartition("/")
        as_clerk = base.replace("://postgres@", f"://{clerk}@") + "/" + name
        _officers(as_clerk)  # the app role writes the case book …
        assert _cli(as_clerk, *FILE) == (0, f"{NO}\n")
        with psycopg.connect(as_clerk, autocommit=True) as conn:
            records = conn.execute("SELECT count(*) FROM audit_log").fetchone()
            assert records is not None
            assert records[0] >= 3
            for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            after = conn.execute("SELECT count(*) FROM audit_log").fetchone()
            assert after == records
    finally:
        with psycopg.connect(server_db, autocommit=True) as owner:
            owner.execute(f"DROP OWNED BY {clerk}")
            owner.execute(f"DROP ROLE {clerk}")


def _run(db: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "LANG": "C.UTF-8",
    }
    result = subprocess.run(
        [str(EXE), "--db", db, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.pg
def test_the_installed_command_works_a_server_case_book(server_db: str, tmp_path: Path) -> None:
    """Each command of the slice as a user runs it, in its own process, on the real server."""
    made = _run(server_db, tmp_path, "init")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"{server_db}：已升级 0001_initial、")
    assert "0026_year_summary" in made.stdout
    again = _run(server_db, tmp_path, "init")
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"{server_db}：无需升级\n"
    _officers(server_db)
    filed = _run(server_db, tmp_path, *FILE)
    assert filed.returncode == 0, filed.stderr
    number = filed.stdout.strip()
    assert number.startswith("川执立〔")
    assert number.endswith("〕000001号")
    year = number.split("〔")[1].split("〕")[0]
    listed = _run(server_db, tmp_path, "case", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith(f"{number}\t2026-03-02\t张三\t")
    shown = _run(server_db, tmp_path, "case", "show", number)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"{number}  已立案  张三")
    stats = _run(server_db, tmp_path, "stats", "--year", "2026")
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.startswith("2026年：一般案件立案 1 起")
    verified = _run(server_db, tmp_path, "verify")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("全部通过")
    assert year.isdigit()


@pytest.mark.pg
def test_clerks_filing_at_once_get_unique_gap_free_numbers_and_one_chain(
    server_db: str, tmp_path: Path
) -> None:
    """4 processes × 15 filings on one server case book: every acknowledged filing is there,
    the numbers are 1…60 without a gap or a duplicate, and the audit chain does not fork."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    assert _cli(server_db, "init")[0] == 0
    _officers(server_db)
    child = Path(__file__).with_name("server_filer_child.py")
    clerks = [
        subprocess.Popen(
            [sys.executable, str(child), server_db, "15", tag],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in "ABCD"
    ]
    acked: list[str] = []
    for clerk in clerks:
        out, err = clerk.communicate(timeout=300)
        assert clerk.returncode == 0, err
        acked += [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("ACK ")]
    assert len(acked) == 60
    assert sorted(acked) == [f"川执立〔2026〕{n:06d}号" for n in range(1, 61)]
    with psycopg.connect(server_db) as conn:
        stored = [r[0] for r in conn.execute("SELECT case_no FROM general_cases ORDER BY case_no")]
        assert stored == sorted(acked)
        forks = conn.execute(
            "SELECT count(*) FROM audit_log a JOIN audit_log b"
            " ON a.prev_hash = b.prev_hash AND a.id < b.id"
        ).fetchone()
        assert forks == (0,)
    code, verified = _cli(server_db, "verify")
    assert code == 0
    assert verified.startswith("全部通过")


def test_a_background_job_opens_the_same_case_book(
    backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``for_worker`` (the GUI's background jobs) reopens the server, not a local file."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _officers(backend)
    assert _cli(backend, *FILE)[0] == 0
    with build_services(backend, FixedClock(NOW)) as services:
        assert services.location == str(backend)
        with services.for_worker(read_only=True) as worker:
            assert worker.server_url == services.server_url
            assert worker.audit_head() == services.audit_head()


@pytest.mark.pg
def test_a_demo_book_has_the_same_stats_on_a_server_and_in_a_file(
    server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's bulk load (indexes dropped and rebuilt, the per-year triggers dropped and
    folded back) on both backends: every year's stats are the same text, verify is clean."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    file = str(tmp_path / "demo.db")
    for db in (file, server_db):
        code, said = _cli(db, "demo", "--cases", "40", "--seed", "5")
        assert code == 0
        assert "一般程序案件 40 件" in said
    for year in range(2021, 2027):
        in_file = _cli(file, "stats", "--year", str(year))
        assert in_file[0] == 0
        assert _cli(server_db, "stats", "--year", str(year)) == in_file
    assert _cli(server_db, "case", "list", "--limit", "5") == _cli(
        file, "case", "list", "--limit", "5"
    )
    sheets = []
    for db, name in ((file, "file.xlsx"), (server_db, "server.xlsx")):
        assert _cli(db, "export", "ledger", "--year", "2025", "-o", str(tmp_path / name))[0] == 0
        book = openpyxl.load_workbook(tmp_path / name)
        sheets.append(
            [[[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets]
        )
    assert sheets[0] == sheets[1]
    assert len(sheets[0][0]) > 1
    found = []
    for db in (file, server_db):
        with build_services(db, FixedClock(NOW), read_only=True) as services:
            pages = [services.search.search(q, limit=20) for q in SEARCHES]
            found.append([([r.case_no for r in p.rows], p.next_key) for p in pages])
    assert found[0] == found[1]
    assert sum(len(rows) for rows, _next in found[0]) > 20
    code, verified = _cli(server_db, "verify")
    assert code == 0
    assert verified.startswith("全部通过")


@pytest.mark.pg
def test_a_role_without_grants_gets_a_sentence_and_nothing_is_written(
    server_db: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "init")[0] == 0
    _officers(server_db)
    stranger = f"stranger_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_db, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {stranger} LOGIN")
    try:
        base, _slash, name = server_db.rpartition("/")
        as_stranger = base.replace("://postgres@", f"://{stranger}@") + "/" + name
        capsys.readouterr()
        assert _cli(as_stranger, *FILE) == (1, "")
        err = capsys.readouterr().err
        assert err.startswith(f"数据库服务器 {as_stranger} 出错：")
        assert "permission denied" in err
        assert "Traceback" not in err
        with psycopg.connect(server_db) as conn:
            assert conn.execute("SELECT count(*) FROM general_cases").fetchone() == (0,)
    finally:
        with psycopg.connect(server_db, autocommit=True) as owner:
            owner.execute(f"DROP OWNED BY {stranger}")
            owner.execute(f"DROP ROLE {stranger}")


@pytest.mark.pg
def test_the_window_opens_a_server_case_book(
    server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installed GUI's start-up check (--smoke) on a server demo book: the case list
    pages in its rows from the server."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "demo", "--cases", "30", "--seed", "3")[0] == 0
    gui = Path(sys.executable).with_name("chuansha-enforce-gui")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [str(gui), "--db", server_db, "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["db"] == server_db
    assert report["cases_total"] == 30
    assert report["rows_loaded"] == 30


@pytest.mark.pg
def test_the_readme_recipe_sets_up_a_squad_on_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, squad: Squad
) -> None:
    """README's recipe, step by step: an owner that may create roles and databases (not a
    superuser) owns the database and runs init; a clerk's login role in chuansha_enforce_app
    files a case; the owner backs up with pg_dump and restores (the clerk may not: no scratch
    database to check the dump in)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(squad.owner_url, "init")[0] == 0
    with psycopg.connect(squad.owner_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
    _officers(squad.clerk_url)
    assert _cli(squad.clerk_url, *FILE) == (0, f"{NO}\n")
    assert _cli(squad.clerk_url, "verify")[0] == 0
    assert _cli(squad.clerk_url, "backup", "-o", str(tmp_path / "clerk")) == (1, "")
    assert not (tmp_path / "clerk").exists()
    code, said = _cli(squad.owner_url, "backup", "-o", str(tmp_path / "owner"))
    assert code == 0, said
    dump = next((tmp_path / "owner").glob("*.dump"))
    code, said = _cli(squad.owner_url, "restore", str(dump), "--replace")
    assert code == 0, said
    assert _cli(squad.clerk_url, "case", "list")[1].startswith(f"{NO}\t")
    assert _cli(squad.clerk_url, "verify")[0] == 0


@pytest.mark.pg
def test_verify_on_a_server_names_altered_and_missing_upkeep_of_the_year_sums(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The per-year sums' triggers are compared as the server keeps them (definition and
    function body), the view as the server renders it (test_server_view_verify.py)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "init")[0] == 0
    _officers(server_db)
    assert _cli(server_db, *FILE)[0] == 0
    assert _cli(server_db, "verify")[0] == 0
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute(
            "CREATE OR REPLACE FUNCTION trg_year_summary_case_insert() RETURNS trigger"
            " LANGUAGE plpgsql AS $b$ BEGIN RETURN NULL; END $b$"
        )
        conn.execute("DROP TRIGGER year_summary_payment_insert_after ON payments")
        conn.execute("DROP VIEW year_summary_parts")
    code, verified = _cli(server_db, "verify")
    assert code == 1
    lines = [line for line in verified.splitlines() if "year_summary_" in line]
    assert len(lines) == 2, verified
    missing = next(line for line in lines if "missing" in line or "缺" in line)
    assert "year_summary_parts" in missing
    assert "year_summary_payment_insert_after" in missing
    assert "year_summary_case_insert" not in missing
    altered = next(line for line in lines if line is not missing)
    assert altered.endswith("year_summary_case_insert"), altered
