"""Schema of migration 0011_disputes: the register of reconsiderations and lawsuits.

A dispute concerns any act of the town; ``case_no`` links it to one of our penalty decisions
(a general case's number or a simple decision's number) when there is one. Disputes are
never deleted: the annual rates are computed from the whole register.
"""

SCHEMA_0011_DISPUTES = """
CREATE TABLE disputes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'reconsideration' OR kind = 'litigation'),
    number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 200),
    instance TEXT NOT NULL DEFAULT 'first'
        CHECK (instance = 'first' OR instance = 'second' OR instance = 'retrial'),
    applicant TEXT NOT NULL CHECK (length(applicant) BETWEEN 1 AND 200),
    act TEXT NOT NULL
        CHECK (act = 'penalty' OR act = 'coercion' OR act = 'information' OR act = 'other'),
    body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
    case_no TEXT,
    simple_procedure INTEGER NOT NULL DEFAULT 0 CHECK (simple_procedure BETWEEN 0 AND 1),
    received_on TEXT NOT NULL,
    replied_on TEXT CHECK (replied_on IS NULL OR replied_on >= received_on),
    hearing_on TEXT CHECK (hearing_on IS NULL OR hearing_on >= received_on),
    leader_appeared INTEGER CHECK (leader_appeared IS NULL OR leader_appeared BETWEEN 0 AND 1),
    outcome TEXT,
    outcome_on TEXT CHECK (outcome_on IS NULL OR outcome_on >= received_on),
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
    CHECK (leader_appeared IS NULL OR hearing_on IS NOT NULL),
    CHECK (kind = 'litigation' OR (instance = 'first' AND hearing_on IS NULL)),
    UNIQUE (kind, number, instance)
) STRICT;
CREATE INDEX disputes_case ON disputes(case_no) WHERE case_no IS NOT NULL;
CREATE INDEX disputes_received ON disputes(received_on);
CREATE INDEX disputes_outcome ON disputes(outcome_on) WHERE outcome_on IS NOT NULL;

CREATE TRIGGER disputes_never_deleted BEFORE DELETE ON disputes
BEGIN
    SELECT RAISE(ABORT, 'disputes are never deleted');
END;
"""
