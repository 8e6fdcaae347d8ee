"""The labelled boilerplate fixture set (fixtures/boilerplate): per-category floors.

The floors are pinned at the measured figures (``python scripts/bench_boilerplate.py``,
2026-12-02: precision and recall 1.000 in every category). That is a *training* figure:
the rules were written with these pages in view; the held-out figure is the report
half of ``scripts/bench_tails.py``. A change that drops a category below the floor
fails here instead of silently degrading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _boilerplate_helpers import make_cleaner
from conftest import FIXTURES

from cleaner.boilerplate import CATEGORIES
from cleaner.boilerplate.evaluate import Evaluation, evaluate, load_labels

ROOT: Path = FIXTURES / "boilerplate"
PRECISION_FLOOR = 1.0
RECALL_FLOOR = 1.0


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    cleaner = make_cleaner()
    records = load_labels(ROOT)
    pairs = [
        (r, cleaner.clean((ROOT / "pages" / r["page"]).read_bytes(), format=r["page"]))
        for r in records
    ]
    return evaluate(ROOT, pairs)


def test_fixture_set_shape() -> None:
    records = load_labels(ROOT)
    assert len(records) >= 40
    assert {"en", "de", "fr", "es", "it", "nl"} <= {r["lang"] for r in records}
    assert {"text", "markdown", "html"} <= {r["format"] for r in records}
    assert sum(1 for r in records if r["control"]) >= 10
    for r in records:
        assert (ROOT / "pages" / r["page"]).is_file(), r["page"]
        assert all(d["category"] in CATEGORIES for d in r["drop"])
    labelled = {d["category"] for r in records for d in r["drop"]}
    assert labelled == set(CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_precision_floor(evaluation: Evaluation, category: str) -> None:
    score = evaluation.categories[category]
    assert score.removed > 0, f"no {category} removals at all"
    assert score.precision >= PRECISION_FLOOR, (category, evaluation.false_removals)


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_recall_floor(evaluation: Evaluation, category: str) -> None:
    score = evaluation.categories[category]
    assert score.recall >= RECALL_FLOOR, (category, evaluation.missed)


def test_clean_controls_are_unchanged(evaluation: Evaluation) -> None:
    assert evaluation.controls >= 10
    assert evaluation.controls_unchanged == evaluation.controls


def test_no_must_keep_snippet_is_lost(evaluation: Evaluation) -> None:
    assert evaluation.keep_total > 100
    assert evaluation.keep_lost == []
