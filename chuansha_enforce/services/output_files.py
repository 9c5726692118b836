"""Where an output file (report, export, list) may go, and writing it there whole.

Every command and GUI action that writes a file for the user comes through ``write_output``:
it refuses the open database itself, its ``-wal``/``-shm``/``-journal`` files, its lock file
and its backups (the backups folder beside it, and any file with a backup manifest beside
it), because writing there would destroy the data; then it writes through a temporary file
renamed into place (``chuansha_enforce.output_files``).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import IO

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.output_files import Save, write_atomically
from chuansha_enforce.storage.safety.backup import read_manifest
from chuansha_enforce.storage.safety.writer_lock import lock_path

COMPANIONS = ("-wal", "-shm", "-journal")


def backups_dir(db_path: Path) -> Path:
    """Where automatic backups go: ``backups`` beside the database."""
    return Path(db_path).parent / "backups"


def _same_place(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return os.path.normcase(a) == os.path.normcase(b)


def database_files(db_path: Path) -> tuple[Path, ...]:
    """The files that make up the database: never an output's destination."""
    db = Path(db_path).resolve()
    return (db, *(db.with_name(db.name + end) for end in COMPANIONS), lock_path(db))


def refuse_database_files(target: Path, db_path: Path) -> None:
    """Raise ``output.database_file`` if writing ``target`` would overwrite the data."""
    place = Path(target).expanduser().resolve()
    backups = backups_dir(Path(db_path).resolve())
    if (
        any(_same_place(place, part) for part in database_files(db_path))
        or place.parent == backups
        or backups in place.parents
        or (place.is_file() and read_manifest(place) is not None)
    ):
        raise DomainError("output.database_file", "path", {"path": str(target)})


def bytes_saver(data: bytes) -> Save:
    """What ``write_output`` runs to write bytes already made (a PDF, a CSV)."""

    def save(file: IO[bytes]) -> None:
        file.write(data)

    return save


def write_output(target: Path, db_path: Path, save: Save) -> Path:
    """Write ``target`` whole (or leave it as it was), never over the database or a backup."""
    target = Path(target).expanduser()
    refuse_database_files(target, db_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, save)
    except OSError as exc:
        raise output_error(exc, target) from None
    return target


def check_output_place(target: Path) -> None:
    """Refuse a destination that cannot be written (a folder, a folder that cannot be made,
    one without write permission) before anything is done or logged for it."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise DomainError("output.is_folder", "path", {"path": str(target)})
    _check_can_write_in(target.parent, target)


def check_output_folder(folder: Path) -> None:
    """Refuse a folder (a backup's) that cannot be made or written in, naming it."""
    _check_can_write_in(Path(folder).expanduser(), Path(folder))


def _check_can_write_in(folder: Path, named: Path) -> None:
    """A file can be made in ``folder``, or in the nearest folder above it that exists (where
    the missing ones would be made): tried with a temporary file, nothing left behind."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        raise output_error(exc, named) from None


_OUTPUT_ERRNO_CODES = {
    errno.ENOSPC: "output.disk_full",
    errno.EROFS: "output.read_only",
    errno.EISDIR: "output.is_folder",
    errno.ENOENT: "output.no_folder",
    errno.ENOTDIR: "output.no_folder",
    errno.EEXIST: "output.no_folder",  # (a file where the folder should be)
    errno.EACCES: "output.no_permission",
    errno.EPERM: "output.no_permission",
}


def output_error(exc: OSError, target: Path) -> DomainError:
    """The refusal, naming the file, for an OS error met writing ``target``."""
    code = _OUTPUT_ERRNO_CODES.get(exc.errno or 0)
    if code is not None:
        return DomainError(code, "path", {"path": str(target)})
    detail = exc.strerror or str(exc)
    return DomainError("output.write_failed", "path", {"path": str(target), "detail": detail})
