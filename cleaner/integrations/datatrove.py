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

from collections.abc import Iterator
from typing import Any, Literal

from ..config import CleanerConfig
from ..errors import CleanerError, MissingDependencyError

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.base import PipelineStep
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("datatrove", "datatrove") from None


class CleanerStep(PipelineStep):
    """Clean each document; keep, send to review, or exclude it with a reason."""

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

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
        super().__init__()
        self.config = config if config is not None else CleanerConfig()
        self.html_key = html_key
        self.keep_review = keep_review
        self.report = report
        self.time_limit = time_limit
        self.format = format
        self.exclusion_writer = exclusion_writer
        self._cleaner: Any = None  # built in the task's process (the step is pickled)

    def _clean_doc(self, doc: DatatroveDocument) -> str | None:
        """Clean ``doc`` in place; returns ``None`` to keep it, else the exclusion reason."""
        from ..batch.process import DocumentTimeout, time_limit
        from ..pipeline import Cleaner

        if self._cleaner is None:
            self._cleaner = Cleaner(self.config)
        source = doc.metadata.get(self.html_key) if self.html_key else doc.text
        fmt = "html" if self.html_key else self.format
        url = doc.metadata.get("url")
        try:
            if not isinstance(source, (str, bytes)):
                raise CleanerError(
                    f"document has no {self.html_key or 'text'} to clean", reason="missing_field"
                )
            with time_limit(self.time_limit):
                result = self._cleaner.clean(
                    source, url=url if isinstance(url, str) else None, id=doc.id, format=fmt
                )
                report = result.report.to_dict()
        except DocumentTimeout:
            doc.metadata["cleaner_error"] = {"reason": "time_limit",
                                             "error": f"over {self.time_limit:g} s"}
            return "failed:time_limit"
        except CleanerError as exc:
            doc.metadata["cleaner_error"] = {"reason": exc.reason, "error": str(exc)}
            return f"failed:{exc.reason}"
        except Exception as exc:
            doc.metadata["cleaner_error"] = {"reason": "internal_error",
                                             "error": f"unexpected {type(exc).__name__}"}
            return "failed:internal_error"
        if self.html_key:
            doc.metadata.pop(self.html_key, None)
        doc.text = result.text
        lang = (report.get("language") or {}).get("code")
        doc.metadata["language"] = lang
        doc.metadata["cleaner"] = report if self.report == "full" else {
            "verdict": report["verdict"], "summary": report["summary"],
            "quality": report["quality"], "language": report["language"],
        }
        for cat, slot in report["summary"]["removed"].items():
            self.stat_update(f"removed_{cat}", value=int(slot["count"]))
        for typ, n in report["summary"]["pii"].items():
            self.stat_update(f"pii_{typ}", value=int(n))
        verdict = str(report["verdict"])
        if verdict == "reject" or (verdict == "review" and not self.keep_review):
            return verdict
        return None

    def run(
        self, data: Iterator[DatatroveDocument] | None, rank: int = 0, world_size: int = 1
    ) -> Iterator[DatatroveDocument]:
        if data is None:
            return
        writer_cm = self.exclusion_writer
        writer = writer_cm.__enter__() if writer_cm is not None else None
        try:
            for doc in data:
                self.stat_update("total")
                with self.track_time():
                    reason = self._clean_doc(doc)
                if reason is None:
                    verdict = doc.metadata["cleaner"]["verdict"]
                    self.stat_update("kept" if verdict == "keep" else "review")
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update("failed" if reason.startswith("failed:") else reason)
                self.stat_update(f"dropped_{reason.replace(':', '_')}")
                if writer is not None:
                    doc.metadata["filter_reason"] = reason
                    writer.write(doc, rank)
        finally:
            if writer_cm is not None:
                writer_cm.__exit__(None, None, None)


__all__ = ["CleanerStep"]
