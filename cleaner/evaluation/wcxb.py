"""WCXB (web content extraction benchmark, Foley 2026) metric and page loader.

The benchmark's own metric, per page: precision / recall / F1 of the multiset of
lower-cased ``\\w+`` tokens of the prediction against ``main_content``; the
share of ``with`` snippets found in the prediction and of ``without`` snippets
found (case-insensitive substring). Figures are means over pages.

One module so the bench (``scripts/bench_wcxb.py``), the gate test and the block
model's training (``scripts/train_blocks.py``) compute the same numbers.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+")
PAGE_TYPES = (
    "article", "forum", "product", "collection", "listing", "documentation", "service",
)


def tokens(text: str) -> Counter[str]:
    """Multiset of lower-cased ``\\w+`` tokens."""
    return Counter(_TOKEN.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class PageScore:
    precision: float
    recall: float
    f1: float
    #: share of ``with`` snippets found (``None`` when the page has none)
    with_found: float | None
    #: share of ``without`` snippets found (``None`` when the page has none)
    without_found: float | None


def word_prf(truth: Counter[str] | str, pred: Counter[str] | str) -> tuple[float, float, float]:
    t = tokens(truth) if isinstance(truth, str) else truth
    p = tokens(pred) if isinstance(pred, str) else pred
    nt, np_ = sum(t.values()), sum(p.values())
    if nt == 0 and np_ == 0:
        return 1.0, 1.0, 1.0
    if nt == 0 or np_ == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((t & p).values())
    prec, rec = overlap / np_, overlap / nt
    f1 = 2 * prec * rec / (prec + rec) if overlap else 0.0
    return prec, rec, f1


def _share(snippets: Sequence[str], text_lower: str) -> float | None:
    usable = [s for s in snippets if s and s.strip()]
    if not usable:
        return None
    return sum(1 for s in usable if s.lower() in text_lower) / len(usable)


def score_page(page: Page, pred: str) -> PageScore:
    p, r, f = word_prf(page.truth_tokens, tokens(pred))
    low = pred.lower()
    return PageScore(p, r, f, _share(page.with_snippets, low), _share(page.without_snippets, low))


@dataclass(frozen=True, slots=True)
class Summary:
    pages: int
    precision: float
    recall: float
    f1: float
    with_found: float
    without_found: float

    def to_dict(self) -> dict[str, float | int]:
        return {
            "pages": self.pages, "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "with_found": round(self.with_found, 4),
            "without_found": round(self.without_found, 4),
        }


def summarize(scores: Iterable[PageScore]) -> Summary:
    """Means over pages (snippet shares over the pages that have snippets)."""
    s = list(scores)
    n = len(s) or 1

    def mean(vals: list[float]) -> float:
        return sum(vals) / len(vals) if vals else 0.0

    return Summary(
        len(s),
        sum(x.precision for x in s) / n,
        sum(x.recall for x in s) / n,
        sum(x.f1 for x in s) / n,
        mean([x.with_found for x in s if x.with_found is not None]),
        mean([x.without_found for x in s if x.without_found is not None]),
    )


@dataclass(slots=True)
class Page:
    id: str
    url: str
    page_type: str
    main_content: str
    with_snippets: list[str]
    without_snippets: list[str]
    html_path: Path
    truth_tokens: Counter[str] = field(default_factory=Counter)

    def html(self) -> str:
        return gzip.decompress(self.html_path.read_bytes()).decode("utf-8", "replace")

    @property
    def domain(self) -> str:
        return url_domain(self.url)


def url_domain(url: str) -> str:
    """Lower-cased host of ``url`` without port and leading ``www.``."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    return host.removeprefix("www.")


HALVES = ("develop", "report")


def half_of_domain(domain: str) -> str:
    """The half of the develop/report split ``domain`` falls in: sha1(domain) even or odd.

    The one split of both benchmarks (WCXB and the article benchmark): changes are
    developed on ``develop`` and ``report`` is measured once, as a held-out figure.
    Splitting by domain keeps pages of one site on one side.
    """
    return HALVES[int(hashlib.sha1(domain.encode()).hexdigest(), 16) % 2]


def _field(value: Any) -> dict[str, Any]:
    """Nested fields are dicts, or their Python repr in some files."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = ast.literal_eval(value)
        if isinstance(parsed, dict):
            return parsed
    return {}


def load_page(gt_path: Path, html_dir: Path) -> Page:
    raw = json.loads(gt_path.read_text("utf-8"))
    gt = _field(raw.get("ground_truth"))
    internal = _field(raw.get("_internal"))
    ptype = _field(internal.get("page_type")).get("primary", "unknown")
    main = gt.get("main_content") or ""
    pid = gt_path.name.split(".")[0]
    return Page(
        id=pid,
        url=str(raw.get("url") or ""),
        page_type=str(ptype),
        main_content=main,
        with_snippets=[str(s) for s in gt.get("with", raw.get("with")) or []],
        without_snippets=[str(s) for s in gt.get("without", raw.get("without")) or []],
        html_path=html_dir / f"{pid}.html.gz",
        truth_tokens=tokens(main),
    )


def load_pages(
    root: Path, *, ids: Iterable[str] | None = None, types: Iterable[str] | None = None
) -> list[Page]:
    """Pages of a WCXB split directory (``html/``, ``ground-truth/``), sorted by id."""
    wanted = set(ids) if ids is not None else None
    kinds = set(types) if types is not None else None
    pages = []
    for gt in sorted((root / "ground-truth").glob("*.json")):
        pid = gt.name.split(".")[0]
        if wanted is not None and pid not in wanted:
            continue
        page = load_page(gt, root / "html")
        if kinds is None or page.page_type in kinds:
            pages.append(page)
    return pages


def stratified(pages: Sequence[Page], per_type: int) -> list[Page]:
    """The first ``per_type`` pages of each type by a stable hash of the id (a fixed,
    representative subset: no randomness, independent of file order)."""
    def key(p: Page) -> str:
        return hashlib.sha256(p.id.encode()).hexdigest()

    out: list[Page] = []
    for kind in sorted({p.page_type for p in pages}):
        of_kind = sorted((p for p in pages if p.page_type == kind), key=key)
        out.extend(of_kind[:per_type])
    return sorted(out, key=lambda p: p.id)


def digest(paths: Iterable[Path]) -> str:
    """sha256 over the bytes of the files (in the given order) and their names."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
