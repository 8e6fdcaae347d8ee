"""Gate: WCXB dev and article-benchmark figures must not fall below their floors.

A fixed, representative subset keeps the CI cost small (``scripts/bench_wcxb.py``
runs the whole set): WCXB dev, 6 pages of each of the seven kinds (stratified by
a hash of the page id), and the 181 pages of the article-extraction benchmark.
The floors sit just under the figures measured when they were set (BENCHMARKS.md);
the subset's files are pinned by a sha256 digest, so changed data fails with a
message instead of being compared against floors set on other pages.

Note: the truncation-recovery thresholds and the DOM model were fitted on WCXB dev
pages, so the WCXB floors are training figures; the article benchmark was never fitted on.
"""

from __future__ import annotations

import pytest
from conftest import require_shared

from cleaner import Cleaner, CleanerConfig
from cleaner.evaluation import articles, wcxb

pytestmark = pytest.mark.shared

PER_TYPE = 6
WCXB_DIGEST = "70f5b9ddc60446182f11770f45901e98f08bce07a7fa138f36bafa99d9cc0889"
ARTICLES_DIGEST = "93773270f9e2ef0353658990384add5e12483f446d866fb199a304edf4fd2ffd"
#: floors: (figure, floor, reason)
#: re-pinned 2026-12-03 12:50 UTC (helper domon) when the gated DOM model went on by
#: default (forum pages): 0.6855 / 0.6724 / 0.1135 before, same run; the model is trained
#: on WCXB dev, so these are training figures
#: re-pinned upward 2026-12-03 18:07 UTC (helper pages2: the Lemmy thread's replies and
#: 0586's microdata Product, both on the subset; 0.7114 / 0.7016 / 0.1230 before)
WCXB_FLOORS = (
    ("f1", 0.720, "word F1 mean over the subset (measured 0.7228, 2026-12-07: lists and"
     " headings trafilatura's wild-text recovery lost; 0.7152 before)"),
    ("with_found", 0.708, "share of must-have snippets found (measured 0.7114)"),
)
WCXB_CEILINGS = (
    ("without_found", 0.125, "share of must-not-have snippets found (measured 0.1230; the"
     " gated DOM model adds some furniture with the forum posts it recovers)"),
)
#: pages where the pipeline was far worse than trafilatura default on the full WCXB dev run
#: (2026-12-02, ``scripts/bench_wcxb.py``): (id, floor, what went wrong, F1 then)
REGRESSION_DIGEST = "4cc8d5c0d3a2f79d742c10fb31ad190cd610a666e990cccad6b8c574173ce836"
REGRESSION_PAGES = (
    ("0084", 0.95, "reviews outside <p>: fast mode kept 451 of 17,925 characters (0.036)"),
    ("0152", 0.80, "18 teaser <article>s silenced the paragraph signal (0.037)"),
    ("0155", 0.93, "whole page in a hidden wrapper dropped as hidden text (0.000)"),
    ("2899", 0.93, "listing in tables, fast mode kept 2,140 of 60,672 characters (0.132)"),
    ("4020", 0.90, "whole page in a visibility:hidden wrapper dropped (0.000)"),
    ("4533", 0.95, "catalogue listing without <p>: fast mode kept 295 characters (0.007)"),
    # round three (helper wcxb, develop half of WCXB dev): F1 before -> after
    ("4184", 0.97, "fast mode kept 16 % of the main container, under the old 10 % (0.297)"),
    ("4287", 0.90, "fast mode kept 31 % of the paragraph text, under the old 25 % (0.342)"),
    ("4544", 0.66, "fast mode kept 6.6 % of the body's text, under the old 6 % (0.116)"),
    ("4617", 0.91, "fast mode kept 11.5 % of the body's text, under the old 6 % (0.283)"),
    ("4693", 0.98, "a list inside a layout table's cell was never turned into blocks (0.260)"),
    # helper pages2 (develop half of WCXB dev): F1 before -> after
    ("0573", 0.90, "a Lemmy post whose replies are comment-named <article>s was a listing"
     " (0.299 -> 0.923)"),
    ("0586", 0.45, "a product page with microdata Product only was an article (0.307 -> 0.466)"),
)
#: re-pinned 2026-12-06 22:18 UTC (helper articles: menu-shaped fast bodies, embedded
#: tweets, body chunks; cleaner/articleshape.py): 0.9537 / 0.9793 / 0.9663 before. The
#: changes were developed on the benchmark's develop half (80 pages), so these figures
#: are partly training figures; the report half's 101 outputs are main's
ARTICLE_FLOORS = (
    ("precision", 0.955, "mean 4-gram shingle precision (measured 0.9579, 2026-12-06)"),
    ("recall", 0.985, "mean 4-gram shingle recall (measured 0.9882; trafilatura 0.9784)"),
    ("f1", 0.970, "F1 of the means (measured 0.9728)"),
)


@pytest.fixture(scope="module")
def pipeline() -> Cleaner:
    return Cleaner(CleanerConfig(stages=tuple(s for s in CleanerConfig().stages if s != "pii")))


@pytest.fixture(scope="module")
def wcxb_summary(pipeline: Cleaner) -> wcxb.Summary:
    root = require_shared("data", "wcxb-dev")
    pages = wcxb.stratified(wcxb.load_pages(root), PER_TYPE)
    files = [p.html_path for p in pages] + [root / "ground-truth" / f"{p.id}.json" for p in pages]
    got = wcxb.digest(files)
    if got != WCXB_DIGEST:
        pytest.fail(f"WCXB subset changed (sha256 {got}): re-measure and reset the floors")
    return wcxb.summarize(
        wcxb.score_page(p, pipeline.clean(p.html(), url=p.url, format="html").text)
        for p in pages
    )


@pytest.fixture(scope="module")
def article_figures(pipeline: Cleaner) -> dict[str, float]:
    root = require_shared("data", "article-extraction-benchmark")
    files = [*sorted((root / "html").glob("*.html.gz")), root / "ground-truth.json"]
    got = wcxb.digest(files)
    if got != ARTICLES_DIGEST:
        pytest.fail(f"article benchmark changed (sha256 {got}): re-measure and reset the floors")
    pages = articles.load_pages(root)
    scores = [articles.page_scores(truth, pipeline.clean(html, format="html").text)
              for _, html, truth in pages]
    p, r, f = articles.prf(scores)
    return {"precision": p, "recall": r, "f1": f}


@pytest.mark.parametrize(("figure", "floor", "reason"), WCXB_FLOORS)
def test_wcxb_floor(wcxb_summary: wcxb.Summary, figure: str, floor: float, reason: str) -> None:
    assert getattr(wcxb_summary, figure) >= floor, reason


@pytest.mark.parametrize(("figure", "ceiling", "reason"), WCXB_CEILINGS)
def test_wcxb_ceiling(
    wcxb_summary: wcxb.Summary, figure: str, ceiling: float, reason: str
) -> None:
    assert getattr(wcxb_summary, figure) <= ceiling, reason


@pytest.fixture(scope="module")
def regression_f1(pipeline: Cleaner) -> dict[str, float]:
    root = require_shared("data", "wcxb-dev")
    pages = wcxb.load_pages(root, ids=[pid for pid, _, _ in REGRESSION_PAGES])
    files = [p.html_path for p in pages] + [root / "ground-truth" / f"{p.id}.json" for p in pages]
    got = wcxb.digest(files)
    if got != REGRESSION_DIGEST:
        pytest.fail(f"WCXB regression pages changed (sha256 {got}): re-measure the floors")
    return {p.id: wcxb.score_page(p, pipeline.clean(p.html(), url=p.url, format="html").text).f1
            for p in pages}


@pytest.mark.parametrize(("page", "floor", "reason"), REGRESSION_PAGES)
def test_wcxb_page_no_longer_lost(
    regression_f1: dict[str, float], page: str, floor: float, reason: str
) -> None:
    assert regression_f1[page] >= floor, reason


@pytest.mark.parametrize(("figure", "floor", "reason"), ARTICLE_FLOORS)
def test_article_floor(
    article_figures: dict[str, float], figure: str, floor: float, reason: str
) -> None:
    assert article_figures[figure] >= floor, reason
