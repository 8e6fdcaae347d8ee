"""The Dask engine: units (input shards) cleaned on a ``distributed`` cluster.

Each unit is one task: the worker reads the shard, cleans it with a
:class:`Processor` built once per worker process, and writes one output shard
per outcome straight into the output directory (which must therefore be on a
file system every worker sees: NFS, a shared volume, or ``localhost``). The
client only collects the per-unit counts.

Without ``--scheduler`` a ``LocalCluster`` with ``--jobs`` worker processes is
started on loopback; with ``--scheduler tcp://host:8786`` the run goes to an
existing cluster (start one with ``dask scheduler`` and ``dask worker``).
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import CleanerConfig
from ..errors import MissingDependencyError
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
    sink = UnitSink(Path(out_dir), unit, options.output_format)
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


def run_dask(
    units: list[Unit], config: CleanerConfig, options: BatchOptions, tally: Tally,
    progress: Progress,
) -> dict[str, Any]:
    client_cls, _, as_completed = _import()
    cluster = None
    if options.scheduler:
        client = client_cls(options.scheduler)
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
        for fut in as_completed(futures):
            tally.merge(Tally.from_dict(fut.result()))
            progress.update(tally.documents, tally.outcomes["failed"])
        return {"workers": workers}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
