"""Where the pipeline's CPU goes: per-stage shares, sub-steps, and the ratio to trafilatura.

On the 181 article-benchmark pages and a WCXB dev subset (every 10th page), in one
process, CPU time (``time.process_time``):

* per stage: share of the pipeline's CPU (``detect+overhead`` is input decoding/format
  detection and the ``clean()`` frame around the stages);
* sub-steps (inclusive CPU, calls): trafilatura's ``bare_extraction`` against our own
  work in extract (checked parse, page signals, hidden elements, hints, tree walk; what
  none of them covers is "extract: rest"), langdetect calls, the PII pre-filter and
  recognizers, ``lexicon.words``; then trafilatura's own steps as shares of
  ``bare_extraction`` (raw-tree prune, copies, cleaning, ``extract_content``, escalation).
  A sub-step whose function moved is listed as absent;
* pipeline pages per CPU-second against ``trafilatura.extract`` with default settings,
  interleaved page by page in the same run (sub-step patches off for that part).

Usage: python scripts/profile_pipeline.py [--set articles|wcxb|both] [--limit N]
       [--rounds R] [--warm]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time

from speedkit import (
    ARTICLES,
    EXTRACT_TOP,
    SUB_STEPS,
    WCXB,
    Page,
    StageClock,
    article_pages,
    interleaved,
    shared_missing,
    sub_clock,
    warm_up,
    wcxb_pages,
)

#: the extract stage's steps timed here besides speedkit's: what "extract: rest" held
STEPS = {
    **SUB_STEPS,
    "extract: scan_tree (mains, hidden, tables, elements)": ("cleaner.extract:scan_tree",),
    "extract: refine_kind": ("cleaner.extract:refine_kind",),
}
TOP = (*EXTRACT_TOP, "extract: scan_tree (mains, hidden, tables, elements)",
       "extract: refine_kind")


def profile(name: str, pages: list[Page], rounds: int, warm: bool = False) -> None:
    from cleaner import Cleaner

    cleaner = Cleaner()
    clock = StageClock()
    clock.instrument(cleaner)
    # warm-up: first-call imports (trafilatura) and caches stay out of the figures
    warm_up(cleaner, pages[0])
    if warm:  # steady state of a long run: langdetect's lazily filled table is full
        for page in pages:
            cleaner.clean(page.html, url=page.url, format="html")
        clock.seconds.clear()

    with sub_clock(STEPS) as subs:
        for page in pages:
            clock.clean(cleaner, page)
    print(f"\n== {name}: {len(pages)} pages, pipeline {clock.total:.2f} CPU-s "
          f"({1000 * clock.total / len(pages):.1f} ms a page, sub-step timers on)")
    print(f"{'stage':44} {'share':>7} {'ms/page':>8}")
    for stage, share in sorted(clock.shares().items(), key=lambda kv: -kv[1]):
        print(f"{stage:44} {100 * share:6.1f}% {1000 * share * clock.total / len(pages):8.2f}")
    print(f"{'sub-step (inclusive)':44} {'share':>7} {'ms/page':>8} {'calls/page':>10}")
    for label, sub in subs.subs.items():
        if label in subs.absent or label.startswith("trafilatura:"):
            continue
        print(f"{label:44} {100 * sub.seconds / clock.total:6.1f}% "
              f"{1000 * sub.seconds / len(pages):8.2f} {sub.calls / len(pages):10.1f}")
    extract = clock.seconds.get("extract", 0.0)
    timed = sum(subs.subs[k].seconds for k in TOP if k in subs.subs)
    print(f"{'extract: rest (deep tables, keys, glue)':44} "
          f"{100 * (extract - timed) / clock.total:6.1f}% "
          f"{1000 * (extract - timed) / len(pages):8.2f}")
    bare = subs.subs.get("extract: trafilatura bare_extraction")
    if bare is not None and bare.seconds:
        inside = [k for k in subs.subs if k.startswith("trafilatura:") and k not in subs.absent]
        print(f"{'inside bare_extraction':44} {'of it':>7} {'ms/page':>8}")
        for label in inside:
            sub = subs.subs[label]
            print(f"  {label:42} {100 * sub.seconds / bare.seconds:6.1f}% "
                  f"{1000 * sub.seconds / len(pages):8.2f}")
    for label in subs.absent:
        print(f"{label:44} absent (function moved)")

    # the ratio, without the sub-step timers, page by page
    plain = Cleaner()
    warm_up(plain, pages[0])

    def ours(page: Page) -> object:
        return plain.clean(page.html, url=page.url, format="html")

    extract_checks(pages)
    v = interleaved(ours, pages, rounds=rounds)
    print(f"pipeline {v.pages / v.ours:.1f} pages/CPU-s, trafilatura.extract default "
          f"{v.pages / v.theirs:.1f}: ratio {v.ratio:.2f}x (interleaved, {rounds} round(s))")


def extract_checks(pages: list[Page]) -> None:
    """CPU of each raw-HTML check and XPath query the extract stage runs (by their
    module constants, so it follows the code), the parse, and one tree copy."""
    import copy

    import lxml.html

    import cleaner.extract as ex

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  huge_tree=True)
    checks: dict[str, object] = {}
    for name in ("_XML_ILLEGAL", "_LONG_TAG"):
        pattern = getattr(ex, name, None)
        if pattern is not None:
            checks[f"regex {name}.search(html)"] = pattern
    xpaths = {f"xpath {name}": getattr(ex, name) for name in ("_TOO_DEEP", "_DEEP_TABLES")
              if isinstance(getattr(ex, name, None), str)}
    spent: dict[str, float] = {}

    def timed(label: str, fn: object, *args: object) -> object:
        t0 = time.process_time()
        out = fn(*args)  # type: ignore[operator]
        spent[label] = spent.get(label, 0.0) + time.process_time() - t0
        return out

    for page in pages:
        for label, pattern in checks.items():
            timed(label, pattern.search, page.html)  # type: ignore[attr-defined]
        # extract parses the encoding to_text made of a non-ASCII str input (detect.utf8)
        data = timed("encode utf-8 (to_text's)", page.html.encode, "utf-8", "surrogatepass")
        # what extract runs now on the one encoding (when these functions exist)
        if hasattr(ex, "_has_xml_illegal"):
            timed("bytes _has_xml_illegal (what extract runs)", ex._has_xml_illegal,
                  page.html, data)
        if hasattr(ex, "_has_long_tag"):
            timed("bytes _has_long_tag (what extract runs)", ex._has_long_tag, page.html, data)
        tree = timed("lxml parse", lambda d=data: lxml.html.fromstring(d, parser=parser))
        for label, query in xpaths.items():
            timed(label, tree.xpath, query)  # type: ignore[attr-defined]
        timed("tree deepcopy (as trafilatura's backup)", copy.deepcopy, tree)
    print(f"{'extract raw checks, measured alone':44} {'ms/page':>8}")
    for label, sec in spent.items():
        print(f"  {label:42} {1000 * sec / len(pages):8.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("articles", "wcxb", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--warm", action="store_true",
                    help="clean every page once before timing (a long run's steady state)")
    args = ap.parse_args(argv)
    want = {"articles": [ARTICLES], "wcxb": [WCXB], "both": [ARTICLES, WCXB]}[args.set]
    missing = shared_missing(*want)
    if missing:
        print(missing)
        return 0
    print(f"profile_pipeline {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; CPU time")
    if ARTICLES in want:
        profile("article-extraction-benchmark", article_pages(args.limit), args.rounds,
                args.warm)
    if WCXB in want:
        profile("wcxb-dev subset (every 10th page)", wcxb_pages(limit=args.limit), args.rounds,
                args.warm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
