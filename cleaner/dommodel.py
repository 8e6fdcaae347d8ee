"""DOM-level main-content model: score every text block of the page, not only trafilatura's.

:func:`dom_blocks` walks the parsed lxml tree once and emits the page's leaf text
blocks: each maximal run of inline text owned by a block-level element (``p``,
``li``, ``td``, ``div``, ``h2``...), in document order, with a fixed vector of
features (:data:`FEATURE_NAMES`): the owner's tag and heading level, the tags on
its DOM path (``nav``, ``footer``, ``aside``...), its containers' class/id tokens
(grouped hints and hashed buckets), text length, words, link density,
punctuation, digit and stopword ratios, depth, position, sibling repetition, the
size of its containers, whether the extract stage's trafilatura output kept it
(and how much of each container it kept), and the page kind.

A :class:`DomModel` (gradient-boosted trees trained by ``scripts/train_dom.py`` on
WCXB dev, shipped as ``cleaner/data/dom_model.json`` with its provenance beside it)
turns the vectors into main-content probabilities with numpy (all trees at once),
and its per-kind ``policy`` says what to do with them (:func:`refine`):

* ``stage``: keep the extract stage's blocks (the model does not run);
* ``union``: add the blocks trafilatura did not keep whose probability is at least
  the policy's threshold, in document order;
* ``choose``: the page becomes the DOM blocks at or above the threshold (blocks
  trafilatura kept may be dropped, others added).

Every added or dropped block is a finding (rule ``dom_model``, the probability).
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from .lexicon import STOPWORDS, words
from .model import Block, BlockKind, Document, Finding, Markup
from .normalize import flatten, squash

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PAGE_KINDS = (
    "article", "forum", "product", "documentation", "listing", "collection", "service",
)
#: elements that start a new text block (everything else is inline)
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})
#: elements whose text is never page content (``noscript`` is kept: Discourse and other
#: script-rendered forums put the whole thread there for crawlers)
SKIP_TAGS = frozenset({
    "script", "style", "template", "head", "svg", "math", "iframe", "object",
    "embed", "canvas", "select", "option", "textarea", "input", "button", "map", "audio",
    "video", "source", "picture",
})
#: owner tags with their own feature (others count as ``tag=other``)
OWNER_TAGS = ("p", "div", "li", "td", "th", "dd", "dt", "pre", "blockquote", "figcaption",
              "section", "article", "span", "header", "footer", "nav", "aside", "form",
              "caption", "summary", "body", "main")
#: tags whose presence on the DOM path is a feature
PATH_TAGS = ("nav", "header", "footer", "aside", "main", "article", "section", "form", "ul",
             "ol", "table", "li", "figure", "dl", "blockquote", "pre", "details", "menu",
             "a", "label", "strong", "em", "code", "time", "small", "sup", "cite", "noscript")
#: class/id/role tokens grouped into hints (a token starting a class/id word counts)
HINT_GROUPS: dict[str, tuple[str, ...]] = {
    "related": ("related", "recommend", "popular", "trending", "mostread", "more", "also",
                "outbrain", "taboola", "teaser", "promo"),
    "ad": ("sponsor", "advert", "ad", "ads", "banner"),
    "social": ("share", "sharing", "social", "follow", "facebook", "twitter"),
    "author": ("author", "byline", "bio", "profile", "avatar", "user", "username"),
    "newsletter": ("newsletter", "subscribe", "signup", "login", "register"),
    "cookie": ("cookie", "consent", "gdpr", "privacy", "modal", "popup", "overlay"),
    "comment": ("comment", "reply", "replies", "discussion", "respond"),
    "post": ("post", "message", "answer", "question", "thread", "topic", "entry"),
    "body": ("content", "body", "text", "article", "story", "main", "prose", "rich",
             "description", "detail", "details", "summary", "markdown"),
    "tags": ("breadcrumb", "breadcrumbs", "tag", "tags", "categories", "category", "meta",
             "date", "time"),
    "sidebar": ("sidebar", "widget", "aside", "rail"),
    "footer": ("footer", "copyright", "legal", "bottom"),
    "nav": ("nav", "navbar", "navigation", "menu", "pagination", "pager", "toc", "skip",
            "dropdown", "mega", "tabs"),
    "header": ("header", "masthead", "top", "topbar", "logo", "brand", "search"),
    "product": ("product", "price", "cart", "buy", "sku", "spec", "specs", "review",
                "reviews", "rating", "stock", "variant"),
    "card": ("card", "item", "tile", "grid", "list", "listing", "result", "results", "row"),
    "hidden": ("hidden", "sr", "visually", "screen", "collapse", "offscreen"),
}
_GROUP_OF = {tok: g for g, toks in HINT_GROUPS.items() for tok in toks}
#: hashed class/id token buckets (crc32, stable across runs and machines)
HASH_BUCKETS = 64
#: nearest ancestors whose class/id tokens are hashed
HASH_DEPTH = 6
#: nearest block-level ancestors a block remembers (bounds the cost on deep pages)
MAX_FRAMES = 64
#: container levels (0 = the owner element) whose words and kept share are features
LEVELS = (1, 2, 3, 5)
_ALL_STOP = frozenset().union(*STOPWORDS.values())
_TERMINAL = frozenset(".!?…:;\"'”’»)")
_MAIN_ATTRS = ("articlebody", "text", "main", "maincontentofpage")

FEATURE_NAMES: tuple[str, ...] = (
    *(f"tag={t}" for t in OWNER_TAGS), "tag=other", "heading",
    *(f"path={t}" for t in PATH_TAGS), "path_main_attr", "path_hidden",
    *(f"hint={g}" for g in HINT_GROUPS), *(f"near={g}" for g in HINT_GROUPS),
    *(f"hash{i}" for i in range(HASH_BUCKETS)),
    "log_chars", "log_words", "link_density", "punct_ratio", "digit_ratio", "upper_ratio",
    "stop_ratio", "terminal", "pipes", "depth", "pos", "char_pos", "repeats",
    "siblings0", "siblings1", "siblings2",
    *(f"up{k}_log_words" for k in LEVELS), *(f"up{k}_link_density" for k in LEVELS),
    *(f"up{k}_blocks" for k in LEVELS),
    "prev_link_density", "next_link_density", "prev_log_words", "next_log_words",
    "page_log_blocks", "page_log_words", "word_share",
    "kept", *(f"up{k}_kept" for k in LEVELS), "kept_near", "page_kept_share",
    *(f"page={k}" for k in PAGE_KINDS),
)
#: the features read from the extract stage's output (zero for the DOM-only model)
KEPT_FEATURES = tuple(n for n in FEATURE_NAMES if n.startswith(("kept", "page_kept"))
                      or n.endswith("_kept"))
_INDEX = {n: i for i, n in enumerate(FEATURE_NAMES)}
_TAG_INDEX = {t: _INDEX[f"tag={t}"] for t in OWNER_TAGS}
_PATH_INDEX = {t: _INDEX[f"path={t}"] for t in PATH_TAGS}
_HINT_INDEX = {g: _INDEX[f"hint={g}"] for g in HINT_GROUPS}
_NEAR_INDEX = {g: _INDEX[f"near={g}"] for g in HINT_GROUPS}
_HASH0 = _INDEX["hash0"]
_KIND_OF: dict[str, BlockKind] = {
    **{f"h{i}": "heading" for i in range(1, 7)}, "li": "list_item", "td": "table_row",
    "th": "table_row", "pre": "code", "blockquote": "quote",
}


@dataclass(slots=True)
class DomBlock:
    """One text block of the page: its text, owner tag and feature vector."""

    text: str
    tag: str
    link_density: float
    #: frame ids of the owner and its ancestors, nearest first (internal to the walk)
    frames: tuple[int, ...] = ()
    kept: bool = False
    features: list[float] = field(default_factory=list)

    @property
    def kind(self) -> BlockKind:
        return _KIND_OF.get(self.tag, "paragraph")


_CLASS_TOKEN = re.compile(r"[^\W_]+")


def _class_tokens(el: Any) -> list[str]:
    attrib = el.attrib
    if not ("class" in attrib or "id" in attrib or "role" in attrib):
        return []
    attrs = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('role', '')}"
    return _CLASS_TOKEN.findall(attrs.lower())


#: per block: path tags, hint groups (all and nearest three containers), (inside a
#: main-looking container, inside a hidden one), depth, hashed class/id buckets
_Snapshot = tuple[frozenset[str], frozenset[str], frozenset[str], tuple[bool, bool], int,
                  tuple[int, ...]]


class _Frame:
    __slots__ = ("groups", "hashes", "hidden", "id", "main_attr", "tag")

    def __init__(self, fid: int, el: Any) -> None:
        self.id = fid
        self.tag = el.tag
        toks = _class_tokens(el)
        self.groups = frozenset(g for g in (_GROUP_OF.get(t) for t in toks) if g)
        self.hashes = tuple({zlib.crc32(t.encode()) % HASH_BUCKETS for t in toks})
        self.main_attr = ((el.get("itemprop") or "").lower() in _MAIN_ATTRS
                          or (el.get("role") or "").lower() == "main")
        style = (el.get("style") or "").replace(" ", "").lower()
        self.hidden = ("hidden" in el.attrib or el.get("aria-hidden") == "true"
                       or "display:none" in style or "visibility:hidden" in style)


def dom_blocks(
    tree: HtmlElement, *, kept: Sequence[str] = (), page_kind: str = "article"
) -> list[DomBlock]:
    """The page's text blocks in document order, each with its feature vector.

    ``kept`` are the texts of the blocks the extract stage kept (trafilatura's
    output): a DOM block counts as kept when its text is one of them, or (20+
    characters) is part of their joined text."""
    import lxml.etree

    blocks: list[DomBlock] = []
    stack: list[_Frame] = []  # block-level ancestors (owners), outermost first
    path = Counter[str]()  # tags of every open element
    group_depth = Counter[str]()  # hint groups of the open block-level elements
    main_depth = 0
    hidden_depth = 0
    buf: list[str] = []
    link_chars = 0
    in_link = 0
    depth = 0
    next_id = 0
    path_snapshot: list[_Snapshot] = []

    def flush() -> None:
        nonlocal link_chars
        if not buf:
            return
        text = flatten("".join(buf))
        raw_len = sum(len(s) for s in buf)
        buf.clear()
        links, link_chars = link_chars, 0
        if not text or not stack:
            return
        owner = stack[-1]
        near = frozenset().union(*(f.groups for f in stack[-3:]))
        hashes = frozenset(h for f in stack[-HASH_DEPTH:] for h in f.hashes)
        blocks.append(DomBlock(
            text=text, tag=owner.tag,
            link_density=min(1.0, links / raw_len) if raw_len else 0.0,
            frames=tuple(f.id for f in reversed(stack[-MAX_FRAMES:])),
        ))
        path_snapshot.append((
            frozenset(t for t, c in path.items() if c > 0),
            frozenset(g for g, c in group_depth.items() if c > 0), near,
            (main_depth > 0, hidden_depth > 0), depth, tuple(hashes),
        ))

    walker = lxml.etree.iterwalk(tree, events=("start", "end"))
    elements: dict[int, Any] = {}
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            if event == "start":
                walker.skip_subtree()
            elif el.tail:
                buf.append(el.tail)
                if in_link:
                    link_chars += len(el.tail)
            continue
        if event == "start":
            depth += 1
            path[tag] += 1
            if tag == "a":
                in_link += 1
            if tag in BLOCK_TAGS:
                flush()
                frame = _Frame(next_id, el)
                elements[next_id] = el
                next_id += 1
                stack.append(frame)
                group_depth.update(frame.groups)
                main_depth += frame.main_attr
                hidden_depth += frame.hidden
            if el.text:
                buf.append(el.text)
                if in_link:
                    link_chars += len(el.text)
            if tag == "br":
                buf.append(" ")
        else:
            depth -= 1
            path[tag] -= 1
            if tag == "a":
                in_link -= 1
            if tag in BLOCK_TAGS and stack and stack[-1].tag == tag:
                flush()
                frame = stack.pop()
                group_depth.subtract(frame.groups)
                main_depth -= frame.main_attr
                hidden_depth -= frame.hidden
            if el.tail:
                buf.append(el.tail)
                if in_link:
                    link_chars += len(el.tail)
    flush()
    _features(blocks, path_snapshot, elements, kept, page_kind)
    return blocks


def _sibling_counts(el: Any, cache: dict[int, Counter[tuple[str, str]]]) -> int:
    """How many siblings of ``el`` share its tag and class (1 when alone)."""
    if el is None:
        return 0
    parent = el.getparent()
    if parent is None:
        return 1
    key = id(parent)
    counts = cache.get(key)
    if counts is None:
        counts = cache[key] = Counter(
            (c.tag, c.get("class", "")) for c in parent if isinstance(c.tag, str))
    return counts[(el.tag, el.get("class", ""))]


def _features(
    blocks: list[DomBlock],
    snapshots: list[_Snapshot],
    elements: dict[int, Any],
    kept: Sequence[str],
    page_kind: str,
) -> None:
    n = len(blocks)
    if not n:
        return
    kept_keys = {squash(t) for t in kept}
    kept_text = "\n".join(squash(t) for t in kept)
    toks = [words(b.text) for b in blocks]
    nwords = [len(t) for t in toks]
    total_words = sum(nwords) or 1
    total_chars = sum(len(b.text) for b in blocks) or 1
    keys = [squash(b.text) for b in blocks]
    repeats = Counter(keys)
    for b, key in zip(blocks, keys, strict=True):
        b.kept = bool(kept) and (key in kept_keys or (len(key) >= 20 and key in kept_text))
    # container aggregates: words, linked words, blocks and kept words under each frame
    agg_words: Counter[int] = Counter()
    agg_links: dict[int, float] = {}
    agg_blocks: Counter[int] = Counter()
    agg_kept: Counter[int] = Counter()
    for b, w in zip(blocks, nwords, strict=True):
        for fid in b.frames:
            agg_words[fid] += w
            agg_links[fid] = agg_links.get(fid, 0.0) + w * b.link_density
            agg_blocks[fid] += 1
            if b.kept:
                agg_kept[fid] += w
    kept_idx = [i for i, b in enumerate(blocks) if b.kept]
    page_kept = sum(w for b, w in zip(blocks, nwords, strict=True) if b.kept) / total_words
    sib_cache: dict[int, Counter[tuple[str, str]]] = {}
    kind_vec = [1.0 if page_kind == k else 0.0 for k in PAGE_KINDS]
    page = [math.log1p(n), math.log1p(total_words)]
    cum_chars = 0
    ki = 0
    for i, b in enumerate(blocks):
        tags, groups, near, main_attr, depth, hashes = snapshots[i]
        text = b.text
        chars = len(text) or 1
        alnum = sum(map(str.isalnum, text))
        letters = sum(map(str.isalpha, text)) or 1
        btoks = toks[i]
        row = [0.0] * len(FEATURE_NAMES)
        row[_TAG_INDEX.get(b.tag, _INDEX["tag=other"])] = 1.0
        if b.tag in _HEADING_LEVEL:
            row[_INDEX["heading"]] = float(_HEADING_LEVEL[b.tag])
        for t in tags:
            j = _PATH_INDEX.get(t)
            if j is not None:
                row[j] = 1.0
        row[_INDEX["path_main_attr"]] = 1.0 if main_attr[0] else 0.0
        row[_INDEX["path_hidden"]] = 1.0 if main_attr[1] else 0.0
        for g in groups:
            row[_HINT_INDEX[g]] = 1.0
        for g in near:
            row[_NEAR_INDEX[g]] = 1.0
        for h in hashes:
            row[_HASH0 + h] = 1.0
        punct = len(text) - alnum - sum(map(str.isspace, text))
        row[_INDEX["log_chars"]] = math.log1p(len(text))
        row[_INDEX["log_words"]] = math.log1p(nwords[i])
        row[_INDEX["link_density"]] = b.link_density
        row[_INDEX["punct_ratio"]] = punct / chars
        row[_INDEX["digit_ratio"]] = sum(map(str.isdigit, text)) / chars
        row[_INDEX["upper_ratio"]] = sum(map(str.isupper, text)) / letters
        row[_INDEX["stop_ratio"]] = (
            sum(1 for t in btoks if t in _ALL_STOP) / len(btoks) if btoks else 0.0)
        row[_INDEX["terminal"]] = 1.0 if text[-1:] in _TERMINAL else 0.0
        row[_INDEX["pipes"]] = float(min(text.count("|"), 10))
        row[_INDEX["depth"]] = float(depth)
        row[_INDEX["pos"]] = i / n
        row[_INDEX["char_pos"]] = cum_chars / total_chars
        cum_chars += len(text)
        row[_INDEX["repeats"]] = float(min(repeats[keys[i]], 10))
        frames = b.frames
        for lvl in range(3):
            el = elements.get(frames[lvl]) if lvl < len(frames) else None
            row[_INDEX[f"siblings{lvl}"]] = math.log1p(_sibling_counts(el, sib_cache))
        for k in LEVELS:
            fid = frames[min(k, len(frames) - 1)]
            cw = agg_words[fid]
            row[_INDEX[f"up{k}_log_words"]] = math.log1p(cw)
            row[_INDEX[f"up{k}_link_density"]] = agg_links[fid] / cw if cw else 0.0
            row[_INDEX[f"up{k}_blocks"]] = math.log1p(agg_blocks[fid])
            row[_INDEX[f"up{k}_kept"]] = agg_kept[fid] / cw if cw else 0.0
        row[_INDEX["prev_link_density"]] = blocks[i - 1].link_density if i else -1.0
        row[_INDEX["next_link_density"]] = blocks[i + 1].link_density if i + 1 < n else -1.0
        row[_INDEX["prev_log_words"]] = math.log1p(nwords[i - 1]) if i else -1.0
        row[_INDEX["next_log_words"]] = math.log1p(nwords[i + 1]) if i + 1 < n else -1.0
        row[_INDEX["page_log_blocks"]], row[_INDEX["page_log_words"]] = page
        row[_INDEX["word_share"]] = nwords[i] / total_words
        row[_INDEX["kept"]] = 1.0 if b.kept else 0.0
        while ki < len(kept_idx) and kept_idx[ki] < i:
            ki += 1
        dist = min(
            (abs(kept_idx[j] - i) for j in (ki - 1, ki) if 0 <= j < len(kept_idx)),
            default=n,
        )
        row[_INDEX["kept_near"]] = math.log1p(dist)
        row[_INDEX["page_kept_share"]] = page_kept
        row[-len(PAGE_KINDS):] = kind_vec
        b.features = row


_HEADING_LEVEL = {f"h{i}": i for i in range(1, 7)}


class DomModel:
    """Gradient-boosted trees (log-loss) evaluated with numpy, all trees at once:
    ``p(main) = sigmoid(init + sum(leaf values))``; ``policy`` maps a page kind to
    ``("stage" | "union" | "choose" | "gate", threshold)``; ``gate`` is the page-level
    gate (:class:`PageGate`) the ``gate`` policy asks."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError("DOM model was trained on other features; run `make train`")
        self.policy: dict[str, tuple[str, float]] = {
            k: (str(v[0]), float(v[1])) for k, v in spec["policy"].items()}
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))
        self._trees = Trees(float(spec["init"]), spec["trees"])
        self.gate = PageGate(spec["gate"]) if spec.get("gate") else None
        if self.gate is None and any(m == "gate" for m, _ in self.policy.values()):
            raise ValueError("DOM model policy asks for a gate the model file lacks")

    def probabilities(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        return self._trees.probabilities(rows)

    @classmethod
    def from_json(cls, text: str) -> DomModel:
        return cls(json.loads(text))


class Trees:
    """A gradient-boosted tree ensemble (log-loss) as flat numpy arrays, every tree
    stepped at once: ``sigmoid(init + sum of the rows' leaf values)``."""

    def __init__(self, init: float, trees: Sequence[dict[str, Any]]) -> None:
        self.init = init
        feats, thrs, lefts, rights, vals, roots = [], [], [], [], [], []
        offset = 0
        depth = 0
        for t in trees:
            size = len(t["feature"])
            roots.append(offset)
            for node in range(size):
                leaf = t["left"][node] == -1
                # a leaf points at itself, so extra steps stay there
                lefts.append(offset + node if leaf else offset + t["left"][node])
                rights.append(offset + node if leaf else offset + t["right"][node])
                feats.append(0 if leaf else t["feature"][node])
                thrs.append(math.inf if leaf else t["threshold"][node])
                vals.append(t["value"][node] if leaf else 0.0)
            depth = max(depth, int(t.get("depth", size)))
            offset += size
        self._feature = np.asarray(feats, dtype=np.intp)
        self._threshold = np.asarray(thrs, dtype=np.float64)
        self._left = np.asarray(lefts, dtype=np.intp)
        self._right = np.asarray(rights, dtype=np.intp)
        self._value = np.asarray(vals, dtype=np.float64)
        self._roots = np.asarray(roots, dtype=np.intp)
        self._depth = depth

    def probabilities(self, rows: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or not len(x):
            return np.zeros(0)
        cols = np.arange(len(x))[None, :]
        node = np.repeat(self._roots[:, None], len(x), axis=1)
        for _ in range(self._depth):
            go_left = x[cols, self._feature[node]] <= self._threshold[node]
            node = np.where(go_left, self._left[node], self._right[node])
        raw = self.init + self._value[node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0)))


# -- the page-level gate -------------------------------------------------------------

#: the candidate block selections the gate weighs against the extract stage's output
GATE_CANDIDATES: tuple[tuple[str, float], ...] = (
    ("union", 0.5), ("choose", 0.5), ("choose", 0.3))
GATE_FEATURES: tuple[str, ...] = (
    *(f"page={k}" for k in PAGE_KINDS), "cand_union", "cand_threshold",
    "log_stage_words", "log_cand_words", "log_ratio", "stage_kept_share",
    "cand_from_stage", "mean_p_cand", "min_p_cand", "mean_p_stage", "mean_p_dropped",
    "mean_p_added", "page_hi_share", "page_kept_share", "page_log_words",
    "page_log_blocks", "log_added_blocks", "log_dropped_blocks", "log_articles",
    "fallback",
)
_TOKEN = re.compile(r"\w+")


def block_words(texts: Sequence[str]) -> np.ndarray:
    """``\\w+`` tokens of each block's lower-cased text (the WCXB metric's words)."""
    return np.array([len(_TOKEN.findall(t.lower())) for t in texts], dtype=np.float64)


def candidate_mask(
    mode: str, thr: float, kept: np.ndarray, probs: np.ndarray
) -> np.ndarray | None:
    """The blocks candidate ``(mode, thr)`` keeps; None when it is the stage's output
    (no change) or keeps nothing (the stage's blocks stay then, as in :func:`refine`)."""
    sel = (kept | (probs >= thr)) if mode == "union" else probs >= thr
    if not sel.any() or np.array_equal(sel, kept):
        return None
    return sel


def gate_rows(
    kind: str, kept: np.ndarray, nwords: np.ndarray, probs: np.ndarray, *,
    page_kept_share: float, articles: int, fallback: bool,
) -> list[tuple[int, np.ndarray]]:
    """(index in :data:`GATE_CANDIDATES`, :data:`GATE_FEATURES` row) of every candidate
    that changes the page: the stage's output against the candidate (words kept and
    dropped, the model's probabilities of both), the page's size, kind and shape."""
    kept = np.asarray(kept, dtype=bool)
    nw = np.asarray(nwords, dtype=np.float64)
    p = np.asarray(probs, dtype=np.float64)
    total = float(nw.sum())
    stage_w = float(nw[kept].sum())
    has = nw > 0

    def wmean(mask: np.ndarray) -> float:
        w = float(nw[mask].sum())
        return float((p[mask] * nw[mask]).sum()) / w if w else -1.0

    base = [1.0 if kind == k else 0.0 for k in PAGE_KINDS]
    page = [page_kept_share, math.log1p(total), math.log1p(len(p))]
    out = []
    for c, (mode, thr) in enumerate(GATE_CANDIDATES):
        sel = candidate_mask(mode, thr, kept, p)
        if sel is None:
            continue
        cand_w = float(nw[sel].sum())
        both = float(nw[sel & kept].sum())
        with_words = p[sel & has]
        row = [
            *base, 1.0 if mode == "union" else 0.0, thr,
            math.log1p(stage_w), math.log1p(cand_w), math.log((cand_w + 1) / (stage_w + 1)),
            both / stage_w if stage_w else 0.0, both / cand_w if cand_w else 0.0,
            wmean(sel), float(with_words.min()) if len(with_words) else -1.0,
            wmean(kept), wmean(kept & ~sel), wmean(sel & ~kept),
            float(nw[p >= 0.5].sum()) / total if total else 0.0,
            page[0], page[1], page[2],
            math.log1p(int((sel & ~kept).sum())), math.log1p(int((kept & ~sel).sum())),
            math.log1p(articles), 1.0 if fallback else 0.0,
        ]
        out.append((c, np.asarray(row, dtype=np.float64)))
    return out


class PageGate:
    """Whether a candidate selection beats the extract stage's output on this page:
    trees trained out of fold on WCXB dev (``scripts/train_dom.py``), the target the
    candidate's word F1 gain (sign, weighted by size). The best candidate is applied
    when its probability is at least ``threshold``; otherwise the stage's blocks stay."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if tuple(spec["features"]) != GATE_FEATURES or [
                tuple(c) for c in spec["candidates"]] != list(GATE_CANDIDATES):
            raise ValueError("DOM gate was trained on other features; run `make train`")
        self.threshold = float(spec["threshold"])
        self._trees = Trees(float(spec["init"]), spec["trees"])

    def best(self, rows: Sequence[tuple[int, np.ndarray]]) -> tuple[int, float] | None:
        """(candidate, probability) of the most likely winner; None without candidates."""
        if not rows:
            return None
        probs = self._trees.probabilities(np.stack([r for _, r in rows]))
        i = int(np.argmax(probs))
        return rows[i][0], float(probs[i])


def article_cards(tree: HtmlElement) -> int:
    """How many ``<article>`` elements the page has (teaser cards on news front pages)."""
    return int(tree.xpath("count(//article)"))


MODEL_FILE = "dom_model.json"
PROVENANCE_FILE = "dom_model.provenance.json"


@lru_cache(maxsize=1)
def shipped_model() -> DomModel | None:
    """The model in ``cleaner/data`` (None when the package has none)."""
    path = resources.files("cleaner").joinpath("data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return DomModel.from_json(path.read_text("utf-8"))


def decide(
    policy: tuple[str, float], blocks: Sequence[DomBlock], probs: Sequence[float]
) -> list[bool]:
    """Which DOM blocks the page keeps under ``policy`` (for ``stage``: the kept ones)."""
    mode, thr = policy
    if mode == "union":
        return [b.kept or p >= thr for b, p in zip(blocks, probs, strict=True)]
    if mode == "choose":
        return [p >= thr for p in probs]
    return [b.kept for b in blocks]


def refine(
    doc: Document,
    tree: HtmlElement,
    kind: str,
    model: DomModel | None = None,
    *,
    stage: str,
    rejoin: Callable[[list[Block]], tuple[str, list[Block]]],
) -> None:
    """Apply the shipped model's policy for ``kind`` to ``doc`` (the extract stage's
    blocks from ``tree``): add and/or drop blocks, each change a finding of ``stage``.
    ``rejoin`` is the extract stage's (passed in: this module is imported by it)."""
    model = model or shipped_model()
    if model is None:
        return
    policy = model.policy.get(kind, ("stage", 1.0))
    if policy[0] == "stage":
        return
    blocks = dom_blocks(tree, kept=[b.text for b in doc.blocks], page_kind=kind)
    if not blocks:
        return
    probs = [float(p) for p in model.probabilities([b.features for b in blocks])]
    gate: dict[str, Any] = {}
    if policy[0] == "gate":
        policy, gate = _gated(model, kind, blocks, probs, tree, doc)
        if policy[0] == "stage":
            doc.meta.setdefault("extraction", {})["dom_model"] = {"policy": "stage", **gate}
            return
    keep = decide(policy, blocks, probs)
    changed = [i for i, b in enumerate(blocks) if keep[i] != b.kept]
    if not changed or not any(keep):
        return
    if policy[0] == "union":
        out = _merge(doc.blocks, blocks, keep)
    else:
        out = [(_block(b), i) for i, (b, k) in enumerate(zip(blocks, keep, strict=True)) if k]
    doc.text, doc.blocks = rejoin([b for b, _ in out])
    at = {i: fresh for fresh, (_, i) in zip(doc.blocks, out, strict=True) if i is not None}
    for i in changed:
        b, p = blocks[i], probs[i]
        added = at.get(i) if keep[i] else None
        doc.findings.append(Finding(
            stage=stage, category="extraction" if keep[i] else "boilerplate",
            rule="dom_model", score=round(p if keep[i] else 1.0 - p, 4),
            start=added.start if added else None, end=added.end if added else None,
            action="marked" if keep[i] else "dropped",
            detail={"change": "added" if keep[i] else "dropped", "chars": len(b.text),
                    "tag": b.tag, "probability": round(p, 4), "policy": policy[0],
                    "threshold": policy[1], **gate},
        ))
    doc.meta.setdefault("extraction", {})["dom_model"] = {
        "policy": policy[0], "threshold": policy[1],
        "added": sum(1 for i in changed if keep[i]),
        "dropped": sum(1 for i in changed if not keep[i]), **gate,
    }


def _gated(
    model: DomModel, kind: str, blocks: Sequence[DomBlock], probs: Sequence[float],
    tree: HtmlElement, doc: Document,
) -> tuple[tuple[str, float], dict[str, Any]]:
    """The candidate policy the gate picks for this page (``stage`` when it is not
    confident) and what it saw (``gate``: its probability and threshold)."""
    assert model.gate is not None  # DomModel refuses a gate policy without a gate
    kept = np.array([b.kept for b in blocks], dtype=bool)
    share = blocks[0].features[_INDEX["page_kept_share"]]
    path = doc.meta.get("extraction", {}).get("path")
    rows = gate_rows(kind, kept, block_words([b.text for b in blocks]), np.asarray(probs),
                     page_kept_share=share, articles=article_cards(tree),
                     fallback=path == "fallback")
    best = model.gate.best(rows)
    if best is None:
        return ("stage", 1.0), {"gate": None, "gate_threshold": model.gate.threshold}
    cand, p = best
    info = {"gate": round(p, 4), "gate_threshold": model.gate.threshold}
    if p < model.gate.threshold:
        return ("stage", 1.0), info
    return GATE_CANDIDATES[cand], info


def _block(b: DomBlock) -> Block:
    return Block(0, 0, 0, b.kind, 0, b.text,
                 markup=Markup(tag=b.tag, link_density=round(b.link_density, 3)))


def _merge(
    stage: list[Block], blocks: Sequence[DomBlock], keep: Sequence[bool]
) -> list[tuple[Block, int | None]]:
    """The stage's blocks (index ``None``) with the added DOM blocks (their index in
    ``blocks``) inserted in document order: each added block goes after the stage block
    matched by the nearest kept DOM block before it (first when none precedes it)."""
    keys = {squash(b.text): i for i, b in reversed(list(enumerate(stage)))}
    joined = [squash(b.text) for b in stage]
    starts: list[int] = []
    pos = 0
    for t in joined:
        starts.append(pos)
        pos += len(t) + 1
    text = "\n".join(joined)
    after: dict[int, list[tuple[Block, int | None]]] = {}
    anchor = -1
    for j, (b, k) in enumerate(zip(blocks, keep, strict=True)):
        if b.kept:
            key = squash(b.text)
            idx = keys.get(key)
            if idx is None:
                at = text.find(key)
                idx = _index_at(starts, at) if at >= 0 else anchor
            anchor = max(anchor, idx)
        elif k:
            after.setdefault(anchor, []).append((_block(b), j))
    out = list(after.get(-1, []))
    for i, sb in enumerate(stage):
        out.append((sb, None))
        out.extend(after.get(i, []))
    return out


def _index_at(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1
