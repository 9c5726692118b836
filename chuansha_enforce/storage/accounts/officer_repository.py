"""The officer registry: officers and their enforcement certificates."""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.domain.records import OfficerRecord


class OfficerRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def certificate_exists(self, certificate_no: str) -> bool:
        query = "SELECT 1 FROM certificates WHERE certificate_no = ?"
        return self._db.execute(query, [certificate_no]).fetchone() is not None

    def last_case_officers(self) -> tuple[str, ...]:
        """The certificate numbers of the officers of the case filed last."""
        rows = self._db.execute(
            "SELECT c.certificate_no FROM general_case_officers o"
            " JOIN certificates c ON c.id = o.certificate_id"
            " WHERE o.case_id = (SELECT max(id) FROM general_cases WHERE deleted_at IS NULL)"
            " ORDER BY c.certificate_no"
        ).fetchall()
        return tuple(str(r[0]) for r in rows)

    def add(self, officer: OfficerRecord, at: str) -> int:
        officer_id = self._db.execute(
            "INSERT INTO officers (name, created_at) VALUES (?, ?)", [officer.name, at]
        ).lastrowid
        self._db.execute(
            "INSERT INTO certificates (officer_id, certificate_no, issued_on, expires_on, status,"
            " cancelled_on) VALUES (?, ?, ?, ?, ?, ?)",
            [
                officer_id,
                officer.certificate_no,
                officer.issued_on.isoformat(),
                None if officer.expires_on is None else officer.expires_on.isoformat(),
                officer.status.value,
                None if officer.cancelled_on is None else officer.cancelled_on.isoformat(),
            ],
        )
        return int(officer_id or 0)
