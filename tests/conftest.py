"""Shared test fixtures: expensive engines are built once per session."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES = FIXTURES / "pages"
EXPECTED = FIXTURES / "expected"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_c242f564f4966d71.txt"


@dataclass(frozen=True)
class GoldenPage:
    name: str
    path: Path
    expected: dict[str, Any]

    def read(self) -> bytes:
        return self.path.read_bytes()


def golden_pages() -> list[GoldenPage]:
    """Every page in fixtures/pages that has fixtures/expected/<stem>.json."""
    pages = []
    for path in sorted(PAGES.iterdir()):
        exp = EXPECTED / f"{path.stem}.json"
        if exp.is_file():
            pages.append(GoldenPage(path.stem, path, json.loads(exp.read_text("utf-8"))))
    return pages


#: ``make test-fast`` sets this: tests that read ../shared skip even when it is there
NO_SHARED = os.environ.get("CLEANER_TESTS_NO_SHARED") == "1"

#: test files marked ``slow`` as a whole (``make test-fast`` leaves them out), with why
SLOW_FILES: dict[str, str] = {
    "test_batch_cli.py": "batch runs through the CLI in subprocesses, with worker pools",
    "test_batch_faults.py": "kills workers and parents, fills disks: subprocesses",
    "test_batch_shared.py": "batch runs on the ../shared samples",
    "test_dask_batch.py": "a local Dask cluster",
    "test_browser_report.py": "a headless browser",
    "test_network.py": "fresh interpreters with the network blocked",
    "test_precommit.py": "installs and runs pre-commit hooks",
    "test_scrapy.py": "Scrapy crawls of a local site",
    "test_privacy.py": "hypothesis runs of the whole pipeline (100 pages a property)",
    "test_regex_backtracking.py": "every pattern against long hostile inputs",
    "test_hostile.py": "large hostile inputs (deep nesting, megabytes of markup)",
    "test_batch_io_journeys.py": "pages to JSONL, stdout and stdin through the CLI in subprocesses",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)


def require_shared(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a clear message."""
    if NO_SHARED:
        pytest.skip("the fast lane (make test-fast) reads no ../shared data")
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (public data is not part of the repo)")
    return path


@pytest.fixture(scope="session")
def cleaner_default():
    from cleaner import Cleaner

    return Cleaner()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return require_shared("seed", "000_c242f564f4966d71.txt").read_text("utf-8")
