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
from .process import OutputFormat, Processor
from .progress import Progress
from .readers import ReadOptions
from .records import Unit
from .tally import Tally

_processors: dict[tuple[Any, ...], Processor] = {}
_lock = threading.Lock()


def _processor(
    config: CleanerConfig, time_limit: float | None, fmt: OutputFormat, source: str | None,
    include_view: bool = False,
) -> Processor:
    key = (config, time_limit, fmt, source, include_view)
    with _lock:
        proc = _processors.get(key)
        if proc is None:
            proc = _processors[key] = Processor(
                config, time_limit=time_limit, output_format=fmt, source_name=source,
                include_view=include_view,
            )
        return proc


def process_unit(
    unit: Unit, out_dir: str, config: CleanerConfig, read_options: ReadOptions,
    fmt: OutputFormat, time_limit: float | None, source: str | None,
    include_view: bool = False,
) -> dict[str, Any]:
    """Clean one unit on a worker and commit its shards; returns the unit's tally."""
    from .run import unit_records
    from .writers import UnitSink

    proc = _processor(config, time_limit, fmt, source, include_view)
    sink = UnitSink(Path(out_dir), unit, fmt)
    skipped: Counter[str] = Counter()
    n = 0
    try:
        for rec in unit_records(unit, read_options, skipped):
            n += 1
            sink.add(proc.process(rec))
    except BaseException:
        sink.abort()
        raise
    sink.tally.skipped.update(skipped)
    sink.tally.read = n
    return sink.commit().to_dict()


def _import() -> tuple[Any, Any, Any]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingDependencyError("dask[distributed]", "dask") from None
    return Client, LocalCluster, as_completed


def run_dask(
    units: list[Unit], config: CleanerConfig, options: Any, tally: Tally, progress: Progress,
) -> dict[str, Any]:
    client_cls, cluster_cls, as_completed = _import()
    cluster = None
    if options.scheduler:
        client = client_cls(options.scheduler)
    else:
        cluster = cluster_cls(
            n_workers=options.jobs, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=":0",
        )
        client = client_cls(cluster)
    try:
        workers = list(client.scheduler_info().get("workers", {}))
        if not units:
            return {"workers": workers}
        futures = client.map(
            process_unit, units,
            out_dir=str(options.out_dir.resolve()), config=config,
            read_options=options.read, fmt=options.output_format,
            time_limit=options.time_limit, source=options.source_name,
            include_view=options.include_view, pure=False,
        )
        for fut in as_completed(futures):
            tally.merge(Tally.from_dict(fut.result()))
            progress.update(tally.documents, tally.outcomes["failed"])
        return {"workers": workers}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
