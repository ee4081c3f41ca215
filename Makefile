# The two setup commands of README.md: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
INDEX  ?= index

.PHONY: run test install lint bench clean system-deps test-deps opensearch-start opensearch-stop

$(BIN)/archiv: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/archiv

install: $(BIN)/archiv

# Debian's Tesseract with the German model, for scanned Vorlagen. Installed when missing and we are
# root (as in CI); otherwise a note: text documents need no OCR, and the OCR tests skip.
system-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx deu; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing tesseract-ocr tesseract-ocr-deu (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-deu >/dev/null; \
	else \
		echo "note: scanned files need OCR: sudo apt-get install tesseract-ocr tesseract-ocr-deu"; \
	fi

# What only the tests need: Debian's Chromium (browser tests), Java and Maven (a real OpenSearch node).
# Installed when missing and we are root; otherwise a note, and those tests skip.
test-deps:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	command -v java >/dev/null 2>&1 || need="$$need openjdk-17-jre-headless"; \
	command -v mvn >/dev/null 2>&1 || need="$$need maven"; \
	if [ -z "$$need" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing$$need (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null; \
	else \
		echo "note: the browser and OpenSearch tests need:$$need (they skip without)"; \
	fi

run: system-deps install
	$(BIN)/archiv ingest samples --index $(INDEX)
	$(BIN)/archiv search --index $(INDEX) 'Kita'
	$(BIN)/archiv search --index $(INDEX) 'aktenzeichen:37.10.02'
	$(BIN)/archiv search --index $(INDEX) '"Bebauungsplan" OR Friedhof' --limit 3
	$(BIN)/archiv show --index $(INDEX) 'DS 47/2025'

# The OpenSearch backend's tests need a real node: scripts/opensearch/with-node starts one where Java and
# Maven are installed (the first time it assembles it from Maven Central, ~1 min) and stops it afterwards.
# The shape rules (no import cycle, no private name from another module, no module over 400 lines)
# are checked first: scripts/check_shape.py, standard library only.
test: system-deps test-deps install
	$(BIN)/python scripts/check_shape.py
	scripts/opensearch/with-node $(BIN)/python -m pytest -q

opensearch-start:
	scripts/opensearch/start

opensearch-stop:
	scripts/opensearch/stop

lint: install
	$(BIN)/ruff check archiv tests benchmarks scripts
	$(BIN)/ruff format --check archiv tests benchmarks scripts

bench: install
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_search.py --docs 10000
	$(BIN)/python benchmarks/bench_ocr.py

clean:
	rm -rf $(VENV) build *.egg-info
	find $(INDEX) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
