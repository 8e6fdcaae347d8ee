"""The shipped models were trained on the features the package computes today.

``scripts/model_fingerprint.py`` digests each model's features on pinned repository
inputs; the training scripts store the digest in the model's provenance. A feature
function changed without retraining (the DOM model once ran for a day on a fixed
sibling-count feature it was never trained on) fails here, naming the model. Runs
without ``../shared``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import model_fingerprint as mf  # noqa: E402


@pytest.mark.parametrize("model", sorted(mf.FINGERPRINTS))
def test_shipped_model_matches_todays_features(model: str) -> None:
    prov = json.loads(mf.PROVENANCE[model].read_text("utf-8"))
    stored = prov.get(mf.KEY)
    assert stored, f"{mf.PROVENANCE[model].name} has no {mf.KEY}: retrain with `make train`"
    assert stored["inputs_sha256"] == mf.inputs_digest(), (
        "the pinned fingerprint inputs (fixtures or LINES) changed: check that the features "
        f"did not, then `python scripts/model_fingerprint.py --write {model}`")
    now = mf.FINGERPRINTS[model]()
    assert now["sha256"] == stored["sha256"], (
        f"the {model} model's features changed since it was trained "
        f"({now['sha256'][:12]} != {stored['sha256'][:12]}): run `make train`, re-measure")


def _shift_char_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import dommodel

    real = dommodel._char_counts

    def shifted(text: str) -> tuple[int, int, int, int]:
        a, b, c, d = real(text)
        return a + 1, b, c, d

    monkeypatch.setattr(dommodel, "_char_counts", shifted)


def _drop_a_gram(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.boilerplate import headline

    real = headline.feature_ids
    monkeypatch.setattr(headline, "feature_ids", lambda text: real(text)[1:])


def _no_stopwords(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import blockmodel

    monkeypatch.setattr(blockmodel, "_ALL_STOP", frozenset())


def _no_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.boilerplate import tailmodel

    monkeypatch.setattr(tailmodel, "_similar", lambda a, b: False)


@pytest.mark.parametrize(
    ("model", "perturb"),
    [
        pytest.param("dom", _shift_char_counts, id="dom: one character count off by one"),
        pytest.param("headline", _drop_a_gram, id="headline: one n-gram id lost per line"),
        pytest.param("block", _no_stopwords, id="block: the stopword ratio is always 0"),
        pytest.param("tail", _no_runs, id="tail: no block is in a run of similar blocks"),
    ],
)
def test_a_changed_feature_moves_the_fingerprint(
    model: str, perturb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = mf.FINGERPRINTS[model]()["sha256"]
    perturb(monkeypatch)
    assert mf.FINGERPRINTS[model]()["sha256"] != before


def test_fingerprint_inputs_are_pinned_files() -> None:
    missing = [name for name in mf.FIXTURE_PAGES if not (ROOT / name).is_file()]
    assert not missing and len(mf.FIXTURE_PAGES) >= 8 and len(mf.LINES) >= 10
