"""The compact report: the one shape every integration writes by default.

Batch rows (``metadata.cleaner`` of ``cleaner clean``), the datatrove step
(``report="summary"``) and the Scrapy pipeline (``CLEANER_REPORT = "summary"``) all
carry this dict, so a corpus filter written against one reads the others::

    {"schema": "cleaner.report/1", "verdict": "keep", "language": {...} | None,
     "summary": {"removed": {category: {"count", "chars"}}, "pii": {TYPE: n}, ["marked"]},
     "quality": {"score", "verdict", "reasons", "reason_details"},
     "output": {"chars", "words"}, "compact": true}

It is the full report (:meth:`cleaner.model.Report.to_dict`) without its blocks,
findings, signals and timings: what was removed and redacted by type and count, the
verdict and why. It holds no text, so nothing in it can carry a value the PII stage
found; ids and URLs are not in it at all (batch rows carry them, masked, beside it).
"""

from __future__ import annotations

from typing import Any

#: the report keys a compact report keeps
COMPACT_KEYS: tuple[str, ...] = ("schema", "verdict", "language", "summary", "quality")
#: the quality keys a compact report keeps
COMPACT_QUALITY_KEYS: tuple[str, ...] = ("score", "verdict", "reasons", "reason_details")


def compact_report(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` (a full report dict) reduced to the compact shape above; on the article
    benchmark's pages the full report was most of a record's size."""
    out = {k: report[k] for k in COMPACT_KEYS if k in report}
    quality = report.get("quality")
    if isinstance(quality, dict):
        out["quality"] = {k: quality[k] for k in COMPACT_QUALITY_KEYS if k in quality}
    out["output"] = report.get("output")
    out["compact"] = True
    return out


__all__ = ["COMPACT_KEYS", "COMPACT_QUALITY_KEYS", "compact_report"]
