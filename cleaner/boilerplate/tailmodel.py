"""The learned tail model (issue 12): is a block the rules kept after the article's end
tail junk?

:func:`tail_vectors` turns each *candidate* -- a block after the article's end (as the
stage finds it) that no rule removed -- into a fixed vector (:data:`TAIL_FEATURES`), a
pure function of the stage's :class:`~.features.Feat` values once the rules have run:
the rules that fired (their weights) and the rules' score, the headline model's
probability, position after the end, the run it stands in, link density, repetition,
value shapes (e-mail, phone, date, handle, URL), Latin share, length, title case,
overlap with the body and the neighbours' values. :class:`TailModel` holds
gradient-boosted trees trained by ``scripts/train_tails.py`` on the generated splits of
``scripts/gen_tails.py`` (``cleaner/data/tail_model.json``, provenance beside it) and
evaluates them in plain Python with :class:`cleaner.blockmodel.BlockModel`'s trees.

The stage runs it only when ``BoilerplateConfig.tail_model`` is on (off by default:
see BENCHMARKS.md, "A learned tail model"), only on pages where the rules removed a
block after the article's end (it completes a tail the rules found; a page without
one, a clean control among them, stays as the rules left it) and only when a candidate
is left; a block
at or above the model's threshold is removed with the rule ``tail_model``, its score and
the features that pushed it up most. It never touches a block up to the article's end.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from .._data import packaged_text
from ..blockmodel import BlockModel
from . import rules as R
from .features import Feat, _latin_share

#: the block kinds of :class:`cleaner.model.Block`
KINDS = ("title", "heading", "paragraph", "list_item", "line", "quote", "table_row", "code")
#: contact kinds of :func:`rules.contact_kinds`
CONTACTS = ("email", "phone", "date", "handle", "profile")
#: value shapes counted in a block's text
SHAPES: dict[str, re.Pattern[str]] = {
    # (the lookbehind starts a match only where a run of local-part characters starts:
    # linear on a long run without an "@")
    "email": re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone": re.compile(r"\+?\d[\d ().-]{6,}\d"),
    "date": re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:19|20)\d\d\b"),
    "handle": re.compile(r"(?<![\w@])@\w{2,}"),
    # (a domain is counted once per run of name characters, where the run starts: linear
    # on a long run of words joined by dashes, where a start at every word was quadratic)
    "url": re.compile(r"https?://|www\.|(?<![\w-])[\w-]+\.(?:com|org|net|io|co)\b"),
}
#: the rules whose weights are features (every rule; ``tail_model`` is not one)
RULE_NAMES: tuple[str, ...] = tuple(sorted(R.RULES))
#: removal categories a neighbour may carry
NEAR_CATEGORIES = ("link_farm", "author_card", "social", "furniture")

_SELF = (
    "log_words", "log_chars", "terminal", "title", "link_density", "overlap", "headline",
    "headline_prob", "dup", "clickbait", "pipe", "foreign_script", "plain", "segments",
    "echo", "link_def", "export", "kv_key", "kv_value", "latin_filler_share", "latin_share",
    "digit_share", "upper_share", "colon_end", "comma_end", "score", "n_fired", "group",
    "repeats",
)
_NEAR = ("exists", "removed", *(f"cat={c}" for c in NEAR_CATEGORIES), "log_words",
         "headline_prob", "title", "link_density", "kv_value", "terminal", "candidate")
_PAGE = ("html", "log_after_end", "pos_after_end", "log_to_last", "first_after_end",
         "tail_share_removed", "tail_words_ratio", "run_len", "run_pos", "same_kind_tail",
         "end_overlap")

TAIL_FEATURES: tuple[str, ...] = (
    *_SELF,
    *(f"kind={k}" for k in KINDS),
    *(f"contact={c}" for c in CONTACTS),
    *(f"shape={s}" for s in SHAPES),
    *(f"rule={r}" for r in RULE_NAMES),
    *(f"prev_{x}" for x in _NEAR),
    *(f"next_{x}" for x in _NEAR),
    *(f"prev2_{x}" for x in ("exists", "removed", "headline_prob", "kv_value")),
    *(f"next2_{x}" for x in ("exists", "removed", "headline_prob", "kv_value")),
    *_PAGE,
)

#: a block of at most this many words gets a headline probability when the rules gave
#: it none (the link-farm pass rates headline-length lines only)
HEADLINE_MAX_WORDS = 30


def candidates(feats: Sequence[Feat], end: int) -> list[int]:
    """The blocks the model may remove: after the article's end, kept by the rules,
    with text."""
    return [i for i in range(end + 1, len(feats))
            if feats[i].category is None and feats[i].text.strip()]


def _similar(a: Feat, b: Feat) -> bool:
    """Two blocks of one run: the same kind and about the same length."""
    return a.kind == b.kind and abs(math.log1p(a.n) - math.log1p(b.n)) <= 0.7


def tail_vectors(
    feats: Sequence[Feat], end: int, idx: Sequence[int], *, html: bool,
    headline_prob: Callable[[str], float] | None = None,
) -> list[list[float]]:
    """One vector (in :data:`TAIL_FEATURES` order) per block index in ``idx`` (the
    :func:`candidates`). ``headline_prob`` rates headline-length blocks the link-farm
    pass did not rate (the stage passes the headline model's)."""
    n = len(feats)
    cand = set(idx)
    probs = [f.headline_prob for f in feats]
    if headline_prob is not None:
        for i in idx:
            f = feats[i]
            if not probs[i] and 2 <= f.n <= HEADLINE_MAX_WORDS:
                probs[i] = headline_prob(f.text)
    after = max(1, n - 1 - end)
    tail = feats[end + 1:]
    tail_removed = sum(1 for g in tail if g.category is not None) / max(1, len(tail))
    body_words = sum(g.n for g in feats[: end + 1]) or 1
    tail_ratio = sum(g.n for g in tail) / body_words
    end_overlap = feats[end].overlap if 0 <= end < n else 0.0
    repeats = Counter(g.norm for g in feats if g.norm)
    kinds_tail = Counter(g.kind for g in tail)
    page = [1.0 if html else 0.0, math.log1p(after)]

    def near(k: int) -> list[float]:
        if not 0 <= k < n:
            return [0.0] * len(_NEAR)
        g = feats[k]
        return [1.0, 1.0 if g.category is not None else 0.0,
                *(1.0 if g.category == c else 0.0 for c in NEAR_CATEGORIES),
                math.log1p(g.n), probs[k], float(g.title), g.link_density,
                1.0 if g.kv_value else 0.0, float(g.terminal), 1.0 if k in cand else 0.0]

    def near2(k: int) -> list[float]:
        if not 0 <= k < n:
            return [0.0] * 4
        g = feats[k]
        return [1.0, 1.0 if g.category is not None else 0.0, probs[k],
                1.0 if g.kv_value else 0.0]

    out: list[list[float]] = []
    for i in idx:
        f = feats[i]
        text = f.text
        chars = len(text) or 1
        letters = sum(1 for ch in text if ch.isalpha()) or 1
        stripped = text.rstrip()
        # the run of similar blocks around this one (a list of headlines, a card's lines)
        lo = i
        while lo - 1 > end and _similar(feats[lo - 1], f):
            lo -= 1
        hi = i
        while hi + 1 < n and _similar(feats[hi + 1], f):
            hi += 1
        row = [
            math.log1p(f.n), math.log1p(len(text)), float(f.terminal), float(f.title),
            f.link_density, f.overlap, float(f.headline), probs[i], float(f.dup),
            float(f.clickbait), float(f.pipe), float(f.foreign_script), float(f.plain),
            float(len(f.segments)), float(f.echo), float(f.link_def),
            1.0 if f.export >= 0 else 0.0, 1.0 if f.kv_key is not None else 0.0,
            1.0 if f.kv_value else 0.0, f.latin, _latin_share(text),
            sum(1 for ch in text if ch.isdigit()) / chars,
            sum(1 for ch in text if ch.isupper()) / letters,
            1.0 if stripped.endswith((":", "：")) else 0.0,
            1.0 if stripped.endswith(",") else 0.0,
            f.score, float(len(f.fired)), 1.0 if f.group >= 0 else 0.0,
            float(min(repeats[f.norm], 10)) if f.norm else 0.0,
        ]
        row += [1.0 if f.kind == k else 0.0 for k in KINDS]
        row += [1.0 if c in f.contacts else 0.0 for c in CONTACTS]
        row += [float(min(len(p.findall(text[:2000])), 10)) for p in SHAPES.values()]
        row += [f.fired.get(r, 0.0) for r in RULE_NAMES]
        row += near(i - 1) + near(i + 1) + near2(i - 2) + near2(i + 2)
        row += page
        row += [
            (i - end) / after, math.log1p(n - 1 - i), 1.0 if i == end + 1 else 0.0,
            tail_removed, min(tail_ratio, 10.0), float(hi - lo + 1), (i - lo) / (hi - lo + 1),
            float(kinds_tail[f.kind]) / max(1, len(tail)), end_overlap,
        ]
        out.append(row)
    return out


class TailModel:
    """The trees of :class:`cleaner.blockmodel.BlockModel` over :data:`TAIL_FEATURES`:
    ``p(tail junk) = sigmoid(init + sum(trees))``; blocks at ``threshold`` go."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.trees = BlockModel(spec, features=TAIL_FEATURES)
        self.threshold = float(spec["threshold"])
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))
        #: per tree, each internal node's value (for the reason's top features)
        self._inner: list[list[float]] = [list(t.get("inner", ())) for t in spec["trees"]]

    def probability(self, x: Sequence[float]) -> float:
        return self.trees.keep_probability(x)

    def top_features(self, x: Sequence[float], k: int = 3) -> list[str]:
        """The features whose splits raised the log-odds most on ``x`` (the change of
        node value along each tree's path, summed per feature)."""
        gain: dict[int, float] = {}
        for tree, inner in zip(self.trees.trees, self._inner, strict=True):
            node = 0
            while tree.left[node] != -1:
                feat = tree.feature[node]
                nxt = tree.left[node] if x[feat] <= tree.threshold[node] else tree.right[node]
                here = inner[node] if inner else 0.0
                there = tree.value[nxt] if tree.left[nxt] == -1 else (
                    inner[nxt] if inner else 0.0)
                gain[feat] = gain.get(feat, 0.0) + there - here
                node = nxt
        best = sorted((g, f) for f, g in gain.items() if g > 0)[::-1][:k]
        return [TAIL_FEATURES[f] for _, f in best]

    @classmethod
    def from_json(cls, text: str) -> TailModel:
        return cls(json.loads(text))


MODEL_FILE = "tail_model.json"


@lru_cache(maxsize=1)
def shipped_model() -> TailModel | None:
    """The model in ``cleaner/data`` (None when the package has none)."""
    text = packaged_text(MODEL_FILE)
    return None if text is None else TailModel.from_json(text)


#: the categories a removal by the model carries (:func:`category_of`)
CATEGORIES_OUT = ("link_farm", "author_card", "social")


def category_of(f: Feat) -> str:
    """The removal category of a block the model removes, by its shape: contact data or
    a key/value line is a card's, a profile/handle line a social one, else a link farm's."""
    if f.contacts & {"email", "phone", "date"} or f.kv_value:
        return "author_card"
    if f.contacts & {"handle", "profile"}:
        return "social"
    return "link_farm"
