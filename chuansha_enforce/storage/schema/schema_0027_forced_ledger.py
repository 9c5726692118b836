"""Schema of migration 0027_forced_ledger: the circumstance (情节) and any deviation recorded
at the 告知 (DOMAIN §17), checked there against the benchmark as at the decision, which takes
it over unless given again."""

SCHEMA_0027_FORCED_LEDGER = """
CREATE TABLE notice_discretion (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    circumstance TEXT,
    deviation TEXT CHECK (deviation IS NULL OR deviation IN ('lighter', 'mitigated', 'heavier')),
    reason TEXT,
    created_at TEXT NOT NULL
) STRICT;
"""
