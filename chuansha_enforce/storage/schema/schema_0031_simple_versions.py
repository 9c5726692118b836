"""Schema of migration 0031_simple_versions: each simple decision's edit version (issue 23).

A recorded simple-procedure decision is edited afterwards (an administrator's correction, the
payment, the hand-over); each such edit raises the decision's version by one in its own write
transaction, and an edit made from what its editor read at version N is refused when the
decision is no longer at N (``services.case_versions.claim_simple``).

As ``case_versions`` (0030), a table of its own rather than a column of ``simple_decisions``:
a decision never edited since has no row (version 0), so the migration changes no sealed row
and needs no reseal; its rows are sealed by the ordinary writes that make them.
"""

SCHEMA_0031_SIMPLE_VERSIONS = """
CREATE TABLE simple_versions (
    decision_id INTEGER PRIMARY KEY REFERENCES simple_decisions(id),
    version INTEGER NOT NULL CHECK (version > 0)
) STRICT;
"""
