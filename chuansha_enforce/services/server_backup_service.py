"""Backups of a server case book with ``pg_dump``, and their restore (docs/SERVER.md).

A backup is ``pg_dump``'s custom format in the backups folder of this PC's server folder
(``<stem>-<stamp>-<label>.dump``, a manifest beside it, the file backups' retention). It counts
only once it has been restored into a scratch database on the same server and passed the
program's ``verify`` there; the manifest records what that copy holds. Without a ``pg_dump`` at
least as new as the server, the server's own backups apply (``ServerBackupError``).

A restore verifies the dump the same way first, refuses a database that already holds a case
book unless the caller confirms the replacement (then a ``pre-restore`` dump of it is taken
first), restores in one transaction, verifies the result and records the restore in its audit
log.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from chuansha_enforce import __version__
from chuansha_enforce.domain.clock import Clock, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.backup_checks import (
    check_manifest,
    refuse_problems,
    superseded_heads,
)
from chuansha_enforce.services.backup_service import BackupService, restore_record
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.errors import (
    ServerBackupError,
    StorageError,
)
from chuansha_enforce.storage.migrations import known_names
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import AuditLog
from chuansha_enforce.storage.safety.backup import (
    PARTIAL,
    BackupManifest,
    dump_write_error,
    file_sha256,
    manifest_path,
    read_manifest,
)
from chuansha_enforce.storage.safety.inspection import DatabaseSummary
from chuansha_enforce.storage.safety.integrity import audit_hashes, key_opening
from chuansha_enforce.storage.safety.restore_generation import mark_restored
from chuansha_enforce.storage.server import pg_dump
from chuansha_enforce.storage.server.pg_database import PgDatabase, open_server, shown_url
from chuansha_enforce.storage.server.pg_dump import SYSTEM_TOOLS, PgTools, ToolLookup
from chuansha_enforce.storage.server.pg_schema import relations_in

CHECKED = "restored into a scratch database and verified"

ServerAuthorize = Callable[[sqlite_utils.Database | None, sqlite_utils.Database], str]
"""Called with the target (None when it holds no case book) and the verified scratch copy of
the dump; returns whom the restore is recorded under, or refuses (nothing is changed)."""


@dataclass(frozen=True, slots=True)
class ServerRestoreReport:
    restored_from: Path
    manifest: BackupManifest
    """What the dump holds (counted on the verified scratch copy)."""
    safety_backup: Path | None
    """The dump of the case book that was replaced (None when the database was empty)."""
    where: str
    """The server database restored into, as a user names it (no password)."""


def _manifest(
    path: Path, held: DatabaseSummary, *, taken_at: str | None, label: str, source: str, sha256: str
) -> BackupManifest:
    """What a dump holds (``held``, counted on its verified scratch copy)."""
    return BackupManifest(
        file=path.name,
        taken_at=taken_at,
        label=label,
        source=source,
        sqlite_version="",
        app_version=__version__,
        schema_version=held.migrations[-1] if held.migrations else None,
        migrations=held.migrations,
        tables=dict(held.tables),
        audit_head=held.audit_head,
        audit_records=held.audit_records,
        size_bytes=path.stat().st_size,
        sha256=sha256,
        check=CHECKED,
        path=path,
    )


class ServerBackupService:
    def __init__(
        self, url: str, files: BackupService, clock: Clock, *, tools: ToolLookup = SYSTEM_TOOLS
    ) -> None:
        """``files``: the dumps kept on this PC (``backup_service.dump_backups``)."""
        self._url = url
        self._clock = clock
        self._lookup = tools
        self.files = files

    @property
    def folder(self) -> Path:
        return self.files.folder

    def _tools(self, db: PgDatabase) -> PgTools:
        found = pg_dump.find_tools(self._lookup, pg_dump.server_major(db))
        if found is None:
            raise ServerBackupError(shown_url(self._url))
        if not pg_dump.may_create_databases(db):
            params = {"path": shown_url(self._url)}
            raise DomainError("server_backup.no_scratch", "path", params)
        return found

    def tools(self) -> PgTools:
        """The tools a backup would use; ``ServerBackupError`` when there are none, a
        refusal when this login may not create the scratch database a dump is checked in."""
        db = open_server(self._url)
        try:
            return self._tools(db)
        finally:
            db.close()

    def backup(
        self, folder: Path | None = None, *, label: str = "manual", tools: PgTools | None = None
    ) -> BackupManifest:
        """A verified dump into ``folder`` (default: the backups folder, then pruned), with
        ``tools`` when the caller found them already (``tools()``)."""
        self.files.check_folder(folder)
        tools = tools or self.tools()
        target = self.files.next_path(folder or self.folder, label)
        partial = target.with_name(target.name + PARTIAL)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            pg_dump.dump(tools, self._url, partial)
            held = self._checked(tools, partial, target)
            os.replace(partial, target)
        except OSError as exc:
            raise dump_write_error(exc, target) from exc
        finally:
            partial.unlink(missing_ok=True)
        manifest = _manifest(
            target,
            held,
            taken_at=utc_timestamp(self._clock),
            label=label,
            source=shown_url(self._url),
            sha256=file_sha256(target),
        )
        manifest_path(target).write_text(manifest.to_json(), encoding="utf-8")
        if folder is None:
            self.files.prune(protect=target)
        return manifest

    def _checked(
        self,
        tools: PgTools,
        dump: Path,
        shown: Path,
        authorize: Callable[[sqlite_utils.Database], str] | None = None,
    ) -> DatabaseSummary:
        """Restore ``dump`` into a scratch database, run ``verify`` there, drop it; what it
        holds, or a refusal naming the first problem (then it is no backup)."""
        from chuansha_enforce.services.verify_service import VerifyService  # noqa: PLC0415

        with pg_dump.scratch_database(self._url) as scratch:
            try:
                pg_dump.restore(tools, scratch, dump, clear=False)
            except StorageError as exc:
                params = {"path": str(shown), "detail": exc.params.get("detail", exc.code)}
                raise DomainError("server_backup.unrestorable", "path", params) from exc
            db = open_server(scratch)
            try:
                with db.pg.typed_errors():
                    report = VerifyService(db).run()
                    held = pg_dump.summary(db)
                    if not report.problems and authorize is not None:
                        authorize(db)
            finally:
                db.close()
        refuse_problems(report, "server_backup.verify_failed", shown)
        return held

    def restore(
        self,
        file: Path,
        *,
        replace: bool = False,
        authorize: ServerAuthorize | None = None,
        user: str = "",
        accept_unverified: bool = False,
        key: bytes | None = None,
    ) -> ServerRestoreReport:
        """Put the dump ``file`` in place of the server case book (see the module).

        The restore's audit record is MACed with the dump's chain key: ``key`` (the restoring
        session's) or the one the login ``authorize`` checked unwrapped, whichever opens the
        dump's chain (a restore of the same book: both)."""
        source = Path(file)
        if not source.is_file():
            raise DomainError("restore.missing", "path", {"path": str(source)})
        label = read_manifest(source)
        check_manifest(source, label, accept_unverified=accept_unverified)
        target = open_server(self._url)
        try:
            with target.pg.typed_errors():
                tools = self._tools(target)
                occupied = relations_in(target.pg.raw) > 0
                if occupied and not replace:
                    where = shown_url(self._url)
                    raise DomainError("server_restore.not_empty", "path", {"path": where})
                names: list[str] = []
                keys: list[bytes] = [] if key is None else [key]

                def decide(copy: sqlite_utils.Database) -> str:
                    name = authorize(target if occupied else None, copy) if authorize else user
                    names.append(name)
                    for checked in (target, copy):  # the deciding login unwrapped its book's key
                        found = chain_key.key_for(checked.conn)
                        keys.extend([] if found is None else [found])
                        chain_key.forget(checked.conn)
                    return name

                held = self._checked(tools, source, source, decide)
        finally:
            target.close()
        unknown = [name for name in held.migrations if name not in known_names()]
        if unknown:
            params = {"path": str(source), "migrations": "、".join(unknown)}
            raise DomainError("restore.newer", "path", params)
        saved = self.backup(label="pre-restore").path if occupied else None
        pg_dump.restore(tools, self._url, source, clear=occupied)
        self._after(source, label, names[0] if names else user, keys)
        held_manifest = _manifest(
            source,
            held,
            taken_at=label.taken_at if label else None,
            label=label.label if label else "",
            source=str(source),
            sha256=label.sha256 if label else "",
        )
        return ServerRestoreReport(source, held_manifest, saved, shown_url(self._url))

    def _after(
        self, source: Path, label: BackupManifest | None, user: str, keys: list[bytes]
    ) -> None:
        """The restored case book: a new restore generation (every session opened before
        is refused and logs in again), the restore recorded in its audit log (MACed with
        the one of ``keys`` that is the restored chain's), verified."""
        from chuansha_enforce.services.verify_service import VerifyService  # noqa: PLC0415

        db = open_server(self._url)
        try:
            with db.pg.typed_errors():
                restored_key = key_opening(db, keys)
                if restored_key is not None:
                    chain_key.remember(db.conn, restored_key)
                # heads kept with later backups that this chain no longer holds: replaced by a
                # logged restore, not deleted (``verify`` reads them from this record)
                superseded = superseded_heads(self.files.list_backups(), audit_hashes(db))
                with write_transaction(db):
                    # sessions opened before now log in again (``Services.check_session``)
                    mark_restored(db, secrets.token_hex(16), utc_timestamp(self._clock))
                    AuditLog(db).append(
                        restore_record(
                            self._clock,
                            user,
                            source.name,
                            label.taken_at if label else None,
                            superseded=superseded,
                            unverified=label is None,
                        )
                    )
                report = VerifyService(db).run()
        finally:
            chain_key.forget(db.conn)
            with contextlib.suppress(StorageError):
                db.close()
        refuse_problems(report, "server_restore.verify_after", source)
