"""Comment sections that are the page, and hidden text restored on a truncated page
(issue #11: ``cleaner.pagekind.comments_are_content``, ``still_truncated``,
``ExtractStage._append_comments`` / ``_restore_hidden``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.config import ExtractionConfig
from cleaner.extract import ExtractStage
from cleaner.pagekind import (
    PageSignals,
    comments_are_content,
    comments_worth_reading,
    still_truncated,
)

BLANK = PageSignals(ld_types=(), og_type="", ld_body_chars=0, main_chars=0, body_chars=0,
                    p_chars=0, p_count=0, articles=0, code_blocks=0, prices=0)


@pytest.mark.parametrize(
    ("kind", "body", "comments", "expected", "reason"),
    [
        ("forum", 5000, 300, "page_kind:forum", "a forum's posts are content, however short"),
        ("article", 150, 5200, "comments_outweigh_body",
         "a link story (lobste.rs-like): the discussion is the page"),
        ("article", 1270, 35000, "comments_outweigh_body",
         "a slashdot-like blurb under 2,000 characters, comments 28x longer"),
        ("article", 2860, 31600, None,
         "a 2,860-character story is an article with reader comments (WCXB labels it so)"),
        ("article", 600, 660, None, "comments about as long as the body: not the page"),
        ("article", 420, 5100, None,
         "a short news item with 12x its length of reader comments (article benchmark)"),
        ("article", 1999, 39_979, None, "19.99x the body: under the ratio"),
        ("article", 1999, 39_980, "comments_outweigh_body", "exactly 20x the body"),
        ("product", 400, 0, None, "no comment section found"),
        ("forum", 400, 0, None, "no comment section found, even on a forum"),
        ("listing", 0, 900, "comments_outweigh_body", "an empty body and a discussion"),
    ],
)
def test_comments_are_content(
    kind: str, body: int, comments: int, expected: str | None, reason: str
) -> None:
    assert comments_are_content(kind, body, comments) == expected, reason


@pytest.mark.parametrize(
    ("kind", "body", "signals", "expected", "reason"),
    [
        ("forum", 9000, BLANK, True, "forums always read their comment section"),
        ("article", 300, replace(BLANK, body_chars=6000), True,
         "a short body on a page with 20x more visible text"),
        ("article", 300, replace(BLANK, body_chars=5999), False,
         "the page holds under 20x the body: comments cannot outweigh it"),
        ("article", 2500, replace(BLANK, body_chars=90_000), False,
         "a body of 2,500 characters is no blurb (the extra extraction is skipped)"),
    ],
)
def test_comments_worth_reading(
    kind: str, body: int, signals: PageSignals, expected: bool, reason: str
) -> None:
    assert comments_worth_reading(kind, body, signals) is expected, reason


@pytest.mark.parametrize(
    ("path_reason", "expected", "reason"),
    [
        ("paragraphs:fallback_not_longer", True, "fast kept, fallback no longer: still short"),
        ("empty:fallback_not_longer", True, "nothing extracted either way"),
        ("complete", False, "a complete fast result"),
        ("paragraphs", False, "the fallback was longer and taken"),
        ("page_kind:forum", False, "the fallback taken for the page kind"),
    ],
)
def test_still_truncated(path_reason: str, expected: bool, reason: str) -> None:
    assert still_truncated(path_reason) is expected, reason


NO_PII = CleanerConfig(stages=tuple(s for s in CleanerConfig().stages if s != "pii"))


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(NO_PII)


@pytest.fixture(scope="module")
def comment_cleaner() -> Cleaner:
    return Cleaner(NO_PII.replace(extraction=replace(NO_PII.extraction, comment_pages=True)))


COMMENT = ("Reply {n}: I tried the new release on our cluster and the build times dropped "
           "by a third, although the linker still needs {n} gigabytes of memory here.")


def _thread(story_paragraphs: int, comments: int) -> str:
    story = "".join(
        f"<p>Story paragraph {i} says what the linked post is about, in a sentence of "
        f"ordinary prose with enough words to count as content.</p>"
        for i in range(story_paragraphs))
    thread = "".join(
        f'<div class="comment"><span class="user">user{n}</span><p>{COMMENT.format(n=n)}</p>'
        "</div>" for n in range(comments))
    return ("<html><head><title>Story</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>A story worth discussing</h1>{story}</article>"
            f'<div id="comments" class="comment-list">{thread}</div>'
            "<footer>(c) Example</footer></body></html>")


@pytest.mark.parametrize(
    ("story", "comments", "kept", "reason"),
    [
        (1, 40, True, "a one-paragraph blurb under a 40-comment discussion: the discussion "
                      "is the page"),
        (30, 40, False, "a 30-paragraph article with reader comments: comments stay out"),
        (1, 2, False, "two comments under a blurb do not outweigh it"),
    ],
)
def test_comment_thread_pages(
    comment_cleaner: Cleaner, story: int, comments: int, kept: bool, reason: str
) -> None:
    result = comment_cleaner.clean(_thread(story, comments), url="https://news.example.org/s/x1",
                           format="html")
    assert "Story paragraph 0" in result.text, "the story itself is always kept"
    assert ("Reply 1:" in result.text) is kept, reason
    ext = result.report.to_dict()["extraction"]
    assert ("comments" in ext) is kept, reason
    if kept:
        assert ext["comments"]["reason"] == "comments_outweigh_body"


def test_comment_thread_off_by_default(cleaner: Cleaner) -> None:
    result = cleaner.clean(_thread(1, 40), url="https://news.example.org/s/x1", format="html")
    assert "Reply 1:" not in result.text, "comment_pages is off by default"
    assert "comments" not in result.report.to_dict()["extraction"]


PANEL = ("<p>Panel {n} explains one part of the service: what it covers, how a claim is "
         "filed, what it costs a month and which cases are left out of the plan.</p>")


def _panels(hidden_panels: bool) -> str:
    """A service page: 15 paragraphs in five panels (hidden or not) and a hidden menu."""
    style = ' style="display:none"' if hidden_panels else ""
    panels = "".join(
        f'<div class="q"><h3>Question {n}</h3><div class="a"{style}>'
        + "".join(PANEL.format(n=f"{n}.{k}") for k in range(3)) + "</div></div>"
        for n in range(5))
    menu = '<ul style="display:none">' + "".join(
        f"<li><a href='/m{n}'>Menu entry {n}</a></li>" for n in range(30)) + "</ul>"
    return ("<html><head><title>Plans</title></head><body><nav><a href='/'>Home</a>"
            f"{menu}</nav><main><h1>Our plans</h1><p>Pick a plan.</p>"
            f"{panels}</main><footer>(c) Example</footer></body></html>")


def _first_block_without_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plant trafilatura's choice of another container once the hidden menu is gone (what
    WCXB dev service pages showed): on a tree without hidden elements only the first
    block of the body is returned."""
    real = ExtractStage._trafilatura

    def pick(self: ExtractStage, tree: Any, url: str | None, *, fast: bool,
             comments: bool = False) -> Any:
        result = real(self, tree, url, fast=fast, comments=comments)
        if not comments and result is not None and not tree.xpath("//*[@style]"):
            for child in list(result)[1:]:
                result.remove(child)
        return result

    monkeypatch.setattr(ExtractStage, "_trafilatura", pick)


def test_hidden_menu_restored_when_the_visible_page_looks_truncated(
    cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first_block_without_hidden(monkeypatch)
    page = _panels(hidden_panels=False)
    result = cleaner.clean(page, format="html")
    ext = result.report.to_dict()["extraction"]
    assert "Panel 4.2" in result.text, "the visible panels are the page's text"
    assert ext["hidden_restored"]["elements"] == 1
    assert ext["hidden_restored"]["reason"].startswith("still_truncated:")
    rules = [f["rule"] for f in result.report.to_dict()["findings"]]
    assert "hidden_element" not in rules, "restored elements are not reported as dropped"
    off = Cleaner(CleanerConfig(stages=("extract", "assemble"), extraction=ExtractionConfig(
        recover_truncation=False))).clean(page, format="html")
    assert "Panel 4.2" not in off.text, "the planted truncation is real without the rule"


def test_hidden_text_that_alone_makes_the_page_long_stays_dropped(cleaner: Cleaner) -> None:
    result = cleaner.clean(_panels(hidden_panels=True), format="html")
    assert "Panel 4.2" not in result.text, (
        "without its hidden elements the page holds no more than was extracted: the hidden "
        "text is what injected spam looks like")
    assert "hidden_restored" not in result.report.to_dict()["extraction"]


def test_hidden_text_still_dropped_on_a_complete_article(cleaner: Cleaner) -> None:
    body = "".join(f"<p>Visible paragraph {i} of a real article, long enough to be the "
                   "body of the page and to say something in plain prose.</p>"
                   for i in range(20))
    page = ("<html><body><article><h1>Title</h1>" + body
            + '<div style="display:none"><p>Buy cheap pills at a hidden spam link now, '
              "injected text nobody should read.</p></div></article></body></html>")
    result = cleaner.clean(page, format="html")
    assert "Visible paragraph 19" in result.text
    assert "cheap pills" not in result.text, "a complete extraction keeps the drop"
    assert "hidden_restored" not in result.report.to_dict()["extraction"]
