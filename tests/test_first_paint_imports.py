"""What the GUI loads before its first paint (issue 24: start to painted list ≤ 0.5 s at a
million cases): the case list, the migrations check, the login and the count need none of the
PDF, spreadsheet, document, crypto or import code, nor the other tabs and dialogs. Those are
imported where they are first used; this pins it, so an eager import cannot creep back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOT_BEFORE_THE_PAINT = (
    # libraries for reports, ledgers, documents, passwords and signatures
    "reportlab",
    "openpyxl",
    "docx",
    "docxtpl",
    "python_calamine",
    "cryptography",
    "argon2",
    "pypinyin",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    # the server driver: a file's start never opens a server
    "psycopg",
    # the case file model (the list and its deadline flags need only the list rows)
    "chuansha_enforce.domain.cases.case_file",
    # the program's layers the case list does not use
    "chuansha_enforce.cli",
    "chuansha_enforce.demo",
    "chuansha_enforce.ledger",
    "chuansha_enforce.presenters",
    "chuansha_enforce.reports",
    # services built on first use (services/container.py)
    "chuansha_enforce.services.case_file_service",
    "chuansha_enforce.services.case_search_service",
    "chuansha_enforce.services.correction_service",
    "chuansha_enforce.services.demo_service",
    "chuansha_enforce.services.dispute_service",
    "chuansha_enforce.services.document_service",
    "chuansha_enforce.services.file_review_service",
    "chuansha_enforce.services.ledger_service",
    "chuansha_enforce.services.officer_service",
    "chuansha_enforce.services.publication_service",
    "chuansha_enforce.services.report_service",
    "chuansha_enforce.services.review_service",
    "chuansha_enforce.services.simple_decision_service",
    "chuansha_enforce.services.statistics_service",
    "chuansha_enforce.services.verify_service",
    # the other tabs (built when first shown) and the dialogs
    "ui.account_dialog",
    "ui.case_detail",
    "ui.dispute_panel",
    "ui.due_panel",
    "ui.file_review_panel",
    "ui.import_dialog",
    "ui.login_dialog",
    "ui.officer_registry",
    "ui.password_dialog",
    "ui.report_preview",
    "ui.review_queue",
    "ui.settings_dialog",
    "ui.simple_entry",
    "ui.simple_list",
    "ui.startup_check",
    "ui.startup_recovery",
    "ui.step_form",
    "ui.trash_dialog",
)

# The --smoke start in a fresh interpreter, then every module it had loaded by its exit.
SMOKE_THEN_MODULES = (
    "import json, sys; from ui.app import main; code = main(sys.argv[1:]);"
    "print(json.dumps(sorted(sys.modules))); raise SystemExit(code)"
)


def _loaded(module: str, modules: list[str]) -> list[str]:
    return [m for m in modules if m == module or m.startswith(module + ".")]


def _python(code: str, *args: str, env: dict[str, str]) -> list[str]:
    """``python -c code args`` in a fresh interpreter: its output lines (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_the_first_paint_loads_only_what_the_case_list_needs(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    shutil.copy(demo_db, db)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    said = _python(SMOKE_THEN_MODULES, "--db", str(db), "--smoke", env=env)
    report_line, modules_line = said[-2:]
    report = json.loads(report_line)
    assert report["rows_loaded"] > 0  # the list was painted with its first page
    assert report["cases_total"] > 0
    modules: list[str] = json.loads(modules_line)
    assert "ui.main_window" in modules  # the scan sees what the start loaded
    assert "chuansha_enforce.storage.migrations" in modules  # the migrations check ran
    early = {name: _loaded(name, modules) for name in NOT_BEFORE_THE_PAINT}
    assert {name: found for name, found in early.items() if found} == {}


def test_the_lazy_parts_are_still_there_when_used() -> None:
    """Each module the start leaves out imports (the names are not stale)."""
    code = (
        "import importlib, sys; names = sys.argv[1:];"
        "[importlib.import_module(n) for n in names]; print(len(names))"
    )
    assert _python(code, *NOT_BEFORE_THE_PAINT, env={**os.environ}) == [
        str(len(NOT_BEFORE_THE_PAINT))
    ]
