"""Schema of migration 0029_annual_sums: ``year_summary`` with every annual figure that read
the decisions of a year case by case (decisions by outcome, heaviest kind and 不予处罚 reason,
fines, confiscations, 减轻处罚, demolition orders and demolitions), the view of what each case
contributes, and the triggers keeping the table through it (``storage.year_summary``)."""

from chuansha_enforce.storage.reports.year_summary import migration_script

SCHEMA_0029_ANNUAL_SUMS = migration_script()
