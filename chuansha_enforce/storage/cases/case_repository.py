"""Reading the general-case list with keyset paging (never OFFSET, never all rows)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from chuansha_enforce.domain.accounts.identity import id_number_for_list
from chuansha_enforce.domain.calendar.deadlines import DutyFacts
from chuansha_enforce.domain.cases.case_deadlines import effective_service, paid_in_full_on
from chuansha_enforce.domain.cases.status import derive_case_status
from chuansha_enforce.domain.demolition.order_facts import order_facts
from chuansha_enforce.domain.enums import Outcome, PartyType, ServiceMethod
from chuansha_enforce.domain.records import CaseListRow, CasePage
from chuansha_enforce.storage.after_decision.enforcement_lookup import (
    applications_for,
    disputes_for,
    plans_for,
    reminders_for,
)
from chuansha_enforce.storage.demolition.forced_demolition_repository import orders_for
from chuansha_enforce.storage.reports import year_summary

LIST_COLUMNS = """
    c.id, c.case_no, p.name, p.kind, p.id_number, c.cause, c.filed_on, c.decided_on,
    c.fine_fen, c.served_on, c.closed_on, c.deleted_at, c.outcome, c.confiscation_fen,
    c.service_method,
    coalesce((SELECT v.version FROM case_versions v WHERE v.case_id = c.id), 0)
"""
"""A list row's columns; the last is the case's version (``case_versions``, no row = 0),
read in the statement that reads the row, so an edit made from the row carries it."""
_LISTED = "(SELECT value FROM json_each(?))"
PENALTY = Outcome.PENALTY.value


class CaseRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def page(
        self, *, after: tuple[str, int] | None, limit: int, year: int | None = None
    ) -> CasePage:
        """Cases newest-filed first, ``limit`` at a time, continuing after ``after``.

        ``after`` is the (filed_on, id) of the last row already shown.
        """
        where = ["c.deleted_at IS NULL"]
        params: list[object] = []
        if year is not None:
            where.append("c.filed_year = ?")
            params.append(year)
        if after is not None:
            where.append("(c.filed_on, c.id) < (?, ?)")
            params.extend(after)
        sql = (
            f"SELECT {LIST_COLUMNS} FROM general_cases c JOIN parties p ON p.id = c.party_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.filed_on DESC, c.id DESC LIMIT ?"
        )
        params.append(limit + 1)
        fetched = self._db.execute(sql, params).fetchall()
        rows = list_rows(self._db, fetched[:limit])
        next_key = (rows[-1].filed_on.isoformat(), rows[-1].id) if len(fetched) > limit else None
        return CasePage(rows=rows, next_key=next_key)

    def row(self, case_no: str) -> CaseListRow | None:
        """One case's list row (None once deleted or unknown), to refresh it in place."""
        fetched = self._db.execute(
            f"SELECT {LIST_COLUMNS} FROM general_cases c JOIN parties p ON p.id = c.party_id "
            "WHERE c.case_no = ? AND c.deleted_at IS NULL",
            [case_no],
        ).fetchone()
        return None if fetched is None else list_rows(self._db, [fetched])[0]

    def count(self, *, year: int | None = None) -> int:
        """Live cases (filed in ``year``): ``year_summary`` holds each year's filings, so the
        window's count before its first paint reads a few rows, not a million."""
        if year_summary.has_summary(self._db.conn):
            return year_summary.filed(self._db.conn, year)
        if year is None:
            sql, params = "SELECT count(*) FROM general_cases WHERE deleted_at IS NULL", []
        else:
            sql = "SELECT count(*) FROM general_cases WHERE deleted_at IS NULL AND filed_year = ?"
            params = [year]
        return int(self._db.execute(sql, params).fetchone()[0])

    def filing_span(self) -> tuple[dt.date, dt.date] | None:
        """Earliest and latest filing date (two index look-ups, not a scan)."""
        first = self._db.execute(
            "SELECT min(filed_on) FROM general_cases WHERE deleted_at IS NULL"
        ).fetchone()[0]
        last = self._db.execute(
            "SELECT max(filed_on) FROM general_cases WHERE deleted_at IS NULL"
        ).fetchone()[0]
        if first is None or last is None:
            return None
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def list_rows(
    db: sqlite_utils.Database, fetched: Sequence[Sequence[object]]
) -> tuple[CaseListRow, ...]:
    """List rows of ``LIST_COLUMNS`` rows, with what their deadline flags need: two queries
    per page, for the approved extensions and paused days of the undecided cases and the
    payments of the served ones (through the ``decision_extensions_case`` and
    ``payments_case_paid`` indexes).
    """
    undecided = [r[0] for r in fetched if r[7] is None and r[10] is None]
    paying = [r[0] for r in fetched if r[9] is not None and r[10] is None and r[12] == PENALTY]
    extensions: dict[object, int] = {}
    payments: dict[object, list[tuple[dt.date, int]]] = {}
    if undecided:
        extensions = dict(
            db.execute(
                "SELECT case_id, sum(days) FROM (SELECT case_id, days FROM decision_extensions"
                f" WHERE case_id IN {_LISTED} UNION ALL SELECT case_id,"
                " CAST(julianday(end_on) - julianday(start_on) AS INTEGER) + 1"
                f" FROM decision_pauses WHERE case_id IN {_LISTED}) GROUP BY case_id",
                [json.dumps(undecided), json.dumps(undecided)],
            ).fetchall()
        )
    if paying:
        for case_id, paid_on, amount in db.execute(
            f"SELECT case_id, paid_on, amount_fen FROM payments WHERE case_id IN {_LISTED}",
            [json.dumps(paying)],
        ):
            payments.setdefault(case_id, []).append((dt.date.fromisoformat(paid_on), amount))
    after = _after_decision(db, [int(str(i)) for i in paying])
    served = [int(str(r[0])) for r in fetched if r[9] is not None and r[10] is None]
    _with_orders(db, served, {r[0]: r for r in fetched}, after)
    return tuple(
        _list_row(r, extensions.get(r[0], 0), payments.get(r[0], ()), after.get(r[0], {}))
        for r in fetched
    )


def _with_orders(
    db: sqlite_utils.Database,
    served: list[int],
    rows: dict[object, Sequence[object]],
    after: dict[object, dict[str, Any]],
) -> None:
    """The orders among the served cases (DOMAIN §13): their clocks' facts and disputes."""
    orders = orders_for(db, served)
    if not orders:
        return
    disputes = disputes_for(db, list(orders))
    for case_id, (deadline, steps) in orders.items():
        r = rows[case_id]
        public = r[14] == ServiceMethod.PUBLIC_NOTICE
        served_on = effective_service(_date(str(r[9])), public)
        facts = after.setdefault(case_id, {})
        facts["order"] = order_facts(deadline, served_on, steps)
        facts["disputes"] = disputes.get(case_id, ())


def _after_decision(db: sqlite_utils.Database, ids: list[int]) -> dict[object, dict[str, Any]]:
    """The steps after the decision (DOMAIN §14) of the served cases: four more queries."""
    if not ids:
        return {}
    found: dict[object, dict[str, Any]] = {}
    for case_id, plan in plans_for(db, ids).items():
        found.setdefault(case_id, {})["plan"] = plan
    for case_id, reminder in reminders_for(db, ids).items():
        found.setdefault(case_id, {})["reminder_on"] = reminder.served_on
    for case_id, court in applications_for(db, ids).items():
        found.setdefault(case_id, {})["applied_on"] = court.applied_on
    for case_id, disputes in disputes_for(db, ids).items():
        found.setdefault(case_id, {})["disputes"] = disputes
    return found


def _list_row(
    r: Sequence[object],
    extension_days: int,
    payments: Iterable[tuple[dt.date, int]],
    after: dict[str, Any],
) -> CaseListRow:
    (
        case_id,
        case_no,
        name,
        kind,
        id_number,
        cause,
        filed,
        decided,
        fine,
        served,
        closed,
        deleted,
        outcome,
        confiscation,
        service_method,
        version,
    ) = r
    decided_on = _date(decided if isinstance(decided, str) else None)
    served_on = _date(served if isinstance(served, str) else None)
    money = int(str(fine)) + int(str(confiscation)) if outcome == Outcome.PENALTY else 0
    return CaseListRow(
        id=int(str(case_id)),
        case_no=str(case_no),
        party_name=str(name),
        party_kind=PartyType(str(kind)),
        id_number_masked=id_number_for_list(PartyType(str(kind)), str(id_number or "")),
        cause=str(cause),
        filed_on=dt.date.fromisoformat(str(filed)),
        decided_on=decided_on,
        fine_fen=int(str(fine)),
        status=derive_case_status(
            decided=decided is not None,
            served=served is not None,
            closed=closed is not None,
            deleted=deleted is not None,
        ),
        duties=DutyFacts(
            filed_on=dt.date.fromisoformat(str(filed)),
            extension_days=extension_days,
            decided_on=decided_on,
            served_on=served_on,
            public_notice=service_method == ServiceMethod.PUBLIC_NOTICE,
            money_decided_fen=money,
            paid_in_full_on=paid_in_full_on(money, payments) if money else None,
            closed=closed is not None,
            payments=tuple(payments) if "plan" in after else (),
            **after,
        ),
        version=int(str(version)),
    )
