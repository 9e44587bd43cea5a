# lepcheck: `make demo` and `make test` do all the set-up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format venv clean docs sites bench system-deps corpus-sources mutate

# Debian packages the tests drive for real: Chromium + ChromeDriver (HTML reports are opened in
# a headless browser), Tesseract (the OCR path for scanned registers), poppler (benchmarks).
SYSTEM_TOOLS := chromium chromedriver tesseract pdftotext
SYSTEM_PACKAGES := chromium chromium-driver tesseract-ocr poppler-utils

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/lepcheck demo

system-deps:
	@missing=""; for tool in $(SYSTEM_TOOLS); do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

# Mutation testing (cosmic-ray) of the modules that carry the README's promises, each against
# the tests that hold it (mutation/targets.yaml); fails on any survivor not explained in
# mutation/equivalent.yaml. One mutant at a time; see the README for how long it takes. Not run
# in CI: run it before each release. `make mutate TARGETS="guard score"` runs some targets.
MUTATION_STAMP := $(VENV)/.mutation-installed

$(MUTATION_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,mutation]'
	touch $(MUTATION_STAMP)

mutate: $(MUTATION_STAMP)
	$(BIN)/python scripts/mutate.py $(TARGETS)

corpus-sources: $(STAMP)
	$(BIN)/python scripts/corpus_sources.py --write

docs: $(STAMP)
	$(BIN)/python scripts/generate_schemas.py
	$(BIN)/lepcheck rules --format markdown > rules/CATALOGUE.md

# The sample and fixture sites, rebuilt from their specs in sitespecs/ (see its README).
sites: $(STAMP)
	$(BIN)/python scripts/build_sites.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
