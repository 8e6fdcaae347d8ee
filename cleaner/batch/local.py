"""The local engine: ``jobs`` worker processes, each building its :class:`Cleaner` once.

The parent reads records and hands one at a time to an idle worker; at most
``window`` records are in flight or waiting to be written, so memory stays
flat whatever the corpus size. Results come back in input order. Each
document runs under a soft time limit inside the worker (the document is
reported as failed and the worker goes on); a worker that does not answer
within the hard limit (stuck in C code) is killed and replaced.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..config import CleanerConfig
from ..errors import CleanerError, ConfigError, RunError
from .process import Processor, Result, RunOptions, failed_result
from .records import Record


def _worker_main(
    conn: Connection, config: CleanerConfig, options: RunOptions, parent_pid: int | None = None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        proc = Processor(config, options)
    except CleanerError as exc:
        conn.send(("error", str(exc)))
        return
    except Exception as exc:
        conn.send(("error", f"cannot build the pipeline: {type(exc).__name__}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            # a forked sibling may hold our pipe's other end, so a parent killed
            # with SIGKILL is not always an EOF here: notice it by our new parent
            while not conn.poll(1.0):
                if parent_pid is not None and os.getppid() != parent_pid:
                    return
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        seq, rec = msg
        conn.send((seq, proc.process(rec)))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: tuple[int, Record, float] | None = None


class LocalPool:
    """Ordered, bounded, time-limited parallel cleaning over worker processes."""

    def __init__(
        self,
        config: CleanerConfig,
        *,
        jobs: int = 1,
        options: RunOptions | None = None,
        window: int | None = None,
    ) -> None:
        if jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, not {jobs}")
        self.config = config
        self.jobs = jobs
        self.options = options if options is not None else RunOptions()
        self.time_limit = time_limit = self.options.time_limit
        self.hard_limit = None if not time_limit else time_limit + max(2.0, time_limit)
        self.window = window or jobs * 8
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
            args=(child, self.config, self.options, os.getpid()),
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
        #: a record whose worker died idle, before taking it: the next idle worker gets it
        orphan: tuple[int, Record] | None = None
        while True:
            # hand records to idle workers (failed-at-read records need no worker)
            for w in list(self.workers):
                while w.ready and w.task is None and (
                    orphan is not None or (not exhausted and issued - next_seq < self.window)
                ):
                    if orphan is not None:
                        (seq, rec), orphan = orphan, None
                    else:
                        try:
                            rec = next(it)
                        except StopIteration:
                            exhausted = True
                            break
                        seq = issued
                        issued += 1
                        if rec.reason is not None:
                            done[seq] = failed_result(rec, rec.reason, rec.error or rec.reason)
                            continue
                    try:
                        w.conn.send((seq, rec))
                    except OSError:  # killed while idle (EPIPE): not this record's fault
                        orphan = (seq, rec)
                        self._replace(w)
                        break
                    w.task = (seq, rec, time.monotonic())
            while next_seq in done:
                yield done.pop(next_seq)
                next_seq += 1
            busy = [w for w in self.workers if w.task is not None]
            if exhausted and not busy and next_seq == issued:
                return
            waiting = [w for w in self.workers if w.task is not None or not w.ready]
            if not waiting:
                # every worker idle and ready but the window is full of failed records
                continue
            timeout = 0.5
            if self.hard_limit is not None and busy:
                oldest = min(w.task[2] for w in busy if w.task is not None)
                timeout = max(0.01, min(timeout, oldest + self.hard_limit - time.monotonic()))
            ready = wait([w.conn for w in waiting], timeout=timeout)
            for w in list(self.workers):
                if w.conn not in ready:
                    continue
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    if w.task is None:
                        raise RunError("a worker process died while starting "
                                       "(out of memory? see the system log)") from None
                    seq, rec, _ = w.task
                    done[seq] = failed_result(rec, "worker_crashed",
                                              "the worker process died on this document")
                    w.task = None
                    self._replace(w)
                    continue
                if msg[0] == "ready":
                    w.ready = True
                    self.worker_pids.append(int(msg[1]))
                elif msg[0] == "error":
                    raise ConfigError(str(msg[1]))
                else:
                    seq, res = msg
                    done[seq] = res
                    w.task = None
            if self.hard_limit is not None:
                now = time.monotonic()
                for w in list(self.workers):
                    if w.task is not None and now - w.task[2] > self.hard_limit:
                        seq, rec, _ = w.task
                        done[seq] = failed_result(
                            rec, "time_limit",
                            f"cleaning took longer than {self.time_limit:g} s "
                            "(worker restarted)", now - w.task[2],
                        )
                        w.task = None
                        self._replace(w)
