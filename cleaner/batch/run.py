"""A batch run: plan units, skip completed ones (``--resume``), clean, summarize."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from ..config import CleanerConfig
from ..errors import ConfigError
from .process import OutputFormat, Result
from .progress import Progress
from .readers import JSONL_SUFFIXES, PARQUET_SUFFIXES, WARC_SUFFIXES, ReadOptions, read
from .records import OUTCOMES, InputFile, Record, Unit
from .tally import Tally
from .writers import (
    DONE_DIR,
    UnitSink,
    join_reports,
    read_marker,
    remove_stale_temps,
    write_atomic,
)

SUMMARY_SCHEMA = "cleaner.batch-summary/1"
Engine = Literal["local", "dask"]


@dataclass(kw_only=True)
class BatchOptions:
    out_dir: Path
    jobs: int = 1
    engine: Engine = "local"
    scheduler: str | None = None
    resume: bool = False
    quiet: bool = False
    time_limit: float | None = None
    output_format: OutputFormat = "jsonl"
    read: ReadOptions = field(default_factory=ReadOptions)
    source_name: str | None = None
    #: page files per unit (a unit has one resume marker and one report part)
    page_chunk: int = 500
    log_interval: float = 10.0
    interactive: bool | None = None
    #: reports carry the document view (what ``cleaner report`` renders as struck-through text)
    include_view: bool = False


_UNSAFE = re.compile(r"[^\w.\-/]+")


def _unit_name(rel: str) -> str:
    low = rel.lower()
    for suffix in sorted((*JSONL_SUFFIXES, *WARC_SUFFIXES, *PARQUET_SUFFIXES), key=len,
                         reverse=True):
        if low.endswith(suffix):
            rel = rel[: -len(suffix)]
            break
    name = _UNSAFE.sub("_", rel).strip("/")
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "input"


def plan_units(files: list[InputFile], page_chunk: int = 500) -> list[Unit]:
    """Record files are one unit each; consecutive page files share chunked units."""
    units: list[Unit] = []
    names: Counter[str] = Counter()
    pages: list[InputFile] = []
    chunks = 0

    def flush() -> None:
        nonlocal pages, chunks
        if pages:
            units.append(Unit(f"pages-{chunks:05d}", "page", tuple(pages)))
            chunks += 1
            pages = []

    for f in files:
        if f.kind == "page":
            pages.append(f)
            if len(pages) >= page_chunk:
                flush()
            continue
        flush()
        name = _unit_name(f.rel)
        names[name] += 1
        if names[name] > 1:
            name = f"{name}~{names[name]}"
        units.append(Unit(name, f.kind, (f,)))
    flush()
    return units


def unit_records(unit: Unit, options: ReadOptions, skipped: Counter[str]) -> Iterator[Record]:
    for f in unit.files:
        yield from read(f, options, skipped)


@dataclass
class BatchResult:
    summary: dict[str, Any]
    tally: Tally

    @property
    def failed(self) -> int:
        return self.tally.outcomes["failed"]


def run_batch(
    files: list[InputFile],
    config: CleanerConfig,
    options: BatchOptions,
    *,
    ignored: list[str] | None = None,
    stderr: TextIO | None = None,
) -> BatchResult:
    err = stderr if stderr is not None else sys.stderr
    out = options.out_dir
    if out.exists() and not out.is_dir():
        raise ConfigError(f"output {out} exists and is not a directory")
    earlier = (out / DONE_DIR).is_dir() or (out / "summary.json").exists()
    if earlier and not options.resume:
        raise ConfigError(
            f"{out} holds the outputs of an earlier run: add --resume to continue it, "
            "or choose another directory"
        )
    if options.engine == "dask" and any(f.is_stdin for f in files):
        raise ConfigError("the dask engine cannot read stdin: give files or folders")
    out.mkdir(parents=True, exist_ok=True)
    if options.resume:
        remove_stale_temps(out)
    units = plan_units(files, options.page_chunk)
    total = Tally()
    todo: list[Unit] = []
    resumed = 0
    for u in units:
        prior = read_marker(out, u) if options.resume else None
        if prior is not None:
            total.merge(prior)
            resumed += 1
        else:
            todo.append(u)
    known_total = (
        sum(len(u.files) for u in todo) if todo and all(u.kind == "page" for u in todo) else None
    )
    progress = Progress(err, total=known_total, quiet=options.quiet,
                        interactive=options.interactive, interval=options.log_interval)
    started = time.monotonic()
    this_run = Tally()
    extra: dict[str, Any] = {}
    try:
        if options.engine == "dask":
            from .dask_engine import run_dask

            extra = run_dask(todo, config, options, this_run, progress)
        else:
            extra = _run_local(todo, config, options, this_run, progress)
    finally:
        progress.close()
    elapsed = time.monotonic() - started
    total.merge(this_run)
    join_reports(out, units)
    summary = _summary(total, this_run, elapsed, units, resumed, files, ignored or [],
                       config, options, extra)
    write_atomic(out / "summary.json",
                 (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    if not options.quiet:
        err.write(format_table(summary))
        err.flush()
    return BatchResult(summary, total)


def _run_local(
    units: list[Unit], config: CleanerConfig, options: BatchOptions, tally: Tally,
    progress: Progress,
) -> dict[str, Any]:
    from .local import LocalPool

    if not units:
        return {"workers": []}
    # Entries in generation order: ("rec", unit index) per record, ("end", i) after a unit.
    order: deque[tuple[str, int]] = deque()
    skipped: list[Counter[str]] = [Counter() for _ in units]
    read_counts: Counter[int] = Counter()

    def records() -> Iterator[Record]:
        for i, u in enumerate(units):
            for rec in unit_records(u, options.read, skipped[i]):
                order.append(("rec", i))
                read_counts[i] += 1
                yield rec
            order.append(("end", i))

    sinks: dict[int, UnitSink] = {}

    def finish(i: int) -> None:
        sink = sinks.pop(i, None) or UnitSink(options.out_dir, units[i], options.output_format)
        sink.tally.skipped.update(skipped[i])
        sink.tally.read = read_counts[i]
        tally.merge(sink.commit())

    pool = LocalPool(config, jobs=options.jobs, time_limit=options.time_limit,
                     output_format=options.output_format, source_name=options.source_name,
                     include_view=options.include_view)
    pool.start()
    aborted = False
    try:
        res: Result
        for res in pool.imap(records()):
            while order and order[0][0] == "end":
                finish(order.popleft()[1])
            _, i = order.popleft()
            sink = sinks.get(i)
            if sink is None:
                sink = sinks[i] = UnitSink(options.out_dir, units[i], options.output_format)
            sink.add(res)
            done = tally.documents + sum(s.tally.documents for s in sinks.values())
            failed = tally.outcomes["failed"] + sum(
                s.tally.outcomes["failed"] for s in sinks.values())
            progress.update(done, failed)
        while order:
            kind, i = order.popleft()
            if kind == "end":
                finish(i)
    except BaseException:
        aborted = True
        for sink in sinks.values():
            sink.abort()
        raise
    finally:
        pool.close(kill=aborted)  # Ctrl-C or a full disk: no waiting for busy workers
    return {"workers": pool.worker_pids, "worker_restarts": pool.restarts}


def _summary(
    total: Tally, this_run: Tally, elapsed: float, units: list[Unit], resumed: int,
    files: list[InputFile], ignored: list[str], config: CleanerConfig, options: BatchOptions,
    extra: dict[str, Any],
) -> dict[str, Any]:
    body = total.to_dict()
    docs = body["documents"]
    accounted = docs["read"] == docs["in"] == sum(docs[o] for o in OUTCOMES)
    run_docs = this_run.documents
    summary: dict[str, Any] = {
        "schema": SUMMARY_SCHEMA,
        **body,
        "accounted": accounted,
        "run": {
            "engine": options.engine,
            "jobs": options.jobs,
            "documents": run_docs,
            "elapsed_s": round(elapsed, 3),
            "docs_per_s": round(run_docs / elapsed, 2) if elapsed > 0 else None,
            "worker_restarts": extra.get("worker_restarts", 0),
        },
        "units": {"total": len(units), "resumed": resumed, "run": len(units) - resumed},
        "inputs": {
            "files": len(files),
            "by_kind": dict(Counter(f.kind for f in files)),
            "ignored_files": len(ignored),
        },
        "output": {"dir": str(options.out_dir), "format": options.output_format},
        "config": config.to_dict(),
    }
    return summary


def _top(d: dict[str, Any], n: int = 8) -> str:
    items = list(d.items())
    shown = ", ".join(f"{k} {v}" for k, v in items[:n])
    return shown + (f", … (+{len(items) - n})" if len(items) > n else "") if items else "-"


def format_table(summary: dict[str, Any]) -> str:
    """The short human summary printed on stderr after a run."""
    docs = summary["documents"]
    run = summary["run"]
    lines = [
        f"cleaner: {docs['in']} documents ({run['documents']} this run in "
        f"{run['elapsed_s']:.1f} s, {run['docs_per_s'] or 0:.1f} docs/s, "
        f"{run['jobs']} job{'s' if run['jobs'] != 1 else ''}, {run['engine']})",
    ]
    for o in OUTCOMES:
        pct = 100 * docs[o] / docs["in"] if docs["in"] else 0.0
        line = f"  {o:<9}{docs[o]:>8}  {pct:5.1f}%"
        if o == "failed" and summary["failed_reasons"]:
            line += "  " + _top(summary["failed_reasons"])
        if o == "rejected" and summary["rejected_reasons"]:
            line += "  " + _top(summary["rejected_reasons"])
        lines.append(line)
    removed = {k: f"{v['count']} ({v['chars']} chars)" for k, v in summary["removed"].items()}
    lines.append(f"  removed  {_top(removed)}")
    lines.append(f"  pii      {_top(summary['pii'])}")
    lines.append(f"  languages {_top(summary['languages'])}")
    if summary["skipped_records"]:
        lines.append(f"  not documents (skipped) {_top(summary['skipped_records'])}")
    if summary["units"]["resumed"]:
        lines.append(f"  resumed  {summary['units']['resumed']} of {summary['units']['total']} "
                     "units completed by an earlier run")
    lines.append(f"  output   {summary['output']['dir']}")
    return "\n".join(lines) + "\n"
