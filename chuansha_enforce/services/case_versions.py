"""Optimistic versions for case edits (issue 23): an edit carries the version its editor read.

Several clients edit one case book (PCs on one server, or the window and the CLI on one file)
and nobody holds a lock while a dialog is open. Every edit of a case raises the case's
version by one inside its own write transaction (``claim``, the edit's first write); an edit
made from what its editor read at version N is refused with "已被他人修改，请刷新后再试" when
the case is no longer at N, and nothing is written (the transaction rolls back).

The editor's version reaches the edit either as the ``expected`` argument or, for the many
step methods, from ``edited_as_read(case_no, version)`` around the call (the window wraps the
operation it runs for a case it shows; ``case <step> --version N`` wraps the command), so
the services' step signatures stay as they are. Without a version, the edit reads and writes
inside its one transaction: ``claim`` comes before the edit reads the case, so on a server
two edits of a case take turns for a transaction's length and each sees the other's write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

import sqlite_utils

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.cases import case_versions
from chuansha_enforce.storage.simple_procedure import simple_versions

_READ: ContextVar[tuple[str, int] | None] = ContextVar("case_version_read", default=None)


@contextlib.contextmanager
def edited_as_read(case_no: str, version: int | None) -> Iterator[None]:
    """The edits of ``case_no`` made inside come from what was read at ``version`` (None:
    from nothing read before: the edit reads inside its own transaction)."""
    token = _READ.set(None if version is None else (case_no.strip(), version))
    try:
        yield
    finally:
        _READ.reset(token)


def expected_for(case_no: str) -> int | None:
    """The version the editor of ``case_no`` read, when an ``edited_as_read`` says so."""
    read = _READ.get()
    return read[1] if read is not None and read[0] == case_no.strip() else None


def _checked(version: int | None) -> int:
    if version is None:
        raise DomainError("case.changed_since")
    return version


def claim(
    db: sqlite_utils.Database, case_id: int, case_no: str, expected: int | None = None
) -> int:
    """Inside the edit's write transaction, before it reads the case: raise the version and
    return it; refuse the edit when the case changed since its editor read it."""
    wanted = expected if expected is not None else expected_for(case_no)
    if wanted is not None and wanted < 0:
        raise DomainError("case.version_invalid", "version", {"value": wanted})
    return _checked(case_versions.bump(db, case_id, wanted))


def claim_simple(db: sqlite_utils.Database, decision_no: str, expected: int | None) -> None:
    """The same for a recorded simple decision (its correction, payment or hand-over),
    inside the edit's write transaction before it reads the decision: refused with
    "已被他人修改，请刷新后再试" when the decision is no longer at ``expected``. An unknown
    number claims nothing (the edit's own read then refuses it by name)."""
    if expected is not None and expected < 0:
        raise DomainError("simple.version_invalid", "version", {"value": expected})
    decision_id = simple_versions.live_decision_id(db, decision_no.strip())
    if decision_id is not None:
        _checked(simple_versions.bump(db, decision_id, expected))
