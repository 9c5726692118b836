"""``migrate-to``: a squad's case-book file copied onto an empty PostgreSQL database.

In one transaction on the server: the schema, every row (``storage/server/pg_copy``), and
then, still inside it, the checks on both sides: ``stats`` of every year, the audit chain
(count and head) and every review signature, and ``verify`` on the server. Only when all
agree is it committed; otherwise everything is rolled back and the server database stays
empty. A target that is not empty is refused before anything is written, and so is a file
that fails ``verify``. Copying all personal data elsewhere is logged first in the file
(``database.migrate``), so the copy holds its own record; the server gets ``init``'s
seal tracking and trigram indexes, the tables keyed differently there are sealed again,
and one record appended on the server (the move's arrival) vouches for its seal sum.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.reports.statistics import AnnualFigures
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.verify_service import VerifyReport
from chuansha_enforce.storage.connection import database_path, write_transaction
from chuansha_enforce.storage.errors import ServerError, StorageError
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, server_extras_after_copy
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.safety.inspection import audit_head
from chuansha_enforce.storage.server.pg_copy import (
    Progress,
    SchemaDifference,
    copy_file_into,
    copy_transaction,
    settle,
)
from chuansha_enforce.storage.server.pg_database import (
    PgDatabase,
    is_server_url,
    open_server,
    shown_url,
)
from chuansha_enforce.storage.server.pg_schema import relations_in


@dataclass(frozen=True, slots=True)
class BookFigures:
    """What must be equal on both sides of a migration."""

    years: dict[int, AnnualFigures]
    verified: VerifyReport


Measure = Callable[[sqlite_utils.Database, Iterable[int]], BookFigures]
"""The figures of a case book (file or server) for the given years (built by the container)."""
Years = Callable[[], list[int]]
MIGRATIONS = tuple(MIGRATION_TABLE)


@dataclass(frozen=True, slots=True)
class MigrateReport:
    target: str
    tables: int
    rows: int
    years: int
    audit_records: int
    chain_head: str
    signatures: int
    seconds: float


def _head_differs(mine: str, theirs: str) -> list[str]:
    return [] if mine == theirs else [f"操作日志链头 {mine[:12]}/{theirs[:12]}"]


def _differences(source: BookFigures, target: BookFigures) -> list[str]:
    what = [
        f"{year}年统计"
        for year, figures in source.years.items()
        if target.years.get(year) != figures
    ]
    mine, theirs = source.verified, target.verified
    if mine.audit_records != theirs.audit_records:
        what.append(f"操作日志 {mine.audit_records}/{theirs.audit_records} 条")
    else:
        what += _head_differs(mine.chain_head, theirs.chain_head)
    if mine.signatures != theirs.signatures:
        what.append(f"审核签名 {mine.signatures}/{theirs.signatures} 个")
    what += [f"服务器校验：{p.table} {p.id} {p.what}" for p in theirs.problems[:3]]
    return what


def _refuse_broken(verified: VerifyReport, path: str) -> None:
    """A file that fails ``verify`` is not copied (its problems would move with it)."""
    problems = verified.problems
    if problems:
        first = f"{problems[0].table} {problems[0].id}：{problems[0].what}"
        raise DomainError(
            "migrate.source_fails_verify", "db", {"path": path, "n": len(problems), "first": first}
        )


class MigrateService(ContextService):
    def __init__(self, ctx: ServiceContext, *, measure: Measure, years: Years) -> None:
        super().__init__(ctx)
        self._measure = measure
        self._years = years

    def migrate_to(
        self,
        url: str,
        progress: Progress | None = None,
        checking: Callable[[int], None] | None = None,
    ) -> MigrateReport:
        """Copy this case-book file into the empty server database ``url`` (see the module);
        ``progress`` hears each table's rows, ``checking`` the start of the checks (years)."""
        report = progress or (lambda _table, _done, _total: None)
        checks = checking or (lambda _years: None)
        started = time.perf_counter()
        require(self._acting, Permission.MANAGE_BACKUPS)  # all personal data leaves the file
        if isinstance(self._db, PgDatabase):
            raise DomainError("migrate.from_server", "db", {"path": shown_url(self._db.url)})
        if not is_server_url(url):
            raise DomainError("migrate.not_server", "db", {"target": url})
        where = shown_url(url)
        source_path = str(database_path(self._db))
        target = open_server(url)
        try:
            with target.pg.typed_errors():
                found = relations_in(target.pg.raw)
            if found:
                raise DomainError("migrate.target_not_empty", "db", {"target": where, "n": found})
            # verify and every year's figures once, before the move is logged; the log's new
            # record then is one more in the chain, and the chain's head moves to it
            measured = self._measure(self._db, self._years())
            _refuse_broken(measured.verified, source_path)
            self._log("started", where)
            moved = replace(
                measured.verified,
                audit_records=measured.verified.audit_records + 1,
                chain_head=audit_head(self._db),
            )
            mine = BookFigures(measured.years, moved)
            try:
                result = self._copy(target, source_path, mine, report, checks)
            except (DomainError, StorageError) as exc:
                with contextlib.suppress(DomainError, StorageError):  # the first error is news
                    self._log("failed", where, exc.code)
                raise
        finally:
            target.close()
        tables, rows, figures = result
        verified = figures.verified
        return MigrateReport(
            where,
            tables,
            rows,
            len(figures.years),
            verified.audit_records,
            verified.chain_head,
            verified.signatures,
            time.perf_counter() - started,
        )

    def _log(self, outcome: str, where: str, error: str | None = None) -> None:
        detail: dict[str, object] = {"to": where}
        if error:
            detail["error"] = error
        entry = AuditEntry(
            utc_timestamp(self._clock), self._user, "database.migrate", "database", None,
            outcome, detail,
        )  # fmt: skip
        with write_transaction(self._db):
            AuditLog(self._db).append(entry)

    def _arrive(
        self, target: PgDatabase, source_path: str, mine: BookFigures, resealed: list[str]
    ) -> BookFigures:
        """The move's boundary, on the server, in the copy's transaction: the copied chain
        ends at the file's head, then one record (``database.migrate``, ``ok``, MACed with a
        keyed chain) vouches for the server's seal sum, recounted, since the tables keyed
        differently there were sealed again. Returns the figures the server must now show."""
        wrong = _head_differs(mine.verified.chain_head, audit_head(target))
        if wrong:
            raise DomainError("migrate.mismatch", "db", {"what": "；".join(wrong)})
        entry = AuditEntry(
            utc_timestamp(self._clock), self._user, "database.migrate", "database", None,
            "ok", {"from": source_path, "resealed": resealed},
        )  # fmt: skip
        head = AuditLog(target).append(entry, recount=True)
        count = mine.verified.audit_records + 1
        return replace(mine, verified=replace(mine.verified, audit_records=count, chain_head=head))

    def _copy(
        self,
        target: PgDatabase,
        source_path: str,
        mine: BookFigures,
        progress: Progress,
        checking: Callable[[int], None],
    ) -> tuple[int, int, BookFigures]:
        """The copy and the checks in one server transaction (``checking`` hears their start);
        committed only when all agree."""
        years = list(mine.years)
        resealed: list[str] = []
        key = chain_key.key_for(self._db.conn)
        if key is not None:  # the keyed chain's MACs are checked on the server too
            chain_key.remember(target.conn, key)
        try:
            with copy_transaction(target):
                copied = copy_file_into(
                    self._db.conn,
                    target.pg.raw,
                    MIGRATIONS,
                    progress,
                    after=lambda: resealed.extend(server_extras_after_copy(target)),
                )
                mine = self._arrive(target, source_path, mine, resealed)
                checking(len(years))
                theirs = self._measure(target, years)
                wrong = _differences(mine, theirs)
                if wrong:  # the rollback takes the schema and the rows
                    raise DomainError("migrate.mismatch", "db", {"what": "；".join(wrong)})
        except SchemaDifference as exc:
            raise DomainError(
                "migrate.schema_differs", "db", {"path": source_path, "what": exc.what}
            ) from exc
        except ServerError as exc:
            detail = exc.params.get("detail", exc.code)
            where = shown_url(target.url)
            raise DomainError(
                "migrate.copy_failed", "db", {"target": where, "detail": detail}
            ) from exc
        finally:
            chain_key.forget(target.conn)
        with target.pg.typed_errors():
            settle(target.pg.raw)
        return len(copied), sum(t.rows for t in copied), theirs
