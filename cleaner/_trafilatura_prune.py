"""trafilatura's prune XPaths as Python walks: the same elements, without EXSLT callbacks.

trafilatura prunes its input with lists of compiled XPath expressions
(``trafilatura.xpaths``), several of which test ``@id`` and ``@class`` with the EXSLT
``re:test`` function. libxml2 calls back into Python for every candidate element and
every ``re:test``, so the raw-tree prune alone (``RAW_TREE_PRUNE_XPATH`` and, with
comments off, ``REMOVE_COMMENTS_AND_LISTS_XPATH``) was about 6.5% of the pipeline's CPU
on the article benchmark. Each :class:`PyPrune` here is one of those expressions written
as a walk over the candidate tags (libxml2 filters the tags in C) with the same
regular expressions, compiled once. ``prune_unwanted_nodes`` only calls an expression
on a tree and iterates the elements it returns, so an object that returns the same
elements in the same (document) order is a drop-in replacement.

:func:`install` swaps an expression in its list only when its XPath text is exactly the
one translated here (whitespace aside), rebuilt from trafilatura's own pattern constants:
another trafilatura version, or an edited expression, is left as it is.

The EXSLT semantics reproduced: ``re:test(@a, p)`` is ``re.search(p, value)`` on the
attribute's value, ``""`` when it is absent (lxml's ``_ExsltRegExp.test``); ``.//*`` is
the context element's descendant elements in document order, not the element itself.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

Predicate = Callable[[Any], bool]
_ELEMENT = etree.Element


class PyPrune:
    """An XPath of the shape ``.//*[self::t1 or ...][condition]`` as a Python walk;
    ``by_attributes``: the condition reads only the element's attributes (names, values,
    order), so its answer is remembered per attribute list (:func:`_by_attributes`)."""

    def __init__(self, path: str, tags: Iterable[str], keep: Predicate,
                 by_attributes: bool = False) -> None:
        self.path = path  # the XPath it replaces (what ``XPath.path`` gave)
        self.tags = tuple(tags)
        self.keep = _by_attributes(keep) if by_attributes else keep

    def __call__(self, tree: Any) -> list[Any]:
        keep = self.keep
        # no tags: every descendant element (comments and processing instructions are not)
        found = tree.iterdescendants(*self.tags) if self.tags else tree.iterdescendants(_ELEMENT)
        return [el for el in found if keep(el)]

    def __repr__(self) -> str:
        return f"PyPrune({' '.join(self.path.split())!r})"


def _by_attributes(keep: Predicate) -> Predicate:
    """``keep`` remembered per ``el.items()`` (at most ``SEARCH_CACHE_SIZE`` lists and
    ``SEARCH_CACHE_CHARS`` characters of them): the
    elements of a page repeat their attribute lists (every ``<div class="row">``, every
    element without attributes), and one ``items()`` costs less than the five look-ups
    and searches of a condition."""
    found: dict[tuple[tuple[str, str], ...], bool] = {}
    get = found.get
    kept = [0]  # characters of the lists kept

    def remembered(el: Any) -> bool:
        key = tuple(el.items())
        hit = get(key)
        if hit is None:
            chars = sum(len(name) + len(value) for name, value in key)
            kept[0] += chars
            if len(found) >= SEARCH_CACHE_SIZE or kept[0] > SEARCH_CACHE_CHARS:
                found.clear()
                kept[0] = chars
            hit = found[key] = bool(keep(el))
        return hit

    return remembered


def _squash(path: str) -> str:
    return " ".join(path.split())


#: attribute values whose test result a searcher keeps (then it starts again): a page's
#: class and id values repeat (``col-md-4`` on hundreds of elements), and a search of the
#: long token alternations costs a microsecond or more a value
SEARCH_CACHE_SIZE = 4096
#: and at most this many characters of them (worker memory on pages of huge attributes)
SEARCH_CACHE_CHARS = 262_144


def _searcher(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    """Whether ``re.search(pattern, value, flags)`` finds a match, remembered per value
    (at most ``SEARCH_CACHE_SIZE`` values and ``SEARCH_CACHE_CHARS`` characters; a dict
    shared by threads is safe: a value tested twice at once gets the same answer)."""
    search = re.compile(pattern, flags).search
    found: dict[str, bool] = {}
    get = found.get
    kept = [0]  # characters of the values kept

    def test(value: str) -> bool:
        hit = get(value)
        if hit is None:
            kept[0] += len(value)
            if len(found) >= SEARCH_CACHE_SIZE or kept[0] > SEARCH_CACHE_CHARS:
                found.clear()
                kept[0] = len(value)
            hit = found[value] = search(value) is not None
        return hit

    return test


def _raw_tree_infinite_scroll(xp: Any) -> tuple[str, PyPrune]:
    """``RAW_TREE_PRUNE_XPATH[0]``: infinite-scroll containers of follow-up articles."""
    outer, inner = "mvp-post-add-(?:box|wrap)|infinite-?scroll", "mvp-post-add-(?:box|wrap)"
    path = f"""
        .//*[self::div or self::section or self::aside][
        re:test(@id, '{outer}') or
        re:test(@class, '{outer}')][
        not(.//h1) or re:test(@id, '{inner}') or re:test(@class, '{inner}')]
        """
    s_outer, s_inner = _searcher(outer), _searcher(inner)

    def keep(el: Any) -> bool:
        i, c = el.get("id") or "", el.get("class") or ""
        if not (s_outer(i) or s_outer(c)):
            return False
        return (next(el.iterdescendants("h1"), None) is None
                or bool(s_inner(i) or s_inner(c)))

    return path, PyPrune(path, ("div", "section", "aside"), keep)


def _raw_tree_share_buttons(xp: Any) -> tuple[str, PyPrune]:
    """``RAW_TREE_PRUNE_XPATH[1]``: elementor share-button rows."""
    path = (".//*[self::div or self::section or self::aside]"
            "[contains(@class, 'elementor-share-buttons')]")

    def keep(el: Any) -> bool:
        return "elementor-share-buttons" in (el.get("class") or "")

    return path, PyPrune(path, ("div", "section", "aside"), keep)


def _comments_and_lists(xp: Any) -> tuple[str, PyPrune]:
    """``REMOVE_COMMENTS_AND_LISTS_XPATH[0]``: comment sections and comment lists."""
    cid, ccls = xp._COMMENTS_ID, xp._COMMENTS_CLASS
    path = f"""
        .//*[self::div or self::list or self::section or self::details or self::ol or self::ul][
        re:test(@id, '^(?:{cid}|disqus_thread|dsq-comments)') or
        re:test(@class, '{ccls}')][
        not(self::ol or self::ul) or re:test(@id, '^(?:{cid})') or re:test(@class, '{ccls}')]
        """
    s_id = _searcher(f"^(?:{cid}|disqus_thread|dsq-comments)")
    s_id_list, s_cls = _searcher(f"^(?:{cid})"), _searcher(ccls)

    def keep(el: Any) -> bool:
        i, c = el.get("id") or "", el.get("class") or ""
        if s_cls(c):  # passes both predicates
            return True
        if not s_id(i):
            return False
        return el.tag not in ("ol", "ul") or bool(s_id_list(i))

    return path, PyPrune(path, ("div", "list", "section", "details", "ol", "ul"), keep)


def _first_of(el: Any, a: str, b: str) -> str:
    """The string value of ``@a|@b``: the first of the two attributes in document order
    (libxml2 keeps attributes in source order), ``""`` when neither is there."""
    va, vb = el.get(a), el.get(b)
    if va is None or vb is None:
        return va if va is not None else (vb or "")
    for key in el.attrib:  # attribute names, in source order
        if key == a:
            return va
        if key == b:
            return vb
    return ""  # pragma: no cover - both are attributes of el


def _overall_discard(xp: Any) -> tuple[str, PyPrune]:
    """``OVERALL_DISCARD_XPATH[0]``: navigation, share, ad, footer, meta... containers."""
    cookie = xp._alt(xp._CONSENT_ID_CLASS_TOKENS)
    ids = xp._alt(xp._OVERALL_DISCARD_BOTH_TOKENS + xp._OVERALL_DISCARD_ID_TOKENS)
    classes = xp._alt(xp._OVERALL_DISCARD_BOTH_TOKENS + xp._OVERALL_DISCARD_CLASS_TOKENS)
    path = f"""
        .//*[self::div or self::item or self::list or self::p or self::section or self::span][
        @data-lp-replacement-content or
        contains(translate(@role, 'N', 'n'), 'nav') or
        contains(@data-component, 'MostPopularStories') or
        re:test(@id|@class, '{cookie}') or
        re:test(@id, '{ids}') or
        re:test(@class, '{classes}')]
        """
    s_cookie, s_id, s_cls = _searcher(cookie), _searcher(ids), _searcher(classes)

    def keep(el: Any) -> bool:
        get = el.get
        if get("data-lp-replacement-content") is not None:
            return True
        role, comp = get("role"), get("data-component")
        if role and "nav" in role.replace("N", "n"):
            return True
        if comp and "MostPopularStories" in comp:
            return True
        i, c = get("id"), get("class")
        if i is None and c is None:
            return False
        return bool(s_cookie(_first_of(el, "id", "class")) or s_id(i or "") or s_cls(c or ""))

    return path, PyPrune(path, ("div", "item", "list", "p", "section", "span"), keep,
                         by_attributes=True)


def _overall_hidden(xp: Any) -> tuple[str, PyPrune]:
    """``OVERALL_DISCARD_XPATH[1]``: hidden elements, comment titles, reply widgets."""
    classes = ("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|"
               "hide-print| hidden| hide|noprint|notloaded")
    path = f"""
        .//*[@class='comments-title' or
        starts-with(@id|@class, 'reply-') or
        re:test(@id|@style, 'hidden') or
        contains(@style, 'display:none') or contains(@style, 'display: none') or
        re:test(@id, 'reader-comments|akismet') or
        re:test(@class, '{classes}') or @aria-hidden='true']
        """
    s_id, s_cls = _searcher("reader-comments|akismet"), _searcher(classes)

    def keep(el: Any) -> bool:
        get = el.get
        i, c, style = get("id"), get("class"), get("style")
        if i is None and c is None and style is None:
            return get("aria-hidden") == "true"
        if c == "comments-title" or _first_of(el, "id", "class").startswith("reply-"):
            return True
        if "hidden" in _first_of(el, "id", "style"):
            return True
        if style and ("display:none" in style or "display: none" in style):
            return True
        return bool((i and s_id(i)) or (c and s_cls(c)) or get("aria-hidden") == "true")

    return path, PyPrune(path, (), keep)


class PyFirst(PyPrune):
    """``(.//*[self::t1 or ...][condition])[1]``: the first such element, or none."""

    def __call__(self, tree: Any) -> list[Any]:
        keep = self.keep
        return next(([el] for el in tree.iterdescendants(*self.tags) if keep(el)), [])


class PyFirstChildren(PyPrune):
    """``.//*[self::t1 or ...][condition][1]``: each element meeting the condition that no
    earlier sibling meets it, in document order, produced lazily (trafilatura reads only
    the first)."""

    def __call__(self, tree: Any) -> Any:  # an iterator of elements
        keep, tags = self.keep, self.tags
        for el in tree.iterdescendants(*tags):
            if keep(el) and not any(keep(s) for s in el.itersiblings(*tags, preceding=True)):
                yield el


_BODY_TAGS = ("article", "div", "main", "section")


def _body_article_content(xp: Any) -> tuple[str, PyPrune]:
    """``BODY_XPATH[0]``: the article-content containers (``[1]``: the first of siblings)."""
    ids, classes = xp._alt(xp._ARTICLE_CONTENT_ID_TOKENS), xp._alt(xp._ARTICLE_CONTENT_CLASS_TOKENS)
    path = f"""
        .//*[self::article or self::div or self::main or self::section][
        @class='post' or @class='entry' or
        @itemprop='articleBody' or @id='articleContent' or
        re:test(@id, '{ids}') or
        re:test(@class, '{classes}')
        ][1]
        """
    s_id, s_cls = _searcher(ids), _searcher(classes)

    def keep(el: Any) -> bool:
        get = el.get
        i, c = get("id"), get("class")
        if c is not None and (c in ("post", "entry") or s_cls(c)):
            return True
        return get("itemprop") == "articleBody" or (i is not None and (
            i == "articleContent" or bool(s_id(i))))

    return path, PyFirstChildren(path, _BODY_TAGS, keep)


def _body_story(xp: Any) -> tuple[str, PyPrune]:
    """``BODY_XPATH[2]``: the first story container."""
    ids, classes = xp._alt(xp._STORY_ID_TOKENS), xp._alt(xp._STORY_CLASS_TOKENS)
    path = f"""
        (.//*[self::article or self::div or self::main or self::section][
        @role='article' or
        @id='article' or @id='story' or
        @class='postarea' or @class='art-postcontent' or @class='text' or @class='cell' or
        @class='story' or
        re:test(@id, '{ids}') or
        re:test(@class, 'fulltext', 'i') or
        re:test(@class, '{classes}')
        ])[1]
        """
    s_id, s_cls = _searcher(ids), _searcher(classes)
    s_full = _searcher("fulltext", re.IGNORECASE)
    named = ("postarea", "art-postcontent", "text", "cell", "story")

    def keep(el: Any) -> bool:
        get = el.get
        i, c = get("id"), get("class")
        if get("role") == "article":
            return True
        if i is not None and (i in ("article", "story") or s_id(i)):
            return True
        return c is not None and (c in named or bool(s_full(c)) or bool(s_cls(c)))

    return path, PyFirst(path, _BODY_TAGS, keep)


def _body_main_content(xp: Any) -> tuple[str, PyPrune]:
    """``BODY_XPATH[3]``: the first main-content container."""
    ids, classes = xp._alt(xp._MAIN_CONTENT_ID_TOKENS), xp._alt(xp._MAIN_CONTENT_CLASS_TOKENS)
    path = f"""
        (.//*[self::article or self::div or self::main or self::section][
        @id='content' or @class='content' or
        re:test(@id, '{ids}') or
        re:test(@class, '{classes}') or
        contains(translate(@id, 'CM','cm'), 'main-content') or
        contains(translate(@class, 'CM','cm'), 'main-content') or
        contains(translate(@class, 'CP','cp'), 'page-content')
        ])[1]
        """
    s_id, s_cls = _searcher(ids), _searcher(classes)
    cm, cp = str.maketrans("CM", "cm"), str.maketrans("CP", "cp")

    def keep(el: Any) -> bool:
        get = el.get
        i, c = get("id"), get("class")
        if i is not None and (i == "content" or s_id(i) or "main-content" in i.translate(cm)):
            return True
        return c is not None and (c == "content" or bool(s_cls(c))
                                  or "main-content" in c.translate(cm)
                                  or "page-content" in c.translate(cp))

    return path, PyFirst(path, _BODY_TAGS, keep)


#: (list name in ``trafilatura.xpaths``, index, builder of (expected XPath, replacement))
TRANSLATIONS: tuple[tuple[str, int, Callable[[Any], tuple[str, PyPrune]]], ...] = (
    ("RAW_TREE_PRUNE_XPATH", 0, _raw_tree_infinite_scroll),
    ("RAW_TREE_PRUNE_XPATH", 1, _raw_tree_share_buttons),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0, _comments_and_lists),
    ("OVERALL_DISCARD_XPATH", 0, _overall_discard),
    ("OVERALL_DISCARD_XPATH", 1, _overall_hidden),
    ("BODY_XPATH", 0, _body_article_content),
    ("BODY_XPATH", 2, _body_story),
    ("BODY_XPATH", 3, _body_main_content),
)


def _basic_clean(settings: Any) -> tuple[str, PyPrune]:
    """``settings.BASIC_CLEAN_XPATH`` (``baseline.basic_cleaning``: html2txt, the baseline
    and justext inputs): asides, footer divs, scripts, styles... and cookie banners."""
    cookie = settings._COOKIE_CONSENT_RE
    path = (".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer"
            "|.//script|.//style|.//svg|.//template"
            f"|.//*[re:test(@class, '{cookie}', 'i') or re:test(@id, '{cookie}', 'i')]")
    always = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))
    s_cookie = _searcher(cookie, re.IGNORECASE)

    def keep(el: Any) -> bool:
        tag = el.tag
        if tag in always:
            return True
        get = el.get
        c, i = get("class"), get("id")
        if c is None and i is None:
            return False
        if tag == "div" and "footer" in _first_of(el, "class", "id"):
            return True
        return bool((c is not None and s_cookie(c)) or (i is not None and s_cookie(i)))

    return path, PyPrune(path, (), keep)


def install_basic_clean(settings: Any = None, baseline: Any = None) -> bool:
    """Replace ``BASIC_CLEAN_XPATH`` where ``basic_cleaning`` looks it up (the
    ``trafilatura.baseline`` module) when its text is the one translated; True when done."""
    if settings is None or baseline is None:
        import importlib

        try:  # by module name: the package's ``baseline`` attribute is a function
            baseline = importlib.import_module("trafilatura.baseline")
            settings = importlib.import_module("trafilatura.settings")
        except ImportError:  # pragma: no cover - trafilatura is a dependency
            return False
    current = getattr(baseline, "BASIC_CLEAN_XPATH", None)
    if isinstance(current, PyPrune):
        return True
    try:
        path, replacement = _basic_clean(settings)
    except AttributeError:  # the pattern constant is gone: another version
        return False
    if current is None or _squash(str(getattr(current, "path", ""))) != _squash(path):
        return False
    baseline.BASIC_CLEAN_XPATH = replacement
    return True


def install(xp: Any = None) -> list[str]:
    """Replace the translated expressions in ``trafilatura.xpaths`` (the lists are shared
    by every module that imported them); returns the ``name[index]`` of those replaced."""
    if xp is None:
        try:
            import trafilatura.xpaths as xp
        except ImportError:  # pragma: no cover - trafilatura is a dependency
            return []
    done = []
    for name, index, build in TRANSLATIONS:
        exprs = getattr(xp, name, None)
        if not isinstance(exprs, list) or len(exprs) <= index:
            continue
        current = exprs[index]
        if isinstance(current, PyPrune):
            done.append(f"{name}[{index}]")
            continue
        try:
            path, replacement = build(xp)
        except AttributeError:  # a pattern constant is gone: another version
            continue
        if _squash(getattr(current, "path", "")) != _squash(path):
            continue
        exprs[index] = replacement
        done.append(f"{name}[{index}]")
    if xp is sys.modules.get("trafilatura.xpaths") and install_basic_clean():
        done.append("BASIC_CLEAN_XPATH")
    return done


# -- link texts read once per link-density pass -------------------------------------------

#: sha256 of ``inspect.getsource`` of the modules :func:`install_link_texts` relies on
#: (2.3.1): ``delete_by_link_density`` only reads the tree until its loop ends (the
#: deletions come after it), and ``collect_link_info`` reads each link's trimmed text;
#: ``main_extractor`` calls the pass by its own name
_LINK_SOURCES = {
    "trafilatura.htmlprocessing":
        "321b9f064ef0f27e2a1d6601fe7f150f54a69ad059f016def843d7886e19f100",
    "trafilatura.main_extractor":
        "08371cfa8748062900cc54bc985491be81efc614cef18069ab54ad98a498c620",
}
_links = threading.local()


def _source_hash(module: Any) -> str:
    import hashlib
    import inspect

    return hashlib.sha256(inspect.getsource(module).encode("utf-8")).hexdigest()


def install_link_texts() -> bool:
    """Each link's text read once per ``delete_by_link_density`` pass, not once per
    enclosing element tested (a link three ``div`` levels deep was read three times, on
    WCXB dev pages 438 link texts a page for 109 links). Within the pass the tree does not
    change until the loop is done, so a link's trimmed text is the same each time
    ``collect_link_info`` reads it; outside a pass ``collect_link_info`` is trafilatura's.
    Installed once, only on the trafilatura sources this was read from; True when on."""
    import importlib

    try:
        processing = importlib.import_module("trafilatura.htmlprocessing")
        main = importlib.import_module("trafilatura.main_extractor")
        same = {name: _source_hash(sys.modules[name]) for name in _LINK_SOURCES}
    except (ImportError, OSError, TypeError, KeyError):  # pragma: no cover
        return False
    collect = processing.collect_link_info
    if getattr(collect, "_cleaner_cached", False):
        return True
    if same != _LINK_SOURCES:
        return False
    delete = main.delete_by_link_density
    trim = processing.trim

    def scoped_delete(subtree: Any, tagname: str, backtracking: bool = False,
                      favor_precision: bool = False) -> Any:
        previous = getattr(_links, "texts", None)
        _links.texts = {}
        try:
            return delete(subtree, tagname, backtracking, favor_precision)
        finally:
            _links.texts = previous

    def cached_collect(links_xpath: list[Any]) -> tuple[int, int, int, list[str]]:
        texts: dict[Any, str] | None = getattr(_links, "texts", None)
        if texts is None:
            return collect(links_xpath)
        found = []
        for link in links_xpath:  # the element is the key: the dict keeps its proxy alive
            text = texts.get(link)
            if text is None:
                text = texts[link] = trim(link.text_content())
            if text:
                found.append(text)
        lengths = list(map(len, found))
        return sum(lengths), len(found), sum(1 for n in lengths if n < 10), found

    cached_collect._cleaner_cached = True  # type: ignore[attr-defined]
    processing.collect_link_info = cached_collect  # type: ignore[attr-defined]
    main.delete_by_link_density = scoped_delete  # type: ignore[attr-defined]
    return True
