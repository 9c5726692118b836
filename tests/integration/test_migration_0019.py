"""Migration 0019_demolition_orders on a file written before it: the column it adds to the
sealed ``advance_notices`` is resealed in the same transaction, so ``verify`` finds no row
changed behind the program's back (without the reseal it would name every notice)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, migrate
from chuansha_enforce.storage.safety.seals import reseal_blocks, seal_problems

AT = "2026-11-27T02:00:00Z"
NAME = "0019_demolition_orders"
HERE = [name for name, _sql in MIGRATION_TABLE].index(NAME)
BEFORE, SCHEMA = MIGRATION_TABLE[:HERE], MIGRATION_TABLE[HERE][1]


def _before_0019(path: Path) -> sqlite_utils.Database:
    """A file of the migrations before 0019 holding one case with its notice, every row
    sealed."""
    db = open_database(path)
    assert migrate(db, path, table=BEFORE) == [name for name, _sql in BEFORE]
    with write_transaction(db):
        db.execute("INSERT INTO parties (id, kind, name) VALUES (1, 'natural_person', '张三')")
        db.execute(
            "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, created_at,"
            " updated_at) VALUES (1, '川执立〔2023〕1号', 1, '擅自搭建案', '2023-09-01', ?, ?)",
            [AT, AT],
        )
        db.execute(
            "INSERT INTO advance_notices (case_id, served_on, created_at, proposed_kinds,"
            " proposed_fine_fen) VALUES (1, '2023-09-27', ?, 'fine', 20000)",
            [AT],
        )
        reseal_blocks(db)
    assert seal_problems(db.conn) == []
    return db


def test_the_new_notice_column_is_resealed(tmp_path: Path) -> None:
    db = _before_0019(tmp_path / "old.db")
    assert migrate(db, tmp_path / "old.db")[0] == NAME
    assert seal_problems(db.conn) == []
    row = db.execute("SELECT proposed_demolition FROM advance_notices").fetchone()
    assert row == (0,)  # a notice of before proposed no order
    db.close()


def test_without_the_reseal_every_old_notice_would_read_as_changed(tmp_path: Path) -> None:
    db = _before_0019(tmp_path / "old.db")
    bare = (*BEFORE, ("0019_without_reseal", SCHEMA))
    assert migrate(db, tmp_path / "old.db", table=bare) == ["0019_without_reseal"]
    assert {p.table for p in seal_problems(db.conn)} == {"advance_notices"}
    db.close()
