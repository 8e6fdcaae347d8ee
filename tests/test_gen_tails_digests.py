"""Every split of the spam-tail generator (``scripts/gen_tails.py``) is pinned by a digest of
its first 16 pages, so that a change to the generator (a new split, a shared helper, a
refactor) that moves any split's pages fails here: the splits' figures in BENCHMARKS.md and
the tail model's training data stay what they were measured on.

One table for all splits (until 2026-12-07 each new split's test file pinned the splits
before it again). The digests were computed in a fresh interpreter (``PYTHONHASHSEED=0``) on
main: develop..dev2 at 6c85fde (before fresh3), fresh3 at 60e053e, fresh4 at 0cb8106,
fresh5 at 361b854, fresh6 at 5e9f459, fresh7 on branch gen7 (off edc9f41, before any cleaner
run on it); every later pin of the same split agreed."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, require_shared
from test_gen_tails_fresh2 import _digest_in_subprocess

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

#: sha256 over page + twin + sample record of the first 16 pages of each split
SPLIT_DIGESTS = {
    "develop": "2c7d1853bf3f029b725f25710b8bccb78e7047e1d9109331ebd75213210b3c92",
    "report": "9594684d522936a8419fa14b6f77ef67d50dbd5c5e208ad7e2eeb4207bb8c2aa",
    "fresh": "b804489853fb0f6e747b65340d4dd91ab073c75e7f7a00ed03ea2be9f63c0b72",
    "fresh2": "2c589eebbb0b81435e368fe1376d2aa780265d2b0aec8fb838ecea9c7d71ebaa",
    "dev2": "c66d4c06fa6f3a3e38791cc8aadc2cb003d071ed2615b3d81e7f22f3d0eaac74",
    "fresh3": "a90c704ddab1adb4e06dfeb48f4308c036871272750aa52f8664aba18932ef81",
    "fresh4": "d5c1f93db9d5fd07fbf3a72a198a726c51824f229105b524c8df6cfc962f542e",
    "fresh5": "ef42229ec1752ea0120b4cff2f83877c4a386eb4c3de81f4bb13273f1ebaca3a",
    "fresh6": "99eb3740e8e099d085b43c4ff4b2c40a4ca9728bb2bfe1424a332de99bf02dd2",
    "fresh7": "e6a3fedd56213516d4592b27bdb3e9876fa0ac62e22bde1d431c2c7618b04d17",
}


def test_every_split_is_pinned() -> None:
    """A new split gets its digest here the day it is added."""
    assert set(SPLIT_DIGESTS) == set(gen_tails.HALVES)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("half", sorted(SPLIT_DIGESTS))
def test_split_pages_are_unchanged(half: str) -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "wcxb-dev", "ground-truth")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")
    require_shared("data", "dolma-samples", "tests", "data", "warc")
    require_shared("data", "trafilatura-eval", "tests", "eval")
    assert _digest_in_subprocess("0", half, 16) == SPLIT_DIGESTS[half]
