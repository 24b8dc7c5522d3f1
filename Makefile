# rasd — make run | make test | make bench
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup run test bench gazetteer score floor clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: setup
	$(BIN)/python scripts/run_samples.py

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python scripts/bench.py --shared $(SHARED)

score: setup
	$(BIN)/rasd extract $(SHARED)/eval/dev/articles.jsonl -o out/dev.jsonl
	$(PY) $(SHARED)/eval/score.py $(SHARED)/eval/dev/gold.jsonl out/dev.jsonl

# re-record the dev-set regression floor (tests/golden/dev_floor.json) after a gain
floor: setup
	$(BIN)/python scripts/dev_floor.py --shared $(SHARED) --write

gazetteer: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-build.lock
	$(BIN)/python scripts/build_gazetteer.py --shared $(SHARED)

clean:
	rm -rf $(VENV) out .pytest_cache
