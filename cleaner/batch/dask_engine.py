"""The Dask engine: units (input shards) cleaned on a ``distributed`` cluster.

Each unit is one task: the worker reads the shard, cleans it with a
:class:`Processor` built once per worker process, and writes one output shard
per outcome straight into the output directory (which must therefore be on a
file system every worker sees: NFS, a shared volume, or ``localhost``). The
client only collects the per-unit counts.

Without ``--scheduler`` a ``LocalCluster`` with ``--jobs`` worker processes is
started on loopback; with ``--scheduler tcp://host:8786`` the run goes to an
existing cluster (start one with ``dask scheduler`` and ``dask worker``).

The cluster failing is an environment failure (``RunError``, exit 3), never a
traceback or a hang: a scheduler that cannot be reached, a worker that dies on a
unit (``KilledWorker``: the scheduler gave up on it after its retries), the
scheduler going away, or no worker at all for :data:`WORKERLESS_SECONDS` while
units wait. Completed units stay committed, so ``--resume`` finishes the run.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import CleanerConfig
from ..errors import MissingDependencyError, RunError
from ..privacy import mask
from .options import BatchOptions
from .process import Processor, RunOptions
from .progress import Progress
from .readers import ReadOptions, read_unit
from .records import Unit
from .tally import Tally
from .writers import UnitSink

_processors: dict[tuple[CleanerConfig, RunOptions], Processor] = {}
_lock = threading.Lock()

#: where a local cluster listens: loopback only (scheduler, dashboard, workers, nannies)
LOOPBACK = "127.0.0.1"
#: how long the scheduler may have no worker while units wait before the run stops
WORKERLESS_SECONDS = 60.0
#: how long connecting to ``--scheduler`` may take
CONNECT_SECONDS = 30.0
_RESUME = "completed inputs are kept: fix the cluster and run again with --resume"


def _processor(config: CleanerConfig, options: RunOptions) -> Processor:
    with _lock:
        proc = _processors.get((config, options))
        if proc is None:
            proc = _processors[(config, options)] = Processor(config, options)
        return proc


def process_unit(
    unit: Unit, out_dir: str, config: CleanerConfig, read_options: ReadOptions,
    options: RunOptions,
) -> dict[str, Any]:
    """Clean one unit on a worker and commit its shards; returns the unit's tally."""
    proc = _processor(config, options)
    sink = UnitSink(Path(out_dir), unit, options.output_format, page_text=options.page_text)
    skipped: Counter[str] = Counter()
    fingerprint = unit.fingerprint(read_options.max_bytes)
    n = 0
    try:
        for rec in read_unit(unit, read_options, skipped):
            n += 1
            sink.add(proc.process(rec))
    except BaseException:
        sink.abort()
        raise
    sink.tally.skipped.update(skipped)
    sink.tally.read = n
    return sink.commit(fingerprint).to_dict()


def _import() -> tuple[Any, Any, Any]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingDependencyError("dask[distributed]", "dask") from None
    return Client, LocalCluster, as_completed


def local_cluster(jobs: int) -> Any:
    """A ``LocalCluster`` of ``jobs`` single-threaded worker processes whose every
    listener (scheduler, dashboard, workers, nannies, worker dashboards) is on loopback."""
    _, cluster_cls, _ = _import()
    return cluster_cls(
        n_workers=jobs, threads_per_worker=1, processes=True,
        host=LOOPBACK, dashboard_address=f"{LOOPBACK}:0",
        worker_dashboard_address=f"{LOOPBACK}:0",
    )


def _connect(client_cls: Any, address: str) -> Any:
    try:
        return client_cls(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as exc:
        raise RunError(f"cannot reach the Dask scheduler at {mask(address)}: "
                       f"{type(exc).__name__} within {CONNECT_SECONDS:.0f} s") from None


def _collect(client: Any, futures: dict[Any, Unit], tally: Tally, progress: Progress) -> None:
    """Merge each unit's tally as it completes; a dead worker, a lost scheduler or a
    cluster left without workers is a ``RunError``."""
    from distributed import KilledWorker, wait

    pending = set(futures)
    workerless_since: float | None = None
    while pending:
        try:
            done, pending = wait(pending, timeout=2.0, return_when="FIRST_COMPLETED")
        except TimeoutError:
            done = set()
        except OSError as exc:  # the scheduler went away
            raise RunError(f"lost the Dask scheduler: {type(exc).__name__} ({_RESUME})") from None
        for fut in done:
            unit = futures[fut]
            try:
                result = fut.result()
            except KilledWorker:
                raise RunError(
                    f"a Dask worker died while cleaning {mask(unit.name)} (the scheduler "
                    f"gave up after its retries: a crash, the OOM killer or a killed node; "
                    f"{_RESUME})") from None
            except OSError as exc:
                if exc.filename is not None:
                    raise  # a worker could not write the output: the run's own message
                raise RunError(f"lost the Dask cluster while cleaning {mask(unit.name)}: "
                               f"{type(exc).__name__} ({_RESUME})") from None
            tally.merge(Tally.from_dict(result))
            progress.update(tally.documents, tally.outcomes["failed"])
        if done or not pending:
            workerless_since = None
            continue
        try:
            workers = client.scheduler_info().get("workers", {})
        except OSError:
            workers = {}
        now = time.monotonic()
        if workers:
            workerless_since = None
        elif workerless_since is None:
            workerless_since = now
        elif now - workerless_since >= WORKERLESS_SECONDS:
            raise RunError(f"the Dask cluster has had no worker for {WORKERLESS_SECONDS:.0f} s "
                           f"with {len(pending)} unit(s) waiting ({_RESUME})")


def run_dask(
    units: list[Unit], config: CleanerConfig, options: BatchOptions, tally: Tally,
    progress: Progress,
) -> dict[str, Any]:
    client_cls, _, _ = _import()
    cluster = None
    if options.scheduler:
        client = _connect(client_cls, options.scheduler)
    else:
        cluster = local_cluster(options.jobs)
        client = client_cls(cluster)
    try:
        workers = list(client.scheduler_info().get("workers", {}))
        if not units:
            return {"workers": workers}
        futures = client.map(
            process_unit, units,
            out_dir=str(options.out_dir.resolve()), config=config,
            read_options=options.read, options=options.run, pure=False,
        )
        _collect(client, dict(zip(futures, units, strict=True)), tally, progress)
        return {"workers": workers}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
