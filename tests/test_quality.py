"""Quality signals, score and verdict: each row says why it should get its verdict."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.config import QualityConfig

PROSE = (
    "The council approved the new harbour wall on Tuesday after a debate that lasted most of "
    "the evening. Residents who live near the water said they were relieved, while others "
    "asked why the work had taken so long to start. The engineers expect the first section "
    "to be finished before winter, and the rest of the wall will follow next year. "
)


@pytest.fixture(scope="module")
def q_cleaner() -> Cleaner:
    return Cleaner(CleanerConfig(stages=("extract", "language", "assemble", "quality")))


@pytest.mark.parametrize(
    ("text", "verdict", "reason_prefix"),
    [
        pytest.param(PROSE * 3, "keep", None, id="healthy-article"),
        pytest.param(PROSE, "review", "short:", id="short-article-needs-review"),
        pytest.param("One two three.", "reject", "too_short:", id="too-short"),
        pytest.param("", "reject", "empty:", id="empty"),
        pytest.param("\n".join(["BUY NOW | CHEAP | #deal #sale #win"] * 60), "reject", None,
                     id="repeated-symbol-spam"),
        pytest.param("\n\n".join(f"Item number {i} list entry" for i in range(80)), "review",
                     "signals:", id="unpunctuated-list-page"),
    ],
)
def test_verdicts(q_cleaner: Cleaner, text: str, verdict: str, reason_prefix: str | None) -> None:
    quality = q_cleaner.clean(text).report.to_dict()["quality"]
    assert quality["verdict"] == verdict, quality
    if reason_prefix:
        assert any(r.startswith(reason_prefix) for r in quality["reasons"]), quality["reasons"]
    if verdict == "keep":
        assert quality["reasons"] == []
    assert 0.0 <= quality["score"] <= 1.0


def test_signals_present_and_plausible(q_cleaner: Cleaner) -> None:
    s = q_cleaner.clean(PROSE * 3).report.to_dict()["quality"]["signals"]
    assert set(s) >= {
        "chars_in", "chars_out", "words_in", "words_out", "mean_word_length", "stopword_ratio",
        "punct_line_ratio", "dup_line_fraction", "symbol_ratio", "removed_ratio",
    }
    assert 3.0 < s["mean_word_length"] < 7.0
    assert s["stopword_ratio"] > 0.3
    assert s["dup_line_fraction"] == 0.0


def test_thresholds_come_from_config() -> None:
    strict = CleanerConfig(
        stages=("extract", "language", "assemble", "quality"),
        quality=QualityConfig(min_words=1000),
    )
    quality = Cleaner(strict).clean(PROSE * 3).report.to_dict()["quality"]
    assert quality["verdict"] == "reject"
    assert quality["reasons"][0].startswith("too_short:")


def test_language_allow_list_sends_others_to_review() -> None:
    cfg = CleanerConfig(
        stages=("extract", "language", "assemble", "quality"),
        quality=QualityConfig(languages=("de",)),
    )
    quality = Cleaner(cfg).clean(PROSE * 3).report.to_dict()["quality"]
    assert quality["verdict"] == "review"
    assert "language: en not in de" in quality["reasons"]
