# `make demo` and `make test` work on a fresh clone: they create .venv and install.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PIP_FLAGS ?= -q --disable-pip-version-check
FUZZ_SECONDS ?= 600
FUZZ_FLAGS ?=

VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' cleaner/_version.py)

.PHONY: install demo test test-fast check lint typecheck bench train fuzz soak clean-build \
	quickstart tag

# editable_mode=compat: a plain path in a .pth file instead of an import hook, so mypy
# (and IDEs) find the package without MYPYPATH. The distribution was named `cleaner`
# before it became `scrape-cleaner`: an old install of that name is removed first.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY) -m pip uninstall $(PIP_FLAGS) -y cleaner 2>/dev/null || true; rm -rf cleaner.egg-info
	$(PY) -m pip install $(PIP_FLAGS) -e '.[test]' --config-settings editable_mode=compat
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
	$(PY) -m pip install $(PIP_FLAGS) -e '.[train]' --config-settings editable_mode=compat
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

## quickstart: the README's quick start, literally, in a fresh clone and venv (a few minutes)
quickstart:
	bash scripts/quickstart_check.sh

## tag: tag this commit v$(VERSION), the rev the README's pre-commit snippet names
tag:
	git tag -a v$(VERSION) -m "cleaner $(VERSION)"

clean-build:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
