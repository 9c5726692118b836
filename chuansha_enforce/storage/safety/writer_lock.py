"""One writing process per database file: an OS lock on ``<db>.lock`` held while it is open.

The lock is the operating system's (``fcntl.flock`` / ``msvcrt.locking``), so it disappears
with the process however the process ends (a kill, a power cut); a stale lock file is
harmless. Inside one process the lock is shared: the GUI's background jobs open their own
connections to the same file, and the process-wide table below counts those holders. That
table mirrors the OS lock, which is itself per process, so it is the one piece of module
state here.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

PID_OFFSET = 16
"""The holder's process id is written here; Windows locks only byte 0, so others can read it."""


@dataclass
class _Held:
    fd: int
    holders: int


_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _key(db_path: Path) -> str:
    return os.path.normcase(str(lock_path(Path(db_path).resolve())))


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@dataclass
class WriterLock:
    """One holder's share of the lock; ``release`` is idempotent."""

    key: str
    released: bool = field(default=False)

    def release(self) -> None:
        with _GUARD:
            if self.released:
                return
            self.released = True
            held = _HELD.get(self.key)
            if held is None:
                return
            held.holders -= 1
            if held.holders == 0:
                del _HELD[self.key]
                os.close(held.fd)  # closing the descriptor drops the OS lock


def acquire_writer_lock(db_path: Path) -> WriterLock | None:
    """Take (or share, within this process) the writer lock; None if another process has it.

    Raises ``OSError`` when the lock file cannot be created (a read-only folder).
    """
    key = _key(db_path)
    with _GUARD:
        held = _HELD.get(key)
        if held is not None:
            held.holders += 1
            return WriterLock(key)
        fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return None
        with contextlib.suppress(OSError):
            os.lseek(fd, PID_OFFSET, os.SEEK_SET)
            os.write(fd, f"{os.getpid():<12d}\n".encode("ascii"))
        _HELD[key] = _Held(fd, 1)
        return WriterLock(key)


def lock_holder_pid(db_path: Path) -> int | None:
    """The process id the current holder wrote into the lock file (best effort)."""
    try:
        with open(lock_path(Path(db_path).resolve()), "rb") as file:
            file.seek(PID_OFFSET)
            text = file.read(12).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
