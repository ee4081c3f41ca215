# The two setup commands of README.md: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
INDEX  ?= index

.PHONY: run test install lint bench clean

$(BIN)/archiv: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/archiv

install: $(BIN)/archiv

run: install
	$(BIN)/archiv ingest samples --index $(INDEX)
	$(BIN)/archiv search --index $(INDEX) 'Kita'
	$(BIN)/archiv search --index $(INDEX) 'aktenzeichen:37.10.02'
	$(BIN)/archiv search --index $(INDEX) '"Bebauungsplan" OR Friedhof' --limit 3
	$(BIN)/archiv show --index $(INDEX) 'DS 47/2025'

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check archiv tests benchmarks scripts
	$(BIN)/ruff format --check archiv tests benchmarks scripts

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) build *.egg-info
	find $(INDEX) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
