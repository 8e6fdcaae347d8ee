"""Cheap page-level signals: the page kind and whether an extraction looks truncated.

Both read the parsed lxml tree once, before trafilatura runs:

* **kind** (``article``, ``forum``, ``product``, ``documentation``, ``listing``,
  ``collection``, ``service``): from JSON-LD ``@type``, ``og:type``, the URL path and
  markup counts (``<article>`` elements, code blocks, prices). It is a report field
  (``extraction.page_kind`` with its reason) and tells later stages whether
  article-tail rules fit the page.
* **truncation**: the main-looking container's visible text (``<main>``,
  ``<article>``, ``role=main``, ``itemprop=articleBody``), JSON-LD ``articleBody``
  and the page's paragraph text say how much text the page holds; an extraction
  that kept far less is suspected truncated and the extract stage recovers (see
  :func:`suspect_truncation`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PAGE_KINDS = (
    "article", "forum", "product", "documentation", "listing", "collection", "service",
)
#: a price: ``$5``/``€ 12.99`` or ``12.99 EUR`` at a word start. Written to begin with one
#: character class (the regex engine then skips to its characters; 2.5x faster than the
#: plain alternation ``[$€£¥]\s?\d{1,5}(?:[.,]\d{2})?\b|\b\d{1,5}[.,]\d{2}\s?(?:€|...)\b``,
#: same matches: tests/test_speed_extract.py); ``(?<!\w\d)`` after the first digit is the
#: ``\b`` before it
_PRICE = re.compile(
    r"[$€£¥\d](?:(?<=[$€£¥])\s?\d{1,5}(?:[.,]\d{2})?\b"
    r"|(?<!\w\d)\d{0,4}[.,]\d{2}\s?(?:€|EUR|USD|GBP)\b)"
)
#: every price match holds one of these (the first branch starts with a symbol, the
#: second ends with one): a text without any has none, and the regex is not run
_PRICE_MARKS = ("$", "€", "£", "¥", "EUR", "USD", "GBP")
#: characters a window keeps before and after each mark: a match starts at most 9
#: characters before its mark (a digit, 4 digits, ``[.,]``, 2 digits, a space: the second
#: branch) and ends at most 10 after the mark's start (a symbol, a space, 5 digits,
#: ``[.,]`` and 2 digits: the first branch); its ``\b`` reads one character more and the
#: lookbehinds up to 2 before its start (those see before a window, as ``pos`` allows)
_PRICE_WINDOW = 16
#: main-looking containers: ``<main>``, ``<article>``, ``role="main"``,
#: ``itemprop="articleBody"``/``"text"`` (see :func:`_main_containers`)
_MAIN_TAGS = frozenset({"main", "article"})
_MAIN_ITEMPROPS = frozenset({"articleBody", "text"})

#: JSON-LD / og types -> kind
_LD_KIND = {
    "discussionforumposting": "forum", "qapage": "forum", "question": "forum",
    "socialmediaposting": "forum",
    "product": "product", "productgroup": "product", "offer": "product",
    "techarticle": "documentation", "apireference": "documentation",
    "collectionpage": "collection", "itemlist": "listing", "searchresultspage": "listing",
    "newsarticle": "article", "article": "article", "blogposting": "article",
    "reportagenewsarticle": "article", "analysisnewsarticle": "article",
    "service": "service", "localbusiness": "service", "professionalservice": "service",
}
_URL_KIND = (
    ("forum", re.compile(r"/(?:questions|threads?|t|topic|topics|forums?|community|discussions?"
                         r"|viewtopic\.php|showthread\.php|comments)(?:/|$|\?)|"
                         r"^(?:forums?|community|discuss|discussion|users|answers)\.")),
    ("documentation", re.compile(r"/(?:docs?|documentation|manual|guide|guides|reference|api"
                                 r"|tutorial|usersguide|wiki|handbook)(?:/|$)|"
                                 r"^(?:docs?|developer|developers|wiki)\.|readthedocs|gitbook")),
    # a product inside a collection (``/collections/x/products/y``, ``/shop/p/y``) is a product
    ("product", re.compile(r"/(?:products?|p|item|dp)/")),
    ("collection", re.compile(r"/(?:collections?|category|categories|shop|catalog|c)(?:/|$)")),
    ("listing", re.compile(r"/(?:news|blog|articles|events|search|tag|tags|archive|courses"
                           r"|programs|certificate[-\w]*)/?$")),
    ("service", re.compile(r"/(?:services?|pricing|plans|tuition[-\w]*|about|contact"
                           r"|testimonials|reviews|why-us)(?:/|$)")),
)


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page holds, read from the markup before extraction."""

    #: JSON-LD ``@type`` values (lower-cased) and ``og:type``
    ld_types: tuple[str, ...]
    og_type: str
    #: characters of JSON-LD ``articleBody``/``text`` (longest)
    ld_body_chars: int
    #: visible characters of the longest main-looking container
    main_chars: int
    #: visible characters of ``<body>`` (scripts and styles left out)
    body_chars: int
    #: visible characters in ``<p>`` elements, and their count
    p_chars: int
    p_count: int
    #: ``<article>`` elements, ``<pre>``/``<code>`` blocks, price-shaped strings
    articles: int
    code_blocks: int
    prices: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "ld_types": list(self.ld_types), "og_type": self.og_type,
            "ld_body_chars": self.ld_body_chars, "main_chars": self.main_chars,
            "body_chars": self.body_chars,
            "p_chars": self.p_chars, "p_count": self.p_count, "articles": self.articles,
            "code_blocks": self.code_blocks, "prices": self.prices,
        }


def flat_len(text: str) -> int:
    """``len(flatten(text))`` without building the flattened string: its non-space
    characters plus one space between each two of its words."""
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0


#: ``lxml.etree.tostring``, imported at the first :func:`text_of` of an element with children
_tostring: Any = None


def _text_serializer() -> Any:
    global _tostring
    from lxml.etree import tostring

    _tostring = tostring
    return tostring


def text_of(el: HtmlElement) -> str:
    """``el.text_content()``: for an element without children (every ``<script>`` and
    ``<style>``, half the ``<p>``) its ``.text``, which lxml reads without the XPath
    call ``text_content()`` makes (``len()`` counts comments, processing instructions
    and entities too, so no child of any kind holds text that ``.text`` would miss); for
    one with children lxml's text serialisation, which reads the same node content as
    the XPath ``string()`` of ``text_content()`` without evaluating an XPath (0.9 against
    1.3 us an element on the article pages)."""
    if len(el):
        tostring = _tostring or _text_serializer()
        return str(tostring(el, method="text", encoding="unicode", with_tail=False))
    return el.text or ""


def _visible_chars(el: HtmlElement, text: str | None = None) -> int:
    """Visible characters of ``el`` (``text``: its ``text_content()`` when known)."""
    total = flat_len(el.text_content() if text is None else text)
    for junk in el.iter("script", "style", "noscript", "template"):
        total -= flat_len(text_of(junk))
    return max(0, total)


def _main_containers(tree: HtmlElement) -> list[HtmlElement]:
    """The main-looking containers of ``tree``'s document, in document order: the node set
    of ``//main | //article | //*[@role='main'] | //*[@itemprop='articleBody'] |
    //*[@itemprop='text']`` (so from the document root, as ``//`` is, when ``tree`` is a
    fragment), found in one walk (the five-way XPath union cost twice as much)."""
    found = []
    for el in tree.getroottree().getroot().iter():
        if (
            el.tag in _MAIN_TAGS
            or el.get("role") == "main"
            or el.get("itemprop") in _MAIN_ITEMPROPS
        ):
            found.append(el)
    return found


def _mark_positions(text: str) -> list[int]:
    """Sorted start positions of every ``_PRICE_MARKS`` occurrence (``str.find`` per
    mark: a regex alternation of the marks scanned at a quarter of the speed)."""
    found: list[int] = []
    for mark in _PRICE_MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _prices(text: str) -> int:
    """Price-shaped strings in ``text``: ``len(_PRICE.findall(text))``, counted in windows
    around the marks only (the pattern begins with a digit class, so on the whole text it
    was tried at every digit: 0.57 ms a page, most of ``page_signals``' price cost).

    Every match lies inside its mark's window and reads nothing past that window's end,
    and no match can start between two windows, so the scan of each merged window (by
    ``pos``/``endpos``, which keep the text before ``pos`` visible to lookbehinds) finds
    exactly the matches the whole-text scan finds there."""
    at = _mark_positions(text)
    if not at:
        return 0
    count = 0
    start = end = -1
    for pos in at:
        lo = max(0, pos - _PRICE_WINDOW)
        if lo > end:  # a new window: count the one before
            if end > start:
                count += len(_PRICE.findall(text, start, end))
            start = lo
        end = pos + _PRICE_WINDOW
    if end > start:
        count += len(_PRICE.findall(text, start, end))
    return count


def _ld_items(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _ld_items(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                _ld_items(data[key], out, depth + 1)


def _json_ld(script: HtmlElement, ld_types: list[str]) -> int:
    """Add the JSON-LD ``@type`` values of ``script`` (lower-cased) to ``ld_types``;
    the flattened length of its longest ``articleBody``/``text`` (0 when none)."""
    if (script.get("type") or "").strip().lower() != "application/ld+json":
        return 0
    raw = script.text or ""
    if not raw.strip() or len(raw) > 2_000_000:
        return 0
    try:
        data = json.loads(raw)
    except ValueError:
        return 0
    items: list[dict[str, Any]] = []
    _ld_items(data, items)
    longest = 0
    for item in items:
        t = item.get("@type")
        for name in t if isinstance(t, list) else [t]:
            if isinstance(name, str):
                ld_types.append(name.lower())
        for key in ("articleBody", "text"):
            body = item.get(key)
            if isinstance(body, str):
                longest = max(longest, flat_len(body))
    return longest


#: the tags :func:`page_signals` reads, found in one walk (five walks cost 0.06 ms each)
_SIGNAL_TAGS = ("script", "meta", "p", "article", "pre")
SIGNAL_TAGS = frozenset(_SIGNAL_TAGS)


def page_signals(
    tree: HtmlElement,
    mains: list[HtmlElement] | None = None,
    tagged: list[HtmlElement] | None = None,
) -> PageSignals:
    """The signals of ``tree`` (``mains``: its :func:`_main_containers`; ``tagged``: its
    elements of ``SIGNAL_TAGS`` in document order, what ``tree.iter(*_SIGNAL_TAGS)``
    finds; each when already found by ``cleaner.extract.scan_tree``'s walk)."""
    ld_types: list[str] = []
    ld_body = 0
    og: str | None = None  # the first og:type meta's content
    p_chars = p_count = articles = code_blocks = 0
    # document order, as each tag's own walk
    for el in tree.iter(*_SIGNAL_TAGS) if tagged is None else tagged:
        tag = el.tag
        if tag == "p":
            n = flat_len(text_of(el))
            if n:
                p_chars += n
                p_count += 1
        elif tag == "script":
            ld_body = max(ld_body, _json_ld(el, ld_types))
        elif tag == "meta":
            if og is None and (
                (el.get("property") or el.get("name") or "").lower() == "og:type"
            ):
                og = (el.get("content") or "").strip().lower()
        elif tag == "article":
            articles += 1
        else:
            code_blocks += 1
    main_chars = 0
    for el in _main_containers(tree) if mains is None else mains:
        main_chars = max(main_chars, _visible_chars(el))
    body = tree.find("body")
    text = body.text_content() if body is not None else ""
    body_chars = _visible_chars(body, text) if body is not None else 0
    return PageSignals(
        ld_types=tuple(dict.fromkeys(ld_types)),
        og_type=og or "",
        ld_body_chars=ld_body,
        main_chars=main_chars,
        body_chars=body_chars,
        p_chars=p_chars,
        p_count=p_count,
        articles=articles,
        code_blocks=code_blocks,
        prices=_prices(text[:200_000]),
    )


_ARTICLE_LD = frozenset({"newsarticle", "article", "blogposting", "reportagenewsarticle",
                         "analysisnewsarticle"})


def _url_parts(url: str | None) -> tuple[str, str]:
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]*)([^?#]*)", (url or "").lower())
    if not m:
        return "", ""
    return m.group(1).removeprefix("www."), m.group(2) or "/"


def classify(url: str | None, s: PageSignals) -> tuple[str, str]:
    """(kind, reason): the first signal that names a kind wins, in order of trust
    (on WCXB dev it agrees with the benchmark's label on about 6 pages in 10; forums,
    products and documentation are the reliable ones)."""
    host, path = _url_parts(url)
    for kind, pattern in _URL_KIND[:4]:  # forum, documentation, product, collection
        if pattern.search(path) or pattern.search(host):
            return kind, f"url:{kind}"
    types = set(s.ld_types)
    for t in s.ld_types:
        ld_kind = _LD_KIND.get(t)
        if ld_kind in ("forum", "documentation") or (
            ld_kind == "product" and not types & _ARTICLE_LD
        ):
            return str(ld_kind), f"json-ld:{t}"
    if s.og_type.startswith("product"):
        return "product", f"og:{s.og_type}"
    for kind, pattern in _URL_KIND[4:]:
        if pattern.search(path):
            return kind, f"url:{kind}"
    for t in s.ld_types:
        ld_kind = _LD_KIND.get(t)
        if ld_kind is not None and ld_kind != "product":
            return ld_kind, f"json-ld:{t}"
    if s.code_blocks >= 3:
        return "documentation", "markup:code_blocks"
    if s.prices >= 8 and s.articles < 3:
        return "collection", "markup:prices"
    if s.articles >= LISTING_ARTICLES:
        return "listing", "markup:articles"
    if s.og_type == "article":
        return "article", "og:article"
    return "article", "default"


#: an extraction is suspected truncated when it kept less than this share of the text
#: the page holds by one of these signals (chosen on 280 WCXB dev pages, 40 of each
#: kind, for F1 against the fallback's cost, then main container 0.10 -> 0.25 and
#: paragraphs 0.25 -> 0.35 on the develop half of WCXB dev: a training choice, see
#: BENCHMARKS.md)
TRUNCATION_SHARES = (
    ("ld_article_body", 0.35), ("main_container", 0.25), ("paragraphs", 0.35),
)
#: ... and the signal's text is at least this long (short pages are left alone)
TRUNCATION_MIN_CHARS = 600
#: pages with this many ``<article>`` elements hold teaser cards: their paragraph text is
#: no truncation signal (on the article benchmark the fallback then took a whole list)
LISTING_ARTICLES = 5


#: a hidden element holding more than this share of the body's visible text, and most of
#: its ``<p>`` text, is the page itself, shown by a script once loaded (one WCXB docs page
#: wraps everything in ``visibility:hidden``), not injected text: it is kept. Injected
#: text can outweigh a short article, but it does not hold the article's paragraphs
HIDDEN_PAGE_SHARE = 0.5


#: class/id/role of a disclosure widget (accordion panel, tab pane, collapsed answer):
#: its text is hidden until a reader opens it, and it is the page's content (WCXB dev
#: service pages: FAQ accordions and service tabs; dropping them cost e.g. insight.com
#: 0.92 -> 0.34 word F1), unlike injected text. Menus are left to the link test below
_DISCLOSURE = re.compile(
    r"(?<![a-z0-9])(?:accordion|collaps|tab-?content|tab__content|tab-?pane|tabpanel"
    r"|faq|expand|answer)", re.I)
#: ... kept when under this share of its text is link text (a collapsed menu is links)
DISCLOSURE_MAX_LINK_SHARE = 0.5


def is_disclosure(el: HtmlElement, chars: int) -> bool:
    """Whether the hidden element ``el`` (``chars`` visible characters) is a disclosure
    widget's panel holding prose, not links: content a reader opens, kept."""
    names = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
    if not chars or not _DISCLOSURE.search(names):
        return False
    linked = sum(flat_len(text_of(a)) for a in el.iter("a"))
    return linked < DISCLOSURE_MAX_LINK_SHARE * chars


def hidden_is_page(el: HtmlElement, chars: int, s: PageSignals) -> bool:
    """Whether the hidden element ``el`` (``chars`` visible characters) is the page's own
    content (kept) rather than text hidden from readers (dropped): the page itself in a
    hidden wrapper, or a disclosure widget's panel (:func:`is_disclosure`)."""
    if is_disclosure(el, chars):
        return True
    if chars <= HIDDEN_PAGE_SHARE * s.body_chars:
        return False
    if s.p_chars == 0:
        return True
    inside = sum(flat_len(text_of(p)) for p in el.iter("p"))
    return inside > HIDDEN_PAGE_SHARE * s.p_chars


#: pages whose text is not in ``<p>`` or a main container (tables, ``<div>`` soup, teaser
#: cards): an extraction shorter than ``BODY_SHORT_CHARS`` that kept under
#: ``BODY_SHARE`` of the body's visible text is suspected truncated too. Chosen on
#: ~1,000 WCXB dev pages (training figures): the fallback then runs on 34 % of pages
#: instead of 29 %, and pages worse than the fallback by > 0.10 F1 fell from 9 to 4.
#: 0.06 -> 0.12 with the shares above on the develop half of WCXB dev (753 pages,
#: sha1(domain) even; extract stage only): F1 0.8279 -> 0.8318, fallback run on 27.5 %
#: of them instead of 24 %, pages worse than trafilatura by > 0.10: 15 -> 9
BODY_SHARE = 0.12
BODY_SHORT_CHARS = 2500
BODY_MIN_CHARS = 2000


def suspect_truncation(extracted_chars: int, s: PageSignals) -> str | None:
    """The signal that says the extraction kept far less than the page holds, or None."""
    held = {"ld_article_body": s.ld_body_chars, "main_container": s.main_chars,
            "paragraphs": s.p_chars}
    for name, share in TRUNCATION_SHARES:
        if name == "paragraphs" and s.articles >= LISTING_ARTICLES:
            continue  # paragraphs spread over teaser cards say nothing about one body
        chars = held[name]
        if chars >= TRUNCATION_MIN_CHARS and extracted_chars < share * chars:
            return name
    if (
        s.body_chars >= BODY_MIN_CHARS
        and extracted_chars < BODY_SHORT_CHARS
        and extracted_chars < BODY_SHARE * s.body_chars
    ):
        return "body_text"
    return None


#: a comment section is the page's content (a story that links out or quotes a blurb, and
#: the discussion under it: lobste.rs, slashdot, Hacker News-style pages) when it holds at
#: least ``COMMENT_PAGE_RATIO`` times the body's characters and the body is a blurb, under
#: ``COMMENT_PAGE_MAX_BODY`` characters; an article with reader comments has a longer body,
#: or a discussion less lopsided (a 2,860-character slashdot story with 11x its length of
#: comments is labelled an article on WCXB dev; a 420-character news item with 12x on the
#: article benchmark's develop half). On forum pages the posts are the content whatever
#: their length. Chosen on those develop halves (training figures, BENCHMARKS.md)
COMMENT_PAGE_RATIO = 20
COMMENT_PAGE_MAX_BODY = 2000


def comments_worth_reading(kind: str, body_chars: int, s: PageSignals) -> bool:
    """Whether the page's comment section could be its content, before it is extracted:
    a forum, or a body short enough to be a blurb on a page whose visible text could hold
    a comment section ``COMMENT_PAGE_RATIO`` times longer (cheap; most pages stop here)."""
    if kind == "forum":
        return True
    return (body_chars < COMMENT_PAGE_MAX_BODY
            and s.body_chars >= COMMENT_PAGE_RATIO * max(1, body_chars))


def comments_are_content(kind: str, body_chars: int, comment_chars: int) -> str | None:
    """Why the extracted comment section (``comment_chars``) belongs to the page's content
    after its body (``body_chars``), or None when it does not."""
    if comment_chars <= 0:
        return None
    if kind == "forum":
        return "page_kind:forum"
    if body_chars < COMMENT_PAGE_MAX_BODY and comment_chars >= COMMENT_PAGE_RATIO * max(
            1, body_chars):
        return "comments_outweigh_body"
    return None


def still_truncated(path_reason: str) -> bool:
    """Whether an extraction path's reason (``ExtractStage._extract``) says the result
    still looks truncated after the fallback comparison (or is empty)."""
    return path_reason.endswith(":fallback_not_longer")



#: a comment section holds a thread's posts unless its text is mostly links or short
#: items. On WCXB dev's develop half every real discussion trafilatura returned as
#: comments (threads, slashdot, lobste.rs, reader comments under blog posts: 16 pages)
#: had 0.56-1.00 of its text in blocks of ``POST_MIN_CHARS`` or more and at most 0.07 in
#: blocks that are mostly link text; a list of threads is linked titles, names, dates and
#: counts, each a short block (a list whose rows carry excerpts: :func:`thread_rows`)
POST_MIN_CHARS = 100
POST_MIN_SHARE = 0.25
#: ... a block is a link when at least this share of its source element's text is in
#: ``<a>`` (``cleaner.extract.collect_markup``), and the section is a list of links
#: when at least ``LINKED_MAX_SHARE`` of its text is in such blocks
LINK_BLOCK_DENSITY = 0.5
LINKED_MAX_SHARE = 0.5


def comments_not_posts(blocks: list[tuple[int, float]]) -> str | None:
    """Why a comment section, given as its blocks' (characters, link density), is no
    thread's posts (a list of threads, a "recent comments" widget, a row of counts), or
    None when it holds posts: ``thread_links`` when most of its text is links,
    ``no_posts`` when under ``POST_MIN_SHARE`` of it is in blocks a post's length."""
    total = sum(n for n, _ in blocks)
    if total <= 0:
        return "no_posts"
    linked = sum(n for n, density in blocks if density >= LINK_BLOCK_DENSITY)
    if linked >= LINKED_MAX_SHARE * total:
        return "thread_links"
    if sum(n for n, _ in blocks if n >= POST_MIN_CHARS) < POST_MIN_SHARE * total:
        return "no_posts"
    return None


#: class/id naming a comment (``comment``, ``comment-node``, ``comment-1234``; not
#: ``commentary``), at a word start
_COMMENT_NAME = re.compile(r"(?<![a-z0-9])comments?(?![a-z])", re.I)
#: microdata item types of a product (``itemtype="https://schema.org/Product"``)
_PRODUCT_ITEMTYPES = frozenset({"product", "individualproduct", "productmodel", "productgroup"})


def comment_articles(tree: HtmlElement) -> int:
    """``<article>`` elements whose class or id names a comment (one per reply on Lemmy
    and WordPress themes): replies, not the teaser cards of a listing."""
    return sum(
        1 for el in tree.iter("article")
        if _COMMENT_NAME.search(f"{el.get('class', '')} {el.get('id', '')}")
    )


def microdata_types(tree: HtmlElement) -> list[str]:
    """Lower-cased microdata item types of ``tree``'s outermost items (``itemtype`` on an
    element with no ``itemtype`` above it), last path segment only, in document order."""
    found = []
    for el in tree.xpath("//*[@itemtype][not(ancestor::*[@itemtype])]"):
        for name in (el.get("itemtype") or "").split():
            found.append(name.rstrip("/").rsplit("/", 1)[-1].lower())
    return found


def refine_kind(
    tree: HtmlElement, url: str | None, s: PageSignals, kind: str, reason: str
) -> tuple[str, str]:
    """(kind, reason) of :func:`classify` corrected by two markup signals it does not read,
    each looked at only where its verdict fell back on markup counts or on nothing:

    * ``markup:articles`` pages: ``<article>`` elements named as comments are replies,
      not cards; the page is classified without them, and when they alone made it look
      like a listing and nothing says it is an article (``og:type``, JSON-LD), it is a
      discussion thread (``markup:comment_articles``: a post and its replies, as Lemmy
      marks them up; WCXB dev labels it a forum);
    * ``default`` pages: an outermost microdata item that is a Product makes the page a
      product (``microdata:product``), as JSON-LD Product does."""
    if reason == "markup:articles":
        replies = comment_articles(tree)
        if replies:
            kind, reason = classify(url, replace(s, articles=s.articles - replies))
            if (reason == "default" and replies >= LISTING_ARTICLES
                    and not set(s.ld_types) & _ARTICLE_LD):
                return "forum", "markup:comment_articles"
    if reason == "default":
        for name in microdata_types(tree):
            if name in _PRODUCT_ITEMTYPES:
                return "product", f"microdata:{name}"
    return kind, reason


#: a comment section whose posts each sit in a repeated row holding a link out to another
#: page with a title's words (three or more) and no reply marker is a list of threads
#: with excerpts (a forum index, a "recent posts" feed), however long the excerpts: the
#: shape :func:`comments_not_posts` cannot see. A discussion's rows link to the people
#: who wrote them (a name, one or two words), to themselves (``#comment-12`` permalinks)
#: and to reply or quote controls. Rows are found from at most ``ROW_PROBES`` posts
#: (blocks of ``POST_MIN_CHARS``+), and ``ROW_MIN`` of them must be found
ROW_PROBES = 12
ROW_MIN = 3
#: ... the section is a thread list when at least this share of its rows hold a title
#: link out and under ``ROW_MARKER_SHARE`` of them a reply marker
ROW_TITLE_SHARE = 0.6
ROW_MARKER_SHARE = 0.4
TITLE_LINK_WORDS = 3
#: class/id/title/alt/aria-label of a post's own controls (reply, quote, permalink,
#: report); not ``replies`` or votes, which a thread list's rows show as counts too
_REPLY_MARKER = re.compile(
    r"(?<![a-z])(?:repl(?:y|ying)|quot(?:e|ing)|permalink|like-?button|report)(?![a-z])",
    re.I)
_MARKER_ATTRS = ("class", "id", "title", "alt", "aria-label")
#: how far above a post's text its row may sit
_ROW_DEPTH = 8
#: elements whose own text is never a post's
_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "title"})


def _probe(text: str) -> str | None:
    """The first words of a post (up to 40 characters, whole words), to find it by."""
    words = text.split()[:8]
    probe = ""
    for w in words:
        if len(probe) + len(w) + 1 > 40:
            break
        probe = f"{probe} {w}" if probe else w
    return probe if len(probe) >= 12 else None


def _row_of(el: HtmlElement) -> HtmlElement | None:
    """The nearest ancestor-or-self of ``el`` repeated as a template: its parent holds
    at least ``ROW_MIN`` element children of its tag and class."""
    node: Any = el
    for _ in range(_ROW_DEPTH):
        parent = node.getparent()
        if parent is None:
            return None
        tag, cls = node.tag, node.get("class")
        same = sum(1 for sib in parent if sib.tag == tag and sib.get("class") == cls)
        if same >= ROW_MIN:
            return node
        node = parent
    return None


def _own_path(href: str, page_path: str) -> bool:
    """Whether ``href`` points at the page itself: its own path with another query
    (``?cid=12``)."""
    if href.startswith("//"):
        href = f"http:{href}"
    elif "://" not in href:
        href = f"http://host{href if href.startswith('/') else '/' + href}"
    path = _url_parts(href)[1]
    return bool(page_path) and path.rstrip("/") == page_path.rstrip("/")


def _row_shape(row: HtmlElement, post: HtmlElement, page_path: str) -> tuple[bool, bool]:
    """(holds a title link to another page before the post's text, holds a reply marker)
    for one row: a title link has ``TITLE_LINK_WORDS`` or more words and stands alone
    (most of its parent's text), as a thread's title over its excerpt does; a link in
    a post's prose, or a name, is none."""
    title = marker = False
    before = True  # the row's elements before the post's own element
    for el in row.iter():
        if not isinstance(el.tag, str):
            continue
        if el is post:
            before = False
        if not marker and any(
                _REPLY_MARKER.search(el.get(a) or "") for a in _MARKER_ATTRS):
            marker = True
        if el.tag != "a":
            continue
        href = (el.get("href") or "").strip()
        if "#" in href or (href and _own_path(href, page_path)):
            marker = True  # a permalink: an anchor, or the page's own address
        elif (before and not title and href
              and not href.lower().startswith(("javascript:", "mailto:"))):
            words = text_of(el).split()
            parent = el.getparent()
            around = len(text_of(parent).split()) if parent is not None else len(words)
            title = len(words) >= TITLE_LINK_WORDS and len(words) >= 0.8 * around
    return title, marker


def thread_rows(tree: HtmlElement, posts: list[str], url: str | None) -> str | None:
    """``thread_rows`` when the comment section's posts (``posts``: the texts of its
    blocks of ``POST_MIN_CHARS`` or more) sit in rows shaped like a thread list: most
    rows link out under a title and few carry a reply marker (``ROW_TITLE_SHARE``,
    ``ROW_MARKER_SHARE``); None otherwise, or when fewer than ``ROW_MIN`` rows are
    found. Reads only the rows of up to ``ROW_PROBES`` posts."""
    page_path = _url_parts(url)[1]
    probes = [p for p in map(_probe, posts[:ROW_PROBES]) if p is not None]
    if len(probes) < ROW_MIN:
        return None
    # one walk over the texts (an element's own text, or the text after it, whose
    # owner is its parent), scripts and styles left out: those holding a probe's
    # longest word are normalised and kept; a probe takes the first of them holding it
    # whole whose row is not found yet (posts that open alike, or quote each other)
    words = re.compile("|".join(sorted({re.escape(max(p.split(), key=len)) for p in probes})))
    hits: list[tuple[str, HtmlElement]] = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in _NO_TEXT_TAGS and el.text and (
                words.search(el.text)):
            hits.append((" ".join(el.text.split()), el))
        if el.tail and words.search(el.tail):
            parent = el.getparent()
            if parent is not None:
                hits.append((" ".join(el.tail.split()), parent))
    rows: list[tuple[HtmlElement, HtmlElement]] = []  # (row, the post's element)
    for probe in probes:
        for flat, owner in hits:
            if probe not in flat:
                continue
            row = _row_of(owner)
            if row is not None and all(row is not r for r, _ in rows):
                rows.append((row, owner))
                break
    if len(rows) < ROW_MIN:
        return None
    shapes = [_row_shape(row, post, page_path) for row, post in rows]
    titled = sum(1 for t, _ in shapes if t)
    marked = sum(1 for _, m in shapes if m)
    if titled >= ROW_TITLE_SHARE * len(rows) and marked < ROW_MARKER_SHARE * len(rows):
        return "thread_rows"
    return None
