"""The local engine: ``jobs`` worker processes, each building its :class:`Cleaner` once.

The parent reads records (JSONL lines undecoded, or as extents of a plain file:
the workers read and decode them, :func:`cleaner.batch.readers.decode`) and hands
each worker its next record while it cleans the current one (``prefetch``: the
worker's reader thread takes it off the pipe, so the worker never waits for a pipe
round trip between documents, and a parent sending a large record never blocks on
a worker that is itself sending); at most ``window`` records are in flight or
waiting to be written, so memory stays flat whatever the corpus size. Results come
back in input order. Each document runs under a soft time limit inside the worker (the document is
reported as failed and the worker goes on); a worker that does not answer
within the hard limit (stuck in C code) is killed and replaced.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..config import CleanerConfig
from ..errors import CleanerError, ConfigError, RunError
from .process import Processor, Result, RunOptions, failed_result
from .readers import ReadOptions, decode
from .records import Record


def _worker_main(
    conn: Connection, config: CleanerConfig, options: RunOptions, parent_pid: int | None = None,
    read: ReadOptions | None = None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        proc = Processor(config, options, read=read)
    except CleanerError as exc:
        conn.send(("error", str(exc)))
        return
    except Exception as exc:
        conn.send(("error", f"cannot build the pipeline: {type(exc).__name__}"))
        return
    conn.send(("ready", os.getpid()))
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_read_ahead, args=(conn, inbox, parent_pid), daemon=True).start()
    while True:
        msg = inbox.get()
        if msg is None:
            return
        seq, rec = msg
        conn.send((seq, proc.process(rec)))


def _read_ahead(conn: Connection, inbox: queue.SimpleQueue[Any], parent_pid: int | None) -> None:
    """The worker's reader: moves the parent's messages from the pipe to ``inbox`` while
    the main thread cleans (None: stop)."""
    try:
        while True:
            # a forked sibling may hold our pipe's other end, so a parent killed
            # with SIGKILL is not always an EOF here: notice it by our new parent
            while not conn.poll(1.0):
                if parent_pid is not None and os.getppid() != parent_pid:
                    inbox.put(None)
                    return
            msg = conn.recv()
            inbox.put(msg)
            if msg is None:
                return
    except (EOFError, OSError):
        inbox.put(None)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    #: (sequence number, record, start) in the order sent: the first is being cleaned
    #: (its start is when it became first), the others wait in the worker
    tasks: deque[tuple[int, Record, float]] = field(default_factory=deque)

    @property
    def task(self) -> tuple[int, Record, float] | None:
        """The record being cleaned, None when idle."""
        return self.tasks[0] if self.tasks else None


class LocalPool:
    """Ordered, bounded, time-limited parallel cleaning over worker processes."""

    def __init__(
        self,
        config: CleanerConfig,
        *,
        jobs: int = 1,
        options: RunOptions | None = None,
        window: int | None = None,
        prefetch: int = 1,
        read: ReadOptions | None = None,
    ) -> None:
        if jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, not {jobs}")
        self.config = config
        self.jobs = jobs
        self.options = options if options is not None else RunOptions()
        #: how raw records (undecoded JSONL lines) are decoded, in the workers
        self.read = read if read is not None else ReadOptions()
        self.time_limit = time_limit = self.options.time_limit
        self.hard_limit = None if not time_limit else time_limit + max(2.0, time_limit)
        self.window = window or jobs * 8
        #: records a busy worker holds besides the one it cleans
        self.prefetch = max(0, prefetch)
        methods = mp.get_all_start_methods()
        self.ctx: Any = mp.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker] = []
        self.worker_pids: list[int] = []
        self.restarts = 0

    # -- worker lifecycle -----------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        p = self.ctx.Process(
            target=_worker_main,
            args=(child, self.config, self.options, os.getpid(), self.read),
            daemon=True,
        )
        p.start()
        child.close()
        w = _Worker(p, parent)
        self.workers.append(w)
        return w

    def start(self) -> None:
        if self.ctx.get_start_method() == "fork":
            self._warm()
        for _ in range(self.jobs):
            self._spawn()

    def _warm(self) -> None:
        """Fork-friendly warm start: the parent loads the pipeline's lazily imported
        engines once and its workers inherit them (``-j 2`` paid the 2-3 s import per
        worker). A pipeline that cannot be built is left to the workers, which report
        why."""
        from .._parallel import warm_for_fork
        from ..pipeline import Cleaner

        try:
            cleaner = Cleaner(self.config)
        except Exception:
            return
        warm_for_fork(cleaner, freeze=True)

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: politely, or at once with ``kill`` (an aborted run
        throws their results away, so Ctrl-C does not wait for a busy worker)."""
        for w in self.workers:
            if kill:
                w.process.kill()
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        deadline = time.monotonic() + 5
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    def _replace(self, w: _Worker) -> None:
        w.process.kill()
        w.process.join()
        w.conn.close()
        self.workers.remove(w)
        self.restarts += 1
        self._spawn()

    def _decoded(self, rec: Record) -> Record:
        """``rec`` with the id and URL of its line, for a failure found here (a worker that
        died or timed out on it) instead of in a worker: a raw record is decoded."""
        if not rec.undecoded:
            return rec
        try:
            return decode(rec, self.read)
        except Exception:  # its own failure is the worker's to find: keep where it is from
            return Record(rec.origin, id=rec.id)

    def __enter__(self) -> LocalPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the ordered map ----------------------------------------------------------------

    def imap(self, records: Iterable[Record]) -> Iterator[Result]:
        """Results in the order of ``records``; every record yields exactly one result."""
        it = iter(records)
        exhausted = False
        done: dict[int, Result] = {}
        next_seq = 0  # next result to yield
        issued = 0  # next sequence number to hand out
        #: records a worker died holding but not cleaning (killed idle, or queued behind
        #: the record it died on): the next free worker gets them, first
        orphans: deque[tuple[int, Record]] = deque()

        def lost(w: _Worker, reason: str | None, message: str = "", took: float = 0.0) -> None:
            """``w`` is gone: its current record fails with ``reason`` (None: it had not
            started on it), the ones queued behind it go to other workers."""
            if w.tasks and reason is not None:
                seq, rec, _ = w.tasks.popleft()
                done[seq] = failed_result(self._decoded(rec), reason, message, took)
            orphans.extendleft(reversed([(seq, rec) for seq, rec, _ in w.tasks]))
            w.tasks.clear()
            self._replace(w)

        while True:
            # hand records to ready workers: first to the idle ones, then one more each
            # (failed-at-read records need no worker)
            for depth in range(1 + self.prefetch):
                for w in list(self.workers):
                    while w.ready and len(w.tasks) <= depth and (
                        orphans or (not exhausted and issued - next_seq < self.window)
                    ):
                        if orphans:
                            seq, rec = orphans.popleft()
                        else:
                            try:
                                rec = next(it)
                            except StopIteration:
                                exhausted = True
                                break
                            seq = issued
                            issued += 1
                            if rec.reason is not None:
                                done[seq] = failed_result(rec, rec.reason,
                                                          rec.error or rec.reason)
                                continue
                        try:
                            w.conn.send((seq, rec))
                        except OSError:  # the worker is gone (EPIPE): not this record's fault
                            orphans.appendleft((seq, rec))
                            lost(w, "worker_crashed", "the worker process died on this document")
                            break
                        w.tasks.append((seq, rec, time.monotonic()))
            while next_seq in done:
                yield done.pop(next_seq)
                next_seq += 1
            busy = [w for w in self.workers if w.tasks]
            if exhausted and not busy and not orphans and next_seq == issued:
                return
            waiting = [w for w in self.workers if w.tasks or not w.ready]
            if not waiting:
                # every worker idle and ready but the window is full of failed records
                continue
            timeout = 0.5
            if self.hard_limit is not None and busy:
                oldest = min(w.tasks[0][2] for w in busy)
                timeout = max(0.01, min(timeout, oldest + self.hard_limit - time.monotonic()))
            ready = wait([w.conn for w in waiting], timeout=timeout)
            for w in list(self.workers):
                if w.conn not in ready:
                    continue
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    if not w.tasks:
                        raise RunError("a worker process died while starting "
                                       "(out of memory? see the system log)") from None
                    lost(w, "worker_crashed", "the worker process died on this document")
                    continue
                if msg[0] == "ready":
                    w.ready = True
                    self.worker_pids.append(int(msg[1]))
                elif msg[0] == "error":
                    raise ConfigError(str(msg[1]))
                else:
                    seq, res = msg
                    done[seq] = res
                    w.tasks.popleft()
                    if w.tasks:  # the next one starts now
                        nseq, nrec, _ = w.tasks[0]
                        w.tasks[0] = (nseq, nrec, time.monotonic())
            if self.hard_limit is not None:
                now = time.monotonic()
                for w in list(self.workers):
                    if w.tasks and now - w.tasks[0][2] > self.hard_limit:
                        took = now - w.tasks[0][2]
                        lost(w, "time_limit", f"cleaning took longer than {self.time_limit:g} s "
                             "(worker restarted)", took)
