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
    _HINT_TAGS,
    MAX_TABLE_DEPTH,
    _html_parser,
    _parse_bytes,
    parse_checked,
    scan_tree,
    still_attached,
)
from cleaner.pagekind import _main_containers

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


def test_a_fragment_root_is_scanned_by_the_separate_walks() -> None:
    tree = lxml.html.fromstring('<div><main>a</main><p hidden>b</p></div>')
    inner = tree.find("p")
    scan = scan_tree(inner)
    assert scan.mains == _main_containers(inner) and len(scan.mains) == 1
    assert scan.hidden == _reference_hidden(inner) == [inner]


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
        if scan.tables <= MAX_TABLE_DEPTH:
            assert tree.xpath(_DEEP_TABLES) == [], key
        assert scan.hint_elements == list(tree.iter(*_HINT_TAGS)), key
        seen[0] += len(scan.mains)
        seen[1] += len(scan.hidden)
    assert seen[0] > 100 and seen[1] > 100, seen  # the pages exercise both lists


#: (page, the marks of collect_markup's elements after the hidden ones are dropped, why):
#: the scan's list, filtered by ``still_attached``, must be the tag walk of the tree as
#: ``collect_markup`` sees it (after ``_drop_hidden``)
HINT_ROWS = [
    pytest.param("<html><body><p data-k='1'>a</p><div><li data-k='2'><a data-k='3'>b</a>"
                 "</li></div><td data-k='4'>c</td></body></html>", ["1", "2", "3", "4"],
                 id="nested hint tags in document order, non-hint tags skipped"),
    pytest.param("<html><body><p data-k='1'>a</p><div hidden><p data-k='2'>b</p>"
                 "<li data-k='3'>c</li></div><p data-k='4'>d</p></body></html>", ["1", "4"],
                 id="the hint elements inside a dropped hidden container"),
    pytest.param("<html><body><div hidden><div aria-hidden='true'><p data-k='1'>a</p>"
                 "</div></div><h2 data-k='2' style='display:none'>t</h2><h3 data-k='3'>"
                 "u</h3></body></html>", ["3"],
                 id="hidden inside hidden, and a hidden hint element itself"),
    pytest.param("<html hidden><body><p data-k='1'>a</p></body></html>", ["1"],
                 id="a hidden root is never dropped: nothing filtered"),
    pytest.param("<html><body><main><article><p data-k='1'>a</p></article></main>"
                 "<table><tr><td data-k='2'>b</td></tr></table></body></html>", ["1", "2"],
                 id="main containers and tables are not hint tags, their children are"),
    pytest.param("<html><body><div>" + "<div>" * 300 + "<p data-k='1' style='"
                 + "x" * 5000 + ";display: none'>a</p>" + "</div>" * 300
                 + "<p data-k='2'>b</p></div></body></html>", ["2"],
                 id="deep tree, huge style attribute that hides"),
    pytest.param("<html><body></body></html>", [], id="an empty body"),
]


@pytest.mark.parametrize(("markup", "expected"), HINT_ROWS)
def test_scan_hint_elements_after_the_hidden_drop_are_the_tag_walk(
        markup: str, expected: list[str]) -> None:
    tree = _tree(markup)
    scan = scan_tree(tree)
    assert scan.hint_elements == list(tree.iter(*_HINT_TAGS))
    for el in scan.hidden:  # as ExtractStage._drop_hidden drops them
        if el.getparent() is not None:
            el.drop_tree()
    assert scan.hint_elements is not None
    kept = still_attached(scan.hint_elements, scan.hidden, tree)
    assert _marks(kept) == expected
    assert kept == list(tree.iter(*_HINT_TAGS))


def test_a_fragment_root_has_no_hint_list() -> None:
    tree = lxml.html.fromstring("<div><p>a</p><p>b</p></div>")
    assert scan_tree(tree.find("p")).hint_elements is None


def test_markup_from_the_scan_list_is_the_walk_s() -> None:
    """The pipeline's markup equals collect_markup's own tag walk on a page with hidden
    elements dropped (an article: they are dropped there)."""
    from cleaner.extract import collect_markup, norm_key

    html = ("<html><body><article><h1>Title of it</h1>"
            + "<p>A sentence of the story that goes on. </p>" * 30
            + "<div hidden><p>Hidden words here.</p></div><ul class='related'>"
            + "<li><a href='/x'>Related link one</a></li></ul></article></body></html>")
    result = Cleaner().clean(html, format="html")
    blocks = result.document.blocks
    assert blocks
    tree = _tree(html)
    for el in tree.iter():
        if el.get("hidden") is not None:
            el.drop_tree()
    ref = collect_markup(tree, wanted={norm_key(b.text) for b in blocks})
    assert [b.markup for b in blocks] == [ref.get(norm_key(b.text)) for b in blocks]
    assert all(b.markup is not None for b in blocks)
