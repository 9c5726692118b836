"""Schema of migration 0016_publication: the decision's publication (公示) and its withdrawal,
the events that set a decision aside outside the disputes register (a correction), and the
listed reason for closing a case with money unpaid (DOMAIN §14).

Every new column is NULL by default, so no sealed row changes and nothing is resealed.
"""

SCHEMA_0016_PUBLICATION = """
ALTER TABLE general_cases ADD COLUMN published_on TEXT
    CHECK (published_on IS NULL OR published_on >= decided_on);
ALTER TABLE general_cases ADD COLUMN publication_unrecorded INTEGER
    CHECK (publication_unrecorded IS NULL OR publication_unrecorded = 1);
ALTER TABLE general_cases ADD COLUMN publication_withdrawn_on TEXT
    CHECK (publication_withdrawn_on IS NULL OR publication_withdrawn_on >= published_on);
ALTER TABLE general_cases ADD COLUMN publication_withdrawal_reason TEXT;
ALTER TABLE general_cases ADD COLUMN close_reason_kind TEXT;
ALTER TABLE general_cases ADD COLUMN close_approved_by TEXT;

CREATE TABLE decision_set_asides (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    set_aside_on TEXT NOT NULL,
    source TEXT NOT NULL,
    reference TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX decision_set_asides_case ON decision_set_asides(case_id);
CREATE INDEX general_cases_unpublished ON general_cases(decided_on)
    WHERE deleted_at IS NULL AND outcome = 'penalty' AND published_on IS NULL
      AND publication_unrecorded IS NULL;
"""
