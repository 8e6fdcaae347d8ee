"""Benchmark ``cleaner check`` and the Scrapy pipeline (issue 6).

Figures printed:

* engine build: what every ``cleaner check`` run (each pre-commit hook call) pays once;
* HTML: the 181 pages of the article-extraction benchmark checked as ``.html``
  files: ms/page, findings, and how many findings the HTML locator placed on
  their source line (the rest fall back to line 1), and the locator's share of time;
* JSONL: the dolma Common Crawl samples (``.jsonl.gz``) checked record by record;
* baseline: PBKDF2 cost per finding;
* Scrapy: the longest stall of the event loop while the pipeline cleans pages and
  the share of time it was blocked, with the worker thread (``CLEANER_THREADED``)
  and inline, and items/s.

Needs ../shared for the HTML and JSONL figures (skipped with a message when absent).

    python scripts/bench_check.py [--pages 181] [--items 40]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import html
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"


def bench_build() -> object:
    from cleaner.check import Checker
    from cleaner.config import CleanerConfig

    t0 = time.perf_counter()
    checker = Checker(CleanerConfig())
    _ = checker.cleaner
    print(f"engine build (Cleaner with default stages): {time.perf_counter() - t0:.2f} s")
    return checker


def bench_html(checker: object, n_pages: int) -> None:
    from cleaner.check import Checker, HTMLLocator

    assert isinstance(checker, Checker)
    src = SHARED / "article-extraction-benchmark" / "html"
    if not src.is_dir():
        print(f"HTML: skipped ({src} is absent)")
        return
    files = sorted(src.glob("*.html.gz"))[:n_pages]
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for f in files:
            p = Path(d) / f.name.removesuffix(".gz")
            p.write_bytes(gzip.decompress(f.read_bytes()))
            paths.append(p)
        times, n_findings, failed, verified, spanned = [], 0, 0, 0, 0
        cats: dict[str, int] = {}
        t_all = time.perf_counter()
        for p in paths:
            t0 = time.perf_counter()
            fc = checker.check_file(p)
            times.append(time.perf_counter() - t0)
            n_findings += len(fc.findings)
            lines = html.unescape(p.read_text("utf-8", "replace")).split("\n")
            for f in fc.findings:
                if f.value.split():
                    spanned += 1
                    verified += f.value.split()[0] in lines[f.line - 1]
            failed += sum(1 for f in fc.findings if f.category == "error")
            for f in fc.findings:
                cats[f.category] = cats.get(f.category, 0) + 1
        total = time.perf_counter() - t_all
        t0 = time.perf_counter()
        for p in paths:
            HTMLLocator(p.read_text("utf-8", "replace")).locate("x")
        t_locator = time.perf_counter() - t0
    located, missed = checker.html_located, checker.html_unlocated
    print(
        f"HTML: {len(paths)} pages in {total:.1f} s, {1000 * total / len(paths):.0f} ms/page "
        f"(median {1000 * statistics.median(times):.0f}, max {1000 * max(times):.0f}); "
        f"{n_findings} findings {dict(sorted(cats.items()))}; errors {failed}"
    )
    share = t_locator / total if total else 0.0
    print(
        f"HTML line mapping: {located}/{located + missed} findings placed on their source line "
        f"({100 * located / max(1, located + missed):.1f}%), {missed} fell back to line 1; "
        f"checked: the finding's first word is on the reported line for {verified}/{spanned}; "
        f"locator index {1000 * t_locator / len(paths):.1f} ms/page if built for every page "
        f"({100 * share:.1f}% of check time; built only for pages with findings)"
    )


def bench_jsonl(checker: object) -> None:
    from cleaner.check import Checker

    assert isinstance(checker, Checker)
    files = sorted((SHARED / "dolma-samples").rglob("*.jsonl.gz"))
    if not files:
        print("JSONL: skipped (../shared/data/dolma-samples is absent)")
        return
    with tempfile.TemporaryDirectory() as d:
        n_records = n_findings = 0
        t0 = time.perf_counter()
        for f in files:
            p = Path(d) / f.name
            shutil.copy(f, p)
            fc = checker.check_file(p)
            n_records += len(fc.units)
            n_findings += len(fc.findings)
        total = time.perf_counter() - t0
    print(
        f"JSONL.gz: {len(files)} files, {n_records} records in {total:.1f} s "
        f"({1000 * total / max(1, n_records):.0f} ms/record), {n_findings} findings"
    )


def bench_baseline() -> None:
    from cleaner.check import BASELINE_ITERATIONS, CheckFinding

    f = CheckFinding("a.txt", 1, 1, "pii", "email", "email address", type="EMAIL_ADDRESS",
                     value="someone@example.org")
    n = 200
    t0 = time.perf_counter()
    for i in range(n):
        f.digest(f"salt{i}")
    per = (time.perf_counter() - t0) / n
    print(f"baseline: PBKDF2-SHA256 x{BASELINE_ITERATIONS}: {1000 * per:.2f} ms per finding")


async def _stalls(pipe: object, pages: list[bytes], n_items: int) -> tuple[float, float, float]:
    from scrapy.exceptions import DropItem

    from cleaner.integrations.scrapy import CleanerPipeline

    assert isinstance(pipe, CleanerPipeline)
    gaps: list[float] = []
    running = True

    async def ticker() -> None:
        last = time.perf_counter()
        while running:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last - 0.005)
            last = now

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    t0 = time.perf_counter()
    for i in range(n_items):
        item = {"html": pages[i % len(pages)], "url": f"https://x.example/{i}"}
        with contextlib.suppress(DropItem):  # rejected pages were cleaned all the same
            await pipe.process_item(item)
    elapsed = time.perf_counter() - t0
    running = False
    await tick
    blocked = sum(g for g in gaps if g >= 0.05)
    return max(gaps), blocked / elapsed, n_items / elapsed


def bench_scrapy(n_items: int) -> None:
    try:
        from cleaner.integrations.scrapy import CleanerPipeline
    except Exception as exc:
        print(f"Scrapy: skipped ({exc})")
        return
    site = sorted((ROOT / "fixtures" / "scrapy" / "site").glob("*.html"))
    pages = [p.read_bytes() for p in [*site, *sorted((ROOT / "fixtures" / "pages").glob("*.html"))]]
    for threaded in (True, False):
        pipe = CleanerPipeline(threaded=threaded)
        pipe.open_spider()
        if pipe._warmup is not None:
            pipe._warmup.result()
        worst, blocked, rate = asyncio.run(_stalls(pipe, pages, n_items))
        pipe.close_spider()
        mode = "worker thread" if threaded else "inline       "
        print(
            f"Scrapy pipeline, {mode}: {rate:.1f} items/s; event-loop stall max "
            f"{1000 * worst:.0f} ms; loop blocked (stalls >= 50 ms) {100 * blocked:.0f}% "
            f"of the time ({n_items} items)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=181)
    ap.add_argument("--items", type=int, default=40)
    args = ap.parse_args()
    checker = bench_build()
    bench_html(checker, args.pages)
    bench_jsonl(checker)
    bench_baseline()
    bench_scrapy(args.items)


if __name__ == "__main__":
    main()
