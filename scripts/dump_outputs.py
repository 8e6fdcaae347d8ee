"""Dump what ``clean()`` decides for a fixed set of pages, to diff two builds.

For every page of the article-extraction benchmark (``../shared``, skipped when
absent), the seed page and every page under ``fixtures/`` it writes one JSON
line: the output text, the verdict, the quality score and reasons, the body
language and each finding's stage, category, rule, span, action and type.
Timings are left out, so two runs of one build give identical files.

Usage: python scripts/dump_outputs.py OUT.jsonl [--limit N]
then ``diff before.jsonl after.jsonl`` (a refactoring must leave it empty).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "data" / "article-extraction-benchmark" / "html"
_SUFFIXES = (".html", ".htm", ".txt", ".md")


def pages(limit: int | None) -> Iterator[tuple[str, bytes]]:
    if BENCH.is_dir():
        for path in sorted(BENCH.glob("*.html.gz"))[:limit]:
            yield f"bench/{path.name}", gzip.decompress(path.read_bytes())
    else:
        print(f"note: {BENCH} is absent: benchmark pages skipped", file=sys.stderr)
    seed = SHARED / "seed"
    if seed.is_dir():
        for path in sorted(seed.glob("*.txt")):
            yield f"seed/{path.name}", path.read_bytes()
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES:
            yield str(path.relative_to(ROOT)), path.read_bytes()


def record(name: str, source: bytes) -> dict[str, object]:
    from cleaner import clean
    from cleaner.errors import CleanerError

    try:
        result = clean(source)
    except CleanerError as exc:
        return {"page": name, "error": exc.reason}
    d = result.report.to_dict()
    return {
        "page": name,
        "text": result.text,
        "verdict": d["verdict"],
        "quality": {k: d["quality"][k] for k in ("score", "reasons", "signals")}
        if d["quality"] else None,
        "language": d["language"],
        "blocks": d["blocks"],
        "findings": [
            {k: f.get(k) for k in ("stage", "category", "rule", "score", "start", "end",
                                   "action", "type", "replacement")}
            for f in d["findings"]
        ],
        "summary": d["summary"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="benchmark pages to take")
    args = ap.parse_args()
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for name, source in pages(args.limit):
            fh.write(json.dumps(record(name, source), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
