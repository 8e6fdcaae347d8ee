"""A batch run: plan units, skip completed ones (``--resume``), clean, summarize.

The output folder is locked for the run (a second run into it refuses to start);
``summary.json`` is written on every way out that is not a kill: a complete run,
Ctrl-C or an output failure (``"status"`` says which).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from ..config import CleanerConfig
from ..errors import ConfigError, RunError
from ..privacy import mask_path, mask_tree
from .options import BatchOptions
from .process import Result
from .progress import Progress
from .readers import JSONL_SUFFIXES, PARQUET_SUFFIXES, WARC_SUFFIXES, in_place, read_unit
from .records import OUTCOMES, InputFile, Record, Unit
from .tally import Tally
from .writers import (
    DONE_DIR,
    STATE_DIR,
    UnitSink,
    join_reports,
    read_marker,
    remove_stale_temps,
    remove_unit_outputs,
    write_atomic,
)

SUMMARY_SCHEMA = "cleaner.batch-summary/1"
LOCK_FILE = f"{STATE_DIR}/lock"

__all__ = ["STDOUT", "BatchOptions", "BatchResult", "plan_units", "run_batch", "stream_batch"]

#: ``-o -``: records streamed to stdout instead of written into a folder
STDOUT = "-"
#: the outcomes ``-o -`` writes to stdout (rejected ones are counted, failed ones listed
#: on stderr)
STREAMED: tuple[str, ...] = ("kept", "review")

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
    """Record files are one unit each; consecutive page files share chunked units.

    Unit names (which name the output shards and resume markers) are unique,
    case-insensitively: a record file ``pages-00000.jsonl`` beside page files, or
    ``a.jsonl`` beside ``a.jsonl.gz``, gets ``~2``.
    """
    units: list[Unit] = []
    taken: set[str] = set()
    pages: list[InputFile] = []
    chunks = 0

    def claim(name: str) -> str:
        n, candidate = 1, name
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{name}~{n}"
        taken.add(candidate.casefold())
        return candidate

    def flush() -> None:
        nonlocal pages, chunks
        if pages:
            units.append(Unit(claim(f"pages-{chunks:05d}"), "page", tuple(pages)))
            chunks += 1
            pages = []

    for f in files:
        if f.kind == "page":
            pages.append(f)
            if len(pages) >= page_chunk:
                flush()
            continue
        flush()
        units.append(Unit(claim(_unit_name(f.rel)), f.kind, (f,)))
    flush()
    return units


@dataclass
class BatchResult:
    summary: dict[str, Any]
    tally: Tally

    @property
    def failed(self) -> int:
        return self.tally.outcomes["failed"]


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` (``.cleaner/lock``) or refuse with ``RunError``."""
    path = out / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fh: IO[str] = open(path, "a+")  # noqa: SIM115 - closed below
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise RunError(
                f"another cleaner run (pid {holder}) is writing into {out}: wait for it to "
                "finish, or choose another output folder"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        fh.close()


def _markers(out: Path) -> dict[str, dict[str, Any]]:
    """Every completion marker in ``out`` by unit name."""
    done = out / DONE_DIR
    found: dict[str, dict[str, Any]] = {}
    if not done.is_dir():
        return found
    for p in done.rglob("*.json"):
        try:
            data = json.loads(p.read_bytes())
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("unit"), str):
            found[data["unit"]] = data
    return found


def _remove_stale(out: Path, before: dict[str, dict[str, Any]], units: list[Unit]) -> int:
    """After a resumed run: outputs of inputs that are gone (a deleted file, a page that
    moved to another chunk) are removed; returns how many units were dropped."""
    current = {u.name for u in units}
    now = _markers(out)
    keep = {(o, r) for m in now.values() for o, r in m.get("mirrored") or []}
    dropped = 0
    for name, marker in before.items():
        for outcome, rel in marker.get("mirrored") or []:
            if (outcome, rel) not in keep:
                (out / outcome / f"{rel}.txt").unlink(missing_ok=True)
        if name not in current:
            remove_unit_outputs(out, name)
            dropped += 1
    return dropped


def run_batch(
    files: list[InputFile],
    config: CleanerConfig,
    options: BatchOptions,
    *,
    ignored: list[str] | None = None,
    skipped_files: Counter[str] | None = None,
    stderr: TextIO | None = None,
) -> BatchResult:
    out = options.out_dir
    if out.exists() and not out.is_dir():
        raise ConfigError(f"output {out} exists and is not a directory")
    if options.engine == "dask" and any(f.is_stdin for f in files):
        raise ConfigError("the dask engine cannot read stdin: give files or folders")
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = output_lock(out)
        lock.__enter__()
    except OSError as exc:
        raise RunError(f"cannot write into {out}: {exc.strerror or type(exc).__name__}") from None
    try:
        return _run_locked(files, config, options, ignored or [], skipped_files or Counter(),
                           stderr if stderr is not None else sys.stderr)
    finally:
        lock.__exit__(None, None, None)


def _run_locked(
    files: list[InputFile], config: CleanerConfig, options: BatchOptions, ignored: list[str],
    skipped_files: Counter[str], err: TextIO,
) -> BatchResult:
    out = options.out_dir
    earlier = (out / DONE_DIR).is_dir() or (out / "summary.json").exists()
    if earlier and not options.resume:
        raise ConfigError(
            f"{out} holds the outputs of an earlier run: add --resume to continue it, "
            "or choose another directory"
        )
    before = _markers(out) if options.resume else {}
    if options.resume:
        remove_stale_temps(out)
    units = plan_units(files, options.page_chunk)
    total = Tally()
    todo: list[Unit] = []
    resumed = 0
    cap = options.read.max_bytes
    for u in units:
        prior = read_marker(out, u, cap) if options.resume else None
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
    status = "complete"

    def summarize() -> dict[str, Any]:
        both = Tally()
        both.merge(total)
        both.merge(this_run)
        return _summary(both, this_run, time.monotonic() - started, units, resumed, files,
                        ignored, skipped_files, config, options, extra, status)

    try:
        if options.engine == "dask":
            from .dask_engine import run_dask

            extra = run_dask(todo, config, options, this_run, progress)
        else:
            extra = _run_local(todo, config, options, this_run, progress)
    except BaseException as exc:
        progress.close()
        status = "interrupted" if isinstance(exc, KeyboardInterrupt) else (
            f"stopped: {type(exc).__name__}")
        with contextlib.suppress(Exception):  # the disk may be full: best effort
            write_atomic(out / "summary.json", _dumps(summarize()))
        raise
    progress.close()
    if options.resume:
        extra["stale_units_removed"] = _remove_stale(out, before, units)
    join_reports(out, units)
    summary = summarize()
    total.merge(this_run)
    write_atomic(out / "summary.json", _dumps(summary))
    if not options.quiet:
        err.write(format_table(summary))
        err.flush()
    return BatchResult(summary, total)


def stream_batch(
    files: list[InputFile],
    config: CleanerConfig,
    options: BatchOptions,
    *,
    stdout: IO[bytes] | None = None,
    stderr: TextIO | None = None,
) -> BatchResult:
    """``-o -``: every record cleaned in order, the kept and review ones written to
    ``stdout`` as JSONL rows (the shape of the ``kept/`` files); nothing on disk.

    ``stderr`` gets the progress, one line per failed record (where and why, masked:
    what ``failed/`` would hold) and the summary table; rejected records are counted
    there. Every record read is accounted for in the summary
    (``read == kept + review + rejected + failed``). A closed stdout (``| head``)
    stops the run quietly.
    """
    if options.engine != "local":
        raise ConfigError("-o - (stdout) runs on the local engine: give -o DIR for dask")
    if options.resume:
        raise ConfigError("--resume needs an output folder (-o DIR), not stdout")
    out = stdout if stdout is not None else sys.stdout.buffer
    err = stderr if stderr is not None else sys.stderr
    run_opts = dataclasses.replace(options.run, output_format="jsonl", page_text=False)
    units = plan_units(files, options.page_chunk)
    known_total = (sum(len(u.files) for u in units)
                   if units and all(u.kind == "page" for u in units) else None)
    progress = Progress(err, total=known_total, quiet=options.quiet,
                        interactive=options.interactive, interval=options.log_interval)
    tally = Tally()
    skipped: Counter[str] = Counter()
    started = time.monotonic()

    def records() -> Iterator[Record]:
        for u in units:
            for rec in read_unit(u, options.read, skipped, raw=True):
                tally.read += 1
                yield rec

    from .local import LocalPool

    pool = LocalPool(config, jobs=options.jobs, options=run_opts, read=options.read)
    pool.start()
    status = "complete"
    aborted = False
    try:
        for res in pool.imap(records()):
            tally.add(res)
            if res.outcome in STREAMED and res.line is not None:
                out.write(res.line + b"\n")
            elif res.outcome == "failed" and res.row is not None:
                err.write(f"cleaner: failed: {_where(res.row)}: {res.row['reason']}: "
                          f"{res.row['error']}\n")
            progress.update(tally.documents, tally.outcomes["failed"])
        out.flush()
    except BrokenPipeError:
        status = "stopped: stdout closed"
        aborted = True
        with contextlib.suppress(OSError):  # no second EPIPE when Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    except BaseException:
        aborted = True
        raise
    finally:
        pool.close(kill=aborted)
        progress.close()
    tally.skipped.update(skipped)
    summary = _summary(tally, tally, time.monotonic() - started, units, 0, files, [],
                       Counter(), config, options, {"worker_restarts": pool.restarts}, status)
    summary["output"] = {"dir": STDOUT, "format": "jsonl", "streamed": list(STREAMED)}
    if not options.quiet:
        err.write(format_table(summary))
        err.flush()
    return BatchResult(summary, tally)


def _where(row: dict[str, Any]) -> str:
    """``file:line`` / ``file@offset`` / ``file#row`` of a failed row (already masked)."""
    where = str(row.get("source_file", "?"))
    if row.get("line") is not None:
        where += f":{row['line']}"
    elif row.get("offset") is not None:
        where += f"@{row['offset']}"
    elif row.get("row") is not None:
        where += f"#{row['row']}"
    return where


def _dumps(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
    fingerprints: dict[int, list[list[Any]]] = {}
    fmt = options.run.output_format

    def records() -> Iterator[Record]:
        cap = options.read.max_bytes
        for i, u in enumerate(units):
            # taken before reading: a file changed while it is read is redone by --resume;
            # a plain JSONL file is hashed as it is read (what was read is what is hashed)
            before = None if all(in_place(f) for f in u.files) else u.fingerprint(cap)
            digests: dict[str, tuple[int, str | None]] = {}
            # JSONL lines are decoded by the workers (the parent only finds line ends)
            for rec in read_unit(u, options.read, skipped[i], raw=True, digests=digests):
                order.append(("rec", i))
                read_counts[i] += 1
                yield rec
            fingerprints[i] = before if before is not None else u.fingerprint(cap, digests)
            order.append(("end", i))

    sinks: dict[int, UnitSink] = {}

    def finish(i: int) -> None:
        sink = sinks.pop(i, None) or UnitSink(options.out_dir, units[i], fmt,
                                             page_text=options.run.page_text)
        sink.tally.skipped.update(skipped[i])
        sink.tally.read = read_counts[i]
        tally.merge(sink.commit(fingerprints.pop(i)))

    pool = LocalPool(config, jobs=options.jobs, options=options.run, read=options.read)
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
                sink = sinks[i] = UnitSink(options.out_dir, units[i], fmt,
                                             page_text=options.run.page_text)
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
    files: list[InputFile], ignored: list[str], skipped_files: Counter[str],
    config: CleanerConfig, options: BatchOptions, extra: dict[str, Any], status: str,
) -> dict[str, Any]:
    body = total.to_dict()
    docs = body["documents"]
    accounted = docs["read"] == docs["in"] == sum(docs[o] for o in OUTCOMES)
    run_docs = this_run.documents
    summary: dict[str, Any] = {
        "schema": SUMMARY_SCHEMA,
        "status": status,
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
            "skipped_files": dict(sorted(skipped_files.items())),
        },
        "output": {"dir": mask_path(str(options.out_dir)), "format": options.run.output_format},
        # allow-lists and the like may hold the very values the run protects: masked too
        "config": mask_tree(config.to_dict()),
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
    if summary["inputs"].get("skipped_files"):
        lines.append(f"  not read (skipped files) {_top(summary['inputs']['skipped_files'])}")
    if summary["skipped_records"]:
        lines.append(f"  not documents (skipped) {_top(summary['skipped_records'])}")
    if summary["units"]["resumed"]:
        lines.append(f"  resumed  {summary['units']['resumed']} of {summary['units']['total']} "
                     "units completed by an earlier run")
    if summary.get("status", "complete") != "complete":
        lines.append(f"  status   {summary['status']} after {docs['in']} of the "
                     f"{docs['read']} records read")
    if summary["output"]["dir"] == STDOUT:
        lines.append(f"  output   stdout ({' and '.join(summary['output']['streamed'])} records)")
    else:
        lines.append(f"  output   {summary['output']['dir']}")
    return "\n".join(lines) + "\n"
