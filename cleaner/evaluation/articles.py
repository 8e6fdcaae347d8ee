"""Article-extraction benchmark (scrapinghub, 181 pages) metric and loader.

Metric (as in its README): the text is tokenised into lower-cased ``\\w+`` tokens,
turned into 4-gram shingles (multiset); per page TP/FP/FN are normalised by their
sum; precision and recall are the means over pages and F1 is the harmonic mean
of those two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from cleaner.evaluation.wcxb import half_of_domain, url_domain

_TOKEN = re.compile(r"\w+")
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text.lower())
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(truth), shingles(pred)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    if s == 0:
        return 0.0, 0.0, 0.0
    return tp / s, fp / s, fn / s


def prf(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precs = [tp / (tp + fp) if tp + fp > 0 else 0.0 for tp, fp, _ in scores]
    recs = [tp / (tp + fn) if tp + fn > 0 else 0.0 for tp, _, fn in scores]
    p = sum(precs) / len(precs)
    r = sum(recs) / len(recs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def half_of(url: str) -> str:
    """``develop`` or ``report``: the split half of the page at ``url``."""
    return half_of_domain(url_domain(url))


def load_pages(
    root: Path, *, tail_only: bool = False, limit: int | None = None, half: str | None = None
) -> list[tuple[str, str, str]]:
    """(id, html, article body) of the benchmark in ``root``, sorted by id.

    ``half`` (``develop`` or ``report``) keeps one half of the split by the domain of
    the page's ``url`` (:func:`~cleaner.evaluation.wcxb.half_of_domain`, the WCXB
    split): 80 develop and 101 report pages. It is applied before ``limit``.
    """
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)
    if half:
        ids = [i for i in ids if half_of(truth[i]["url"]) == half]
    if tail_only:
        tsv = (root / "pages_with_tail_markers.tsv").read_text("utf-8").splitlines()[1:]
        wanted = {line.split("\t")[0] for line in tsv if line.strip()}
        ids = [i for i in ids if i in wanted]
    if limit:
        ids = ids[:limit]
    pages = []
    for pid in ids:
        raw = gzip.decompress((root / "html" / f"{pid}.html.gz").read_bytes())
        pages.append((pid, raw.decode("utf-8", "replace"), truth[pid]["articleBody"]))
    return pages
