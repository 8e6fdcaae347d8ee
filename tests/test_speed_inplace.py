"""``cleaner._trafilatura_inplace``: trafilatura working on our tree itself (no copy of the
raw tree) must give trafilatura's result and leave the tree exactly as it was (a speed
change, issue 13)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import lxml.html
import pytest
from conftest import require_shared
from lxml.etree import XPath
from lxml.html import tostring

from cleaner import _trafilatura_inplace as inplace
from cleaner.extract import _skip_unused_backup, parse_checked

_WORDS = "A sentence of ordinary words about the town council and its budget. "


def _tree(markup: str) -> Any:
    tree = parse_checked(markup, [])
    assert tree is not None
    return tree


def _result(doc: Any) -> Any:
    if doc is None:
        return None
    comments = None if doc.commentsbody is None else tostring(doc.commentsbody)
    return tostring(doc.body), doc.raw_text, comments


# each row: markup, XPath of the elements deleted (in that order), why
PRUNE_ROWS = [
    pytest.param("<div>a<p>x</p>t1<span>s</span>t2<b>b</b>t3</div>", "//span|//p|//b",
                 id="tails joined to the parent's text and to a sibling's tail, out of order"),
    pytest.param("<div><p>x</p></div>", "//p", id="first child, no tail, parent text None"),
    pytest.param("<div>lead<i>i</i><p>x</p>tail</div>", "//p",
                 id="tail joined to a previous sibling without a tail"),
    pytest.param("<div><section>a<p>in</p>b<p>in2</p>c</section>after</div>",
                 "//section|//section/p",
                 id="a match inside an already deleted match (trafilatura deletes both)"),
    pytest.param("<ul><li>1</li>x<li>2</li>y<li>3</li>z</ul>", "//li",
                 id="every child deleted, each tail joined in turn"),
    pytest.param("<div>caf\u00e9 <b>na\u00efve</b> \u65e5\u672c\u8a9e<i>\u0627\u0644</i>"
                 "\u00ad\u200btail</div>", "//b|//i",
                 id="non-ASCII text, soft hyphen and zero-width space in tails"),
    pytest.param("<div>&amp;<b>&lt;x&gt;</b>&quot;&nbsp;</div>", "//b",
                 id="entities in text and tails"),
    pytest.param("<div " + "data-x=\"" + "y" * 100_000 + "\">a<p>x</p>b</div>", "//p",
                 id="a 100,000-character attribute"),
    pytest.param("<div>" + "<div>d" * 400 + "<p>deep</p>tail" + "</div>" * 400 + "</div>",
                 "//p|//div[@class]", id="a 400-level deep tree"),
    pytest.param("", "//p", id="empty body: nothing deleted"),
]


@pytest.mark.parametrize(("markup", "path"), PRUNE_ROWS)
def test_journaled_delete_matches_trafilatura_and_undoes(markup: str, path: str) -> None:
    from trafilatura.xml import delete_element

    html = f"<html><body>{markup}</body></html>"
    theirs, ours = _tree(html), _tree(html)
    before = tostring(ours)
    for el in XPath(path)(theirs):
        delete_element(el)
    journal: list[Any] = []
    for el in XPath(path)(ours):
        inplace._delete(el, journal)
    assert tostring(ours) == tostring(theirs)  # the same pruned tree as trafilatura's
    inplace._undo(journal)
    assert tostring(ours) == before
    assert journal == []


def test_installed_on_the_trafilatura_it_mirrors() -> None:
    """Fails when trafilatura's core or baseline source changes: reread them (which
    functions take the raw tree, whether they still only prune it) and update the hashes."""
    import trafilatura

    assert trafilatura.__version__ == "2.3.1"
    assert inplace.install() is True


def test_stock_trafilatura_copies_an_element_and_prunes_only_the_copy() -> None:
    """The premise: trafilatura's raw-tree prune changes the tree it works on (so with a
    copy, the caller's tree is unchanged; without one, ours would lose its comments)."""
    import trafilatura.core as core

    html = ("<html><body><article><p>" + _WORDS * 20 + "</p></article>"
            "<div id=\"comments\"><p>" + _WORDS + "</p></div></body></html>")
    seen: list[Any] = []

    def spy(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
        seen.append(tree)
        return original(tree, nodelist, with_backup)

    original = core.prune_unwanted_nodes
    tree = _tree(html)
    before = tostring(tree)
    core.prune_unwanted_nodes = spy
    try:
        core.bare_extraction(tree, fast=True, include_comments=False)
    finally:
        core.prune_unwanted_nodes = original
    assert tostring(tree) == before
    assert seen and all(t is not tree for t in seen)  # pruned: trafilatura's copy
    assert seen[0].find(".//div[@id='comments']") is None


PAGES = [
    pytest.param("<html><body><article><p>" + _WORDS * 30 + "</p></article>"
                 "<div id=\"comments\"><p>" + _WORDS * 3 + "</p></div>"
                 "<div class=\"elementor-share-buttons\">Share</div>tail</body></html>",
                 id="an article with a comment section and share buttons (both pruned)"),
    pytest.param("<html><body><div><p>" + _WORDS + "</p></div><div id=\"comments\">"
                 + "<p>" + _WORDS * 5 + "</p>" * 1 + "</div>" + "<p>x</p>" * 50
                 + "</body></html>", id="short extraction: baseline and escalation run"),
    pytest.param("<html><body><ol class=\"comment-list\"><li>" + _WORDS * 4 + "</li></ol>"
                 "<script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\"}"
                 "</script></body></html>", id="a forum thread: comment lists kept"),
    pytest.param("<html><body></body></html>", id="empty body"),
    pytest.param("<html><body><p>\u0000\u0007text" + "x" * 10 + "</p></body></html>",
                 id="XML-illegal characters (removed by parse_checked)"),
    pytest.param("<html><body>" + "<div>" * 300 + "<p>" + _WORDS * 10 + "</p>"
                 + "</div>" * 300 + "</body></html>", id="a deep tree"),
]


@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("comments", [False, True])
def test_same_result_and_tree_as_trafilatura(html: str, fast: bool, comments: bool) -> None:
    import trafilatura

    _skip_unused_backup()
    tree = _tree(html)
    before = tostring(tree)
    kw = {"output_format": "txt", "fast": fast, "include_comments": comments,
          "with_metadata": False}
    expected = _result(trafilatura.bare_extraction(tree, **kw))
    assert _result(inplace.bare_extraction(tree, **kw)) == expected
    assert tostring(tree) == before


def test_undone_when_trafilatura_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.core as core
    from trafilatura.xpaths import REMOVE_COMMENTS_AND_LISTS_XPATH

    def failing_sequence(tree: Any, options: Any, url: Any = None) -> Any:
        core.prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
        assert tree.find(".//div[@id='comments']") is None  # pruned in place
        raise RuntimeError("boom")

    tree = _tree("<html><body><p>x</p><div id=\"comments\">c</div>t</body></html>")
    before = tostring(tree)
    inplace.install()
    monkeypatch.setattr(core, "trafilatura_sequence", failing_sequence)
    with pytest.raises(RuntimeError, match="boom"):
        inplace.bare_extraction(tree, fast=True, include_comments=False)
    assert tostring(tree) == before
    assert getattr(inplace._state, "journal", None) is None


def test_a_prune_it_cannot_journal_falls_back_to_the_copy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.core as core
    from trafilatura.xpaths import REMOVE_COMMENTS_AND_LISTS_XPATH

    sequence = core.trafilatura_sequence
    calls: list[bool] = []

    def backup_prune_sequence(tree: Any, options: Any, url: Any = None) -> Any:
        calls.append(True)
        core.prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH, with_backup=True)
        return sequence(tree, options, url)

    html = "<html><body><article><p>" + _WORDS * 20 + "</p></article></body></html>"
    tree = _tree(html)
    before = tostring(tree)
    inplace.install()
    monkeypatch.setattr(core, "trafilatura_sequence", backup_prune_sequence)
    doc = inplace.bare_extraction(tree, fast=True, include_comments=False)
    assert len(calls) == 2  # the in-place try, then trafilatura with its copy
    assert doc is not None and "town council" in doc.raw_text
    assert tostring(tree) == before


def test_other_callers_are_delegated() -> None:
    """The wrappers change nothing for a call that is not an in-place extraction."""
    import trafilatura
    import trafilatura.core as core

    inplace.install()
    html = "<html><body><article><p>" + _WORDS * 20 + "</p></article></body></html>"
    assert core.load_html(html) is not None
    tree = lxml.html.fromstring(html)
    assert core.load_html(tree) is tree
    assert "town council" in (trafilatura.extract(html) or "")


def test_same_result_and_tree_on_the_article_benchmark(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Real pages: the first 40 of the 181, fast and fallback mode."""
    import trafilatura

    root = require_shared("data", "article-extraction-benchmark")
    _skip_unused_backup()
    deleted: list[Any] = []
    delete = inplace._delete

    def counting(element: Any, journal: list[Any]) -> None:
        deleted.append(element.tag)
        delete(element, journal)

    monkeypatch.setattr(inplace, "_delete", counting)
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth)[:40]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = parse_checked(html, [])
        assert tree is not None
        before = tostring(tree)
        for fast in (True, False):
            kw = {"url": truth[key].get("url"), "output_format": "txt", "fast": fast,
                  "include_comments": False, "with_metadata": False}
            expected = _result(trafilatura.bare_extraction(tree, **kw))
            assert _result(inplace.bare_extraction(tree, **kw)) == expected, (key, fast)
            assert tostring(tree) == before, (key, fast)
    assert len(deleted) > 20  # the pages exercise the journal
