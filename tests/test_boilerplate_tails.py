"""Gate on the generated spam-tail benchmark (scripts/bench_tails.py, issue 12): the first
32 pages of each half, floors just under the figures measured on 2026-12-02 (fresh2: 2026-12-03)
(``run_half(half, 32)``: develop 0.40% spam lines, PII 0, F1 0.9988; report 0.67%, 0,
0.9978; controls identical). The develop half is a training figure (rules were written
looking at it); the report half was held out until round two looked at it, the fresh
split until 2026-12-03; fresh2 is held out and only gated here, never tuned on: a
regression fails instead of slipping by; dev2 (plain-text layouts) is a development split.
Skipped without ../shared."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, require_shared

pytestmark = pytest.mark.shared

#: half -> (max spam-tail lines surviving, max card/social PII surviving, min mean body
#: word-F1). The fresh split (measured once on 2026-12-02 after the ja/pl/sv vocabulary:
#: first 32 pages 2.69% spam lines, PII 0, F1 0.9838) was tuned on afterwards (2026-12-03,
#: other scripts' full stops; its first 32 pages unchanged). The fresh2 split (held out,
#: measured once on 2026-12-03 09:24 UTC on the whole 160 pages: 28.4% lines, 15.8% PII;
#: first 32 pages 25.9% lines, 14.5% PII, F1 0.9027) was gated at those figures; after the
#: plain-text tail rules developed on the dev2 split (2026-12-03, helper texttails; fresh2
#: measured once afterwards, 12:22 UTC: all 160 pages 2.13% lines, 0.55% PII, F1 0.9874;
#: first 32 pages 0.81% lines, PII 0, F1 0.9955) it is re-pinned just under those. dev2 is a
#: development split (training figures; first 32 pages 0.17% lines, PII 0, F1 0.9992);
#: develop moved with the same rules (first 32 pages 0.40% -> 0.20% lines, F1 0.9988 ->
#: 0.9997) and is re-pinned. Fresh re-pinned 2026-12-03 (helper vocab: cards by value
#: shape, the end of a Thai article, hu/id/ro vocabulary; a training figure): first 32
#: pages 1.73% lines, PII 0, F1 0.9922 measured (were 2.69% / 0 / 0.9838).
#: fresh3 (2026-12-03, helper tails): measured once held out at 14:43 UTC on all 160
#: pages (17.44% lines, 31.05% PII, F1 0.9628); its text and Markdown shapes were then
#: worked on (it is "looked at" since); pinned just under the figure after that work
#: (first 32 pages 2.14% lines, PII 0, F1 0.9955).
#: fresh4 (2026-12-03, helper tails2): measured once held out at 17:38 UTC on all 160
#: pages (65.12% lines, 58.98% PII, F1 0.8654); its shapes were then worked on (looked at
#: since: per-layout numbers and pages of another seed of its generator); pinned just
#: under the figure after that work (first 32 pages 9.04% lines, 7.41% PII on 3 pages,
#: F1 0.9733): not met, a floor so that it cannot get worse. Re-pinned 2026-12-06 (helper
#: tails4: the end before a dated list closing the page, teasers inside layout-table rows;
#: a training figure): first 32 pages 7.39% lines, 7.41% PII on 3 pages, F1 0.9788.
#: fresh5 (2026-12-06, helper tails4): held out (``gen_tails.HELD_OUT``; no rule was
#: written looking at it, the tail model never trains on it); measured on all 160 pages
#: at 21:58 UTC with main's rules and again at 22:10 UTC after tails4's rules, the same
#: figures (37.21% lines, 27.22% PII, F1 0.9346); first 32 pages 24.89% lines, 19.23% PII
#: on 8 pages, F1 0.9498: not met, a floor so that it cannot get worse.
#: fresh6 (2026-12-07, helper gen6): held out (``gen_tails.HELD_OUT``; its generator was
#: committed before any cleaner run, no rule was written looking at it, the tail model never
#: trains on it); measured once with main's rules (361b854) on all 160 pages at 00:55 UTC
#: (32.75% lines, 31.16% PII on 62 pages, F1 0.9176); first 32 pages 35.98% lines, 26.82%
#: PII on 12 pages, F1 0.8991, controls 32/32: not met, a floor so that it cannot get worse.
#: Measured a second time after the merge of tails5 and articles2 (lead, 2026-12-07 02:05 UTC;
#: still held out: no rule was written looking at it): all 160 pages 26.89% lines, 25.46% PII,
#: F1 0.9332; first 32 pages 27.85% lines, 24.58% PII on 11 pages, F1 0.9291: floors re-pinned.
#: Re-pinned 2026-12-07 (helper tails5: text-input lines read by their markup,
#: cleaner.boilerplate.linemarkup; fresh5 and fresh4 are development and training splits
#: since, their figures training figures): first 32 pages fresh5 1.54% lines, PII 0, F1
#: 0.9968; fresh4 3.17% lines, 4.44% PII on 1 page, F1 0.9889; fresh2 0.65%, fresh3
#: 1.43%, dev2 0.17% lines (PII 0; the others unchanged).
#: fresh6 is a training split since 2026-12-07 23:13 UTC (helper gen7 made fresh7 the held-out
#: split; helper tails6 then developed its markup-agnostic line reading on fresh6): re-pinned
#: 2026-12-08 00:15 UTC after the merge (first 32 pages 3.86% lines, 2.23% PII on 2 pages,
#: F1 0.9897; a training figure). fresh7 (2026-12-07, helper gen7): held out
#: (``gen_tails.HELD_OUT``; generator committed before any cleaner run, no rule written
#: looking at it); measured once with main's rules (edc9f41) on all 160 pages at 23:07 UTC
#: (32.26% lines, 35.91% PII, F1 0.8742) and a second time after the merge of tails6 (lead,
#: 2026-12-08 00:12 UTC: 29.88%, 32.82%, F1 0.8792); first 32 pages 34.63% lines, 30.26% PII
#: on 13 pages, F1 0.8380, controls 32/32: not met, a floor so that it cannot get worse.
FLOORS = {"develop": (0.003, 0.0, 0.999), "report": (0.009, 0.0, 0.996),
          "fresh": (0.018, 0.0, 0.99), "fresh2": (0.007, 0.0, 0.996),
          "dev2": (0.002, 0.0, 0.999), "fresh3": (0.015, 0.0, 0.996),
          "fresh4": (0.032, 0.045, 0.988), "fresh5": (0.016, 0.0, 0.996),
          "fresh6": (0.040, 0.023, 0.988), "fresh7": (0.347, 0.303, 0.837)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def half(request: pytest.FixtureRequest) -> tuple[str, dict[str, float]]:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")
    require_shared("data", "wcxb-dev", "ground-truth")
    if request.param == "fresh3":
        require_shared("data", "dolma-samples", "tests", "data")
    if request.param == "fresh4":
        require_shared("data", "dolma-samples", "tests", "data", "warc")
    if request.param == "fresh5":
        require_shared("data", "trafilatura-eval", "tests", "eval")
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_tails

    return request.param, bench_tails.run_half(request.param, 32, verbose=False)


def test_spam_tail_lines_surviving(half) -> None:
    name, res = half
    assert res["spam_survive"] <= FLOORS[name][0], res


def test_card_or_social_pii_surviving(half) -> None:
    name, res = half
    assert res["pii_survive"] <= FLOORS[name][1], res


def test_body_word_f1_against_the_untouched_body(half) -> None:
    name, res = half
    assert res["f1"] >= FLOORS[name][2], res


def test_clean_controls_are_byte_identical(half) -> None:
    assert half[1]["controls"] == 1.0, half[1]
