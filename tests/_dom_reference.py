"""The DOM walk, features and tree inference as they were before issue #13's rewrite
(``cleaner/dommodel.py`` at 6c85fde, copied verbatim): the reference the fast code must
match bit for bit (``tests/test_dommodel_fast.py``, ``scripts/check_dom_equal.py``).

One defect is kept but can be switched off: ``_sibling_counts`` caches a parent's counts
under ``id(parent)`` without holding the parent, and lxml makes element proxies on
demand, so a freed parent's ``id`` is reused by the next parent proxy, which then reads
the old parent's counts (the ``siblings*`` features of a few blocks on some pages, 4
cells on WCXB dev page 0527). ``KEEP_PARENTS = True`` holds each parent in the cache:
the only change to the copied code, and what the fast code does."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from cleaner.dommodel import (
    _ALL_STOP,
    _GROUP_OF,
    _HASH0,
    _HINT_INDEX,
    _INDEX,
    _KIND_OF,
    _MAIN_ATTRS,
    _NEAR_INDEX,
    _PATH_INDEX,
    _TAG_INDEX,
    _TERMINAL,
    BLOCK_TAGS,
    FEATURE_NAMES,
    HASH_BUCKETS,
    HASH_DEPTH,
    LEVELS,
    MAX_FRAMES,
    PAGE_KINDS,
    SKIP_TAGS,
)
from cleaner.lexicon import words
from cleaner.model import BlockKind
from cleaner.normalize import flatten, squash

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEADING_LEVEL = {f"h{i}": i for i in range(1, 7)}
#: hold every parent whose sibling counts are cached (module docstring); the test sets it
KEEP_PARENTS = False
_ALIVE: list[Any] = []


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
        if KEEP_PARENTS:
            _ALIVE.append(parent)
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
    _ALIVE.clear()
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


class RefTrees:
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
