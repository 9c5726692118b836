"""Writing a file whole or not at all: every file the program writes for the user goes here.

The bytes go to a temporary file beside the destination, are flushed to disk and only then
renamed into place, so a crash, a kill or a full disk never leaves a half-written file under
the destination's name (and an existing file there stays as it was until the rename).
Which destinations are refused (the database and its companions) is decided by the caller,
``services.output_files``; this module is below every layer so the ledger writer can use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

Save = Callable[[IO[bytes]], None]
TEMPORARY_SUFFIX = ".tmp"


def write_atomically(path: Path, save: Save) -> None:
    """Run ``save`` on a temporary file beside ``path``, then rename it to ``path``."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as file:
            save(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
