"""Hostile-batch benchmark: the inputs of ``tests/test_hostile_batch.py`` in one
``cleaner clean`` run, and the same bombs at full size under the default caps.

Figures:
* the test corpus (every case of the hostile-batch suite, 1 MB ``max_input_bytes``):
  exit code, documents in / failed by reason, ``accounted``, wall and CPU seconds
  (parent + workers), peak RSS of the largest process (``getrusage`` of children);
* full size, default caps (``max_input_bytes`` 50 MB): a sparse 20 GB page, ``/dev/zero``
  and a ``.jsonl.gz`` of 1 MB inflating one line to 1 GB: the same figures, to show
  that memory stays bounded by the cap, not by the input.

Usage: python scripts/bench_hostile_batch.py [--bomb-mb 1024]
Needs no ../shared data (everything is generated).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def run(argv: list[str], cwd: Path) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    done = subprocess.run([str(Path(sys.executable).parent / "cleaner"), *argv], cwd=cwd,
                          capture_output=True, text=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out = Path(argv[argv.index("-o") + 1])
    summary = json.loads((cwd / out / "summary.json").read_text("utf-8"))
    return {
        "exit": done.returncode,
        "documents": summary["documents"]["in"],
        "failed": summary["failed_reasons"],
        "accounted": summary["accounted"],
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bomb-mb", type=int, default=1024,
                    help="size one JSONL line inflates to (default 1024 MB)")
    args = ap.parse_args()
    import test_hostile_batch as hb  # the suite's cases: one definition of the corpus

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus = base / "in"
        corpus.mkdir()
        for case in hb.CASES:
            case.build(corpus)
        hb._special(corpus)
        (base / "cfg.toml").write_text(f"[extraction]\nmax_input_bytes = {hb.CAP}\n", "utf-8")
        small = run(["clean", "in", "/dev/zero", "-o", "out", "-j", "2", "-q",
                     "--config", "cfg.toml"], base)
        print(f"hostile-batch suite corpus ({len(hb.CASES)} cases, cap {hb.CAP:,} B): {small}")

        big = base / "big"
        big.mkdir()
        with open(big / "sparse.html", "wb") as fh:
            fh.truncate(20 * 2**30)
        co = zlib.compressobj(9, zlib.DEFLATED, 31)
        with open(big / "bomb.jsonl.gz", "wb") as fh:
            fh.write(co.compress(b'{"id": "bomb", "text": "'))
            zeros = b"0" * (1 << 20)
            for _ in range(args.bomb_mb):
                fh.write(co.compress(zeros))
            fh.write(co.compress(b'"}\n'))
            fh.write(co.flush())
        gz_mb = (big / "bomb.jsonl.gz").stat().st_size / 2**20
        full = run(["clean", "big", "/dev/zero", "-o", "out-big", "-j", "1", "-q"], base)
        print(f"full size, default caps (20 GB sparse page, /dev/zero, {gz_mb:.1f} MB gzip "
              f"inflating one line to {args.bomb_mb} MB): {full}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
