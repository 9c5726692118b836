"""Import policy and catalogue completeness, checked by a machine."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import chuansha_enforce.services as services_package
from chuansha_enforce.cli.main import _parser
from chuansha_enforce.domain.messages import FIELDS, MESSAGES
from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS
from chuansha_enforce.domain.text_limits import FIELD_KEYS, LONG_TEXT_FIELDS, SHORT_TEXT_FIELDS
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.case_search_service import CaseSearchService
from chuansha_enforce.services.case_service import CaseService
from chuansha_enforce.services.context import SessionReads
from chuansha_enforce.services.statistics_service import StatisticsService

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "chuansha_enforce"


def test_the_core_runs_without_qt() -> None:
    code = (
        "import sys, chuansha_enforce.cli, chuansha_enforce.services.container;"
        "roots = ('PySide6', 'shiboken6', 'ui');"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in roots);"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == ""


def _error_codes_raised() -> dict[str, set[str | None]]:
    """Every ``DomainError("code", "field", ...)`` literal in the core."""
    found: dict[str, set[str | None]] = {}
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "DomainError"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                field = node.args[1] if len(node.args) > 1 else None
                value = field.value if isinstance(field, ast.Constant) else None
                found.setdefault(str(node.args[0].value), set()).add(value)
    return found


def test_every_error_code_has_a_message_in_both_languages() -> None:
    raised = _error_codes_raised()
    assert len(raised) > 10  # the scan really finds the codes
    missing = sorted(code for code in raised if code not in MESSAGES)
    assert missing == []
    assert all(zh.strip() and en.strip() for zh, en in MESSAGES.values())


def test_every_literal_field_has_a_label() -> None:
    fields = {f for names in _error_codes_raised().values() for f in names if isinstance(f, str)}
    assert sorted(f for f in fields if f not in FIELDS) == []


def test_every_text_field_held_to_a_length_and_every_setting_has_a_label() -> None:
    """A text too long is refused naming its field (``value.too_long``): by its label."""
    held = SHORT_TEXT_FIELDS | LONG_TEXT_FIELDS | set(FIELD_KEYS.values()) | set(SETTING_LABELS)
    assert sorted(f for f in held if f not in FIELDS) == []


def test_no_sql_outside_storage() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        if "storage" in path.relative_to(CORE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import sqlite3" in text or ".execute(" in text or "executemany(" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_english_translation_covers_every_ui_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-silent"], check=True, capture_output=True
    )

    def strings(ts: Path) -> set[str]:
        return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}

    def untranslated(ts: Path) -> set[str]:
        return {
            m.findtext("source") or ""
            for m in ET.parse(ts).iter("message")
            if not (m.findtext("translation") or "").strip()
        }

    shipped = ROOT / "resources" / "translations" / "chuansha_enforce_en.ts"
    assert strings(fresh) - strings(shipped) == set()
    assert untranslated(shipped) == set()


def test_ui_strings_are_marked_where_lupdate_can_see_them() -> None:
    """lupdate reads only a literal context and a literal text: ``translate(CONTEXT, "…")``
    or a ``_t("…")`` alias would leave the string out of the .ts and untranslated."""
    hidden = re.compile(r'translate\(\s*[A-Za-z_][\w.]*\s*,\s*"|\b_t\(\s*"')
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "ui").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert offenders == []


# Calls that read the computer's date or time (attribute name on the object they are called on).
_REAL_DATE_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"),
}
_CLOCK_MODULE = CORE / "services" / "system_clock.py"


def _real_date_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = (
                owner.id
                if isinstance(owner, ast.Name)
                else owner.attr
                if isinstance(owner, ast.Attribute)
                else None
            )
            if (name, node.func.attr) in _REAL_DATE_CALLS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}.{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            names = {alias.name for alias in node.names}
            if names & {"time", "localtime", "gmtime", "ctime", "time_ns"}:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} from time import …")
    return found


def test_only_the_clock_module_reads_the_real_date() -> None:
    """Services take an injected clock; no other code (nor any test) reads today's date."""
    files = [
        p
        for folder in (CORE, ROOT / "ui", ROOT / "tests")
        for p in folder.rglob("*.py")
        if p != _CLOCK_MODULE
    ]
    offenders = [hit for path in files for hit in _real_date_reads(path)]
    assert offenders == []
    assert _real_date_reads(_CLOCK_MODULE)  # the scan really sees a real-date read


def test_the_cli_has_no_way_to_set_the_date() -> None:
    """The clock is injected by tests only: no option and no environment variable sets it."""
    parser_text = _parser().format_help()
    assert "clock" not in parser_text.lower()
    sources = "\n".join(p.read_text(encoding="utf-8") for p in CORE.rglob("*.py"))
    assert not re.search(r"environ[^\n]*(CLOCK|TODAY|DATE|NOW)", sources)


def _ui_calls(name: str) -> set[str]:
    """The ui/ modules that call ``name`` (as a plain or an attribute call)."""
    found: set[str] = set()
    for path in (ROOT / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if called == name:
                    found.add(path.name)
    return found


def test_the_window_builds_services_only_at_start_and_through_the_runner() -> None:
    """Everything the window does runs through ``ui/runner.py`` (as the logged-in account);
    only starting the program (and logging in at start) opens services of its own."""
    assert _ui_calls("build_services") == {"app.py", "login_dialog.py", "runner.py"}
    assert _ui_calls("for_worker") == {"runner.py"}


def test_one_place_starts_threads_and_one_worker_runs_operations() -> None:
    assert _ui_calls("QThread") == {"worker_threads.py"}
    workers = sorted(
        f"{path.name}:{node.name}"
        for path in (ROOT / "ui").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.name.endswith(("Worker", "Job"))
    )
    assert workers == ["runner.py:_Job"]


def test_services_get_one_context_and_are_built_only_in_the_composition_root() -> None:
    """The services that act as someone take one ``ServiceContext`` (db, clock, acting
    account) and are constructed in ``services/container.py`` alone."""
    acting: set[str] = set()
    for path in (CORE / "services").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id == "ContextService" for b in node.bases
            ):
                acting.add(node.name)
    assert len(acting) >= 12  # the scan really finds them
    builders: set[str] = set()
    for path in [*CORE.rglob("*.py"), *(ROOT / "ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in acting:
                builders.add(path.relative_to(ROOT).as_posix())
    assert builders == {"chuansha_enforce/services/container.py"}


def test_the_reads_outside_operations_are_checked_as_operations_are() -> None:
    """The services the window reads outside an operation (the case list, its search, the
    year figures, the work calendar) act as nobody, so they are no ``ContextService``s; on a
    server each of their reads is refused when the book was restored since the login, as an
    operation is (``SessionReads``, docs/SERVER.md "Sessions and a restore")."""
    for reads in (CaseService, CaseSearchService, StatisticsService, CalendarService):
        assert issubclass(reads, SessionReads), reads  # wired: test_server_restore_sessions


def _service_signatures() -> dict[str, inspect.Signature]:
    """Every public method of a class, and every public function, the services define."""
    found: dict[str, inspect.Signature] = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"chuansha_enforce.services.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(value):
                found[f"{info.name}.{name}"] = inspect.signature(value)
            elif inspect.isclass(value):
                for attr, member in vars(value).items():
                    if not attr.startswith("_") and inspect.isfunction(member):
                        found[f"{info.name}.{name}.{attr}"] = inspect.signature(member)
    return found


def test_the_version_read_reaches_the_services_by_one_channel() -> None:
    """An editor's version (issue 23) reaches an edit only from ``edited_as_read`` around the
    call (``services/case_versions.py``): no service method takes it as a parameter."""
    signatures = _service_signatures()
    assert "case_file_service.CaseFileService.claim_edit" in signatures  # the scan finds them
    assert "dispute_service.DisputeService.update" in signatures
    assert len(signatures) >= 200
    context = {f"case_versions.{n}" for n in
               ("edited_as_read", "simple_edited_as_read", "dispute_edited_as_read")}  # fmt: skip
    carrying = {
        where
        for where, signature in signatures.items()
        for parameter in signature.parameters
        if parameter in ("expected_version", "expected", "version") and where not in context
    }
    assert carrying == set()
