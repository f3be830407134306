# `make serve` and `make test` each create or update .venv themselves, with the versions of
# constraints.txt (the lock): what the workbook was tested with, whatever the registry serves
# that day. `make lock` refreshes it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := constraints.txt
PYTEST_ARGS ?=

.PHONY: serve test fuzz bench install install-test demo lock clean

serve: $(VENV)/.installed
	$(BIN)/workbook serve --demo

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The property tests over outside input (contact exports, profile archives) with thousands of
# examples each instead of the few dozen `test` runs (~10 min on 2 cores).
FUZZ_ARGS ?=
fuzz: $(VENV)/.installed-test
	$(BIN)/python -m pytest tests/unit/test_fuzz_inputs.py tests/unit/test_card_reader.py \
		--hypothesis-profile=fuzz \
		--hypothesis-show-statistics -q $(FUZZ_ARGS)

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
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) --upgrade pip

# rfc3987-syntax (pulled in through jupyter-events) builds a parser at import and adds
# 2-3 s to every page's start-up; nothing the workbook uses needs it. It stays in the lock
# (it is installed, then removed) so that what is installed is still the locked set.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e .
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax || true
	touch $@

$(VENV)/.installed-test: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e '.[test]'
	$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax || true
	touch $(VENV)/.installed $@

# The lock: the newest versions within pyproject.toml's ranges, resolved in a new, empty
# environment with the test extras (which include everything `serve` needs), then written
# with pip, setuptools and wheel. Run it with the oldest Python the package supports
# (`make lock PYTHON=python3.11`), check `make test` passes, and commit constraints.txt.
LOCK_VENV := .lock-venv
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet -e '.[test]'
	{ echo "# The environment \`make serve\`, \`make test\`, \`make bench\` and CI install (pip --constraint)."; \
	  echo "# Written by \`make lock\` on $$($(LOCK_VENV)/bin/python -c 'import platform; print(f"Python {platform.python_version()}, {platform.system()} {platform.machine()}")'); do not edit by hand."; \
	  $(LOCK_VENV)/bin/python -m pip freeze --all --exclude-editable; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)
	rm -rf $(LOCK_VENV)

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .hypothesis
