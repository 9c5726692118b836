"""The rows a year's ledger export needs, read in a few set-based queries (no per-case loads)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

from chuansha_enforce.domain.records import ExportCase, ExportSimple, OfficerRecord
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.demolition.forced_demolition_repository import forced_by_case_no

OPEN_DISPUTE = (
    "d.received_on <= :end AND (d.outcome_on IS NULL OR d.outcome_on >= :start)"
    " AND d.case_no IS NOT NULL"
)
"""A dispute pending at some time in the year: its act goes into that year's ledger too."""


def _pairs(text: str | None) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    pairs = (item.split("\x1f") for item in text.split("\x1e"))
    return tuple(sorted((p[0], p[1]) for p in pairs))


class LedgerExportRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def officers(self) -> list[OfficerRecord]:
        return [
            OfficerRecord(c.officer_name, c.certificate_no, c.issued_on, c.expires_on, c.status,
                          c.cancelled_on)
            for c in CaseFileRepository(self._db).certificates()
        ]  # fmt: skip

    def general_cases(self, year: int) -> Iterator[ExportCase]:
        """Cases that are open at some time in ``year`` or owe money at its end, and the acts
        of the year's disputes (so that an export imports whole). A row describes its decision:
        the review round and the discussion are the latest on or before the decision (a
        forced demolition's later round and discussion go with its 强制拆除决定日期 column)."""
        start, end = dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
        cursor = self._db.execute(
            f"""
            SELECT c.case_no, c.decision_no, c.cause, c.violation, c.legal_basis, p.kind,
                   p.name, p.id_number, c.location,
                   (SELECT group_concat(o.name || char(31) || t.certificate_no, char(30))
                      FROM general_case_officers g JOIN certificates t ON t.id = g.certificate_id
                      JOIN officers o ON o.id = t.officer_id WHERE g.case_id = c.id),
                   c.filed_on, c.hearing, c.major_flag_reason,
                   r.reviewer, r.reviewed_on, r.opinion,
                   c.decided_on, c.outcome,
                   (SELECT group_concat(kind, char(30)) FROM general_case_penalties k
                     WHERE k.case_id = c.id),
                   c.no_penalty_reason, c.fine_fen, c.confiscation_fen, c.served_on,
                   pay.last_paid, coalesce(pay.total, 0), c.closed_on, c.notes,
                   p.address, p.legal_representative, c.published_on,
                   c.violation_on, c.clue_on, n.served_on, n.proposed_kinds,
                   coalesce(n.proposed_fine_fen, 0),
                   coalesce(n.statement_kind,
                            CASE WHEN n.statement_on IS NOT NULL THEN 'stated' END),
                   h.held_on, h.presiding,
                   (SELECT max(held_on) FROM collective_discussions d WHERE d.case_id = c.id
                      AND d.held_on <= coalesce(c.decided_on, '9999-12-31')),
                   (SELECT coalesce(sum(days), 0) FROM decision_extensions e
                     WHERE e.case_id = c.id)
                   + (SELECT coalesce(sum(CAST(julianday(end_on) - julianday(start_on)
                                          AS INTEGER) + 1), 0)
                        FROM decision_pauses q WHERE q.case_id = c.id),
                   (SELECT deadline FROM demolition_orders o WHERE o.case_id = c.id),
                   dd.circumstance, dd.deviation, dd.reason, c.service_method
              FROM general_cases c
              JOIN parties p ON p.id = c.party_id
              LEFT JOIN advance_notices n ON n.case_id = c.id
              LEFT JOIN hearings h ON h.case_id = c.id
              LEFT JOIN decision_discretion dd ON dd.case_id = c.id
              LEFT JOIN legal_review_rounds r ON r.case_id = c.id AND r.round_no =
                   (SELECT max(round_no) FROM legal_review_rounds x WHERE x.case_id = c.id
                       AND x.reviewed_on <= coalesce(c.decided_on, '9999-12-31'))
              LEFT JOIN (SELECT case_id, max(paid_on) AS last_paid,
                                sum(amount_fen + surcharge_fen) AS total
                           FROM payments WHERE paid_on <= :end GROUP BY case_id) pay
                     ON pay.case_id = c.id
             WHERE c.deleted_at IS NULL AND c.filed_on <= :end
               AND (c.closed_on IS NULL OR c.closed_on >= :start
                    OR (c.outcome = 'penalty'
                        AND c.fine_fen + c.confiscation_fen > coalesce(pay.total, 0))
                    OR c.case_no IN (SELECT case_no FROM disputes d WHERE {OPEN_DISPUTE})
                    OR c.decision_no IN (SELECT case_no FROM disputes d WHERE {OPEN_DISPUTE}))
             ORDER BY c.filed_on, c.id
            """,
            {"start": start, "end": end},
        )
        forced = forced_by_case_no(self._db)
        for row in cursor:
            yield ExportCase(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                _pairs(row[9]), row[10], row[11], row[12], row[13], row[14], row[15], row[16],
                row[17], tuple(sorted((row[18] or "").split("\x1e"))) if row[18] else (),
                row[19], int(row[20]), int(row[21]), row[22], row[23], int(row[24]), row[25],
                row[26], row[27], row[28], row[29], row[30], row[31], row[32],
                tuple(sorted(row[33].split(","))) if row[33] else (), int(row[34]), row[35],
                row[36], row[37], row[38], int(row[39]), row[40], forced.get(row[0]),
                circumstance=row[41], deviation=row[42], deviation_reason=row[43],
                service_method=row[44] if row[22] else None,
            )  # fmt: skip

    def simple_decisions(self, year: int) -> Iterator[ExportSimple]:
        """Decisions of ``year``, and earlier ones paid in it or still unpaid at its end."""
        start, end = dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
        cursor = self._db.execute(
            f"""
            SELECT s.decision_no, p.kind, p.name, p.id_number, s.cause, s.violation, s.location,
                   (SELECT group_concat(o.name || char(31) || t.certificate_no, char(30))
                      FROM simple_decision_officers g
                      JOIN certificates t ON t.id = g.certificate_id
                      JOIN officers o ON o.id = t.officer_id WHERE g.decision_id = s.id),
                   s.decided_on, s.penalty_kind, s.fine_fen, s.collected_on_spot, s.paid_on,
                   coalesce(s.notes, s.on_spot_reason),
                   (SELECT u.surcharge_fen FROM simple_surcharges u WHERE u.decision_id = s.id),
                   s.receipt_no,
                   s.cash_to_agency_on, s.cash_to_bank_on, s.filed_with_agency_on, s.legal_basis
              FROM simple_decisions s JOIN parties p ON p.id = s.party_id
             WHERE s.deleted_at IS NULL AND s.decided_on <= :end
               AND (s.decided_on >= :start OR s.paid_on >= :start
                    OR (s.paid_on IS NULL AND s.collected_on_spot = 0 AND s.fine_fen > 0)
                    OR s.decision_no IN (SELECT case_no FROM disputes d WHERE {OPEN_DISPUTE}))
             ORDER BY s.decided_on, s.id
            """,
            {"start": start, "end": end},
        )
        for row in cursor:
            # a payment after the year is left for the next year's ledger; the cash hand-over
            # and 备案 of a decision stay with it (the next ledger does not list it again)
            paid = row[12] is not None and row[12] <= end
            yield ExportSimple(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], _pairs(row[7]), row[8],
                row[9], int(row[10]), bool(row[11]), row[12] if paid else None, row[13],
                int(row[14] or 0) if paid else 0, row[15] if paid else None, row[16], row[17],
                row[18], row[19],
            )  # fmt: skip
