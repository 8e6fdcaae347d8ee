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
from typing import TYPE_CHECKING, Any

import numpy as np

from ._data import packaged_text
from .lexicon import STOPWORDS, words
from .model import Block, BlockKind, Document, Finding, Markup
from .normalize import squash

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
    features: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def kind(self) -> BlockKind:
        return _KIND_OF.get(self.tag, "paragraph")


_CLASS_TOKEN = re.compile(r"[^\W_]+")
_GROUP_NAMES = tuple(HINT_GROUPS)
_GROUP_BIT = {g: 1 << i for i, g in enumerate(_GROUP_NAMES)}
#: bit of each :data:`PATH_TAGS` tag in the walk's open-path mask
_PATH_BIT = {t: 1 << i for i, t in enumerate(PATH_TAGS)}
_PATH_COLS = tuple(_PATH_INDEX[t] for t in PATH_TAGS)
_HINT_COLS = tuple(_HINT_INDEX[g] for g in _GROUP_NAMES)
_NEAR_COLS = tuple(_NEAR_INDEX[g] for g in _GROUP_NAMES)


def _bits(mask: int) -> list[int]:
    """Positions of the set bits of ``mask``, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


#: what a block-level element contributes from its attributes: hint-group mask, hashed
#: class/id buckets, main-looking (itemprop/role), hidden (attribute, aria, style)
_FrameData = tuple[int, tuple[int, ...], bool, bool]
_NO_ATTRS: _FrameData = (0, (), False, False)


@lru_cache(maxsize=4096)
def _frame_data(items: tuple[tuple[str, str], ...]) -> _FrameData:
    """:data:`_FrameData` of an element with these attributes (``el.items()``): the
    same tokens, groups, hashes and flags as reading them from the element."""
    attrib = dict(items)
    toks: list[str] = []
    if "class" in attrib or "id" in attrib or "role" in attrib:
        attrs = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('role', '')}"
        toks = _CLASS_TOKEN.findall(attrs.lower())
    groups = 0
    for t in toks:
        g = _GROUP_OF.get(t)
        if g:
            groups |= _GROUP_BIT[g]
    hashes = tuple({zlib.crc32(t.encode()) % HASH_BUCKETS for t in toks})
    main_attr = ((attrib.get("itemprop") or "").lower() in _MAIN_ATTRS
                 or (attrib.get("role") or "").lower() == "main")
    style = (attrib.get("style") or "").replace(" ", "").lower()
    hidden = ("hidden" in attrib or attrib.get("aria-hidden") == "true"
              or "display:none" in style or "visibility:hidden" in style)
    return groups, hashes, main_attr, hidden


def dom_blocks(
    tree: HtmlElement, *, kept: Sequence[str] = (), page_kind: str = "article"
) -> list[DomBlock]:
    """The page's text blocks in document order, each with its feature vector (a row
    of :func:`dom_matrix`'s matrix)."""
    return dom_matrix(tree, kept=kept, page_kind=page_kind)[0]


def dom_matrix(
    tree: HtmlElement, *, kept: Sequence[str] = (), page_kind: str = "article"
) -> tuple[list[DomBlock], np.ndarray]:
    """The page's text blocks in document order and their feature matrix (one row of
    :data:`FEATURE_NAMES` a block; ``block.features`` is its row).

    ``kept`` are the texts of the blocks the extract stage kept (trafilatura's
    output): a DOM block counts as kept when its text is one of them, or (20+
    characters) is part of their joined text.

    One ``iterwalk`` pass; the open path's tags and hint groups are bit masks with a
    count per bit, and an element's attribute-derived data is cached by its attributes
    (the walk of the reference implementation kept counters of every tag)."""
    import lxml.etree

    blocks: list[DomBlock] = []
    # open block-level elements (owners), outermost first, as parallel lists
    st_id: list[int] = []
    st_tag: list[str] = []
    st_data: list[_FrameData] = []
    path_count = [0] * len(PATH_TAGS)
    path_mask = 0
    group_count = [0] * len(_GROUP_NAMES)
    group_mask = 0
    main_depth = 0
    hidden_depth = 0
    buf: list[str] = []
    link_chars = 0
    in_link = 0
    depth = 0
    next_id = 0
    snaps: list[tuple[int, int, int, bool, bool, int, tuple[int, ...]]] = []
    elements: list[Any] = []
    # blocks [start, end) emitted while each frame was open (contiguous: frames nest)
    span_start: list[int] = []
    span_end: list[int] = []
    deep = False  # a block with more than MAX_FRAMES open block-level elements
    path_bit = _PATH_BIT
    block_tags = BLOCK_TAGS
    skip_tags = SKIP_TAGS

    def flush(joined: str) -> None:
        nonlocal deep
        links = link_chars
        text = " ".join(joined.split())
        if not text:
            return
        raw_len = len(joined)
        if len(st_id) > MAX_FRAMES:
            deep = True
        near = 0
        for d in st_data[-3:]:
            near |= d[0]
        hashes: set[int] = set()
        for d in st_data[-HASH_DEPTH:]:
            hashes.update(d[1])
        blocks.append(DomBlock(
            text=text, tag=st_tag[-1],
            link_density=min(1.0, links / raw_len) if raw_len else 0.0,
            frames=tuple(reversed(st_id[-MAX_FRAMES:])),
        ))
        snaps.append((path_mask, group_mask, near, main_depth > 0, hidden_depth > 0, depth,
                      tuple(hashes)))

    walker = lxml.etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if tag in skip_tags or not isinstance(tag, str):
            if event == "start":
                walker.skip_subtree()
            else:
                tail = el.tail
                if tail:
                    buf.append(tail)
                    if in_link:
                        link_chars += len(tail)
            continue
        if event == "start":
            depth += 1
            bit = path_bit.get(tag)
            if bit is not None:
                i = bit.bit_length() - 1
                if not path_count[i]:
                    path_mask |= bit
                path_count[i] += 1
                if tag == "a":
                    in_link += 1
            if tag in block_tags:
                if buf:
                    joined = "".join(buf)
                    buf.clear()
                    if st_id and not joined.isspace():
                        flush(joined)
                    link_chars = 0
                items = el.items()
                data = _frame_data(tuple(items)) if items else _NO_ATTRS
                st_id.append(next_id)
                st_tag.append(tag)
                st_data.append(data)
                elements.append(el)
                span_start.append(len(blocks))
                span_end.append(0)
                next_id += 1
                if data[0]:
                    for g in _bits(data[0]):
                        if not group_count[g]:
                            group_mask |= 1 << g
                        group_count[g] += 1
                main_depth += data[2]
                hidden_depth += data[3]
            text = el.text
            if text:
                buf.append(text)
                if in_link:
                    link_chars += len(text)
            if tag == "br":
                buf.append(" ")
        else:
            depth -= 1
            bit = path_bit.get(tag)
            if bit is not None:
                i = bit.bit_length() - 1
                path_count[i] -= 1
                if not path_count[i]:
                    path_mask &= ~bit
                if tag == "a":
                    in_link -= 1
            if tag in block_tags and st_tag and st_tag[-1] == tag:
                if buf:
                    joined = "".join(buf)
                    buf.clear()
                    if not joined.isspace():
                        flush(joined)
                    link_chars = 0
                span_end[st_id.pop()] = len(blocks)
                st_tag.pop()
                data = st_data.pop()
                if data[0]:
                    for g in _bits(data[0]):
                        group_count[g] -= 1
                        if not group_count[g]:
                            group_mask &= ~(1 << g)
                main_depth -= data[2]
                hidden_depth -= data[3]
            tail = el.tail
            if tail:
                buf.append(tail)
                if in_link:
                    link_chars += len(tail)
    if buf and st_id:  # unreachable: every element ends before the walk does
        flush("".join(buf))
    x = _features(blocks, snaps, elements, (span_start, span_end, deep), kept, page_kind)
    return blocks, x


def _sibling_count(el: Any, cache: dict[int, tuple[Any, dict[tuple[str, str], int]]]) -> int:
    """How many siblings of ``el`` share its tag and class (1 when alone).

    The cache holds the parent beside its counts: lxml's element proxies are made on
    demand, so without a reference the ``id`` of a freed parent is reused by the next
    one (the reference implementation keyed on ``id`` alone and then read another
    parent's counts on a few pages; ``tests/_dom_reference.py``)."""
    parent = el.getparent()
    if parent is None:
        return 1
    key = id(parent)
    hit = cache.get(key)
    if hit is None:
        counts: dict[tuple[str, str], int] = {}
        for c in parent:
            tag = c.tag
            if isinstance(tag, str):
                k = (tag, c.get("class", ""))
                counts[k] = counts.get(k, 0) + 1
        hit = cache[key] = (parent, counts)
    return hit[1].get((el.tag, el.get("class", "")), 0)


_DIGITS = b"0123456789"
_UPPER = bytes(range(65, 91))
_LOWER = bytes(range(97, 123))
_ALNUM = _DIGITS + _UPPER + _LOWER


def _char_counts(text: str) -> tuple[int, int, int, int]:
    """(alnum, alpha, digit, upper) characters of ``text``: ``str.isalnum`` and the
    rest, counted with ``bytes.translate`` when the text is ASCII (the same sets there:
    checked over every ASCII code point in the tests)."""
    if text.isascii():
        b = text.encode("ascii")
        size = len(b)
        digit = size - len(b.translate(None, _DIGITS))
        upper = size - len(b.translate(None, _UPPER))
        alnum = size - len(b.translate(None, _ALNUM))
        return alnum, alnum - digit, digit, upper
    return (sum(map(str.isalnum, text)), sum(map(str.isalpha, text)),
            sum(map(str.isdigit, text)), sum(map(str.isupper, text)))


def _onehot(
    tag: str, path_mask: int, group_mask: int, near: int, hashes: tuple[int, ...]
) -> tuple[int, ...]:
    """The feature columns set to 1 for a block with this owner tag, open-path tags,
    hint groups (all and nearest three containers) and hashed class/id buckets."""
    return (
        _TAG_INDEX.get(tag, _TAG_OTHER),
        *(_PATH_COLS[bit] for bit in _bits(path_mask)),
        *(_HINT_COLS[bit] for bit in _bits(group_mask)),
        *(_NEAR_COLS[bit] for bit in _bits(near)),
        *(_HASH0 + h for h in hashes),
    )


_N_FEATURES = len(FEATURE_NAMES)
#: per level of LEVELS: its words, link density, blocks and kept-share columns
_UP_COLS = tuple([_INDEX[f"up{k}_log_words"], _INDEX[f"up{k}_link_density"],
                  _INDEX[f"up{k}_blocks"], _INDEX[f"up{k}_kept"]] for k in LEVELS)
_TAG_OTHER = _INDEX["tag=other"]
_COL = _INDEX


def _features(
    blocks: list[DomBlock],
    snaps: list[tuple[int, int, int, bool, bool, int, tuple[int, ...]]],
    elements: list[Any],
    spans: tuple[list[int], list[int], bool],
    kept: Sequence[str],
    page_kind: str,
) -> np.ndarray:
    n = len(blocks)
    x = np.zeros((n, _N_FEATURES), dtype=np.float64)
    if not n:
        return x
    log1p = math.log1p
    kept_keys = {squash(t) for t in kept}
    kept_text = "\n".join(squash(t) for t in kept)
    texts = [b.text for b in blocks]
    toks = [words(t) for t in texts]
    nwords = [len(t) for t in toks]
    total_words = sum(nwords) or 1
    lens = [len(t) for t in texts]
    total_chars = sum(lens) or 1
    # a block's text is already flattened, so squash() is its casefold
    keys = [t.casefold() for t in texts]
    repeats = Counter(keys)
    if kept:
        for b, key in zip(blocks, keys, strict=True):
            b.kept = key in kept_keys or (len(key) >= 20 and key in kept_text)
    kept_flags = [b.kept for b in blocks]
    # container aggregates: words, linked words, blocks and kept words under each frame
    # a block reads (its levels in LEVELS); a frame's blocks are the contiguous run
    # emitted while it was open, so integer sums are prefix-sum differences and the
    # linked words a left-to-right float sum over the run, in the reference's order
    level_fids = []
    for b in blocks:
        frames = b.frames
        last = len(frames) - 1
        level_fids.append(tuple(frames[k if k < last else last] for k in LEVELS))
    need = dict.fromkeys(f for fids in level_fids for f in fids)
    lw_all = [w * b.link_density for b, w in zip(blocks, nwords, strict=True)]
    agg_words: dict[int, int] = {}
    agg_links: dict[int, float] = {}
    agg_blocks: dict[int, int] = {}
    agg_kept: dict[int, int] = {}
    span_start, span_end, deep = spans
    if deep:  # a block sees only its MAX_FRAMES nearest frames: add up per block
        for fid in need:
            agg_words[fid] = agg_blocks[fid] = agg_kept[fid] = 0
            agg_links[fid] = 0.0
        for b, w, lw, is_kept in zip(blocks, nwords, lw_all, kept_flags, strict=True):
            for fid in b.frames:
                if fid in need:
                    agg_words[fid] += w
                    agg_links[fid] += lw
                    agg_blocks[fid] += 1
                    if is_kept:
                        agg_kept[fid] += w
    else:
        cum_w = [0]
        cum_k = [0]
        for w, is_kept in zip(nwords, kept_flags, strict=True):
            cum_w.append(cum_w[-1] + w)
            cum_k.append(cum_k[-1] + (w if is_kept else 0))
        for fid in need:
            lo, hi = span_start[fid], span_end[fid]
            agg_words[fid] = cum_w[hi] - cum_w[lo]
            agg_kept[fid] = cum_k[hi] - cum_k[lo]
            agg_blocks[fid] = hi - lo
            acc = 0.0
            for lw in lw_all[lo:hi]:
                acc += lw
            agg_links[fid] = acc
    page_kept = sum(w for w, f in zip(nwords, kept_flags, strict=True) if f) / total_words
    # one-hot cells (one column tuple per distinct owner/path/hints/hashes), then values
    cols: list[int] = []
    counts: list[int] = []
    onehot: dict[tuple[Any, ...], tuple[int, ...]] = {}
    for b, snap in zip(blocks, snaps, strict=True):
        okey = (b.tag, snap[0], snap[1], snap[2], snap[6])
        cells = onehot.get(okey)
        if cells is None:
            cells = onehot[okey] = _onehot(*okey)
        cols.extend(cells)
        counts.append(len(cells))
    rows = np.repeat(np.arange(n), counts)
    x[rows, cols] = 1.0
    x[:, _COL["heading"]] = [float(_HEADING_LEVEL.get(b.tag, 0)) for b in blocks]
    x[:, _COL["path_main_attr"]] = [1.0 if s[3] else 0.0 for s in snaps]
    x[:, _COL["path_hidden"]] = [1.0 if s[4] else 0.0 for s in snaps]
    punct, digit, upper = [], [], []
    for text, size in zip(texts, lens, strict=True):
        alnum, alpha, dig, up = _char_counts(text)
        chars = size or 1
        # a flattened text's only whitespace is the single spaces between its words
        punct.append((size - alnum - text.count(" ")) / chars)
        digit.append(dig / chars)
        upper.append(up / (alpha or 1))
    x[:, _COL["log_chars"]] = [log1p(s) for s in lens]
    log_words = [log1p(w) for w in nwords]
    x[:, _COL["log_words"]] = log_words
    ld = [b.link_density for b in blocks]
    x[:, _COL["link_density"]] = ld
    x[:, _COL["punct_ratio"]] = punct
    x[:, _COL["digit_ratio"]] = digit
    x[:, _COL["upper_ratio"]] = upper
    stop = _ALL_STOP.__contains__
    x[:, _COL["stop_ratio"]] = [sum(map(stop, t)) / len(t) if t else 0.0 for t in toks]
    x[:, _COL["terminal"]] = [1.0 if t[-1:] in _TERMINAL else 0.0 for t in texts]
    x[:, _COL["pipes"]] = [float(min(t.count("|"), 10)) for t in texts]
    x[:, _COL["depth"]] = [float(s[5]) for s in snaps]
    x[:, _COL["pos"]] = [i / n for i in range(n)]
    cum = 0
    char_pos = []
    for size in lens:
        char_pos.append(cum / total_chars)
        cum += size
    x[:, _COL["char_pos"]] = char_pos
    x[:, _COL["repeats"]] = [float(min(repeats[k], 10)) for k in keys]
    sib_cache: dict[int, tuple[Any, dict[tuple[str, str], int]]] = {}
    sib_of: dict[int, float] = {}
    for lvl in range(3):
        col = []
        for b in blocks:
            frames = b.frames
            if lvl >= len(frames):
                col.append(0.0)  # log1p(0): no element at this level
                continue
            fid = frames[lvl]
            v = sib_of.get(fid)
            if v is None:
                v = sib_of[fid] = log1p(_sibling_count(elements[fid], sib_cache))
            col.append(v)
        x[:, _COL[f"siblings{lvl}"]] = col
    up_of: dict[int, tuple[float, float, float, float]] = {}
    for fid in need:
        cw = agg_words[fid]
        up_of[fid] = (log1p(cw), agg_links[fid] / cw if cw else 0.0, log1p(agg_blocks[fid]),
                   agg_kept[fid] / cw if cw else 0.0)
    for j, cols4 in enumerate(_UP_COLS):
        x[:, cols4] = [up_of[fids[j]] for fids in level_fids]
    x[:, _COL["prev_link_density"]] = [-1.0, *ld[:-1]]
    x[:, _COL["next_link_density"]] = [*ld[1:], -1.0]
    x[:, _COL["prev_log_words"]] = [-1.0, *log_words[:-1]]
    x[:, _COL["next_log_words"]] = [*log_words[1:], -1.0]
    x[:, _COL["page_log_blocks"]] = log1p(n)
    x[:, _COL["page_log_words"]] = log1p(total_words)
    x[:, _COL["word_share"]] = [w / total_words for w in nwords]
    x[:, _COL["kept"]] = [1.0 if f else 0.0 for f in kept_flags]
    # distance to the nearest kept block (itself: 0; none on the page: n)
    dist = [n] * n
    last = -1
    for i, f in enumerate(kept_flags):
        if f:
            last = i
        if last >= 0:
            dist[i] = i - last
    last = -1
    for i in range(n - 1, -1, -1):
        if kept_flags[i]:
            last = i
        if last >= 0 and last - i < dist[i]:
            dist[i] = last - i
    x[:, _COL["kept_near"]] = [log1p(d) for d in dist]
    x[:, _COL["page_kept_share"]] = page_kept
    kind_cols = [_COL[f"page={k}"] for k in PAGE_KINDS if k == page_kind]
    if kind_cols:
        x[:, kind_cols[0]] = 1.0
    for b, row in zip(blocks, x, strict=True):
        b.features = row
    return x


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

    def probabilities(self, rows: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
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
        self._leaf = self._left == np.arange(len(self._left))
        #: left and right child of node i at 2i and 2i + 1
        self._child = np.stack([self._left, self._right], axis=1).ravel()
        self._depth = depth

    def probabilities(self, rows: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
        """Each (tree, row) pair steps down until it reaches a leaf; only the pairs still
        inside a tree are stepped again (the reference stepped every pair ``depth`` times,
        a leaf pointing at itself): the same leaves, so the same sums, bit for bit."""
        x = np.ascontiguousarray(rows, dtype=np.float64)
        if x.ndim != 2 or not len(x):
            return np.zeros(0)
        n, width = x.shape
        flat = x.ravel()
        trees = len(self._roots)
        node = np.repeat(self._roots, n)  # tree-major, as the (trees, rows) grid below
        active = np.flatnonzero(~self._leaf[node])  # pairs not yet at a leaf
        cur = node[active]
        offset = (active % n) * width  # where each pair's row starts in ``flat``
        feature, threshold, child, leaf = self._feature, self._threshold, self._child, self._leaf
        for _ in range(self._depth):
            if not len(active):
                break
            # right unless x <= threshold (a NaN goes right, as in the reference)
            right = ~(flat[offset + feature[cur]] <= threshold[cur])
            cur = child[2 * cur + right]
            done = leaf[cur]
            if done.any():
                node[active[done]] = cur[done]
                more = ~done
                active, cur, offset = active[more], cur[more], offset[more]
        node[active] = cur  # pairs still inside a tree after ``depth`` steps stay there
        raw = self.init + self._value[node.reshape(trees, n)].sum(axis=0)
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
    text = packaged_text(MODEL_FILE)
    return None if text is None else DomModel.from_json(text)


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
    blocks, x = dom_matrix(tree, kept=[b.text for b in doc.blocks], page_kind=kind)
    if not blocks:
        return
    probs = [float(p) for p in model.probabilities(x)]
    gate: dict[str, Any] = {}
    if policy[0] == "gate":
        policy, gate = _gated(model, kind, blocks, probs, tree, doc, policy[1])
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
    tree: HtmlElement, doc: Document, threshold: float,
) -> tuple[tuple[str, float], dict[str, Any]]:
    """The candidate policy the gate picks for this page (``stage`` when its probability
    is under ``threshold``, the kind's policy's: one threshold per kind) and what it saw
    (``gate``: its probability and threshold)."""
    assert model.gate is not None  # DomModel refuses a gate policy without a gate
    kept = np.array([b.kept for b in blocks], dtype=bool)
    share = blocks[0].features[_INDEX["page_kept_share"]]
    path = doc.meta.get("extraction", {}).get("path")
    rows = gate_rows(kind, kept, block_words([b.text for b in blocks]), np.asarray(probs),
                     page_kept_share=share, articles=article_cards(tree),
                     fallback=path == "fallback")
    best = model.gate.best(rows)
    if best is None:
        return ("stage", 1.0), {"gate": None, "gate_threshold": threshold}
    cand, p = best
    info = {"gate": round(p, 4), "gate_threshold": threshold}
    if p < threshold:
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
