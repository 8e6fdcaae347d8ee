"""``cleaner._trafilatura_inplace.reuse``: the fallback extraction of a tree after its fast
extraction reuses what the fast one computed (``extract_content``'s result, the escalation
gate's page measures) and must give stock trafilatura's fallback result (a speed change,
issue 13)."""

from __future__ import annotations

import gzip
import json
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import require_shared
from lxml.html import tostring

from cleaner import _trafilatura_inplace as inplace
from cleaner.extract import _skip_unused_backup, parse_checked

_WORDS = "A sentence of ordinary words about the town council and its budget. "
_KW: dict[str, Any] = {"output_format": "txt", "include_comments": False,
                       "with_metadata": False}


def _tree(markup: str) -> Any:
    tree = parse_checked(markup, [])
    assert tree is not None
    return tree


def _result(doc: Any) -> Any:
    if doc is None:
        return None
    return tostring(doc.body), doc.raw_text


@pytest.fixture
def hits(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Memo look-ups that found a value, by key (``extract_content`` or a measure)."""
    found: dict[str, int] = {}
    original = inplace._Memo.find

    def counting(self: Any, key: Any, options: Any) -> tuple[bool, Any]:
        ok, value = original(self, key, options)
        name = key[0] if isinstance(key, tuple) else key
        found[name] = found.get(name, 0) + ok
        return ok, value

    monkeypatch.setattr(inplace._Memo, "find", counting)
    return found


def _fast_then_fallback(tree: Any, url: str | None = None) -> tuple[Any, Any]:
    """What the extract stage does: fast, then fallback, on one tree within ``reuse``."""
    with inplace.reuse(tree):
        fast = _result(inplace.bare_extraction(tree, url=url, fast=True, **_KW))
        fallback = _result(inplace.bare_extraction(tree, url=url, fast=False, **_KW))
    return fast, fallback


def _stock(tree: Any, fast: bool, url: str | None = None) -> Any:
    import trafilatura

    return _result(trafilatura.bare_extraction(tree, url=url, fast=fast, **_KW))


# each row: a page, the memo keys its fallback call must find (the fast call's values)
PAGES = [
    pytest.param("<html><body><article><p>" + _WORDS * 60 + "</p></article></body></html>",
                 {"extract_content"},
                 id="a long article (over 3,000 characters: no gate): the main pass reused"),
    pytest.param("<html><body><article><p>" + _WORDS * 30 + "</p></article>"
                 "<div id=\"comments\"><p>" + _WORDS * 3 + "</p></div></body></html>",
                 {"extract_content", "page_measure_bound"},
                 id="a shorter article: the gate's bound reused (comments pruned in both)"),
    pytest.param("<html><body><article><p>" + _WORDS * 6 + "</p></article>"
                 "<div class=\"menu\">" + ("<a href=\"/x\">" + _WORDS + "</a>") * 40
                 + "</div></body></html>",
                 {"extract_content", "page_measure_bound", "page_measure"},
                 id="a short article in a long page: the exact measure and the retry reused"),
    pytest.param("<html><body><p class=\"teaser\">" + _WORDS * 2 + "</p><p>" + _WORDS
                 + "</p></body></html>", {"page_measure_bound"},
                 id="wild text recovered (reads fast: keeps teasers): no result reused"),
]


@pytest.mark.parametrize(("html", "reused"), PAGES)
def test_fallback_after_fast_is_stock_fallback(
        html: str, reused: set[str], hits: dict[str, int]) -> None:
    _skip_unused_backup()
    tree = _tree(html)
    before = tostring(tree)
    expected = (_stock(tree, True), _stock(tree, False))
    hits.clear()
    assert _fast_then_fallback(tree) == expected
    assert {k for k, n in hits.items() if n} == reused
    assert tostring(tree) == before


def test_nothing_reused_outside_reuse_or_for_another_tree(hits: dict[str, int]) -> None:
    _skip_unused_backup()
    html = "<html><body><article><p>" + _WORDS * 30 + "</p></article></body></html>"
    tree, other = _tree(html), _tree(html)
    for fast in (True, False):
        inplace.bare_extraction(tree, fast=fast, **_KW)
    with inplace.reuse(other):
        for fast in (True, False):
            inplace.bare_extraction(tree, fast=fast, **_KW)
    assert not any(hits.values())
    assert inplace.memo_find(tree, "page_measure") == (False, None)


def test_memo_keys_on_options_and_the_raw_tree_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value is found only under equal options but ``fast`` and the same journal (the
    elements the raw-tree prunes deleted, compared by identity, in order)."""
    tree = _tree("<html><body><div id=\"a\">a</div><div id=\"b\">b</div></body></html>")
    a, b = tree.get_element_by_id("a"), tree.get_element_by_id("b")
    base = SimpleNamespace(fast=True, focus="balanced", comments=False)
    memo = inplace._Memo(tree)
    monkeypatch.setattr(inplace._state, "journal", [(a, None, None, None)], raising=False)
    memo.add("k", base, "value")
    assert memo.find("k", SimpleNamespace(fast=False, focus="balanced", comments=False)) \
        == (True, "value")
    assert memo.find("k", SimpleNamespace(fast=True, focus="recall", comments=False)) \
        == (False, None)  # another option
    assert memo.find("other", base) == (False, None)  # another key
    for journal in ([], [(b, None, None, None)], [(a, None, None, None)] * 2):
        monkeypatch.setattr(inplace._state, "journal", journal)
        assert memo.find("k", base) == (False, None), journal  # another raw-tree state


def test_dedup_is_never_reused(hits: dict[str, int]) -> None:
    """``dedup`` keeps a cache between calls: the second call's result may differ."""
    import trafilatura.core as core
    from trafilatura.settings import Extractor

    _skip_unused_backup()
    inplace.install()
    tree = _tree("<html><body><article><p>" + _WORDS * 30 + "</p></article></body></html>")
    with inplace.reuse(tree):
        inplace._state.root, inplace._state.journal = tree, []
        try:
            for fast in (True, False):
                options = Extractor(fast=fast, dedup=True)
                core.extract_content(_tree(tostring(tree).decode()), options)
        finally:
            inplace._state.root = inplace._state.journal = None
    assert not any(hits.values())


def test_reuse_is_installed_on_the_main_extractor_it_was_read_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails when trafilatura's main_extractor changes: reread where it reads
    ``options.fast`` and what state it keeps, then update the hash."""
    inplace.install()
    assert inplace._reuse_ok is True
    sentinel = object()
    fake = SimpleNamespace(extract_content=sentinel)
    monkeypatch.setattr(inplace, "_reuse_ok", False)
    monkeypatch.setitem(inplace._REUSE_SOURCES, "trafilatura.main_extractor", "0" * 64)
    inplace._install_reuse(fake)
    assert inplace._reuse_ok is False
    assert fake.extract_content is sentinel  # left as it was


def test_fallback_after_fast_on_the_article_benchmark(hits: dict[str, int]) -> None:
    """Real pages: the first 60 of the 181, fast then fallback as the extract stage runs
    them, against stock trafilatura's fast and fallback results."""
    root = require_shared("data", "article-extraction-benchmark")
    _skip_unused_backup()
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth)[:60]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        tree = _tree(html)
        url = truth[key].get("url")
        expected = (_stock(tree, True, url), _stock(tree, False, url))
        assert _fast_then_fallback(tree, url) == expected, key
    assert hits.get("extract_content", 0) > 40  # the pages exercise the reuse
