# `make serve` and `make test` each create or update .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: serve test bench install install-test demo clean

serve: $(VENV)/.installed
	$(BIN)/workbook serve --demo

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Start-up, callbacks, memory and payload of every page at 30,000 contacts (~10-15 min on
# 2 cores); prints one table and writes benchmarks/results/latest.json. Not part of `test`.
BENCH_ARGS ?=
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

demo: $(VENV)/.installed
	$(BIN)/workbook demo

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# rfc3987-syntax (pulled in through jupyter-events) builds a parser at import and adds
# 2-3 s to every page's start-up; nothing the workbook uses needs it.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax || true
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax || true
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) .pytest_cache
