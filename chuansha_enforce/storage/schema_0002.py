"""Schema of migration 0002_case_steps: the recorded steps of a general-procedure case."""

SCHEMA_0002 = """
SELECT 1;
"""
