"""Verified copies of the database, each with a manifest, and the file swap of a restore.

A backup is written under a temporary name with SQLite's backup API, switched to a
self-contained rollback-journal file, checked with ``quick_check`` and only then renamed
into place; its manifest (``<backup>.json``) records when it was taken, the rows per table,
the audit-chain head, the schema version and the SQLite version.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sqlite_utils

from chuansha_enforce import __version__
from chuansha_enforce.storage.connection import SQLITE_VERSION, storage_error_from
from chuansha_enforce.storage.errors import (
    BackupNotWritableError,
    DatabaseCorruptError,
    DatabaseMissingError,
    DatabaseNoPermissionError,
    DatabaseReadOnlyError,
    StorageError,
)
from chuansha_enforce.storage.safety.audit_log import AuditLog
from chuansha_enforce.storage.safety.inspection import (
    applied_migrations,
    integrity_check,
    quick_check,
    summarize,
    table_names,
)

MANIFEST_FORMAT = "chuansha-enforce-backup/1"
PARTIAL = ".partial"
BackupProgress = Callable[[int, int], None]  # (pages done, pages in all)


@dataclass(frozen=True, slots=True)
class BackupManifest:
    file: str
    taken_at: str | None
    label: str
    source: str
    sqlite_version: str
    app_version: str
    schema_version: str | None
    migrations: tuple[str, ...]
    tables: Mapping[str, int]
    audit_head: str
    audit_records: int
    size_bytes: int
    sha256: str
    check: str = "ok"
    format: str = MANIFEST_FORMAT
    path: Path | None = field(default=None, compare=False)
    """Where the backup is (not stored in the JSON: the manifest sits beside it)."""

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("path")
        data["migrations"] = list(self.migrations)
        data["tables"] = dict(self.tables)
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, path: Path | None = None) -> BackupManifest:
        data = json.loads(text)
        return cls(
            file=str(data["file"]),
            taken_at=data.get("taken_at"),
            label=str(data.get("label", "")),
            source=str(data.get("source", "")),
            sqlite_version=str(data.get("sqlite_version", "")),
            app_version=str(data.get("app_version", "")),
            schema_version=data.get("schema_version"),
            migrations=tuple(data.get("migrations", ())),
            tables={str(k): int(v) for k, v in dict(data.get("tables", {})).items()},
            audit_head=str(data.get("audit_head", "")),
            audit_records=int(data.get("audit_records", 0)),
            size_bytes=int(data.get("size_bytes", 0)),
            sha256=str(data.get("sha256", "")),
            check=str(data.get("check", "")),
            format=str(data.get("format", "")),
            path=path,
        )


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_with_backup_api(
    source: sqlite3.Connection, partial: Path, progress: BackupProgress | None
) -> sqlite3.Connection:
    copy = sqlite3.connect(str(partial))
    try:
        if progress is None:
            source.backup(copy)
        else:

            def report(_status: int, remaining: int, total: int) -> None:
                progress(total - remaining, total)

            source.backup(copy, pages=512, progress=report)
        # A backup is one self-contained file: no -wal beside it, readable read-only.
        copy.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        copy.close()
        raise
    return copy


def backup_database(
    db: sqlite_utils.Database,
    target: Path,
    *,
    taken_at: str | None = None,
    label: str = "manual",
    source: Path | None = None,
    progress: BackupProgress | None = None,
) -> Path:
    """Copy the live database to ``target``, keep it only if ``quick_check`` passes.

    The manifest is written beside it. Nothing is left under ``target``'s name if any
    step fails (a partial file at most, under ``<target>.partial``).
    """
    target = Path(target)
    partial = target.with_name(target.name + PARTIAL)
    manifest_file = manifest_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        copy = _copy_with_backup_api(db.conn, partial, progress)
        try:
            result = quick_check(copy)
            if result != "ok":
                raise DatabaseCorruptError(target, detail=result)
            summary = summarize(copy)
        finally:
            copy.close()
        manifest = BackupManifest(
            file=target.name,
            taken_at=taken_at,
            label=label,
            source=str(source or ""),
            sqlite_version=SQLITE_VERSION,
            app_version=__version__,
            schema_version=summary.schema_version,
            migrations=summary.migrations,
            tables=summary.tables,
            audit_head=summary.audit_head,
            audit_records=summary.audit_records,
            size_bytes=partial.stat().st_size,
            sha256=file_sha256(partial),
        )
        partial.replace(target)
        manifest_partial = manifest_file.with_name(manifest_file.name + PARTIAL)
        manifest_partial.write_text(manifest.to_json(), encoding="utf-8")
        manifest_partial.replace(manifest_file)
        _fsync_folder(target.parent)
    except (sqlite3.Error, OSError) as exc:
        _discard(partial)
        raise backup_write_error(exc, target) from exc
    except BaseException:
        _discard(partial)
        raise
    return target


def backup_write_error(exc: BaseException, target: Path) -> StorageError:
    """The error of writing the backup ``target``: a refusal by the OS (in its folder, at the
    rename over its name) names the backup file, not the case book, which is untouched."""
    error = storage_error_from(exc, target)
    # SQLite says only "unable to open" for a copy it may not make in a read-only folder.
    refused = (DatabaseReadOnlyError, DatabaseMissingError, DatabaseNoPermissionError)
    return BackupNotWritableError(target) if type(error) in refused else error


def dump_write_error(exc: OSError, target: Path) -> StorageError:
    """The error of writing the server's dump ``target``: a refusal by the OS names the backup
    file (``backup_write_error``); any other failure is the dump's, named by its file too."""
    error = backup_write_error(exc, target)
    if isinstance(error, BackupNotWritableError):
        return error
    return StorageError(target, detail=exc.strerror or str(exc))


def _discard(partial: Path) -> None:
    """Remove a half-written copy; a path that cannot even be looked at has nothing to remove."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def read_manifest(backup: Path) -> BackupManifest | None:
    try:
        return BackupManifest.from_json(
            manifest_path(backup).read_text(encoding="utf-8"), path=backup
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def unique_backup_path(
    folder: Path, stem: str, stamp: str, label: str, suffix: str = ".db"
) -> Path:
    """``<stem>-<stamp>-<label>.db`` (``.dump`` for a server's), numbered when that name is
    taken (same second)."""
    candidate = folder / f"{stem}-{stamp}-{label}{suffix}"
    number = 2
    while candidate.exists() or manifest_path(candidate).exists():
        candidate = folder / f"{stem}-{stamp}-{label}-{number}{suffix}"
        number += 1
    return candidate


def backup_files(folder: Path, stem: str, suffix: str = ".db") -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{stem}-*{suffix}") if p.is_file())


def remove_backup(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    manifest_path(backup).unlink(missing_ok=True)


def remove_stale_partials(folder: Path, older_than: float) -> None:
    """Leftovers of a backup that was interrupted (a killed process) before ``older_than``."""
    if not folder.is_dir():
        return
    for leftover in folder.glob(f"*{PARTIAL}"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < older_than:
                leftover.unlink()


def manifest_mismatch(
    manifest: BackupManifest, path: Path, verdict: FileVerdict | None = None
) -> tuple[str, str, str] | None:
    """The first way ``path`` differs from its manifest — (what, manifest's, file's) — or
    None: its size and SHA-256, and when ``verdict`` (the file's full check) is given, its
    audit-chain head and schema version."""
    size = path.stat().st_size
    if size != manifest.size_bytes:
        return "大小（字节）", str(manifest.size_bytes), str(size)
    digest = file_sha256(path)
    if digest != manifest.sha256:
        return "SHA-256", manifest.sha256[:16] + "…", digest[:16] + "…"
    if verdict is None:
        return None
    if verdict.audit_head != manifest.audit_head:
        return "操作日志链头", manifest.audit_head[:16] + "…", verdict.audit_head[:16] + "…"
    schema = verdict.migrations[-1] if verdict.migrations else None
    if schema != manifest.schema_version:
        return "数据库结构版本", str(manifest.schema_version), str(schema)
    return None


def check_backup_file(path: Path) -> str:
    """``ok`` or what ``quick_check`` says about a backup file (opened read-only)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return quick_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


def copy_raw(db_path: Path, target: Path, taken_at: str | None = None) -> Path:
    """A byte copy of a database that cannot be read any more (and its WAL), kept as evidence,
    with a manifest of its size and SHA-256 (so ``verify`` can tell it was not changed since)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    manifest = BackupManifest(
        file=target.name,
        taken_at=taken_at,
        label="damaged",
        source=str(db_path),
        sqlite_version=SQLITE_VERSION,
        app_version=__version__,
        schema_version=None,
        migrations=(),
        tables={},
        audit_head="",
        audit_records=0,
        size_bytes=target.stat().st_size,
        sha256=file_sha256(target),
        check="damaged",
    )
    manifest_path(target).write_text(manifest.to_json(), encoding="utf-8")
    return target


@dataclass(frozen=True, slots=True)
class FileVerdict:
    """What a candidate for restore is: ``problem`` is None when it may be restored."""

    problem: str | None
    detail: str = ""
    migrations: tuple[str, ...] = ()
    broken_record: int | None = None
    tables: Mapping[str, int] = field(default_factory=dict)
    audit_head: str = ""
    audit_records: int = 0


def verify_database_file(path: Path) -> FileVerdict:
    """Full checks on a file we own (a staging copy): integrity, ours, migrations, chain.

    ``problem`` is one of ``not_a_database``, ``damaged``, ``not_ours``, ``chain_broken``.
    """
    try:
        conn = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        return FileVerdict("not_a_database", str(exc))
    try:
        try:
            result = integrity_check(conn)
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            return FileVerdict("not_a_database" if "not a database" in text else "damaged", text)
        if result != "ok":
            return FileVerdict("damaged", result)
        migrations = applied_migrations(conn)
        if migrations is None or "audit_log" not in table_names(conn):
            return FileVerdict("not_ours")
        broken = AuditLog(sqlite_utils.Database(conn)).verify()
        if broken is not None:
            return FileVerdict("chain_broken", migrations=migrations, broken_record=broken)
        summary = summarize(conn)
        return FileVerdict(
            None,
            migrations=migrations,
            tables=summary.tables,
            audit_head=summary.audit_head,
            audit_records=summary.audit_records,
        )
    except sqlite3.DatabaseError as exc:
        return FileVerdict("damaged", str(exc))
    finally:
        conn.close()


def _sidecars(db_path: Path) -> tuple[Path, Path]:
    return db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")


def settle_for_swap(db_path: Path) -> bool:
    """Fold the WAL into the file and empty it; False if another process kept it busy.

    Call with every connection of this process to the file closed.
    """
    if not db_path.exists():
        return True
    wal, _ = _sidecars(db_path)
    try:
        conn = sqlite3.connect(str(db_path))
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise storage_error_from(exc, db_path) from exc
    return int(busy) == 0 and (not wal.exists() or wal.stat().st_size == 0)


def swap_in(staging: Path, db_path: Path) -> None:
    """Atomically put ``staging`` in the place of ``db_path`` and drop the old WAL and index.

    The old WAL is empty by now (``settle_for_swap``) or belongs to a damaged file kept
    aside; it must not be replayed onto the restored file, so it goes.
    """
    # Backups are kept in rollback-journal mode (one self-contained file); the live file is
    # WAL. Switching here, before the swap, means the first open afterwards changes no byte
    # of the restored file (a read-only command then leaves it exactly as restored).
    conn = sqlite3.connect(staging)
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()
    os.replace(staging, db_path)
    for sidecar in _sidecars(db_path):
        sidecar.unlink(missing_ok=True)
    _fsync_folder(db_path.parent)
