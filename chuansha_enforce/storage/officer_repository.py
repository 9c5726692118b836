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
