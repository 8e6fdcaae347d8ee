"""Gate on the generated spam-tail benchmark (scripts/bench_tails.py, issue 12): a fixed
subset of the *develop* half must meet the issue's targets. The report half (the held-out
figure) is measured by the benchmark script, not pinned here. Skipped without ../shared."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, require_shared

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def develop() -> dict[str, float]:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_tails

    return bench_tails.run_half("develop", 32, verbose=False)


def test_spam_tail_lines_surviving_at_most_one_and_a_half_percent(develop) -> None:
    assert develop["spam_survive"] <= 0.015


def test_no_card_or_social_pii_survives(develop) -> None:
    assert develop["pii_survive"] == 0.0


def test_body_word_f1_against_the_untouched_body(develop) -> None:
    assert develop["f1"] >= 0.99


def test_clean_controls_are_byte_identical(develop) -> None:
    assert develop["controls"] == 1.0
