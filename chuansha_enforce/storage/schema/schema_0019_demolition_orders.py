"""Schema of migration 0019_demolition_orders: a decision's 责令限期拆除 order with its
deadline (DOMAIN §13), the order a notice proposes, and the education given with an APL 33
不予处罚 decision.

An order with no penalty beside it (outcome 仅责令限期拆除) is a decided case whose
``general_cases.outcome`` is NULL: 0001's CHECK lists the outcomes of its day and SQLite cannot
change a CHECK without rebuilding the table; the order's row says what the decision is.
"""

SCHEMA_0019_DEMOLITION_ORDERS = """
CREATE TABLE demolition_orders (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    decided_on TEXT NOT NULL,
    deadline TEXT NOT NULL CHECK (deadline > decided_on),
    created_at TEXT NOT NULL,
    decided_year INTEGER GENERATED ALWAYS AS (CAST(substr(decided_on, 1, 4) AS INTEGER)) VIRTUAL
) STRICT;
CREATE INDEX demolition_orders_decided_year ON demolition_orders(decided_year, case_id);

CREATE TABLE no_penalty_education (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    given_on TEXT NOT NULL,
    how TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

ALTER TABLE advance_notices ADD COLUMN proposed_demolition INTEGER NOT NULL DEFAULT 0
    CHECK (proposed_demolition BETWEEN 0 AND 1);
"""
