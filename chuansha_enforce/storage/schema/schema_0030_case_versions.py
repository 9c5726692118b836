"""Schema of migration 0030_case_versions: each general case's edit version (issue 23).

Every edit of a case (a step, a correction, the trash, a review) raises its case's version
by one in the edit's own write transaction, and an edit made from what an editor read at
version N is refused when the case is no longer at N (``services.case_versions``): several
clients on one server case book, or the window and the CLI on one file, never overwrite
each other's edit unseen.

The version is a table of its own rather than a column of ``general_cases``: a case never
edited since has no row (version 0), so the migration writes no row of a sealed table and
every row and block seal, and the seal sum the newest audit record vouches for, stay as
they are (a new column would change every case's sealed content, and no audit record can be
written by a migration to vouch for the new sum: it would carry no MAC before a login). Its
rows are sealed by the ordinary writes that make them, as every other table's.
"""

SCHEMA_0030_CASE_VERSIONS = """
CREATE TABLE case_versions (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    version INTEGER NOT NULL CHECK (version > 0)
) STRICT;
"""
