"""``verify`` as a user runs it (the installed command, its own process, a fresh file).

Every writing command leaves a file that verifies: the empty chain's head, kept by the backup
taken before the first import of a new file, starts every chain and is never "missing". A real
tampering (the newest audit records deleted) is still found.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.ledger_files import CASE, ledger, with_
from tests.tamper import query

# The guarding triggers an attacker drops; the per-year sums' upkeep stays, so the sums follow
# the rows changed (verify's recomputation of them is tested in test_year_summary.py).
GUARDS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT GLOB 'year_summary_*'"

EXE = Path(sys.executable).with_name("chuansha-enforce")
CASE_NO = "川执立〔2024〕000001号"
OPEN_NO = "川执立〔2024〕000002号"
OPEN_CASE = with_(
    CASE,
    案件编号=OPEN_NO,
    **dict.fromkeys(
        ["决定书文号", "决定日期", "处罚种类", "罚款金额", "送达日期", "缴款日期", "实缴金额",
         "结案日期", "公示日期"]
    ),
)  # fmt: skip
GENESIS = "0" * 64
ADMIN_PASSWORD = "管理员口令-2026"


def run(db: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(db.parent)}
    if password is not None:
        env["CHUANSHA_ENFORCE_PASSWORD"] = password
        env["CHUANSHA_ENFORCE_NEW_PASSWORD"] = password
    return subprocess.run(
        [str(EXE), "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=db.parent,
    )


def ok(db: Path, *args: str, password: str | None = None) -> str:
    result = run(db, *args, password=password)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def verifies(db: Path) -> None:
    result = run(db, "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "全部通过" in result.stdout


@pytest.mark.parametrize(
    ("init_first", "first"),
    [
        (True, ("import", "LEDGER")),
        (False, ("import", "LEDGER")),
        (False, ("demo", "--cases", "3", "--seed", "5")),
        (True, ("settings", "set", "due_soon_working_days", "2")),
    ],
    ids=["init-import", "import", "demo", "init-settings"],
)
def test_a_new_file_verifies_after_its_first_write(
    tmp_path: Path, first: tuple[str, ...], init_first: bool
) -> None:
    db = tmp_path / "new.db"
    source = ledger(tmp_path / "台账.xlsx")
    if init_first:
        ok(db, "init")
        verifies(db)
    ok(db, *(str(source) if a == "LEDGER" else a for a in first))
    verifies(db)


def _backups(db: Path) -> list[Path]:
    return sorted((db.parent / "backups").glob("*.db"))


def test_every_writing_command_leaves_a_file_that_verifies(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    ok(db, "init")
    ok(db, "import", str(ledger(tmp_path / "台账.xlsx", cases=[CASE, OPEN_CASE])))
    verifies(db)
    (empty_chain,) = _backups(db)  # the pre-import backup of the new file: no records yet
    assert GENESIS in empty_chain.with_name(empty_chain.name + ".json").read_text("utf-8")
    steps: list[tuple[str, ...]] = [
        ("settings", "set", "due_soon_working_days", "2"),
        ("backup",),
        ("backup", "-o", str(tmp_path / "elsewhere")),
        ("case", "delete", OPEN_NO, "--reason", "重复录入"),
        ("case", "undelete", OPEN_NO),
        ("export", "ledger", "--year", "2024", "-o", str(tmp_path / "导出.xlsx")),
        ("export", "disclosure", "--year", "2024", "-o", str(tmp_path / "双公示.csv")),
        ("case", "withdraw-publication", CASE_NO, "--on", "2024-05-06", "--reason", "更正"),
        (
            "export",
            "disclosure",
            "--year",
            "2024",
            "-o",
            str(tmp_path / "撤回.csv"),
            "--withdrawals",
        ),
        ("report", "case", CASE_NO, "-o", str(tmp_path / "摘要.pdf")),
        ("report", "annual", "--year", "2024", "-o", str(tmp_path / "年度.pdf")),
        ("sample", "--year", "2024", "--count", "1", "--seed", "3"),
        (
            "simple",
            "handover",
            "沪浦川执简〔2024〕000001号",
            "--receipt",
            "R1",
            "--to-agency",
            "2024-06-03",
            "--to-bank",
            "2024-06-05",
            "--filed",
            "2024-06-03",
        ),
        (
            "simple",
            "add",
            "--no",
            "简2024-2",
            "--on",
            "2024-07-01",
            "--party",
            "张三",
            "--party-type",
            "自然人",
            "--cause",
            "跨门营业",
            "--officers",
            "王建国,李明",
            "--kind",
            "罚款",
            "--amount",
            "200",
        ),
        ("simple", "pay", "简2024-2", "--on", "2024-08-01"),
        ("restore", str(empty_chain)),  # back to the file as it was before its first import
        ("import", str(ledger(tmp_path / "再次.xlsx"))),
    ]
    for step in steps:
        ok(db, *step)
        verifies(db)
    ok(db, "user", "add", "admin", "--role", "admin", password=ADMIN_PASSWORD)
    verifies(db)
    ok(db, "--user", "admin", "settings", "set", "lockout_minutes", "20", password=ADMIN_PASSWORD)
    verifies(db)
    ok(db, "--user", "admin", "backup", password=ADMIN_PASSWORD)
    verifies(db)


def test_deleting_the_newest_records_of_a_new_file_is_still_found(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    ok(db, "import", str(ledger(tmp_path / "台账.xlsx")))
    ok(db, "settings", "set", "due_soon_working_days", "2")
    ok(db, "backup")
    verifies(db)
    conn = sqlite3.connect(db)
    for (name,) in conn.execute(GUARDS):
        conn.execute(f'DROP TRIGGER "{name}"')
    # The two newest records: the backup's own (it is logged) and the settings change.
    conn.execute(
        "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 2)"
    )
    conn.commit()
    conn.close()
    result = run(db, "verify")
    assert result.returncode == 1
    assert "-manual.db is not in the audit log" in result.stdout  # the backup that kept it
    # The remaining newest record vouches for the seals before the settings change.
    assert "row_seals\t-\tseals differ from the seal sum the newest audit record" in result.stdout
    assert "发现 2 处问题" in result.stdout
    # Wiping the whole log leaves the empty chain, which the later backup's head rules out.
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM audit_log")
    conn.commit()
    conn.close()
    result = run(db, "verify")
    assert result.returncode == 1
    assert "-manual.db is not in the audit log" in result.stdout


def _server_run(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    return subprocess.run(
        [str(EXE), "--db", url, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=home,
    )


@pytest.mark.pg
def test_a_server_demo_book_is_sealed_and_a_psql_edit_is_named(
    server_db: str, tmp_path: Path
) -> None:
    """The installed command on a server: the bulk demo seals by blocks, a later write by
    rows; both verify clean, and the owner's direct UPDATEs (psycopg, as psql would) are named
    as on a file."""
    for args in (("init",), ("demo", "--cases", "300", "--seed", "5"),
                 ("settings", "set", "due_soon_working_days", "2")):  # fmt: skip
        result = _server_run(server_db, tmp_path, *args)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        result = _server_run(server_db, tmp_path, "verify")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "全部通过" in result.stdout
    sealed = dict(query(server_db, "SELECT tbl, count(*) FROM block_seals GROUP BY tbl"))
    assert sealed["general_cases"] == 2  # ids 1-300: the blocks 0-255 and 256-511
    assert query(server_db, "SELECT count(*) FROM row_seals WHERE tbl = 'settings'") == [(1,)]
    with psycopg.connect(server_db) as conn:
        conn.execute("UPDATE general_cases SET fine_fen = fine_fen + 100 WHERE id = 260")
        conn.execute("UPDATE settings SET value = '9' WHERE key = 'due_soon_working_days'")
    result = _server_run(server_db, tmp_path, "verify")
    assert result.returncode == 1, result.stdout
    assert (
        "general_cases\t256-511\trows in this key range differ from their audited state"
        " (changed, added or deleted outside the program)"
    ) in result.stdout
    assert (
        "settings\tdue_soon_working_days\trow differs from its audited state in: value"
        in result.stdout
    )
    assert "发现 2 处问题" in result.stdout, result.stdout
