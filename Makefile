# `make demo` and `make test` work on a fresh clone: they create .venv and install.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PIP_FLAGS ?= -q --disable-pip-version-check
FUZZ_SECONDS ?= 600
FUZZ_FLAGS ?=

.PHONY: install demo test test-fast check lint typecheck bench train fuzz soak clean-build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY) -m pip install $(PIP_FLAGS) -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## demo: clean every page in fixtures/pages and show the text and report
demo: install
	$(PY) scripts/demo.py fixtures/pages build/demo

## test: lint, type-check and the whole test suite
test: install lint typecheck
	$(PY) -m pytest -q

## test-fast: the inner loop: no slow-marked tests (subprocesses, worker pools, browsers,
## long property runs; see SLOW_FILES in tests/conftest.py), no ../shared data
test-fast: install
	CLEANER_TESTS_NO_SHARED=1 $(PY) -m pytest -q -m "not slow and not shared"

lint: install
	$(VENV)/bin/ruff check cleaner tests scripts fuzz

typecheck: install
	$(VENV)/bin/mypy

check: lint typecheck

## bench: benchmark scripts (print figures; need ../shared for the public data)
bench: install
	@for s in scripts/bench_*.py; do echo "== $$s"; $(PY) $$s || exit $$?; done

## train: rebuild the shipped models from ../shared (each scripts/train_*.py; needs the train extra)
train: install
	$(PY) -m pip install $(PIP_FLAGS) -e '.[train]'
	@for s in scripts/train_*.py; do echo "== $$s"; $(PY) $$s || exit $$?; done

## fuzz: coverage-guided fuzzing of clean() (atheris) for FUZZ_SECONDS; crashes in build/fuzz-artifacts
fuzz: install
	$(PY) -m pip install $(PIP_FLAGS) atheris
	mkdir -p build/fuzz-corpus build/fuzz-artifacts
	$(PY) fuzz/make_corpus.py build/fuzz-corpus
	FUZZ_ARTIFACTS=build/fuzz-artifacts $(PY) fuzz/fuzz_clean.py build/fuzz-corpus \
		-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=30 -max_len=32768 \
		-artifact_prefix=build/fuzz-artifacts/ $(FUZZ_FLAGS)

## soak: long hostile-input and regex-backtracking runs (CLEANER_SOAK=1)
soak: install
	CLEANER_SOAK=1 $(PY) -m pytest -q tests/test_regex_backtracking.py tests/test_hostile.py

clean-build:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
