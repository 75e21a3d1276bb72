# The two commands a newcomer needs: `make run` and `make test`. Both create the virtual
# environment and install the pinned dependencies first, so they work on a fresh clone.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install run test lint eval bench

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

test: lint
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/python eval/blind_set.py --failures none
	$(BIN)/python eval/end_to_end.py
	$(BIN)/python eval/evaluate.py

bench: $(STAMP)
	$(BIN)/python bench/latency.py
