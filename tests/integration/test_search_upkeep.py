"""Who keeps the search dictionaries up to date: the bulk writer itself, and the migration step.

A caller of ``BulkWriter`` cannot forget the refresh: the writer folds the rows it wrote into
the search at the end of each add, or once at the end of a bulk-load block (after the indexes
are rebuilt). ``migrate`` folds the rows of an older file in after upgrading it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from chuansha_enforce.demo.generator import (
    DemoPlan,
    generate_officers,
    iter_general_cases,
    iter_simple_decisions,
)
from chuansha_enforce.storage.bulk_writer import BULK_TABLES, BulkWriter
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, migrate

PLAN = DemoPlan(seed=11, first_year=2024, last_year=2025, general_cases=30, simple_per_year=5)
AT = "2026-11-27T00:00:00+00:00"


def _marks(db: sqlite_utils.Database) -> dict[str, int]:
    return dict(db.execute("SELECT name, upto FROM search_state").fetchall())


def _dictionary_sizes(db: sqlite_utils.Database) -> tuple[int, int]:
    names = db.execute("SELECT count(*) FROM search_party_names").fetchone()[0]
    causes = db.execute("SELECT count(*) FROM search_causes").fetchone()[0]
    return names, causes


@pytest.fixture
def db(db_path: Path) -> sqlite_utils.Database:
    database = open_database(db_path)
    migrate(database, db_path)
    return database


def test_each_add_refreshes_the_search_itself(db: sqlite_utils.Database) -> None:
    officers = generate_officers(PLAN)
    with write_transaction(db):
        writer = BulkWriter(db, AT)
        writer.add_officers(officers)
        ids = writer.certificate_ids()
        assert writer.add_general_cases(iter_general_cases(PLAN, officers), ids) == 30
        assert _marks(db) == {"parties": 30, "general_cases": 30}
        simple = writer.add_simple_decisions(iter_simple_decisions(PLAN, officers), ids)
        assert _marks(db) == {"parties": 30 + simple, "general_cases": 30}
    names, causes = _dictionary_sizes(db)
    assert names > 0
    assert causes > 0
    db.close()


@pytest.mark.parametrize("block", ["bulk_load", "indexes_rebuilt_after"])
def test_a_bulk_load_refreshes_once_at_its_end(db: sqlite_utils.Database, block: str) -> None:
    officers = generate_officers(PLAN)
    with write_transaction(db):
        writer = BulkWriter(db, AT)
        writer.add_officers(officers)
        ids = writer.certificate_ids()
        loading = (
            writer.bulk_load(30)
            if block == "bulk_load"
            else writer.indexes_rebuilt_after(BULK_TABLES)
        )
        with loading:
            writer.add_general_cases(iter_general_cases(PLAN, officers), ids)
            assert _marks(db) == {"parties": 0, "general_cases": 0}  # not yet
            assert _dictionary_sizes(db) == (0, 0)
        assert _marks(db) == {"parties": 30, "general_cases": 30}
    assert _dictionary_sizes(db)[0] > 0
    db.close()


def test_migrating_an_older_file_folds_its_rows_into_the_search(db_path: Path) -> None:
    db = open_database(db_path)
    assert migrate(db, db_path, table=MIGRATION_TABLE[:2]) == ["0001_initial", "0002_case_steps"]
    with write_transaction(db):
        db.execute("INSERT INTO parties (kind, name) VALUES ('legal_person', '某公司')")
    assert "0003_case_search" in migrate(db, db_path)
    assert _marks(db) == {"parties": 1, "general_cases": 0}
    rows = db.execute("SELECT name, pinyin != '', uses FROM search_party_names").fetchall()
    assert rows == [("某公司", 1, 1)]
    db.close()
