"""The operating system refusing a file for real (EACCES): the installed command, in its own
process, run as a user whose rights ``chmod`` really limits, on a fresh book of its own.

``tests.refused_place`` makes the refusal at the system edge in-process (the tests run as root,
where chmod stops nothing); here the kernel itself says no. Not root: the command runs as the
user itself. Root: as ``nobody`` (``runuser``) when nobody may reach the program; where it may
not (an interpreter under ``/root``, mode 0700, as on the team's machines) as root without any
capability (``setpriv``), which the kernel holds to a file's owner bits like any other user.
Each refusal: exit 1, the program's Chinese sentence naming the file, no traceback, the book
exactly as it was; the same commands into a writable folder succeed as that user (the control:
the refusal is the permission, not the setup).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

import chuansha_enforce
from chuansha_enforce.domain.messages import render
from tests.conftest import database_digest
from tests.integration.test_cli_processes import EXE, _run

READ, ENTER, WRITE = 4, 1, 2


@dataclass(frozen=True)
class User:
    """Who the command runs as: the words that make it so, and whose the files are."""

    words: tuple[str, ...]
    uid: int
    gid: int
    groups: frozenset[int]

    def may(self, path: Path, right: int) -> bool:
        """What the file's mode bits (all this user has) allow it on ``path``."""
        st = path.stat()
        if st.st_uid == self.uid:
            shift = 6
        elif st.st_gid in self.groups:
            shift = 3
        else:
            shift = 0
        return bool((st.st_mode >> shift) & right)

    def closed_on_the_way(self, paths: Sequence[Path]) -> Path | None:
        """The first folder on the way to one of ``paths`` this user may not enter."""
        for path in paths:
            folders = [*reversed(path.parents), *([path] if path.is_dir() else [])]
            for folder in folders:
                if not self.may(folder, ENTER):
                    return folder
        return None

    def give(self, path: Path) -> None:
        """Make ``path`` this user's (as root; otherwise it is already)."""
        if os.geteuid() == 0:
            os.chown(path, self.uid, self.gid)

    def run(self, book: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return _run(book, *args, as_user=self.words)


def _program() -> list[Path]:
    """What running the installed command reads: it, its interpreter, the package, the
    standard library."""
    return [
        EXE,
        Path(sys.executable).resolve(),
        Path(chuansha_enforce.__file__).resolve().parent,
        Path(sys.base_prefix).resolve(),
    ]


def _unprivileged() -> User:
    if os.geteuid() != 0:
        return User((), os.getuid(), os.getgid(), frozenset(os.getgroups()))
    runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
    assert runuser, "the tests run as root: runuser (util-linux) is needed to run as nobody"
    nobody = pwd.getpwnam("nobody")
    user = User(
        (runuser, "-u", "nobody", "--"),
        nobody.pw_uid,
        nobody.pw_gid,
        frozenset(os.getgrouplist("nobody", nobody.pw_gid)),
    )
    closed = user.closed_on_the_way(_program())
    if closed is None:
        return user
    setpriv = shutil.which("setpriv") or shutil.which("setpriv", path="/usr/bin:/bin")
    assert setpriv, (
        f"nobody may not enter {closed} to run {EXE}, and setpriv (to run as root without"
        " capabilities instead) is missing"
    )
    return User((setpriv, "--bounding-set=-all", "--inh-caps=-all", "--"), 0, 0, frozenset({0}))


@pytest.fixture(scope="module")
def user() -> User:
    return _unprivileged()


@pytest.fixture
def home(user: User) -> Iterator[Path]:
    """A folder of the user's own, in the system's temporary folder (a root test's own
    ``tmp_path`` is closed to others)."""
    place = Path(tempfile.mkdtemp(prefix="chuansha-eacces-"))
    try:
        closed = user.closed_on_the_way([place.parent])
        assert closed is None, f"the user may not enter {closed}: the test cannot be set up"
        user.give(place)
        yield place
    finally:
        _open_up(place)  # undo the test's chmods (a user that is not root needs it), remove
        shutil.rmtree(place)


def _open_up(path: Path) -> None:
    if path.is_dir():
        path.chmod(0o700)
        for inside in path.iterdir():
            _open_up(inside)
    else:
        path.chmod(0o600)


@pytest.fixture
def book(home: Path, user: User) -> Path:
    """A small demo book the user made itself, in a folder of its own (also its HOME)."""
    path = home / "book" / "cases.db"
    path.parent.mkdir()
    user.give(path.parent)
    made = user.run(path, "demo", "--cases", "3", "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert path.stat().st_uid == user.uid  # made by that user, not by the test
    return path


def _folder(home: Path, user: User, name: str, mode: int) -> Path:
    folder = home / name
    folder.mkdir()
    user.give(folder)
    folder.chmod(mode)
    assert user.may(folder, WRITE) == bool(mode & 0o200)
    return folder


def _first_case(book: Path, user: User) -> tuple[str, str]:
    """A case of the book and its year."""
    listed = user.run(book, "case", "list", "--json", "--limit", "1")
    assert listed.returncode == 0, listed.stderr
    [case] = json.loads(listed.stdout)
    return str(case["case_no"]), str(case["filed_on"])[:4]


def _writers(book: Path, user: User, folder: Path) -> list[tuple[list[str], Path]]:
    """Each command writing a file the user names, and the file (folder) it names."""
    case_no, year = _first_case(book, user)
    ledger, annual, document = folder / "台账.xlsx", folder / "年报.pdf", folder / "文书.docx"
    return [
        (["export", "ledger", "--year", year, "-o", str(ledger)], ledger),
        (["report", "annual", "--year", year, "-o", str(annual)], annual),
        (["doc", "make", case_no, "filing_approval", "-o", str(document)], document),
        (["backup", "-o", str(folder)], folder),
    ]


def _refused(book: Path, user: User, *args: str) -> list[str]:
    """Run the command as the user: refused, exit 1, nothing on stdout, no traceback (``_run``
    checks), the book exactly as it was; the lines it said."""
    before = database_digest(book)
    done = user.run(book, *args)
    assert done.returncode == 1, (args, done.stdout, done.stderr)
    assert done.stdout == ""
    assert database_digest(book) == before
    return done.stderr.splitlines()


def _no_permission(path: Path) -> str:
    return render("output.no_permission", {"path": str(path)}, "zh", "path")


def test_a_writable_folder_takes_every_file_as_that_user(
    book: Path, home: Path, user: User
) -> None:
    """The control: the same commands, the same user, a folder it may write in."""
    folder = _folder(home, user, "place", 0o755)
    for command, named in _writers(book, user, folder):
        done = user.run(book, *command)
        assert done.returncode == 0, (command, done.stderr)
        assert named.exists(), command
        assert named.stat().st_uid == user.uid, command
    [backup] = folder.glob("*.db")
    assert backup.stat().st_uid == user.uid


def test_a_folder_the_user_may_not_write_in_is_refused_by_every_writer(
    book: Path, home: Path, user: User
) -> None:
    """A ledger export, a PDF report, a 文书 .docx and a backup into a folder of mode 0555."""
    folder = _folder(home, user, "place", 0o555)
    for command, named in _writers(book, user, folder):
        assert _refused(book, user, *command) == [_no_permission(named)], command
    assert list(folder.iterdir()) == []  # nothing left there, not a temporary file


def test_a_ledger_the_user_may_not_read_is_refused_as_such(
    book: Path, home: Path, user: User
) -> None:
    """Not "damaged or not a valid file": the system would not let it be read."""
    folder = _folder(home, user, "place", 0o755)
    [(export, ledger), *_others] = _writers(book, user, folder)
    assert user.run(book, *export).returncode == 0
    ledger.chmod(0o000)
    assert _refused(book, user, "import", str(ledger)) == [
        render("ledger.no_permission", {"name": ledger.name}),
        render("cli.import_failed", {"n": 1}),
    ]


def test_a_backup_the_user_may_not_read_is_not_restored(book: Path, home: Path, user: User) -> None:
    folder = _folder(home, user, "place", 0o755)
    assert user.run(book, "backup", "-o", str(folder)).returncode == 0
    [backup] = folder.glob("*.db")
    backup.chmod(0o000)
    assert _refused(book, user, "restore", str(backup)) == [
        render("restore.no_permission", {"path": str(backup)}, "zh", "path")
    ]
    assert not book.with_name(book.name + ".restoring").exists()


def test_the_backups_folder_the_user_may_not_write_in_names_the_backup(
    book: Path, home: Path, user: User
) -> None:
    """The default place, ``backups`` beside the book, there but of mode 0555: said as the
    backup not written (once "the database file was not found"); the attempt is logged."""
    backups = book.with_name("backups")
    backups.mkdir()
    user.give(backups)
    backups.chmod(0o555)
    done = user.run(book, "backup")
    assert done.returncode == 1
    [said] = done.stderr.splitlines()
    name = said.removeprefix("备份文件 ").partition(" ")[0]
    assert Path(name).parent == backups, said
    assert Path(name).name.startswith("cases-"), said
    assert said == render("backup.not_writable", {"path": name})
    assert list(backups.iterdir()) == []
    assert user.run(book, "verify").returncode == 0


@pytest.mark.parametrize("closed", ["file", "folder"])
def test_a_book_the_user_may_not_open_is_said_as_such(book: Path, user: User, closed: str) -> None:
    """Its file of mode 0000 (once "not found"), or its folder of mode 0000 (once a
    traceback): said as a book the user may not open, in both languages."""
    before = database_digest(book)
    shut = book if closed == "file" else book.parent
    shut.chmod(0o000)
    for lang in ("zh", "en"):
        done = user.run(book, "--lang", lang, "case", "list")
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.splitlines() == [
            render("storage.no_permission", {"path": str(book)}, lang)
        ]
    shut.chmod(0o700)
    assert database_digest(book) == before
