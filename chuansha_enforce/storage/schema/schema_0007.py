"""Schema of migration 0007_file_reviews: score sheets, samples, sampled files, findings.

A sample stores its rule (population, size, stratification, seed) and a copy of the score
sheet it is scored against, so a later change of the sheet never changes old scores. Each
finding is a defect record with its rectification; samples and their files are never
deleted (the audit of a year's review must stay whole).
"""

SCHEMA_0007 = """
CREATE TABLE file_review_sheets (
    id INTEGER PRIMARY KEY,
    sheet TEXT NOT NULL CHECK (json_valid(sheet)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

CREATE TABLE file_review_samples (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    rule TEXT NOT NULL CHECK (json_valid(rule)),
    sheet TEXT NOT NULL CHECK (json_valid(sheet)),
    population INTEGER NOT NULL CHECK (population >= 0),
    drawn_at TEXT NOT NULL,
    drawn_by TEXT NOT NULL
) STRICT;
CREATE INDEX file_review_samples_year ON file_review_samples(year);

CREATE TABLE file_review_files (
    id INTEGER PRIMARY KEY,
    sample_id INTEGER NOT NULL REFERENCES file_review_samples(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    procedure TEXT NOT NULL CHECK (procedure = 'general' OR procedure = 'simple'),
    case_id INTEGER REFERENCES general_cases(id),
    simple_id INTEGER REFERENCES simple_decisions(id),
    file_no TEXT NOT NULL,
    stratum TEXT NOT NULL,
    form_score INTEGER CHECK (form_score IS NULL OR form_score >= 0),
    content_score INTEGER CHECK (content_score IS NULL OR content_score >= 0),
    total INTEGER CHECK (total IS NULL OR total BETWEEN 0 AND 100),
    vetoed INTEGER CHECK (vetoed IS NULL OR vetoed BETWEEN 0 AND 1),
    grade TEXT CHECK (grade IS NULL OR grade = 'excellent' OR grade = 'good'
        OR grade = 'pass' OR grade = 'fail'),
    scored_at TEXT,
    scored_by TEXT,
    CHECK ((procedure = 'general') = (case_id IS NOT NULL)),
    CHECK ((procedure = 'simple') = (simple_id IS NOT NULL)),
    CHECK ((grade IS NULL) = (scored_at IS NULL)),
    UNIQUE (sample_id, position),
    UNIQUE (sample_id, file_no)
) STRICT;
CREATE INDEX file_review_files_no ON file_review_files(file_no);

CREATE TABLE file_review_findings (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES file_review_files(id),
    item_code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind = 'veto' OR kind = 'form' OR kind = 'content'),
    item_label TEXT NOT NULL,
    points INTEGER NOT NULL CHECK (points >= 0),
    note TEXT NOT NULL DEFAULT '',
    rectified_on TEXT CHECK (rectified_on IS NULL
        OR rectified_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    rectification TEXT,
    created_at TEXT NOT NULL,
    CHECK ((rectified_on IS NULL) = (rectification IS NULL))
) STRICT;
CREATE INDEX file_review_findings_file ON file_review_findings(file_id);

CREATE TRIGGER file_review_samples_never_deleted BEFORE DELETE ON file_review_samples
BEGIN
    SELECT RAISE(ABORT, 'file-review samples are never deleted');
END;
CREATE TRIGGER file_review_files_never_deleted BEFORE DELETE ON file_review_files
BEGIN
    SELECT RAISE(ABORT, 'sampled files are never deleted');
END;
CREATE TRIGGER file_review_findings_rectified_kept BEFORE DELETE ON file_review_findings
WHEN old.rectified_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a rectified defect is never deleted');
END;
"""
