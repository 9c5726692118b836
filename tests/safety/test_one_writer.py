"""One writing process per file; network shares, full disks and read-only files are told plainly."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.errors import (
    DatabaseInUseError,
    DatabaseReadOnlyError,
    DiskFullError,
)
from tests.cli_clock import main as cli_main
from tests.conftest import NOW, database_digest
from tests.ledger_files import CASE, ledger, with_

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from pathlib import Path
from chuansha_enforce.services.container import build_services
with build_services(Path(sys.argv[1])) as services:
    print("writable" if not services.read_only else "read-only", flush=True)
    sys.stdin.readline()
"""


def cli(db: Path, *args: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """The program in its own process; ``unprivileged``: without root's power over files.

    A user namespace of its own (``unshare --user``) leaves root the owner's permission bits
    only, as any user has: a read-only file or folder cannot be written.
    """
    code = "import sys; from chuansha_enforce.cli import main; sys.exit(main(sys.argv[1:]))"
    prefix = ["unshare", "--user"] if unprivileged and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "HOME": "/tmp"},
    )


@pytest.fixture
def other_copy(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another copy of the program with the database open for writing."""
    build_services(db_path, FixedClock(NOW)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "writable"
    yield holder
    if holder.poll() is None:
        holder.communicate("\n", timeout=30)


def test_a_second_copy_opens_read_only_and_says_why(
    db_path: Path, other_copy: subprocess.Popen[str]
) -> None:
    before = database_digest(db_path)
    with build_services(db_path, FixedClock(NOW)) as services:
        assert services.read_only
        reason = services.read_only_reason
        assert isinstance(reason, DatabaseInUseError)
        assert reason.params["pid"] == other_copy.pid
        assert services.cases.count() == 0  # reading works
        with pytest.raises(DatabaseInUseError):
            services.settings.set("due_soon_working_days", "2")
    assert database_digest(db_path) == before
    text = render("storage.in_use", reason.params, "zh")
    assert f"进程 {other_copy.pid}" in text
    assert "只读" in text


def test_the_cli_reads_but_refuses_writes_while_another_copy_writes(
    db_path: Path, other_copy: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = database_digest(db_path)
    assert cli_main(["--db", str(db_path), "settings", "show"]) == 0
    for args in (["settings", "set", "due_soon_working_days", "2"], ["init"], ["demo"]):
        assert cli_main(["--db", str(db_path), *args]) == 1, args
        err = capsys.readouterr().err
        assert "正在使用数据库" in err
        assert "Traceback" not in err
    assert database_digest(db_path) == before
    other_copy.communicate("\n", timeout=30)
    assert cli_main(["--db", str(db_path), "settings", "set", "due_soon_working_days", "2"]) == 0


def test_copies_inside_one_process_share_the_lock(db_path: Path) -> None:
    """The GUI's background jobs open their own connections in the same process."""
    with build_services(db_path, FixedClock(NOW)) as first:
        with build_services(db_path, FixedClock(NOW)) as second:
            assert not second.read_only
        assert not first.read_only
        # The lock outlives the second holder: another process still cannot write.
        result = subprocess.run(
            [sys.executable, "-c", HOLDER, str(db_path)],
            input="\n",
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        assert result.stdout.strip() == "read-only"


def test_a_full_disk_is_a_storage_error_and_nothing_is_written(
    db_path: Path, tmp_path: Path
) -> None:
    with build_services(db_path, FixedClock(NOW)) as services:
        services.officers.certificates()
        pages = services._db.execute("PRAGMA page_count").fetchone()[0]
        services._db.execute(f"PRAGMA max_page_count = {pages}")
        before = services.cases.count()
        rows = [
            with_(CASE, 案件编号=f"川执立〔2024〕{n:06d}号", 决定书文号=f"罚{n}")
            for n in range(300)
        ]
        path = ledger(tmp_path / "big.xlsx", cases=rows)
        with pytest.raises(DiskFullError) as caught:
            services.ledger.import_file(path)
        assert services.cases.count() == before
        assert services.verify_audit() is None
    assert "磁盘已满" in render(caught.value.code, caught.value.params, "zh")


def test_a_read_only_file_is_a_storage_error_not_a_crash() -> None:
    folder = Path(tempfile.mkdtemp(prefix="chuansha-ro-"))
    try:
        db = folder / "cases.db"
        build_services(db, FixedClock(NOW)).close()
        before = database_digest(db)
        db.chmod(0o444)
        folder.chmod(0o555)
        result = cli(db, "settings", "set", "due_soon_working_days", "2", unprivileged=True)
        assert result.returncode == 1, result.stderr
        assert result.stderr == f"数据库 {db} 不能写入（只读文件或没有权限）\n"
        # Reading works (the folder cannot take SQLite's -shm: the file is read as it is).
        shown = cli(db, "settings", "show", unprivileged=True)
        assert shown.returncode == 0, shown.stderr
        assert "due_soon_working_days\t3" in shown.stdout
        assert shown.stderr == f"提示：数据库 {db} 不能写入（只读文件或没有权限）\n"
        assert database_digest(db) == before
        assert sorted(p.name for p in folder.iterdir()) == ["cases.db", "cases.db.lock"]
    finally:
        folder.chmod(0o755)
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()


def test_a_lock_that_cannot_be_taken_opens_read_only(db_path: Path) -> None:
    """When ``<db>.lock`` cannot be created (here: a folder sits there), writes are refused."""
    build_services(db_path, FixedClock(NOW)).close()
    before = database_digest(db_path)
    db_path.with_name("cases.db.lock").unlink()
    db_path.with_name("cases.db.lock").mkdir()
    with build_services(db_path, FixedClock(NOW)) as services:
        assert services.read_only
        with pytest.raises(DatabaseReadOnlyError) as caught:
            services.settings.set("due_soon_working_days", "2")
    assert "不能写入" in render(caught.value.code, caught.value.params, "zh")
    assert database_digest(db_path) == before
