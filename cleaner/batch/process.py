"""Clean one :class:`Record` into a :class:`Result`; never raises.

Both engines (local processes, Dask workers) use :class:`Processor`: it builds
a :class:`~cleaner.pipeline.Cleaner` once and turns every record into exactly
one outcome (kept, review, rejected, failed). What a run's workers need to know
travels as one frozen :class:`RunOptions`.

Nothing personal leaves a record outside its (redacted) text: the id, URL,
source file and metadata of every output row and report pass through
:func:`cleaner.privacy.mask`. A record that cannot be written as UTF-8 (a lone
surrogate in its id, URL, metadata or text) fails with ``invalid_unicode``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from ..config import CleanerConfig
from ..privacy import mask, mask_path
from .outcome import DocumentTimeout, clean_one, time_limit
from .readers import ReadOptions, decode
from .records import Outcome, Record
from .rows import document_row

OutputFormat = Literal["jsonl", "jsonl.gz", "parquet"]

__all__ = ["DocumentTimeout", "OutputFormat", "Processor", "Result", "RunOptions",
           "failed_result", "time_limit"]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How each record of a run is cleaned and written: one value, passed whole from
    the command line to the pool, the workers, the Dask tasks and the processor."""

    #: per-document time limit in seconds (``None``: none)
    time_limit: float | None = None
    output_format: OutputFormat = "jsonl"
    #: the ``source`` of output rows that have none (default: the input file name)
    source_name: str | None = None
    #: reports carry the document view (for ``--html-report``; larger output)
    include_view: bool = False
    #: page files: kept/review text mirrored as ``.txt`` files (the default layout); off
    #: (``--output-format`` given): every page is a row in ``output_format``, like records
    page_text: bool = True
    #: rows carry the whole report, not the compact one (:func:`cleaner.batch.rows.compact_report`)
    full_report: bool = False


@dataclass(slots=True)
class Result:
    """What happened to one record; small and picklable (crosses process boundaries)."""

    outcome: Outcome
    id: str | None
    #: the output row (dolma shape, or a failed record) for record inputs / rejected pages
    row: dict[str, Any] | None = None
    #: ``row`` already serialized as one JSON line, UTF-8 without the newline (JSONL
    #: outputs: written as it is)
    line: bytes | None = None
    #: page inputs: the clean text and the relative path it is mirrored to
    text: str | None = None
    rel: str | None = None
    #: page inputs: the report as one JSON line, UTF-8 (``report.jsonl``)
    report_line: bytes | None = None
    lang: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    #: the reasons' codes (``too_short``, ``low_score``...; problems when there is no verdict)
    reason_codes: list[str] = field(default_factory=list)
    #: failed records: the machine-readable reason
    reason: str | None = None
    seconds: float = 0.0


def failed_result(rec: Record, reason: str, error: str, seconds: float = 0.0) -> Result:
    """A failed record's row: where it came from and why, personal data masked."""
    row: dict[str, Any] = {**rec.origin.to_dict(), "id": mask(rec.id), "reason": reason,
                           "error": mask(error)}
    row["source_file"] = mask_path(row["source_file"])
    if rec.url is not None:
        row["url"] = mask(rec.url)
    return Result("failed", mask(rec.id), row=row, rel=rec.rel, reason=reason, seconds=seconds)


def _writable(*values: str | None) -> bool:
    try:
        for v in values:
            if v is not None:
                v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _strings(obj: Any) -> list[str]:
    """Every string of a JSON-like value (iteratively: metadata can be deep)."""
    out: list[str] = []
    stack = [obj]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            stack.extend(k for k in x if isinstance(k, str))
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)):
            stack.extend(x)
    return out


class Processor:
    """Cleans records with one :class:`Cleaner` (built once, in the process that uses it).

    ``read``: how the run reads records (field names), for raw records (a JSONL line
    the reader did not decode: :attr:`Record.raw`), decoded here."""

    def __init__(self, config: CleanerConfig, options: RunOptions | None = None, *,
                 read: ReadOptions | None = None) -> None:
        from ..pipeline import Cleaner

        self.cleaner = Cleaner(config)
        self.options = options if options is not None else RunOptions()
        self.read = read if read is not None else ReadOptions()

    def process(self, rec: Record) -> Result:
        if rec.undecoded:
            try:
                rec = decode(rec, self.read)
            except Exception as exc:  # the reader's own failures are records, not raised
                return failed_result(rec, "internal_error", f"unexpected {type(exc).__name__}")
        if rec.reason is not None:
            return failed_result(rec, rec.reason, rec.error or rec.reason)
        try:
            return self._process(rec)
        except Exception as exc:  # a bug (or an exotic record) fails this record only
            return failed_result(rec, "internal_error", f"unexpected {type(exc).__name__}")

    def _process(self, rec: Record) -> Result:
        assert rec.source is not None
        opts = self.options
        # the text is the pipeline's business (it repairs lone surrogates); an id, URL or
        # metadata value that cannot be written as UTF-8 fails the record
        if not _writable(rec.id, rec.url, *_strings(rec.extra)):
            return failed_result(rec, "invalid_unicode", "the record holds a lone surrogate "
                                 "(invalid Unicode) in its id, URL or metadata")
        done = clean_one(self.cleaner, rec.source, url=rec.url, id=rec.id, format=rec.format,
                         limit=opts.time_limit, include_view=opts.include_view)
        if done.report is None:
            return failed_result(rec, done.reason or "error", done.error or "", done.seconds)
        report = done.report
        text: str = done.result.text
        if not _writable(text):
            return failed_result(rec, "invalid_unicode", "the clean text holds a lone surrogate "
                                 "(the input declared a codec that makes invalid Unicode)",
                                 done.seconds)
        res = Result(
            done.outcome, mask(rec.id), lang=done.lang, summary=done.summary,
            reasons=done.reasons, reason_codes=done.reason_codes, seconds=done.seconds,
            rel=rec.rel,
        )
        if rec.rel is not None and opts.page_text:  # a page file: mirrored .txt + report.jsonl
            res.report_line = json.dumps(report, ensure_ascii=False).encode("utf-8")
            if done.outcome != "rejected":
                res.text = text
        if res.text is None:  # a record, or a page as a row: one dolma-shaped row
            res.row = document_row(
                rec, text, report, lang=done.lang, page_metadata=done.result.metadata,
                reasons=done.reasons if done.outcome == "rejected" else None,
                source_name=opts.source_name,
                full_report=opts.full_report or opts.include_view,
            )
        if opts.output_format != "parquet" and res.row is not None:
            res.line = json.dumps(res.row, ensure_ascii=False).encode("utf-8")
            res.row = None
        return res
