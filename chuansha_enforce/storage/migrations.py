"""Named, append-only migrations; a backup before any pending one; newer files refused."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from chuansha_enforce.storage.errors import DatabaseNewerError
from chuansha_enforce.storage.schema_0001 import SCHEMA_0001
from chuansha_enforce.storage.schema_0002 import SCHEMA_0002
from chuansha_enforce.storage.schema_0003_search import apply_case_search_schema
from chuansha_enforce.storage.schema_0004 import SCHEMA_0004
from chuansha_enforce.storage.schema_0005 import SCHEMA_0005
from chuansha_enforce.storage.schema_0006 import SCHEMA_0006
from chuansha_enforce.storage.schema_0007 import SCHEMA_0007
from chuansha_enforce.storage.schema_0008 import SCHEMA_0008
from chuansha_enforce.storage.schema_0009 import SCHEMA_0009
from chuansha_enforce.storage.schema_0010 import SCHEMA_0010
from chuansha_enforce.storage.schema_0011_disputes import SCHEMA_0011_DISPUTES
from chuansha_enforce.storage.schema_0012_seals import SCHEMA_0012_SEALS, apply_seals_schema

log = logging.getLogger(__name__)

MIGRATION_SET = "chuansha_enforce"
MIGRATIONS = sqlite_utils.Migrations(MIGRATION_SET)


def split_statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies keep their semicolons).

    ``executescript`` would COMMIT the surrounding transaction, so migrations run
    statement by statement inside it instead.
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending[:80]!r}")
    return statements


@MIGRATIONS(name="0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0001):
        db.execute(statement)


@MIGRATIONS(name="0002_case_steps")
def _case_steps(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0002):
        db.execute(statement)


@MIGRATIONS(name="0003_case_search")
def _case_search(db: sqlite_utils.Database) -> None:
    apply_case_search_schema(db)


@MIGRATIONS(name="0004_simple_procedure")
def _simple_procedure(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0004):
        db.execute(statement)


@MIGRATIONS(name="0005_numbering")
def _numbering(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0005):
        db.execute(statement)


@MIGRATIONS(name="0006_accounts_review")
def _accounts_review(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0006):
        db.execute(statement)


@MIGRATIONS(name="0007_file_reviews")
def _file_reviews(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0007):
        db.execute(statement)


@MIGRATIONS(name="0008_statistics_indexes")
def _statistics_indexes(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0008):
        db.execute(statement)


@MIGRATIONS(name="0009_drop_duplicate_list_index")
def _drop_duplicate_list_index(db: sqlite_utils.Database) -> None:
    db.execute(SCHEMA_0009)


@MIGRATIONS(name="0010_case_trash")
def _case_trash(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0010):
        db.execute(statement)


@MIGRATIONS(name="0011_disputes")
def _disputes(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA_0011_DISPUTES):
        db.execute(statement)


@MIGRATIONS(name="0012_seals")
def _seals(db: sqlite_utils.Database) -> None:
    apply_seals_schema(db, split_statements(SCHEMA_0012_SEALS))


def known_names(migrations: sqlite_utils.Migrations = MIGRATIONS) -> list[str]:
    return [m.name for m in migrations._migrations]


def applied_names(
    db: sqlite_utils.Database, migrations: sqlite_utils.Migrations = MIGRATIONS
) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def pending_names(
    db: sqlite_utils.Database, migrations: sqlite_utils.Migrations = MIGRATIONS
) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def check_not_newer(
    db: sqlite_utils.Database, path: Path, migrations: sqlite_utils.Migrations = MIGRATIONS
) -> None:
    """Refuse a file that holds migrations this build does not know."""
    known = known_names(migrations)
    unknown = [name for name in applied_names(db, migrations) if name not in known]
    if unknown:
        raise DatabaseNewerError(path, migrations="、".join(unknown))


def migrate(
    db: sqlite_utils.Database,
    path: Path,
    *,
    backup: Callable[[str], Path | None] | None = None,
    migrations: sqlite_utils.Migrations = MIGRATIONS,
) -> list[str]:
    """Apply pending migrations, each in its own transaction; return their names.

    When the file already holds data (some migration applied before), ``backup`` is
    called first with a label, so a failed or unwanted migration can be undone.
    """
    check_not_newer(db, path, migrations)
    pending = pending_names(db, migrations)
    if not pending:
        return []
    if applied_names(db, migrations) and backup is not None:
        saved = backup("pre-migration")
        log.info("backup before migrating %s: %s", pending, saved)
    migrations.apply(db)
    return pending
