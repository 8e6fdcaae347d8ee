"""``cleaner._trafilatura_justext``: jusText's paragraphs for trafilatura's rescue made by a
walk instead of SAX events must be jusText's own, attribute for attribute, and classify
the same (a speed change, issue 13)."""

from __future__ import annotations

import gzip
import json
import random
from copy import deepcopy
from typing import Any

import lxml.etree
import lxml.html
import pytest
from conftest import require_shared
from justext.core import ParagraphMaker as StockMaker
from justext.core import classify_paragraphs, revise_paragraph_classification

from cleaner import _trafilatura_justext as jt

Fast = jt.paragraph_maker()
_PROSE = ("The council met on Tuesday and the members of the board agreed that it would "
          "be best for all of them to wait until the end of the year. ")


def _stoplist() -> Any:
    import trafilatura.external as external

    return external.JT_STOPLIST or external.jt_stoplist_init()


def _paragraphs(maker: Any, tree: Any) -> list[tuple[Any, ...]]:
    """Every paragraph attribute making and classification write, after both."""
    found = maker.make_paragraphs(tree)
    classify_paragraphs(found, _stoplist(), 50, 150, 0.1, 0.2, 0.25, True)
    revise_paragraph_classification(found, 150)
    return [(p.dom_path, p.xpath, p.text, list(p.text_nodes), p.chars_count_in_links,
             p.tags_count, p.cf_class, p.class_type, p.heading, len(p), p.words_count,
             p.is_boilerplate) for p in found]


def _same(tree: Any) -> list[tuple[Any, ...]]:
    expected = _paragraphs(StockMaker, tree)
    assert _paragraphs(Fast, tree) == expected
    return expected


# each row: the body's markup, why it is here
ROWS = [
    pytest.param(f"<p>{_PROSE}</p><p>{_PROSE * 2}</p>", id="two good paragraphs"),
    pytest.param(f"<div>one<br>two<br><br>three <a href='/x'>link text</a> tail</div>"
                 f"<p>{_PROSE}</p>",
                 id="br, br br as a separator, a link's characters counted"),
    pytest.param(f"<p>a<!-- a comment -->b<?pi data?>c</p><!--x-->tail<p>{_PROSE}</p>",
                 id="comments and processing instructions pass only their tails"),
    pytest.param("<p> \t x\r\ny \xa0 z\u2003w </p><p>a\x1cb\x85c\u2028d</p><p>plain text</p>",
                 id="white space normalize_whitespace changes (tabs, CR, NBSP, Unicode)"),
    pytest.param("<p>single spaces only</p><p>two  spaces</p><p>\nline</p>",
                 id="texts normalize_whitespace leaves or changes by a run"),
    pytest.param(f"<h2>Heading</h2><div>{_PROSE}</div><h3>Late</h3><p>short</p>"
                 f"<div><div><p>{_PROSE}</p></div></div>",
                 id="headings near good text; nested blocks give paths of depth"),
    pytest.param(f"<select><option>{_PROSE}</option></select><p>{_PROSE}</p>",
                 id="a select in the DOM path makes a paragraph bad"),
    pytest.param("<div><span>a</span><span>b</span><span>c</span></div>"
                 "<ul><li>x</li><li>y</li><li>z</li></ul><div>© 2024 Company</div>",
                 id="sibling order counted per tag in the XPath; a copyright line"),
    pytest.param("<p></p><div> </div><p>   \n  </p>", id="only blank text: no paragraph"),
    pytest.param("", id="an empty body"),
    pytest.param("<p>日本語の文章です。" * 20 + "</p><p>Ελληνικά κείμενα</p>",
                 id="other scripts"),
    pytest.param("<fb:like>social</fb:like><o:p>office</o:p><p>after</p>",
                 id="prefixed tag names as the HTML parser keeps them"),
]


@pytest.mark.parametrize("body", ROWS)
def test_planted_pages(body: str) -> None:
    tree = lxml.html.fromstring(f"<html><head><title>t</title></head><body>{body}</body>"
                                "</html>tail of the root")
    _same(tree)


def test_the_rows_classify() -> None:
    """The premise: the planted pages give good, bad and short paragraphs, so a change in
    what the classification reads would show."""
    classes = set()
    for row in ROWS:
        tree = lxml.html.fromstring(f"<html><body>{row.values[0]}</body></html>")
        classes.update(p[6] for p in _same(tree))
    assert {"good", "bad", "short"} <= classes


def test_a_planted_difference_is_seen() -> None:
    """The comparison can fail: a tail the walk would miss changes the paragraphs."""
    tree = lxml.html.fromstring(f"<html><body><p>{_PROSE}</p><b>x</b>tail words</body></html>")
    without = deepcopy(tree)
    b = without.find(".//b")
    assert b is not None
    b.tail = None
    assert _paragraphs(StockMaker, tree) != _paragraphs(Fast, without)


def test_processing_instruction_siblings_of_the_root() -> None:
    """saxify reads the processing instructions before and after the root element."""
    doc = lxml.etree.fromstring(
        "<?a one?><?b two?><html><body><p>text</p></body></html><?c three?>")
    root = doc.getroottree().getroot()
    _same(root)
    _same(root.getroottree())  # an ElementTree: saxify reads its root


def test_nodes_the_walk_does_not_read_go_to_jusText() -> None:
    """An entity reference and a namespaced tag: jusText's own make_paragraphs runs."""
    tree = lxml.html.fromstring(f"<html><body><p>{_PROSE}</p><p>x</p></body></html>")
    p = tree.findall(".//p")[1]
    p.append(lxml.etree.Entity("amp"))
    with pytest.raises(TypeError):  # what stock saxify does with one
        StockMaker.make_paragraphs(tree)
    with pytest.raises(TypeError):
        Fast.make_paragraphs(tree)
    tree = lxml.html.fromstring(f"<html><body><p>{_PROSE}</p></body></html>")
    body = tree.find("body")
    assert body is not None
    lxml.etree.SubElement(body, "{urn:x}svg").text = "namespaced"
    _same(tree)


def test_deep_trees() -> None:
    tree = lxml.html.fromstring("<html><body></body></html>")
    el = tree.find("body")
    assert el is not None
    for n in range(3000):
        el = lxml.etree.SubElement(el, "div" if n % 3 else "p")
        el.text, el.tail = f"level {n} ", " after"
    assert len(_same(tree)) > 1000


def test_random_trees() -> None:
    rng = random.Random(13)
    tags = ["div", "p", "a", "br", "span", "h2", "li", "ul", "select", "td", "b"]
    texts = ["", " ", "word", _PROSE, "  two\n\nlines ", "\xa0x", "©", "a\tb"]
    for _ in range(300):
        root = lxml.html.fromstring("<html><body></body></html>")
        body = root.find("body")
        assert body is not None
        nodes = [body]
        for _ in range(rng.randint(1, 40)):
            parent = rng.choice(nodes)
            kind = rng.random()
            child = (lxml.etree.Comment("c") if kind < 0.05
                     else lxml.etree.SubElement(parent, rng.choice(tags)))
            if kind < 0.05:
                parent.append(child)
            else:
                child.text = rng.choice(texts)
                nodes.append(child)
            child.tail = rng.choice(texts)
        _same(root)


def test_try_justext_result() -> None:
    """trafilatura's ``try_justext`` with either maker: the same body."""
    import trafilatura.external as external

    tree = lxml.html.fromstring(f"<html><body><div>{_PROSE}</div><div><a href='/'>Home</a>"
                                f"</div><p>{_PROSE * 2}</p></body></html>")
    results = []
    for maker in (StockMaker, Fast):
        saved = external.ParagraphMaker
        external.ParagraphMaker = maker
        try:
            body = external.try_justext(deepcopy(tree), None, None)
        finally:
            external.ParagraphMaker = saved
        results.append(lxml.etree.tostring(body))
    assert results[0] == results[1]
    assert b"council" in results[0]


def test_installed_on_the_files_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.external as external

    assert jt.install() is True
    assert external.ParagraphMaker is Fast
    monkeypatch.setattr(jt, "_installed", None)
    monkeypatch.setitem(jt._EXPECTED_SOURCES, "justext.core", "0" * 64)
    monkeypatch.setattr(external, "ParagraphMaker", StockMaker)
    assert jt.install() is False
    assert external.ParagraphMaker is StockMaker


def test_real_pages() -> None:
    """The first 40 article pages: the raw tree (the escalation's input) and the
    basic-cleaned tree (what ``justext_rescue`` hands jusText)."""
    from trafilatura.baseline import basic_cleaning

    from cleaner.extract import parse_checked

    root = require_shared("data", "article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    good = 0
    for key in sorted(truth)[:40]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = parse_checked(html, [])
        assert tree is not None
        _same(tree)
        good += sum(p[7] == "good" for p in _same(basic_cleaning(deepcopy(tree))))
    assert good > 40
