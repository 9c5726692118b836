"""Seals and the keyed chain (issue 17 §3): direct edits to business data and accounts, made
with the file's triggers dropped, are named by ``verify``; so is a rewritten audit record
whose later hashes were all recomputed with the program's own ``chain_hash``.

The tests that go through the services and the command line run on both backends: on a
server the direct edit is the owner's, through psycopg (``tests/tamper.py``)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Decision, Discussion
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.records import PaymentRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.verify_service import VerifyReport
from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.safety.audit_log import AuditEntry, chain_hash
from chuansha_enforce.storage.server.pg_database import open_server
from tests.cli_clock import main
from tests.ledger_files import ledger
from tests.notices import notice
from tests.review_setup import PERSON, open_as, prepared
from tests.server_backend import is_server
from tests.tamper import attack, query

# The guarding triggers an attacker drops; the per-year sums' upkeep stays, so the sums follow
# the rows changed (verify's recomputation of them is tested in test_year_summary.py).
GUARDS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT GLOB 'year_summary_*'"

D = dt.date
CASE = "川执立〔2024〕1号"


def _paid_case(db_path: Path, clock: FixedClock) -> None:
    """Accounts (admin, zhou, clerk, wang), then a small case walked to its payment."""
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        new = NewCase(CASE, PERSON, "张三占道设摊案", D(2024, 3, 4), ("31150001", "31150002"))
        svc.case_files.file_case(new)
        svc.case_files.record_notice(
            CASE, notice(D(2024, 4, 1), fine_fen=20_000, stated_on=D(2024, 4, 2))
        )
        leaders = ("镇长", "分管副镇长", "执法队长")
        svc.case_files.record_discussion(
            CASE, Discussion(D(2024, 4, 8), "一致同意罚款二百元", leaders)
        )
        fine = Decision(
            "沪浦川执罚〔2024〕1号",
            D(2024, 4, 10),
            Outcome.PENALTY,
            frozenset({PenaltyKind.FINE}),
            fine_fen=20_000,
        )
        svc.case_files.decide(CASE, fine)
        svc.case_files.serve(CASE, D(2024, 4, 12), ServiceMethod.DIRECT)
        svc.case_files.record_payment(CASE, PaymentRecord(D(2024, 4, 20), 20_000, 0, "银行缴款"))


@pytest.fixture
def db_path(backend: Path) -> Path:
    """A file, or a server database (tests/server_backend)."""
    return backend


def _attacker(db_path: Path, *statements: str) -> None:
    attack(db_path, *statements)


def _report(db_path: Path, clock: FixedClock, user: str = "admin") -> VerifyReport:
    with open_as(db_path, clock, user) as svc:
        return svc.verify()


def _problems(report: VerifyReport) -> list[tuple[str, str, str]]:
    return [(p.table, p.id, p.what) for p in report.problems]


def test_a_legitimate_history_with_accounts_verifies_clean_and_keyed(
    db_path: Path, clock: FixedClock
) -> None:
    _paid_case(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 20)
        svc.accounts.disable_user("wang")
    report = _report(db_path, clock)
    assert _problems(report) == []
    assert report.chain_key == "checked"
    ((macs,),) = query(db_path, "SELECT count(*) FROM audit_log WHERE mac IS NOT NULL")
    ((unmaced,),) = query(
        db_path,
        "SELECT count(*) FROM audit_log WHERE mac IS NULL"
        " AND id >= (SELECT min(id) FROM audit_log WHERE action = 'user.add')",
    )
    ((sealed,),) = query(db_path, "SELECT count(*) FROM row_seals WHERE tbl = 'payments'")
    assert sealed == 1  # the payment, sealed on either backend
    assert macs > 10
    assert unmaced == 0


@pytest.mark.parametrize(
    ("statement", "table", "column"),
    [
        ("UPDATE general_cases SET fine_fen = 2000 WHERE case_no = '川执立〔2024〕1号'",
         "general_cases", "fine_fen"),
        ("UPDATE payments SET amount_fen = 2000", "payments", "amount_fen"),
        ("UPDATE users SET role = 'admin' WHERE name = 'clerk'", "users", "role"),
        ("UPDATE users SET password_hash = 'x' WHERE name = 'clerk'", "users", "password_hash"),
        ("UPDATE users SET disabled_at = '2026-11-27T00:00:00+00:00' WHERE name = 'zhou'",
         "users", "disabled_at"),
        ("UPDATE users SET locked_until = '2099-01-01T00:00:00+00:00' WHERE name = 'zhou'",
         "users", "locked_until"),
    ],
    ids=["fine", "payment", "role", "password", "disabled", "locked"],
)  # fmt: skip
def test_each_direct_edit_is_named_with_its_column(
    db_path: Path, clock: FixedClock, statement: str, table: str, column: str
) -> None:
    _paid_case(db_path, clock)
    assert _problems(_report(db_path, clock)) == []
    _attacker(db_path, statement)
    problems = _problems(_report(db_path, clock))
    assert len(problems) == 1, problems
    assert problems[0][0] == table
    assert problems[0][2] == f"row differs from its audited state in: {column}"


def test_a_deleted_and_an_added_row_are_named(db_path: Path, clock: FixedClock) -> None:
    _paid_case(db_path, clock)
    _attacker(
        db_path,
        "DELETE FROM payments",
        "INSERT INTO officers (id, name, created_at) VALUES (99, '假人', '2026-11-27')",
    )
    problems = _problems(_report(db_path, clock))
    assert ("payments", "1", "row is missing (deleted outside the program)") in problems
    assert (
        "officers",
        "99",
        "row has no audited state (added outside the program)",
    ) in problems
    assert len(problems) == 2, problems


def test_an_edit_with_its_seal_rewritten_fails_the_seal_sum(
    db_path: Path, clock: FixedClock
) -> None:
    _paid_case(db_path, clock)
    _attacker(db_path, "UPDATE users SET role = 'admin' WHERE name = 'clerk'")
    # The attacker also writes the seal the edited row now has (the function is public).
    # the columns as the program reads them
    conn = open_server(str(db_path)).conn if is_server(db_path) else sqlite3.connect(db_path)
    (users,) = [s for s in seals.shapes(conn) if s.name == "users"]
    conn.close()
    listed = ", ".join(f'"{c}"' for c in users.columns)
    ((user_id, *row),) = query(db_path, f"SELECT id, {listed} FROM users WHERE name = 'clerk'")
    digest = seals.row_digest(users.columns, row)
    _attacker(
        db_path,
        f"UPDATE row_seals SET digest = '{digest}' WHERE tbl = 'users' AND key = '{user_id}'",
    )
    problems = _problems(_report(db_path, clock))
    assert problems == [
        (
            "row_seals",
            "-",
            "seals differ from the seal sum the newest audit record vouches for"
            " (seals rewritten outside the program, or the newest records deleted)",
        )
    ]


@pytest.fixture
def file_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


def _recompute_chain(db_path: Path, record_id: int, detail: dict[str, object]) -> None:
    """Rewrite one record and recompute every later hash with the public ``chain_hash``."""
    conn = sqlite3.connect(db_path)
    for (name,) in conn.execute(GUARDS).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    rows = conn.execute(
        "SELECT id, at, user, action, object_type, object_id, outcome, detail, seals"
        " FROM audit_log ORDER BY id"
    ).fetchall()
    prev = "0" * 64
    for row in rows:
        entry_detail = detail if row[0] == record_id else json.loads(row[7])
        entry = AuditEntry(row[1], row[2], row[3], row[4], row[5], row[6], entry_detail, row[8])
        digest = chain_hash(prev, entry)
        conn.execute(
            "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
            (json.dumps(entry_detail, ensure_ascii=False, sort_keys=True), prev, digest, row[0]),
        )
        prev = digest
    conn.commit()
    conn.close()


def test_a_rewritten_and_recomputed_chain_fails_the_keyed_check(
    file_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = file_path
    _paid_case(db_path, clock)
    conn = sqlite3.connect(db_path)
    target = conn.execute(
        "SELECT id FROM audit_log WHERE action = 'settings.set' OR action LIKE 'case.%'"
        " ORDER BY id LIMIT 1"
    ).fetchone()[0]
    total = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    _recompute_chain(db_path, target, {"forged": True})
    report = _report(db_path, clock)
    assert report.chain_key == "checked"
    breaks = [p for p in _problems(report) if p[0] == "audit_log"]
    # The rewritten record and every later one: their hashes changed, their MACs cannot.
    assert len(breaks) == total - target + 1
    assert breaks[0] == (
        "audit_log",
        str(target),
        "MAC of the chain key does not match (record rewritten)",
    )
    # Without a login the MACs cannot be checked, and verify says so.
    code = main(["--db", str(db_path), "verify", "--no-backups"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "注意：审计日志链有密钥，但未登录，未能核对；请以 --user 登录后再检查" in out


def test_single_user_mode_keeps_the_plain_chain_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cases.db"
    assert main(["--db", str(db), "import", str(ledger(tmp_path / "台账.xlsx"))]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "verify"]) == 0
    out = capsys.readouterr().out
    assert "注意：审计日志链未加密钥（单用户模式）：改写并重算整条链无法由本检查发现" in out
    assert "全部通过" in out


def test_an_edit_of_bulk_loaded_rows_is_named_by_its_key_range(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", str(ledger(tmp_path / "台账.xlsx"))]) == 0
    capsys.readouterr()
    assert main(["--db", db, "verify"]) == 0, capsys.readouterr().out
    _attacker(db_path, "UPDATE general_cases SET fine_fen = fine_fen + 1")
    capsys.readouterr()
    assert main(["--db", db, "verify"]) == 1
    out = capsys.readouterr().out
    assert (
        "general_cases\t0-255\trows in this key range differ from their audited state"
        " (changed, added or deleted outside the program)"
    ) in out


def test_restores_by_a_logged_in_administrator_verify_clean_and_keyed(
    file_path: Path,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db_path = file_path  # restoring a backup is a file's (a server's own backups apply)
    _paid_case(db_path, clock)
    with open_as(db_path, clock) as svc:
        older = svc.backups.backup(db_path.parent / "usb")
    assert older.path is not None
    with open_as(db_path, clock, "admin") as svc:  # the window's way
        svc.settings.set("lockout_minutes", 20)
        svc.backups.restore(older.path, user="admin", before_swap=svc.close)
    report = _report(db_path, clock)
    assert _problems(report) == []
    assert report.chain_key == "checked"
    with open_as(db_path, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 25)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "admin-pass-1")
    argv = ["--db", str(db_path), "--user", "admin"]
    assert main([*argv, "restore", str(older.path)]) == 0  # the command line's way
    capsys.readouterr()
    assert main([*argv, "verify", "--no-backups"]) == 0
    out = capsys.readouterr().out
    assert "审计日志链密钥校验通过（以登录账户解开的链密钥核对每条记录）" in out
    conn = sqlite3.connect(db_path)
    restores = conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'database.restore' AND mac IS NOT NULL"
    ).fetchone()[0]
    conn.close()
    assert restores == 1  # the second restore put the older copy back: its own record only
