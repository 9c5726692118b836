"""Schema of migration 0024_discretion: the discretion benchmark table an administrator
imports or edits (DOMAIN §17; the shipped defaults live in ``domain.discretion``), and each
decision's circumstance and deviation with its reason."""

SCHEMA_0024_DISCRETION = """
CREATE TABLE discretion_benchmarks (
    id INTEGER PRIMARY KEY,
    violation TEXT NOT NULL,
    basis TEXT NOT NULL,
    circumstance TEXT NOT NULL,
    statutory_min_fen INTEGER NOT NULL CHECK (statutory_min_fen >= 0),
    statutory_max_fen INTEGER NOT NULL CHECK (statutory_max_fen >= statutory_min_fen),
    min_fen INTEGER NOT NULL CHECK (min_fen >= statutory_min_fen),
    max_fen INTEGER NOT NULL CHECK (max_fen >= min_fen AND max_fen <= statutory_max_fen),
    source TEXT,
    effective_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (violation, circumstance, effective_on)
) STRICT;

CREATE TABLE decision_discretion (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    circumstance TEXT,
    deviation TEXT CHECK (deviation IS NULL OR deviation IN ('lighter', 'mitigated', 'heavier')),
    reason TEXT,
    created_at TEXT NOT NULL
) STRICT;
"""
