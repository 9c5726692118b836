"""Schema of migration 0020_gate_details: periods that do not count toward the decision
deadline (DOMAIN §12: time for a hearing, expert appraisal, public notice or a suspension).

A new table only: no row of a sealed table changes, so nothing is resealed.
"""

SCHEMA_0020_GATE_DETAILS = """
CREATE TABLE decision_pauses (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    kind TEXT NOT NULL CHECK (kind = 'hearing' OR kind = 'appraisal'
        OR kind = 'announcement' OR kind = 'suspension'),
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL CHECK (end_on >= start_on),
    reason TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX decision_pauses_case ON decision_pauses(case_id);
"""
