"""One self-contained HTML file that shows what the cleaner cut, and why.

``write_html_report(reports, path)`` takes report dicts (``Report.to_dict()``,
ideally with ``include_view=True``) and writes a single file that opens
offline: inline CSS, a small inline script, inline SVG plots, no network (a
Content-Security-Policy forbids every external fetch).

Layout:

* **Batch view** (static HTML, rendered here): totals, verdict and language
  distributions, removed blocks by category, PII by type, quality-score and
  removed-share histograms, the slowest and the most-cut documents, and the
  documents that could not be cleaned (a batch folder's ``failed/``: id, file,
  line, reason), so every input record of a run is accounted for on the page.
* **Document list** (rendered by the script from a compact JSON index): paged,
  50 rows a page, filterable by verdict, category and language, searchable by
  id/URL. The state lives in the URL fragment (``#verdict=review&page=2``).
* **Document view** (``#doc=N``): every document's details sit in their own
  ``<script type="application/json">`` element and are parsed only when the
  document is opened, so a batch of 10,000 documents opens as fast as one
  index. The text is rendered from the document's view
  (:func:`cleaner.view.document_view`): removed spans struck through and
  coloured by category with their rule and score, PII as type tags.

Everything from the data is escaped: the static part with ``html.escape``, the
JSON with ``<``/``>``/``&`` as ``\\u`` escapes, and the script writes only
``textContent``.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import categories
from ._version import DISTRIBUTION, __version__
from .errors import InputError
from .model import REPORT_SCHEMA
from .privacy import mask, mask_path

__all__ = [
    "HtmlReportStats",
    "build_html",
    "iter_reports",
    "normalize_record",
    "write_html_report",
]

PAGE_SIZE = 50
TOP_N = 10
#: a line of a batch run's ``failed/`` output, as :func:`normalize_record` returns it
FAILED_SCHEMA = "cleaner.failed/1"
#: failed documents listed one by one (all of them are counted)
FAILED_ROWS = 500

#: fixed swatches (from :mod:`cleaner.categories`); other categories get a hue from their name
CATEGORY_COLORS: dict[str, str] = {
    c.name: c.color for c in categories.CATEGORIES.values() if c.color is not None
}
VERDICT_COLORS: dict[str, str] = {"keep": "#2b8a3e", "review": "#e67700", "reject": "#c92a2a"}


@dataclass(frozen=True, slots=True)
class HtmlReportStats:
    """What :func:`write_html_report` wrote."""

    path: Path
    documents: int
    bytes: int
    seconds: float
    failed: int = 0


# -- input -------------------------------------------------------------------------------------


def normalize_record(obj: Any) -> dict[str, Any] | None:
    """A report dict from a report (``schema`` ``cleaner.report/1``) or from a record
    ``{"id", "text", "metadata": {"cleaner": <report>}}``; a line of a batch run's
    ``failed/`` output (``{"source_file", "line", "id", "reason", "error"}``) becomes
    ``{"schema": FAILED_SCHEMA, ...}`` with its id, file and message masked;
    ``None`` for anything else."""
    if not isinstance(obj, Mapping):
        return None
    if obj.get("schema") == REPORT_SCHEMA:
        return dict(obj)
    if isinstance(obj.get("reason"), str) and "source_file" in obj and "metadata" not in obj:
        line = obj.get("line")
        return {
            "schema": FAILED_SCHEMA,
            "id": mask(str(obj["id"]), 200) if obj.get("id") is not None else None,
            "file": mask_path(str(obj.get("source_file") or ""))[:300],
            "line": line if isinstance(line, int) and not isinstance(line, bool) else None,
            "reason": obj["reason"][:80],
            "error": mask(str(obj.get("error") or ""), 300),
        }
    meta = obj.get("metadata")
    if isinstance(meta, Mapping) and isinstance(meta.get("cleaner"), Mapping):
        rep = dict(meta["cleaner"])
        if rep.get("schema") != REPORT_SCHEMA:
            return None
        if rep.get("id") is None and obj.get("id") is not None:
            rep["id"] = str(obj["id"])
        if rep.get("url") is None and meta.get("url"):
            rep["url"] = meta.get("url")
        if "view" not in rep and isinstance(obj.get("text"), str):
            # the record's text is the clean output (already redacted): shown when no view
            rep["clean_text"] = obj["text"]
        return rep
    return None


def _open_text(path: Path) -> Iterator[str]:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            yield from fh
    else:
        with path.open("r", encoding="utf-8") as fh:
            yield from fh


def _iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Reports from a JSONL file; lines that are not reports (or not JSON) are skipped."""
    lines = _open_text(path)
    while True:
        try:
            line = next(lines, None)
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot read {path}: {type(exc).__name__}", reason="bad_report"
            ) from None
        if line is None:
            return
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError):  # 100,000 nested brackets: skipped
            continue
        rep = normalize_record(obj)
        if rep is not None:
            yield rep


def _iter_parquet(path: Path) -> Iterator[dict[str, Any]]:
    """Reports of a batch Parquet shard (``metadata`` is a JSON string column)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow "
                         f"(pip install '{DISTRIBUTION}[parquet]')", reason="bad_report") from None
    try:
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=256, columns=["id", "text", "metadata"]):
            for row in batch.to_pylist():
                try:
                    meta = json.loads(row.get("metadata") or "{}")
                except (ValueError, RecursionError, TypeError):
                    continue
                rep = normalize_record({"id": row.get("id"), "text": row.get("text"),
                                        "metadata": meta})
                if rep is not None:
                    yield rep
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read {path}: {type(exc).__name__}", reason="bad_report") from None


_SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")


def _page_units(folder: Path) -> set[str]:
    """Names of a batch folder's page units (their reports are in ``report.jsonl``)."""
    names: set[str] = set()
    done = folder / ".cleaner" / "done"
    for p in done.rglob("*.json") if done.is_dir() else []:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            data = json.loads(p.read_bytes())
            if data.get("kind") == "page" and data.get("layout", "text") == "text":
                names.add(str(data.get("unit")))
    return names


def _batch_files(folder: Path) -> list[Path]:
    """The files of a folder that hold reports. A batch output folder: ``report.jsonl``
    (every page file), the record shards of ``kept/``, ``review/`` and ``rejected/``
    (JSONL or Parquet; not the rejected pages, already in ``report.jsonl``) and the
    ``failed/`` lines, so every document of the run is covered. Another folder: its
    ``.jsonl[.gz]`` files."""
    reports = [folder / n for n in ("report.jsonl", "report.jsonl.gz", "reports.jsonl",
                                    "reports.jsonl.gz") if (folder / n).is_file()][:1]
    if any((folder / o).is_dir() for o in ("kept", "review", "rejected")):
        pages = _page_units(folder)
        shards = []
        for outcome in ("kept", "review", "rejected", "failed"):
            base = folder / outcome
            for p in sorted(base.rglob("*")) if base.is_dir() else []:
                rel = p.relative_to(base).as_posix()
                suffix = next((x for x in _SHARD_SUFFIXES if rel.endswith(x)), None)
                # (a page unit's reports are in report.jsonl; its failures only in failed/)
                if p.is_file() and suffix and (outcome == "failed"
                                               or rel[: -len(suffix)] not in pages):
                    shards.append(p)
        return reports + shards
    if reports:
        return reports
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file()
        and (p.name.endswith(".jsonl") or p.name.endswith(".jsonl.gz"))
        and not p.name.startswith("failed")
    )


def iter_reports(path: str | Path) -> Iterator[dict[str, Any]]:
    """Report dicts from a ``.json`` report (or a list of them), a ``.jsonl[.gz]`` of
    reports or records, or a batch output folder. Raises ``InputError`` when the
    path holds nothing readable; lines that are not reports are skipped."""
    p = Path(path)
    if p.is_dir():
        files = _batch_files(p)
        if not files:
            raise InputError(f"no report.jsonl or *.jsonl records in {p}", reason="no_reports")
        for f in files:
            yield from _iter_parquet(f) if f.name.endswith(".parquet") else _iter_jsonl(f)
        return
    if not p.is_file():
        raise InputError(f"no such file or folder: {p}", reason="missing_file")
    if p.name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _iter_jsonl(p)
        return
    try:
        data = json.loads("".join(_open_text(p)))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError, EOFError):
        raise InputError(f"{p} is not a JSON report", reason="bad_report") from None
    items = data if isinstance(data, list) else [data]
    found = False
    for item in items:
        rep = normalize_record(item)
        if rep is not None:
            found = True
            yield rep
    if not found:
        raise InputError(f"{p} holds no cleaner report", reason="bad_report")


# -- aggregation -------------------------------------------------------------------------------


def _num(x: Any, default: float = 0.0) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        return default
    return float(x)


def _get(d: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, Mapping):
            return None
        d = d.get(k)
    return d


class _Totals:
    def __init__(self) -> None:
        self.documents = self.words_in = self.words_out = 0
        self.chars_in = self.chars_removed = 0
        self.ms_total = 0.0


class _Aggregate:
    def __init__(self) -> None:
        self.t = _Totals()
        self.verdicts: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.cat_count: Counter[str] = Counter()
        self.cat_chars: Counter[str] = Counter()
        self.cat_docs: Counter[str] = Counter()
        self.pii: Counter[str] = Counter()
        self.pii_docs: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.stage_ms: dict[str, float] = {}
        self.scores: list[float] = []
        self.shares: list[float] = []
        self.slowest: list[tuple[float, int]] = []
        self.most_cut: list[tuple[float, int, int]] = []

    def add(self, i: int, row: dict[str, Any], rep: Mapping[str, Any]) -> None:
        t = self.t
        t.documents += 1
        t.words_in += row["wi"]
        t.words_out += row["wo"]
        t.chars_in += row["ci"]
        t.chars_removed += row["rc"]
        t.ms_total += row["ms"]
        self.verdicts[row["v"]] += 1
        self.languages[row["lang"]] += 1
        removed = _get(rep, "summary", "removed") or {}
        if isinstance(removed, Mapping):
            for cat, slot in removed.items():
                self.cat_count[str(cat)] += int(_num(_get(slot, "count")))
                self.cat_chars[str(cat)] += int(_num(_get(slot, "chars")))
                self.cat_docs[str(cat)] += 1
        pii = _get(rep, "summary", "pii") or {}
        if isinstance(pii, Mapping):
            for typ, n in pii.items():
                self.pii[str(typ)] += int(_num(n))
                self.pii_docs[str(typ)] += 1
        self.reasons.update(_reason_keys(rep))
        timings = rep.get("timings_ms")
        if isinstance(timings, Mapping):
            for stage, ms in timings.items():
                if stage != "total":
                    self.stage_ms[str(stage)] = self.stage_ms.get(str(stage), 0.0) + _num(ms)
        if row["q"] is not None:
            self.scores.append(row["q"])
        self.shares.append(row["rs"])
        self.slowest.append((row["ms"], i))
        if row["rc"]:
            self.most_cut.append((row["rs"], row["rc"], i))
        if len(self.slowest) > 4 * TOP_N:
            self.slowest = sorted(self.slowest, reverse=True)[:TOP_N]
        if len(self.most_cut) > 4 * TOP_N:
            self.most_cut = sorted(self.most_cut, reverse=True)[:TOP_N]


def _reason_keys(rep: Mapping[str, Any]) -> list[str]:
    """What the reasons of a report are counted by: each reason's ``code`` (for
    ``signals`` with the names of the failing signals). Reports written before
    ``reason_details`` existed fall back to the text with its numbers as ``#``."""
    details = _get(rep, "quality", "reason_details")
    if not isinstance(details, list):
        return [_reason_key(str(r)) for r in _get(rep, "quality", "reasons") or []]
    keys = []
    for d in details:
        code = _get(d, "code")
        if not code:
            continue
        signals = _get(d, "detail", "signals")
        names = ", ".join(map(str, signals)) if isinstance(signals, list) else ""
        keys.append(f"{code}: {names}"[:120] if names else str(code)[:120])
    return keys


def _reason_key(reason: str) -> str:
    """A legacy reason text with its numbers as ``#`` so that equal reasons group together."""
    out: list[str] = []
    prev_digit = False
    for ch in reason[:120]:
        if ch.isdigit() or (prev_digit and ch == "."):
            if not prev_digit:
                out.append("#")
            prev_digit = True
            continue
        prev_digit = False
        out.append(ch)
    return "".join(out)


def _unplaced_chars(rep: Mapping[str, Any]) -> int:
    """Characters removed before the working text existed (hidden elements): they are
    in the removed total but not in ``extraction.chars``."""
    findings = rep.get("findings")
    if not isinstance(findings, list):
        return 0
    return sum(
        int(_num(_get(f, "detail", "chars")))
        for f in findings
        if isinstance(f, Mapping) and f.get("start") is None
        and f.get("action") in ("removed", "dropped") and f.get("category") != "pii"
    )


def shown_url(url: Any) -> str:
    """The source URL as the report shows it: e-mails, phones, handles and personal query
    values in it masked (:func:`cleaner.privacy.mask`), at most 300 characters."""
    return (mask(url) or "")[:300] if isinstance(url, str) else ""


def _title(rep: Mapping[str, Any]) -> str:
    """The page's title from its view (PII already tagged there), else ""."""
    view = rep.get("view")
    blocks = view.get("blocks") if isinstance(view, Mapping) else None
    if not isinstance(blocks, list):
        return ""
    for block in blocks[:3]:
        if not isinstance(block, Mapping) or block.get("kind") not in ("title", "heading"):
            continue
        parts = []
        for seg in block.get("segments") or []:
            if not isinstance(seg, Mapping):
                continue
            if seg.get("kind") == "kept" and isinstance(seg.get("text"), str):
                parts.append(seg["text"])
            elif seg.get("kind") in ("pii", "masked") and isinstance(seg.get("tag"), str):
                parts.append(seg["tag"])
        text = " ".join("".join(parts).split())
        if text:
            return text if len(text) <= 120 else text[:119] + "…"
    return ""


def _index_row(i: int, rep: Mapping[str, Any]) -> dict[str, Any]:
    removed = _get(rep, "summary", "removed") or {}
    cats = sorted(str(c) for c in removed) if isinstance(removed, Mapping) else []
    pii = _get(rep, "summary", "pii") or {}
    pii_n = sum(int(_num(v)) for v in pii.values()) if isinstance(pii, Mapping) else 0
    # the text before cleaning: the extracted text plus what was dropped before extraction
    chars_in = int(_num(_get(rep, "extraction", "chars"))) + _unplaced_chars(rep)
    rc = 0
    if isinstance(removed, Mapping):
        rc = sum(int(_num(_get(s, "chars"))) for s in removed.values())
    score = _get(rep, "quality", "score")
    verdict = rep.get("verdict")
    lang = _get(rep, "language", "code")
    reasons = _get(rep, "quality", "reasons") or []
    return {
        "i": i,
        "id": str(rep.get("id") if rep.get("id") is not None else f"#{i + 1}"),
        "title": _title(rep),
        "url": shown_url(rep.get("url")),
        "v": verdict if verdict in VERDICT_COLORS else "reject",
        "lang": str(lang) if lang else "und",
        "q": round(_num(score), 3) if isinstance(score, (int, float)) else None,
        "wi": int(_num(_get(rep, "extraction", "words"))),
        "wo": int(_num(_get(rep, "output", "words"))),
        "ci": chars_in,
        "rc": rc,
        "rs": round(min(1.0, rc / chars_in), 4) if chars_in else 0.0,
        "cats": cats,
        "pii": pii_n,
        "ms": round(_num(_get(rep, "timings_ms", "total")), 1),
        "why": str(reasons[0])[:160] if reasons else "",
    }


_DETAIL_KEYS = (
    "schema", "id", "url", "verdict", "input", "extraction", "output", "language",
    "findings", "summary", "quality", "problems", "timings_ms", "view", "clean_text",
)


def _detail(rep: Mapping[str, Any]) -> dict[str, Any]:
    d = {k: rep[k] for k in _DETAIL_KEYS if k in rep}
    if "url" in d:
        d["url"] = shown_url(d["url"]) or None
    return d


# -- HTML pieces --------------------------------------------------------------------------------


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _json_script(data: Any, id_: str) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return f'<script type="application/json" id="{_e(id_)}">{text}</script>'


def category_color(cat: str) -> str:
    return categories.color(cat)


def svg_bars(
    rows: list[tuple[str, float]], *, title: str, color: str | dict[str, str] = "#495057",
    unit: str = "", width: int = 420, label_width: int = 140,
) -> str:
    """A horizontal bar chart as inline SVG (labels escaped, ``<title>`` per bar)."""
    if not rows:
        return f'<p class="empty">{_e(title)}: none</p>'
    bar_h, gap = 18, 6
    height = len(rows) * (bar_h + gap) + 24
    vmax = max(v for _, v in rows) or 1.0
    span = width - label_width - 70
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="13" class="ct">{_e(title)}</text>',
    ]
    for n, (label, value) in enumerate(rows):
        y = 22 + n * (bar_h + gap)
        w = max(1.0, span * value / vmax) if value else 0.0
        fill = color.get(label, "#495057") if isinstance(color, dict) else color
        shown = f"{value:g}{unit}" if not float(value).is_integer() else f"{int(value)}{unit}"
        short = label if len(label) <= 22 else label[:21] + "…"
        parts.append(
            f'<g class="bar" data-label="{_e(label)}"><title>{_e(label)}: {_e(shown)}</title>'
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{_e(short)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" '
            f'fill="{_e(fill)}" rx="2"></rect>'
            f'<text x="{label_width + w + 4:.1f}" y="{y + 13}">{_e(shown)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_histogram(
    values: list[float], *, title: str, lo: float = 0.0, hi: float = 1.0, bins: int = 10,
    color: str = "#1c7ed6", width: int = 420, height: int = 170,
) -> str:
    if not values:
        return f'<p class="empty">{_e(title)}: no data</p>'
    counts = [0] * bins
    for v in values:
        k = int((min(max(v, lo), hi) - lo) / (hi - lo) * bins)
        counts[min(k, bins - 1)] += 1
    cmax = max(counts) or 1
    left, top, bottom = 36, 22, 22
    plot_w, plot_h = width - left - 8, height - top - bottom
    bw = plot_w / bins
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="13" class="ct">{_e(title)}</text>',
        f'<text x="{left - 4}" y="{top + 10}" text-anchor="end">{cmax}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for k, c in enumerate(counts):
        h = plot_h * c / cmax
        x = left + k * bw
        a, b = lo + (hi - lo) * k / bins, lo + (hi - lo) * (k + 1) / bins
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 2:.1f}" '
            f'height="{h:.1f}" fill="{color}"><title>{a:.2f}–{b:.2f}: {c}</title></rect>'
        )
    for k in (0, bins // 2, bins):
        x = left + k * bw
        parts.append(
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">'
            f"{lo + (hi - lo) * k / bins:.1f}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    """A table; cells are pre-escaped HTML."""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _pct(n: float, d: float) -> str:
    return f"{100 * n / d:.1f}%" if d else "–"


def _doc_link(row: Mapping[str, Any]) -> str:
    label = row["title"] or row["id"]
    return f'<a href="#doc={row["i"]}" class="doclink" title="{_e(row["id"])}">{_e(label)}</a>'


def _failed_html(failed: list[Mapping[str, Any]], total: int) -> str:
    """The documents that could not be cleaned: counts by reason and one row each (the
    first :data:`FAILED_ROWS`), from values already masked by :func:`normalize_record`."""
    if not total:
        return ""
    reasons = Counter(str(f.get("reason")) for f in failed)
    rows = [[_e(f.get("id") if f.get("id") is not None else "(no id)"),
             _e(f"{f.get('file')}:{f['line']}" if f.get("line") is not None else f.get("file")),
             _e(f.get("reason")), _e(f.get("error"))] for f in failed]
    more = (f'<p class="empty">and {total - len(failed):,} more (every one is in the run\'s '
            "<code>failed/</code>)</p>") if total > len(failed) else ""
    return f"""
<h2 id="failed">Failed ({total:,})</h2>
<section class="failed">
<p>Documents that could not be cleaned, with the reason: they are in no count above.</p>
<figure>{svg_bars([(r, float(c)) for r, c in reasons.most_common(12)],
                  title="failed by reason", color="#495057")}</figure>
{_table(["document", "file:line", "reason", "message"], rows, "failed-docs")}{more}
</section>"""


def _batch_html(agg: _Aggregate, rows: list[dict[str, Any]], failed: int = 0) -> str:
    t = agg.t
    n = t.documents
    verdict_rows = [(v, float(agg.verdicts.get(v, 0))) for v in ("keep", "review", "reject")]
    cards = [
        ("documents", f"{n:,}"),
        *[(v, f"{agg.verdicts.get(v, 0):,} ({_pct(agg.verdicts.get(v, 0), n)})")
          for v in ("keep", "review", "reject")],
        *([("failed", f"{failed:,} (not cleaned)")] if failed else []),
        ("words in → out", f"{t.words_in:,} → {t.words_out:,}"),
        ("chars removed", f"{t.chars_removed:,} ({_pct(t.chars_removed, t.chars_in)})"),
        ("removed blocks", f"{sum(agg.cat_count.values()):,}"),
        ("PII found", f"{sum(agg.pii.values()):,}"),
        ("cleaning time", f"{t.ms_total / 1000:.2f} s ({t.ms_total / n if n else 0:.1f} ms/doc)"),
    ]
    card_html = "".join(
        f'<div class="card" data-key="{_e(k)}"><div class="k">{_e(k)}</div>'
        f'<div class="n">{_e(v)}</div></div>'
        for k, v in cards
    )
    langs = agg.languages.most_common(12)
    other = n - sum(c for _, c in langs)
    lang_rows = [(lang, float(c)) for lang, c in langs]
    if other:
        lang_rows.append(("other", float(other)))
    cats = sorted(agg.cat_count, key=lambda c: (-agg.cat_count[c], c))
    cat_table = _table(
        ["category", "blocks", "chars", "documents"],
        [[f'<span class="sw" style="background:{_e(category_color(c))}"></span>{_e(c)}',
          f"{agg.cat_count[c]:,}", f"{agg.cat_chars[c]:,}", f"{agg.cat_docs[c]:,}"]
         for c in cats],
        "num cats",
    ) if cats else '<p class="empty">no removed blocks</p>'
    pii_types = sorted(agg.pii, key=lambda c: (-agg.pii[c], c))
    pii_table = _table(
        ["type", "found", "documents"],
        [[f'<span class="tag">[{_e(p)}]</span>', f"{agg.pii[p]:,}", f"{agg.pii_docs[p]:,}"]
         for p in pii_types],
        "num piis",
    ) if pii_types else '<p class="empty">no personal data found</p>'
    slow = sorted(agg.slowest, reverse=True)[:TOP_N]
    slow_table = _table(
        ["document", "verdict", "ms"],
        [[_doc_link(rows[i]), _e(rows[i]["v"]), f"{ms:,.1f}"] for ms, i in slow],
        "num slow",
    )
    cut = sorted(agg.most_cut, reverse=True)[:TOP_N]
    cut_table = _table(
        ["document", "removed", "of text", "categories"],
        [[_doc_link(rows[i]), f"{rc:,} chars", _pct(share, 1),
          _e(", ".join(rows[i]["cats"]))] for share, rc, i in cut],
        "num cut",
    ) if cut else '<p class="empty">nothing was removed</p>'
    reasons = agg.reasons.most_common(TOP_N)
    reason_table = _table(
        ["reason", "documents"], [[_e(r), f"{c:,}"] for r, c in reasons], "num"
    ) if reasons else '<p class="empty">no verdict reasons</p>'
    stage_rows = [
        (s, round(ms / n, 2) if n else 0.0)
        for s, ms in sorted(agg.stage_ms.items(), key=lambda kv: -kv[1])
    ]
    return f"""
<section id="batch">
<div class="cards">{card_html}</div>
<div class="grid">
<figure>{svg_bars(verdict_rows, title="verdicts", color=VERDICT_COLORS)}</figure>
<figure>{svg_bars(lang_rows, title="languages", color="#1c7ed6")}</figure>
<figure>{svg_bars([(c, float(agg.cat_count[c])) for c in cats], title="removed blocks by category",
                  color={c: category_color(c) for c in cats})}</figure>
<figure>{svg_bars([(p, float(agg.pii[p])) for p in pii_types], title="PII by type",
                  color=CATEGORY_COLORS["pii"])}</figure>
<figure>{svg_histogram(agg.scores, title="quality score", color="#5c940d")}</figure>
<figure>{svg_histogram(agg.shares, title="share of text removed", color="#d9480f")}</figure>
<figure>{svg_bars(stage_rows, title="mean time per stage", unit=" ms", color="#495057")}</figure>
</div>
<div class="grid tables">
<div><h3>Removed by category</h3>{cat_table}</div>
<div><h3>PII by type</h3>{pii_table}</div>
<div><h3>Most cut</h3>{cut_table}</div>
<div><h3>Slowest</h3>{slow_table}</div>
<div><h3>Verdict reasons</h3>{reason_table}</div>
</div>
</section>"""




def _asset(name: str) -> str:
    """Inline CSS/JS shipped in ``cleaner/data`` (package data)."""
    return (resources.files("cleaner") / "data" / name).read_text(encoding="utf-8")


_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _build_page(
    reports: Iterable[Mapping[str, Any]], *, title: str = "cleaner report"
) -> tuple[str, int, int]:
    """The page, its number of cleaned documents and of failed ones."""
    agg = _Aggregate()
    rows: list[dict[str, Any]] = []
    details: list[str] = []
    failed: list[Mapping[str, Any]] = []
    n_failed = 0
    for rep in reports:
        if rep.get("schema") == FAILED_SCHEMA:
            n_failed += 1
            if len(failed) < FAILED_ROWS:
                failed.append(rep)
            continue
        i = len(rows)
        row = _index_row(i, rep)
        rows.append(row)
        agg.add(i, row, rep)
        details.append(_json_script(_detail(rep), f"d{i}"))
    meta = {
        "title": title,
        "page_size": PAGE_SIZE,
        "colors": CATEGORY_COLORS,
        "verdicts": ["keep", "review", "reject"],
        "categories": sorted(agg.cat_count),
        "languages": sorted(agg.languages),
        "version": __version__,
    }
    generated = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="cleaner {_e(__version__)}">
<title>{_e(title)}</title>
<style>{_asset("htmlreport.css")}</style>
</head>
<body data-documents="{len(rows)}">
<header class="top"><h1>{_e(title)}</h1><span class="meta">{len(rows):,} documents ·
generated {_e(generated)} by cleaner {_e(__version__)}</span></header>
<noscript><p class="empty">The tables and plots below are static; the document list and the
document views need JavaScript.</p></noscript>
<div id="listview">
<h2>Batch</h2>
{_batch_html(agg, rows, n_failed)}
{_failed_html(failed, n_failed)}
<h2 id="documents">Documents</h2>
<div class="filters">
<label>verdict <select id="f-verdict"><option value="">all</option></select></label>
<label>category <select id="f-cat"><option value="">all</option></select></label>
<label>language <select id="f-lang"><option value="">all</option></select></label>
<label>id/URL <input id="f-q" type="search" placeholder="contains…"></label>
</div>
<div class="pager"><button id="prev" type="button">← prev</button><span id="page-no"></span>
<button id="next" type="button">next →</button><span id="list-count" class="empty"></span></div>
<table id="doclist" class="num"><thead><tr><th>document</th><th>verdict</th><th>lang</th>
<th>score</th><th>words in → out</th><th>removed</th><th>ms</th><th>first reason</th></tr></thead>
<tbody></tbody></table>
</div>
<div id="docview"></div>
{_json_script(meta, "cleaner-meta")}
{_json_script(rows, "cleaner-index")}
{"".join(details)}
<script>{_asset("htmlreport.js")}</script>
</body></html>
"""
    return page, len(rows), n_failed


def build_html(
    reports: Iterable[Mapping[str, Any]], *, title: str = "cleaner report"
) -> tuple[str, int]:
    """The report page for ``reports`` and the number of (cleaned) documents in it."""
    page, n, _ = _build_page(reports, title=title)
    return page, n


def write_html_report(
    reports: Iterable[Mapping[str, Any]], path: str | Path, *, title: str | None = None
) -> HtmlReportStats:
    """Write the self-contained HTML report for ``reports`` (report dicts, ideally
    ``Report.to_dict(include_view=True)``) to ``path``; returns what was written."""
    started = time.perf_counter()
    out = Path(path)
    page, n, failed = _build_page(reports, title=title or "cleaner report")
    data = page.encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return HtmlReportStats(
        path=out, documents=n, bytes=len(data), seconds=time.perf_counter() - started,
        failed=failed,
    )
