"""Named, append-only migrations; a backup before any pending one; newer files refused."""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import sqlite_utils

from chuansha_enforce.storage.cases.case_search_index import refresh_case_search
from chuansha_enforce.storage.connection import MIGRATION_SET, is_foreign, write_transaction
from chuansha_enforce.storage.errors import (
    DatabaseNewerError,
    ForeignDatabaseError,
    ServerSchemaOldError,
)
from chuansha_enforce.storage.safety.seals import (
    reseal_blocks,
    reseal_server_keys,
    server_tracking_sql,
)
from chuansha_enforce.storage.schema.schema_0001 import SCHEMA_0001
from chuansha_enforce.storage.schema.schema_0002 import SCHEMA_0002
from chuansha_enforce.storage.schema.schema_0003_search import SCHEMA_0003
from chuansha_enforce.storage.schema.schema_0004 import SCHEMA_0004
from chuansha_enforce.storage.schema.schema_0005 import SCHEMA_0005
from chuansha_enforce.storage.schema.schema_0006 import SCHEMA_0006
from chuansha_enforce.storage.schema.schema_0007 import SCHEMA_0007
from chuansha_enforce.storage.schema.schema_0008 import SCHEMA_0008
from chuansha_enforce.storage.schema.schema_0009 import SCHEMA_0009
from chuansha_enforce.storage.schema.schema_0010 import SCHEMA_0010
from chuansha_enforce.storage.schema.schema_0011_disputes import SCHEMA_0011_DISPUTES
from chuansha_enforce.storage.schema.schema_0012_case_gates import SCHEMA_0012_CASE_GATES
from chuansha_enforce.storage.schema.schema_0013_documents import SCHEMA_0013_DOCUMENTS
from chuansha_enforce.storage.schema.schema_0014_seals import SCHEMA_0014_SEALS
from chuansha_enforce.storage.schema.schema_0015_account_officers import (
    SCHEMA_0015_ACCOUNT_OFFICERS,
)
from chuansha_enforce.storage.schema.schema_0016_publication import SCHEMA_0016_PUBLICATION
from chuansha_enforce.storage.schema.schema_0017_simple_payments import SCHEMA_0017_SIMPLE_PAYMENTS
from chuansha_enforce.storage.schema.schema_0018_enforcement import SCHEMA_0018_ENFORCEMENT
from chuansha_enforce.storage.schema.schema_0019_demolition_orders import (
    SCHEMA_0019_DEMOLITION_ORDERS,
)
from chuansha_enforce.storage.schema.schema_0020_gate_details import SCHEMA_0020_GATE_DETAILS
from chuansha_enforce.storage.schema.schema_0021_corrections import SCHEMA_0021_CORRECTIONS
from chuansha_enforce.storage.schema.schema_0023_service import SCHEMA_0023_SERVICE
from chuansha_enforce.storage.schema.schema_0024_discretion import SCHEMA_0024_DISCRETION
from chuansha_enforce.storage.schema.schema_0025_forced_demolition import (
    SCHEMA_0025_FORCED_DEMOLITION,
)
from chuansha_enforce.storage.schema.schema_0026_year_summary import SCHEMA_0026_YEAR_SUMMARY
from chuansha_enforce.storage.schema.schema_0027_forced_ledger import SCHEMA_0027_FORCED_LEDGER
from chuansha_enforce.storage.schema.schema_0029_annual_sums import SCHEMA_0029_ANNUAL_SUMS
from chuansha_enforce.storage.schema.schema_0030_case_versions import SCHEMA_0030_CASE_VERSIONS
from chuansha_enforce.storage.schema.schema_0031_simple_versions import (
    SCHEMA_0031_SIMPLE_VERSIONS,
)
from chuansha_enforce.storage.server.pg_database import PgDatabase
from chuansha_enforce.storage.server.pg_schema import applied_on_server, create_schema
from chuansha_enforce.storage.server.pg_search import add_trigram_search
from chuansha_enforce.storage.server.pg_upgrade import UpgradeRefused, upgrade_schema

log = logging.getLogger(__name__)


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


MigrationTable = tuple[tuple[str, str], ...]
"""(name, SQL script) of each migration, in the order they apply."""

MIGRATION_TABLE: MigrationTable = (
    ("0001_initial", SCHEMA_0001),
    ("0002_case_steps", SCHEMA_0002),
    ("0003_case_search", SCHEMA_0003),
    ("0004_simple_procedure", SCHEMA_0004),
    ("0005_numbering", SCHEMA_0005),
    ("0006_accounts_review", SCHEMA_0006),
    ("0007_file_reviews", SCHEMA_0007),
    ("0008_statistics_indexes", SCHEMA_0008),
    ("0009_drop_duplicate_list_index", SCHEMA_0009),
    ("0010_case_trash", SCHEMA_0010),
    ("0011_disputes", SCHEMA_0011_DISPUTES),
    ("0012_case_gates", SCHEMA_0012_CASE_GATES),
    ("0013_documents", SCHEMA_0013_DOCUMENTS),
    ("0014_seals", SCHEMA_0014_SEALS),
    ("0015_account_officers", SCHEMA_0015_ACCOUNT_OFFICERS),
    ("0016_publication", SCHEMA_0016_PUBLICATION),
    ("0017_simple_payments", SCHEMA_0017_SIMPLE_PAYMENTS),
    ("0018_enforcement", SCHEMA_0018_ENFORCEMENT),
    ("0019_demolition_orders", SCHEMA_0019_DEMOLITION_ORDERS),
    ("0020_gate_details", SCHEMA_0020_GATE_DETAILS),
    ("0021_corrections", SCHEMA_0021_CORRECTIONS),
    ("0023_service", SCHEMA_0023_SERVICE),
    ("0024_discretion", SCHEMA_0024_DISCRETION),
    ("0025_forced_demolition", SCHEMA_0025_FORCED_DEMOLITION),
    ("0026_year_summary", SCHEMA_0026_YEAR_SUMMARY),
    ("0027_forced_ledger", SCHEMA_0027_FORCED_LEDGER),
    ("0029_annual_sums", SCHEMA_0029_ANNUAL_SUMS),
    ("0030_case_versions", SCHEMA_0030_CASE_VERSIONS),
    ("0031_simple_versions", SCHEMA_0031_SIMPLE_VERSIONS),
)
"""Every migration in order, by name, with its SQL (append only: never edit or reorder)."""


def _reseal_notices(db: sqlite_utils.Database) -> None:
    reseal_blocks(db, ["advance_notices"])  # 0019 added a column to a sealed table


AFTER_SQL: dict[str, Callable[[sqlite_utils.Database], None]] = {
    "0014_seals": reseal_blocks,
    "0019_demolition_orders": _reseal_notices,
}
"""What a migration does after its SQL, in its transaction: the seals migration seals every
row already in the file, so that the next audit record vouches for them."""


def _runner(name: str, schema: str) -> Callable[[sqlite_utils.Database], None]:
    def run(db: sqlite_utils.Database) -> None:
        for statement in split_statements(schema):
            db.execute(statement)
        after = AFTER_SQL.get(name)
        if after is not None:
            after(db)

    return run


@functools.cache
def _migration_set(table: MigrationTable) -> sqlite_utils.Migrations:
    migrations = sqlite_utils.Migrations(MIGRATION_SET)
    for name, schema in table:
        migrations(name=name)(_runner(name, schema))
    return migrations


MIGRATIONS = _migration_set(MIGRATION_TABLE)


def known_names(table: MigrationTable = MIGRATION_TABLE) -> list[str]:
    return [name for name, _schema in table]


def applied_names(db: sqlite_utils.Database) -> list[str]:
    if isinstance(db, PgDatabase):
        return applied_on_server(db.pg.raw)
    return [m.name for m in MIGRATIONS.applied(db)]  # one set: a table only adds to it


def pending_names(db: sqlite_utils.Database, table: MigrationTable = MIGRATION_TABLE) -> list[str]:
    if isinstance(db, PgDatabase):
        applied = set(applied_names(db))
        return [name for name in known_names(table) if name not in applied]
    return [m.name for m in _migration_set(table).pending(db)]


def check_ours(db: sqlite_utils.Database, path: Path) -> None:
    """Refuse a SQLite file with tables but without this program's migrations: another
    program's (``connection.is_foreign``; a new, empty file is made a case book by
    ``migrate``)."""
    if isinstance(db, PgDatabase):
        return
    if is_foreign(db.conn):
        raise ForeignDatabaseError(path)


def check_not_newer(
    db: sqlite_utils.Database, path: Path, table: MigrationTable = MIGRATION_TABLE
) -> None:
    """Refuse a file that holds migrations this build does not know, or another program's
    SQLite file (``check_ours``)."""
    check_ours(db, path)
    known = known_names(table)
    unknown = [name for name in applied_names(db) if name not in known]
    if unknown:
        raise DatabaseNewerError(path, migrations="、".join(unknown))


def _migrate_server(
    db: PgDatabase, path: Path, table: MigrationTable, pending: list[str]
) -> list[str]:
    """A new server database gets the whole schema at once; an older one gets the pending
    migrations' own SQL said in PostgreSQL, in one transaction (``pg_upgrade``); one that
    cannot be said there is refused by name, nothing written."""
    applied = applied_names(db)
    if not applied:
        return create_schema(db.pg.raw, table, after=lambda: _server_extras(db))
    try:
        return upgrade_schema(
            db.pg.raw, applied, table, after=lambda names: _server_upgrade_extras(db, names)
        )
    except UpgradeRefused as exc:
        raise ServerSchemaOldError(
            path, migrations="、".join(pending), detail=f"{exc.migration}: {exc.detail}"
        ) from exc


def _server_extras(db: PgDatabase, reseal: Callable[[PgDatabase], object] = reseal_blocks) -> None:
    """What a server has beyond the migrations' schema, made in ``init``'s transaction: the
    seals' tracking triggers, the seals of the rows the schema wrote, and the search
    dictionaries' trigram indexes when the server has ``pg_trgm`` (no seals before 0014)."""
    if _track_seals(db):
        reseal(db)
    add_trigram_search(db.pg.raw)


def _track_seals(db: PgDatabase) -> bool:
    """The seals' tracking function and triggers on every sealed table, made or made again
    (``CREATE OR REPLACE``); False on a schema without seal tables."""
    if not db["row_seals"].exists():
        return False
    for statement in server_tracking_sql(db):
        db.pg.raw.execute(cast(Any, statement))
    return True


def _server_upgrade_extras(db: PgDatabase, pending: list[str]) -> None:
    """In a server upgrade's transaction, after the pending migrations' statements: what
    ``init`` makes beyond the schema, for the tables the upgrade added too (the tracking
    triggers, the trigram indexes when missing), and each pending migration's ``AFTER_SQL``
    as on a file (0014 seals every row; 0019 reseals the notices it added a column to). A
    migration that writes no sealed row (0030) leaves every seal, and the seal sum the
    newest audit record vouches for, as they were."""
    _track_seals(db)
    add_trigram_search(db.pg.raw)
    for name in pending:
        after = AFTER_SQL.get(name)
        if after is not None:
            after(db)


def server_extras_after_copy(db: PgDatabase) -> list[str]:
    """``init``'s server extras for a book ``migrate-to`` copied in (in its transaction, after
    the rows): the tracking triggers, the trigram indexes, and the seals of the tables keyed
    differently on a server made again (the others' seals were copied verbatim); returns
    those tables' names."""
    resealed: list[str] = []
    _server_extras(db, lambda made: resealed.extend(reseal_server_keys(made)))
    return resealed


def migrate(
    db: sqlite_utils.Database,
    path: Path,
    *,
    backup: Callable[[str], Path | None] | None = None,
    table: MigrationTable = MIGRATION_TABLE,
) -> list[str]:
    """Apply pending migrations, each in its own transaction; return their names.

    When the file already holds data (some migration applied before), ``backup`` is
    called first with a label, so a failed or unwanted migration can be undone. Then the
    search dictionaries take in the rows already there (``refresh_case_search``; nothing
    to do on a new file), in one more transaction.
    """
    check_not_newer(db, path, table)
    pending = pending_names(db, table)
    if not pending:
        return []
    if isinstance(db, PgDatabase):
        return _migrate_server(db, path, table, pending)
    if applied_names(db) and backup is not None:
        saved = backup("pre-migration")
        log.info("backup before migrating %s: %s", pending, saved)
    _migration_set(table).apply(db)
    if db["search_state"].exists():  # 0003_case_search and on
        with write_transaction(db):
            refresh_case_search(db)
    return pending
