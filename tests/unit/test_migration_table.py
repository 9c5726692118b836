"""The migrations are one table of (name, SQL); the schema modules hold SQL for it only."""

from __future__ import annotations

import ast
from pathlib import Path

from chuansha_enforce.storage.migrations import MIGRATION_TABLE, known_names, split_statements

PACKAGE = Path(__file__).resolve().parents[2] / "chuansha_enforce"


def test_the_migrations_in_order() -> None:
    assert known_names() == [
        "0001_initial",
        "0002_case_steps",
        "0003_case_search",
        "0004_simple_procedure",
        "0005_numbering",
        "0006_accounts_review",
        "0007_file_reviews",
        "0008_statistics_indexes",
        "0009_drop_duplicate_list_index",
        "0010_case_trash",
        "0011_disputes",
        "0012_case_gates",
        "0013_documents",
        "0014_seals",
        "0015_account_officers",
        "0016_publication",
        "0017_simple_payments",
        "0018_enforcement",
        "0019_demolition_orders",
        "0020_gate_details",
        "0021_corrections",
        "0023_service",
        "0024_discretion",
        "0025_forced_demolition",
        "0026_year_summary",
        "0027_forced_ledger",
        "0029_annual_sums",
        "0030_case_versions",
        "0031_simple_versions",
    ]


def test_every_schema_is_whole_statements() -> None:
    for name, schema in MIGRATION_TABLE:
        assert split_statements(schema), name  # raises on a statement cut short


def test_only_the_migration_list_imports_the_schema_modules() -> None:
    importers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module is not None
                and node.module.startswith("chuansha_enforce.storage.schema.")
            ):
                importers.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(set(importers)) == ["storage/migrations.py"]
