"""``cleaner._trafilatura_prune``: trafilatura's prune XPaths as Python walks must select
exactly the elements the XPaths select, in the same order (a speed change, issue 13)."""

from __future__ import annotations

import gzip
import json
import re
from types import SimpleNamespace
from typing import Any

import lxml.html
import pytest
from conftest import require_shared
from trafilatura import xpaths

from cleaner import _trafilatura_prune as prune


def _pair(name: str, index: int) -> tuple[Any, prune.PyPrune]:
    """trafilatura's own expression (compiled afresh from its text) and the walk."""
    from lxml.etree import XPath

    if name == "BASIC_CLEAN_XPATH":
        from trafilatura import settings

        path, walk = prune._basic_clean(settings)
    else:
        build = {(n, i): b for n, i, b in prune.TRANSLATIONS}[(name, index)]
        path, walk = build(xpaths)
    return XPath(path, namespaces={"re": "http://exslt.org/regular-expressions"}), walk


def _marks(elements: list[Any]) -> list[str]:
    return [el.get("data-k", el.tag) for el in elements]


# each row: expression, markup (elements to find carry data-k), the data-k values expected
ROWS = [
    pytest.param("RAW_TREE_PRUNE_XPATH", 0,
                 '<div id="infinite-scroll" data-k="a"><p>x</p></div>'
                 '<section class="infinitescroll" data-k="b"><h1>Title</h1></section>'
                 '<aside class="mvp-post-add-box" data-k="c"><h1>T</h1></aside>',
                 ["a", "c"], id="infinite scroll: an h1 inside saves it unless mvp-post-add"),
    pytest.param("RAW_TREE_PRUNE_XPATH", 0,
                 '<span id="infinite-scroll">x</span><div id="scroll">y</div>', [],
                 id="infinite scroll: other tags and other ids are left"),
    pytest.param("RAW_TREE_PRUNE_XPATH", 1,
                 '<div class="a elementor-share-buttons--x" data-k="a"></div>'
                 '<p class="elementor-share-buttons">x</p>', ["a"],
                 id="share buttons: a substring of the class, div/section/aside only"),
    pytest.param("REMOVE_COMMENTS_AND_LISTS_XPATH", 0,
                 '<div id="comments" data-k="a"></div><div id="commentary">x</div>'
                 '<ul id="disqus_thread">x</ul><div id="disqus_thread" data-k="b"></div>'
                 '<ol class="comment-list" data-k="c"></ol><ol id="comol" data-k="d"></ol>'
                 '<div class="post-comments" data-k="e"></div><div class="x Comment">y</div>',
                 ["a", "b", "c", "d", "e"],
                 id="comments: anchored ids, disqus ids not on lists, commentary kept"),
    pytest.param("OVERALL_DISCARD_XPATH", 0,
                 '<div id="main" class="cookie-notice">kept: id comes first</div>'
                 '<div class="cookie-notice" id="main" data-k="a">x</div>'
                 '<p role="Navigation" data-k="b">x</p><span data-component="MostPopularStories"'
                 ' data-k="c">x</span><div data-lp-replacement-content="" data-k="d">x</div>'
                 '<section class="related-posts widget" data-k="e">x</section>'
                 '<div id="sharebar" data-k="f">x</div><div class="article-body">x</div>'
                 '<nav class="menu">not a candidate tag</nav>',
                 ["a", "b", "c", "d", "e", "f"],
                 id="overall: cookie tested on the first of id|class only, role, components"),
    pytest.param("OVERALL_DISCARD_XPATH", 0,
                 '<div id="main" class="cookie-notice">kept</div>'
                 '<div class="cookie-notice" id="main">found</div>'
                 '<div id="main" class="cookie-notice">kept again</div>', ["div"],
                 id="overall: the same attributes in another order, another answer (the "
                    "answer is remembered per attribute list, in order)"),
    pytest.param("OVERALL_DISCARD_XPATH", 0,
                 '<p>x</p><p class="row">y</p>' * 3 + '<p class="social">z</p><p>w</p>',
                 ["p"], id="overall: repeated attribute lists, none at all"),
    pytest.param("OVERALL_DISCARD_XPATH", 1,
                 '<div style="display:none" data-k="a">x</div>'
                 '<p id="x-hidden" style="color: red" data-k="b">id first: "hidden"</p>'
                 '<p id="y" style="hidden-ish">kept: id first, it has no "hidden"</p>'
                 '<p style="color: red" id="x-hidden">kept: style first, no "hidden"</p>'
                 '<b class="reply-button" data-k="c">x</b><i aria-hidden="true" data-k="d">x</i>'
                 '<h3 class="comments-title" data-k="e">x</h3><u class="a hidden" data-k="f">x</u>'
                 '<em class="hiddenx">kept</em><!-- a comment -->'
                 '<td id="akismet-x" data-k="g">x</td>',
                 ["a", "b", "c", "d", "e", "f", "g"],
                 id="hidden: first of id|style, any tag, comments skipped"),
    pytest.param("BODY_XPATH", 0,
                 '<div class="post-body" data-k="a"><section id="article-body" data-k="b">'
                 '</section><div class="post-text">second of its siblings</div></div>'
                 '<aside><main class="entry" data-k="c"></main></aside>'
                 '<span class="post-body">x</span>'
                 '<article itemprop="articleBody">a later sibling of the first</article>',
                 ["a", "b", "c"],
                 id="article content: the first of each parent's matching children"),
    pytest.param("BODY_XPATH", 2,
                 '<div class="x"><p>y</p></div><section class="FullText" data-k="a"></section>'
                 '<div id="story">second</div>', ["a"],
                 id="story: the first only, fulltext case-insensitive"),
    pytest.param("BODY_XPATH", 2, '<div class="stories">x</div><p id="story">y</p>', [],
                 id="story: no candidate"),
    pytest.param("BODY_XPATH", 3,
                 '<div class="x"></div><section class="Page-Content" data-k="a"></section>'
                 '<div id="content">second</div>', ["a"],
                 id="main content: translate() lowers C and P only"),
    pytest.param("BODY_XPATH", 3, '<div class="PAGE-CONTENT">x</div>', [],
                 id="main content: other capitals are not lowered"),
    pytest.param("BASIC_CLEAN_XPATH", 0,
                 '<aside data-k="a"><script data-k="b"></script></aside>'
                 '<div class="site-footer" id="x" data-k="c"></div>'
                 '<div class="wrap" id="footer">kept: class comes first</div>'
                 '<p class="Cookie-Banner" data-k="d">x</p><p class="cookies-not-set">kept</p>'
                 '<section id="onetrust-x" data-k="e"><svg data-k="f"></svg></section>'
                 '<footer data-k="g"></footer><!-- c --><template data-k="h"></template>',
                 ["a", "b", "c", "d", "e", "f", "g", "h"],
                 id="basic clean: the union in document order, nested matches, first of class|id"),
]


@pytest.mark.parametrize(("name", "index", "markup", "expected"), ROWS)
def test_walk_selects_what_the_xpath_selects(name: str, index: int, markup: str,
                                             expected: list[str]) -> None:
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    xpath, walk = _pair(name, index)
    assert _marks(xpath(tree)) == expected  # the planted truth holds for trafilatura itself
    assert list(walk(tree)) == xpath(tree)


def test_install_replaces_only_the_expressions_it_knows() -> None:
    # a stand-in for trafilatura.xpaths holding fresh XPath objects (the real lists hold
    # the walks already once a Cleaner has run in this process)
    xp = SimpleNamespace(**{k: getattr(xpaths, k) for k in dir(xpaths) if k.startswith("_")})
    for name in {n for n, _, _ in prune.TRANSLATIONS}:
        setattr(xp, name, [_pair(n, i)[0] for n, i, _ in prune.TRANSLATIONS if n == name])
    xp.BODY_XPATH.insert(1, SimpleNamespace(path="(.//article)[1]"))  # untranslated
    edited = SimpleNamespace(path=xp.RAW_TREE_PRUNE_XPATH[1].path.replace(
        "elementor-share", "elementor-sharing"))
    xp.RAW_TREE_PRUNE_XPATH[1] = edited
    del xp._COMMENTS_CLASS  # a pattern constant gone: that expression is left alone
    done = prune.install(xp)
    assert done == ["RAW_TREE_PRUNE_XPATH[0]", "OVERALL_DISCARD_XPATH[0]",
                    "OVERALL_DISCARD_XPATH[1]", "BODY_XPATH[0]", "BODY_XPATH[2]",
                    "BODY_XPATH[3]"]
    assert xp.RAW_TREE_PRUNE_XPATH[1] is edited
    assert not isinstance(xp.REMOVE_COMMENTS_AND_LISTS_XPATH[0], prune.PyPrune)
    assert not isinstance(xp.BODY_XPATH[1], prune.PyPrune)
    assert isinstance(xp.OVERALL_DISCARD_XPATH[1], prune.PyPrune)
    assert prune.install(xp) == done  # idempotent


def test_install_basic_clean_only_on_its_text() -> None:
    from lxml.etree import XPath
    from trafilatura import settings

    path, _ = prune._basic_clean(settings)
    ns = {"re": "http://exslt.org/regular-expressions"}
    base = SimpleNamespace(BASIC_CLEAN_XPATH=XPath(path, namespaces=ns))
    assert prune.install_basic_clean(settings, base) is True
    assert isinstance(base.BASIC_CLEAN_XPATH, prune.PyPrune)
    other = SimpleNamespace(BASIC_CLEAN_XPATH=XPath(path.replace(".//aside|", ""), namespaces=ns))
    assert prune.install_basic_clean(settings, other) is False
    assert not isinstance(other.BASIC_CLEAN_XPATH, prune.PyPrune)


def test_the_pipeline_runs_on_the_walks() -> None:
    from cleaner import Cleaner

    Cleaner().clean("<html><body><article><p>" + "A sentence of words. " * 30
                    + "</p></article></body></html>")
    import importlib

    baseline = importlib.import_module("trafilatura.baseline")
    for name, index, _ in prune.TRANSLATIONS:
        assert isinstance(getattr(xpaths, name)[index], prune.PyPrune), (name, index)
    assert isinstance(baseline.BASIC_CLEAN_XPATH, prune.PyPrune)


def test_same_elements_on_the_article_benchmark() -> None:
    """181 real pages: every translated expression against trafilatura's, element by element."""
    from trafilatura.utils import load_html

    root = require_shared("data", "article-extraction-benchmark")
    pairs = {(n, i): _pair(n, i) for n, i, _ in prune.TRANSLATIONS}
    pairs["BASIC_CLEAN_XPATH", 0] = _pair("BASIC_CLEAN_XPATH", 0)
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    found = dict.fromkeys(pairs, 0)
    for key in sorted(truth):
        tree = load_html(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()))
        for k, (xpath, walk) in pairs.items():
            expected = xpath(tree)
            assert list(walk(tree)) == expected, (key, k)
            found[k] += len(expected)
    assert len(truth) == 181
    assert all(n > 0 for n in found.values()), found  # every expression matched something


# each row: pattern, flags, values tested in this order (repeats hit the cache), why
SEARCH_ROWS = [
    pytest.param("^shar|social|(?:^| )ad-", 0,
                 ["share-row", "x social", "ad-slot", "x ad-slot", "xad-slot", "share-row",
                  "sharing", "ad-slot", "", "ad-slot"],
                 id="anchored and spaced alternatives, repeats, the empty value"),
    pytest.param("fulltext", re.IGNORECASE, ["FullText body", "fulltext", "full text", "FULLTEXT"],
                 id="re.IGNORECASE (the story container's class test)"),
    pytest.param("^(?:comments|disqus_thread)", 0,
                 ["comments", "comments-1", "xcomments", "disqus_thread", "comments"],
                 id="an anchored id test"),
]


@pytest.mark.parametrize(("pattern", "flags", "values"), SEARCH_ROWS)
@pytest.mark.parametrize("size", [prune.SEARCH_CACHE_SIZE, 2])
def test_cached_search_is_re_search(pattern: str, flags: int, values: list[str], size: int,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered answer is ``re.search``'s, also after the cache was emptied
    (``size`` 2: every third new value starts it again)."""

    monkeypatch.setattr(prune, "SEARCH_CACHE_SIZE", size)
    test = prune._searcher(pattern, flags)
    expected = [re.search(pattern, v, flags) is not None for v in values]
    assert any(expected) and not all(expected)  # the rows plant both answers
    assert [test(v) for v in values] == expected
    assert [test(v) for v in reversed(values)] == expected[::-1]


def test_cached_search_on_random_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 values drawn from 300 (so most are repeats) against ``re.search``, with a
    cache of 64 (emptied again and again)."""
    import random

    monkeypatch.setattr(prune, "SEARCH_CACHE_SIZE", 64)
    rng = random.Random(13)
    pattern = xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS
                          + xpaths._OVERALL_DISCARD_CLASS_TOKENS)
    words = ["col-md-4", "share", "nav", "post", "ad", "menu", "x", "footer", "widget", "-",
             " ", "social", "content", "main", "tag", "a"]
    pool = ["".join(rng.choice(words) for _ in range(rng.randint(0, 4))) for _ in range(300)]
    test = prune._searcher(pattern)
    values = [rng.choice(pool) for _ in range(20_000)]
    got = [test(v) for v in values]
    assert got == [re.search(pattern, v) is not None for v in values]
    assert 0 < sum(got) < len(got)


def test_a_walk_twice_on_one_tree_is_the_xpath(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second walk answers from the cache (the same class on 200 elements)."""
    monkeypatch.setattr(prune, "SEARCH_CACHE_SIZE", 8)
    markup = ('<div class="col-md-4"><p>x</p></div><div class="share-row" data-k="s">y</div>'
              * 100)
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    xpath, walk = _pair("OVERALL_DISCARD_XPATH", 0)
    expected = xpath(tree)
    assert len(expected) == 100
    assert list(walk(tree)) == expected
    assert list(walk(tree)) == expected


def test_the_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker memory: 10,000 distinct values leave at most ``SEARCH_CACHE_SIZE`` kept."""
    monkeypatch.setattr(prune, "SEARCH_CACHE_SIZE", 100)
    test = prune._searcher("^shar|social")
    for n in range(10_000):
        test(f"value-{n}")
    kept = [c.cell_contents for c in test.__closure__ or ()
            if isinstance(c.cell_contents, dict)]
    assert len(kept) == 1 and 0 < len(kept[0]) <= 100


def _kept(fn: Any) -> dict[Any, bool]:
    cells = [c.cell_contents for c in fn.__closure__ or () if isinstance(c.cell_contents, dict)]
    assert len(cells) == 1
    return cells[0]


def test_the_caches_keep_a_bounded_number_of_characters(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker memory on a page of huge attributes: 300 values of 10,000 characters leave
    at most ``SEARCH_CACHE_CHARS`` characters kept, value lists alike."""
    monkeypatch.setattr(prune, "SEARCH_CACHE_CHARS", 50_000)
    test = prune._searcher("^shar|social")
    for n in range(300):
        assert test(f"{n:05d}" + "x" * 10_000) is False
    assert 0 < sum(map(len, _kept(test))) <= 50_000
    _, walk = _pair("OVERALL_DISCARD_XPATH", 0)
    markup = "".join(f'<div class="c{n} {"y" * 10_000}">x</div>' for n in range(300))
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    assert list(walk(tree)) == []
    kept = _kept(walk.keep)
    assert 0 < sum(len(k) + len(v) for key in kept for k, v in key) <= 50_000
