"""Schema of migration 0002_case_steps: the recorded steps of a general-procedure case."""

SCHEMA_0002 = """
ALTER TABLE general_cases ADD COLUMN clue_on TEXT;
ALTER TABLE general_cases ADD COLUMN service_method TEXT;
ALTER TABLE general_cases ADD COLUMN reduced_penalty INTEGER NOT NULL DEFAULT 0
    CHECK (reduced_penalty BETWEEN 0 AND 1);
ALTER TABLE general_cases ADD COLUMN demolition_order INTEGER NOT NULL DEFAULT 0
    CHECK (demolition_order BETWEEN 0 AND 1);
ALTER TABLE general_cases ADD COLUMN major_flag_reason TEXT;
ALTER TABLE general_cases ADD COLUMN close_reason TEXT;

CREATE TABLE advance_notices (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    served_on TEXT NOT NULL,
    hearing_offered INTEGER NOT NULL DEFAULT 0 CHECK (hearing_offered BETWEEN 0 AND 1),
    statement_on TEXT CHECK (statement_on IS NULL OR statement_on >= served_on),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE hearings (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    state TEXT NOT NULL CHECK (state = 'held' OR state = 'waived' OR state = 'none'),
    requested_on TEXT,
    notice_on TEXT,
    held_on TEXT,
    presiding TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE legal_review_rounds (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    round_no INTEGER NOT NULL CHECK (round_no >= 1),
    reviewer TEXT NOT NULL,
    reviewed_on TEXT NOT NULL,
    opinion TEXT NOT NULL CHECK (opinion = 'agree' OR opinion = 'supplement'
        OR opinion = 'revise' OR opinion = 'disagree'),
    imported INTEGER NOT NULL DEFAULT 0 CHECK (imported BETWEEN 0 AND 1),
    note TEXT,
    created_at TEXT NOT NULL,
    reviewed_year INTEGER GENERATED ALWAYS AS (CAST(substr(reviewed_on, 1, 4) AS INTEGER)) VIRTUAL,
    UNIQUE (case_id, round_no)
) STRICT;
CREATE INDEX legal_review_rounds_year ON legal_review_rounds(reviewed_year, case_id);

CREATE TABLE collective_discussions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    held_on TEXT NOT NULL,
    minutes TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX collective_discussions_case ON collective_discussions(case_id);

CREATE TABLE decision_extensions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    approved_by TEXT NOT NULL,
    approved_on TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days > 0),
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX decision_extensions_case ON decision_extensions(case_id);

CREATE TABLE surcharge_pauses (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    kind TEXT NOT NULL CHECK (kind = 'reconsideration' OR kind = 'litigation'),
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL CHECK (end_on >= start_on),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX surcharge_pauses_case ON surcharge_pauses(case_id);
"""
