"""Schema of migration 0012_case_gates: what the gates before a decision need (DOMAIN §12).

The notice records the proposed penalty, its facts and basis and the party's statement or
written waiver; a discussion its participants; a case its complex mark and the dates the
limitation counts from; a change of handling officers is a recorded step.
"""

SCHEMA_0012_CASE_GATES = """
ALTER TABLE advance_notices ADD COLUMN proposed_kinds TEXT;
ALTER TABLE advance_notices ADD COLUMN proposed_fine_fen INTEGER NOT NULL DEFAULT 0
    CHECK (proposed_fine_fen >= 0);
ALTER TABLE advance_notices ADD COLUMN proposed_confiscation_fen INTEGER NOT NULL DEFAULT 0
    CHECK (proposed_confiscation_fen >= 0);
ALTER TABLE advance_notices ADD COLUMN facts TEXT;
ALTER TABLE advance_notices ADD COLUMN basis TEXT;
ALTER TABLE advance_notices ADD COLUMN heavy_marked INTEGER NOT NULL DEFAULT 0
    CHECK (heavy_marked BETWEEN 0 AND 1);
ALTER TABLE advance_notices ADD COLUMN statement_kind TEXT
    CHECK (statement_kind IS NULL OR statement_kind = 'stated' OR statement_kind = 'waived');
ALTER TABLE hearings ADD COLUMN waived_on TEXT;
ALTER TABLE legal_review_rounds ADD COLUMN proposal TEXT;
ALTER TABLE collective_discussions ADD COLUMN participants TEXT;
ALTER TABLE general_cases ADD COLUMN complex_reason TEXT;
ALTER TABLE general_cases ADD COLUMN violation_on TEXT;
ALTER TABLE general_cases ADD COLUMN violation_continuing INTEGER NOT NULL DEFAULT 0
    CHECK (violation_continuing BETWEEN 0 AND 1);
ALTER TABLE general_cases ADD COLUMN five_year_reason TEXT;

CREATE TABLE officer_changes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    changed_on TEXT NOT NULL,
    before_officers TEXT NOT NULL,
    after_officers TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX officer_changes_case ON officer_changes(case_id);
"""
