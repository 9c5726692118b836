"""The steps after the decision (DOMAIN §14) of several cases at once: one query per step for
a page of the case list, the same queries for one whole case file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

import sqlite_utils

from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    Instalment,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.disputes.disputes import DisputeRecord
from chuansha_enforce.storage.disputes.dispute_repository import dispute_records

_IDS = "(SELECT value FROM json_each(?))"


def _day(text: object) -> dt.date:
    return dt.date.fromisoformat(str(text))


def plans_for(db: sqlite_utils.Database, case_ids: Sequence[int]) -> dict[int, InstalmentPlan]:
    items: dict[int, list[Instalment]] = {}
    for case_id, due_on, amount in db.execute(
        f"SELECT case_id, due_on, amount_fen FROM instalments WHERE case_id IN {_IDS}"
        " ORDER BY case_id, due_on",
        [json.dumps(list(case_ids))],
    ):
        items.setdefault(int(case_id), []).append(Instalment(_day(due_on), int(amount)))
    return {
        int(case_id): InstalmentPlan(_day(approved_on), tuple(items.get(int(case_id), ())))
        for case_id, approved_on in db.execute(
            f"SELECT case_id, approved_on FROM instalment_plans WHERE case_id IN {_IDS}",
            [json.dumps(list(case_ids))],
        )
    }


def reminders_for(db: sqlite_utils.Database, case_ids: Sequence[int]) -> dict[int, PaymentReminder]:
    return {
        int(case_id): PaymentReminder(_day(served_on), _day(until_on))
        for case_id, served_on, until_on in db.execute(
            f"SELECT case_id, served_on, until_on FROM payment_reminders WHERE case_id IN {_IDS}",
            [json.dumps(list(case_ids))],
        )
    }


def applications_for(
    db: sqlite_utils.Database, case_ids: Sequence[int]
) -> dict[int, CourtApplication]:
    return {
        int(case_id): CourtApplication(
            _day(applied_on), _day(ruling_on) if ruling_on else None, ruling
        )
        for case_id, applied_on, ruling_on, ruling in db.execute(
            "SELECT case_id, applied_on, ruling_on, ruling FROM court_applications"
            f" WHERE case_id IN {_IDS}",
            [json.dumps(list(case_ids))],
        )
    }


def disputes_for(
    db: sqlite_utils.Database, case_ids: Sequence[int]
) -> dict[int, tuple[DisputeRecord, ...]]:
    """The disputes naming each case by its case number or its decision number."""
    found: dict[int, list[DisputeRecord]] = {}
    for case_id, record in dispute_records(
        db,
        f"JOIN general_cases g ON d.case_no IN (g.case_no, g.decision_no) WHERE g.id IN {_IDS}",
        [json.dumps(list(case_ids))],
        "g.id",
    ):
        found.setdefault(case_id, []).append(record)
    return {k: tuple(v) for k, v in found.items()}
