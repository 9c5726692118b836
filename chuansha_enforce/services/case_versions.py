"""Optimistic versions for case edits (issue 23): an edit carries the version its editor read.

Several clients edit one case book (PCs on one server, or the window and the CLI on one file)
and nobody holds a lock while a dialog is open. Every edit of a case raises the case's
version by one inside its own write transaction (``claim``, the edit's first write); an edit
made from what its editor read at version N is refused with "已被他人修改，请刷新后再试" when
the case is no longer at N, and nothing is written (the transaction rolls back).

The editor's version reaches the edit by one channel: ``edited_as_read(number, version)``
around the call (a context variable), so no service takes a version as an argument. The window
wraps the operation it runs for what it shows; ``--version N`` on the command line wraps the
command. It is keyed: a ``kind`` and a number, and only the edits of what it names are checked
against it: a general case by its number (``CASE``: the case steps, corrections, deletion,
文书, reviews and the disputes a new dispute names), a recorded simple decision by its 文号
(``SIMPLE``, ``simple_edited_as_read``: its numbers are a space of their own), a recorded
dispute by its id (``DISPUTE``: its edits claim the version of the case it names when they run).
Without a version, the edit reads and writes inside its one transaction: ``claim`` comes
before the edit reads the case, so on a server two edits of a case take turns for a
transaction's length and each sees the other's write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

import sqlite_utils

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.cases import case_versions
from chuansha_enforce.storage.simple_procedure import simple_versions

CASE = "case"
SIMPLE = "simple"
DISPUTE = "dispute"

_READ: ContextVar[tuple[str, str, int] | None] = ContextVar("case_version_read", default=None)


@contextlib.contextmanager
def edited_as_read(number: str, version: int | None, *, kind: str = CASE) -> Iterator[None]:
    """The edits of ``number`` (of ``kind``) made inside come from what was read at
    ``version`` (None: from nothing read before: the edit reads inside its own transaction)."""
    token = _READ.set(None if version is None else (kind, number.strip(), version))
    try:
        yield
    finally:
        _READ.reset(token)


def simple_edited_as_read(
    decision_no: str, version: int | None
) -> contextlib.AbstractContextManager[None]:
    """``edited_as_read`` for a recorded simple decision, by its 文号."""
    return edited_as_read(decision_no, version, kind=SIMPLE)


def dispute_edited_as_read(
    dispute_id: int, version: int | None
) -> contextlib.AbstractContextManager[None]:
    """``edited_as_read`` for a recorded dispute, by its id: ``version`` is the version of
    the case it names, read with the dispute."""
    return edited_as_read(str(dispute_id), version, kind=DISPUTE)


def expected_for(number: str, kind: str = CASE) -> int | None:
    """The version the editor of ``number`` (of ``kind``) read, when an ``edited_as_read``
    says so."""
    read = _READ.get()
    return read[2] if read is not None and read[:2] == (kind, number.strip()) else None


def _checked(version: int | None) -> int:
    if version is None:
        raise DomainError("case.changed_since")
    return version


def claim(
    db: sqlite_utils.Database,
    case_id: int,
    case_no: str,
    *,
    read_as: tuple[str, str] | None = None,
) -> int:
    """Inside the edit's write transaction, before it reads the case: raise the version and
    return it; refuse the edit when the case changed since its editor read it. The editor's
    version is the ``edited_as_read`` naming the case's number, or ``read_as`` (kind, number):
    what the edit names instead (a dispute by its id, a new dispute by the number it gives)."""
    kind, number = (CASE, case_no) if read_as is None else read_as
    wanted = expected_for(number, kind)
    if wanted is not None and wanted < 0:
        raise DomainError("case.version_invalid", "version", {"value": wanted})
    return _checked(case_versions.bump(db, case_id, wanted))


def claim_simple(db: sqlite_utils.Database, decision_no: str) -> None:
    """The same for a recorded simple decision (its correction, payment or hand-over),
    inside the edit's write transaction before it reads the decision: refused with
    "已被他人修改，请刷新后再试" when the decision is no longer at the version a
    ``simple_edited_as_read`` of its 文号 names. An unknown number claims nothing (the edit's
    own read then refuses it by name)."""
    expected = expected_for(decision_no, SIMPLE)
    if expected is not None and expected < 0:
        raise DomainError("simple.version_invalid", "version", {"value": expected})
    decision_id = simple_versions.live_decision_id(db, decision_no.strip())
    if decision_id is not None:
        _checked(simple_versions.bump(db, decision_id, expected))
