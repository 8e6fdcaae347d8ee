"""The output row of one cleaned document: the dolma/datatrove shape.

``{"id", "text", "source", "added", "created"?, "metadata": {...}, "reasons"?}``:

* ``added`` is the input record's own when it has one (a dolma record keeps it); else
  the run's time. ``metadata.cleaned`` is always the run's time: ours, beside theirs.
* ``metadata`` is the input record's metadata (masked) plus ours: ``url``,
  ``language``, the page metadata (``title``, ``author``, ``date``, ``sitename``,
  with ``--with-metadata``; the input's own values win) and ``cleaner``, the report:
  compact by default (:func:`compact_report`), whole with ``--full-report``.

Every value that did not come out of the pipeline's redaction is masked
(:func:`cleaner.privacy.mask`).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..compact import compact_report
from ..metadata import FIELDS
from ..privacy import mask, mask_tree
from .records import Record

#: an ISO 8601 date or time stamp (``2019-11-19 12:30:45`` would look like a phone
#: number to :func:`mask`): a time stamp is not personal and is kept as it is
_TIMESTAMP = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d{1,9})?)?)?"
    r"(?: ?(?:Z|UTC|[+-]\d\d(?::?\d\d)?))?"
)


def timestamp(value: Any) -> str | None:
    """A record's ``added``/``created`` as written out: kept when it is an ISO time stamp,
    masked otherwise; ``None`` for a missing or non-string value."""
    if not isinstance(value, str) or not value:
        return None
    return value if _TIMESTAMP.fullmatch(value) else mask(value, None)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def document_row(
    rec: Record, text: str, report: dict[str, Any], *, lang: str | None,
    page_metadata: dict[str, str] | None, reasons: list[str] | None, source_name: str | None,
    full_report: bool, cleaned: str | None = None,
) -> dict[str, Any]:
    """One document's output row (``reasons`` for a rejected one)."""
    when = cleaned or now()
    meta = mask_tree(dict(rec.extra.get("metadata") or {}))
    url = mask(rec.url, None)
    if url is None and page_metadata and page_metadata.get("url"):
        url = page_metadata["url"]  # already masked (cleaner.metadata.publish)
    meta.update(url=url, language=lang)
    for name in FIELDS:
        if name != "url" and page_metadata and name in page_metadata:
            meta.setdefault(name, page_metadata[name])
    meta["cleaned"] = when
    meta["cleaner"] = report if full_report else compact_report(report)
    added = rec.extra.get("added")
    row: dict[str, Any] = {
        "id": mask(rec.id, None),
        "text": text,
        "source": mask(rec.extra.get("source") or source_name or Path(rec.origin.file).name,
                       None),
        "added": timestamp(added) or when,
    }
    if "created" in rec.extra:
        row["created"] = timestamp(rec.extra["created"])
    row["metadata"] = meta
    if reasons is not None:
        row["reasons"] = reasons
    return row
