"""The operating system refusing a place with a real ``PermissionError`` (EACCES), as it does
for a user without the right there. The tests run as root, where ``chmod`` stops nothing, so
the refusal is made at the system edge instead: every Python call that opens, makes, renames
or replaces a file (``os.open``, ``open``/``io.open``, ``os.replace``, ``os.rename``,
``os.mkdir``) raises ``PermissionError(errno.EACCES, ...)`` naming the path when the path lies
in the refused folder (a write, or with ``reading`` any open), and goes on as usual elsewhere.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, *, reading: bool = False) -> list[str]:
    """Make the OS refuse writing in ``folder`` (and reading in it, with ``reading``); the
    paths refused, in order, are returned (a test shows the refusal was met)."""
    place = os.path.realpath(folder)
    refused: list[str] = []
    real_open, real_os_open = io.open, os.open
    real_replace, real_rename, real_mkdir = os.replace, os.rename, os.mkdir

    def inside(path: Any) -> bool:
        if isinstance(path, int):  # an open descriptor
            return False
        name = os.path.realpath(os.fsdecode(path))
        return name == place or name.startswith(place + os.sep)

    def deny(path: Any) -> PermissionError:
        refused.append(os.fsdecode(path))
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if inside(path) and (reading or flags & _WRITING or flags & getattr(os, "O_TMPFILE", 0)):
            raise deny(path)
        return real_os_open(path, flags, *args, **kwargs)

    def file_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if inside(file) and (reading or any(c in mode for c in "wax+")):
            raise deny(file)
        return real_open(file, mode, *args, **kwargs)

    def moved(real: Any) -> Any:
        def move(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            if inside(dst) or inside(src):
                raise deny(dst)
            real(src, dst, *args, **kwargs)

        return move

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if inside(path):
            raise deny(path)
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(io, "open", file_open)
    monkeypatch.setattr(builtins, "open", file_open)
    monkeypatch.setattr(os, "replace", moved(real_replace))
    monkeypatch.setattr(os, "rename", moved(real_rename))
    monkeypatch.setattr(os, "mkdir", mkdir)
    return refused


def refuse_replacing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Make the OS refuse only the last step of a write into ``folder``: the rename of the
    finished temporary file over the destination (``os.replace``), as Windows refuses to
    replace a file another program holds open. The check of the place beforehand passes."""
    place = os.path.realpath(folder)
    refused: list[str] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        name = os.path.realpath(os.fsdecode(dst))
        if name.startswith(place + os.sep):
            refused.append(os.fsdecode(dst))
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(dst))
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return refused
