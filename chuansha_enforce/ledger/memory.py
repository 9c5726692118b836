"""Memory a large import has freed, given back to the system.

calamine (Rust) allocates each cell of a sheet with the C library's ``malloc``; once the
sheet is dropped, glibc keeps the freed blocks inside the process, where Python's own small
objects (in their separate arenas) never reuse them, so the records built afterwards would
add to them. ``malloc_trim`` returns the free pages; elsewhere (Windows, musl) this is a
no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable


def _trim() -> Callable[[], object] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)


_TRIM = _trim()


def release_freed_memory() -> None:
    """Give the pages of memory freed by native code back to the system (glibc only)."""
    if _TRIM is not None:
        _TRIM()
