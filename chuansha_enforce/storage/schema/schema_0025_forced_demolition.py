"""0025_forced_demolition: the steps after a 责令限期拆除 order (DOMAIN §13), one row each:
the 催告 on the order, the statements after it, the district government's 责成, the 强制拆除
决定, the 公告, the carrying out (with its time and witnesses) and the party's own removal."""

SCHEMA_0025_FORCED_DEMOLITION = """
CREATE TABLE forced_demolition_steps (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    step TEXT NOT NULL CHECK (step IN ('reminder', 'statement', 'authority', 'decision',
                                       'announcement', 'carried_out', 'removed')),
    on_date TEXT NOT NULL,
    until_on TEXT CHECK (until_on IS NULL OR until_on > on_date),
    at_time TEXT,
    detail TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, step)
) STRICT;
"""
