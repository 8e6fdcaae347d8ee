"""Article-extraction benchmark: ``cleaner`` vs plain trafilatura, in one run.

Data: ``../shared/data/article-extraction-benchmark`` (scrapinghub, MIT): 181
HTML pages with hand-checked article bodies. Metric (as in its README): the
text is tokenised into lower-cased ``\\w+`` tokens, turned into 4-gram shingles
(multiset); per page TP/FP/FN are normalised by their sum; precision and recall
are the means over pages and F1 is the harmonic mean of those two means.

Rows:
* ``trafilatura``   -- ``trafilatura.extract(html, include_comments=False)``
* ``cleaner(no pii)`` -- ``Cleaner`` with the PII stage off (what the text
  quality depends on; PII redaction only substitutes tags);
* ``cleaner(full)`` -- the default pipeline, timed only (pages/cpu-s).
Extra rows with ``--variants``: boilerplate off, drop_hidden off, favor=recall;
with ``--dom-ab``: ``extraction.dom_model`` flipped (the DOM model's same-run baseline).

``--half develop|report`` keeps one half of the split by sha1 of the page url's
domain (the WCXB split, ``cleaner.evaluation.wcxb.half_of_domain``): 80 develop
and 101 report pages. Article-benchmark changes are developed on ``develop``;
``report`` is measured once, as the held-out figure.

Usage: python scripts/bench_extraction.py [--variants] [--dom-ab] [--tail-only] [--limit N]
       [--half develop|report] [--worst N]
Skips (exit 0) with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
sys.path.insert(0, str(ROOT))

from cleaner.evaluation.articles import load_pages as _load  # noqa: E402
from cleaner.evaluation.articles import page_scores, prf  # noqa: E402
from cleaner.evaluation.wcxb import HALVES  # noqa: E402


def load_pages(
    tail_only: bool, limit: int | None, half: str | None = None
) -> list[tuple[str, str, str]]:
    return _load(DATA, tail_only=tail_only, limit=limit, half=half)


def run(
    name: str, fn: Callable[[str], str], pages: list[tuple[str, str, str]]
) -> tuple[str, float, float, float, float, dict[str, tuple[float, float, float]]]:
    scores: dict[str, tuple[float, float, float]] = {}
    started = time.process_time()
    outputs = []
    for pid, html, _ in pages:
        outputs.append((pid, fn(html)))
    elapsed = time.process_time() - started
    for (pid, out), (_, _, truth) in zip(outputs, pages, strict=True):
        scores[pid] = page_scores(truth, out)
    p, r, f = prf(list(scores.values()))
    return name, p, r, f, len(pages) / elapsed, scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", action="store_true", help="also run config variants")
    ap.add_argument("--tail-only", action="store_true", help="only the 96 tail-marker pages")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worst", type=int, default=0, help="list the N pages we lose most on")
    ap.add_argument("--tail-ab", action="store_true",
                    help="also run cleaner(no pii) with the learned tail model on")
    ap.add_argument("--dom-ab", action="store_true",
                    help="also the pipeline (no pii) with extraction.dom_model flipped")
    ap.add_argument("--half", choices=HALVES, default=None,
                    help="one half of the split by sha1(url domain): develop (80), report (101)")
    args = ap.parse_args(argv)
    if not (DATA / "ground-truth.json").is_file():
        print(f"skipped: {DATA} is absent (public data is not part of the repo)")
        return 0

    import trafilatura

    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig, ExtractionConfig

    pages = load_pages(args.tail_only, args.limit, args.half)
    no_pii = tuple(s for s in CleanerConfig().stages if s != "pii")

    def cleaner_fn(cfg: CleanerConfig) -> Callable[[str], str]:
        c = Cleaner(cfg)

        def fn(html: str) -> str:
            return c.clean(html, format="html").text

        return fn

    def traf(html: str) -> str:
        return trafilatura.extract(html, include_comments=False) or ""

    # warm up engines (langdetect profiles, imports) outside the timed runs
    for cfg in (CleanerConfig(stages=no_pii), CleanerConfig()):
        Cleaner(cfg).clean(pages[0][1], format="html")
    traf(pages[0][1])

    rows = [run("trafilatura", traf, pages)]
    rows.append(run("cleaner(no pii)", cleaner_fn(CleanerConfig(stages=no_pii)), pages))
    if args.dom_ab:
        flipped = not ExtractionConfig().dom_model
        rows.append(run(f"  dom_model {'on' if flipped else 'off'}", cleaner_fn(CleanerConfig(
            stages=no_pii, extraction=ExtractionConfig(dom_model=flipped))), pages))
    if args.tail_ab:  # the learned tail model of the boilerplate stage (off by default)
        rows.append(run("  tail_model on", cleaner_fn(CleanerConfig(
            stages=no_pii, boilerplate=BoilerplateConfig(tail_model=True))), pages))
    if args.variants:
        variants = {
            "  boilerplate off": CleanerConfig(
                stages=no_pii, boilerplate=BoilerplateConfig(enabled=False)
            ),
            "  drop_hidden off": CleanerConfig(
                stages=no_pii, extraction=ExtractionConfig(drop_hidden=False)
            ),
            "  favor=recall": CleanerConfig(
                stages=no_pii, extraction=ExtractionConfig(favor="recall")
            ),
            "  boilerplate dry-run": CleanerConfig(
                stages=no_pii, boilerplate=BoilerplateConfig(dry_run=True)
            ),
        }
        for label, cfg in variants.items():
            rows.append(run(label, cleaner_fn(cfg), pages))
    full = run("cleaner(full)", cleaner_fn(CleanerConfig()), pages)
    rows.append(full)

    print(f"article-extraction-benchmark: {len(pages)} pages"
          f"{' (tail-marker pages)' if args.tail_only else ''}"
          f"{f' ({args.half} half)' if args.half else ''}; 4-gram shingles of lower-cased"
          " \\w+ tokens; mean P / mean R / F1 of means")
    print(f"{'extractor':24} {'P':>7} {'R':>7} {'F1':>7} {'pages/cpu-s':>8}")
    base_rate = rows[0][4]
    for name, p, r, f, rate, _ in rows:
        print(f"{name:24} {p:7.4f} {r:7.4f} {f:7.4f} {rate:8.1f}")
    print(f"speed: cleaner(full) at {full[4] / base_rate:.2f}x trafilatura pages/cpu-s "
          "(trafilatura in this process, with cleaner's output-identical speed patches: "
          "scripts/bench_speed.py times stock trafilatura)")
    ours = rows[1]
    print(f"cleaner(no pii) - trafilatura: P {ours[1] - rows[0][1]:+.5f}  "
          f"R {ours[2] - rows[0][2]:+.5f}  F1 {ours[3] - rows[0][3]:+.5f}")
    if args.worst:
        ours, base = rows[1][5], rows[0][5]

        def f1(t: tuple[float, float, float]) -> float:
            tp, fp, fn = t
            return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

        diffs = sorted(ours, key=lambda k: f1(ours[k]) - f1(base[k]))
        for pid in diffs[: args.worst]:
            print(f"  {pid[:16]} ours F1 {f1(ours[pid]):.3f} traf {f1(base[pid]):.3f}"
                  f"  ours fn {ours[pid][2]:.3f} fp {ours[pid][1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
