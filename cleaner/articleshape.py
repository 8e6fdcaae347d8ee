"""Article shapes trafilatura's fast mode gets wrong: a body that is the site's menus (ask
its fallback instead), and posts quoted with a social network's embed code (dropped with
the share buttons).

trafilatura's fast mode takes the first container its body XPaths match; on some pages
that is the navigation (hundreds of one- and two-word menu entries) with the article
somewhere inside it. Its fallback comparison (readability, jusText) finds the article,
but the fast result is long, so the truncation check (:func:`cleaner.pagekind.
suspect_truncation`) never asks for it. The shape tells: in an article's body most words
sit in sentences; in a menu almost none do.

Measured (2026-12-06, helper articles): WCXB dev develop half, 404 article pages, the
lowest share of words in sentences in cleaner's output was 0.33 (an empty page aside);
the article-benchmark page that showed the shape (a city hall's news item under its
whole menu tree) had 0.10 over 853 blocks (1,202 words, 118 in sentences) fast and 0.92
in the fallback's 5 blocks (103 words, 95 in sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .lexicon import word_count

#: a block is a sentence when it has this many words, or half as many and ends like one
SENTENCE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f\u0964]['\"\u201d\u2019)\]]*\s*$")
#: a fast body is menu-shaped with at least this many blocks ...
MENU_MIN_BLOCKS = 60
#: ... and under this share of its words in sentences
MENU_MAX_SENTENCE_SHARE = 0.25
#: ... and a mean block under this many characters: the cheap test before counting words
#: (blocks under 10 words carry over three quarters of a menu-shaped body's words; the
#: benchmark's menu page: 10 characters a block)
MENU_MAX_MEAN_CHARS = 80
#: the fallback's body replaces it when it keeps at least this share of those sentence words
KEEP_SENTENCE_SHARE = 0.5


def sentence_words(texts: Iterable[str]) -> tuple[int, int, int]:
    """(blocks, words, words in sentence blocks) of ``texts``."""
    blocks = words = prose = 0
    for text in texts:
        n = word_count(text)
        blocks += 1
        words += n
        if n >= SENTENCE_WORDS or (n >= SENTENCE_WORDS // 2 and _SENTENCE_END.search(text)):
            prose += n
    return blocks, words, prose


def menu_shaped(shape: tuple[int, int, int]) -> bool:
    """Whether a body of this :func:`sentence_words` shape looks like a menu."""
    blocks, words, prose = shape
    return blocks >= MENU_MIN_BLOCKS and prose < MENU_MAX_SENTENCE_SHARE * words


def fallback_better(fast: tuple[int, int, int], alt: tuple[int, int, int]) -> bool:
    """Whether the fallback's body (shape ``alt``) should replace a menu-shaped fast body
    (shape ``fast``): shorter, more of it in sentences, and most of the fast body's
    sentence words still there (the article, not another fragment)."""
    _, fast_words, fast_prose = fast
    _, alt_words, alt_prose = alt
    return (
        0 < alt_words < fast_words
        and alt_prose * fast_words > fast_prose * alt_words
        and alt_prose >= KEEP_SENTENCE_SHARE * fast_prose
    )


_EMBED_CLASS = "twitter-tweet"
#: the embed code's own quote element (Twitter/X: ``<blockquote class="twitter-tweet">``)
_EMBEDDED_POSTS = (
    '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
)
#: a wrapper holds only the post when its text is at most this many characters longer
_WRAPPER_SLACK = 20


def unwrap_embedded_posts(tree: Any, markup: str) -> int:
    """Take the ``class`` and ``id`` off each embedded post's quote and off the wrappers
    around it that hold nothing else (``<div class="social-media-embed">``), so
    trafilatura's discard patterns (``social``, ``embed``) no longer remove the quote; the
    number of posts so unwrapped. The article benchmark's bodies keep the quoted posts
    (17 posts on 9 pages); trafilatura 2.3.1 dropped them on 2 pages, where the page's
    F1 rose 0.788 -> 0.971 and 0.925 -> 1.000 with this (2026-12-06). ``markup`` is the
    page's source: without the embed's class name in it the tree is not searched."""
    if _EMBED_CLASS not in markup:
        return 0
    count = 0
    for quote in tree.xpath(_EMBEDDED_POSTS):
        size = len(quote.text_content().strip())
        el = quote
        while el is not None and el.tag not in ("body", "html"):
            if len(el.text_content().strip()) > size + _WRAPPER_SLACK:
                break
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
            el = el.getparent()
        count += 1
    return count


#: a paragraph long enough to be matched by its first characters
_CHUNK_PARAGRAPH_CHARS = 80
#: class tokens that name an article's text container (a chunk must have one)
_CHUNK_CLASS = re.compile(r"body|content|text|article|post|entry|story|prose", re.I)
#: the chunks' nearest common ancestor is at most this many levels above each
_CHUNK_LEVELS = 2
#: the container is the parent of most of the first this many long body paragraphs
_CHUNK_VOTES = 5
_SPACE = re.compile(r"\s+")


#: a chunk's paragraph with this share of its text in links is recirculation ("Don't
#: miss" headline rows), not the story
_CHUNK_MAX_LINK_SHARE = 0.5


def _link_chars(p: Any) -> int:
    return sum(len(_SPACE.sub(" ", a.text_content()).strip()) for a in p.iter("a"))


def _key(text: str) -> str:
    """The first characters of ``text`` with its spaces squashed (of at most 3x as many
    raw characters: the key never needs more)."""
    return " ".join(text[: 3 * _CHUNK_PARAGRAPH_CHARS].split())[:_CHUNK_PARAGRAPH_CHARS]


def body_chunks(tree: Any, body: Any) -> list[tuple[bool, list[str]]]:
    """The paragraphs of an article body's other chunks, which trafilatura's fast mode
    left out: some CMSs cut the body into sibling containers of one tag and class (ads
    and recirculation between them), and trafilatura keeps the first. The container is
    the parent of most of the body's long paragraphs (found by their first characters);
    a chunk is another element of its tag and class (a class naming text: ``body``,
    ``content``, ``article``, ...), neither inside it nor around it, whose nearest common
    ancestor with it is at most two levels up. Per chunk in page order: (whether it comes
    after the container, its long paragraphs not in ``body`` and under half link text)."""
    have = {_key(" ".join(el.itertext())) for el in body.iter("p")}
    have.discard("")
    if not have:
        return []
    container, _ = _container(tree, have)
    if container is None:
        return []
    cls = container.get("class") or ""
    around = list(container.iterancestors())
    if not _CHUNK_CLASS.search(cls) or len(around) < _CHUNK_LEVELS:
        return []
    near = set(around[:_CHUNK_LEVELS])
    out: list[tuple[bool, list[str]]] = []
    after = False
    # a chunk shares an ancestor at most two levels up: it lies under the grandparent
    for el in around[_CHUNK_LEVELS - 1].iter(container.tag):
        if el is container:
            after = True
            continue
        if el.get("class") != cls or el in near:
            continue
        up = list(el.iterancestors())
        if container in up or not any(a in near for a in up[:_CHUNK_LEVELS]):
            continue
        missing = []
        for p in el.iter("p"):
            text = _SPACE.sub(" ", p.text_content()).strip()
            if (len(text) >= _CHUNK_PARAGRAPH_CHARS and text[:_CHUNK_PARAGRAPH_CHARS] not in have
                    and _link_chars(p) < _CHUNK_MAX_LINK_SHARE * len(text)):
                missing.append(text)
        if missing:
            out.append((after, missing))
    return out


def append_body_chunks(tree: Any, body: Any) -> int:
    """``body`` with :func:`body_chunks`' paragraphs added, those of chunks before the
    container first and those after it last (as trafilatura ``p`` elements); how many."""
    added = 0
    before: list[str] = []
    for after, texts in body_chunks(tree, body):
        if not after:
            before.extend(texts)
            continue
        for text in texts:
            body.append(_paragraph(body, text))
            added += 1
    for i, text in enumerate(before):
        body.insert(i, _paragraph(body, text))
        added += 1
    return added


def _paragraph(body: Any, text: str) -> Any:
    el = body.makeelement("p", {})
    el.text = text
    return el


#: the element children of a body's container a lost-parts pass may restore: lists
#: and headings (trafilatura's wild-text recovery, which builds a body when no content
#: container matched, takes paragraphs, quotes, code and tables only)
_LOST_LIST_TAGS = frozenset({"ul", "ol"})
_LOST_HEAD_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: a restored list or heading has under this share of its text in links (a menu, a
#: table of contents, a related-links list is links)
_LOST_MAX_LINK_SHARE = 0.3
#: the container is the parent of at least this many of the body's long paragraphs
_LOST_MIN_VOTES = 2
#: a heading longer than this is not one
_LOST_HEAD_MAX_CHARS = 200
#: class/id tokens of page furniture: a list or heading so named is not restored
_LOST_FURNITURE = re.compile(
    r"nav|menu|share|social|related|tag|breadcrumb|toc|footer|widget|sidebar|comment|meta"
    r"|gallery|carousel|slide",
    re.I,
)


def _container(tree: Any, have: set[str]) -> tuple[Any, int]:
    """(the parent of most of the first :data:`_CHUNK_VOTES` long paragraphs of ``tree``
    whose keys are in ``have``, its votes), or (None, 0)."""
    counts: dict[Any, int] = {}
    votes = 0
    for p in tree.iter("p"):
        raw = p.text_content()
        if len(raw) < _CHUNK_PARAGRAPH_CHARS or _key(raw) not in have:
            continue
        parent = p.getparent()
        if parent is not None:
            counts[parent] = counts.get(parent, 0) + 1
            votes += 1
            if votes == _CHUNK_VOTES:
                break
    if not counts:
        return None, 0
    container = max(counts, key=lambda el: counts[el])
    return container, counts[container]


def _flat(el: Any) -> str:
    """``el``'s text, its pieces joined by spaces (as trafilatura's elements join them)."""
    return _SPACE.sub(" ", " ".join(el.itertext())).strip()


#: a text this long is found in the body's text as a substring; a shorter one only as
#: the whole text of one of its elements
_LOST_SUBSTRING_CHARS = 20


_NON_WORD = re.compile(r"\W+")


def _bare(text: str) -> str:
    """The first word characters of ``text``, without spaces and punctuation: the same
    for a text however its inline elements were joined (trafilatura drops some, keeps
    others) and with or without an anchor's mark ('#', a link emoji)."""
    return _NON_WORD.sub("", text[: 3 * _CHUNK_PARAGRAPH_CHARS])[:_CHUNK_PARAGRAPH_CHARS]


#: the body elements whose whole text a short part is matched against
_SEEN_TAGS = ("p", "head", "item", "cell", "quote")


class _BodyText:
    """What of a body's text is there, built on first use (most pages have no part to
    test): the keys of its elements' texts, and all its word characters."""

    def __init__(self, body: Any) -> None:
        self.body = body
        self._seen: set[str] | None = None
        self._text: str | None = None

    def has(self, text: str) -> bool:
        key = _bare(text)
        if self._seen is None:
            self._seen = {_bare("".join(el.itertext())) for el in self.body.iter(*_SEEN_TAGS)}
        if key in self._seen:
            return True
        if len(key) < _LOST_SUBSTRING_CHARS:
            return False
        if self._text is None:
            self._text = _NON_WORD.sub("", "".join(self.body.itertext()))
        return key in self._text


def _restorable(el: Any, text: str, have: _BodyText) -> bool:
    """Whether a container's list or heading ``el`` (its text ``text``) is article text
    the body lost: not empty, not furniture by its name, its images or its links, none
    of it in the body already (a list by any of its items)."""
    if not text:
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if names.strip() and _LOST_FURNITURE.search(names):
        return False
    if next(el.iter("figure", "figcaption", "img"), None) is not None:
        return False  # a gallery: its captions are trafilatura's to keep or drop
    if _link_chars(el) >= _LOST_MAX_LINK_SHARE * len(text):
        return False
    parts = [_flat(li) for li in el.iter("li")] if el.tag in _LOST_LIST_TAGS else [text]
    return not any(have.has(part) for part in parts if part)


def lost_parts(tree: Any, body: Any) -> list[tuple[Any, Any]]:
    """The lists and headings of an article body's container that the body lost, each
    with the body element to put it after: (anchor, container child). The container is
    the parent of most of the body's long paragraphs (found by their first characters,
    as for :func:`body_chunks`); a part is a list (``ul``, ``ol``) or a heading (``h2`` to
    ``h6``) among its children, after the first of them that is a body paragraph and
    before the last (a list may also directly follow the last: the paragraph that
    introduces it), under a third link text, not named like furniture, without images
    (a gallery), its text not in the body."""
    keyed: dict[str, Any] = {}
    for el in body.iter("p"):
        keyed.setdefault(_key(" ".join(el.itertext())), el)
    keyed.pop("", None)
    if not keyed:
        return []
    container, votes = _container(tree, set(keyed))
    if container is None or votes < _LOST_MIN_VOTES:
        return []
    children = [el for el in container if isinstance(el.tag, str)]
    matched = [keyed.get(_key(el.text_content())) if el.tag == "p" else None
               for el in children]
    hits = [i for i, m in enumerate(matched) if m is not None]
    if len(hits) < _LOST_MIN_VOTES:
        return []
    first, last = hits[0], hits[-1]
    have = _BodyText(body)
    out: list[tuple[Any, Any]] = []
    anchor = matched[first]
    for i in range(first + 1, len(children)):
        if matched[i] is not None:
            anchor = matched[i]
            continue
        el = children[i]
        if el.tag in _LOST_LIST_TAGS:
            if i > last and matched[i - 1] is None:
                break
        elif el.tag in _LOST_HEAD_TAGS:
            if i > last:
                break
        else:
            continue
        text = _flat(el)
        if el.tag in _LOST_HEAD_TAGS and len(text) > _LOST_HEAD_MAX_CHARS:
            continue
        if _restorable(el, text, have):
            out.append((anchor, el))
    return out


def restore_lost_parts(tree: Any, body: Any) -> tuple[int, int]:
    """``body`` with :func:`lost_parts` put back after their anchors (as trafilatura
    ``list``/``item`` and ``head`` elements); (lists, headings) restored."""
    lists = heads = 0
    last: dict[int, Any] = {}  # anchor -> the element last put after it (page order)
    for anchor, el in lost_parts(tree, body):
        if el.tag in _LOST_LIST_TAGS:
            new = body.makeelement("list", {"rend": el.tag})
            for li in el.iter("li"):
                if (text := _flat(li)) and li.getparent() is el:
                    item = new.makeelement("item", {})
                    item.text = text
                    new.append(item)
            if len(new) == 0:
                continue
            lists += 1
        else:
            new = body.makeelement("head", {"rend": el.tag})
            new.text = _flat(el)
            heads += 1
        last.get(id(anchor), anchor).addnext(new)
        last[id(anchor)] = new
    return lists, heads
