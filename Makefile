# `make demo` and `make test` work on a fresh clone: they create .venv and install.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PIP_FLAGS ?= -q --disable-pip-version-check

.PHONY: install demo test check lint typecheck bench clean-build

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

lint: install
	$(VENV)/bin/ruff check cleaner tests scripts

typecheck: install
	$(VENV)/bin/mypy

check: lint typecheck

## bench: benchmark scripts (print figures; need ../shared for the public data)
bench: install
	@for s in scripts/bench_*.py; do echo "== $$s"; $(PY) $$s || exit $$?; done

clean-build:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
