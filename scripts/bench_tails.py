"""Spam tails nobody wrote a rule for (issue 12): the generated benchmark.

Pages from ``scripts/gen_tails.py`` (body kinds, layout families and Faker locales
split into a *develop* and a *report* half, and *fresh* and *fresh2* splits with their
own seeds, locales, bodies and layouts, each decided before it was first run; the
report and fresh halves have been looked at since: fresh2 is the held-out figure).
Per half, with the PII stage off (so only the boilerplate stage removes personal data):

* **spam-tail lines surviving** -- printed copies of headlines, section headers,
  card/social/bio lines still in the output, over all printed copies;
* **card/social PII surviving** -- e-mails, phones, birth dates, addresses,
  usernames and profile URLs of the tail still in the output (pages with any);
* **body word-F1** -- multiset F1 of lower-cased ``\\w+`` tokens of the output against
  the untouched body (the clean twin cleaned with the boilerplate stage off);
* **controls byte-identical** -- clean twins whose output is the same with the stage on
  and off.

Usage: python scripts/bench_tails.py [--n N]
       [--half develop|report|fresh|fresh2|dev2|fresh3|fresh4|fresh5|fresh6|fresh7|both|all]
       [--verbose]
       [--dump F] [--tail-model]
       python scripts/bench_tails.py --speed ROUNDS
       (``both``: develop and report; ``all``: the three looked-at halves: the ``fresh2``,
       ``fresh3``, ``fresh4``, ``fresh5``, ``fresh6`` and (held out) ``fresh7`` splits and
       the ``dev2`` text-layout development split are scored only when named; ``--verbose``
       prints surviving lines: on a held-out split read only the summary and the
       per-family lines)
Skipped with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import gen_tails  # noqa: E402

_W = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " " + " ".join(_W.findall(text.lower())) + " "


def _f1(out: str, ref: str) -> float:
    a, b = Counter(_W.findall(out.lower())), Counter(_W.findall(ref.lower()))
    if not a and not b:
        return 1.0
    tp = sum((a & b).values())
    p = tp / sum(a.values()) if a else 0.0
    r = tp / sum(b.values()) if b else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def tail_lines(s: gen_tails.Sample) -> list[tuple[str, int]]:
    return list(zip(s.spam_lines, s.spam_counts, strict=True))


def run_half(half: str, n: int, verbose: bool, dump: Any = None,
             seed: int | None = None, tail_model: Any = None) -> dict[str, float]:
    """Score one split; ``tail_model``: a :class:`cleaner.boilerplate.tailmodel.TailModel`
    the stage runs after its rules (None: rules alone, or the configuration's)."""
    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig

    stages = tuple(s for s in CleanerConfig().stages if s != "pii")
    on = Cleaner(CleanerConfig(stages=stages))
    if tail_model is not None:
        for stage in on.stages:
            if stage.name == "boilerplate":
                stage.tail_model = tail_model  # type: ignore[attr-defined]
    off = Cleaner(CleanerConfig(stages=stages, boilerplate=BoilerplateConfig(enabled=False)))
    printed = survived = 0
    pii_total = pii_left = pii_pages_left = 0
    f1s: list[float] = []
    controls = controls_same = 0
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    t0 = time.process_time()
    for s, page, twin in gen_tails.generate(half, n, seed):
        result = on.clean(page, format=s.format)
        out = result.text
        if dump is not None:  # output and boilerplate findings, to diff two builds
            found = [f.to_dict() for f in result.document.findings if f.stage == "boilerplate"]
            dump.write(json.dumps({"id": s.id, "text": out, "findings": found},
                                  ensure_ascii=False, sort_keys=True) + "\n")
        ref = off.clean(twin, format=s.format).text
        twin_on = on.clean(twin, format=s.format).text
        norm_out = _norm(out)
        left_here = 0
        for line, count in tail_lines(s):
            key = _norm(line)
            if key.strip() == "":
                continue
            got = min(norm_out.count(key), count)
            printed += count
            survived += got
            left_here += got
            if got and verbose:
                print(f"  {s.id} {s.layout}/{s.body_kind}/{s.locale}: survives x{got}: "
                      f"{line[:90]!r}")
        pii_here = 0
        for value in s.pii:
            key = _norm(value)
            if key.strip() == "":
                continue
            pii_total += 1
            if key in norm_out:
                pii_here += 1
                if verbose:
                    print(f"  {s.id} {s.layout}/{s.body_kind}/{s.locale}: PII survives "
                          f"({len(value)} chars)")
        pii_left += pii_here
        pii_pages_left += bool(pii_here)
        f1 = _f1(out, ref)
        f1s.append(f1)
        if verbose and f1 < 0.99:
            print(f"  {s.id} {s.layout}/{s.body_kind}: body F1 {f1:.3f}")
        controls += 1
        same = twin_on == ref
        controls_same += same
        if verbose and not same:
            print(f"  {s.id} {s.layout}/{s.body_kind}: control changed")
        fam = by_family[f"{s.layout}/{s.body_kind}"]
        fam[0] += sum(c for _, c in tail_lines(s))
        fam[1] += left_here
        fam[2] += pii_here
    cpu = time.process_time() - t0
    res = {
        "samples": float(n),
        "spam_survive": survived / printed if printed else 0.0,
        "pii_survive": pii_left / pii_total if pii_total else 0.0,
        "pii_pages": float(pii_pages_left),
        "f1": sum(f1s) / len(f1s) if f1s else 1.0,
        "f1_min": min(f1s) if f1s else 1.0,
        "controls": controls_same / controls if controls else 1.0,
    }
    tag = half if seed is None else f"{half} seed {seed}"
    print(f"[{tag}] {n} pages ({', '.join(gen_tails.LAYOUTS[half])}; "
          f"{', '.join(gen_tails.BODIES[half])}; {len(gen_tails.LOCALES[half])} locales)")
    print(f"  spam-tail lines surviving: {survived}/{printed} = {res['spam_survive']:.2%}")
    print(f"  card/social PII surviving: {pii_left}/{pii_total} = {res['pii_survive']:.2%} "
          f"({pii_pages_left} pages)")
    print(f"  body word-F1 vs untouched body: mean {res['f1']:.4f}, min {res['f1_min']:.4f}")
    print(f"  controls byte-identical: {controls_same}/{controls}")
    print(f"  cpu {cpu:.1f} s")
    if verbose:
        for fam, (p, s_, pii) in sorted(by_family.items()):
            print(f"    {fam:40} lines {s_:3d}/{p:4d}  pii {pii}")
    return res


def speed(rounds: int) -> int:
    """CPU of the boilerplate stage per article-benchmark page (HTML, full pipeline):
    rules alone against rules + the shipped tail model, two cleaners in one process,
    page by page, alternating which goes first; after one untimed pass each."""
    from speedkit import ARTICLES, StageClock, article_pages, shared_missing

    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig

    missing = shared_missing(ARTICLES)
    if missing:
        print(missing)
        return 0
    pages = article_pages()
    clocks = {"rules": StageClock(), "rules+model": StageClock()}
    cleaners = {"rules": Cleaner(),
                "rules+model": Cleaner(CleanerConfig(
                    boilerplate=BoilerplateConfig(tail_model=True)))}
    for name, c in cleaners.items():
        clocks[name].instrument(c)
        for page in pages:  # untimed pass: first-use costs out of the figures
            c.clean(page.html, url=page.url, format="html")
        clocks[name].seconds.clear()
    order = list(cleaners)
    for r in range(rounds):
        for k, page in enumerate(pages):
            for name in (order if (k + r) % 2 == 0 else order[::-1]):
                clocks[name].clean(cleaners[name], page)
    for name, clock in clocks.items():
        bp = clock.seconds.get("boilerplate", 0.0) / clock.pages * 1000
        print(f"{name:12} {clock.pages} pages: boilerplate {bp:.3f} ms/page, clean() "
              f"{clock.total / clock.pages * 1000:.2f} ms/page (cpu)")
    return 0


def main() -> int:
    gen_tails.fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=160, help="pages per half")
    ap.add_argument("--half", choices=(*gen_tails.HALVES, "both", "all"), default="both")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--seed", type=int, help="another seed of the split's generator (new "
                    "pages of the same families: a development sample, or never-inspected "
                    "pages measured once)")
    ap.add_argument("--tail-model", action="store_true", help="with the shipped tail "
                    "model after the rules (cleaner/data/tail_model.json)")
    ap.add_argument("--dump", type=Path, help="write each page's output and boilerplate "
                    "findings (JSONL) to diff two builds")
    ap.add_argument("--speed", type=int, metavar="ROUNDS", help="instead: CPU of the "
                    "boilerplate stage on the article benchmark, rules alone vs with the "
                    "shipped tail model, interleaved (ROUNDS passes)")
    args = ap.parse_args()
    if args.speed:
        return speed(args.speed)
    if not gen_tails.ARTICLES.is_file() or not gen_tails.CLICKBAIT.is_dir():
        print("bench_tails: skipped, ../shared/data is absent (public data is not part of "
              "the repo)")
        return 0
    halves = {"both": ("develop", "report"), "all": ("develop", "report", "fresh")}.get(
        args.half, (args.half,))
    tail_model = None
    if args.tail_model:
        from cleaner.boilerplate.tailmodel import shipped_model

        tail_model = shipped_model()
        if tail_model is None:
            print("bench_tails: no cleaner/data/tail_model.json (run scripts/train_tails.py)")
            return 2
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        for half in halves:
            run_half(half, args.n, args.verbose, dump, args.seed, tail_model)
    finally:
        if dump is not None:
            dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
