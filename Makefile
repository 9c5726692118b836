# Every target bootstraps .venv when it is missing; nothing needs installing by hand.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QM := resources/translations/chuansha_enforce_en.qm
PYTEST_ARGS ?=

.PHONY: run test test-pg lint bench dist check-dist check-platforms translations clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON)）/ Python 3.11 is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt pip
	@# PySide6-Pdf (Qt 6.12 only, no longer used) shares QtPdf's files with PySide6-Addons:
	@# remove it before installing, or uninstalling it later would delete Addons' QtPdf.
	$(BIN)/python -m pip uninstall --quiet --yes PySide6-Pdf
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

$(QM): resources/translations/chuansha_enforce_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	@$(BIN)/python -m ui.launch

test: $(STAMP) $(QM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	@# A throwaway PostgreSQL cluster (stopped in a trap) for the server-mode tests.
	QT_QPA_PLATFORM=offscreen tools/pg_cluster.sh run $(BIN)/python -m pytest $(PYTEST_ARGS)

# Only the tests that run against the PostgreSQL server (no lint step).
test-pg: $(STAMP)
	QT_QPA_PLATFORM=offscreen tools/pg_cluster.sh run $(BIN)/python -m pytest -m pg $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

dist: $(STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm build.spec

# Checks an already built bundle (builds nothing): frozen CLI demo/stats/report, frozen GUI --smoke.
check-dist:
	$(PYTHON) packaging/check_bundle.py dist/chuansha-enforce

# Every pin has a binary wheel for glibc 2.28 x86_64 (UOS 20 / Kylin V10) and for Windows x64,
# and every dependency there is pinned (pip --dry-run with --platform; needs the package index).
check-platforms: $(STAMP)
	$(BIN)/python packaging/check_platforms.py constraints.txt

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
