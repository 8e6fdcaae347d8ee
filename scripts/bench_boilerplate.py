"""Boilerplate benchmark: the labelled fixture set and trafilatura's eval pages.

1. ``fixtures/boilerplate`` (our labelled pages, always present): per-category
   precision and recall of removed lines (see ``cleaner.boilerplate.evaluate``),
   clean controls left unchanged, must-keep snippets lost.
2. ``../shared/data/trafilatura-eval`` (adbar/trafilatura test data, Apache-2.0):
   for its 20 pages with related/share/trending ``without`` snippets, how many
   ``without`` snippets survive and how many ``with`` snippets are lost --
   ``cleaner`` (PII stage off) vs ``trafilatura.extract(html, include_comments=False)``.
   Skipped with a message when ../shared is absent.

Usage: python scripts/bench_boilerplate.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "boilerplate"
TEVAL = ROOT.parent / "shared" / "data" / "trafilatura-eval"


def labelled(verbose: bool) -> None:
    from cleaner import Cleaner, CleanerConfig
    from cleaner.boilerplate.evaluate import evaluate, load_labels

    stages = tuple(s for s in CleanerConfig().stages if s != "pii")
    cleaner = Cleaner(CleanerConfig(stages=stages))
    records = load_labels(FIXTURES)
    pairs = [
        (r, cleaner.clean((FIXTURES / "pages" / r["page"]).read_bytes(), format=r["page"]))
        for r in records
    ]
    ev = evaluate(FIXTURES, pairs)
    langs = sorted({r["lang"] for r in records})
    print(f"labelled fixture set: {ev.pages} pages ({', '.join(langs)}), "
          f"{ev.controls} clean controls")
    print(f"{'category':12} {'P':>6} {'R':>6} {'removed':>8} {'labelled':>9}")
    for name, c in sorted(ev.categories.items()):
        print(f"{name:12} {c.precision:6.3f} {c.recall:6.3f} {c.removed:8d} {c.labelled:9d}")
    print(f"clean controls unchanged: {ev.controls_unchanged}/{ev.controls}; "
          f"must-keep snippets lost: {len(ev.keep_lost)}/{ev.keep_total}")
    if verbose:
        for item in ev.missed:
            print("  missed", item)
        for item in ev.false_removals:
            print("  false removal", item)
        for item in ev.keep_lost:
            print("  keep lost", item)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def trafilatura_eval(verbose: bool) -> None:
    tsv = TEVAL / "selected_pages_with_related_or_share_without_snippets.tsv"
    if not tsv.is_file():
        print(f"trafilatura-eval: skipped, {TEVAL} is absent (public data is not part of the repo)")
        return
    import trafilatura

    from cleaner import Cleaner, CleanerConfig

    data = json.loads((TEVAL / "tests" / "evaldata.json").read_text("utf-8"))
    by_file = {v["file"]: v for v in data.values()}
    stages = tuple(s for s in CleanerConfig().stages if s != "pii")
    cleaner = Cleaner(CleanerConfig(stages=stages))
    rows = [ln.split("\t") for ln in tsv.read_text("utf-8").splitlines()[1:] if ln.strip()]
    totals = {"pages": 0, "without": 0, "with": 0, "traf_without": 0, "ours_without": 0,
              "traf_with_lost": 0, "ours_with_lost": 0}
    for row in rows:
        name = row[0]
        path = next((p for p in (TEVAL / "tests" / "cache" / name, TEVAL / "tests" / "eval" / name)
                     if p.is_file()), None)
        entry = by_file.get(name)
        if path is None or entry is None:
            continue
        html = path.read_bytes()
        traf = _norm(trafilatura.extract(html.decode("utf-8", "replace"),
                                         include_comments=False) or "")
        ours = _norm(cleaner.clean(html, format="html").text)
        totals["pages"] += 1
        for s in entry.get("without", []):
            n = _norm(s)
            totals["without"] += 1
            totals["traf_without"] += n in traf
            totals["ours_without"] += n in ours
            if verbose and n in ours:
                print(f"  {name}: 'without' snippet survives: {s[:60]!r}")
        for s in entry.get("with", []):
            n = _norm(s)
            totals["with"] += 1
            totals["traf_with_lost"] += n not in traf
            totals["ours_with_lost"] += n not in ours
            if verbose and n not in ours and n in traf:
                print(f"  {name}: 'with' snippet lost by us: {s[:60]!r}")
    print(f"trafilatura-eval: {totals['pages']} pages with related/share 'without' snippets")
    print(f"{'extractor':12} {'without survive':>16} {'with lost':>10}")
    print(f"{'trafilatura':12} {totals['traf_without']:>9d} / {totals['without']:<4d}"
          f" {totals['traf_with_lost']:>4d} / {totals['with']}")
    print(f"{'cleaner':12} {totals['ours_without']:>9d} / {totals['without']:<4d}"
          f" {totals['ours_with_lost']:>4d} / {totals['with']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list misses and false removals")
    args = ap.parse_args(argv)
    labelled(args.verbose)
    print()
    trafilatura_eval(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
