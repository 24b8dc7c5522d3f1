# rasd — make run | make test | make bench
# The interpreter the venv is built from: the system's CPython 3.11 when it can make
# venvs, else python3. On the bench machine Debian's /usr/bin/python3.11 ran rasd
# about 25% faster than its pyenv 3.11.7 (BENCHMARKS.md, "Interpreter").
# `make setup PY=...` overrides.
PY ?= $(shell for p in /usr/bin/python3.11 python3; do \
	$$p -c 'import ensurepip, venv' >/dev/null 2>&1 && { echo $$p; break; }; done)
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
