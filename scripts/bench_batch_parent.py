"""Where a batch run's CPU goes: the parent process against its workers, in one run.

Runs ``cleaner clean CORPUS -o OUT -j N -q`` in a fresh process each (``cleaner.cli.main``
called in it, so its start-up is counted as in a real run) over
the corpus ``scripts/bench_batch.py`` builds (the 181 article-benchmark pages repeated to
``--docs`` JSONL documents) and prints, from ``getrusage``:

* the parent's CPU before its first worker is forked (imports, ``Cleaner()``, the fork
  warm-up of ``cleaner._parallel.warm_for_fork``: serial, in every ``-j``);
* the parent's CPU after it (reading, handing out records, writing results);
* the workers' CPU (``RUSAGE_CHILDREN``), the total, and the wall time;
* the quiet-machine bound on ``-j 2`` / ``-j 1`` these figures allow:
  ``(start-up + workers(-j 1)) / (start-up + (total(-j 2) - start-up) / 2)``.

Usage: python scripts/bench_batch_parent.py [--docs 1448] [--jobs 1 2]
Skips (exit 0) with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_batch


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run(corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    import cleaner.batch.local as local
    import cleaner.cli

    first: list[float] = []
    spawn = local.LocalPool._spawn

    def timed_spawn(self: Any) -> Any:
        if not first:
            first.append(_cpu(resource.RUSAGE_SELF))
        return spawn(self)

    s0, c0, t0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    local.LocalPool._spawn = timed_spawn  # type: ignore[method-assign]
    try:
        rc = cleaner.cli.main(["clean", str(corpus), "-o", str(out), "-j", str(jobs), "-q"])
    finally:
        local.LocalPool._spawn = spawn  # type: ignore[method-assign]
    wall = time.perf_counter() - t0
    parent = _cpu(resource.RUSAGE_SELF) - s0
    workers = _cpu(resource.RUSAGE_CHILDREN) - c0
    startup = (first[0] - s0) if first else parent
    return {"rc": rc, "wall": wall, "startup": startup, "parent_run": parent - startup,
            "workers": workers, "total": parent + workers}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1448)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--one", nargs=3, metavar=("CORPUS", "OUT", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:  # the child: one run, its figures as JSON
        corpus, out, jobs = args.one
        print(json.dumps(run(Path(corpus), Path(out), int(jobs))))
        return 0
    if not bench_batch.DATA.is_dir():
        print(f"skipped: {bench_batch.DATA} is absent (public data is not part of the repo)")
        return 0
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_parent_") as tmp:
        t = Path(tmp)
        bench_batch.build_corpus(t / "c", bench_batch.load_pages(), args.docs)
        print(f"{args.docs} JSONL documents; CPU seconds (getrusage)")
        print(f"{'jobs':>4}{'wall s':>9}{'start-up':>10}{'parent run':>12}{'workers':>9}"
              f"{'total':>8}")
        for jobs in args.jobs:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(t / "c"), str(t / f"o{jobs}"), str(jobs)],
                check=True, capture_output=True, text=True)
            r = results[jobs] = json.loads(done.stdout.strip().splitlines()[-1])
            if r["rc"] not in (0, 1):
                raise SystemExit(f"cleaner clean failed with exit {r['rc']}")
            print(f"{jobs:>4}{r['wall']:>9.1f}{r['startup']:>10.2f}{r['parent_run']:>12.2f}"
                  f"{r['workers']:>9.2f}{r['total']:>8.2f}", flush=True)
    if 1 in results and 2 in results:
        one, two = results[1], results[2]
        w = two["startup"]
        bound = (one["startup"] + one["workers"]) / (w + (two["total"] - w) / 2)
        print(f"quiet-machine bound on -j 2 / -j 1 from these CPU figures: {bound:.2f}x "
              f"(measured wall ratio here {one['wall'] / two['wall']:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
