"""A read-only medium and a full disk: reading works with a notice, writing says why not.

Real file systems first: the installed command runs in a private mount namespace (``unshare
--mount``, the tests run as root) on a tmpfs remounted read-only, or one filled to the last
byte, so SQLite meets the real EROFS/ENOSPC. Then in-process, the same paths with the error
injected where the OS reports it (``os.statvfs``, the lock file's ``os.open``).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage import connection
from chuansha_enforce.storage.errors import (
    DiskFullError,
    DiskFullOnOpenError,
    ReadOnlyMediumError,
)
from chuansha_enforce.storage.safety import writer_lock
from tests.conftest import NOW, database_digest
from tests.ledger_files import ledger

EXE = Path(sys.executable).with_name("chuansha-enforce")
READ_ONLY = (
    "数据库 {} 所在的存储介质是只读的（如写保护的U盘、光盘），本程序以只读方式打开："
    "可以查看，不能修改。如需修改，请把数据库复制到可写的磁盘上再打开。"
)
FULL = (
    "磁盘已满，数据库 {} 以只读方式打开：可以查看，不能修改。"
    "请清理磁盘后重新打开，已有数据未受影响。"
)
# Runs inside the private mount namespace: mounts, then runs each command, prints JSON.
DRIVER = """
import json, subprocess, sys
mount, source, exe, how, commands = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount], check=True)
subprocess.run(["cp", source, mount + "/cases.db"], check=True)
if how == "read-only":
    subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
else:
    subprocess.run(["dd", "if=/dev/zero", "of=" + mount + "/fill", "bs=4k"], capture_output=True)
results = []
for line in commands:
    done = subprocess.run([exe, "--db", mount + "/cases.db", *json.loads(line)],
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    results.append([done.returncode, done.stdout, done.stderr])
listing = subprocess.run(["ls", "-A", mount], capture_output=True, text=True).stdout.split()
print(json.dumps({"results": results, "files": listing}))
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database (no -wal, no -shm beside it) with one imported case."""
    folder = tmp_path_factory.mktemp("media")
    db = folder / "cases.db"
    with build_services(db, FixedClock(NOW)) as services:
        services.ledger.import_file(ledger(folder / "台账.xlsx"))
    assert sorted(p.name for p in folder.iterdir()) == [
        "backups",
        "cases.db",
        "cases.db.lock",
        "台账.xlsx",
    ]
    return db


def on_medium(
    tmp_path: Path, source: Path, how: str, *commands: list[str]
) -> tuple[list[tuple[int, str, str]], list[str], Path]:
    mount = tmp_path / "medium"
    mount.mkdir()
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", DRIVER,
         str(mount), str(source), str(EXE), how, *(json.dumps(c) for c in commands)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    results = [(int(code), out, err) for code, out, err in shown["results"]]
    return results, shown["files"], mount / "cases.db"


READING = [["case", "list"], ["stats", "--year", "2024"], ["verify"], ["settings", "show"]]
WRITING = [
    ["settings", "set", "due_soon_working_days", "2"],
    ["init"],
    ["demo", "--cases", "3"],
    ["case", "delete", "川执立〔2024〕000001号", "--reason", "重复"],
]


def test_a_read_only_medium_is_read_with_a_notice_and_writes_say_so(
    tmp_path: Path, source: Path
) -> None:
    elsewhere = tmp_path / "copies"
    results, files, db = on_medium(
        tmp_path, source, "read-only", *READING, *WRITING,
        ["backup"], ["backup", "-o", str(elsewhere)],
    )  # fmt: skip
    message = READ_ONLY.format(db)
    for (code, out, err), command in zip(results[: len(READING)], READING, strict=True):
        assert code == 0, (command, err)
        assert err == f"提示：{message}\n", command
        assert out.strip()
    assert "川执立〔2024〕000001号" in results[0][1]
    assert "全部通过" in results[2][1]
    for (code, out, err), command in zip(results[len(READING) : -2], WRITING, strict=True):
        assert (code, out, err) == (1, "", message + "\n"), command
    # A backup is a copy of all personal data: it is logged first, and a file that cannot
    # be written cannot log it, so no copy is made, here or elsewhere (issue 17 §5).
    for code, out, err in results[-2:]:
        assert (code, out, err) == (1, "", message + "\n")
    assert not elsewhere.exists()
    assert files == ["cases.db"]  # nothing was made on the medium


def test_a_full_disk_is_read_with_a_notice_and_writes_say_the_disk_is_full(
    tmp_path: Path, source: Path
) -> None:
    report = str(tmp_path / "medium" / "年度.pdf")
    results, files, db = on_medium(
        tmp_path, source, "full", *READING, *WRITING,
        ["report", "annual", "--year", "2024", "-o", report],
    )  # fmt: skip
    message = FULL.format(db)
    for (code, out, err), command in zip(results[: len(READING)], READING, strict=True):
        assert code == 0, (command, err)
        assert err == f"提示：{message}\n", command
        assert out.strip()
    assert "全部通过" in results[2][1]
    for (code, out, err), command in zip(results[len(READING) : -1], WRITING, strict=True):
        assert (code, out, err) == (1, "", message + "\n"), command
    assert results[-1] == (1, "", f"文件：磁盘已满，未能写入 {report}。请清理磁盘后重试\n")
    assert sorted(files) == ["cases.db", "fill"]  # no -wal, -shm or half a report


# -- the same paths in-process, the OS's answer injected where the OS gives it ---------------


def _statvfs(flag: int, free_blocks: int) -> os.statvfs_result:
    # bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax
    return os.statvfs_result((4096, 4096, 1000, free_blocks, free_blocks, 100, 50, 50, flag, 255))


@pytest.fixture
def copy(source: Path, tmp_path: Path) -> Path:
    db = tmp_path / "cases.db"
    shutil.copyfile(source, db)
    return db


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (_statvfs(os.ST_RDONLY, 900), ReadOnlyMediumError, "存储介质是只读的"),
        (_statvfs(0, 0), DiskFullOnOpenError, "磁盘已满"),
    ],
    ids=["read-only", "full"],
)
def test_what_the_file_system_reports_opens_read_only(
    copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: os.statvfs_result,
    error: type[Exception],
    words: str,
) -> None:
    monkeypatch.setattr(connection.os, "statvfs", lambda _path: answer)
    before = database_digest(copy)
    with build_services(copy, FixedClock(NOW)) as services:
        assert services.read_only
        assert isinstance(services.read_only_reason, error)
        assert services.cases.count() == 1
        assert services.verify().ok
        with pytest.raises(error) as caught:
            services.settings.set("due_soon_working_days", "2")
    assert words in render(caught.value.code, caught.value.params, "zh")  # type: ignore[attr-defined]
    assert database_digest(copy) == before
    assert sorted(p.name for p in copy.parent.iterdir()) == ["cases.db"]


@pytest.mark.parametrize(
    ("code", "error"),
    [(errno.EROFS, ReadOnlyMediumError), (errno.ENOSPC, DiskFullOnOpenError)],
    ids=["EROFS", "ENOSPC"],
)
def test_the_lock_file_refused_by_the_os_says_why(
    copy: Path, monkeypatch: pytest.MonkeyPatch, code: int, error: type[Exception]
) -> None:
    """No ``statvfs`` answer (Windows has none): the first write, the lock file, tells."""
    real_open = writer_lock.os.open

    def refusing_open(path: str, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".lock"):
            raise OSError(code, os.strerror(code), path)
        return real_open(path, flags, mode)

    monkeypatch.setattr(writer_lock.os, "open", refusing_open)
    before = database_digest(copy)
    with build_services(copy, FixedClock(NOW)) as services:
        assert isinstance(services.read_only_reason, error)
        assert services.cases.count() == 1
        with pytest.raises(error):
            services.settings.set("due_soon_working_days", "2")
    assert database_digest(copy) == before


def test_sqlites_bare_io_error_on_a_full_disk_is_named(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection.os, "statvfs", lambda _path: _statvfs(0, 3))
    mapped = connection.storage_error_from(Exception("disk I/O error"), copy)
    assert type(mapped) is DiskFullError
    monkeypatch.setattr(connection.os, "statvfs", lambda _path: _statvfs(0, 900))
    mapped = connection.storage_error_from(Exception("disk I/O error"), copy)
    assert mapped.code == "storage.error"


def test_a_new_database_on_a_full_disk_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection.os, "statvfs", lambda _path: _statvfs(0, 0))
    with pytest.raises(DiskFullError) as caught:
        build_services(tmp_path / "new.db", FixedClock(NOW))
    assert type(caught.value) is DiskFullError
    assert list(tmp_path.iterdir()) == []
