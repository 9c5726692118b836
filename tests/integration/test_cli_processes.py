"""Every CLI command family as a user runs it: the installed command, its own process, a fresh file.

In-process tests once hid a defect that broke every real import; these catch that kind. A child
process cannot be given the tests' fixed clock, so nothing here depends on today's date: years and
case numbers are read from the program's own output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import database_digest
from tests.server_backend import is_server

EXE = Path(sys.executable).with_name("chuansha-enforce")
PASSWORD = "川沙-Enforce-2026"

Run = Callable[..., subprocess.CompletedProcess[str]]


def _home(db: Path | str) -> Path:
    """The user's folders of the child process: beside the file, or one per server database."""
    if not is_server(db):
        return Path(db).parent
    home = Path(tempfile.gettempdir()) / "chuansha-enforce-tests" / str(db).rpartition("/")[2]
    home.mkdir(parents=True, exist_ok=True)
    return home


def _run(
    db: Path | str, *args: str, password: str | None = None, as_user: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    """The installed command on ``db``: a file, or a server database's address; ``as_user``
    the words that run it as another user (``runuser -u nobody --``)."""
    home = _home(db)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "LANG": "C.UTF-8",
    }
    if password is not None:
        env["CHUANSHA_ENFORCE_PASSWORD"] = password
        env["CHUANSHA_ENFORCE_NEW_PASSWORD"] = password
    result = subprocess.run(
        [*as_user, str(EXE), "--db", str(db), *args],
        env=env,
        cwd="/" if as_user else None,  # the tests' own folder may be closed to that user
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def fill(db: Path | str) -> None:
    """The module's demo book (on a file, or on a server database: ``server_demo``)."""
    made = _run(db, "demo", "--cases", "60", "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert "一般程序案件 60 件" in made.stdout


@pytest.fixture
def db(backend_copy: Path | str) -> Path | str:
    """A private copy of the demo book, on a file and on a server database."""
    return backend_copy


@pytest.fixture
def file_db(file_demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cases.db"
    shutil.copy(file_demo, copy)
    return copy


def _cases(db: Path | str) -> list[dict[str, object]]:
    listed = _run(db, "case", "list", "--json", "--limit", "0")
    assert listed.returncode == 0, listed.stderr
    cases: list[dict[str, object]] = json.loads(listed.stdout)
    return cases


def _a_decided_year(db: Path | str) -> int:
    decided = [c for c in _cases(db) if c["decided_on"]]
    assert decided
    return int(str(decided[0]["decided_on"])[:4])


def test_init_creates_a_database_that_verifies(backend: Path | str) -> None:
    db = backend
    assert _run(db, "init").returncode == 0
    assert is_server(db) or Path(db).exists()
    checked = _run(db, "verify")
    assert checked.returncode == 0, checked.stderr
    assert "全部通过" in checked.stdout


def test_case_list_and_show(db: Path | str) -> None:
    cases = _cases(db)
    assert len(cases) == 60
    number = str(cases[0]["case_no"])
    shown = _run(db, "case", "show", number, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["case_no"] == number
    missing = _run(db, "case", "show", "川执立〔1999〕999999号")
    assert missing.returncode == 1
    assert missing.stdout == ""
    assert "川执立〔1999〕999999号" in missing.stderr


def test_stats_counts_the_listed_filings(db: Path | str) -> None:
    year = _a_decided_year(db)
    stats = _run(db, "stats", "--year", str(year), "--json")
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    assert figures["year"] == year
    filed = [c for c in _cases(db) if str(c["filed_on"]).startswith(str(year))]
    assert figures["general"]["filed"] == len(filed)


def test_officer_list_and_settings(db: Path | str) -> None:
    officers = _run(db, "officer", "list")
    assert officers.returncode == 0
    assert len(officers.stdout.splitlines()) == 53
    assert _run(db, "settings", "set", "due_soon_working_days", "2").returncode == 0
    assert "due_soon_working_days\t2\t" in _run(db, "settings", "show").stdout
    before = database_digest(db)
    refused = _run(db, "settings", "set", "due_soon_working_days", "-4")
    assert refused.returncode == 1
    assert refused.stderr.strip()
    assert database_digest(db) == before


def test_export_ledger_then_import_into_a_new_file(db: Path | str, tmp_path: Path) -> None:
    year = _a_decided_year(db)
    ledger = tmp_path / "台账.xlsx"
    exported = _run(db, "export", "ledger", "--year", str(year), "-o", str(ledger))
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.db"
    dry = _run(fresh, "import", str(ledger), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    imported = _run(fresh, "import", str(ledger))
    assert imported.returncode == 0, imported.stderr
    source = _run(db, "stats", "--year", str(year), "--json")
    copy = _run(fresh, "stats", "--year", str(year), "--json")
    assert (
        json.loads(copy.stdout)["general"]["decided"]
        == (json.loads(source.stdout)["general"]["decided"])
    )


def test_export_disclosure_and_reports(db: Path | str, tmp_path: Path) -> None:
    year = _a_decided_year(db)
    csv_path = tmp_path / "公示.csv"
    assert (
        _run(db, "export", "disclosure", "--year", str(year), "-o", str(csv_path)).returncode == 0
    )
    assert csv_path.read_text(encoding="utf-8-sig").count("\n") >= 1
    annual = tmp_path / "annual.pdf"
    made = _run(db, "report", "annual", "--year", str(year), "-o", str(annual))
    assert made.returncode == 0, made.stderr
    assert str(year) in "".join(p.extract_text() for p in PdfReader(annual).pages)
    number = next(str(c["case_no"]) for c in _cases(db) if int(str(c["fine_fen"])) > 0)
    public = tmp_path / "public.pdf"
    assert _run(db, "report", "case", number, "--public", "-o", str(public)).returncode == 0
    assert len(PdfReader(public).pages) >= 1


def test_file_review_sample_and_show(db: Path | str) -> None:
    closed_years = sorted({str(c["filed_on"])[:4] for c in _cases(db) if c["status"] == "已结案"})
    drawn = _run(db, "sample", "--year", closed_years[0], "--count", "2", "--seed", "7", "--json")
    assert drawn.returncode == 0, drawn.stderr
    assert len(json.loads(drawn.stdout)["cases"]) == 2
    shown = _run(db, "file-review", "show", "1", "--json")
    assert shown.returncode == 0, shown.stderr
    assert len(json.loads(shown.stdout)) == 2


def test_accounts_reviews_and_logins(db: Path | str) -> None:
    made = _run(db, "user", "add", "admin", "--role", "admin", password=PASSWORD)
    assert made.returncode == 0, made.stderr
    before = database_digest(db)
    anonymous = _run(db, "settings", "set", "due_soon_working_days", "2")
    assert anonymous.returncode == 1
    assert database_digest(db) == before
    logged = _run(db, "--user", "admin", "settings", "set", "due_soon_working_days", "2",
                  password=PASSWORD)  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    queue = _run(db, "--user", "admin", "review", "queue", password=PASSWORD)
    assert queue.returncode == 0, queue.stderr


def test_verify_backup_and_restore(file_db: Path, tmp_path: Path) -> None:
    """File-only: a backup is a copy of the file (a server's own backups apply there)."""
    db = file_db
    assert _run(db, "verify").returncode == 0
    target = tmp_path / "usb"
    saved = _run(db, "backup", "-o", str(target))
    assert saved.returncode == 0, saved.stderr
    backups = sorted(target.glob("*.db"))
    assert len(backups) == 1
    restored = _run(db, "restore", str(backups[0]))
    assert restored.returncode == 0, restored.stderr
    assert len(_cases(db)) == 60


def test_usage_errors_and_damaged_files(tmp_path: Path) -> None:
    assert _run(tmp_path / "x.db", "frobnicate").returncode == 2
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    broken = _run(bogus, "case", "list")
    assert broken.returncode == 1
    assert "不是本程序的数据库文件" in broken.stderr
    assert os.path.getsize(bogus) == 2100
