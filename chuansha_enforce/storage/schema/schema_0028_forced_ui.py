"""Schema of migration 0028_forced_ui: the circumstance (情节) a 告知 proposal weighed
(DOMAIN §17), kept beside the notice until the decision records its own."""

SCHEMA_0028_FORCED_UI = """
CREATE TABLE notice_discretion (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    circumstance TEXT NOT NULL CHECK (length(trim(circumstance)) > 0),
    created_at TEXT NOT NULL
) STRICT;
"""
