"""Speed targets of issue #13, each a ratio within one run, CPU time (``time.process_time``).

* pipeline pages per CPU-second / ``trafilatura.extract`` default's, interleaved page by
  page, on the 181 article-benchmark pages and a WCXB dev subset (every 10th page);
  target >= 1.2x;
* ``Cleaner()`` start-up CPU in a fresh subprocess (default pipeline, and without the
  PII stage), plus the first page (trafilatura is imported then); target <= 0.5 s;
* per-character CPU of the pipeline on a real page whose body is repeated 16x and 64x,
  against the page itself (1x); target: 64x within 1.5x of 1x.

Usage: python scripts/bench_speed.py [--rounds R] [--skip-scaling]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from speedkit import (
    ARTICLES,
    WCXB,
    Page,
    article_pages,
    interleaved,
    shared_missing,
    warm_up,
    wcxb_pages,
)

_STARTUP = r"""
import json, sys, time
t0 = time.process_time()
from cleaner import Cleaner, CleanerConfig
t1 = time.process_time()
stages = None if sys.argv[1] == "default" else tuple(
    s for s in CleanerConfig().stages if s != "pii")
cleaner = Cleaner() if stages is None else Cleaner(CleanerConfig(stages=stages))
t2 = time.process_time()
HEAVY = ("spacy", "presidio_analyzer", "trafilatura", "numpy", "tldextract")
at_init = sorted(m for m in HEAVY if m in sys.modules)
cleaner.clean(sys.stdin.read(), format="html")
t3 = time.process_time()
# the first PII candidate window imports presidio (and spaCy) if the page had none
cleaner.clean("Contact us.\n\nEmail : first.window@example.org\n\n" + "Some words. " * 20)
t4 = time.process_time()
print(json.dumps({"import": t1 - t0, "cleaner": t2 - t1, "first_page": t3 - t2,
                  "first_pii": t4 - t3, "at_init": at_init,
                  "heavy": sorted(m for m in HEAVY if m in sys.modules)}))
"""

def startup(page: Page) -> None:
    print("\nstart-up (fresh subprocess, CPU s; target Cleaner() <= 0.5)")
    for which in ("default", "no-pii"):
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP, which], input=page.html, text=True,
            capture_output=True, check=True,
        ).stdout
        r = json.loads(out)
        print(f"  {which:8} import cleaner {r['import']:.3f}  Cleaner() {r['cleaner']:.3f}  "
              f"first page {r['first_page']:.3f}  then a first PII candidate "
              f"{r['first_pii']:.3f}; heavy modules after Cleaner(): "
              f"{', '.join(r['at_init']) or 'none'}; at the end: "
              f"{', '.join(r['heavy']) or 'none'}")


def ratios(name: str, pages: list[Page], rounds: int) -> float:
    from cleaner import Cleaner

    cleaner = Cleaner()
    warm_up(cleaner, pages[0])

    def ours(page: Page) -> object:
        try:
            return cleaner.clean(page.html, url=page.url, format="html")
        except Exception:  # refused pages (InputError) cost what they cost
            return None

    v = interleaved(ours, pages, rounds=rounds)
    print(f"  {name:40} pipeline {v.pages / v.ours:6.1f} pages/CPU-s  trafilatura "
          f"{v.pages / v.theirs:6.1f}  ratio {v.ratio:.2f}x")
    return v.ratio


def _lengthen(html: str, times: int) -> str:
    """``html`` with the children of its element holding the most ``<p>`` repeated
    ``times`` times, each copy's paragraphs numbered (so no copy is a duplicate)."""
    import copy

    import lxml.html

    root = lxml.html.fromstring(html.encode("utf-8"))
    parent = max(root.iter(), key=lambda el: sum(1 for c in el if c.tag == "p"))
    children = list(parent)
    for k in range(1, times):
        for child in children:
            clone = copy.deepcopy(child)
            if clone.tag == "p":
                clone.text = f"({k}) " + (clone.text or "")
            parent.append(clone)
    return str(lxml.html.tostring(root, encoding="unicode"))


def scaling(pages: list[Page]) -> None:
    import lxml.html

    from cleaner import Cleaner

    def elements(p: Page) -> int:
        return len(lxml.html.fromstring(p.html.encode("utf-8")).xpath("//*"))

    # a mid-sized article (the median page by size) whose body is lengthened
    by_size = sorted(pages, key=lambda p: (len(p.html), p.id))
    page = by_size[len(by_size) // 2]
    cleaner = Cleaner()
    cleaner.clean(page.html, format="html")
    print(f"\nper-character cost (page {page.id[:12]}, {elements(page)} elements; the children "
          "of its main <p> container repeated; CPU us/char of input; target 64x within 1.5x "
          "of 1x)")
    base: tuple[float, int] | None = None
    marginal16 = None
    for times in (1, 16, 64):
        html = _lengthen(page.html, times)
        reps = max(1, 16 // times)
        t0 = time.process_time()
        try:
            for _ in range(reps):
                res = cleaner.clean(html, format="html")
        except Exception as exc:  # a refusal (InputError) is a result too
            print(f"  {times:3}x {len(html):10,} chars  refused: {exc}")
            continue
        cost = (time.process_time() - t0) / reps
        if base is None:
            base = (cost, len(html))
            print(f"  {times:3}x {len(html):9,} chars  {1e3 * cost:8.1f} ms  "
                  f"{1e6 * cost / len(html):6.3f} us/char  ({len(res.text):,} chars out)")
            continue
        # the page's own furniture is paid once: the added body is what must scale
        marginal = (cost - base[0]) / (len(html) - base[1]) * 1e6
        marginal16 = marginal16 or marginal
        print(f"  {times:3}x {len(html):9,} chars  {1e3 * cost:8.1f} ms  "
              f"{1e6 * cost / len(html):6.3f} us/char  added body {marginal:6.3f} us/char "
              f"({marginal / marginal16:4.2f}x of 16x's)  ({len(res.text):,} chars out)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--skip-scaling", action="store_true")
    args = ap.parse_args(argv)
    missing = shared_missing(ARTICLES, WCXB)
    if missing:
        print(missing)
        return 0
    print(f"bench_speed {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; CPU time, "
          "ratios within this run")
    articles = article_pages()
    print("pipeline vs trafilatura.extract default, interleaved page by page (target >= 1.2x)")
    ratios("article-extraction-benchmark (181)", articles, args.rounds)
    wcxb = wcxb_pages()
    ratios(f"wcxb-dev subset ({len(wcxb)}, every 10th)", wcxb, args.rounds)
    startup(articles[0])
    if not args.skip_scaling:
        scaling(articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
