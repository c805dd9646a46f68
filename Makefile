# Quick start: `make demo`, then `make test`. Everything installs into .venv from the pinned files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: demo test lint bench clean

$(RUNTIME): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "sourcebrief needs Python 3.11: set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3
	# torch on its own first: pinned alone, pip takes the CPU build where one is provided
	$(BIN)/python -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV): $(RUNTIME) requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

demo: $(RUNTIME)
	$(BIN)/sourcebrief demo

lint: $(DEV)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

test: lint
	$(BIN)/python -m pytest

BENCH := $(VENV)/.bench-installed

$(BENCH): $(RUNTIME) requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

# The benchmarks need ../shared/data beside the checkout; see docs/benchmarks.md for each command.
bench: $(BENCH)
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) sourcebrief-demo .pytest_cache .ruff_cache
