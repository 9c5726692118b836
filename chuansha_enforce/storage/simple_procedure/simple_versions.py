"""Each simple decision's edit version (migration 0031): raised by one in every edit of a
recorded decision (a correction, the payment, the hand-over), as ``case_versions`` does for
general cases; a decision with no row has never been edited since (version 0)."""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.storage.cases.case_versions import bump_row

VERSION_OF = "(SELECT v.version FROM simple_versions v WHERE v.decision_id = s.id)"
"""A decision's version read in the statement that reads the decision (``s``): NULL = 0."""


def live_decision_id(db: sqlite_utils.Database, decision_no: str) -> int | None:
    row = db.execute(
        "SELECT id FROM simple_decisions WHERE decision_no = ? AND deleted_at IS NULL",
        [decision_no],
    ).fetchone()
    return None if row is None else int(row[0])


def bump(db: sqlite_utils.Database, decision_id: int, expected: int | None) -> int | None:
    """Raise the decision's version by one and return it; ``None`` (nothing written) when
    ``expected`` is given and the decision is no longer at it."""
    return bump_row(db, "simple_versions", "decision_id", decision_id, expected)
