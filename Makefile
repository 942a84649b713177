# One entry point for every dev task. The README's two commands are `make demo` and `make test`.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= claimgraph.db

.PHONY: demo test setup lint eval bench relation-model clean

## setup: create .venv and install the pinned dependencies (spaCy models included)
setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## demo: set up, ingest the bundled sample corpus into ./claimgraph.db and show what it holds
demo: setup
	# The founding article is not openly licensed: it ships only as a test fixture, added from there.
	$(BIN)/claimgraph demo --db $(DB) tests/fixtures/corpus/seed-idlib-french-jihadists

## test: set up and run the whole test suite (slow tests included), then the accuracy floors
##       on every annotated set (docs/evaluation.md)
test: setup
	$(BIN)/python -m pytest -q
	$(BIN)/claimgraph eval tests/fixtures/corpus --floors tests/fixtures/eval_floors.json
	$(BIN)/claimgraph eval tests/fixtures/dev2 --floors tests/fixtures/dev2_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout --floors tests/fixtures/holdout_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout_final --floors tests/fixtures/holdout_final_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout_c --floors tests/fixtures/holdout_c_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout_d --floors tests/fixtures/holdout_d_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout_e --floors tests/fixtures/holdout_e_floors.json
	$(BIN)/claimgraph eval tests/fixtures/holdout_f --floors tests/fixtures/holdout_f_floors.json
	$(BIN)/claimgraph eval tests/fixtures/train_sahel --floors tests/fixtures/train_sahel_floors.json
	$(BIN)/claimgraph eval tests/fixtures/train_levant --floors tests/fixtures/train_levant_floors.json
	$(BIN)/claimgraph eval tests/fixtures/train_horn --floors tests/fixtures/train_horn_floors.json

## lint: ruff over the package and tests
lint: setup
	$(BIN)/ruff check src tests

## eval: score extraction on the shared development corpus
eval: setup
	$(BIN)/claimgraph eval ../shared/corpus

## relation-model: retrain the bundled relation model from the annotated sets open to study
##       (never from the blind held-out sets B, E and F; docs/evaluation.md)
TRAINING_SETS := corpus dev2 holdout holdout_c holdout_d train_sahel train_levant train_horn
relation-model: setup
	$(BIN)/claimgraph train-relations $(addprefix tests/fixtures/,$(TRAINING_SETS)) --out src/claimgraph/nlp/data/relation_model.json

## bench: the ingest and extraction benchmarks (writes bench/RESULTS.md sections)
bench: setup
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
