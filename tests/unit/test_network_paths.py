"""Network-share detection over sample mount tables and Windows drive types."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuansha_enforce.domain.safety.network_paths import (
    WINDOWS_DRIVE_REMOTE,
    is_unc_path,
    mount_of,
    parse_mounts,
    posix_network_kind,
    windows_drive_root,
    windows_network_kind,
)
from chuansha_enforce.storage.safety.network_location import network_kind

MOUNTS = r"""
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda1 /boot/efi vfat rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
nas.example:/export/home /home/shared nfs4 rw,relatime,vers=4.2 0 0
//fileserver/执法 /mnt/执法\040共享 cifs rw,relatime,vers=3.0 0 0
//fs2/data /media/data smb3 rw 0 0
user@host:/srv /home/clerk/remote fuse.sshfs rw,nosuid 0 0
/dev/sdb1 /home/shared/local ext4 rw 0 0
broken-line
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/clerk/cases.db", None),
        ("/tmp/cases.db", None),
        ("/home/shared/cases.db", "nfs4"),
        ("/home/shared/台账/cases.db", "nfs4"),
        ("/home/sharedother/cases.db", None),  # a prefix of the name is not a parent folder
        ("/home/shared/local/cases.db", None),  # a local disk mounted inside the share
        ("/mnt/执法 共享/cases.db", "cifs"),  # \040 is a space
        ("/media/data/x/cases.db", "smb3"),
        ("/home/clerk/remote/cases.db", "fuse.sshfs"),
    ],
)
def test_posix_network_kind(path: str, kind: str | None) -> None:
    assert posix_network_kind(path, parse_mounts(MOUNTS)) == kind


def test_a_later_mount_over_the_same_point_wins() -> None:
    table = "/dev/sda2 /data ext4 rw 0 0\nserver:/x /data nfs rw 0 0\n"
    mount = mount_of("/data/cases.db", parse_mounts(table))
    assert mount is not None
    assert mount.fstype == "nfs"
    assert posix_network_kind("/elsewhere/cases.db", parse_mounts(table)) is None


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\server\share\cases.db", True),
        ("//server/share/cases.db", True),
        (r"\\?\UNC\server\share\cases.db", True),
        (r"\\?\C:\data\cases.db", False),
        (r"\\.\PhysicalDrive0", False),
        (r"C:\data\cases.db", False),
        (r"\data\cases.db", False),
    ],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


@pytest.mark.parametrize(
    ("path", "root", "drive_type", "kind"),
    [
        (r"C:\data\cases.db", "C:\\", 3, None),  # DRIVE_FIXED
        (r"z:\台账\cases.db", "Z:\\", WINDOWS_DRIVE_REMOTE, "mapped network drive"),
        (r"\\?\D:\cases.db", "D:\\", 2, None),  # removable: allowed
        (r"\\server\share\cases.db", None, None, "UNC"),
        (r"\\?\UNC\server\share\cases.db", None, None, "UNC"),
    ],
)
def test_windows_network_kind(
    path: str, root: str | None, drive_type: int | None, kind: str | None
) -> None:
    assert windows_drive_root(path) == root
    assert windows_network_kind(path, drive_type) == kind


def test_the_storage_side_reads_a_mount_table(tmp_path: Path) -> None:
    table = tmp_path / "mounts"
    table.write_text(f"/dev/sda2 / ext4 rw 0 0\nnas:/x {tmp_path} nfs4 rw 0 0\n", "utf-8")
    # The database need not exist yet: the folder that will hold it decides.
    assert network_kind(tmp_path / "new" / "cases.db", table) == "nfs4"
    assert network_kind(Path("/var/cases.db"), table) is None
    assert network_kind(tmp_path / "cases.db", tmp_path / "no-such-table") is None
