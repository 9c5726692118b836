"""The rule that a session outlives no restore of its server case book (docs/SERVER.md).

A restore writes a new *restore generation* into the restored book; a session remembers the
generation it logged in under. The restored book holds the dump's accounts, so a session
opened before the restore (its account perhaps gone there, or its password or role changed)
acts no more: it logs in again on the restored book.
"""

from __future__ import annotations

from chuansha_enforce.domain.errors import DomainError

RESTORED_SINCE = "session.restored_since"
"""The code of the refusal of an operation of a session opened before a restore."""


def check_generation(logged_in_under: str | None, book_now: str) -> None:
    """Refuse an operation of a session that logged in under another generation than the
    book's now. ``None``: a session that does not follow restores (a file's: its restore
    swaps the file under the one writer, which reopens)."""
    if logged_in_under is not None and logged_in_under != book_now:
        raise DomainError(RESTORED_SINCE)
