"""One document cleaned under a time limit, mapped to one outcome.

Batch (:mod:`cleaner.batch.process`), the Scrapy pipeline and the datatrove step
all clean through :func:`clean_one`, so a verdict maps to the same outcome, a
failure to the same reason code and message, and a report to the same counts
everywhere.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import CleanerError
from ..privacy import mask
from .records import Outcome

#: pipeline verdict -> batch outcome
OUTCOME_OF: dict[str, Outcome] = {"keep": "kept", "review": "review", "reject": "rejected"}


class DocumentTimeout(BaseException):
    """Raised inside a document's cleaning when it exceeds the per-document time limit.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that the pipeline's
    ``except Exception`` around each stage does not turn it into a stage error.
    """


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


@dataclass(slots=True)
class Cleaned:
    """What became of one document: an outcome, and either a report or a failure."""

    outcome: Outcome
    #: the pipeline's result (``None`` when failed)
    result: Any = None
    #: the report as a dict (id and URL masked)
    report: dict[str, Any] | None = None
    #: failed: the machine-readable reason and a message that never quotes the document
    reason: str | None = None
    error: str | None = None
    #: quality reasons (rejected/review) or the document's problems
    reasons: list[str] = field(default_factory=list)
    #: the reasons' codes (``too_short``, ``low_score``...; problems when there is no verdict)
    reason_codes: list[str] = field(default_factory=list)
    lang: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def verdict(self) -> str | None:
        return None if self.report is None else str(self.report["verdict"])


def failure(exc: BaseException, limit: float | None) -> tuple[str, str]:
    """(reason, message) for an exception raised while cleaning one document."""
    if isinstance(exc, DocumentTimeout):
        return "time_limit", f"cleaning took longer than {limit or 0:g} s"
    if isinstance(exc, CleanerError):
        return exc.reason, mask(str(exc)) or exc.reason
    if isinstance(exc, RecursionError):
        return "too_deep", "the document is nested too deeply to clean"
    if isinstance(exc, MemoryError):
        return "out_of_memory", "the document needs more memory than there is"
    # a bug: reported by type only (messages may quote text)
    return "internal_error", f"unexpected {type(exc).__name__}"


def clean_one(
    cleaner: Any, source: str | bytes, *, url: str | None = None, id: str | None = None,
    format: str | None = None, limit: float | None = None, include_view: bool = False,
) -> Cleaned:
    """Clean one document; never raises for the document's sake."""
    t0 = time.perf_counter()
    try:
        with time_limit(limit):
            result = cleaner.clean(source, url=url, id=id, format=format)
            report = result.report.to_dict(include_view=include_view)
    except (Exception, DocumentTimeout) as exc:
        reason, error = failure(exc, limit)
        return Cleaned("failed", reason=reason, error=error, seconds=time.perf_counter() - t0)
    report["id"] = mask(report.get("id"))
    report["url"] = mask(report.get("url"))
    quality = report.get("quality") or {}
    problems = [str(p) for p in report.get("problems") or []]
    codes = [str(d["code"]) for d in quality.get("reason_details") or []]
    return Cleaned(
        OUTCOME_OF[report["verdict"]], result=result, report=report,
        reasons=list(quality.get("reasons") or []) or problems,
        reason_codes=codes or problems,
        lang=(report.get("language") or {}).get("code"),
        summary=report.get("summary") or {}, seconds=time.perf_counter() - t0,
    )


def counts(summary: dict[str, Any]) -> dict[str, int]:
    """A report summary as flat counters (``removed/<category>``, ``pii/<type>``):
    the stats keys of the integrations (category and type names, never values)."""
    out: dict[str, int] = {}
    for cat, slot in (summary.get("removed") or {}).items():
        out[f"removed/{cat}"] = int(slot.get("count", 0))
    for typ, n in (summary.get("pii") or {}).items():
        out[f"pii/{typ}"] = int(n)
    return out
