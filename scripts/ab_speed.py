"""Old code against new, same run: CPU per page of two source trees, interleaved page by page.

    git archive main | tar -x -C /tmp/old            # the tree to compare against
    python scripts/ab_speed.py /tmp/old . [--set articles|wcxb] [--rounds R] [--limit N]

Each tree runs in its own worker process (``PYTHONPATH=<tree>``, started outside the
repository so the working copy is not imported by accident; each worker prints the
``cleaner`` it imported). The parent sends page numbers to both, alternating which goes
first, and sums the CPU time (``time.process_time``) each reports for the whole
``clean()`` and for each stage. Both workers clean every page once before timing
(first-use costs and langdetect's lazily filled table out of the figures). Ratios are
old CPU / new CPU: > 1 means the new tree is faster. Skips (exit 0) when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from speedkit import ARTICLES, WCXB, shared_missing

_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])  # speedkit (pages), not the code under test
from speedkit import StageClock, article_pages, warm_up, wcxb_pages
import cleaner
from cleaner import Cleaner
limit = int(sys.argv[3]) or None
pages = article_pages(limit) if sys.argv[2] == "articles" else wcxb_pages(limit=limit)
c = Cleaner()
clock = StageClock()
clock.instrument(c)
warm_up(c, pages[0])
for p in pages:
    c.clean(p.html, url=p.url, format="html")
print(json.dumps({"ready": cleaner.__file__, "pages": len(pages)}), flush=True)
for line in sys.stdin:
    page = pages[int(line)]
    before = dict(clock.seconds)
    t0 = time.process_time()
    c.clean(page.html, url=page.url, format="html")
    total = time.process_time() - t0
    stages = {k: v - before.get(k, 0.0) for k, v in clock.seconds.items()}
    print(json.dumps([total, stages]), flush=True)
"""


def _worker(tree: Path, which: str, limit: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, str(Path(__file__).resolve().parent), which, str(limit)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd="/",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--set", choices=("articles", "wcxb"), default="articles")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    missing = shared_missing(ARTICLES if args.set == "articles" else WCXB)
    if missing:
        print(missing)
        return 0
    workers = [_worker(args.old, args.set, args.limit), _worker(args.new, args.set, args.limit)]
    pages = 0
    for name, w in zip(("old", "new"), workers, strict=True):
        assert w.stdout is not None
        ready = json.loads(w.stdout.readline())
        pages = ready["pages"]
        print(f"{name}: {ready['ready']}")
    totals = [0.0, 0.0]
    stages: list[dict[str, float]] = [{}, {}]
    for r in range(args.rounds):
        for i in range(pages):
            order = (0, 1) if (i + r) % 2 == 0 else (1, 0)
            for side in order:
                w = workers[side]
                assert w.stdin is not None and w.stdout is not None
                w.stdin.write(f"{i}\n")
                w.stdin.flush()
                total, seconds = json.loads(w.stdout.readline())
                totals[side] += total
                for stage, spent in seconds.items():
                    stages[side][stage] = stages[side].get(stage, 0.0) + spent
    for w in workers:
        assert w.stdin is not None
        w.stdin.close()
        w.wait()
    n = pages * args.rounds
    old_t, new_t = totals
    print(f"{args.set}: {pages} pages x {args.rounds} round(s), CPU ms a page, interleaved")
    print(f"  {'pipeline:':12} old {1000 * old_t / n:6.2f}, new {1000 * new_t / n:6.2f}: "
          f"{old_t / new_t:.3f}x")
    for stage in sorted(stages[0], key=lambda k: -stages[0][k]):
        old_s, new_s = stages[0][stage], stages[1].get(stage, 0.0)
        ratio = f"{old_s / new_s:.3f}x" if new_s else "-"
        print(f"  {stage + ':':12} old {1000 * old_s / n:6.2f}, new {1000 * new_s / n:6.2f}: "
              f"{ratio}  (share old {100 * old_s / old_t:.1f}%, new {100 * new_s / new_t:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
