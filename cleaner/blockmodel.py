"""Learned keep/drop decisions for extracted blocks: features and a tiny tree model.

:func:`block_features` turns each block of the working text (with the markup
signals the extract stage recorded) into a fixed vector of numbers; the
:class:`BlockModel` (gradient-boosted trees trained by ``scripts/train_blocks.py``
on WCXB dev, shipped as ``cleaner/data/block_model.json`` with its provenance)
turns a vector into a keep probability. Inference is plain Python: no numpy or
scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._data import packaged_text
from .lexicon import STOPWORDS, words
from .model import Block

BLOCK_KINDS = ("title", "heading", "paragraph", "list_item", "line", "quote", "table_row", "code")
PAGE_KINDS = (
    "article", "forum", "product", "documentation", "listing", "collection", "service",
)
#: container hint tokens (``cleaner.extract.HINT_TOKENS``) grouped into features
HINT_GROUPS: dict[str, tuple[str, ...]] = {
    "related": ("related", "recommend", "popular", "trending", "most-read", "mostread",
                "more-stories", "read-more", "readmore", "also-like", "you-may", "outbrain",
                "taboola"),
    "ad": ("sponsored", "promo", "advert"),
    "social": ("share", "sharing", "social", "follow"),
    "author": ("author", "byline", "bio", "profile"),
    "newsletter": ("newsletter", "subscribe", "signup"),
    "cookie": ("cookie", "consent", "gdpr"),
    "comment": ("comment",),
    "tags": ("breadcrumb", "tags", "tag-list", "taglist", "categories"),
    "sidebar": ("sidebar", "widget", "aside"),
    "footer": ("footer", "copyright"),
    "nav": ("nav", "menu", "pagination"),
    "header": ("header",),
}
_GROUP_OF = {tok: g for g, toks in HINT_GROUPS.items() for tok in toks}
_ALL_STOP = frozenset().union(*STOPWORDS.values())
_TERMINAL = frozenset(".!?…:;\"'”’»)")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d[.,]\d{2}\s?(?:€|EUR|USD)")
_NORM = re.compile(r"\W+")

FEATURE_NAMES: tuple[str, ...] = (
    *(f"kind={k}" for k in BLOCK_KINDS),
    "log_chars", "log_words", "link_density", "has_hint",
    *(f"container={g}" for g in HINT_GROUPS),
    "tag=a", "tag=li", "tag=td", "tag=h", "tag=p",
    "punct_ratio", "terminal", "digit_ratio", "upper_ratio", "stop_ratio", "pipes", "price",
    "pos", "pos_from_end", "first", "last", "repeats",
    "prev_link_density", "next_link_density", "prev_log_words", "next_log_words",
    "group_size", "word_share", "cum_word_share",
    "page_log_blocks", "page_log_words", "page_mean_link_density",
    *(f"page={k}" for k in PAGE_KINDS),
    "fallback",
)


def block_features(
    blocks: Sequence[Block], *, page_kind: str = "article", fallback: bool = False
) -> list[list[float]]:
    """One vector (in :data:`FEATURE_NAMES` order) per block."""
    n = len(blocks)
    if not n:
        return []
    toks = [words(b.text) for b in blocks]
    nwords = [len(t) for t in toks]
    total_words = sum(nwords) or 1
    norms = [_NORM.sub(" ", b.text.lower()).strip() for b in blocks]
    repeats = Counter(norms)
    marks = [b.markup for b in blocks]
    dens = [m.link_density if m is not None else 0.0 for m in marks]
    groups = Counter(b.group for b in blocks)
    page = [math.log1p(n), math.log1p(total_words), sum(dens) / n]
    page_kind_vec = [1.0 if page_kind == k else 0.0 for k in PAGE_KINDS]
    out: list[list[float]] = []
    cum = 0
    for i, b in enumerate(blocks):
        text = b.text
        chars = len(text) or 1
        mark = marks[i]
        found = {_GROUP_OF.get(c, "") for c in (mark.containers if mark else ())}
        tag = mark.tag if mark is not None else ""
        letters = sum(1 for ch in text if ch.isalpha()) or 1
        punct = sum(1 for ch in text if not ch.isalnum() and not ch.isspace())
        stripped = text.rstrip()
        w = toks[i]
        cum += nwords[i]
        row = [1.0 if b.kind == k else 0.0 for k in BLOCK_KINDS]
        row += [
            math.log1p(len(text)), math.log1p(nwords[i]), dens[i], 1.0 if mark else 0.0,
        ]
        row += [1.0 if g in found else 0.0 for g in HINT_GROUPS]
        row += [
            1.0 if tag == "a" else 0.0, 1.0 if tag == "li" else 0.0,
            1.0 if tag in ("td", "dd", "dt") else 0.0,
            1.0 if tag.startswith("h") and len(tag) == 2 else 0.0, 1.0 if tag == "p" else 0.0,
        ]
        row += [
            punct / chars,
            1.0 if stripped[-1:] in _TERMINAL else 0.0,
            sum(1 for ch in text if ch.isdigit()) / chars,
            sum(1 for ch in text if ch.isupper()) / letters,
            (sum(1 for t in w if t.lower() in _ALL_STOP) / len(w)) if w else 0.0,
            float(text.count("|")),
            1.0 if _PRICE.search(text) else 0.0,
        ]
        row += [
            i / n, (n - 1 - i) / n, 1.0 if i == 0 else 0.0, 1.0 if i == n - 1 else 0.0,
            float(min(repeats[norms[i]], 10)),
        ]
        row += [
            dens[i - 1] if i else -1.0, dens[i + 1] if i + 1 < n else -1.0,
            math.log1p(nwords[i - 1]) if i else -1.0,
            math.log1p(nwords[i + 1]) if i + 1 < n else -1.0,
            math.log1p(groups[b.group]), nwords[i] / total_words, cum / total_words,
        ]
        row += page
        row += page_kind_vec
        row.append(1.0 if fallback else 0.0)
        out.append(row)
    return out


@dataclass(frozen=True, slots=True)
class _Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, x: Sequence[float]) -> float:
        node = 0
        left = self.left
        while left[node] != -1:
            node = left[node] if x[self.feature[node]] <= self.threshold[node] else \
                self.right[node]
        return self.value[node]


class BlockModel:
    """Gradient-boosted trees (log-loss): ``p(keep) = sigmoid(init + rate * sum(trees))``."""

    def __init__(self, spec: dict[str, Any],
                 features: tuple[str, ...] = FEATURE_NAMES) -> None:
        """``features``: the names the trees must have been trained on (the tail model
        of :mod:`cleaner.boilerplate.tailmodel` reuses these trees over its own)."""
        names = tuple(spec["features"])
        if names != features:
            raise ValueError("model was trained on other features; run `make train`")
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        self.threshold = float(spec["threshold"])
        self.trees = [
            _Tree(tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]),
                  tuple(t["right"]), tuple(t["value"]))
            for t in spec["trees"]
        ]
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))

    def keep_probability(self, x: Sequence[float]) -> float:
        raw = self.init + self.rate * sum(t.predict(x) for t in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, raw))))

    @classmethod
    def from_json(cls, text: str) -> BlockModel:
        return cls(json.loads(text))


MODEL_FILE = "block_model.json"


@lru_cache(maxsize=1)
def shipped_model() -> BlockModel | None:
    """The model in ``cleaner/data`` (None when the package has none)."""
    text = packaged_text(MODEL_FILE)
    return None if text is None else BlockModel.from_json(text)
