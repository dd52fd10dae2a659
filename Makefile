# Raqib: `make demo` for a running system, `make test` for the whole suite, `make bench`.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DEMO := demo-workspace

.PHONY: demo test lint bench clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Raqib needs Python 3.11 or newer on PATH"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	rm -rf $(DEMO)
	$(BIN)/raqib init $(DEMO)
	$(BIN)/raqib -w $(DEMO) ingest samples/public
	$(BIN)/raqib -w $(DEMO) ingest --sensitive --source "witness W-017" samples/sensitive
	$(BIN)/raqib -w $(DEMO) process
	$(BIN)/raqib -w $(DEMO) list
	$(BIN)/raqib -w $(DEMO) incidents list
	$(BIN)/raqib -w $(DEMO) search chlorine --contested
	$(BIN)/raqib -w $(DEMO) verify

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks scripts

test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .ruff_cache .hypothesis
