"""The real clock: the only module that reads the computer's date and time.

The composition root hands ``SystemClock`` to the services; tests hand them a
``FixedClock`` instead (an architecture test keeps every other module off the real date).
"""

from __future__ import annotations

import datetime as dt
import time


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


def file_system_seconds() -> float:
    """Now in the file system's terms (seconds since the epoch), to compare with file ages."""
    return time.time()
