"""Shared test fixtures: expensive engines are built once per session."""

from __future__ import annotations

import json
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


def require_shared(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a clear message."""
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
