"""The command line on real database files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.cli.main import _parser
from chuansha_enforce.cli.main import writes as command_writes
from tests.cli_clock import main
from tests.server_backend import connect, query

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def db_path(backend: Path | str) -> Path | str:
    """The tests of a fresh book run on a file and on a server database."""
    return backend


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_creates_then_reports_up_to_date(
    capsys: pytest.CaptureFixture[str], db_path: Path | str
):
    code, out, _ = run(capsys, "--db", str(db_path), "init")
    assert code == 0
    assert "0001_initial" in out
    code, out, _ = run(capsys, "--db", str(db_path), "init")
    assert code == 0
    assert "无需升级" in out


def test_demo_then_case_list_json(capsys: pytest.CaptureFixture[str], db_path: Path | str) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "demo", "--cases", "300", "--seed", "5")
    assert code == 0
    assert "一般程序案件 300 件" in out
    code, out, _ = run(capsys, "--db", str(db_path), "case", "list", "--json", "--limit", "0")
    assert code == 0
    cases = json.loads(out)
    assert len(cases) == 300
    assert all(HAN.search(c["party"]) for c in cases)
    filed = [(c["filed_on"], c["id"]) for c in cases]
    assert filed == sorted(filed, reverse=True)
    people = [c for c in cases if c["party_kind"] == "自然人"]
    assert people
    assert all("*" in c["id_number"] for c in people if c["id_number"])


def test_case_list_year_filter_and_limit(demo_book: Path | str, capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(capsys, "--db", str(demo_book), "case", "list", "--year", "2024", "--json",
                       "--limit", "0")  # fmt: skip
    assert code == 0
    rows = json.loads(out)
    assert rows
    assert {r["filed_on"][:4] for r in rows} == {"2024"}
    [(expected,)] = query(
        demo_book,
        "SELECT count(*) FROM general_cases WHERE filed_on LIKE '2024-%' AND deleted_at IS NULL",
    )
    assert len(rows) == expected
    code, out, _ = run(capsys, "--db", str(demo_book), "case", "list", "--limit", "7")
    assert code == 0
    assert len(out.strip().splitlines()) == 7


def test_demo_twice_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path | str
) -> None:
    assert run(capsys, "--db", str(db_path), "demo", "--cases", "50")[0] == 0
    conn = connect(db_path)
    before = conn.execute("SELECT count(*) FROM general_cases").fetchone()[0]
    code, _, err = run(capsys, "--db", str(db_path), "demo", "--cases", "50")
    assert code == 1
    assert "演示数据只能写入空数据库" in err
    assert conn.execute("SELECT count(*) FROM general_cases").fetchone()[0] == before
    code, out, _ = run(capsys, "--db", str(db_path), "demo", "--if-empty")
    assert code == 0
    assert "未写入" in out
    conn.close()


@pytest.mark.parametrize("used", ["officers only", "every case in the trash"])
def test_demo_if_empty_leaves_a_used_file_alone(
    capsys: pytest.CaptureFixture[str], db_path: Path | str, used: str
) -> None:
    """make run's first start: a file with officers (or only deleted cases) is not empty."""
    db = ["--db", str(db_path)]
    assert run(capsys, *db, "demo", "--cases", "3")[0] == 0
    conn = connect(db_path)
    if used == "officers only":
        for table in (
            "case_evidence",
            "payments",
            "general_case_penalties",
            "general_case_officers",
            "legal_review_rounds",
            "general_cases",
        ):
            conn.execute(f"DELETE FROM {table}")  # fmt: skip
        conn.commit()
    else:
        rows = conn.execute("SELECT case_no, decided_on FROM general_cases").fetchall()
        for case_no, decided_on in rows:  # decided ones are marked deleted directly
            if decided_on is None:
                assert run(capsys, *db, "case", "delete", case_no, "--reason", "测试")[0] == 0
        conn.execute("UPDATE general_cases SET deleted_at = '2026-11-27' WHERE deleted_at IS NULL")
        conn.commit()
    before = conn.execute("SELECT count(*) FROM general_cases").fetchone()[0]
    code, out, _ = run(capsys, *db, "demo", "--if-empty")
    assert code == 0
    assert "未写入" in out
    assert conn.execute("SELECT count(*) FROM general_cases").fetchone()[0] == before
    conn.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["demo", "--cases", "0"], "演示案件数应在1到"),
        (["case", "list", "--limit", "-1"], "最多列出几件"),
        (["case", "list", "--year", "20"], "年度"),
    ],
)
def test_bad_input_exits_1_naming_the_field(
    capsys: pytest.CaptureFixture[str], demo_book: Path | str, argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--db", str(demo_book), *argv)
    assert code == 1
    assert message in err


def test_english_messages(capsys: pytest.CaptureFixture[str], demo_book: Path | str) -> None:
    code, _, err = run(
        capsys, "--db", str(demo_book), "--lang", "en", "case", "list", "--year", "20"
    )
    assert code == 1
    assert err.strip() == "year: the year “20” is not valid"


def test_missing_database_for_listing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    code, _, err = run(capsys, "--db", str(missing), "case", "list")
    assert code == 1
    assert "不存在" in err
    assert not missing.exists()


def test_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bogus = tmp_path / "ledger.xlsx"
    bogus.write_bytes(b"PK\x03\x04 not sqlite at all" * 50)
    code, _, err = run(capsys, "--db", str(bogus), "case", "list")
    assert code == 1
    assert "不是本程序的数据库文件" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_installed_entry_point_and_env_var(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    exe = Path(sys.executable).with_name("chuansha-enforce")
    env = {"CHUANSHA_ENFORCE_DB": str(db), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(exe), "demo", "--cases", "20"], env=env, check=True, capture_output=True)
    listed = subprocess.run(
        [str(exe), "case", "list", "--json"], env=env, check=True, capture_output=True, text=True
    )
    assert len(json.loads(listed.stdout)) == 20
    assert db.exists()


def test_demo_is_deterministic_per_seed(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    def listing(name: str, seed: str) -> str:
        db = tmp_path / name
        assert run(capsys, "--db", str(db), "demo", "--cases", "120", "--seed", seed)[0] == 0
        code, out, _ = run(capsys, "--db", str(db), "case", "list", "--json", "--limit", "0")
        assert code == 0
        return out

    first, again, other = listing("a.db", "11"), listing("b.db", "11"), listing("c.db", "12")
    assert first == again
    assert first != other


def test_case_show_json_has_the_contract_keys(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_book), "case", "list", "--json", "--limit", "400")
    fined = next(c for c in json.loads(out) if c["fine_fen"] > 0 and c["status"] == "已结案")
    code, out, _ = run(capsys, "--db", str(demo_book), "case", "show", fined["case_no"], "--json",
                       "--as-of", "2026-01-05")  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert shown["case_no"] == fined["case_no"]
    assert isinstance(shown["major"], bool)
    assert isinstance(shown["major_reasons"], list)
    assert {"decision_due", "payment_due", "disclosure_due"} <= set(shown["deadlines"])
    assert all(len(d) == 10 for d in shown["deadlines"].values())
    assert shown["amount_due_fen"] >= 0
    assert shown["surcharge_fen"] >= 0
    assert shown["as_of"] == "2026-01-05"


def test_case_show_errors(demo_book: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(demo_book), "case", "show", "不存在的编号")
    assert code == 1
    assert "找不到案件" in err
    code, _, err = run(capsys, "--db", str(demo_book), "case", "show", "x", "--as-of", "2024-13-01")
    assert code == 1
    assert "计算日期" in err
    assert "不是有效的日期" in err


def test_overdue_list_and_officer_list(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_book), "case", "list", "--overdue", "--json")
    assert code == 0
    overdue = json.loads(out)
    assert overdue  # the demo leaves undecided cases from 2025 open past 90 days
    assert all("overdue" in c["deadline_states"].values() for c in overdue)
    code, out, _ = run(capsys, "--db", str(demo_book), "officer", "list", "--json")
    assert code == 0
    officers = json.loads(out)
    assert len(officers) >= 40
    assert {o["status"] for o in officers} <= {"有效", "注销", "暂扣", "已过期"}
    for officer in officers:  # the clock's day is 2026-11-27; the expiry date is still valid
        expires = officer["expires_on"] or "9999-12-31"
        if officer["status"] in ("有效", "已过期"):
            assert (officer["status"] == "已过期") is (expires < "2026-11-27"), officer


def test_settings_show_and_set(db_path: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(db_path), "init")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "show", "--json")
    assert code == 0
    assert json.loads(out)["major_individual_fen"] == 500_000
    code, out, _ = run(
        capsys, "--db", str(db_path), "settings", "set", "due_soon_working_days", "5"
    )
    assert code == 0
    assert out.startswith("due_soon_working_days\t5\t")
    code, _, err = run(
        capsys, "--db", str(db_path), "settings", "set", "due_soon_working_days", "五"
    )
    assert code == 1
    assert err.strip() == "设置：“五”不是“提前提醒（工作日）”的有效值"


@pytest.mark.parametrize(
    ("argv", "writes"),
    [
        (["case", "list"], False),
        (["case", "trash"], False),
        (["case", "delete", "X", "--reason", "r"], True),
        (["case", "undelete", "X"], True),
        (["export", "ledger", "--year", "2024", "-o", "x.xlsx"], True),
        (["export", "disclosure", "--year", "2024", "-o", "x.csv"], False),
        (["report", "annual", "--year", "2024", "-o", "x.pdf"], False),
        (["report", "case", "X", "-o", "x.pdf"], True),
        (["report", "case", "X", "--public", "-o", "x.pdf"], False),
        (["stats", "--year", "2024"], False),
        (["demo"], True),
        (["settings", "set", "a", "b"], True),
    ],
)
def test_writing_commands_run_the_start_up_check(argv: list[str], writes: bool) -> None:
    assert command_writes(_parser().parse_args(argv)) is writes
