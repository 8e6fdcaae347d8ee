"""The learned tail model (issue 12): features, inference, where it may remove, reasons.

The shipped model (``cleaner/data/tail_model.json``, ``scripts/train_tails.py``) is off
by default; these tests turn it on explicitly.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from typing import Any

import pytest
from conftest import ROOT

from cleaner import Cleaner, CleanerConfig
from cleaner.boilerplate import tailmodel
from cleaner.boilerplate.tailmodel import TAIL_FEATURES, TailModel, shipped_model
from cleaner.config import BoilerplateConfig

BODY = (
    "The harbour board met on Tuesday to approve the budget for the new bridge, which "
    "will carry the coast road over the estuary from next spring onwards, the chair said.",
    "Engineers expect the first piles to be driven in March, once the winter storms have "
    "passed and the estuary has settled back to its summer level, the board was told.",
    "Residents who spoke at the meeting asked for a footpath on the seaward side of the "
    "bridge, and the board agreed to look at the cost of one before the next meeting.",
)


def _cleaner(model: TailModel | None, hook: Any = None) -> Cleaner:
    stages = tuple(s for s in CleanerConfig().stages if s != "pii")
    c = Cleaner(CleanerConfig(stages=stages))
    for stage in c.stages:
        if stage.name == "boilerplate":
            stage.tail_model = model  # type: ignore[attr-defined]
            stage.tail_hook = hook  # type: ignore[attr-defined]
    return c


def _spec(init: float, feature: str = "log_words", **over: Any) -> dict[str, Any]:
    """One stump on ``feature`` at 0 (both leaves ``init``): every candidate gets
    ``sigmoid(init)``."""
    spec: dict[str, Any] = {
        "format": "cleaner.tail_model/1", "features": list(TAIL_FEATURES), "init": init,
        "learning_rate": 1.0, "threshold": 0.5,
        "trees": [{"feature": [TAIL_FEATURES.index(feature), 0, 0], "threshold": [0.0, 0, 0],
                   "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, 0.0, 0.0],
                   "inner": [0.0, 0.0, 0.0]}],
    }
    spec.update(over)
    return spec


TAIL = ("Keep reading", "Why The Harbour Light Is Always Green At Night",
        "Seven Ferries You Can Still Ride For Free", "The Lighthouse Keeper Who Never Slept")
PAGE = "\n\n".join([*BODY, *TAIL])


def test_off_by_default() -> None:
    assert BoilerplateConfig().tail_model is False
    c = Cleaner(CleanerConfig())
    stage = next(s for s in c.stages if s.name == "boilerplate")
    assert stage.tail_model is None  # type: ignore[attr-defined]


def test_vectors_one_value_per_feature_and_a_pure_function() -> None:
    seen: list[tuple[list[int], list[list[float]]]] = []
    c = _cleaner(None, hook=lambda doc, feats, end, idx, rows: seen.append((idx, rows)))
    c.clean(PAGE, format="text")
    c.clean(PAGE, format="text")
    assert len(seen) == 2 and seen[0] == seen[1]
    idx, rows = seen[0]
    assert idx and all(len(r) == len(TAIL_FEATURES) for r in rows)
    assert all(math.isfinite(v) for r in rows for v in r)


def test_removes_only_after_the_article_end_with_a_reason() -> None:
    """A model that rates every candidate 1.0 removes candidates only: nothing up to the
    article's last prose paragraph; each finding names the rule, its score and features."""
    sure = TailModel(_spec(10.0))
    res = _cleaner(sure).clean(PAGE, format="text")
    for para in BODY:
        assert para in res.text
    found = [f for f in res.document.findings
             if f.stage == "boilerplate" and f.rule == "tail_model"]
    assert found, "the stump removes every candidate"
    end = res.document.meta["boilerplate"]["article_end_block"]
    assert all((f.block or 0) > end for f in found)
    for f in found:
        assert f.score >= 0.99 and f.category in tailmodel.CATEGORIES_OUT
        top = f.detail.get("tail_model_top", [])
        assert all(t in TAIL_FEATURES for t in top)  # names, never the block's text


def test_never_sure_changes_nothing() -> None:
    never = TailModel(_spec(-10.0))
    assert _cleaner(never).clean(PAGE, format="text").text == \
        _cleaner(None).clean(PAGE, format="text").text


def test_model_with_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="make train"):
        TailModel(_spec(0.0, features=["log_words"]))


def _fit(seed: int) -> tuple[Any, Any]:
    np = pytest.importorskip("numpy")
    ens = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(400, len(TAIL_FEATURES)))
    y = (X[:, 0] + 0.5 * X[:, 7] - X[:, 30] > 0).astype(int)
    m = ens.HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, early_stopping=False,
                                           random_state=0)
    return m.fit(X, y), X


def test_inference_equals_the_training_library_and_is_deterministic() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_tails

    model, X = _fit(1)
    spec = train_tails.export(model, 0.5)
    ours = TailModel(spec)
    want = model.predict_proba(X[:25])[:, 1]
    for x, p in zip(X[:25], want, strict=True):
        assert ours.probability(list(x)) == pytest.approx(float(p), abs=1e-6)
    again, _ = _fit(1)
    assert json.dumps(train_tails.export(again, 0.5)) == json.dumps(spec)
    assert ours.top_features(list(X[0]))  # the path gains name some feature


def test_shipped_model_loads_offline_with_provenance() -> None:
    model = shipped_model()
    assert model is not None and 0.0 < model.threshold <= 1.0
    data = ROOT / "cleaner" / "data"
    prov = json.loads((data / "tail_model.provenance.json").read_text("utf-8"))
    assert prov["sha256"] == hashlib.sha256((data / "tail_model.json").read_bytes()).hexdigest()
    # (eight splits since fresh5 trains too, 2026-12-07; nine since fresh6 does, fresh7 held
    # out, 2026-12-08)
    assert len(prov["leave_one_split_out"]) == 9, "one held-out row per generated split"


#: a run the rules remove (header and clickbait headlines) after the body: the model
#: runs only on pages where the rules found a tail
RUN = ("Related Stories", "You Won't Believe What This 90-Year-Old Grandma Did Next",
       "10 Photos That Prove The 1990s Were A Different World",
       "Doctors Hate Him: The One Trick That Melts Belly Fat")

#: (before the run, after the run, the lines the model must remove, reason): planted by
#: hand, no generated split's page -- shapes the rules keep
FIRING = [
    ((), ("Source: harbourdaily.example, 12 March 2026",),
     ("Source: harbourdaily.example, 12 March 2026",), "a source line after the run"),
    ((), ("Council votes to close the old ferry terminal",
          "Fishing quotas cut again for next season"),
     ("Council votes to close the old ferry terminal",
      "Fishing quotas cut again for next season"), "sentence-case news headlines in a run"),
    ((), ("Follow me: @harbour_mehmet",), ("Follow me: @harbour_mehmet",),
     "a handle line after the run"),
    ((), ("Mehmet Yilmaz", "Staff Writer"), ("Mehmet Yilmaz", "Staff Writer"),
     "a bare byline card after the run"),
]

#: (body lines after the last prose paragraph, before the run; reason): they stay
STAYING = [
    (("For press enquiries call the board office on 0161 496 0000.",),
     "a contact sentence of the article"),
    (("Is the footpath funded?", "Not yet: the board will decide in May."),
     "a question and answer ending the article"),
    (("1998 — the old ferry terminal opens", "2011 — the first bridge study is published"),
     "timeline lines (dated, headline-like)"),
    (("Park at the harbour car park.", "Walk north along the sea wall to the estuary."),
     "short steps"),
    pytest.param(("Opening hours: 9am to 5pm daily", "Tickets: 5 pounds, children free"),
                 "card-like visitor information",
                 marks=pytest.mark.xfail(strict=True, reason="known false positive of the "
                                         "shipped model: 'Tickets: ...' goes (one reason "
                                         "it ships off)")),
]


def _both(lines: tuple[str, ...]) -> tuple[str, str]:
    model = shipped_model()
    assert model is not None
    page = "\n\n".join([*BODY, *lines])
    return _cleaner(None).clean(page, format="text").text, \
        _cleaner(model).clean(page, format="text").text


@pytest.mark.parametrize(("before", "after", "gone", "reason"), FIRING,
                         ids=[r[3] for r in FIRING])
def test_model_removes_a_tail_shape_the_rules_keep(
    before: tuple[str, ...], after: tuple[str, ...], gone: tuple[str, ...], reason: str
) -> None:
    rules, with_model = _both((*before, *RUN, *after))
    for line in gone:
        assert line in rules, f"the rules keep it ({reason})"
        assert line not in with_model, reason
    for para in BODY:
        assert para in with_model


@pytest.mark.parametrize(("lines", "reason"), STAYING)
def test_body_lines_with_tail_shapes_stay(lines: tuple[str, ...], reason: str) -> None:
    rules, with_model = _both((*lines, *RUN))
    assert RUN[1] not in rules, "the rules remove the run: the model runs on this page"
    for line in lines:
        assert line in rules and line in with_model, reason


@pytest.mark.parametrize(("text", "want", "why"), [
    ("see sub.example.com today", 1, "a subdomain's last run is the domain"),
    ("www.example.org", 2, "the www. prefix and the domain count apart"),
    ("visit foo-bar.co now", 1, "a name joined by a dash is one domain"),
    ("https://a-b.io/x", 2, "the scheme and the domain"),
    ("a-" * 50 + "b", 0, "a long dash-joined run with no domain (was quadratic)"),
    ("no links here.", 0, "prose"),
])
def test_url_shape_counts(text: str, want: int, why: str) -> None:
    from cleaner.boilerplate.tailmodel import SHAPES

    assert len(SHAPES["url"].findall(text)) == want, why
