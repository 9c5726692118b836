"""0018_enforcement: after the decision (DOMAIN §14): approved postponement or instalment
plans (APL 66②), the 催告 and the application to the court with its ruling."""

SCHEMA_0018_ENFORCEMENT = """
CREATE TABLE instalment_plans (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    approved_on TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE instalments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES instalment_plans(case_id),
    due_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    UNIQUE (case_id, due_on)
) STRICT;

CREATE TABLE payment_reminders (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    served_on TEXT NOT NULL,
    until_on TEXT NOT NULL CHECK (until_on > served_on),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE court_applications (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    applied_on TEXT NOT NULL,
    ruling_on TEXT CHECK (ruling_on IS NULL OR ruling_on >= applied_on),
    ruling TEXT,
    created_at TEXT NOT NULL
) STRICT;
"""
