"""Schema of migration 0026_year_summary: the per-year sums of the annual figures, filled from
the cases already in the file, and the triggers keeping them in every later write
(``storage.year_summary`` explains the columns and the upkeep)."""

from chuansha_enforce.storage.reports.year_summary import migration_script

SCHEMA_0026_YEAR_SUMMARY = migration_script()
