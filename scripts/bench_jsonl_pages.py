"""A folder of pages to a JSONL corpus: ``cleaner clean DIR -o - --output-format jsonl``
vs trafilatura alone on the same pages, in one run.

Pages: the 181 ``html/*.html.gz`` of ``../shared/data/article-extraction-benchmark``,
read as shipped (gzipped, straight from the folder). Each command runs in a fresh
process, one job, stdout to a file; the runs are interleaved (cleaner, trafilatura,
cleaner, trafilatura ... ``--rounds`` times) and each figure is the median.

* docs/s: pages / wall seconds of the whole command (start-up included);
* docs per CPU-second: pages / (user + system CPU of the command and its workers):
  the per-core figure, robust to other load on the machine;
* bytes: the size of the JSONL written (compact report by default, ``--full-report``).

trafilatura alone: ``trafilatura.extract(html, output_format="json",
with_metadata=...)`` over the same files, one JSON line a page, in one process.

Usage: python scripts/bench_jsonl_pages.py [--rounds 2]
Skips (exit 0) with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"

TRAFILATURA = r"""
import gzip, json, sys
from pathlib import Path
import trafilatura
meta = sys.argv[2] == "1"
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for p in sorted(Path(sys.argv[1]).glob("*.html.gz")):
        html = gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        doc = trafilatura.extract(html, output_format="json", with_metadata=meta)
        if doc:
            out.write(doc.replace("\n", " ") + "\n")
"""


def timed(argv: list[str], stdout_path: Path) -> tuple[float, float, int]:
    """(wall s, CPU s of the process and its children, bytes written)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(stdout_path, "wb") as out:
        proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv[:4]} failed: {proc.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, stdout_path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not PAGES.is_dir():
        print(f"skipped: {PAGES} not found (../shared is absent)")
        return 0
    n = len(list(PAGES.glob("*.html.gz")))
    cleaner = [sys.executable, "-m", "cleaner.cli", "clean", str(PAGES), "-o", "-",
               "--output-format", "jsonl", "-j", "1", "-q"]
    runs = {
        "cleaner": cleaner,
        "trafilatura": [sys.executable, "-c", TRAFILATURA, str(PAGES), "0"],
        "cleaner --with-metadata": [*cleaner, "--with-metadata"],
        "trafilatura with_metadata": [sys.executable, "-c", TRAFILATURA, str(PAGES), "1"],
        "cleaner --full-report": [*cleaner, "--full-report"],
    }
    got: dict[str, list[tuple[float, float, int]]] = {k: [] for k in runs}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for name, argv in runs.items():
                out = Path(tmp) / f"{r}-{len(got[name])}.jsonl"
                if name.startswith("trafilatura"):
                    argv = [*argv, str(out)]
                got[name].append(timed(argv, out if not name.startswith("trafilatura")
                                       else Path(tmp) / "ignored"))
                if name.startswith("trafilatura"):
                    got[name][-1] = (*got[name][-1][:2], out.stat().st_size)
                w, c, b = got[name][-1]
                print(f"round {r} {name}: {w:.1f} s wall, {c:.1f} s CPU, {b} bytes",
                      file=sys.stderr)
    med = {k: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v),
               statistics.median(b for _, _, b in v)) for k, v in got.items()}
    print(f"pages: {n} (.html.gz, one folder); rounds: {args.rounds}; medians")
    print("| command | docs/s (wall) | docs per CPU-s | JSONL bytes |")
    print("|---|---|---|---|")
    for k, (w, c, b) in med.items():
        print(f"| {k} | {n / w:.2f} | {n / c:.2f} | {b:,} |")
    for a, b_ in (("cleaner", "trafilatura"),
                  ("cleaner --with-metadata", "trafilatura with_metadata")):
        print(f"{a} / {b_}: wall {med[b_][0] / med[a][0]:.3f}x, per CPU-s "
              f"{med[b_][1] / med[a][1]:.3f}x")
    full, compact = med["cleaner --full-report"], med["cleaner"]
    meta = med["cleaner --with-metadata"]
    print(f"--full-report / compact bytes: {full[2] / compact[2]:.2f}x")
    print(f"--with-metadata CPU / without: {meta[1] / compact[1]:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
