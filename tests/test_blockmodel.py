"""The block model: plain-Python tree inference, features, and the extract-stage drop."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from cleaner import Cleaner, CleanerConfig, blockmodel
from cleaner.blockmodel import FEATURE_NAMES, BlockModel, block_features, shipped_model
from cleaner.config import ExtractionConfig
from cleaner.extract import rejoin
from cleaner.model import Block, Markup

LOG_WORDS = FEATURE_NAMES.index("log_words")
LINK = FEATURE_NAMES.index("link_density")


def _spec(**over: Any) -> dict[str, Any]:
    """One stump: log_words <= log1p(5) -> -2 (drop), else +2 (keep)."""
    spec = {
        "format": "cleaner.block_model/1",
        "features": list(FEATURE_NAMES),
        "init": 0.0,
        "learning_rate": 1.0,
        "threshold": 0.5,
        "trees": [{"feature": [LOG_WORDS, 0, 0], "threshold": [math.log1p(5), 0.0, 0.0],
                   "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, -2.0, 2.0]}],
    }
    spec.update(over)
    return spec


@pytest.mark.parametrize(
    ("words", "expected", "reason"),
    [
        (3, 1 / (1 + math.exp(2.0)), "short block goes left: sigmoid(-2)"),
        (40, 1 / (1 + math.exp(-2.0)), "long block goes right: sigmoid(2)"),
    ],
)
def test_tree_inference(words: int, expected: float, reason: str) -> None:
    x = [0.0] * len(FEATURE_NAMES)
    x[LOG_WORDS] = math.log1p(words)
    assert BlockModel(_spec()).keep_probability(x) == pytest.approx(expected), reason


def test_model_with_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="make train"):
        BlockModel(_spec(features=["something", "else"]))


def test_features_see_links_and_position() -> None:
    blocks = [Block(0, 0, 5, "heading", 0, "Title"),
              Block(1, 7, 20, "list_item", 1, "Home | About",
                    markup=Markup(tag="a", link_density=1.0, containers=("nav",)))]
    f = block_features(blocks, page_kind="forum")
    assert len(f) == 2 and all(len(row) == len(FEATURE_NAMES) for row in f)
    assert f[1][LINK] == 1.0 and f[0][LINK] == 0.0
    assert f[1][FEATURE_NAMES.index("container=nav")] == 1.0
    assert f[0][FEATURE_NAMES.index("first")] == 1.0
    assert f[0][FEATURE_NAMES.index("page=forum")] == 1.0


def test_rejoin_keeps_offsets_and_groups() -> None:
    blocks = [Block(0, 0, 1, "paragraph", 0, "a"), Block(1, 3, 4, "line", 1, "b"),
              Block(2, 5, 6, "line", 1, "c"), Block(3, 8, 9, "paragraph", 2, "d")]
    text, fresh = rejoin([blocks[0], blocks[2], blocks[3]])
    assert text == "a\n\nc\n\nd"
    assert [text[b.start:b.end] for b in fresh] == ["a", "c", "d"]
    assert [b.group for b in fresh] == [0, 1, 2]


def test_extract_stage_drops_what_the_model_scores_low(monkeypatch: pytest.MonkeyPatch) -> None:
    planted = BlockModel(_spec())
    monkeypatch.setattr(blockmodel, "shipped_model", lambda: planted)
    prose = " ".join(f"word{i}" for i in range(30))
    html = (f"<html><body><article><h1>Tiny</h1><p>{prose}.</p><p>Short line here.</p>"
            f"<p>{prose} again.</p></article></body></html>")
    cfg = CleanerConfig(stages=("extract", "assemble"),
                        extraction=ExtractionConfig(block_model=True))
    result = Cleaner(cfg).clean(html, format="html")
    dropped = [f for f in result.report.findings if f.rule == "block_model"]
    assert "Short line here." not in result.text
    assert prose in result.text
    assert dropped and all(f.action == "dropped" and f.start is None for f in dropped)
    assert all(0.0 < f.detail["keep_probability"] < 0.5 for f in dropped)
    off = Cleaner(cfg.replace(extraction=ExtractionConfig(block_model=False)))
    assert "Short line here." in off.clean(html, format="html").text


def test_shipped_model_loads_and_has_provenance() -> None:
    model = shipped_model()
    if model is None:
        pytest.skip("no block model shipped (run `make train`)")
    from importlib import resources

    prov = json.loads(resources.files("cleaner").joinpath("data").joinpath(
        "block_model.provenance.json").read_text("utf-8"))
    assert prov["data_sha256"] and prov["command"].startswith("python scripts/train_blocks.py")
    assert "held_out" in prov and 0.0 < model.threshold < 1.0
    size = resources.files("cleaner").joinpath("data").joinpath(blockmodel.MODEL_FILE)
    assert len(size.read_bytes()) <= 5 * 1024 * 1024
