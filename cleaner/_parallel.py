"""``Cleaner.clean_many(items, jobs=N)``: the same stream, cleaned in N processes.

Each worker builds its own :class:`~cleaner.pipeline.Cleaner` from the parent's
config once (the engines load per process). At most ``4 * N`` items are in
flight, so a long or endless ``items`` iterator is consumed lazily; outcomes
come back in input order. Errors cross the process boundary as (class name,
reason, message) and are rebuilt as the same named exception, because a
:class:`~cleaner.errors.StageError` does not survive pickling by itself.

Fork-friendly warm start (:func:`warm_for_fork`): with the ``fork`` start method the
parent first loads what a pipeline loads lazily (trafilatura, presidio with spaCy,
langdetect's tables) and freezes its objects out of the garbage collector, so the
workers inherit them instead of each paying 2-3 s of CPU to import them again.

A worker that dies (a segfault in a dependency, the OOM killer) breaks the whole
process pool and every item in flight with it. Those items are then re-run one
at a time in a single-worker pool, so only the item that kills its worker fails
(reason ``worker_died``); the others are cleaned normally.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .config import CleanerConfig
from .errors import CleanerError, ConfigError, InputError, MissingDependencyError, StageError
from .model import CleanResult

#: what a worker sends back: a result, or (id, (error class, reason, message))
_Wire = CleanResult | tuple[str | None, tuple[str, str, str]]

_ERRORS: dict[str, type[CleanerError]] = {
    c.__name__: c
    for c in (CleanerError, InputError, StageError, ConfigError, MissingDependencyError)
}
_worker: Any = None
_clean_item: Callable[[Any, int, Any], Any] | None = None


def _init(build: Callable[[CleanerConfig], Any], clean_item: Callable[[Any, int, Any], Any],
          config: CleanerConfig) -> None:
    """Build this worker's pipeline. ``build`` and ``clean_item`` come from
    :mod:`cleaner.pipeline` as arguments (pickled by name), so this module does not import
    it: no import cycle."""
    global _worker, _clean_item
    _worker = build(config)
    _clean_item = clean_item


def _work(n: int, item: Any) -> _Wire:
    assert _clean_item is not None, "worker not initialised"
    outcome = _clean_item(_worker, n, item)
    if isinstance(outcome, CleanResult):
        return outcome
    rec_id, exc = outcome
    return rec_id, (type(exc).__name__, exc.reason, str(exc))


def _rebuild(wire: _Wire) -> CleanResult | tuple[str | None, CleanerError]:
    if isinstance(wire, CleanResult):
        return wire
    rec_id, (name, reason, message) = wire
    cls = _ERRORS.get(name, CleanerError)
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)
    exc.reason = reason
    return rec_id, exc


#: a small page that takes every lazily loaded path of the default pipeline: trafilatura
#: (HTML), langdetect (enough words), the PII analyzer (an e-mail trigger)
_WARM_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up page</h1>"
    + "<p>The council met on Tuesday to discuss the new bridge over the river and the "
    "traffic it will bring to the old town centre.</p>" * 3
    + "<p>Contact : warm.up@example.com</p></article></body></html>"
)


def warm_for_fork(cleaner: Any, *, freeze: bool = False) -> None:
    """Load, in this (parent) process, what cleaning loads on first use, so workers
    forked afterwards share those pages instead of importing again. With ``freeze``
    (a parent that is ours: the batch command) every object moves to the garbage
    collector's permanent generation (``gc.freeze``), so a collection in a worker does
    not touch, hence copy, them; a library caller's process is not frozen. Best effort:
    a warm-up that fails leaves the worker to load what it needs, as without it."""
    # a failure here is the workers' to report, per document
    with contextlib.suppress(Exception):
        cleaner.clean(_WARM_PAGE, format="html")
    engine = sys.modules.get("cleaner.pii.engine")
    if engine is not None:  # only when a PII stage was built
        with contextlib.suppress(Exception):
            engine.preload()
    if freeze:
        gc.freeze()


def _item_id(item: Any) -> str | None:
    return item.get("id") if isinstance(item, Mapping) else None


def _died(item: Any) -> tuple[str | None, CleanerError]:
    return _item_id(item), InputError(
        "the worker process died while cleaning this item", reason="worker_died"
    )


def clean_parallel(
    config: CleanerConfig, items: Iterable[Any], jobs: int, *,
    build: Callable[[CleanerConfig], Any], clean_item: Callable[[Any, int, Any], Any],
) -> Iterator[CleanResult | tuple[str | None, CleanerError]]:
    """Outcomes of cleaning ``items`` in ``jobs`` processes, in input order: each worker
    runs ``clean_item(build(config), n, item)``."""
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        with contextlib.suppress(Exception):  # a pipeline that cannot be built fails in _init
            warm_for_fork(build(config))

    def pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                                   initargs=(build, clean_item, config))

    source = enumerate(items)
    window = 4 * jobs
    pending: deque[tuple[int, Any, Future[_Wire]]] = deque()
    executor = pool(jobs)
    solo: ProcessPoolExecutor | None = None

    def fill() -> None:
        for n, item in source:
            pending.append((n, item, executor.submit(_work, n, item)))
            if len(pending) >= window:
                return

    try:
        fill()
        while pending:
            n, item, fut = pending.popleft()
            try:
                wire = fut.result()
            except BrokenProcessPool:
                # the pool is gone with everything in flight: redo those one at a time
                executor.shutdown(wait=True, cancel_futures=True)
                retry = [(n, item)] + [(m, it) for m, it, _ in pending]
                pending.clear()
                for m, it in retry:
                    if solo is None:
                        solo = pool(1)
                    try:
                        yield _rebuild(solo.submit(_work, m, it).result())
                    except BrokenProcessPool:
                        solo.shutdown(wait=True)
                        solo = None
                        yield _died(it)
                executor = pool(jobs)
                fill()
                continue
            yield _rebuild(wire)
            fill()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        if solo is not None:
            solo.shutdown(wait=True)
