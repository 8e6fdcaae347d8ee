"""Page kind, page signals and truncation recovery (cleaner.pagekind, cleaner.extract)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import lxml.html
import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.extract import ExtractStage
from cleaner.pagekind import PageSignals, classify, page_signals, suspect_truncation

BLANK = PageSignals(ld_types=(), og_type="", ld_body_chars=0, main_chars=0, body_chars=0,
                    p_chars=0, p_count=0, articles=0, code_blocks=0, prices=0)


@pytest.mark.parametrize(
    ("url", "signals", "kind", "reason"),
    [
        ("https://forum.example.org/t/some-thread/123", BLANK, "forum", "Discourse thread URL"),
        ("https://x.stackexchange.com/questions/1/why", BLANK, "forum", "Q&A URL"),
        ("https://shop.example/products/socks", BLANK, "product", "product URL"),
        ("https://shop.example/collections/socks", BLANK, "collection", "collection URL"),
        ("https://shop.example/collections/socks/products/red-socks", BLANK, "product",
         "a product inside a collection is a product"),
        ("https://shop.example/shop/p/white-mug", BLANK, "product", "a product in the shop"),
        ("https://docs.example.org/en/latest/guide.html", BLANK, "documentation", "docs host"),
        ("https://example.org/x", replace(BLANK, ld_types=("product",)), "product",
         "JSON-LD Product"),
        ("https://example.org/x", replace(BLANK, ld_types=("newsarticle", "product")), "article",
         "a news article that mentions a product is an article"),
        ("https://example.org/x", replace(BLANK, ld_types=("qapage",)), "forum", "JSON-LD QAPage"),
        ("https://example.org/x", replace(BLANK, code_blocks=5), "documentation", "code blocks"),
        ("https://example.org/x", replace(BLANK, articles=12), "listing", "many <article>s"),
        ("https://example.org/2024/05/some-story", BLANK, "article", "nothing else: article"),
        (None, BLANK, "article", "no URL"),
    ],
)
def test_classify(url: str | None, signals: PageSignals, kind: str, reason: str) -> None:
    assert classify(url, signals)[0] == kind, reason


@pytest.mark.parametrize(
    ("extracted", "signals", "expected", "reason"),
    [
        (300, replace(BLANK, p_chars=5000), "paragraphs", "kept 6% of the paragraph text"),
        (3000, replace(BLANK, p_chars=5000), None, "kept 60%: not truncated"),
        (100, replace(BLANK, p_chars=500), None, "short pages are left alone"),
        (1000, replace(BLANK, ld_body_chars=4000), "ld_article_body", "JSON-LD body 4x longer"),
        (500, replace(BLANK, main_chars=20_000), "main_container", "main container 40x longer"),
        (300, replace(BLANK, p_chars=5000, articles=8), None,
         "paragraphs of a teaser list are no signal"),
        (450, replace(BLANK, body_chars=18_000, p_chars=480), "body_text",
         "text outside <p> and main: kept 2.5% of the body's visible text"),
        (3000, replace(BLANK, body_chars=100_000), None,
         "3,000 characters is a body, however much furniture the page has"),
        (300, replace(BLANK, body_chars=1500), None, "short bodies are left alone"),
        (1782, replace(BLANK, p_chars=5702), "paragraphs",
         "kept 31% of the paragraph text (WCXB service page, fast mode 0.34 F1)"),
        (1031, replace(BLANK, main_chars=6482), "main_container",
         "kept 16% of the main container (WCXB article, fast mode 0.30 F1)"),
        (1000, replace(BLANK, body_chars=10_000), "body_text",
         "a short extraction that kept 10% of the body's visible text"),
    ],
)
def test_suspect_truncation(
    extracted: int, signals: PageSignals, expected: str | None, reason: str
) -> None:
    assert suspect_truncation(extracted, signals) == expected, reason


PARA = ("This paragraph is long enough to be content and says something new in sentence {n}, "
        "with a few more words to make it prose. ")


def _page(paragraphs: int = 12) -> str:
    body = "".join(f"<p>{PARA.format(n=i)}</p>" for i in range(paragraphs))
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "word " * 400})
    return (f'<html><head><script type="application/ld+json">{ld}</script>'
            '<meta property="og:type" content="article"></head>'
            f"<body><nav><a href='/'>Home</a></nav><main><article><h1>Title here</h1>{body}"
            "</article></main><footer>(c) Example</footer></body></html>")


def test_page_signals_read_the_markup() -> None:
    s = page_signals(lxml.html.fromstring(_page(12)))
    assert s.ld_types == ("newsarticle",)
    assert s.og_type == "article"
    assert s.ld_body_chars == len(("word " * 400).strip())
    assert s.p_count == 12
    assert s.p_chars == sum(len(PARA.format(n=i).strip()) for i in range(12))
    assert s.main_chars > s.p_chars
    assert s.articles == 1


@pytest.fixture(scope="module")
def no_pii() -> CleanerConfig:
    return CleanerConfig(stages=tuple(s for s in CleanerConfig().stages if s != "pii"))


def test_complete_extraction_takes_the_fast_path(no_pii: CleanerConfig) -> None:
    ext = Cleaner(no_pii).clean(_page(), format="html").report.to_dict()["extraction"]
    assert (ext["path"], ext["path_reason"]) == ("fast", "complete")
    assert ext["page_kind"] == "article"


def test_truncated_fast_extraction_is_recovered(
    no_pii: CleanerConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ExtractStage._trafilatura

    def truncating(self: ExtractStage, tree: Any, url: str | None, *, fast: bool) -> Any:
        body = real(self, tree, url, fast=fast)
        if fast and body is not None:  # plant a truncation: keep the first element only
            for child in list(body)[1:]:
                body.remove(child)
        return body

    monkeypatch.setattr(ExtractStage, "_trafilatura", truncating)
    result = Cleaner(no_pii).clean(_page(), format="html")
    ext = result.report.to_dict()["extraction"]
    assert ext["path"] == "fallback"
    assert ext["path_reason"] in ("ld_article_body", "paragraphs", "main_container")
    assert "sentence 11" in result.text, "the recovered text reaches the output"
    off = Cleaner(no_pii.replace(
        extraction=replace(no_pii.extraction, recover_truncation=False)
    )).clean(_page(), format="html")
    assert "sentence 11" not in off.text, "the planted truncation is real without recovery"


def test_forum_pages_take_the_fallback(no_pii: CleanerConfig) -> None:
    forum = Cleaner(no_pii).clean(_page(), url="https://forum.example.org/t/a-thread/1",
                                  format="html")
    ext = forum.report.to_dict()["extraction"]
    assert (ext["page_kind"], ext["path"], ext["path_reason"]) == (
        "forum", "fallback", "page_kind:forum")


def test_hidden_elements_kept_on_product_pages(no_pii: CleanerConfig) -> None:
    hidden = '<div style="display:none"><p>Made of merino wool, machine washable at 30.</p></div>'
    page = _page(6).replace("</article>", hidden + "</article>")
    product = page.replace('"NewsArticle"', '"Product"').replace('content="article"',
                                                                 'content="product"')
    as_article = Cleaner(no_pii).clean(page, format="html")
    as_product = Cleaner(no_pii).clean(product, format="html")
    assert as_product.report.to_dict()["extraction"]["page_kind"] == "product"
    assert any(f.rule == "hidden_element" for f in as_article.report.findings)
    assert not any(f.rule == "hidden_element" for f in as_product.report.findings)


def test_a_hidden_wrapper_holding_the_page_is_kept(no_pii: CleanerConfig) -> None:
    page = _page(8)
    spam = '<div style="display:none"><p>Cheap pills and casino bonus links here.</p></div>'
    wrapped = page.replace("<main>", '<div style="visibility:hidden"><main>').replace(
        "</main>", "</main></div>").replace("</article>", spam + "</article>")
    result = Cleaner(no_pii).clean(wrapped, format="html")
    assert "sentence 7" in result.text, "the page shown by a script once loaded is kept"
    assert "casino" not in result.text, "text hidden inside it is still dropped"
    ext = result.report.to_dict()["extraction"]
    assert ext["hidden_kept"]["reason"] == "hidden_is_page"
    assert any(f.rule == "hidden_element" for f in result.report.findings)


def test_hidden_text_outweighing_a_short_article_is_still_dropped(
    no_pii: CleanerConfig,
) -> None:
    spam = '<div style="display:none">' + "Buy cheap casino bonus now. " * 200 + "</div>"
    result = Cleaner(no_pii).clean(_page(3).replace("</article>", spam + "</article>"),
                                   format="html")
    assert "casino" not in result.text, "it holds none of the article's paragraphs"
    assert "sentence 2" in result.text


def test_accordion_panels_on_article_pages_are_kept(no_pii: CleanerConfig) -> None:
    panel = ('<div class="c-accordion__panel" hidden><p>Our answer: the policy '
             'covers accidents and illness from the first day, with no waiting period.</p></div>')
    menu = ('<div class="accordion-menu" hidden>'
            + "".join(f'<a href="/p{i}">Menu entry {i}</a> ' for i in range(12)) + "</div>")
    page = _page(6).replace("</article>", panel + menu + "</article>")
    result = Cleaner(no_pii).clean(page, format="html")
    assert result.report.to_dict()["extraction"]["page_kind"] == "article"
    assert "no waiting period" in result.text, "a collapsed answer is the page's content"
    assert "Menu entry 7" not in result.text, "a collapsed menu of links is still dropped"
    dropped = [f for f in result.report.findings if f.rule == "hidden_element"]
    assert len(dropped) == 1 and dropped[0].detail["tag"] == "div"


def test_long_start_tags_keep_their_class() -> None:
    """A start tag over MAX_TAG_CHARS is cut down, not emptied: trafilatura reads the
    class/id (WCXB dev: 18 % of pages have such a tag, often ``<body class>``)."""
    from cleaner.detect import MAX_TAG_CHARS
    from cleaner.extract import parse_checked

    long_class = " ".join(f"tweak-{i}" for i in range(MAX_TAG_CHARS // 8))
    html = (f'<html><body class="{long_class}" id="item-1"><div class="product-detail" '
            + " ".join(f'data-a{i}="{i}"' for i in range(MAX_TAG_CHARS // 8))
            + "><p>Mug</p></div></body></html>")
    tree = parse_checked(html, [])
    assert tree is not None
    body = tree.find("body")
    assert body.get("id") == "item-1"
    assert (body.get("class") or "").startswith("tweak-0 tweak-1 ")
    div = tree.find(".//div")
    assert div.get("class") == "product-detail"
    assert len(div.attrib) <= 64, "attributes are still bounded"


def test_nested_blocks_are_not_glued_or_lost(no_pii: CleanerConfig) -> None:
    """Text of trafilatura's output tree: a heading inside a list item is set off from the
    text around it, and a list inside a table cell (a layout table) is kept."""
    from lxml import etree

    from cleaner.extract import blocks_from_tree

    body = etree.fromstring(
        "<body><list><item>Vendor:Sennheiser<head>Sennheiser HD 800S</head>Regular price"
        "</item></list><table><row><cell><p>Intro text</p><list><item>Bordeaux region</item>"
        "<item>Rioja region</item></list></cell></row></table></body>")
    text, blocks = blocks_from_tree(body)
    assert "Sennheiser Sennheiser HD 800S Regular price" in text
    assert "Bordeaux region" in text and "Rioja region" in text
    assert [b.kind for b in blocks] == ["list_item", "table_row", "list_item", "list_item"]
