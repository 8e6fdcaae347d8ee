"""Score the boilerplate stage against labelled pages (``fixtures/boilerplate``).

``labels.jsonl`` has one record per page: ``page`` (file name under ``pages/``),
``lang``, ``format``, ``control`` (a clean page), ``drop`` (every line that must
go, with its ``category``) and ``keep`` (snippets that must survive).

Per category:

* **recall** -- share of the labelled lines of that category that are absent
  from the output (whoever removed them: on HTML pages extraction may already
  drop a sidebar);
* **precision** -- share of the stage's removals of that category whose span
  matches a labelled drop line (of any category; ``category_match`` counts the
  ones whose label has the same category).

Matching compares lower-cased word sequences, so whitespace, list bullets and
Markdown link syntax do not matter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import CleanResult, Finding
from ..normalize import word_key

norm = word_key


@dataclass
class CategoryScore:
    removed: int = 0
    removed_correct: int = 0
    category_match: int = 0
    labelled: int = 0
    labelled_gone: int = 0

    @property
    def precision(self) -> float:
        return self.removed_correct / self.removed if self.removed else 1.0

    @property
    def recall(self) -> float:
        return self.labelled_gone / self.labelled if self.labelled else 1.0


@dataclass
class Evaluation:
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    pages: int = 0
    controls: int = 0
    controls_unchanged: int = 0
    keep_total: int = 0
    keep_lost: list[tuple[str, str]] = field(default_factory=list)
    false_removals: list[tuple[str, str, str]] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)

    def cat(self, name: str) -> CategoryScore:
        return self.categories.setdefault(name, CategoryScore())

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "controls": self.controls,
            "controls_unchanged": self.controls_unchanged,
            "keep_total": self.keep_total,
            "keep_lost": len(self.keep_lost),
            "categories": {
                k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                    "removed": v.removed, "labelled": v.labelled}
                for k, v in sorted(self.categories.items())
            },
        }


def _line_spans(findings: Iterable[Finding]) -> Iterator[tuple[Finding, int, int]]:
    """Removed boilerplate spans, one per line: a whole (a card, a related section)
    reported as one finding is scored line by line (``detail["lines"]``)."""
    for f in findings:
        if f.stage != "boilerplate" or f.action != "removed" or f.start is None \
                or f.end is None:
            continue
        lines = f.detail.get("lines")
        if isinstance(lines, list) and lines:
            for line in lines:
                yield f, int(line["start"]), int(line["end"])
        else:
            yield f, f.start, f.end


def load_labels(root: Path) -> list[dict[str, Any]]:
    with (root / "labels.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(
    root: Path, results: Iterable[tuple[dict[str, Any], CleanResult]]
) -> Evaluation:
    """Score ``(label record, clean result)`` pairs."""
    ev = Evaluation()
    for rec, result in results:
        ev.pages += 1
        doc = result.document
        out_norm = norm(result.text)
        drops = [(norm(d["text"]), d["category"]) for d in rec["drop"]]
        for text, cat in drops:
            c = ev.cat(cat)
            c.labelled += 1
            if text and text not in out_norm:
                c.labelled_gone += 1
            else:
                ev.missed.append((rec["page"], cat, text[:60]))
        for f, start, end in _line_spans(doc.findings):
            span = norm(doc.text[start:end])
            c = ev.cat(f.category)
            c.removed += 1
            hits = [cat for text, cat in drops if text and (span in text or text in span)]
            if hits and span:
                c.removed_correct += 1
                if f.category in hits:
                    c.category_match += 1
            else:
                ev.false_removals.append((rec["page"], f.category, f.rule))
        for snippet in rec["keep"]:
            ev.keep_total += 1
            if norm(snippet) not in out_norm:
                ev.keep_lost.append((rec["page"], snippet[:60]))
        if rec.get("control"):
            ev.controls += 1
            removed = [f for f in doc.findings
                       if f.stage == "boilerplate" and f.action == "removed"]
            if not removed:
                ev.controls_unchanged += 1
    return ev
