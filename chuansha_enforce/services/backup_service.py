"""Backups, their list, and restore: the use cases behind ``backup``, ``restore`` and 文件.

Each call opens its own connection, so the GUI can run it on a worker thread. Backups in
the default folder (``backups`` beside the database) are thinned by the retention policy;
a folder the user names is left as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import sqlite_utils

from chuansha_enforce.domain.clock import Clock, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.safety.backup_retention import (
    DEFAULT_POLICY,
    RetentionPolicy,
    backups_to_keep,
)
from chuansha_enforce.services.backup_checks import (
    check_manifest,
    refuse_problems,
    superseded_heads,
)
from chuansha_enforce.services.output_files import (
    backups_dir,
    check_output_folder,
    refuse_database_files,
)
from chuansha_enforce.services.system_clock import file_system_seconds
from chuansha_enforce.storage.connection import (
    SQLITE_VERSION,
    fold_wal,
    is_foreign_file,
    open_database,
    storage_error_from,
    write_transaction,
)
from chuansha_enforce.storage.errors import (
    DatabaseCheckFailedError,
    DatabaseCheckFailedNoBackupError,
    DatabaseCorruptError,
    DatabaseInUseError,
    DatabaseLockedError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyMediumError,
    StorageError,
)
from chuansha_enforce.storage.migrations import known_names
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.safety.backup import (
    BackupManifest,
    BackupProgress,
    backup_database,
    backup_files,
    backup_write_error,
    check_backup_file,
    copy_raw,
    manifest_mismatch,
    read_manifest,
    remove_backup,
    remove_stale_partials,
    settle_for_swap,
    swap_in,
    unique_backup_path,
    verify_database_file,
)
from chuansha_enforce.storage.safety.inspection import quick_check
from chuansha_enforce.storage.safety.integrity import audit_hashes, key_opening, newest_mac
from chuansha_enforce.storage.safety.writer_lock import acquire_writer_lock, lock_holder_pid

__all__ = ["BackupManifest", "BackupService", "RestoreReport", "backups_dir", "dump_backups"]

STALE_PARTIAL_SECONDS = 3600
DUMP_SUFFIX = ".dump"
"""A server case book's pg_dump backups (a file's are ``.db`` copies)."""
NOT_LOGGED_IN = "未登录"
"""Who a restore is recorded under when the caller names nobody and passes no ``authorize``
(the CLI and the GUI always do one or the other)."""
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreReport:
    restored_from: Path
    manifest: BackupManifest
    """What the restored database holds (counted on the verified copy that was swapped in)."""
    safety_backup: Path | None
    """The copy of the database as it was before the restore (None if there was none)."""
    previous_damaged: bool
    """The replaced database could not be read: ``safety_backup`` is a raw byte copy."""

    @property
    def pending_migrations(self) -> tuple[str, ...]:
        """Migrations the restored (older) file lacks: they run, after a backup, on next open."""
        return tuple(name for name in known_names() if name not in self.manifest.migrations)


def _staging_files(staging: Path) -> tuple[Path, ...]:
    return (
        staging,
        *(staging.with_name(staging.name + end) for end in ("-journal", "-wal", "-shm")),
    )


def remove_restore_leftovers(db_path: Path) -> list[Path]:
    """The ``.restoring`` copy (and its journal) a killed restore left: removed at the next
    start, by the process that holds the writer lock (so no restore is running)."""
    staging = db_path.with_name(db_path.name + ".restoring")
    removed = [p for p in _staging_files(staging) if p.exists()]
    for leftover in removed:
        leftover.unlink(missing_ok=True)
    return removed


def restore_record(
    clock: Clock,
    user: str,
    source: str,
    taken_at: str | None,
    *,
    superseded: list[str],
    unverified: bool,
) -> AuditEntry:
    """The audit record of a restore: who, from which backup taken when, the chain heads of
    later backups it replaced (``verify`` excuses those), and whether it had no manifest."""
    detail: dict[str, object] = {
        "from": source,
        "taken_at": taken_at,
        "superseded_heads": superseded,
    }
    if unverified:
        detail["unverified"] = "no manifest, --accept-unverified"
    return AuditEntry(
        utc_timestamp(clock), user, "database.restore", "database", None, "ok", detail
    )


def dump_backups(
    local_path: Path, clock: Clock, *, policy: RetentionPolicy = DEFAULT_POLICY
) -> BackupService:
    """The pg_dump backups of a server case book kept on this PC (``local_path``: its folder
    for the server): their manifests, names and retention, as a file's backups have."""
    return BackupService(local_path, clock, policy=policy, suffix=DUMP_SUFFIX)


def _taken_at(manifest: BackupManifest) -> dt.datetime | None:
    if not manifest.taken_at:
        return None
    try:
        instant = dt.datetime.fromisoformat(manifest.taken_at)
    except ValueError:
        return None
    return instant if instant.tzinfo else instant.replace(tzinfo=dt.UTC)


class BackupService:
    def __init__(
        self,
        db_path: Path,
        clock: Clock,
        *,
        policy: RetentionPolicy = DEFAULT_POLICY,
        suffix: str = ".db",
    ) -> None:
        self._db_path = Path(db_path)
        self._clock = clock
        self._policy = policy
        self.suffix = suffix
        """``.db`` copies of a file; ``.dump`` for a server case book's pg_dump backups."""

    @property
    def folder(self) -> Path:
        """Where automatic backups go: ``backups`` beside the database."""
        return backups_dir(self._db_path)

    def next_path(self, folder: Path, label: str) -> Path:
        stamp = self._clock.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        return unique_backup_path(folder, self._db_path.stem, stamp, label, self.suffix)

    def backup_from(
        self,
        db: sqlite_utils.Database,
        label: str,
        folder: Path | None = None,
        progress: BackupProgress | None = None,
    ) -> BackupManifest:
        """A verified backup through an open connection (before migrations, from the CLI)."""
        target = self.next_path(folder or self.folder, label)
        backup_database(
            db,
            target,
            taken_at=utc_timestamp(self._clock),
            label=label,
            source=self._db_path,
            progress=progress,
        )
        if folder is None:
            self.prune(protect=target)
        manifest = read_manifest(target)
        if manifest is None:  # written a moment ago; only a vanished folder gets here
            raise StorageError(target, detail="manifest")
        return manifest

    def check_folder(self, folder: Path | None) -> None:
        """Refuse a destination before anything is done for it: the database's own files
        (e.g. a folder named cases.db-shm), or something that is not a folder."""
        if folder is not None:
            refuse_database_files(folder, self._db_path)
            if folder.exists() and not folder.is_dir():
                raise DomainError("backup.not_a_folder", "path", {"path": str(folder)})
            check_output_folder(folder)

    def backup(
        self,
        folder: Path | None = None,
        *,
        label: str = "manual",
        progress: BackupProgress | None = None,
    ) -> BackupManifest:
        """Back up the database into ``folder`` (default: the backups folder, then prune)."""
        self.check_folder(folder)
        db = open_database(self._db_path, read_only=True)
        try:
            return self.backup_from(db, label, folder, progress)
        except ReadOnlyMediumError:
            if folder is None:  # the backups folder beside a database on a read-only medium
                raise DomainError(
                    "backup.read_only_medium", "path", {"path": str(self.folder)}
                ) from None
            raise
        finally:
            db.close()

    def list_backups(self, folder: Path | None = None) -> list[BackupManifest]:
        """The backups of this database in ``folder``, newest first."""
        found: list[BackupManifest] = []
        for path in backup_files(folder or self.folder, self._db_path.stem, self.suffix):
            manifest = read_manifest(path)
            if manifest is None:
                stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat()
                manifest = BackupManifest(
                    file=path.name,
                    taken_at=stamp,
                    label="",
                    source="",
                    sqlite_version="",
                    app_version="",
                    schema_version=None,
                    migrations=(),
                    tables={},
                    audit_head="",
                    audit_records=0,
                    size_bytes=path.stat().st_size,
                    sha256="",
                    check="",
                    path=path,
                )
            found.append(manifest)
        return sorted(found, key=lambda m: (m.taken_at or "", m.file), reverse=True)

    def manifest_problems(self, folder: Path | None = None) -> list[tuple[str, str]]:
        """Each kept backup checked against the manifest beside it (size, SHA-256): the
        (file, what is wrong) pairs; empty when every backup is as it was taken."""
        problems: list[tuple[str, str]] = []
        for path in backup_files(folder or self.folder, self._db_path.stem, self.suffix):
            manifest = read_manifest(path)
            if manifest is None:
                problems.append((path.name, "no manifest beside it: it cannot be checked"))
                continue
            try:
                mismatch = manifest_mismatch(manifest, path)
            except OSError as exc:
                problems.append((path.name, f"cannot be read: {exc.strerror or exc}"))
                continue
            if mismatch is not None:
                what, expected, actual = mismatch
                text = f"{what} differs from its manifest ({expected} there, {actual} now)"
                problems.append((path.name, text + ": the backup was changed after it was taken"))
        return problems

    def prune(self, protect: Path | None = None) -> list[Path]:
        """Delete the backups the retention policy does not keep; return what went.

        ``protect`` (the backup just taken) stays whatever the policy says.
        """
        listed = self.list_backups()
        dated = [(m.file, at) for m in listed if (at := _taken_at(m)) is not None]
        keep = backups_to_keep(dated, self._clock.now(), self._policy)
        if protect is not None:
            keep |= {protect.name}
        removed = []
        for manifest in listed:
            if manifest.path is not None and _taken_at(manifest) and manifest.file not in keep:
                remove_backup(manifest.path)
                removed.append(manifest.path)
        # File ages are the file system's, so they are compared with the OS clock.
        remove_stale_partials(self.folder, file_system_seconds() - STALE_PARTIAL_SECONDS)
        return removed

    def check_result(self, db: sqlite_utils.Database) -> StorageError | None:
        """``quick_check`` through ``db``: None when it passes, else the error to show,
        naming the newest good backup (or the folder that has none)."""
        try:
            result = quick_check(db.conn)
        except Exception as exc:  # a damaged file can fail the check itself
            result = str(storage_error_from(exc, self._db_path).params.get("detail") or exc)
        if result == "ok":
            return None
        log.error("quick_check failed for %s: %s", self._db_path, result)
        newest = self.newest_good()
        if newest is None:
            return DatabaseCheckFailedNoBackupError(
                self._db_path, detail=result, folder=str(self.folder)
            )
        return DatabaseCheckFailedError(self._db_path, detail=result, backup=str(newest.path))

    def check_live(self) -> StorageError | None:
        """The start-up check on a connection of its own (safe on a worker thread)."""
        try:
            db = open_database(self._db_path, read_only=True)
        except StorageError as exc:
            return exc
        try:
            return self.check_result(db)
        finally:
            db.close()

    def newest_good(self) -> BackupManifest | None:
        """The newest backup that passes ``quick_check`` now (offered after a failed check)."""
        for manifest in self.list_backups():
            if manifest.path is not None and check_backup_file(manifest.path) == "ok":
                return manifest
        return None

    # -- restore ------------------------------------------------------------------------
    def _check_candidate(self, source: Path) -> None:
        if source.is_dir():
            raise DomainError("badinput.restore_folder", "path", {"path": str(source)})
        if not source.is_file():
            raise DomainError("restore.missing", "path", {"path": str(source)})
        if self._db_path.exists() and os.path.samefile(source, self._db_path):
            raise DomainError("restore.same_file", "path", {"path": str(source)})
        if self._db_path.is_file() and is_foreign_file(self._db_path):  # not put aside either
            raise ForeignDatabaseError(self._db_path)
        wal = source.with_name(source.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise DomainError("restore.live_file", "path", {"path": str(source)})

    def _verified_copy(
        self, source: Path, staging: Path, *, accept_unverified: bool = False
    ) -> BackupManifest:
        try:
            shutil.copyfile(source, staging)
        except PermissionError as exc:
            if exc.filename is not None and Path(exc.filename) == source:  # reading it
                raise DomainError("restore.no_permission", "path", {"path": str(source)}) from None
            raise storage_error_from(exc, staging) from exc
        except OSError as exc:
            raise storage_error_from(exc, staging) from exc
        verdict = verify_database_file(staging)
        params: dict[str, object] = {"path": str(source), "detail": verdict.detail}
        if verdict.problem == "not_a_database":
            raise DomainError("restore.not_a_database", "path", params)
        if verdict.problem == "damaged":
            raise DomainError("restore.damaged", "path", params)
        if verdict.problem == "not_ours":
            raise DomainError("restore.not_ours", "path", params)
        unknown = [name for name in verdict.migrations if name not in known_names()]
        if unknown:
            raise DomainError(
                "restore.newer", "path", {"path": str(source), "migrations": "、".join(unknown)}
            )
        if verdict.problem == "chain_broken":
            raise DomainError(
                "restore.chain_broken",
                "path",
                {"path": str(source), "record": verdict.broken_record},
            )
        label = read_manifest(source)
        check_manifest(
            source, label, accept_unverified=accept_unverified, copy=staging, verdict=verdict
        )
        self._check_verify(source, staging)
        return BackupManifest(
            file=source.name,
            taken_at=label.taken_at if label else None,
            label=label.label if label else "",
            source=str(source),
            sqlite_version=label.sqlite_version if label else SQLITE_VERSION,
            app_version=label.app_version if label else "",
            schema_version=verdict.migrations[-1] if verdict.migrations else None,
            migrations=verdict.migrations,
            tables=verdict.tables,
            audit_head=verdict.audit_head,
            audit_records=verdict.audit_records,
            size_bytes=staging.stat().st_size,
            sha256=label.sha256 if label else "",
            path=source,
        )

    @staticmethod
    def _check_verify(source: Path, staging: Path) -> None:
        """The full ``verify`` (chain, signatures, accounts) on the staged copy (its module is
        loaded here, by a restore: not at every start)."""
        from chuansha_enforce.services.verify_service import VerifyService  # noqa: PLC0415

        db = open_database(staging, read_only=True)
        try:
            report = VerifyService(db).run()
        finally:
            db.close()
        refuse_problems(report, "restore.verify_failed", source)

    def _save_current(self) -> tuple[Path | None, bool]:
        """Back up the database about to be replaced; a raw copy if it cannot be read."""
        if not self._db_path.exists():
            return None, False
        try:
            saved = self.backup(label="pre-restore")
        except (DatabaseCorruptError, NotADatabaseError):
            target = self.next_path(self.folder, "damaged")
            try:
                return copy_raw(self._db_path, target, utc_timestamp(self._clock)), True
            except OSError as exc:
                if exc.filename is not None and Path(exc.filename) == self._db_path:  # reading
                    raise storage_error_from(exc, self._db_path) from exc
                raise backup_write_error(exc, target) from exc
        return saved.path, False

    def _superseded_heads(self, staging: Path) -> list[str]:
        """Chain heads kept with backups that the restored chain does not contain."""
        db = open_database(staging, read_only=True)
        try:
            kept = audit_hashes(db)
        finally:
            db.close()
        return superseded_heads(self.list_backups(), kept)

    def _log_restore(
        self,
        staging: Path,
        user: str,
        manifest: BackupManifest,
        superseded: list[str],
        *,
        unverified: bool = False,
    ) -> BackupManifest:
        """Append the restore to the restored file's own audit chain (who, from what, when)."""
        db = open_database(staging)
        # MACed with the chain key the administrator's login unwrapped (a keyed chain): the
        # one that opens the backup's chain, never another book's (then none)
        logins = [chain_key.key_for_file(self._db_path), chain_key.key_for_file(staging)]
        keys = [k for k in logins if k is not None]
        key = key_opening(db, keys) if newest_mac(db) is not None else next(iter(keys), None)
        if key is not None:
            chain_key.remember(db.conn, key)
        try:
            with write_transaction(db):
                head = AuditLog(db).append(
                    restore_record(
                        self._clock,
                        user,
                        manifest.file,
                        manifest.taken_at,
                        superseded=superseded,
                        unverified=unverified,
                    )
                )
            # Fold the WAL into the file now: the swap moves the file alone, and leftovers of
            # the staging copy are removed afterwards.
            fold_wal(db)
        finally:
            chain_key.forget(db.conn)
            db.close()
        wal = staging.with_name(staging.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseLockedError(staging)
        tables = {**manifest.tables, "audit_log": manifest.tables.get("audit_log", 0) + 1}
        records = (manifest.audit_records or 0) + 1
        return replace(manifest, tables=tables, audit_head=head, audit_records=records)

    def restore(
        self,
        file: Path,
        *,
        user: str = NOT_LOGGED_IN,
        authorize: Callable[[Path], str] | None = None,
        before_swap: Callable[[], None] | None = None,
        accept_unverified: bool = False,
    ) -> RestoreReport:
        """Verify ``file``, back up the current database, then swap the file in atomically.

        The restored file gets one audit record more than the backup: the restore itself, by
        ``user`` — or by whom ``authorize`` names once the copy is verified (it may refuse;
        see ``services.restore_authority``) — naming the chain heads it replaced.
        ``before_swap`` runs once everything is checked and saved, just before the swap: the
        GUI closes its own connections there. Any refusal leaves the database as it was.

        The copy must match the manifest beside the backup (size, SHA-256, chain head, schema
        version) and pass the full ``verify``; a backup without a manifest is restored only
        with ``accept_unverified``, which the restore record says.
        """
        source = Path(file)
        self._check_candidate(source)
        try:
            self._db_path.parent.mkdir(parents=True, exist_ok=True)
            lock = acquire_writer_lock(self._db_path)
        except OSError as exc:
            raise storage_error_from(exc, self._db_path) from exc
        if lock is None:
            raise DatabaseInUseError(self._db_path, pid=lock_holder_pid(self._db_path) or "?")
        staging = self._db_path.with_name(self._db_path.name + ".restoring")
        try:
            for leftover in _staging_files(staging):
                leftover.unlink(missing_ok=True)
            manifest = self._verified_copy(source, staging, accept_unverified=accept_unverified)
            unverified = read_manifest(source) is None
            if authorize is not None:
                user = authorize(staging)  # before anything is saved or changed
            saved, damaged = self._save_current()
            superseded = self._superseded_heads(staging)
            manifest = self._log_restore(staging, user, manifest, superseded, unverified=unverified)
            if before_swap is not None:
                before_swap()
            try:
                if not damaged and not settle_for_swap(self._db_path):
                    raise DatabaseLockedError(self._db_path)
                swap_in(staging, self._db_path)
            except OSError as exc:
                raise storage_error_from(exc, self._db_path) from exc
        finally:
            for leftover in _staging_files(staging):
                leftover.unlink(missing_ok=True)
            lock.release()
        return RestoreReport(source, manifest, saved, damaged)
