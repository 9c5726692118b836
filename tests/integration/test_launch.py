"""``make run`` (ui/launch.py) never writes demo cases into the user's own database."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import database_digest
from ui.launch import DEMO_FILE, choose_database

CLI = str(Path(sys.executable).with_name("chuansha-enforce"))


def test_an_empty_start_opens_a_separate_demo_database(tmp_path: Path) -> None:
    real = tmp_path / "cases.db"
    db, said = choose_database(CLI, real, ("--cases", "3", "--seed", "1"))
    assert db == tmp_path / DEMO_FILE
    assert not real.exists()  # the user's file is not even created
    assert said == (
        f"打开演示数据库：{tmp_path / DEMO_FILE}（演示案件只在这里）\n"
        f"您的数据库：{real}（尚无案件；导入台账或录入案件后，make run 会打开它）"
    )
    again, _ = choose_database(CLI, real, ("--cases", "3", "--seed", "1"))
    assert again == db


def test_a_database_with_cases_is_opened_as_it_is(demo_db: Path, tmp_path: Path) -> None:
    real = tmp_path / "cases.db"
    shutil.copy(demo_db, real)
    before = database_digest(real)
    db, said = choose_database(CLI, real)
    assert (db, said) == (real, f"打开您的数据库：{real}")
    assert database_digest(real) == before
    assert not (tmp_path / DEMO_FILE).exists()
