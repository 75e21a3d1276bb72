# The two commands a newcomer needs: `make run` and `make test`. Both create the virtual
# environment and install the pinned dependencies first, so they work on a fresh clone.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install run test lint eval bench postgres

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/rapporteur

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The question log's tests start PostgreSQL servers of their own (initdb into a temporary
# folder): install Debian's PostgreSQL 15 where no initdb is found (CI runs as root).
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { echo "Installing PostgreSQL 15 for the tests (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; }

test: lint postgres
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/python eval/blind_set.py --failures none
	$(BIN)/python eval/blind_set.py --fresh --failures none
	$(BIN)/python eval/end_to_end.py
	$(BIN)/python eval/evaluate.py

bench: $(STAMP)
	$(BIN)/python bench/latency.py
