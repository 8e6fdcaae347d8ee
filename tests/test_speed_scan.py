"""``cleaner.extract.scan_tree``: one walk of the parsed page must find exactly what the
walks it replaces found (main containers, hidden elements, whether a deep table can
exist): a speed change, issue 13."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import lxml.html
import pytest
from conftest import require_shared

from cleaner import Cleaner
from cleaner.extract import (
    _DEEP_TABLES,
    MAX_TABLE_DEPTH,
    _html_parser,
    _parse_bytes,
    parse_checked,
    scan_tree,
)
from cleaner.pagekind import _SIGNAL_TAGS, _main_containers, page_signals

#: the hidden-element test as ``ExtractStage._drop_hidden`` wrote it before the scan
_REF_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _reference_hidden(tree: Any) -> list[Any]:
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "template", "head"):
            continue
        attrib = el.attrib
        if ("hidden" in attrib or attrib.get("aria-hidden") == "true"
                or ("style" in attrib and _REF_STYLE.search(attrib["style"]))):
            found.append(el)
    return found


def _marks(elements: list[Any]) -> list[str]:
    return [el.get("data-k", el.tag) for el in elements]


def _tree(markup: str) -> Any:
    """``markup`` parsed as the extract stage parses it, without its taming of long tags
    (which would drop the huge attributes planted below)."""
    tree = _parse_bytes(markup.encode("utf-8"), _html_parser())
    assert tree is not None
    return tree


# each row: page, data-k of the main containers, of the hidden elements, tables, why
ROWS = [
    pytest.param('<html><body><main data-k="m"><article data-k="a">x</article></main>'
                 '<div role="main" data-k="r">y</div><div role="Main">no</div>'
                 '<div itemprop="articleBody" data-k="b"></div><span itemprop="text" '
                 'data-k="t"></span><div itemprop="name">no</div></body></html>',
                 ["m", "a", "r", "b", "t"], [], 0,
                 id="main containers: tags, role=main (case-sensitive), two itemprops"),
    pytest.param('<html><body><main role="main" itemprop="text" data-k="m">x</main>'
                 '</body></html>', ["m"], [], 0,
                 id="a main tag with role and itemprop counts once"),
    pytest.param('<html><body><div hidden data-k="h">a</div><p aria-hidden="true" '
                 'data-k="ah">b</p><p aria-hidden="false">c</p><div style="color:red;'
                 'DISPLAY : None" data-k="s">d</div><div style="visibility:hidden" '
                 'data-k="v">e</div><div style="display:block">f</div></body></html>',
                 [], ["h", "ah", "s", "v"], 0,
                 id="hidden: the attribute, aria-hidden true only, both styles any case"),
    pytest.param('<html><head><style hidden>x</style></head><body><script hidden>x'
                 '</script><template style="display:none"><p>t</p></template>'
                 '<article hidden data-k="a">x</article></body></html>',
                 ["a"], ["a"], 0,
                 id="script, style, template and head are never hidden; main and hidden"),
    pytest.param('<html hidden data-k="root"><body><p>x</p></body></html>', [], ["root"], 0,
                 id="the root element itself hidden"),
    pytest.param("<html><body>" + "<table><tr><td>" * 5 + "x" + "</td></tr></table>" * 5
                 + "<table><tr><td>y</td></tr></table></body></html>", [], [], 6,
                 id="nested and sibling tables are counted"),
    pytest.param("<html><body><p>a</p></body></html><html><body><table><tr><td>x</td>"
                 "</tr></table><main>m</main></body></html>", [], [], 1,
                 id="a second html root (a broken page): its tables count, as //table's"),
    pytest.param("<html><body><div " + 'data-x="' + "y" * 100_000 + '" style="' + " " * 50_000
                 + 'display:none" data-k="big">x</div></body></html>', [], ["big"], 0,
                 id="huge attributes"),
    pytest.param("<html><body>" + "<div>" * 400 + '<main data-k="deep">x</main>'
                 + "</div>" * 400 + "</body></html>", ["deep"], [], 0, id="a deep tree"),
    pytest.param("<html><body></body></html>", [], [], 0, id="an empty body"),
    pytest.param("<html><head><meta property='og:type' content='x'><script>1</script>"
                 "</head><body><p>a<pre>b</pre></p><article data-k='a'><p>c<script "
                 "type='application/ld+json'>{}</script></p></article><pre><p>d</p></pre>"
                 "<svg><script>s</script></svg><template><p>t</p></template></body></html>",
                 ["a"], [], 0, id="signal tags in head, nested, in svg and template"),
]


@pytest.mark.parametrize(("markup", "mains", "hidden", "tables"), ROWS)
def test_scan_finds_what_the_separate_walks_find(
        markup: str, mains: list[str], hidden: list[str], tables: int) -> None:
    tree = _tree(markup)
    scan = scan_tree(tree)
    assert _marks(scan.mains) == mains
    assert _marks(scan.hidden) == hidden
    assert scan.tables == tables
    assert scan.mains == _main_containers(tree)
    assert scan.hidden == _reference_hidden(tree)
    assert scan.tables == int(tree.xpath("count(//table)"))
    assert scan.elements == int(tree.xpath("count(//*)"))
    assert scan.tagged == list(tree.iter(*_SIGNAL_TAGS))
    assert page_signals(tree, scan.mains, scan.tagged) == page_signals(tree)


def test_a_fragment_root_is_scanned_by_the_separate_walks() -> None:
    tree = lxml.html.fromstring('<div><main>a</main><p hidden>b</p></div>')
    inner = tree.find("p")
    scan = scan_tree(inner)
    assert scan.mains == _main_containers(inner) and len(scan.mains) == 1
    assert scan.hidden == _reference_hidden(inner) == [inner]
    assert scan.elements == int(inner.xpath("count(//*)")) == 5  # the whole document's
    assert scan.tagged is None  # page_signals walks the fragment itself


def test_deep_tables_are_still_flattened_after_the_table_count() -> None:
    """17 nested tables: the count lets the deep-table XPath run, and it finds the 17th."""
    depth = MAX_TABLE_DEPTH + 1
    html = ("<html><body>" + "<table><tr><td>" * depth + "A sentence in a cell. " * 20
            + "</td></tr></table>" * depth + "</body></html>")
    tree = _tree(html)
    assert scan_tree(tree).tables == depth and len(tree.xpath(_DEEP_TABLES)) == 1
    result = Cleaner().clean(html, format="html")
    marks = [f for f in result.document.findings if f.rule == "flattened_tables"]
    assert len(marks) == 1 and marks[0].detail["tags"] == 1
    shallow = html.replace("<table><tr><td>", "", 1).replace("</td></tr></table>", "", 1)
    result = Cleaner().clean(shallow, format="html")
    assert not [f for f in result.document.findings if f.rule == "flattened_tables"]


def test_same_scan_on_the_article_benchmark() -> None:
    root = require_shared("data", "article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    seen = [0, 0]
    for key in sorted(truth):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = parse_checked(html, [])
        assert tree is not None
        scan = scan_tree(tree)
        assert scan.mains == _main_containers(tree), key
        assert scan.hidden == _reference_hidden(tree), key
        assert scan.tables == int(tree.xpath("count(//table)")), key
        assert scan.elements == int(tree.xpath("count(//*)")), key
        assert scan.tagged == list(tree.iter(*_SIGNAL_TAGS)), key
        assert page_signals(tree, scan.mains, scan.tagged) == page_signals(tree), key
        if scan.tables <= MAX_TABLE_DEPTH:
            assert tree.xpath(_DEEP_TABLES) == [], key
        seen[0] += len(scan.mains)
        seen[1] += len(scan.hidden)
    assert seen[0] > 100 and seen[1] > 100, seen  # the pages exercise both lists


def test_the_element_count_leaves_out_comments_and_instructions() -> None:
    """``count(//*)`` counts elements only: a tree that keeps comments and processing
    instructions (lxml's default parser) is counted the same."""
    tree = lxml.html.document_fromstring(
        "<html><body><!-- a --><p>x<!-- b --></p><?pi y?><div>z</div></body></html>")
    assert len(list(tree.iter())) > int(tree.xpath("count(//*)"))
    assert scan_tree(tree).elements == int(tree.xpath("count(//*)")) == 4


_WORDS = "river stone market winter garden engine letter harbour window orchard".split()
_ARTICLE = ("<html><head><meta property='og:type' content='article'></head><body><article>"
            "<h1>A headline for the story</h1>" + "".join(
                f"<p>The {a} and the {b} were seen near the {c} on day {i}, as the report"
                f" of the {b} committee said in its {a} notes.</p>"
                for i, (a, b, c) in enumerate(zip(_WORDS, _WORDS[3:] + _WORDS[:3],
                                                  _WORDS[6:] + _WORDS[:6], strict=True)))
            + "{}</article></body></html>")

#: (hidden markup inside an article page, why): the scan's hint elements after the drops
#: must be what a walk of the tree finds
HIDDEN_ROWS = [
    pytest.param("<div hidden><p>Hidden paragraph</p><ul><li>x</li></ul></div>",
                 id="a hidden container of hint elements"),
    pytest.param("<div aria-hidden='true'><span style='display:none'><a href='/'>in</a>"
                 "</span><p>p</p></div><p hidden>own</p>", id="hidden inside hidden"),
    pytest.param("<span aria-hidden='true'></span><p>after <a href='/'>link</a></p>",
                 id="a hidden element without text is dropped too"),
    pytest.param("<ul><li>one</li><li hidden>two</li><li>three</li></ul>",
                 id="a hidden hint element between kept ones"),
    pytest.param("", id="nothing hidden"),
]


@pytest.mark.parametrize("hidden", HIDDEN_ROWS)
def test_collect_markup_reads_what_a_walk_finds(
        hidden: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.extract as extract

    real = extract.collect_markup
    given: list[bool] = []

    def spy(tree: Any, wanted: Any = None, elements: Any = None) -> Any:
        if elements is not None:
            assert elements == list(tree.iter(*extract._HINT_TAGS))
        given.append(elements is not None)
        return real(tree, wanted, elements)

    monkeypatch.setattr(extract, "collect_markup", spy)
    result = Cleaner().clean(_ARTICLE.format(hidden), format="html")
    info = result.document.meta["extraction"]
    assert "hidden_restored" not in info, info  # the page is whole without them
    assert given == [True], "the stage passes the scan's elements"
    dropped = [f for f in result.document.findings if f.rule == "hidden_element"]
    assert bool(dropped) == bool(re.search(r"hidden>|style=", hidden))


def test_collect_markup_reads_what_a_walk_finds_on_the_article_benchmark(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.extract as extract

    root = require_shared("data", "article-extraction-benchmark")
    real = extract.collect_markup
    seen = {"given": 0, "with_drops": 0}

    def spy(tree: Any, wanted: Any = None, elements: Any = None) -> Any:
        if elements is not None:
            assert elements == list(tree.iter(*extract._HINT_TAGS))
            seen["given"] += 1
        return real(tree, wanted, elements)

    monkeypatch.setattr(extract, "collect_markup", spy)
    cleaner = Cleaner()
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth)[::3]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        result = cleaner.clean(html, format="html")
        seen["with_drops"] += any(f.rule == "hidden_element" for f in result.document.findings)
    assert seen["given"] > 50 and seen["with_drops"] > 10, seen


def test_after_the_hidden_text_is_restored_the_new_tree_is_walked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page still truncated without its hidden text is extracted again from a new parse
    (``_restore_hidden``): the first tree's elements are not the new tree's."""
    import cleaner.extract as extract

    real = extract.collect_markup
    given: list[bool] = []

    def spy(tree: Any, wanted: Any = None, elements: Any = None) -> Any:
        if elements is not None:
            assert elements == list(tree.iter(*extract._HINT_TAGS))
        given.append(elements is not None)
        return real(tree, wanted, elements)

    monkeypatch.setattr(extract, "collect_markup", spy)
    page = ("<html><head><meta property='og:type' content='article'></head><body><article>"
            "<h1>A headline for the story</h1>" + "<p>A sentence of the story, long enough"
            " to be read as prose by the extractor.</p>" * 8
            + "<div hidden><p>Hidden paragraph</p><ul><li>x</li></ul></div>"
            "</article></body></html>")
    result = Cleaner().clean(page, format="html")
    assert "hidden_restored" in result.document.meta["extraction"]
    assert given == [False]
