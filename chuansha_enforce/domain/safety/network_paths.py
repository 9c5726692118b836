"""Is a database path on a network share? Pure decisions over a mount table or a drive type.

SQLite's locking is unreliable over SMB and NFS, so the program refuses to write a database
there. The I/O (reading ``/proc/mounts``, asking Windows for the drive type) lives in
``storage.network_location``; these functions only decide, so they are tested with tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "davfs",
        "fuse.sshfs",
        "sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.smbnetfs",
        "fuse.ceph",
        "fuse.s3fs",
    }
)
WINDOWS_DRIVE_REMOTE = 4
"""``GetDriveTypeW`` says DRIVE_REMOTE for a mapped network drive."""


@dataclass(frozen=True, slots=True)
class Mount:
    device: str
    mountpoint: str
    fstype: str


_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """``/proc/mounts`` writes a space as ``\\040``, a tab as ``\\011`` and so on."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[Mount]:
    """The mounts in a ``/proc/mounts`` (or ``/etc/mtab``) text; malformed lines are skipped."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3 or fields[0].startswith("#"):
            continue
        mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), fields[2].lower()))
    return mounts


def mount_of(path: str, mounts: Sequence[Mount]) -> Mount | None:
    """The mount holding an absolute POSIX ``path``: the longest mount point above it.

    When one mount point is mounted over twice, the later line wins, as in the kernel.
    """
    parts = PurePosixPath(path).parts
    best: Mount | None = None
    best_len = -1
    for mount in mounts:
        point = PurePosixPath(mount.mountpoint).parts
        if parts[: len(point)] == point and len(point) >= best_len:
            best, best_len = mount, len(point)
    return best


def is_network_filesystem(fstype: str) -> bool:
    kind = fstype.lower()
    return kind in NETWORK_FILESYSTEMS or kind.startswith(("nfs", "smb", "cifs"))


def posix_network_kind(path: str, mounts: Sequence[Mount]) -> str | None:
    """The network file system type (``nfs4``, ``cifs`` …) holding ``path``, or None."""
    mount = mount_of(path, mounts)
    if mount is None or not is_network_filesystem(mount.fstype):
        return None
    return mount.fstype


def is_unc_path(path: str) -> bool:
    r"""``\\server\share\…`` (also written with slashes, or as ``\\?\UNC\server\…``)."""
    text = path.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\") and len(text) > 2 and text[2] != "\\"


def windows_drive_root(path: str) -> str | None:
    r"""``C:\`` for ``C:\data\cases.db`` (also after a ``\\?\`` prefix); None for UNC paths."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\?\\") and not text.upper().startswith("\\\\?\\UNC\\"):
        text = text[4:]
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":" and drive[0].isalpha():
        return drive.upper() + "\\"
    return None


def windows_network_kind(path: str, drive_type: int | None) -> str | None:
    """``UNC`` or ``mapped network drive`` when ``path`` is on a share, else None.

    ``drive_type`` is what ``GetDriveTypeW`` said for ``windows_drive_root(path)``
    (None when there is no drive letter).
    """
    if is_unc_path(path):
        return "UNC"
    if drive_type == WINDOWS_DRIVE_REMOTE:
        return "mapped network drive"
    return None
