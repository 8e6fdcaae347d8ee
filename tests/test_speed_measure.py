"""``cleaner.extract.page_measure``: the escalation gate's page measure computed in one walk
must be ``len(trafilatura.baseline.html2txt(tree))`` exactly, on planted and random trees,
and leave the tree untouched (a speed change, issue 13)."""

from __future__ import annotations

import gzip
import importlib
import json
import random
import re
from typing import Any

import lxml.etree
import lxml.html
import pytest
from conftest import require_shared

from cleaner._trafilatura_prune import _basic_clean
from cleaner.extract import _basic_clean_test, page_measure

_baseline = importlib.import_module("trafilatura.baseline")
_BLOCKS = frozenset(_baseline._BLOCK_ELEMS)


def _xpath_test(body: Any) -> Any:
    """The membership test from trafilatura's own XPath (compiled afresh from its text)."""
    from trafilatura import settings

    path, _ = _basic_clean(settings)
    xpath = lxml.etree.XPath(path, namespaces={"re": "http://exslt.org/regular-expressions"})
    return set(xpath(body)).__contains__


_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check(tree: Any) -> int:
    """The measure of ``tree`` both ways; -1 when the walk declines, which it must do
    when html2txt raises (a character XML forbids written into a text) and may do only
    when the body holds such a character (pages are parsed without them)."""
    body = tree.find(".//body")
    before = lxml.html.tostring(tree)
    walk = page_measure(body, _BLOCKS, _basic_clean_test(_baseline, body))
    by_xpath = page_measure(body, _BLOCKS, _xpath_test(body))
    assert lxml.html.tostring(tree) == before, "the walk must leave the tree untouched"
    try:
        expected = len(_baseline.html2txt(tree))
    except ValueError:
        assert walk is None and by_xpath is None
        return -1
    if walk is None:
        assert by_xpath is None and _C0.search(body.text_content())
        return -1
    assert walk == by_xpath == expected
    return expected


_W = "Plain words of page text. "
# each row: body markup, why
ROWS = [
    pytest.param("<p>" + _W * 4 + "</p>", id="plain paragraph"),
    pytest.param("<p>a</p><p>b</p><div>c</div><li>d</li><span>e</span><span>f</span>",
                 id="minified blocks split words, inline elements do not"),
    pytest.param("<p>glued<script>var x = 1;</script>word</p>",
                 id="a deleted script inside a word: its tail joins the word"),
    pytest.param("<aside>side <script>n(1)</script> note</aside>tail<p>body</p>",
                 id="a script inside a deleted aside"),
    pytest.param("<div class='site-footer'>legal</div><div id='x' class='footer'>kept? no"
                 "</div><div class='x' id='footer'>kept</div><p>p</p>",
                 id="footer divs: the first of class and id in attribute order"),
    pytest.param("<div id='cookie-banner'>We use cookies</div><p>kept</p>"
                 "<section class='CookieConsent'>x</section>", id="cookie banners (regex)"),
    pytest.param("<p>bell\x07ring</p><span>\x0c</span>",
                 id="C0 controls (parsed away on pages): the walk declines"),
    pytest.param("<p>bell</p><span>in\u00adline\u200bspan</span><p>soft\u00adhyphen"
                 "\u200bzero</p>", id="control characters: removed in blocks only"),
    pytest.param("<p>a<script>s</script>\u00adtail</p><span>b<script>s</script>\u00adt</span>"
                 "<p>c</p><script>s</script>\u00adafter block<span>x</span><script>s"
                 "</script>\u00adafter span",
                 id="a deleted element's tail: filtered as the slot it joins (block or not)"),
    pytest.param("<div><script>1</script>\u00adfirst<script>2</script>\u00adsecond</div>"
                 "<span><style>1</style>\u00adfirst</span>",
                 id="tails of first children join the parent's text, one after another"),
    pytest.param("<p>x<!-- a comment -->\u00adcomment tail<script>s</script>\u00adafter</p>",
                 id="a comment: its text is left out, its tail and a deleted tail after it "
                    "stay unfiltered"),
    pytest.param("<p>x<?pi data?>\u00adpi tail</p>", id="a processing instruction"),
    pytest.param("<br>a<br/>b<hr>c", id="void block elements get their spaces too"),
    pytest.param("<div>   spaced \n\t out   </div>  \n ", id="white space runs"),
    pytest.param("", id="an empty body"),
    pytest.param("<script>only()</script>", id="nothing left after cleaning"),
    pytest.param("<div>" * 300 + "deep" + "</div>" * 300, id="a deep tree"),
    pytest.param("<p title='" + "t" * 100_000 + "'>" + "w " * 50_000 + "</p>",
                 id="a huge attribute and a long text"),
    pytest.param("<p>caf\u00e9 \u65e5\u672c\u8a9e\u3000\u0627\u0644\u0639\u0631\u0628\u064a"
                 "\u0629\u00a0nbsp\u2028line</p>", id="other scripts and Unicode spaces"),
]


@pytest.mark.parametrize("body", ROWS)
def test_page_measure_is_html2txt_length(body: str) -> None:
    parser = lxml.html.HTMLParser()  # keeps comments and processing instructions
    tree = lxml.html.fromstring(f"<html><head><title>t</title></head><body>{body}</body>"
                                "</html>", parser=parser)
    _check(tree)


def test_an_entity_reference_is_left_to_html2txt() -> None:
    tree = lxml.html.fromstring("<html><body><p>a</p></body></html>")
    tree.find(".//p").append(lxml.etree.Entity("nbsp"))
    body = tree.find(".//body")
    assert page_measure(body, _BLOCKS, _basic_clean_test(_baseline, body)) is None


_PIECES = ["word", "two words", " ", "\n", "\u00ad", "\u200b", "caf\u00e9", "\t x ", "", "w"]
_TAGS = ["p", "div", "span", "b", "li", "br", "script", "style", "aside", "footer", "svg",
         "section", "a", "td"]
_ATTRS = ["", " class='footer'", " id='cookie-notice'", " class='x' id='footer'",
          " class='site-footer x'"]


def _random_markup(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(0, 4)):
        out.append(rng.choice(_PIECES))
        if depth < 5 and rng.random() < 0.7:
            tag = rng.choice(_TAGS)
            attrs = rng.choice(_ATTRS)
            if tag == "br":
                out.append("<br>")
            else:
                out.append(f"<{tag}{attrs}>{_random_markup(rng, depth + 1)}</{tag}>")
        if rng.random() < 0.1:
            out.append("<!--c-->")
    return "".join(out)


def test_page_measure_on_random_trees() -> None:
    rng = random.Random(13)
    lengths = []
    for _ in range(1500):
        markup = "".join(_random_markup(rng) for _ in range(4))
        if rng.random() < 0.02:
            markup += "<p>\x07</p>"
        html = f"<html><body>{markup}</body></html>"
        lengths.append(_check(lxml.html.fromstring(html, parser=lxml.html.HTMLParser())))
    assert len(set(lengths)) > 50  # the trees differ
    assert sum(n >= 0 for n in lengths) > 1000  # most are measured, not declined


def test_page_measure_on_the_article_benchmark() -> None:
    """Real pages, raw trees (no prune): the measure of every one of the first 60."""
    from cleaner.extract import parse_checked

    root = require_shared("data", "article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth)[:60]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = parse_checked(html, [])
        assert tree is not None and tree.find(".//body") is not None
        assert _check(tree) > 0, key


# each row: body markup of the elements the bound takes out, why
CLEANED_ROWS = [
    pytest.param("<aside><script>1</script><footer>f</footer></aside><svg><style>s</style>"
                 "</svg><template><p>t</p></template><fencedframe>x</fencedframe>",
                 id="every tag, nested ones too"),
    pytest.param("<div class='footer-x' id='a'>1</div><div id='site-footer'>2</div>"
                 "<div id='x' class='footer'>3</div><section class='footer'>no</section>"
                 "<div class='Footer'>no</div>", id="footer divs: first of class and id"),
    pytest.param("<p>nothing here</p>", id="none"),
]


@pytest.mark.parametrize("body", CLEANED_ROWS)
def test_always_cleaned_is_the_xpath_union(body: str) -> None:
    from cleaner.extract import _ALWAYS_CLEANED_XPATH, _always_cleaned

    tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
    el = tree.find(".//body")
    found = _always_cleaned(el)
    assert len(found) == len(set(found))  # each once: the bound subtracts each once
    assert set(found) == set(el.xpath(_ALWAYS_CLEANED_XPATH))


def test_always_cleaned_on_the_article_benchmark() -> None:
    from cleaner.extract import _ALWAYS_CLEANED_XPATH, _always_cleaned, parse_checked

    root = require_shared("data", "article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    total = 0
    for key in sorted(truth):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = parse_checked(html, [])
        assert tree is not None
        body = tree.find(".//body")
        if body is None:
            continue
        found = _always_cleaned(body)
        assert len(found) == len(set(found)), key
        assert set(found) == set(body.xpath(_ALWAYS_CLEANED_XPATH)), key
        total += len(found)
    assert total > 1000
