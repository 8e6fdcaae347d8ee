"""A datatrove pipeline step that cleans ``Document`` s.

Install: ``pip install 'scrape-cleaner[datatrove]'``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(pipeline=[
        JsonlReader("raw/"),
        CleanerStep(exclusion_writer=JsonlWriter("rejected/")),
        JsonlWriter("clean/"),
    ], tasks=4).run()

The same list runs on datatrove's Slurm and Ray executors. The document's
``text`` (or ``metadata[html_key]`` when given, e.g. raw HTML) is cleaned; the
clean body replaces ``text`` and ``metadata["cleaner"]`` holds the report.
Rejected documents, review documents (with ``keep_review=False``) and
documents that could not be cleaned go to ``exclusion_writer`` with
``metadata["filter_reason"]`` (``reject``, ``review`` or ``failed:<reason>``),
so nothing is dropped without a trace; datatrove's stats count each outcome.
"""

from __future__ import annotations

from typing import Any, Literal

from ..config import CleanerConfig
from ..errors import MissingDependencyError

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("datatrove", "datatrove") from None


class CleanerStep(BaseFilter):
    """Clean each document; keep, send to review, or exclude it with a reason.

    Built on datatrove's ``BaseFilter``: its ``run`` counts ``total``, ``forwarded``,
    ``dropped`` and ``dropped_<reason>``, and writes excluded documents to
    ``exclusion_writer`` with ``metadata["filter_reason"]``. The outcome of each
    document comes from :func:`cleaner.batch.outcome.clean_one`, as in batch mode
    and the Scrapy pipeline.
    """

    name = "🧹 cleaner"

    def __init__(
        self,
        config: CleanerConfig | None = None,
        *,
        html_key: str | None = None,
        keep_review: bool = True,
        report: Literal["full", "summary"] = "full",
        time_limit: float | None = 60.0,
        format: str | None = None,
        exclusion_writer: Any = None,
    ) -> None:
        super().__init__(exclusion_writer=exclusion_writer)
        self.config = config if config is not None else CleanerConfig()
        self.html_key = html_key
        self.keep_review = keep_review
        self.report = report
        self.time_limit = time_limit
        self.format = format
        self._cleaner: Any = None  # built in the task's process (the step is pickled)

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        """Clean ``doc`` in place; ``True`` keeps it, ``(False, reason)`` excludes it."""
        from ..batch.outcome import clean_one, counts
        from ..pipeline import Cleaner

        if self._cleaner is None:
            self._cleaner = Cleaner(self.config)
        source = doc.metadata.get(self.html_key) if self.html_key else doc.text
        if not isinstance(source, (str, bytes)):
            doc.metadata["cleaner_error"] = {
                "reason": "missing_field",
                "error": f"document has no {self.html_key or 'text'} to clean"}
            self.stat_update("failed")
            return False, "failed:missing_field"
        url = doc.metadata.get("url")
        done = clean_one(self._cleaner, source, url=url if isinstance(url, str) else None,
                         id=doc.id, format="html" if self.html_key else self.format,
                         limit=self.time_limit)
        if done.report is None:
            doc.metadata["cleaner_error"] = {"reason": done.reason, "error": done.error}
            self.stat_update("failed")
            return False, f"failed:{done.reason}"
        report = done.report
        if self.html_key:
            doc.metadata.pop(self.html_key, None)
        doc.text = done.result.text
        doc.metadata["language"] = done.lang
        doc.metadata["cleaner"] = report if self.report == "full" else {
            "verdict": report["verdict"], "summary": report["summary"],
            "quality": report["quality"], "language": report["language"],
        }
        for key, n in counts(done.summary).items():
            self.stat_update(key.replace("/", "_"), value=n)
        verdict = str(report["verdict"])
        self.stat_update("kept" if verdict == "keep" else verdict)
        if verdict == "reject" or (verdict == "review" and not self.keep_review):
            return False, verdict
        return True


__all__ = ["CleanerStep"]
