# Everything runs from .venv, created on first use from pyproject.toml.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test lint bench eval clean browser model lexicon

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[serve,test]'
	touch $(STAMP)

run: $(STAMP)
	@if [ -f api.py ] && $(BIN)/python -c "import api" 2>/dev/null; then \
		echo "checker API on http://$(HOST):$(PORT)/"; \
		$(BIN)/python -m checker serve --host $(HOST) --port $(PORT); \
	else \
		$(BIN)/checker check seeds/kursk-incursion.txt --format json; \
	fi

# Debian's Chromium for tests/test_browser.py (as root). Never part of `make test`: without
# it the browser tests skip and say why; CI's .ci/run installs it before `make test`.
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# Lint, then the whole suite; the browser tests' screenshots go to test-output/browser.
test: $(STAMP)
	$(BIN)/ruff check checker tests benchmarks training $(wildcard api.py)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest -n 2 tests

lint: $(STAMP)
	$(BIN)/ruff check checker tests benchmarks training $(wildcard api.py)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py

eval: $(STAMP)
	$(BIN)/checker eval corpus

# Retrain the English pipeline from the UD treebanks and package it into checker/models
# (hours on two cores; `make test` never does this). UD is a folder with the treebanks'
# CoNLL-U files (see training/convert.py); SIZE is one of training/train.sh's sizes.
UD ?= ../shared/ud
SIZE ?= m
MODEL_WORK ?= build/model
model: $(STAMP)
	PYTHON=$(BIN)/python training/train.sh $(UD) $(MODEL_WORK) $(SIZE)
	$(BIN)/python training/package.py $(MODEL_WORK)/$(SIZE)/model-best $(MODEL_WORK)/corpus $(SIZE)

# Rebuild the lexical tables from Open English WordNet's YAML source and wordfreq.
OEWN ?= ../shared/oewn/src/yaml
lexicon: $(STAMP)
	$(BIN)/python -m checker.data.wordnet.derive $(OEWN)
	$(BIN)/python -m pip install --quiet 'wordfreq>=3.1,<4'
	$(BIN)/python -m checker.data.wordfreq.derive
	$(BIN)/python -m checker.data.zones.derive

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-output
