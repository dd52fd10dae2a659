# Raqib: `make demo` for a running system, `make test` for the whole suite, `make bench`.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DEMO := demo-workspace
WEB := src/raqib/web
DEMO_USER := demo
DEMO_PASSWORD := demo-password

.PHONY: demo test lint bench clean assets

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

# Front-end libraries (Leaflet, Chart.js) come from npm at build time, never from the repo.
$(WEB)/node_modules/.installed: $(WEB)/package.json $(wildcard $(WEB)/package-lock.json)
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the web assets (apt-get install npm)"; exit 1; }
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error
	@touch $@

assets: $(WEB)/node_modules/.installed

demo: $(VENV)/.installed assets
	rm -rf $(DEMO)
	$(BIN)/raqib init $(DEMO)
	$(BIN)/raqib -w $(DEMO) ingest samples/public
	$(BIN)/raqib -w $(DEMO) ingest --sensitive --source "witness W-017" samples/sensitive
	$(BIN)/raqib -w $(DEMO) process
	$(BIN)/raqib -w $(DEMO) list
	$(BIN)/raqib -w $(DEMO) incidents list
	$(BIN)/raqib -w $(DEMO) search chlorine --contested
	$(BIN)/raqib -w $(DEMO) verify
	$(BIN)/raqib -w $(DEMO) users add $(DEMO_USER) --role admin --password $(DEMO_PASSWORD) > $(DEMO)/demo-token.txt
	@echo "demo login: user '$(DEMO_USER)', password '$(DEMO_PASSWORD)' (API token in $(DEMO)/demo-token.txt)"
	$(BIN)/raqib -w $(DEMO) serve --host 127.0.0.1 --port 8000

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks scripts

test: lint assets
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .ruff_cache .hypothesis $(WEB)/node_modules
