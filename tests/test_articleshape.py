"""Issue #11, article pages (``cleaner.articleshape``): a fast body that is the site's
menus gives way to trafilatura's fallback body; embedded tweets are unwrapped so they are
kept; the other chunks of a body cut into sibling containers are added; the lists and
headings of the body's container that trafilatura's wild-text recovery lost are put back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import lxml.html
import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.articleshape import (
    append_body_chunks,
    body_chunks,
    fallback_better,
    lost_parts,
    menu_shaped,
    restore_lost_parts,
    sentence_words,
    unwrap_embedded_posts,
)
from cleaner.extract import ExtractStage

SENTENCE = "The city's home care team found two of its five cars broken into this morning."
MENU = [f"Menu item {i}" for i in range(200)]


@pytest.mark.parametrize(
    ("texts", "expected", "reason"),
    [
        ([SENTENCE], (1, 15, 15), "one sentence of fifteen words"),
        (["Contact us", "About"], (2, 3, 0), "menu entries: no sentence words"),
        (["Five words end here."], (1, 4, 0), "four words with a full stop: under half the bar"),
        (["One two three four five."], (1, 5, 5), "five words with a full stop: a sentence"),
        (["One two three four five"], (1, 5, 0), "five words without an ending: not one"),
        (["one two three four five six seven eight nine ten"], (1, 10, 10),
         "ten words: a sentence with or without an ending"),
        (["東京都の介護チームは今朝、車が壊されているのを見つけた。"], (1, 13, 13),
         "unspaced script: counted by characters, ended by a full stop"),
    ],
)
def test_sentence_words(texts: list[str], expected: tuple[int, int, int], reason: str) -> None:
    assert sentence_words(texts) == expected, reason


@pytest.mark.parametrize(
    ("shape", "expected", "reason"),
    [
        ((853, 1202, 118), True, "the benchmark page: 853 menu lines around one news item"),
        ((59, 120, 0), False, "under 60 blocks: a short page, not judged"),
        ((60, 120, 0), True, "60 blocks, no sentences"),
        ((200, 1000, 249), True, "just under a quarter in sentences"),
        ((200, 1000, 250), False, "a quarter in sentences: an article with many list items"),
        ((515, 3562, 1175), False, "WCXB's most list-like article (0.33): left alone"),
    ],
)
def test_menu_shaped(shape: tuple[int, int, int], expected: bool, reason: str) -> None:
    assert menu_shaped(shape) is expected, reason


@pytest.mark.parametrize(
    ("fast", "alt", "expected", "reason"),
    [
        ((853, 1202, 118), (5, 103, 95), True, "the news item alone: shorter, in sentences"),
        ((853, 1202, 118), (5, 50, 45), False, "under half the fast body's sentence words"),
        ((853, 1202, 118), (900, 1300, 200), False, "longer: not a replacement"),
        ((853, 1202, 118), (400, 600, 59), True, "half as long with exactly half the sentences"),
        ((853, 1202, 118), (400, 600, 58), False, "one sentence word under half"),
        ((853, 1202, 118), (300, 590, 58), False, "no more sentence-like than the fast body"),
        ((853, 1202, 118), (0, 0, 0), False, "an empty fallback"),
    ],
)
def test_fallback_better(
    fast: tuple[int, int, int], alt: tuple[int, int, int], expected: bool, reason: str
) -> None:
    assert fallback_better(fast, alt) is expected, reason


def _body(texts: list[str]) -> Any:
    return lxml.html.fromstring("<body>" + "".join(f"<p>{t}</p>" for t in texts) + "</body>")


ARTICLE = [SENTENCE, "Patients booked for the morning are being rescheduled by the health office."]


@pytest.mark.parametrize(
    ("fast_texts", "alt_texts", "path", "reason"),
    [
        (MENU + ARTICLE, ARTICLE, "fallback", "menus around the article: the fallback's body"),
        (MENU + ARTICLE, MENU[:50], "fast", "the fallback lost the article: fast kept"),
        (ARTICLE * 40, ARTICLE, "fast", "a long article: the fallback is not asked"),
    ],
)
def test_menu_fallback_end_to_end(
    monkeypatch: pytest.MonkeyPatch, fast_texts: list[str], alt_texts: list[str], path: str,
    reason: str,
) -> None:
    calls: list[bool] = []

    def fake(self: ExtractStage, tree: Any, url: str | None, *, fast: bool,
             comments: bool = False) -> Any:
        calls.append(fast)
        return _body(fast_texts if fast else alt_texts)

    monkeypatch.setattr(ExtractStage, "_trafilatura", fake)
    monkeypatch.setattr("cleaner.extract.suspect_truncation", lambda *a, **k: None)
    cfg = CleanerConfig(stages=("extract", "assemble"))
    result = Cleaner(cfg).clean("<html><body><p>x</p></body></html>", format="html")
    info = result.report.to_dict()["extraction"]
    assert info["path"] == path, reason
    if path == "fallback":
        assert info["path_reason"] == "menu_shaped"
        assert info["menu_shaped"]["blocks"] == len(fast_texts)
        assert "Menu item" not in result.text and SENTENCE in result.text
    else:
        assert "menu_shaped" not in info
        assert SENTENCE in result.text or alt_texts == ARTICLE
    assert calls[0] is True
    assert (False in calls) is (fast_texts == MENU + ARTICLE), reason


TWEET = ('<blockquote class="twitter-tweet"><p>Yes this is real and the state spent half a'
         ' million dollars on it</p>— A Reader (@reader) <a href="https://twitter.com/r/1">'
         'November 18, 2019</a></blockquote>')
PROSE = ("<p>A whole lot of people on social media pointed out what was wrong with the new"
         " slogan of the state's anti-drug campaign on Monday morning.</p>")


@pytest.mark.parametrize(
    ("html", "count", "stripped", "kept", "reason"),
    [
        (f'<div class="social-media-embed">{TWEET}</div>', 1, 2, (),
         "the embed wrapper holds only the tweet: both lose class and id"),
        (f'<div class="social-media-embed" id="e1"><div class="embed">{TWEET}</div></div>', 1,
         3, (), "two wrappers around one tweet"),
        (f'<div class="article-body">{PROSE}<div class="social">{TWEET}</div></div>', 1, 2,
         ("article-body",), "the article's container holds more than the tweet: kept"),
        (f'<div class="share-buttons"><a>Share</a></div>{PROSE}', 0, 0, ("share-buttons",),
         "no embedded post: share buttons untouched"),
        ('<blockquote class="twitter-tweet-not"><p>x</p></blockquote>', 0, 0,
         ("twitter-tweet-not",), "a class token that only starts like the embed's"),
    ],
)
def test_unwrap_embedded_posts(
    html: str, count: int, stripped: int, kept: tuple[str, ...], reason: str
) -> None:
    tree = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    before = sum(1 for el in tree.iter() if el.get("class") is not None)
    assert unwrap_embedded_posts(tree, html) == count, reason
    after = sum(1 for el in tree.iter() if el.get("class") is not None)
    assert before - after == stripped, reason
    for cls in kept:
        assert tree.xpath(f'//*[@class="{cls}"]'), reason


def test_embedded_post_reaches_the_text() -> None:
    para = " ".join([PROSE] * 3)
    page = (f'<html><body><article><h1>Slogan</h1>{para}'
            f'<div class="social-media-embed">{TWEET}</div>{para}</article></body></html>')
    on = Cleaner(CleanerConfig(stages=("extract", "assemble"))).clean(page, format="html")
    assert "half a million dollars" in on.text
    assert on.report.to_dict()["extraction"]["embedded_posts"] == 1
    off_cfg = CleanerConfig(stages=("extract", "assemble"))
    off_cfg = replace(off_cfg, extraction=replace(off_cfg.extraction, keep_embedded_posts=False))
    off = Cleaner(off_cfg).clean(page, format="html")
    assert "half a million dollars" not in off.text, "trafilatura drops the embed (planted)"


def _para(i: int) -> str:
    return (f"<p>Paragraph {i} of the story goes on about the banks that expect their"
            f" customers to be short of money, and what they sell them.</p>")


def _chunked(cls: str, first: range, second: range, gap: str = "") -> str:
    one = "".join(_para(i) for i in first)
    two = "".join(_para(i) for i in second)
    return (f'<html><body><article><div class="chunks"><div class="grid"><div class="{cls}">'
            f'{one}</div></div><div class="ad">Advertisement</div><div class="grid">{gap}'
            f'<div class="{cls}">{two}</div></div></div></article></body></html>')


@pytest.mark.parametrize(
    ("html", "body_paras", "expected", "reason"),
    [
        (_chunked("article__body", range(4), range(4, 7)), range(4), [(True, [4, 5, 6])],
         "a second chunk of the article body, two levels up: its paragraphs"),
        (_chunked("article__body", range(4), range(4, 7)), range(7), [],
         "every paragraph already in the body"),
        (_chunked("wrapper", range(4), range(4, 7)), range(4), [],
         "a class that names no text container"),
        (_chunked("article__body", range(4), range(4, 6)).replace(
            "</div></div></div></article>",
            "<p>DON'T MISS <a>Plague warning: officials name eight deadly diseases</a>"
            " <a>Holidaymakers quarantined after a flight from the coast</a></p>"
            "</div></div></div></article>"), range(4), [(True, [4, 5])],
         "a headline row of links in the chunk: recirculation, left out"),
        (_chunked("article__body", range(4), range(4, 7), gap='<div class="x"><div>'),
         range(4), [], "unclosed gap: the chunk is three levels down, too far"),
    ],
)
def test_body_chunks(
    html: str, body_paras: range, expected: list[tuple[bool, list[int]]], reason: str
) -> None:
    tree = lxml.html.fromstring(html)
    body = lxml.html.fromstring("<div>" + "".join(_para(i) for i in body_paras) + "</div>")
    got = [(after, [int(t.split()[1]) for t in texts]) for after, texts in body_chunks(tree, body)]
    assert got == expected, reason


def test_body_chunks_before_the_container_go_first() -> None:
    tree = lxml.html.fromstring(_chunked("story-text", range(3), range(3, 6)))
    body = lxml.html.fromstring("<div>" + "".join(_para(i) for i in range(3, 6)) + "</div>")
    assert append_body_chunks(tree, body) == 3
    assert [p.text.split()[1] for p in body.iter("p")] == ["0", "1", "2", "3", "4", "5"]


_UL = "<ul><li>Saves the reader some time on busy days</li><li>Costs less than it did</li></ul>"
_MENU = ('<ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li>'
         '<li><a href="/c">Sports and weather</a></li></ul>')


def _post(inner: str) -> str:
    return f'<html><body><div class="prose post-area">{inner}</div></body></html>'


@pytest.mark.parametrize(
    ("container", "body_paras", "expected", "reason"),
    [
        (_para(0) + _para(1) + _UL + _para(2), range(3), [(1, "ul")],
         "a list between two body paragraphs: put back after the first"),
        (_para(0) + _para(1) + "<h2>What the banks sell</h2>" + _para(2), range(3),
         [(1, "h2")], "a heading between body paragraphs"),
        (_para(0) + _para(1) + _MENU + _para(2), range(3), [],
         "a list of links (a menu) between paragraphs: left out"),
        (_para(0) + _para(1) + _UL.replace("<ul>", '<ul class="related-posts">') + _para(2),
         range(3), [], "a list named like furniture: left out"),
        (_para(0) + _para(1) + _UL, range(2), [(1, "ul")],
         "a list directly after the last body paragraph (it introduces it)"),
        (_para(0) + _para(1) + "<div>Share this</div>" + _UL, range(2), [],
         "a list after the last paragraph, not directly: the page's furniture"),
        (_para(0) + _para(1) + "<h2>More from us</h2>", range(2), [],
         "a heading after the last paragraph: nothing follows it"),
        (_UL + _para(0) + _para(1), range(2), [],
         "a list before the first body paragraph: left out"),
        (_para(0) + _UL + _para(5), range(1), [],
         "one body paragraph in the container: no container"),
        (_para(0) + _para(1) + _UL + _para(2), "with list", [],
         "the list is in the body already (trafilatura's own list)"),
    ],
)
def test_lost_parts(container: str, body_paras: range | str, expected: list[tuple[int, str]],
                    reason: str) -> None:
    tree = lxml.html.fromstring(_post(container))
    if isinstance(body_paras, str):  # the body as trafilatura's main pass makes it
        inner = (_para(0) + _para(1) + "<list><item>Saves the reader some time on busy days"
                 "</item><item>Costs less than it did</item></list>" + _para(2))
    else:
        inner = "".join(_para(i) for i in body_paras)
    body = lxml.html.fromstring("<div>" + inner + "</div>")
    got = [(int(anchor.text.split()[1]), el.tag) for anchor, el in lost_parts(tree, body)]
    assert got == expected, reason


def test_restore_lost_parts_in_page_order() -> None:
    tree = lxml.html.fromstring(_post(
        _para(0) + "<h3>Why</h3>" + _UL + _para(1) + _para(2) + "<ol><li>Last one</li></ol>"))
    body = lxml.html.fromstring("<div>" + "".join(_para(i) for i in range(3)) + "</div>")
    assert restore_lost_parts(tree, body) == (2, 1)
    assert [el.tag for el in body] == ["p", "head", "list", "p", "p", "list"]
    assert [it.text for it in body[2]] == ["Saves the reader some time on busy days",
                                           "Costs less than it did"]


def test_lost_list_reaches_the_text() -> None:
    import trafilatura

    page = _post(_para(0) + _para(1) + "<h2>What the banks sell</h2>" + _para(2) + _UL
                 + _para(3))
    fast = trafilatura.extract(page, fast=True) or ""
    assert "Costs less than it did" not in fast, "trafilatura's recovery drops it (planted)"
    assert "Paragraph 3" in fast
    got = Cleaner(CleanerConfig(stages=("extract", "assemble"))).clean(page, format="html")
    assert "Costs less than it did" in got.text
    assert "What the banks sell" in got.text
    assert got.text.index("Paragraph 2") < got.text.index("Costs less") < got.text.index(
        "Paragraph 3")
    assert got.report.to_dict()["extraction"]["lost_parts"] == {"lists": 1, "headings": 1}
