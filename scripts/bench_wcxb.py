"""WCXB dev: ``cleaner`` vs trafilatura on 1,497 real pages of seven kinds, one run.

Data: ``../shared/data/wcxb-dev`` (WCXB v1.0, Foley 2026, CC-BY-4.0). Metric
(the benchmark's own, :mod:`cleaner.evaluation.wcxb`): per page, word-level
precision/recall/F1 of lower-cased ``\\w+`` token multisets against
``main_content``, means over pages; share of ``with`` snippets found and of
``without`` snippets found (case-insensitive substring, as WCXB's ``evaluate.py``
matches them: "Slashdot" is found inside a reader's "slashdotted"). Snippet shares are
means over the pages that have snippets; WCXB's ``evaluate.py`` scores a page without
any as 1.0 for both (19 dev pages have no ``with``, 15 no ``without``), so its
``without`` share is about 0.01 higher than ours on the same output.

Systems run interleaved page by page (so machine load hits all alike); speed is
pages per CPU-second (``time.process_time``) of each system's own calls:
* ``cleaner``          -- ``Cleaner`` with the PII stage off (text quality);
* ``cleaner(full)``    -- the default pipeline (PII tags change a few tokens);
* ``traf(default)``    -- ``trafilatura.extract(html)``, its defaults;
* ``traf(fast)``       -- ``trafilatura.extract(html, fast=True)``.
* ``cleaner(before)``  -- PII off, extraction as before issue #11 (no truncation
  recovery, no block model, hidden elements dropped on every page): the speed
  and quality reference for this change.
``--systems`` picks others (e.g. ``cleaner(no-bp)``: boilerplate stage off;
``cleaner(no-threadshape)``: the forum-thread rules of ``cleaner.threadshape`` off, i.e.
quotes of posts the page holds, signatures and per-post chrome kept).
The trafilatura systems run in this process, after ``Cleaner`` has installed its
output-identical speed patches of trafilatura (``cleaner.extract``): their outputs are
trafilatura's, their pages per CPU-second are not stock trafilatura's (faster); the
speed ratio against stock trafilatura is ``scripts/bench_speed.py``'s.

``--half develop|report`` keeps one half of a split by domain (sha1 of the page's
domain, even: develop, odd: report), fixed before any tuning on it: rules are
developed on one half and the other is reported once, as a held-out figure.

Usage: python scripts/bench_wcxb.py [--limit N] [--per-type N] [--types a,b] [--shard I/N]
       [--half develop|report] [--systems a,b] [--json out.json] [--worse 0.10]
Skips (exit 0) with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wcxb-dev"
sys.path.insert(0, str(ROOT))

from cleaner.evaluation.wcxb import (  # noqa: E402
    PAGE_TYPES,
    Page,
    PageScore,
    half_of_domain,
    load_pages,
    score_page,
    stratified,
    summarize,
)


def half_of(page: Page) -> str:
    """``develop`` or ``report``: the half of the domain split ``page`` falls in."""
    return half_of_domain(page.domain)


DEFAULT_SYSTEMS = ("cleaner", "cleaner(full)", "cleaner(before)", "traf(default)", "traf(fast)")


def make_systems(names: list[str]) -> dict[str, Callable[[str, str], str]]:
    import trafilatura

    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig, ExtractionConfig

    no_pii = tuple(s for s in CleanerConfig().stages if s != "pii")

    def cleaner_fn(cfg: CleanerConfig) -> Callable[[str, str], str]:
        c = Cleaner(cfg)
        return lambda html, url: c.clean(html, url=url or None, format="html").text

    factories: dict[str, Callable[[], Callable[[str, str], str]]] = {
        "cleaner": lambda: cleaner_fn(CleanerConfig(stages=no_pii)),
        "cleaner(full)": lambda: cleaner_fn(CleanerConfig()),
        "cleaner(no-bp)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, boilerplate=BoilerplateConfig(enabled=False))
        ),
        "cleaner(fallback)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(fallback=True))
        ),
        "cleaner(comments)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(include_comments=True))
        ),
        "cleaner(comment-pages)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(comment_pages=True))
        ),
        "cleaner(consent)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(drop_consent=True))
        ),
        "cleaner(keep-hidden)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(drop_hidden=False))
        ),
        "cleaner(keep-repeats)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(drop_repeats=False))
        ),
        "cleaner(keep-signatures)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(drop_signatures=False))
        ),
        "cleaner(keep-chrome)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(drop_post_chrome=False))
        ),
        "cleaner(no-threadshape)": lambda: cleaner_fn(CleanerConfig(
            stages=no_pii, extraction=ExtractionConfig(
                drop_repeats=False, drop_signatures=False, drop_post_chrome=False))),
        "cleaner(tail-model)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, boilerplate=BoilerplateConfig(tail_model=True))
        ),
        "cleaner(no-model)": lambda: cleaner_fn(
            CleanerConfig(stages=no_pii, extraction=ExtractionConfig(block_model=False))
        ),
        "cleaner(before)": lambda: cleaner_fn(CleanerConfig(
            stages=no_pii, extraction=ExtractionConfig(
                recover_truncation=False, block_model=False, drop_hidden_all=True))),
        "traf(default)": lambda: lambda html, url: trafilatura.extract(html) or "",
        "traf(fast)": lambda: lambda html, url: trafilatura.extract(html, fast=True) or "",
    }
    unknown = [n for n in names if n not in factories]
    if unknown:
        raise SystemExit(f"unknown systems {unknown}; known: {sorted(factories)}")
    return {n: factories[n]() for n in names}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages (by id)")
    ap.add_argument("--per-type", type=int, default=None,
                    help="a fixed stratified subset: N pages of each type")
    ap.add_argument("--types", default=None, help="comma-separated page types")
    ap.add_argument("--shard", default=None,
                    help="I/N: every N-th page from the I-th (0-based), to run N processes")
    ap.add_argument("--half", choices=("develop", "report"), default=None,
                    help="one half of the split by sha1(domain): develop (even), report (odd)")
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS))
    ap.add_argument("--worse", type=float, default=0.10,
                    help="list pages where cleaner's F1 is below traf(default) by more")
    ap.add_argument("--json", type=Path, default=None, help="write figures and per-page scores")
    ap.add_argument("--merge", type=Path, nargs="+", default=None,
                    help="report over the --json files of --shard runs instead of running")
    args = ap.parse_args(argv)
    if not (DATA / "ground-truth").is_dir():
        print(f"skipped: {DATA} is absent (public data is not part of the repo)")
        return 0
    if args.merge:
        return merge(args.merge, args)
    types = args.types.split(",") if args.types else None
    pages = load_pages(DATA, types=types)
    if args.half:
        pages = [p for p in pages if half_of(p) == args.half]
    if args.per_type:
        pages = stratified(pages, args.per_type)
    if args.limit:
        pages = pages[: args.limit]
    if args.shard:
        i, n = _shard(args.shard)
        pages = pages[i::n]
    names = [n for n in args.systems.split(",") if n]
    systems = make_systems(names)
    for fn in systems.values():  # warm-up: imports, engines, caches
        fn(pages[0].html(), pages[0].url)

    cpu = dict.fromkeys(names, 0.0)
    scores: dict[str, dict[str, PageScore]] = {n: {} for n in names}
    for page in pages:
        html = page.html()
        for name, fn in systems.items():
            t0 = time.process_time()
            out = fn(html, page.url)
            cpu[name] += time.process_time() - t0
            scores[name][page.id] = score_page(page, out)
    return report(pages, names, scores, cpu, args)


def _shard(spec: str) -> tuple[int, int]:
    """``I/N`` as (I, N), 0 <= I < N; anything else is refused (``2/2`` once silently
    dropped the first page of a two-process run)."""
    try:
        i, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise SystemExit(f"--shard {spec!r}: expected I/N, e.g. 0/2 and 1/2") from None
    if not 0 <= i < n:
        raise SystemExit(f"--shard {spec!r}: I is 0-based, 0 <= I < N (0/{n} .. {n - 1}/{n})")
    return i, n


def merge(files: list[Path], args: argparse.Namespace) -> int:
    """One report over shard runs (their pages are disjoint; CPU seconds add up)."""
    scores: dict[str, dict[str, PageScore]] = {}
    cpu: dict[str, float] = {}
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        for name, fig in data["systems"].items():
            cpu[name] = cpu.get(name, 0.0) + fig["cpu_s"]
            for pid, row in fig["pages"].items():
                scores.setdefault(name, {})[pid] = PageScore(*row)
    names = list(scores)
    pages = load_pages(DATA, ids=scores[names[0]])
    if args.half:  # per-page CPU is not stored: pages per CPU-second stay the whole run's
        kept = [p for p in pages if half_of(p) == args.half]
        cpu = {n: c * len(kept) / len(pages) for n, c in cpu.items()}
        pages = kept
        scores = {n: {p.id: v[p.id] for p in pages} for n, v in scores.items()}
    return report(pages, names, scores, cpu, args)


def report(
    pages: list[Page], names: list[str], scores: dict[str, dict[str, PageScore]],
    cpu: dict[str, float], args: argparse.Namespace,
) -> int:
    kinds = [k for k in PAGE_TYPES if any(p.page_type == k for p in pages)]
    print(f"WCXB dev: {len(pages)} pages; word P/R/F1 of lower-cased \\w+ multisets (mean over"
          " pages), with/without snippet shares; pages per CPU-second")
    print(f"{'system':18} {'P':>6} {'R':>6} {'F1':>6} {'with':>6} {'w/out':>6} {'pages/cpu-s':>11}")
    result: dict[str, object] = {"pages": len(pages), "systems": {}}
    type_of = {p.id: p.page_type for p in pages}
    for name in names:
        s = summarize(scores[name].values())
        rate = len(pages) / cpu[name] if cpu[name] else 0.0
        print(f"{name:18} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.with_found:6.3f}"
              f" {s.without_found:6.3f} {rate:11.2f}")
        by_type = {
            k: summarize(v for pid, v in scores[name].items() if type_of[pid] == k).to_dict()
            for k in kinds
        }
        result["systems"][name] = {  # type: ignore[index]
            "overall": s.to_dict(), "pages_per_cpu_s": round(rate, 3), "by_type": by_type,
            "f1": {pid: round(v.f1, 4) for pid, v in scores[name].items()},
            "cpu_s": round(cpu[name], 3),
            "pages": {pid: [v.precision, v.recall, v.f1, v.with_found, v.without_found]
                      for pid, v in scores[name].items()},
        }
    print("\nF1 by page type")
    print(f"{'type':14} {'pages':>5} " + " ".join(f"{n[:14]:>14}" for n in names))
    for k in kinds:
        row = [summarize(v for pid, v in scores[n].items() if type_of[pid] == k) for n in names]
        print(f"{k:14} {row[0].pages:5d} " + " ".join(f"{r.f1:14.3f}" for r in row))
    ours = next((n for n in names if n.startswith("cleaner")), None)
    base = "traf(default)" if "traf(default)" in names else None
    if ours and base:
        worse = sorted(
            (scores[ours][p.id].f1 - scores[base][p.id].f1, p) for p in pages
            if scores[ours][p.id].f1 < scores[base][p.id].f1 - args.worse
        )
        print(f"\n{ours} worse than {base} by > {args.worse:.2f} F1: {len(worse)} pages"
              f" ({len(worse) / len(pages):.1%})")
        for delta, p in worse:
            print(f"  {p.id} {p.page_type:13} {ours} {scores[ours][p.id].f1:.3f}"
                  f" {base} {scores[base][p.id].f1:.3f} ({delta:+.3f}) {p.domain}")
        result["worse"] = [p.id for _, p in worse]
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
