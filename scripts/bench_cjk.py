"""Pages of the article-extraction benchmark written in Chinese, Japanese, Korean or Thai:
their length by spaces and by ``cleaner.lexicon.word_count``, and the verdict.

    python scripts/bench_cjk.py

A page is selected when at least half of its ground-truth body's letters are Han, kana,
Hangul or Thai. Needs ../shared (skips with a message when absent).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def main() -> int:
    if not (BENCH / "ground-truth.json").is_file():
        print(f"skipped: {BENCH} is absent (public data is not part of the repo)")
        return 0
    from cleaner import Cleaner
    from cleaner.lexicon import word_count

    truth = json.loads((BENCH / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        body = item["articleBody"]
        letters = sum(1 for ch in body if ch.isalpha())
        if letters and len(_ASIAN.findall(body)) >= letters / 2:
            pages.append((page_id, item))
    cleaner = Cleaner()
    print(f"{len(pages)} of {len(truth)} pages are mostly CJK/Thai")
    print("| page | lang | ground truth: by spaces / word_count | output: by spaces / "
          "word_count | verdict | reasons |")
    print("|---|---|---|---|---|---|")
    for page_id, item in pages:
        html = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
        result = cleaner.clean(html, url=item["url"])
        q = result.report.to_dict()["quality"]
        body = item["articleBody"]
        print(f"| {page_id[:8]} | {result.language} | {len(body.split())} / {word_count(body)} "
              f"| {len(result.text.split())} / {word_count(result.text)} | {result.verdict} "
              f"| {'; '.join(q['reasons']) or '-'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
