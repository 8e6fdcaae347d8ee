"""Headline model: how much a short line reads like a link-farm / clickbait headline.

A logistic regression over hashed character 2-5-grams and word 1-2-grams, trained
by ``scripts/train_headlines.py`` (``make train``) on the clickbait set of
Chakraborty et al. 2016 (clickbait positives; news headlines and real section
headings / short lines of article bodies as negatives). The weights ship as
``cleaner/data/headline_model.npz`` with provenance in
``cleaner/data/headline_model.json``. Inference is numpy only.

The probability is one feature of the boilerplate scorer, beside run shape,
repetition, position after the article's end, topical overlap and link density:
it never removes a line on its own (see ``rules.py``).
"""

from __future__ import annotations

import math
import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA / "headline_model.npz"
#: hashed feature space (2**18 weights, float16 on disk)
N_FEATURES = 1 << 18
_WORD = re.compile(r"\w+|[^\w\s]")
_DIGIT = re.compile(r"\d")


def feature_ids(text: str) -> list[int]:
    """Hashed n-gram ids of one line (shared by training and inference)."""
    low = _DIGIT.sub("0", " ".join(text.lower().split()))
    toks = _WORD.findall(low)
    grams: list[str] = []
    padded = f" {low} "
    for n in (2, 3, 4, 5):
        grams.extend("c" + padded[i : i + n] for i in range(max(0, len(padded) - n + 1)))
    grams.extend("w" + t for t in toks)
    grams.extend("b" + a + " " + b for a, b in zip(["<s>", *toks], [*toks, "</s>"], strict=True))
    # shape: case pattern of the original line (title case is a headline signal)
    raw = text.split()
    if raw:
        caps = sum(1 for w in raw if w[:1].isupper())
        grams.append(f"s_caps{min(4, int(4 * caps / len(raw)))}")
        grams.append(f"s_len{min(6, len(raw) // 3)}")
        grams.append("s_end" + (text.rstrip()[-1:] if text.rstrip()[-1:] in "?!.:|" else "_"))
    return sorted({zlib.crc32(g.encode("utf-8")) % N_FEATURES for g in grams})


class HeadlineModel:
    """``prob(line)``: the probability that ``line`` is a clickbait/link-farm headline."""

    #: lines remembered by :meth:`prob` (link farms print each headline twice; the
    #: stage asks about a line once per pass that sees it)
    CACHE_SIZE = 4096

    def __init__(self, weights: np.ndarray, bias: float) -> None:
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)
        self._probs: dict[str, float] = {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> HeadlineModel:
        with np.load(path) as z:
            return cls(z["weights"], float(z["bias"][0]))

    def logit(self, text: str) -> float:
        ids = feature_ids(text)
        if not ids:
            return self.bias
        # binary features, L2-normalised (as in training)
        return float(self.weights[ids].sum()) / math.sqrt(len(ids)) + self.bias

    def prob(self, text: str) -> float:
        p = self._probs.get(text)
        if p is None:
            z = max(-30.0, min(30.0, self.logit(text)))
            p = 1.0 / (1.0 + math.exp(-z))
            if len(self._probs) >= self.CACHE_SIZE:
                self._probs.clear()
            self._probs[text] = p
        return p


@lru_cache(maxsize=1)
def default_model() -> HeadlineModel | None:
    """The shipped model, or ``None`` when the file is missing (the feature is then 0)."""
    if not MODEL_PATH.is_file():
        return None
    return HeadlineModel.load()
