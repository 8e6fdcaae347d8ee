"""Old name of ``scripts/output_digest.py dump OUT.jsonl --set all`` (kept because
BENCHMARKS.md records a figure made with it): what ``clean()`` decides on the 181
article-benchmark pages, the seed page and every page under ``fixtures/``.

Usage: python scripts/dump_outputs.py OUT.jsonl [--limit N]
then ``python scripts/output_digest.py diff before.jsonl after.jsonl``.
"""

from __future__ import annotations

import sys

from output_digest import main

if __name__ == "__main__":
    sys.exit(main(["dump", *sys.argv[1:2], "--set", "all", *sys.argv[2:]]))
