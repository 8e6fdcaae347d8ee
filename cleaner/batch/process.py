"""Clean one :class:`Record` into a :class:`Result`; never raises.

Both engines (local processes, Dask workers) and the datatrove step use
:class:`Processor`: it builds a :class:`~cleaner.pipeline.Cleaner` once and
turns every record into exactly one outcome (kept, review, rejected, failed).
"""

from __future__ import annotations

import ctypes
import json
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from ..config import CleanerConfig
from ..errors import CleanerError
from .records import Outcome, Record

OutputFormat = Literal["jsonl", "jsonl.gz", "parquet"]


class DocumentTimeout(BaseException):
    """Raised inside a document's cleaning when it exceeds the per-document time limit.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that the pipeline's
    ``except Exception`` around each stage does not turn it into a stage error.
    """


@dataclass(slots=True)
class Result:
    """What happened to one record; small and picklable (crosses process boundaries)."""

    outcome: Outcome
    id: str | None
    #: the output row (dolma shape, or a failed record) for record inputs / rejected pages
    row: dict[str, Any] | None = None
    #: ``row`` already serialized as one JSON line (JSONL outputs)
    line: str | None = None
    #: page inputs: the clean text and the relative path it is mirrored to
    text: str | None = None
    rel: str | None = None
    #: page inputs: the report as one JSON line (``report.jsonl``)
    report_line: str | None = None
    lang: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    #: the reasons' codes (``too_short``, ``low_score``...; problems when there is no verdict)
    reason_codes: list[str] = field(default_factory=list)
    #: failed records: the machine-readable reason
    reason: str | None = None
    seconds: float = 0.0


_OUTCOME_OF: dict[str, Outcome] = {"keep": "kept", "review": "review", "reject": "rejected"}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def failed_result(rec: Record, reason: str, error: str, seconds: float = 0.0) -> Result:
    row: dict[str, Any] = {**rec.origin.to_dict(), "id": rec.id, "reason": reason, "error": error}
    if rec.url is not None:
        row["url"] = rec.url
    return Result("failed", rec.id, row=row, rel=rec.rel, reason=reason, seconds=seconds)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds``.

    In a main thread this uses ``SIGALRM``; elsewhere (Dask worker threads) a
    watchdog thread raises the exception asynchronously. Both interrupt Python
    code only; engines add a hard limit that kills a stuck worker process.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def _alarm(signum: int, frame: Any) -> None:
            raise DocumentTimeout()

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    fired: list[bool] = []

    def _watch() -> None:
        if done.wait(seconds):
            return
        with lock:
            if not done.is_set():
                fired.append(True)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(DocumentTimeout)
                )

    watcher = threading.Thread(target=_watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            done.set()
            if fired:  # fired but maybe not delivered yet: clear it, raise it here instead
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        watcher.join()
    if fired:
        raise DocumentTimeout()


class Processor:
    """Cleans records with one :class:`Cleaner` (built once, in the process that uses it)."""

    def __init__(
        self,
        config: CleanerConfig,
        *,
        time_limit: float | None = None,
        output_format: OutputFormat = "jsonl",
        source_name: str | None = None,
        include_view: bool = False,
    ) -> None:
        from ..pipeline import Cleaner

        self.cleaner = Cleaner(config)
        self.time_limit = time_limit
        self.serialize = output_format != "parquet"
        self.source_name = source_name
        #: reports carry the document view (for ``--html-report``; larger output)
        self.include_view = include_view

    def process(self, rec: Record) -> Result:
        if rec.reason is not None:
            return failed_result(rec, rec.reason, rec.error or rec.reason)
        assert rec.source is not None
        t0 = time.perf_counter()
        try:
            with time_limit(self.time_limit):
                result = self.cleaner.clean(rec.source, url=rec.url, id=rec.id, format=rec.format)
                report = result.report.to_dict(include_view=self.include_view)
        except DocumentTimeout:
            return failed_result(
                rec, "time_limit", f"cleaning took longer than {self.time_limit:g} s",
                time.perf_counter() - t0,
            )
        except CleanerError as exc:
            return failed_result(rec, exc.reason, str(exc), time.perf_counter() - t0)
        except Exception as exc:  # a bug: reported by type only (messages may quote text)
            return failed_result(
                rec, "internal_error", f"unexpected {type(exc).__name__}",
                time.perf_counter() - t0,
            )
        seconds = time.perf_counter() - t0
        verdict = report["verdict"]
        outcome: Outcome = _OUTCOME_OF[verdict]
        quality = report.get("quality") or {}
        reasons = list(quality.get("reasons") or []) or list(report.get("problems") or [])
        codes = [str(d["code"]) for d in quality.get("reason_details") or []]
        lang = (report.get("language") or {}).get("code")
        res = Result(
            outcome, rec.id, lang=lang, summary=report.get("summary") or {},
            reasons=reasons, reason_codes=codes or list(report.get("problems") or []),
            seconds=seconds, rel=rec.rel,
        )
        if rec.rel is not None:  # a page file: mirrored .txt + report.jsonl
            res.report_line = json.dumps(report, ensure_ascii=False)
            if outcome != "rejected":
                res.text = result.text
        if res.text is None:  # a record, or a rejected page: one dolma-shaped row
            meta = dict(rec.extra.get("metadata") or {})
            meta.update(url=rec.url, language=lang, cleaner=report)
            row: dict[str, Any] = {
                "id": rec.id,
                "text": result.text,
                "source": rec.extra.get("source") or self.source_name
                or Path(rec.origin.file).name,
                "added": _now(),
            }
            if "created" in rec.extra:
                row["created"] = rec.extra["created"]
            row["metadata"] = meta
            if outcome == "rejected":
                row["reasons"] = reasons
            res.row = row
        if self.serialize and res.row is not None:
            res.line = json.dumps(res.row, ensure_ascii=False)
            res.row = None
        return res
