"""No output file is ever written over the database, its companion files or its backups.

Every command writing a file (``export ledger``, ``export disclosure``, ``report …``,
``file-review pdf``, ``backup -o FOLDER``) pointed at the open database, its ``-wal``, its lock
file or a backup exits 1 with one message and leaves the database byte-for-byte as it was.
Outputs are written through a temporary file beside the target: an interrupted write leaves no
partial target (and an existing file there untouched).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.output_files import write_output
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.ledger_files import ledger

EXE = Path(sys.executable).with_name("chuansha-enforce")
CASE_NO = "川执立〔2024〕000001号"
REFUSED = "不能保存到"


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, Path]:
    """A database with one imported case, one sample and a backup: (database, backup)."""
    db = tmp_path / "cases.db"
    assert main(["--db", str(db), "import", str(ledger(tmp_path / "台账.xlsx"))]) == 0
    assert main(["--db", str(db), "sample", "--year", "2024", "--count", "1", "--seed", "1"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    backup = next(p for p in (tmp_path / "backups").glob("*-manual.db"))
    return db, backup


def _commands(output: str) -> list[list[str]]:
    return [
        ["export", "ledger", "--year", "2024", "-o", output],
        ["export", "disclosure", "--year", "2024", "-o", output],
        ["report", "annual", "--year", "2024", "-o", output],
        ["report", "case", CASE_NO, "-o", output],
        ["report", "case", CASE_NO, "--public", "-o", output],
        ["file-review", "pdf", "1", "-o", output],
        ["file-review", "pdf", "1", "--list", "defects", "-o", output],
        ["backup", "-o", output],  # a folder: not the database's files nor inside backups
    ]


def _targets(db: Path, backup: Path) -> list[Path]:
    return [
        db,
        db.with_name("cases.db-wal"),
        db.with_name("cases.db-shm"),
        db.with_name("cases.db.lock"),
        backup,
        backup.with_name("newest.pdf"),  # anything in the backups folder
        db.parent / "." / "cases.db",  # the same file spelled differently
    ]


def test_every_output_command_refuses_the_database_files_and_backups(
    office: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, backup = office
    capsys.readouterr()
    before, kept = database_digest(db), backup.read_bytes()
    lock = db.with_name("cases.db.lock").read_bytes()
    for target in _targets(db, backup):
        for command in _commands(str(target)):
            assert main(["--db", str(db), *command]) == 1, (target, command)
            captured = capsys.readouterr()
            lines = captured.err.strip().splitlines()
            assert len(lines) == 1, (command, captured.err)
            assert lines[0].startswith("文件：不能保存到 "), lines[0]
            assert "数据库文件本身、它的附属文件或它的备份" in lines[0]
            assert captured.out == ""
            assert database_digest(db) == before, (target, command)
    assert backup.read_bytes() == kept
    assert db.with_name("cases.db.lock").read_bytes() == lock
    assert not db.with_name("cases.db-wal").exists()
    # Nothing was logged either: the refused full case summary and ledger export left no trace.
    assert main(["--db", str(db), "verify"]) == 0


def test_a_database_named_like_a_report_is_not_overwritten_by_the_installed_command(
    tmp_path: Path,
) -> None:
    """The case the issue was found with: a database whose name has the output's suffix."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for name, command in [
        ("年度.pdf", ["report", "annual", "--year", "2024", "-o"]),
        ("双公示.csv", ["export", "disclosure", "--year", "2024", "-o"]),
        ("台账.xlsx", ["export", "ledger", "--year", "2024", "-o"]),
    ]:
        db = tmp_path / name
        imported = subprocess.run(
            [str(EXE), "--db", str(db), "import", str(ledger(tmp_path / "in.xlsx"))],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert imported.returncode == 0, imported.stderr
        before = database_digest(db)
        result = subprocess.run(
            [str(EXE), "--db", str(db), *command, str(db)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, result.stdout
        assert result.stderr == (
            f"文件：不能保存到 {db}：那是数据库文件本身、它的附属文件或它的备份，"
            "写入会毁掉数据。请另选文件名或文件夹\n"
        )
        assert database_digest(db) == before


def test_outputs_elsewhere_are_still_written(
    office: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, _ = office
    out = tmp_path / "out"
    for command in _commands(str(out / "x"))[:-1]:
        suffix = {"ledger": ".xlsx", "disclosure": ".csv"}.get(command[1], ".pdf")
        target = out / f"{command[0]}-{command[1]}-{len(command)}{suffix}"
        assert main(["--db", str(db), *command[:-1], str(target)]) == 0, command
        assert target.stat().st_size > 100
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    capsys.readouterr()


class Interrupted(Exception):
    pass


def test_an_interrupted_write_leaves_no_partial_target(services: Services, tmp_path: Path) -> None:
    def half(file: IO[bytes]) -> None:
        file.write(b"%PDF-1.4 half a report")
        raise Interrupted

    fresh = tmp_path / "out" / "new.pdf"
    with pytest.raises(Interrupted):
        write_output(fresh, services.db_path, half)
    assert list(fresh.parent.iterdir()) == []  # neither the target nor a temporary file
    existing = tmp_path / "out" / "old.pdf"
    existing.write_bytes(b"the report saved last week")
    with pytest.raises(Interrupted):
        write_output(existing, services.db_path, half)
    assert existing.read_bytes() == b"the report saved last week"
    assert [p.name for p in existing.parent.iterdir()] == ["old.pdf"]


def test_a_backup_kept_elsewhere_is_refused_and_other_files_are_not(
    services: Services, tmp_path: Path
) -> None:
    kept = services.backups.backup(tmp_path / "U盘").path  # outside the backups folder
    assert kept is not None
    before = kept.read_bytes()
    with pytest.raises(DomainError) as caught:
        services.reports.save(kept, b"%PDF-1.4", ".pdf")
    assert caught.value.code == "output.database_file"
    assert kept.read_bytes() == before
    # A file that merely has some JSON beside it is the user's to replace.
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"old")
    notes.with_name("notes.pdf.json").write_text('{"note": 1}', encoding="utf-8")
    assert services.reports.save(notes, b"%PDF-1.4 new", ".pdf") == notes
    assert notes.read_bytes() == b"%PDF-1.4 new"


def test_links_to_the_database_are_refused(services: Services, tmp_path: Path) -> None:
    link, hard = tmp_path / "link.pdf", tmp_path / "hard.pdf"
    os.symlink(services.db_path, link)
    os.link(services.db_path, hard)
    before = database_digest(services.db_path)
    for alias in (link, hard):
        with pytest.raises(DomainError) as caught:
            services.reports.save(alias, b"%PDF-1.4", ".pdf")
        assert caught.value.code == "output.database_file"
    assert database_digest(services.db_path) == before
