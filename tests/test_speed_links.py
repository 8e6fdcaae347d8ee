"""``cleaner._trafilatura_prune.install_link_texts``: trafilatura's link-density passes
read each link's text once a pass and must delete exactly what stock trafilatura deletes
(a speed change, issue 13)."""

from __future__ import annotations

import gzip
import json
from copy import copy
from typing import Any

import lxml.html
import pytest
from conftest import require_shared
from lxml.html import tostring

from cleaner import _trafilatura_prune as prune

_WORDS = "A sentence of ordinary words about the town council and its budget. "


@pytest.fixture(autouse=True)
def _installed() -> None:
    assert prune.install_link_texts() is True


def _passes(tree: Any, stock: bool, precision: bool = False) -> bytes:
    """trafilatura's six link-density passes (``prune_unwanted_sections``) on ``tree``:
    stock (``htmlprocessing``'s own function, whose ``collect_link_info`` runs outside
    any pass scope) or as ``main_extractor`` calls them (cached)."""
    import importlib

    module = importlib.import_module(
        "trafilatura.htmlprocessing" if stock else "trafilatura.main_extractor")
    delete = module.delete_by_link_density
    for _ in range(2):
        delete(tree, "div", backtracking=True, favor_precision=precision)
        delete(tree, "list", backtracking=False, favor_precision=precision)
        delete(tree, "p", backtracking=False, favor_precision=precision)
    return bytes(tostring(tree))


def _same(markup: str, precision: bool = False) -> bytes:
    tree = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    before = tostring(tree)
    expected = _passes(copy(tree), stock=True, precision=precision)
    assert _passes(tree, stock=False, precision=precision) == expected
    return before


_LINK = "<ref href=\"/a\">{}</ref>"
# each row: markup (trafilatura's converted tags: ``ref`` links, ``list``/``item``), why
ROWS = [
    pytest.param("<div><div><div>" + "".join(_LINK.format(f"Headline {n}") for n in range(6))
                 + "</div></div></div><div><p>" + _WORDS * 5 + "</p></div>",
                 id="a link farm three div levels deep (each link read by three tests)"),
    pytest.param("<div><p>" + _WORDS + _LINK.format("one link") + "</p></div>"
                 "<div>" + _LINK.format("x" * 150) + "</div>",
                 id="one long link alone, one link in prose"),
    pytest.param("<list><item>" + _LINK.format("Home") + "</item><item>"
                 + _LINK.format("News") + "</item><item>" + _LINK.format("") + "</item></list>"
                 "<p>" + _WORDS * 3 + "</p>", id="a menu list with an empty link"),
    pytest.param("<div><div>" + "<p>" + _LINK.format("A " + _WORDS) + "</p>" * 6
                 + "</div></div>", id="a listing: every link alone in its paragraph"),
    pytest.param("<div>" + ("<div><span>" + _LINK.format("tag") + "</span>, </div>") * 8
                 + "</div><div>" + _WORDS * 4 + "</div>",
                 id="short linked elements, deleted by backtracking"),
    pytest.param("<div>" + _LINK.format("caf\u00e9 \u65e5\u672c \u00a0 x") * 5 + "</div>",
                 id="non-ASCII link texts and a no-break space (trimmed)"),
    pytest.param("", id="no links at all"),
]


@pytest.mark.parametrize("precision", [False, True])
@pytest.mark.parametrize("markup", ROWS)
def test_passes_delete_what_stock_deletes(markup: str, precision: bool) -> None:
    before = _same(markup, precision)
    if "ref" in markup and not precision:
        assert before != _passes(lxml.html.fromstring(
            f"<html><body>{markup}</body></html>"), stock=False)  # the rows delete something


def test_a_link_changed_between_passes_is_read_again() -> None:
    """The texts are kept for one pass only: links lengthened after a first pass (which
    read them and kept the block) make a farm for the second (stale texts would keep it)."""
    import trafilatura.htmlprocessing as processing
    import trafilatura.main_extractor as main

    markup = ("<div><p>Thirty characters of prose..</p>"
              + "".join(_LINK.format("x" * 20) for _ in range(5)) + "</div>"
              "<div><p>" + _WORDS * 8 + "</p></div>")
    ours = lxml.html.fromstring(f"<html><body>{markup}</body></html>")
    theirs = copy(ours)
    for tree, delete in ((ours, main.delete_by_link_density),
                         (theirs, processing.delete_by_link_density)):
        delete(tree, "div", backtracking=True)
        assert len(list(tree.iter("ref"))) == 5  # read, not a farm yet
        for link in tree.iter("ref"):
            link.text = "y" * 90
        delete(tree, "div", backtracking=True)
    assert tostring(ours) == tostring(theirs)
    assert not list(theirs.iter("ref"))  # now a farm: deleted


def test_outside_a_pass_collect_link_info_is_stock() -> None:
    import trafilatura.htmlprocessing as processing

    tree = lxml.html.fromstring("<html><body><div><ref>One</ref><ref>Two words</ref>"
                                "<ref> </ref></div></body></html>")
    links = list(tree.iter("ref"))
    assert processing.collect_link_info(links) == (12, 2, 2, ["One", "Two words"])
    links[0].text = "A much longer text"
    assert processing.collect_link_info(links)[0] == 27  # read again: no pass, no cache


def test_installed_only_on_the_sources_it_was_read_from(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.htmlprocessing as processing
    import trafilatura.main_extractor as main

    def collect(links: Any) -> Any:
        return None

    def delete(*args: Any, **kwargs: Any) -> Any:
        return None

    monkeypatch.setattr(processing, "collect_link_info", collect)
    monkeypatch.setattr(main, "delete_by_link_density", delete)
    monkeypatch.setitem(prune._LINK_SOURCES, "trafilatura.htmlprocessing", "0" * 64)
    assert prune.install_link_texts() is False
    assert processing.collect_link_info is collect and main.delete_by_link_density is delete
    monkeypatch.undo()
    assert prune.install_link_texts() is True


def test_passes_on_the_article_benchmark() -> None:
    """Real pages: the first 50 of the 181, cleaned and converted as trafilatura does,
    then its six passes, stock against cached, balanced and precision."""
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.settings import Extractor

    from cleaner.extract import parse_checked

    root = require_shared("data", "article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    options = Extractor(fast=True, comments=False)
    changed = 0
    for key in sorted(truth)[:50]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        raw = parse_checked(html, [])
        assert raw is not None
        tree = convert_tags(tree_cleaning(copy(raw), options), options, None)
        before = tostring(tree)
        for precision in (False, True):
            expected = _passes(copy(tree), stock=True, precision=precision)
            assert _passes(copy(tree), stock=False, precision=precision) == expected, key
            changed += expected != before
    assert changed > 50  # the passes delete on most pages
