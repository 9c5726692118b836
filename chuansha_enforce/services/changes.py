"""What a service call changed, so views refresh only that."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    CASES = "cases"
    SIMPLE_DECISIONS = "simple_decisions"
    OFFICERS = "officers"
    PAYMENTS = "payments"
    SETTINGS = "settings"
    FILE_REVIEWS = "file_reviews"
    DISPUTES = "disputes"


Changes = frozenset[Topic]
NOTHING: Changes = frozenset()
