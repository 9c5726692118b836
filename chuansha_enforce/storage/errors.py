"""Environment problems with the database file: typed, so callers can say what to do."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """A problem with the database file, not a rule violation and not a bug.

    ``code`` keys the message catalogue; ``params`` fills it (always includes ``path``).
    """

    code = "storage.error"

    def __init__(self, path: Path | str, **params: object) -> None:
        self.path = Path(path)
        self.params: dict[str, object] = {"path": str(path), **params}
        super().__init__(self.code, self.params)


class DatabaseNewerError(StorageError):
    """The file was migrated by a newer build: refuse it rather than guess."""

    code = "storage.newer"


class DatabaseCorruptError(StorageError):
    code = "storage.corrupt"


class DatabaseLockedError(StorageError):
    code = "storage.locked"


class ServerConflictError(DatabaseLockedError):
    """A server broke a deadlock (SQLSTATE 40P01) or a serialisation failure (40001) by
    refusing this transaction, which it rolled back: the same write, run again from its
    start, may go through (``connection.retried_call``, around every service operation).
    Said as ``storage.locked``."""

    final = False
    """Set once an operation has been run as often as it may: no outer operation runs it
    again."""


class ServerConflictAfterCommitError(ServerConflictError):
    """The server refused a transaction of an operation after another of the same operation
    had committed: not run again (that would write the committed part twice), and said so:
    part of the operation is in the book, the rest is not."""

    code = "storage.conflict_after_commit"
    final = True


class DatabaseReadOnlyError(StorageError):
    code = "storage.read_only"


class BackupNotWritableError(StorageError):
    """The OS refused writing a backup (into its folder, or the rename over its own name, as
    Windows refuses to replace a file another program holds open): said as the backup file,
    not as the case book, which is untouched."""

    code = "backup.not_writable"


class DiskFullError(StorageError):
    code = "storage.disk_full"


class ReadOnlyMediumError(DatabaseReadOnlyError):
    """The file system holding the database is read-only (a locked USB stick, a CD): the
    database was opened read-only; reading works, writing is refused."""

    code = "storage.read_only_medium"


class DiskFullOnOpenError(DiskFullError):
    """The disk was already full when the database was opened: opened read-only."""

    code = "storage.disk_full_on_open"


class NotADatabaseError(StorageError):
    code = "storage.not_a_database"


class ForeignDatabaseError(StorageError):
    """A SQLite file another program made (tables, none of this program's migrations):
    refused as it is, never made a case book by writing this program's tables into it."""

    code = "storage.foreign_database"


class DatabaseMissingError(StorageError):
    code = "storage.missing"


class DatabaseNoPermissionError(StorageError):
    """The file is there but the OS will not let this user open it (its mode, or a folder on
    its way the user may not enter): not "not found"."""

    code = "storage.no_permission"


class DatabaseInUseError(StorageError):
    """Another copy of the program writes this file: this one opened it read-only."""

    code = "storage.in_use"


class NetworkPathError(StorageError):
    """The file is on a network share, where SQLite's locking cannot be trusted."""

    code = "storage.network"


class DatabaseCheckFailedError(DatabaseCorruptError):
    """The start-up integrity check failed; ``params['backup']`` names the newest good backup."""

    code = "storage.check_failed"


class DatabaseCheckFailedNoBackupError(DatabaseCorruptError):
    """The start-up integrity check failed and there is no good backup to offer."""

    code = "storage.check_failed_no_backup"


class ServerUnreachableError(StorageError):
    """The PostgreSQL server did not accept the connection (address, account, database)."""

    code = "storage.server_unreachable"


class ServerError(StorageError):
    """The PostgreSQL server refused a statement for a reason that is not a rule's."""

    code = "storage.server_error"


class ServerBackupError(StorageError):
    """A server case book is backed up by the server's own means (not yet by this program)."""

    code = "storage.server_backup"


class ServerSchemaOldError(StorageError):
    """The server database was set up by an older build; upgrading it is not done yet."""

    code = "storage.server_schema_old"


class SealTrackingMissingError(DatabaseReadOnlyError):
    """Seal tracking triggers are missing on a server case book and this login may not make
    them again: it only reads until the owner's login has opened the book once."""

    code = "storage.seal_tracking_missing"


class SealTrackingDisabledError(SealTrackingMissingError):
    """The same for tracking triggers switched off (``ALTER TABLE … DISABLE TRIGGER``)."""

    code = "storage.seal_tracking_disabled"


class SealTrackingBrokenError(SealTrackingMissingError):
    """The same when some are missing (``missing``) and others switched off (``disabled``)."""

    code = "storage.seal_tracking_broken"
