"""Schema of migration 0010_case_trash: who moved a case to the trash, and why.

``deleted_at`` (0001) already marks a deleted case and every list, total and search leaves such
cases out; the trash needs the reason and the person beside it (the audit log keeps both too).
"""

SCHEMA_0010 = """
ALTER TABLE general_cases ADD COLUMN deleted_by TEXT;
ALTER TABLE general_cases ADD COLUMN delete_reason TEXT;
"""
