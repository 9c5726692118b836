"""``migrate-to``: a case-book file copied onto an empty PostgreSQL database (the throwaway
cluster ``make test`` starts: ``CHUANSHA_TEST_PG``), in one transaction, checked on both sides.
"""

from __future__ import annotations

import io
import re
import sqlite3
import sys
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.storage.server.pg_search import has_trigram_search
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.integration.test_server_mode import _run
from tests.review_setup import CASE_NO, PASSWORDS, prepared
from tests.server_backend import Squad, server_digest

EXE = Path(sys.executable).with_name("chuansha-enforce")
pytestmark = pytest.mark.pg
VALID_OFFICERS = (
    "SELECT o.name FROM officers o JOIN certificates c ON c.officer_id = o.id"
    " WHERE c.status = 'valid' AND c.issued_on <= '2026-03-02'"
    " AND (c.expires_on IS NULL OR c.expires_on >= '2026-03-02') ORDER BY o.id LIMIT 2"
)


def _relations(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema()"
        ).fetchone()
    return int(row[0]) if row else 0


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh demo case book of 2,000 general cases (made once for this module's tests)."""
    folder = tmp_path_factory.mktemp("demo")
    made = _run(str(folder / "demo.db"), folder, "demo", "--cases", "2000", "--seed", "7")
    assert made.returncode == 0, made.stderr
    return folder / "demo.db"


def _copy_of(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cases.db"
    copy.write_bytes(demo_file.read_bytes())
    return copy


def test_the_installed_command_moves_a_demo_book_onto_an_empty_server(
    demo_file: Path, server_db: str, tmp_path: Path
) -> None:
    """Every year's stats, the case list and the ledger export equal; verify clean there."""
    file = str(_copy_of(demo_file, tmp_path))
    moved = _run(file, tmp_path, "migrate-to", server_db)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.startswith(f"已迁移到 {server_db}：61 个表共 ")
    # every year from the first filing (2021) to this year (the installed command's clock)
    years = re.search(r"；(\d+) 个年度的统计、操作日志 3 条（链头 [0-9a-f]{12}）", moved.stdout)
    assert years is not None, moved.stdout  # the demo's, the move's start in the file, its arrival
    assert int(years.group(1)) >= 5
    assert moved.stdout.rstrip().endswith("审核签名 0 个两边一致，服务器上校验通过")
    assert "复制 general_cases：2,000/2,000 行" in moved.stderr
    assert f"核对两边：{years.group(1)} 个年度的统计" in moved.stderr
    for year in range(2021, 2027):
        in_file = _run(file, tmp_path, "stats", "--year", str(year))
        assert in_file.returncode == 0, in_file.stderr
        on_server = _run(server_db, tmp_path, "stats", "--year", str(year))
        assert on_server.stdout == in_file.stdout
    listed = [_run(db, tmp_path, "case", "list", "--limit", "0") for db in (file, server_db)]
    assert listed[0].stdout == listed[1].stdout
    assert listed[0].stdout.count("\n") == 2000
    verified = _run(server_db, tmp_path, "verify")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("全部通过：数据库完整，审计日志 3 条链接无误")
    # the ids go on after the file's: a case filed on the server after the move gets the next
    with psycopg.connect(server_db) as conn:
        row = conn.execute("SELECT max(id) FROM general_cases").fetchone()
        assert row is not None
        nxt = conn.execute("SELECT nextval(pg_get_serial_sequence('general_cases', 'id'))")
        assert nxt.fetchone() == (row[0] + 1,)
        conn.rollback()
    audit = sqlite3.connect(file).execute("SELECT action, outcome, detail FROM audit_log")
    assert [r[:2] for r in audit][-1] == ("database.migrate", "started")


def test_a_moved_book_has_inits_seals_tracking_and_trigram_indexes(
    demo_file: Path, server_db: str, tmp_path: Path
) -> None:
    """After the move the server seals as ``init``'s does: a clerk's next write verifies
    clean, and a row changed with psql afterwards (in a table keyed as in the file, and in
    one keyed by its primary key only on the server) is named by verify."""
    file = str(_copy_of(demo_file, tmp_path))
    assert _run(file, tmp_path, "settings", "set", "due_soon_working_days", "3").returncode == 0
    in_file = sqlite3.connect(file).execute("SELECT key FROM row_seals WHERE tbl = 'settings'")
    assert in_file.fetchall() == [("1",)]  # its rowid
    assert _run(file, tmp_path, "migrate-to", server_db).returncode == 0
    with psycopg.connect(server_db) as conn:
        assert has_trigram_search(conn)
        tracking = conn.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'seal\\_%' AND tgenabled = 'O'"
        ).fetchone()
        # the tables keyed by rowid in a file are sealed again by their primary key
        keys = conn.execute("SELECT key FROM row_seals WHERE tbl = 'settings'").fetchall()
        names = conn.execute("SELECT key FROM settings").fetchall()
        last = conn.execute(
            "SELECT action, outcome, detail FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert tracking is not None
    assert tracking[0] >= 3 * 50  # three a sealed table
    assert keys == names == [("due_soon_working_days",)]
    assert last is not None
    assert last[:2] == ("database.migrate", "ok")
    assert "settings" in last[2]  # the tables resealed
    assert "case_documents" in last[2]
    clerk_writes = _run(server_db, tmp_path, "settings", "set", "due_soon_working_days", "2")
    assert clerk_writes.returncode == 0, clerk_writes.stderr
    verified = _run(server_db, tmp_path, "verify")
    assert verified.returncode == 0, verified.stdout
    assert verified.stdout.startswith("全部通过：数据库完整，审计日志 5 条链接无误")
    with psycopg.connect(server_db) as conn:
        conn.execute("UPDATE general_cases SET cause = cause || '（改）' WHERE id = 5")
        conn.execute("UPDATE settings SET value = '9' WHERE key = 'due_soon_working_days'")
    tampered = _run(server_db, tmp_path, "verify")
    assert tampered.returncode == 1
    assert "general_cases\t0-255\t" in tampered.stdout  # its block, as in a file
    assert "settings\tdue_soon_working_days\t" in tampered.stdout


def test_a_target_that_is_not_empty_is_refused_and_nothing_is_written(
    demo_file: Path, server_db: str, tmp_path: Path
) -> None:
    assert _run(server_db, tmp_path, "init").returncode == 0
    file = _copy_of(demo_file, tmp_path)
    before = (database_digest(file), server_digest(server_db))
    refused = _run(str(file), tmp_path, "migrate-to", server_db)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"数据库：目标数据库 {server_db} 不是空的（已有 111 个表、视图或序列）："
        "迁移只写入新建的空数据库，未写入任何内容\n"
    )
    assert refused.stdout == ""
    assert (database_digest(file), server_digest(server_db)) == before


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("mysql://squad@db/cases", "数据库：迁移目标须是服务器地址（postgresql://用户@服务器/库名），"),
        ("/tmp/other.db", "数据库：迁移目标须是服务器地址"),
        ("postgresql://nobody@127.0.0.1:1/cases", "无法连接数据库服务器 postgresql://nobody@127.0.0.1:1/cases："),
    ],
)  # fmt: skip
def test_a_bad_or_unreachable_target_is_a_sentence(
    target: str, said: str, demo_file: Path, tmp_path: Path
) -> None:
    file = _copy_of(demo_file, tmp_path)
    before = database_digest(file)
    refused = _run(str(file), tmp_path, "migrate-to", target)
    assert refused.returncode == 1
    assert refused.stderr.startswith(said)
    assert "Traceback" not in refused.stderr
    assert database_digest(file) == before


def test_a_missing_database_on_the_server_names_it(
    demo_file: Path, server_db: str, tmp_path: Path
) -> None:
    wrong = server_db.rsplit("/", 1)[0] + "/no_such_database"
    refused = _run(str(_copy_of(demo_file, tmp_path)), tmp_path, "migrate-to", wrong)
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"无法连接数据库服务器 {wrong}：")
    assert "no_such_database" in refused.stderr


@pytest.mark.parametrize(
    ("change", "said"),
    [
        # a row changed outside the program (its seal no longer matches): refused before copying
        ("UPDATE general_cases SET cause = cause || '（改）' WHERE id = 5",
         ("未通过校验（1 处问题，如 general_cases", "不能迁移；请先运行 verify 查明原因")),
        # a table the server does not have: refused after the schema was made in the copy's
        # transaction, and the rollback takes the schema too
        ("CREATE TABLE notes_of_my_own (id INTEGER PRIMARY KEY, text TEXT)",
         ("的表与服务器上建的不一致（notes_of_my_own）", "未写入任何内容")),
    ],
)  # fmt: skip
def test_a_refused_or_failed_copy_leaves_the_server_database_empty(
    change: str, said: tuple[str, str], demo_file: Path, server_db: str, tmp_path: Path
) -> None:
    file = _copy_of(demo_file, tmp_path)
    with sqlite3.connect(file) as raw:
        raw.execute(change)
    refused = _run(str(file), tmp_path, "migrate-to", server_db)
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"数据库：案件库 {file} {said[0]}")
    assert refused.stderr.rstrip().endswith(said[1])
    assert _relations(server_db) == 0


def test_accounts_the_keyed_chain_and_signatures_move_with_the_book(
    server_db: str,
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A signed review: the signature and the keyed chain verify on the server after the move;
    only an administrator moves the book (it copies all personal data)."""
    file = tmp_path / "cases.db"
    prepared(file, clock)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["zhou"])
    sign = ["--db", str(file), "--user", "zhou", "review", "sign", CASE_NO, "--opinion", "同意"]
    assert main(sign, io.StringIO()) == 0
    before = database_digest(file)
    assert main(["--db", str(file), "--user", "zhou", "migrate-to", server_db], io.StringIO()) == 1
    assert "无权" in capsys.readouterr().err
    assert main(["--db", str(file), "migrate-to", server_db], io.StringIO()) == 1
    assert "写入前须登录" in capsys.readouterr().err
    assert database_digest(file) == before
    assert _relations(server_db) == 0
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    out = io.StringIO()
    code = main(["--db", str(file), "--user", "admin", "migrate-to", server_db], out)
    assert code == 0, capsys.readouterr().err
    assert "审核签名 1 个两边一致" in out.getvalue()
    verified = io.StringIO()
    assert main(["--db", server_db, "--user", "admin", "verify"], verified) == 0
    assert "审核签名 1 个验证通过" in verified.getvalue()
    english = io.StringIO()
    assert main(["--db", server_db, "--lang", "en", "--user", "admin", "verify"], english) == 0
    in_file = io.StringIO()
    assert main(["--db", str(file), "--lang", "en", "--user", "admin", "verify"], in_file) == 0
    # the same report, with one record more: the move's arrival, appended on the server
    records = re.search(r"all hold: (\d+) audit", in_file.getvalue())
    assert records is not None, in_file.getvalue()
    n = int(records.group(1))
    arrived = in_file.getvalue().replace(f"all hold: {n} audit", f"all hold: {n + 1} audit")
    assert english.getvalue() == arrived
    with psycopg.connect(server_db) as conn:
        last = conn.execute(
            'SELECT "user", action, outcome, mac IS NOT NULL FROM audit_log'
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert last == ("admin", "database.migrate", "ok", True)  # the keyed chain's MAC too


def test_the_readme_recipe_moves_a_squads_file_onto_the_server(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    squad: Squad,
) -> None:
    """README's recipe with ``migrate-to`` instead of ``init``: an owner that may create roles
    (not a superuser) moves the file; a clerk's login role then files the next case."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    file = str(tmp_path / "cases.db")
    assert main(["--db", file, "demo", "--cases", "30", "--seed", "3"], io.StringIO()) == 0
    out = io.StringIO()
    assert main(["--db", file, "migrate-to", squad.owner_url], out) == 0, capsys.readouterr().err
    assert out.getvalue().startswith(f"已迁移到 {squad.owner_url}：61 个表共 ")
    with psycopg.connect(squad.owner_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
    with sqlite3.connect(file) as raw:  # two officers whose certificates hold then
        officers = ",".join(str(r[0]) for r in raw.execute(VALID_OFFICERS))
    filed = io.StringIO()
    case = ["case", "file", "--filed", "2026-03-02", "--party", "张三", "--party-type",
            "自然人", "--cause", "张三擅自搭建彩钢板房案", "--officers", officers]  # fmt: skip
    assert main(["--db", squad.clerk_url, *case], filed) == 0, capsys.readouterr().err
    lists = []
    for db in (file, squad.clerk_url):
        listed = io.StringIO()
        assert main(["--db", db, "case", "list", "--limit", "0"], listed) == 0
        lists.append(listed.getvalue().splitlines())
    assert len(lists[0]) == 30
    assert [row for row in lists[1] if not row.startswith(filed.getvalue().strip())] == lists[0]
    verified = io.StringIO()
    assert main(["--db", squad.clerk_url, "verify"], verified) == 0, verified.getvalue()
