"""Batch benchmark: ``cleaner clean`` over a JSONL corpus vs plain trafilatura, in one run.

Corpus: the 181 pages of ``../shared/data/article-extraction-benchmark``
repeated to ``--docs`` documents (default 2,000) as JSONL
(``{"id", "html", "url"}``), built in a temp dir; a second corpus ``--scale``
times larger (default 10x) for the memory figures.

Figures (one run, same machine, same documents):
* docs/s of ``cleaner clean CORPUS -o OUT -j 1`` and ``-j 2`` (wall clock of the
  whole command, start-up included), and the ratio 2 jobs / 1 job;
* docs/s of plain ``trafilatura.extract`` on the same documents in one process,
  and cleaner (1 job) / trafilatura: the per-core throughput ratio;
* CPU seconds (parent + workers, ``getrusage`` of children) and docs per
  CPU-second: the per-core figure, robust to other load on the machine;
* peak RSS of the parent and of each worker (psutil, sampled every 0.1 s) for
  the 1x and the Nx corpus with 2 jobs: flat when it does not grow with N.

Usage: python scripts/bench_batch.py [--docs 2000] [--scale 10] [--skip-scale]
Skips (exit 0) with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"


def load_pages() -> list[tuple[str, str, str]]:
    truth = json.loads((DATA / "ground-truth.json").read_text("utf-8"))
    pages = []
    for path in sorted((DATA / "html").glob("*.html.gz")):
        pid = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append((pid, html, truth.get(pid, {}).get("url") or f"https://bench.invalid/{pid}"))
    return pages


def build_corpus(path: Path, pages: list[tuple[str, str, str]], n: int, shards: int = 4) -> None:
    path.mkdir(parents=True, exist_ok=True)
    files = [open(path / f"part-{i:03d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
             for i in range(shards)]
    try:
        for i in range(n):
            pid, html, url = pages[i % len(pages)]
            row = {"id": f"{pid}-{i}", "html": html, "url": url}
            files[i * shards // n].write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        for f in files:
            f.close()


class PeakRSS:
    """Samples the RSS of a process and its children; keeps the peak per pid."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
            except psutil.Error:
                return
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            self._stop.wait(0.1)

    def stop(self) -> tuple[int, list[int]]:
        """(parent peak, worker peaks) in bytes."""
        self._stop.set()
        self._thread.join()
        parent = self.peaks.pop(self.proc.pid, 0)
        return parent, sorted(self.peaks.values(), reverse=True)


def run_clean(corpus: Path, out: Path, jobs: int, cwd: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "cleaner.cli", "clean", str(corpus), "-o", str(out),
           "-j", str(jobs), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stderr=subprocess.PIPE)
    sampler = PeakRSS(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    parent, workers = sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cleaner clean failed ({proc.returncode}): {err.decode()[-500:]}")
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    docs = summary["documents"]["in"]
    return {"docs": docs, "wall": wall, "docs_per_s": docs / wall, "cpu": cpu,
            "docs_per_cpu_s": docs / cpu, "parent_rss": parent,
            "worker_rss": workers[:jobs], "summary": summary}


def run_trafilatura(pages: list[tuple[str, str, str]], n: int) -> tuple[float, float]:
    """(docs per wall second, docs per CPU second) of plain trafilatura, one process."""
    import trafilatura

    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(n):
        _, html, url = pages[i % len(pages)]
        trafilatura.extract(html, url=url, include_comments=False)
    return n / (time.perf_counter() - t0), n / (time.process_time() - c0)


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--skip-scale", action="store_true", help="no Nx memory run")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (public data is not part of the repo)")
        return 0
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("skipped: psutil is needed to measure memory (pip install -e '.[test]')")
        return 0
    pages = load_pages()
    print(f"corpus: {len(pages)} benchmark pages repeated to {args.docs} JSONL documents; "
          f"cpu cores: {os.cpu_count()}")
    header = (f"{'run':<30}{'docs':>7}{'wall s':>9}{'docs/s':>9}{'CPU s':>9}{'docs/CPU-s':>12}"
              f"{'parent RSS':>12}{'worker RSS (peak)':>20}")

    def row(name: str, r: dict[str, Any]) -> None:
        print(f"{name:<30}{r['docs']:>7}{r['wall']:>9.1f}{r['docs_per_s']:>9.2f}"
              f"{r['cpu']:>9.1f}{r['docs_per_cpu_s']:>12.2f}{mb(r['parent_rss']):>12}"
              f"{', '.join(mb(w) for w in r['worker_rss']):>20}", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        t = Path(tmp)
        build_corpus(t / "c1", pages, args.docs)
        print(header, flush=True)
        traf, traf_cpu = run_trafilatura(pages, args.docs)
        print(f"{'trafilatura.extract (1 proc)':<30}{args.docs:>7}"
              f"{args.docs / traf:>9.1f}{traf:>9.2f}{args.docs / traf_cpu:>9.1f}"
              f"{traf_cpu:>12.2f}", flush=True)
        r1 = run_clean(t / "c1", t / "o1", 1, t)
        row("cleaner clean -j 1", r1)
        r2 = run_clean(t / "c1", t / "o2", 2, t)
        row("cleaner clean -j 2", r2)
        r10 = None
        if not args.skip_scale:
            build_corpus(t / "c10", pages, args.docs * args.scale, shards=4 * args.scale)
            r10 = run_clean(t / "c10", t / "o10", 2, t)
            row(f"cleaner clean -j 2 ({args.scale}x)", r10)
        s = r1["summary"]["documents"]
        print(f"outcomes (1 job): kept {s['kept']}, review {s['review']}, "
              f"rejected {s['rejected']}, failed {s['failed']} of {s['in']}")
        print(f"cleaner 1 job / trafilatura: {r1['docs_per_s'] / traf:.2f}x wall, "
              f"{r1['docs_per_cpu_s'] / traf_cpu:.2f}x per CPU-second (target >= 0.5x)")
        print(f"2 jobs / 1 job: {r2['docs_per_s'] / r1['docs_per_s']:.2f}x (target >= 1.7x)")
        if r10 is not None:
            w1, w10 = max(r2["worker_rss"]), max(r10["worker_rss"])
            print(f"peak worker RSS 1x -> {args.scale}x: {mb(w1)} -> {mb(w10)} "
                  f"({w10 / w1:.2f}x); parent {mb(r2['parent_rss'])} -> "
                  f"{mb(r10['parent_rss'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
